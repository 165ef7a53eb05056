"""A piece of a speech an answer quotes, grown or trimmed to read whole (pure functions on the speech text).

  opened(speech, at, piece)   a quotation the piece only closes, opened (or a stray closing mark dropped)
  closed(speech, at, piece)   a quotation the piece opens, carried on to its closing mark
  paired(speech, at, piece)   a saying the sentence units split at ；, joined with its parallel parts
  without_fragments(piece)    a sentence of fewer than 6 Han characters at either end, dropped
  unlinked(piece)             a word tying it to the sentence before (其中, 同时, 甚至) dropped from its start
  parallel(a, b)              whether two sentences are the halves of one antithesis (言当其时…；言背其时…)
  balanced(text)              whether a sentence holds an antithesis

writer.py decides which sentences an answer says and cuts them (cuts.cut); this module makes the
cut piece read as the speaker said it.
"""

from __future__ import annotations

import re

from .cite import QUOTE_PAIRS, opens
from .script import fold
from .structure import QUOTED, TRIM, clauses, han_count, sentence_spans


def without_fragments(piece: str) -> str:
    """`piece` without a sentence of fewer than 6 Han characters at either end, when more remains.

    >>> without_fragments("要快速及时。古人讲:言当其时,一字千金。"), without_fragments("要真实准确。")
    ('古人讲:言当其时,一字千金。', '要真实准确。')
    """
    spans = sentence_spans(piece)
    while len(spans) > 1 and han_count(piece[spans[0][0] : spans[0][1]]) < 6:
        spans.pop(0)
    while len(spans) > 1 and han_count(piece[spans[-1][0] : spans[-1][1]]) < 6:
        spans.pop()
    return piece[spans[0][0] : spans[-1][1]].strip() if spans else piece


_LINK = re.compile(r"(?:其中|同时|尤其是|特别是|甚至|另外|此外|而且|并且|其次|再次)[，,]?")  # ties it to the one before


def quoting_clause(piece: str) -> str:
    """`piece` from the clause that quotes a formulation on, "" when no clause quotes one: a wording
    answer quotes that clause, not the sentence it opens with (这样的工作性质…,真正做到“鞍前不越位,马后
    不掉队”: the quote, not what 这样的 points back at).

    >>> quoting_clause("这样的工作性质,要求我们甘于奉献,真正做到“鞍前不越位,马后不掉队”。"), quoting_clause("这样做。")
    ('真正做到“鞍前不越位,马后不掉队”。', '')
    """
    m = QUOTED.search(piece)
    if m is None:
        return ""
    return piece[max(piece.rfind(s, 0, m.start()) for s in "，,；;：:") + 1 :].strip()


def unlinked(piece: str) -> str:
    """`piece` without a word opening it that ties it to the sentence before (其中, 同时, 尤其是, 甚至), when
    six Han characters or more remain: an answer's first sentence has no sentence before it.

    >>> unlinked("其中县政府办公室全年共接收各类请示报告1100余份"), unlinked("特別是,要快。")
    ('县政府办公室全年共接收各类请示报告1100余份', '特別是,要快。')
    >>> unlinked("其次,以微信、微博為代表的網路媒體的迅猛發展")  # the second of points not said (the 135th's)
    '以微信、微博為代表的網路媒體的迅猛發展'
    """
    m = _LINK.match(fold(piece[:5]))
    rest = piece[m.end() :] if m else piece
    return rest if m and han_count(rest) >= 6 else piece


def opened(speech: str, at: int, piece: str, reach: int = 60) -> tuple[int, str]:
    """(start, piece): `piece` (at `at` in `speech`) begun at the opening mark of a quotation it only
    closes, when that opens within `reach` characters before it (a quoted saying of two sentences,
    “領導者必須多乾實事。那種只靠發指示,…轉變過來”, whose second sentence was the piece).

    >>> opened("他说:“要多干实事。那种作风要转变”。", 10, "那种作风要转变”。")
    (3, '“要多干实事。那种作风要转变”。')
    >>> opened("“居其位。”作为参谋部", 5, "”作为参谋部")
    (6, '作为参谋部')
    """
    for left, right in QUOTE_PAIRS:
        if left != right and opens(piece, right, left):  # it closes more than it opens
            if piece.startswith(right):  # the closing mark of the sentence before: not this piece's
                return opened(speech, at + 1, piece[1:], reach)
            start = speech.rfind(left, max(0, at - reach), at)
            if start >= 0 and right not in speech[start + 1 : at]:
                return start, speech[start:at] + piece
    return at, piece


def closed(speech: str, at: int, piece: str, reach: int = 60, clause: bool = False) -> str:
    """`piece` (at `at` in `speech`) carried on to the closing mark of a quotation it opens, when that
    closes within `reach` characters: a saying of two sentences («夫霸王之所始也，以人为本。本理则国固，
    本乱则国危。») is quoted whole, not cut at its first full stop; with `clause`, on to the end of the
    clause the closing mark is in (按照…关于"各地应…。要为…经费"的要求). A straight quote (") opens when
    the piece holds an odd number of them. A quotation closing on a full stop ends the clause there.

    >>> s = "齐国管仲就提出:“以人为本。本理则国固。”几千年来,民本思想。"
    >>> closed(s, 0, "齐国管仲就提出:“以人为本。", clause=True)  # not on to 几千年来 (the 104th's)
    '齐国管仲就提出:“以人为本。本理则国固。”'
    >>> closed("关于“各地应…。要为…经费”的要求,不变。", 0, "关于“各地应…。", clause=True)
    '关于“各地应…。要为…经费”的要求'
    """
    for left, right in QUOTE_PAIRS:
        if opens(piece, left, right):
            end = speech.find(right, at + len(piece), at + len(piece) + reach)
            if end >= 0 and (left == right or left not in speech[at + len(piece) : end]):
                end += 1
                if clause and speech[end - 2] not in "。！？!?":
                    stop = re.search(r"[，,；;。！？!?]", speech[end : end + reach])
                    end = end + stop.start() if stop else end
                return speech[at:end]
    return piece


def paired(speech: str, at: int, piece: str) -> tuple[int, str]:
    """`piece` (at `at` in `speech`) grown across ； to the other parts of the antithesis or series it
    is part of (言当其时,一字千金；言背其时,一文不值), which the sentence units split, and where it now starts.

    >>> paired("古人讲:言当其时,一字千金;言背其时,一文不值。", 0, "古人讲:言当其时,一字千金")
    (0, '古人讲:言当其时,一字千金;言背其时,一文不值')
    >>> s = "在“农业社会,人是植物”;在“工业社会,人是动物”;在“信息社会,人回归人”。"
    >>> paired(s, s.index("在“工"), "在“工业社会,人是动物”")
    (0, '在“农业社会,人是植物”;在“工业社会,人是动物”;在“信息社会,人回归人”')
    """
    lo, hi = at, at + len(piece.rstrip("；; "))
    for _ in range(PAIRED_MAX):  # the parts after it
        if speech[hi : hi + 1] not in ("；", ";"):
            break
        last = re.split(r"[。！？!?；;：:]", speech[lo:hi])[-1]
        stop = re.search(r"[。！？!?；;\n]", speech[hi + 1 : hi + 80])
        if not stop or not parallel(last, speech[hi + 1 : hi + 1 + stop.start()]):
            break
        hi += 1 + stop.start()
    for _ in range(PAIRED_MAX):  # and before it, when it starts a part
        if speech[lo - 1 : lo] not in ("；", ";"):
            break
        first = re.split(r"[。！？!?；;：:]", speech[lo:hi])[0]
        begin = max(speech.rfind(ch, 0, lo - 1) for ch in "。！？!?；;\n：:") + 1
        if not parallel(speech[begin : lo - 1], first):
            break
        lo = begin
    return (lo, speech[lo:hi]) if (lo, hi) != (at, at + len(piece.rstrip("；; "))) else (at, piece)


PAIRED_MAX = 4  # parts of a series joined at most on either side


def parallel(a: str, b: str) -> bool:
    """Whether two sentences are the halves of one antithesis (言当其时,一字千金；言背其时,一文不值):
    `b`'s clauses each as long as its counterpart among `a`'s last ones (`a` may open with a lead-in:
    有人说,在…, or its first clause with the subject both share), and at least a third of their
    characters alike in place.

    >>> parallel("言当其时,一字千金", "言背其时,一文不值"), parallel("有人说,在“农业社会,人是植物”", "在“工业社会,人是动物”")
    (True, True)
    >>> parallel("要加强学习,提高素质", "要改进作风,狠抓落实")
    False
    >>> parallel("办公室工作不是中心,但影响中心", "不是决策,但影响决策")  # the first half says whose
    True
    """
    xs = [c.rstrip(TRIM + "。！？!?") for c in clauses(a.strip())]
    ys = [c.rstrip(TRIM + "。！？!?") for c in clauses(b.strip())]
    xs = xs[len(xs) - len(ys) :] if len(xs) > len(ys) else xs
    if xs and ys and len(xs[0]) > len(ys[0]) >= 3:  # 办公室工作不是中心: the subject both halves share
        xs = [xs[0][len(xs[0]) - len(ys[0]) :], *xs[1:]]
    if len(xs) != len(ys) or any(len(x) != len(y) or len(x) < 2 for x, y in zip(xs, ys)):
        return False
    same = sum(p == q for x, y in zip(xs, ys) for p, q in zip(x, y))
    return 3 * same >= sum(len(x) for x in xs)


def balanced(text: str) -> bool:
    """Whether a sentence holds an antithesis: two ；-halves, or two clauses of five characters or more
    in a row, that are `parallel` (不是中心,但影响中心;不是决策,但影响决策).

    >>> [balanced(t) for t in ("不是中心,但影响中心;不是决策,但影响决策。", "要加强学习,提高素质。", "主动想事,主动谋事。")]
    [True, False, False]
    """
    body = text.strip().rstrip("。！？!?")
    halves, parts = [h for h in re.split(r"[；;]", body) if h], [c.rstrip(TRIM) for c in clauses(body)]
    pairs = [*zip(halves, halves[1:]), *((a, b) for a, b in zip(parts, parts[1:]) if min(len(a), len(b)) >= 5)]
    return any(parallel(a, b) for a, b in pairs)
