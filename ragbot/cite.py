"""Mechanical citation checking, for every generator. Pure functions, no models.

An answer is split into sentences (Chinese punctuation aware; a marker like [2] right after a
sentence end belongs to that sentence). For each sentence:
  - a marker pointing at no excerpt ([7] of 5) is removed;
  - a marker whose excerpt does not support the sentence is moved to the excerpt that does, or
    removed;
  - a sentence without a marker gets its best supporting excerpt attached;
  - a sentence no excerpt supports is flagged unsupported (the refusal sentence needs no support).
"Supports" is character-bigram containment: the share of the sentence's bigrams (folded to
Simplified, letters and digits and Han only) found in the excerpt, at least `threshold`. Template
words (list numbering, a lead-in such as 讲话对此提出：) are not claims: they are left out of the
comparison, and a sentence of template words alone needs no excerpt.
What it does not do: judge whether a supported sentence is *true*; it checks that the words a
sentence relies on are in the excerpt it cites.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .script import fold, to_simplified
from .types import AnswerSentence

# the refusal: nothing found that confirms an answer (the closest passages follow, on the topic or near it; "语料中
# 没有找到相关内容" said the speeches hold nothing related, which the 184th and 186th blind readers found overstated)
REFUSAL = "讲话中没有找到能确认回答这个问题的内容"
REFUSAL_T = "講話中沒有找到能確認回答這個問題的內容"
EARLIER_REFUSAL = "语料中没有找到相关内容"  # what an older prompt told a model to say: still a refusal
ASK_IN_CHINESE = "这些讲话都是中文的，请用中文提问"  # the reply to a question without Chinese: also a refusal
# template words an answer may use around the speeches' own words: a lead-in, list numbering. They
# carry no claim, so they need no excerpt (folded forms; a lead-in ends with ： or stands alone)
LEAD_INS = (
    "讲话对此提出",
    "讲话中的说法",
    "讲话中有这些说法",
    "讲话提出以下几点",
    "共有以下几点",
    "讲话中提到",
    "讲话把它归入",
    "具体来说",
)
_LEAD_IN = re.compile("^(" + "|".join(LEAD_INS) + ")[：:]?")
_SOURCE = re.compile(r"^\s*《[^《》\n]{2,40}》[：:]")  # which speech what follows is from: 《…篇12》：
SOURCE_CHARS = 32  # a speech's title in a source label, at most (the citations give it whole)


def source_label(title: str) -> str:
    """The template line naming the speech the next points are from (a title is no claim).

    >>> source_label("教育系统办公室主任会议讲话 篇12"), source_label("在全市政府系统办公室主任会议上的讲话稿:研究改进作风")
    ('《教育系统办公室主任会议讲话 篇12》：', '《在全市政府系统办公室主任会议上的讲话稿》：')
    >>> source_label("经县政府主要领导同意,定于今天召开全县政府系统办公室工作会议…")  # a first line as title
    '《全县政府系统办公室工作会议讲话》：'
    >>> source_label("經縣政府主要領導同意,定於今天召開全縣政府系統辦公室工作會議…")
    '《全縣政府系統辦公室工作會議講話》：'
    >>> claim(source_label("在党政办公室业务工作培训会上的开班讲话")), claim("《讲话 篇3》：要加强学习。")
    ('', '要加强学习。')
    """
    short = re.split(r"[:：]", title.strip(), maxsplit=1)[0].strip("…. ")  # no … : it would end a sentence
    meeting = _MEETING.search(short) if re.search(r"[,，]", short) else None  # a first sentence, not a title
    speech = "講話" if meeting and "會議" in meeting.group(1) else "讲话"
    return f"《{meeting.group(1) + speech if meeting else short[:SOURCE_CHARS]}》："


_MEETING = re.compile(r"召[开開]了?(?:[这這]次|本次)?([\u4e00-\u9fff]{2,24}?(?:会议|會議))")


_NUMBERING = re.compile(r"^\s*(?:[0-9]{1,2}[.、．]|[（(][0-9]{1,2}[）)])\s*")
_MARKER = re.compile(r"\[(\d{1,3})\]")
_SPLIT = re.compile(r"(.+?(?:[。！？!?；;…]+[”’」』\"')）]*|\n|$)(?:\s*(?:\[\d{1,3}\])+)?)", re.S)
_KEEP = re.compile(r"[\w\u4e00-\u9fff]")
_ASKED_TOO = re.compile(r"[\u4e00-\u9fff]{1,7}[?？](?:\[\d{1,3}\])*$")  # 拜不拜年啊? after 送不送礼啊? (no marker)


def split_sentences(text: str) -> list[str]:
    """Sentences of an answer, each with the markers that follow it.

    >>> split_sentences("办公室要做好督查。[1]信息要快[2]。还要学习！")
    ['办公室要做好督查。[1]', '信息要快[2]。', '还要学习！']
    >>> split_sentences("管仲提出：“夫霸王之所始也，以人为本。本理则国固。”[1]谢谢。")  # a quotation is one claim
    ['管仲提出：“夫霸王之所始也，以人为本。本理则国固。”[1]', '谢谢。']
    >>> split_sentences('按照关于"各地应列入议事日程。要提供经费"的要求。[1]')
    ['按照关于"各地应列入议事日程。要提供经费"的要求。[1]']
    >>> split_sentences("还在纠结,送不送礼啊?拜不拜年啊?[1]还有什么可纠结的。[1]")  # questions voiced in a row, cited once
    ['还在纠结,送不送礼啊?拜不拜年啊?[1]', '还有什么可纠结的。[1]']
    """
    out: list[str] = []
    for m in _SPLIT.finditer(text):
        s = m.group(1).strip()
        if s and out and _open_quote(out[-1]) and "\n" not in m.group(1) and not _MARKER.search(out[-1]):
            out[-1] += s  # inside a quotation that has not closed yet
        elif s and out and out[-1].endswith(("?", "？")) and _ASKED_TOO.match(s):
            out[-1] += s  # a short question right after one, in one piece: one sentence, no fragment
        elif s and _KEEP.search(_MARKER.sub("", s)):
            out.append(s)
        elif s and out and _MARKER.fullmatch(s.replace(" ", "")):
            out[-1] += s  # a marker on its own line belongs to the sentence before
    return out


QUOTE_PAIRS = (("“", "”"), ("「", "」"), ("『", "』"), ('"', '"'))  # opening and closing marks


def opens(s: str, left: str, right: str) -> bool:
    """Whether `s` opens a quotation in these marks it does not close (straight quotes: an odd number)."""
    return s.count(left) % 2 == 1 if left == right else s.count(left) > s.count(right)


def _open_quote(s: str) -> bool:
    return any(opens(s, a, b) for a, b in QUOTE_PAIRS)


def markers(sentence: str) -> tuple[str, list[int]]:
    """(sentence without markers, the marker numbers in order, deduplicated).

    >>> markers("信息要快[2][2][10]。")
    ('信息要快。', [2, 10])
    """
    nums = [int(n) for n in _MARKER.findall(sentence)]
    return _MARKER.sub("", sentence).strip(), list(dict.fromkeys(nums))


def bigrams(text: str) -> set[str]:
    """Character bigrams of `text` in mainland Simplified (letters, digits and Han only): the form a
    sentence and its excerpt are compared in, whichever script and regional wording each has."""
    chars = [c for c in to_simplified(text) if _KEEP.match(c)]
    return {a + b for a, b in zip(chars, chars[1:])} or set(chars)


def support(sentence: str, excerpt: str) -> float:
    """Share of the sentence's character bigrams found in the excerpt (0..1).

    >>> support("辦公室要做好督查", "办公室要做好督查督办工作")
    1.0
    """
    s = bigrams(sentence)
    if not s:
        return 0.0
    return len(s & bigrams(excerpt)) / len(s)


def is_refusal(sentence: str) -> bool:
    """Whether a sentence refuses.

    >>> is_refusal("讲话中没有找到能确认回答这个问题的内容。"), is_refusal("語料中沒有找到相關內容。"), is_refusal("要讲真话。")
    (True, True, False)
    """
    folded = fold(sentence)
    return REFUSAL in folded or EARLIER_REFUSAL in folded or ASK_IN_CHINESE in folded


def claim(sentence: str) -> str:
    """The part of an answer sentence that makes a claim: without list numbering and a template lead-in.

    >>> claim("1. 加强学习。"), claim("講話對此提出："), claim("讲话中的说法：“千条线一根针”。")
    ('加强学习。', '', '“千条线一根针”。')
    """
    text = _NUMBERING.sub("", sentence, count=1)
    text = _SOURCE.sub("", text, count=1)
    m = _LEAD_IN.match(fold(text))
    return text[m.end() :].strip() if m else text.strip()


def cited_at(excerpt: str, sentences: Sequence[str]) -> list[int]:
    """Where in `excerpt` each of the answer `sentences` citing it begins, as found: its claim's first
    characters (folded; quotation marks the answer adds left out); -1 for a sentence not found as it is
    (a generator's paraphrase). A citation's section label is read there.

    >>> cited_at("一是学习。二是加强调研,多下基层。", ["1. 加強調研,多下基層。", "2. 学习。"]), cited_at("一是学习。", ["别的话语"])
    ([7, -1], [-1])
    >>> cited_at("他说“千条线,一根针”。", ["讲话中的说法：「“千条线,一根针”」。"])
    [2]
    >>> cited_at('一是学习。甚至有的当起了"甩手掌柜"。', ['1. “甚至有的当起了"甩手掌柜"”。'])  # “…” the answer's (the 89th's)
    [5]
    """
    folded, found = fold(excerpt), []
    for s in sentences:
        head = fold(claim(s)).lstrip("「『")
        at = folded.find(head[:CITED_HEAD])
        if at < 0 and head[:1] in '“"':  # a formulation the answer put in quotation marks
            at = folded.find(head[1 : CITED_HEAD + 1])
        found.append(at if len(head[:CITED_HEAD]) >= CITED_HEAD // 2 else -1)
    return found


CITED_HEAD = 8  # characters of a claim looked for in its excerpt


def check(answer: str, excerpts: Sequence[str], threshold: float) -> tuple[list[AnswerSentence], float]:
    """Repair the citations of `answer` against `excerpts` (numbered from 1).

    Returns the sentences with their final citations, and the citation precision of the
    answer as written: the share of its in-range markers whose excerpt supported their
    sentence (1.0 when it had no markers).
    """
    ex = [bigrams(e) for e in excerpts]

    def score(bi: set[str], n: int) -> float:
        return len(bi & ex[n - 1]) / len(bi) if bi else 0.0

    out: list[AnswerSentence] = []
    written = good = 0
    for raw in split_sentences(answer):
        text, nums = markers(raw)
        bi = bigrams(claim(text))
        if is_refusal(text) or not _KEEP.search(claim(text)):  # a refusal, or template words alone
            out.append(AnswerSentence(text, (), True, 1.0))
            continue
        valid = [n for n in nums if 1 <= n <= len(excerpts)]
        written += len(nums)
        kept = [n for n in valid if score(bi, n) >= threshold]
        good += len(kept)
        best = max(range(1, len(excerpts) + 1), key=lambda n: score(bi, n), default=0)
        if not kept and best and score(bi, best) >= threshold:
            kept = [best]  # moved (or attached, when the sentence had no marker)
        top = max((score(bi, n) for n in kept), default=max((score(bi, n) for n in valid), default=0.0))
        out.append(AnswerSentence(text, tuple(kept), bool(kept), round(top, 3)))
    precision = good / written if written else 1.0
    return out, precision


def render(sentences: Sequence[AnswerSentence]) -> str:
    """The answer text with each sentence's markers after it; a numbered point, a speech's label and a
    lead-in after what was said (…不到位。[1] / 讲话对此提出：) start a new line.

    >>> render([AnswerSentence("要做好督查。", (1, 3), True)])
    '要做好督查。[1][3]'
    >>> render([AnswerSentence("讲话对此提出：", (), True), AnswerSentence("1. 加强学习。", (2,), True)])
    '讲话对此提出：\\n1. 加强学习。[2]'
    >>> render([AnswerSentence("讲话对此提出：", (), True), AnswerSentence("《讲话 篇3》：", (), True)])
    '讲话对此提出：\\n《讲话 篇3》：'
    >>> render([AnswerSentence("1. 认识不到位。", (1,), True), AnswerSentence("讲话对此提出：", (), True)])
    '1. 认识不到位。[1]\\n讲话对此提出：'
    """
    out: list[str] = []
    for s in sentences:
        piece = s.text + "".join(f"[{n}]" for n in s.citations)
        lead = not s.citations and _LEAD_IN.match(fold(s.text)) is not None and not claim(s.text).strip()
        out.append("\n" + piece if out and (_NUMBERING.match(s.text) or _SOURCE.match(s.text) or lead) else piece)
    return "".join(out)
