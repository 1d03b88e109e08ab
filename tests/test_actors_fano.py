"""Fano, the Amhara militia of 2023-2025 news, is an Ethiopian armed group: "Fano fighters
ambushed a convoy" is ETHREB, not an unknown name. Sentence written for this test (probe15)."""

from __future__ import annotations

import pytest

from flashpoint.actors import resolve


@pytest.mark.parametrize("text", ["Fano fighters", "the Fano militia"])
def test_actors_fano_is_an_ethiopian_armed_group(text):
    actor = resolve(text)
    assert actor is not None and actor.code == "ETHREB", actor
