"""Request bodies of the API, validated by pydantic (a bad body is a 422 in the one error shape)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class PageIn(BaseModel):
    """A page to analyse: scraped text, HTML or a JSON record, with optional metadata."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="The page: scraped text, HTML or a JSON record.")
    published: dt.date | None = Field(
        default=None, description="Publication date; resolves relative dates such as 'on Tuesday'."
    )
    title: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(default=None, max_length=4000)
    source: str | None = Field(default=None, max_length=200)
    kind: Literal["auto", "text", "html", "json"] = Field(
        default="auto", description="How to read `text`; 'auto' sniffs HTML and JSON."
    )
