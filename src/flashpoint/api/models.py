"""Request bodies of the API, validated by pydantic (a bad body is a 422 in the one error shape)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

# Longest page analysed on request. A long news article is ~50,000 characters; spaCy's parser
# needs about 1 GB of temporary memory per 100,000 and refuses texts above nlp.max_length
# (1,000,000), so the API refuses early with a 422 instead of failing inside the pipeline.
MAX_TEXT_CHARS = 200_000
# Publication dates accepted: news, not archaeology. Relative phrases ("last week") are
# resolved against this date, which must leave room on both sides of the calendar.
EARLIEST_PUBLISHED = dt.date(1900, 1, 1)
LATEST_PUBLISHED = dt.date(2100, 12, 31)


class PageIn(BaseModel):
    """A page to analyse: scraped text, HTML or a JSON record, with optional metadata."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(
        min_length=1,
        max_length=MAX_TEXT_CHARS,
        description="The page: scraped text, HTML or a JSON record.",
    )
    published: dt.date | None = Field(
        default=None,
        ge=EARLIEST_PUBLISHED,
        le=LATEST_PUBLISHED,
        description="Publication date (1900-2100); resolves relative dates such as 'on Tuesday'.",
    )
    title: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(default=None, max_length=4000)
    source: str | None = Field(default=None, max_length=200)
    kind: Literal["auto", "text", "html", "json"] = Field(
        default="auto", description="How to read `text`; 'auto' sniffs HTML and JSON."
    )
