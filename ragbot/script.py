"""Traditional/Simplified Chinese: detection, folding for matching, conversion for display.

Folding (Traditional -> Simplified, OpenCC `t2s`, phrase-aware) is only for matching and indexing;
the original text is what gets displayed. `fold` keeps the length of its input, so a position in
folded text is the same position in the original; when OpenCC's phrase tables would change the
length, it falls back to character-by-character conversion. Simplified -> Traditional for answers
uses `s2tw` (OpenCC's phrase tables plus Taiwan character forms, as in the Traditional speeches):
it picks 頭髮 vs 發展 from context, but it does not rewrite vocabulary.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import TYPE_CHECKING

from .types import Script

if TYPE_CHECKING:
    import opencc


@cache
def _converter(config: str) -> opencc.OpenCC:
    import opencc

    return opencc.OpenCC(config)


def fold(text: str) -> str:
    """Simplified form of `text`, same length, for matching.

    >>> fold("辦公室工作")
    '办公室工作'
    """
    out: str = _converter("t2s").convert(text)
    if len(out) != len(text):
        conv = _converter("t2s").convert
        out = "".join(c2 if len(c2 := conv(c)) == 1 else c for c in text)
    return out


def to_traditional(text: str) -> str:
    """Traditional form of `text`, for answering a Traditional asker.

    >>> to_traditional("头发和发展")
    '頭髮和發展'
    """
    return str(_converter("s2tw").convert(text))


def to_script(text: str, script: Script) -> str:
    """`text` converted to `script` (Simplified answers fold, Traditional ones convert)."""
    return to_traditional(text) if script == "traditional" else fold(text)


def script_counts(text: str) -> tuple[int, int]:
    """(traditional-only characters, simplified-only characters) in `text`."""
    to_s = fold(text)
    trad = sum(1 for a, b in zip(text, to_s) if a != b)
    to_t = _converter("s2t").convert(text)
    simp = sum(1 for a, b in zip(text, to_t) if a != b) if len(to_t) == len(text) else 0
    return trad, simp


def detect_script(text: str) -> Script:
    """'traditional' when Traditional-only characters outnumber Simplified-only ones, else 'simplified'.

    Text with neither (ASCII, or characters shared by both scripts) counts as Simplified.

    >>> detect_script("辦公室主任應該做什麼？"), detect_script("办公室主任应该做什么？")
    ('traditional', 'simplified')
    """
    trad, simp = script_counts(text)
    return "traditional" if trad > simp else "simplified"


@lru_cache(maxsize=4096)
def variants(ch: str) -> str:
    """The character and its other-script forms, e.g. '点' -> '点點' (for patterns that match both)."""
    out = ch
    for form in (fold(ch), _converter("s2t").convert(ch)):
        if len(form) == 1 and form not in out:
            out += form
    return out
