"""Remove web-scrape noise from a file's text and report every removal.

Rules run in order on the text left by the rules before them; each finds spans to cut (or, for a
site name, to replace) and every cut is recorded as a `Removal` in original-file offsets. The
cleaned text keeps an `OffsetMap` back to the original, so excerpts can be traced to the file.

Rules, each aimed at noise really found in the seed corpus:
  paywall          "隐藏内容 … 此处内容需要权限查看 … 会员免费查看" blocks (the speech gets a gap)
  chrome           page furniture lines: site banners, "加入收藏 … 预计阅读时长", "微信扫码分享",
                   and the trailing block of such lines (with a bare page number)
  link             "点击查看更多:<another article's title>"
  watermark        "精品WORD文档下载可编缉使用" inserted mid-sentence
  site-name        "老秘网" pasted over a place name ("我老秘网县" -> "我县") or over "网站"
  ascii-garbage    runs like "6 t: p2 k: C3 _: t4 ]" at line starts/ends, and symbol-only lines
  repeated-title   the title printed twice (in a line, or glued to the body when links were cut)

What it deliberately does not do: touch anonymised placeholders (XX, 20xx, 20_年, _ , *), which
are real text; rewrite wording; fold scripts (see script.py). Block-level cuts in the middle of a
line leave a line break, so the structure they separated survives.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from .script import variants
from .types import OffsetMap, Removal, Segment

Span = tuple[int, int, str]  # (start, end, replacement) in the current text


def both_scripts(pattern: str) -> str:
    """Regex `pattern` with each Han character widened to its Simplified/Traditional forms.

    >>> both_scripts("点击[更]")
    '[点點][击擊][更]'
    """
    out, in_class = [], False
    for ch in pattern:
        if ch == "[" and not in_class:
            in_class = True
        elif ch == "]" and in_class:
            in_class = False
        if "\u4e00" <= ch <= "\u9fff" and len(v := variants(ch)) > 1:
            out.append(v if in_class else f"[{v}]")
        else:
            out.append(ch)
    return "".join(out)


def _rx(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(both_scripts(pattern), flags)


# ---------------------------------------------------------------- rules
_PAYWALL = _rx(r"(?m)^[ \t]*隐藏内容[ \t]*\r?\n(?s:.{0,600}?)会员免费查看[^\n]*")
_PAYWALL_LINE = _rx(r"(?m)^[^\n]{0,20}此处内容需要权限查看[^\n]*\n?")


def _paywall(t: str) -> Iterable[Span]:
    spans = [(m.start(), m.end(), "\n") for m in _PAYWALL.finditer(t)]
    for m in _PAYWALL_LINE.finditer(t):
        if not any(s <= m.start() < e for s, e, _ in spans):
            spans.append((m.start(), m.end(), "\n"))
    return spans


_CHROME = _rx(
    r"观山文库|记住我[,，]?来上我|加入收藏|预计阅读时长|共计\d+个字|^admin\s+分享|扫码(?:领取|分享|关注)"
    r"|^领取福利$|上一篇[:：]|下一篇[:：]|返回顶部|版权所有|本文(?:来源|链接|地址)[:：]|免责声明"
)
_CHROME_MAX = 80  # a longer line is prose that happens to mention such words


def _is_chrome(line: str) -> bool:
    s = line.strip()
    return 0 < len(s) <= _CHROME_MAX and "。" not in s and bool(_CHROME.search(s))


def _chrome(t: str) -> Iterable[Span]:
    lines = t.splitlines(keepends=True)
    pos, spans = 0, []
    bounds = []
    for line in lines:
        bounds.append((pos, pos + len(line)))
        if _is_chrome(line):
            spans.append((pos, pos + len(line), ""))
        pos += len(line)
    # the trailing block: blank, chrome or bare-number lines after the last line of prose
    for (s, e), line in zip(reversed(bounds), reversed(lines)):
        stripped = line.strip()
        if not stripped or _is_chrome(line):
            continue
        if re.fullmatch(r"\d{3,12}", stripped):
            spans.append((s, e, ""))
            continue
        break
    return spans


_LINK = _rx(r"点击查看更多[:：](?:[^。！？!?\n]{0,60}?(?:讲话|发言|致辞|报告|讲稿)稿?)?")


def _link(t: str) -> Iterable[Span]:
    return [(m.start(), m.end(), "\n") for m in _LINK.finditer(t)]


_WATERMARK = _rx(r"精品\s*WORD\s*文档下载可编[缉辑]使用", re.IGNORECASE)


def _watermark(t: str) -> Iterable[Span]:
    return [(m.start(), m.end(), "") for m in _WATERMARK.finditer(t)]


SITE_NAMES = {"老秘网": "网站"}  # site name -> the word it usually replaced


def _site_name(t: str) -> Iterable[Span]:
    spans = []
    for name, word in SITE_NAMES.items():
        for m in re.finditer(both_scripts(name), t):
            # "我老秘网县": the name stands in for a place; dropping it leaves "我县"
            nxt = t[m.end() : m.end() + 1]
            spans.append((m.start(), m.end(), "" if nxt in variants("县") + variants("市") else word))
    return spans


_TOK = r"[!-~]{1,2}"
_GARBAGE_START = re.compile(
    rf"(?m)^[ \t]*(?:{_TOK} ){{2,}}[!-~]{{0,2}}?(?=[(（][一二三四五六七八九十\d]+[)）]|[^\x00-\x7f])"
)
_GARBAGE_END = re.compile(rf"(?m)(?:(?<=[^\x00-\x7f])|(?<=[!?.;,:]))(?![!?.;,:]){_TOK}(?: {_TOK}){{3,}}[ \t\r]*$")
_SYMBOL_LINE = re.compile(r"(?m)^[ \t]*[!-/:-@\[-`{-~]{1,3}[ \t\r]*$")
_SYMBOLS = re.compile(r"[!-/:-@\[-`{-~]")


def _ascii_garbage(t: str) -> Iterable[Span]:
    spans = []
    for rx in (_GARBAGE_START, _GARBAGE_END):
        for m in rx.finditer(t):
            # real ASCII at a line edge ("2010年", "1. ", "(一)") has no run of spaced symbol pairs
            if len(_SYMBOLS.findall(m.group())) >= 2:
                spans.append((m.start(), m.end(), ""))
    spans += [(m.start(), m.end(), "") for m in _SYMBOL_LINE.finditer(t)]
    return spans


_SENTENCE_END = re.compile(r"[。！？!?；;]")


def _repeated_title(t: str) -> Iterable[Span]:
    """The opening title printed again right after itself (maybe glued to the body)."""
    lead = len(t) - len(t.lstrip())
    s = t[lead:]
    best: tuple[float, int, int] | None = None  # (ratio, title length, copy length)
    for n in range(6, min(100, len(s) // 2) + 1):
        title = s[:n]
        if _SENTENCE_END.search(title) or "\n" in title.strip():
            break
        q = n + (len(s[n:]) - len(s[n:].lstrip()))
        for m in range(max(4, n - 2), n + 3):
            ratio = SequenceMatcher(None, title.strip(), s[q : q + m]).ratio()
            if ratio >= 0.9 and (best is None or (ratio, n) > best[:2]):
                best = (ratio, n, m)
    if best is None:
        return []
    _, n, m = best
    q = n + (len(s[n:]) - len(s[n:].lstrip()))
    return [(lead + q, lead + q + m, "" if q > n else "\n")]


Rule = Callable[[str], Iterable[Span]]
RULES: tuple[tuple[str, Rule], ...] = (
    ("paywall", _paywall),
    ("chrome", _chrome),
    ("link", _link),
    ("watermark", _watermark),
    ("site-name", _site_name),
    ("ascii-garbage", _ascii_garbage),
    ("repeated-title", _repeated_title),
)


# ---------------------------------------------------------------- machinery
@dataclass(frozen=True)
class Cleaned:
    """The cleaned text of a file, its map to the original, and what was removed."""

    text: str
    offsets: OffsetMap
    removed: tuple[Removal, ...]


def _merge(spans: Iterable[Span]) -> list[Span]:
    """Sort spans and drop any that overlap an earlier-starting (or longer) one."""
    out: list[Span] = []
    for s, e, r in sorted(spans, key=lambda x: (x[0], -(x[1] - x[0]))):
        if e <= s and not r:
            continue
        if out and s < out[-1][1]:
            continue
        out.append((s, e, r))
    return out


def clean(original: str) -> Cleaned:
    """Apply every rule to `original`; return the cleaned text, its offset map and the removals.

    >>> c = clean("层层精品WORD文档下载可编缉使用决策")
    >>> c.text, c.removed[0].rule, c.offsets.span(1, 3)  # "层决" spans the cut in the original
    ('层层决策', 'watermark', (1, 18))
    """
    import numpy as np

    text = original
    # per current character: its original start and end, and whether it is the file's own character
    starts = np.arange(len(original), dtype=np.int64)
    ends = starts + 1
    copied = np.ones(len(original), dtype=bool)
    removed: list[Removal] = []
    for name, rule in RULES:
        spans = _merge(rule(text))
        if not spans:
            continue
        parts: list[str] = []
        keep: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        pos = 0
        for s, e, repl in spans:
            parts.append(text[pos:s])
            keep.append((starts[pos:s], ends[pos:s], copied[pos:s]))
            o_s = int(starts[s]) if s < len(starts) else len(original)
            o_e = int(ends[e - 1]) if e > s else o_s
            removed.append(Removal(o_s, o_e, original[o_s:o_e], name, repl))
            parts.append(repl)
            n = len(repl)
            keep.append((np.full(n, o_s, np.int64), np.full(n, o_e, np.int64), np.zeros(n, bool)))
            pos = e
        parts.append(text[pos:])
        keep.append((starts[pos:], ends[pos:], copied[pos:]))
        text = "".join(parts)
        starts, ends, copied = (np.concatenate([k[i] for k in keep]) for i in range(3))
    removed.sort(key=lambda r: (r.start, r.end))
    return Cleaned(text, _segments(starts, ends, copied), tuple(removed))


def _segments(starts: Any, ends: Any, copied: Any) -> OffsetMap:
    """Run-length encode per-character (start, end, copied) arrays into an OffsetMap."""
    import numpy as np

    n = len(starts)
    if n == 0:
        return OffsetMap(())
    # a run breaks where `copied` flips, where copied characters stop being contiguous in the
    # original, or where a replacement's original span changes
    brk = np.zeros(n, dtype=bool)
    brk[0] = True
    brk[1:] = (copied[1:] != copied[:-1]) | np.where(
        copied[1:], starts[1:] != starts[:-1] + 1, (starts[1:] != starts[:-1]) | (ends[1:] != ends[:-1])
    )
    idx = np.flatnonzero(brk).tolist() + [n]
    segs = []
    for i, j in zip(idx, idx[1:]):
        if copied[i]:
            segs.append(Segment(i, j, int(starts[i]), int(ends[j - 1]), True))
        else:
            segs.append(Segment(i, j, int(starts[i]), int(ends[i]), False))
    return OffsetMap(tuple(segs))
