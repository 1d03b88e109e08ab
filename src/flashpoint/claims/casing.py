"""Whether a statement was lower-cased, and the features whose evidence rests on casing."""

from __future__ import annotations

# Name evidence that rests on casing. Machine summaries often come lower-cased ("prof anna lindqvist
# , of the karolinska institute ...") and the tagger then only guesses which words are names, so in a
# lower-cased statement these count under their own "<name>_lowercased" weights: fitted on the
# lower-cased summaries of the tuning data, they no longer drag the weights of written names.
CASE_FEATURES = ("entity_doc", "entity_window", "actor_mismatch")
LOWERCASED = "_lowercased"
_MIN_LETTERS = 12  # shorter statements carry too little to tell that they were lower-cased


def is_lowercased(text: str) -> bool:
    """True when a statement has no capital letter at all (over enough letters to tell)."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= _MIN_LETTERS and not any(c.isupper() for c in letters)
