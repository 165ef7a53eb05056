"""What an answer's first sentence needs from around it in its speech (compose.py calls `around` last):

  asked_again(w)         asked why, and the speech asks itself why before its answer: that question, dropped
  doubts_before(w, q)    not asked why, and the answer follows questions the speech voices on it: those, first
  other_half_before(w, q)  asked what to do and what not, and answered by what not: what to, first
  series_after(w)        a list question (or a why-question, no reason given) answered by one sentence: the
                         ；-series after it, the points asked for
  point_after(w, shape)  asked what a figure of speech (or a story, a quoted method) shows: the sentence after it
  reason_before(w, shape)  asked why a story or figure is told: the sentence before it, when it gives a reason
  cause_before(w)        asked why, and answered by a conclusion (可以说…), a term taken up (所谓“X”) or a
                         failing (但在…): the sentence(s) before it, the cause or the rule failed
  defined_after(w)       asked why, or answered by one sentence, whose terms the next ones define (所谓敢用,就是…):
                         those sentences, after it
  reason_after(w)        asked why, and no answer sentence says why: one of the two sentences after one, when it
                         does (只有…才, 由于, 否则, 因为…)
  quoted_after(w)        asked why, and the reason is a maxim (因为为政之道,贵在落实。): the next sentence when it
                         quotes an authority saying so (习近平总书记…强调,“…”)
  taken_up_after(w)      a first sentence telling a case (比如说一些同志…没有得到提拔重用): the next one when it
                         takes the case up (对于这些同志,我要送一句话,…), what the speech says to it
  points_after(w)        a first sentence announcing points and holding the first (最大的体会有两点:一是…): the
                         next sentences that are its later points (二是…), each cut to its first clauses

Each reads the first sentence's place in its speech (`_first`) and says the speech's own sentence there, cited.
"""

from __future__ import annotations

import re
from itertools import takewhile

from .asks import why_asked
from .conditions import condition_of
from .context import after_in_paragraph, before_in_paragraph, says_what_to_do
from .cuts import SO_CALLED, cut
from .inline import run_of
from .lexical import tokenize
from .padding import padding, usable
from .points import lists_of, say_points
from .quotes import CN_DIGITS, COUNTS
from .script import fold, folded_speech
from .structure import han_count
from .types import Hit
from .who import SAYING_VERBS
from .writer import Writer


def around(w: Writer, question: str, series: bool, shape: re.Pattern[str] | None, cap: int = 8) -> None:
    """The series after a list question's one sentence (`series`), the point after a figure (`shape`: the
    question asks what the figure shows), the cause before a conclusion (asked why), what a case is answered,
    the points a sentence takes up (at most `cap`); asked whether (`whether_asked`), the verdict first."""
    why, asked = why_asked(question), fold(question)
    if why:
        asked_again(w)
    else:
        doubts_before(w, question)
        other_half_before(w, question)
    listed_before(w, cap)
    taken_up_after(w)
    points_after(w)
    instead_after(w)
    if series or (why and w.pieces and not gives_reason(w.pieces[0])):  # 为什么说还有问题没有解决: the series
        series_after(w)
    if shape is not None:
        point_after(w, shape)
        if why:
            reason_before(w, shape)
    if why:
        cause_before(w)
        defined_after(w, asked)
        reason_after(w)
        quoted_after(w)
    elif w.pieces and SO_CALLED.match(fold(w.pieces[0])):  # 万金油干部是什么样的人: the term's introduction too
        cause_before(w, term_only=True, verdict=whether_asked(question))  # 杂家…算不算看不起我们: 不是贬义 first
    elif len(w.pieces) == 1:  # 督查权应该怎么用 got 既要敢用,又要慎用。 alone (the 164th's): what they mean
        defined_after(w, asked)


_WHETHER = re.compile(r"算不算|是不是|是否|对不对")  # asks for a verdict: 这算不算看不起我们


def whether_asked(question: str) -> bool:
    """Whether a question asks for a verdict on what it says (这算不算看不起我们？).

    >>> whether_asked("人家说办公室干部是个“杂家”，这算不算看不起我们？"), whether_asked("万金油干部是什么样的人？")
    (True, False)
    """
    return bool(_WHETHER.search(fold(question)))


_MARK = re.compile(r"\[(\d+)\]$")
_TAKES_UP_POINTS = re.compile(r"这些|上述|以上")  # 当然,教育系统面临的复杂环境远不止这些
CLOSES = 160  # …this many characters after its last point's first sentence, in its paragraph


def listed_before(w: Writer, cap: int) -> None:
    """A first sentence, alone, closing a list and taking up its points (…首先,…；其次,…；第三,…。当然,教育系统
    面临的复杂环境远不止这些,…: the 97th blind reader's 为什么…外部环境比以前难应付 got it alone): the points, first."""
    if len(w.pieces) != 1 or not _TAKES_UP_POINTS.search(fold(w.pieces[0])) or not (first := _first(w)):
        return
    hit, text, at, _ = first
    closed = [
        e
        for e in lists_of(text)
        if e.family != "、" and e.items[-1].start < at <= e.end + CLOSES and "\n" not in text[e.items[-1].start : at]
    ]
    n = len(w.pieces)
    if closed and say_points(w, [(hit, min(closed, key=lambda e: e.end - e.start))], cap):
        points = w.pieces[n:]
        del w.pieces[n:]
        w.pieces[:0] = points


def cited(w: Writer, i: int = 0) -> Hit | None:
    """The excerpt the answer's first (or `i`th) sentence cites, when it cites one."""
    if len(w.pieces) <= i or not (m := _MARK.search(w.pieces[i])):
        return None
    return w.excerpts[int(m.group(1)) - 1]


def _first(w: Writer, i: int = 0) -> tuple[Hit, str, int, int] | None:
    """The excerpt, speech text and span in it of the answer's first (or `i`th) sentence, when it can be found."""
    if not (hit := cited(w, i)):
        return None
    text = w.index.speeches[(hit.file, hit.speech)].text
    said = fold(_MARK.sub("", w.pieces[i])).rstrip("。")
    at = folded_speech(text).find(said)
    return (hit, text, at, at + len(said)) if at >= 0 else None


def series_after(w: Writer) -> None:
    """A list question answered by one sentence: when the next sentence of its paragraph is a series of
    ；-separated clauses (`inline.run_of`: 推行OA系统…但我也在关注其运行状况。 then 一些地方…最先一公里…；
    一些领导…最后一公里…；…中间环节…), the series, the points asked for, follows."""
    if len(w.pieces) != 1 or not (first := _first(w)):
        return
    hit, text, _, end = first
    for a, b in after_in_paragraph(text, end)[:1]:
        if (run := run_of(text, (a + b) // 2)) and run[0] >= a:
            w.say(text[run[0] : run[1]], w.cite(hit.file, hit.speech, *run))


_ANNOUNCED_FIRST = re.compile(COUNTS.pattern + r"[:：]?一[是要]")  # 最大的体会有两点:一是…


def points_after(w: Writer) -> None:
    """A first sentence announcing points and holding the first (最大的体会有两点:一是…卓有成效的, the 89th
    blind reader's got no more): the next sentences of its paragraph that are its later points (二是…), each
    cut to its first clauses, after it."""
    if not (first := _first(w)) or not (m := _ANNOUNCED_FIRST.search(fold(w.pieces[0]))):
        return
    hit, text, _, end = first
    later = after_in_paragraph(text, end)[: CN_DIGITS[m.group(1)] - 1]
    for k, (a, b) in zip("二三四五", later, strict=False):
        if fold(text[a : a + 2]) not in (f"{k}是", f"{k}要"):
            return
        if w.say(cut(text[a:b], {}, max_chars=60), w.cite(hit.file, hit.speech, a, b)):
            w.pieces.insert("二三四五".index(k) + 1, w.pieces.pop())


def point_after(w: Writer, shape: re.Pattern[str]) -> None:
    """Asked what a figure of speech is meant to show (`meanings.point_asked`), after a first sentence holding
    one (办公室好比一部机器,…都是这部机器上的零部件。), the next sentence of its paragraph, second: it
    says the point (要使…这部机器…始终处于良好状态,…就必须建立一套科学的管理方式…)."""
    if not (first := _first(w)) or not shape.search(fold(w.pieces[0])):
        return
    hit, text, _, end = first
    for a, b in after_in_paragraph(text, end)[:1]:
        if usable(said := text[a:b].strip(), ()) and w.say(said, w.cite(hit.file, hit.speech, a, b)):
            w.pieces.insert(1, w.pieces.pop())


def reason_before(w: Writer, shape: re.Pattern[str]) -> None:
    """Asked why a story or figure is told, after a first sentence telling it (如果我们像骄傲的兔子那样与乌龟赛跑,…),
    the sentence before it in its paragraph, first, when that one gives a reason (但我们不能懈怠,…,因为全国各省都在
    快马加鞭。): why the speech tells it (the 108th blind reader got the story alone)."""
    if not (first := _first(w)) or not shape.search(fold(w.pieces[0])):
        return
    hit, text, at, _ = first
    spans = before_in_paragraph(text, at)
    said = text[slice(*spans[-1])].strip() if spans else ""
    if _REASON.search(fold(said)) and usable(said, ()) and w.say(said, w.cite(hit.file, hit.speech, *spans[-1])):
        w.pieces.insert(0, w.pieces.pop())


_CONCLUDES = re.compile(r"(?:可以说|所以说|所以|因此|因而|为此|可见|由此可见|正因为如此|这就是说)[,，]?")


_CONCLUDES_AT_END = re.compile(r"[,，](?:这就是|这正是|这便是)[^,，。！]{2,16}[。！]?$")  # …,这就是办公室工作的特点
_BUT = re.compile(r"(?:但是|但|然而|可是)[,，]?(?:在|有|却)")  # 但在具体工作中,…: against what the one before requires


def cause_before(w: Writer, term_only: bool = False, verdict: bool = False) -> None:
    """Asked why, and answered by a sentence drawing a conclusion (可以说,办公室干部是官不大、衙门不小…), the
    sentence before it in its paragraph, first: the cause it concludes from (办公室是一个…机密程度要求很高的要害
    部门; the 69th blind reader got the saying alone). So too for a sentence taking up a term the one before it
    introduced (所谓“万金油干部”,…不是贬义,而是工作要求 after …要博览群书、博学多才,这就是通常所说的“万金油干部”:
    the 71st's got only the former), and for one ending in what it shows (…竟想不起都做了些什么,这就是办公室
    工作的特点: the 76th's got it without 任务多,担子重,工作千头万绪), and for one opening 但在…, against what the
    one before requires (…顾大局始终是第一位的。但在具体工作中,…能推则推: the 78th's got the latter alone), and
    for any after one saying what experience or theory teaches (`_TEACHES`: 历史唯物主义告诉我们,…, the 86th's).
    Not asked why (`term_only`), the term's introduction alone (万金油干部是什么样的人, the 94th's), after the
    answer when that gives the `verdict` asked for (杂家…这算不算看不起我们, the 168th's led with the introduction).
    为此 concludes too (为此,党委督查部门开展督查,必须归口…批准 after 所谓慎用,…防止给基层增添负担: the 112th's)."""
    if not (first := _first(w)):
        return
    hit, text, at, _ = first
    spans = before_in_paragraph(text, at)
    said = text[slice(*spans[-1])].strip() if spans else ""
    term = SO_CALLED.match(opening := fold(w.pieces[0]))
    concludes = not term_only and bool(
        _CONCLUDES.match(opening) or _CONCLUDES_AT_END.search(_MARK.sub("", opening)) or _BUT.match(opening)
    )
    k = len(spans) - 1  # the sentence before, with the clauses before its ；(…告诉我们,…无从谈起;…无法实现。)
    while k > 0 and text[spans[k - 1][1] - 1] in "；;":
        k -= 1
    if spans and not concludes and not term_only and _TEACHES.search(fold(text[spans[k][0] : spans[-1][1]])):
        spans[-1] = (spans[k][0], spans[-1][1])
        said, concludes = text[slice(*spans[-1])].strip(), True
    if not concludes and not (term and term.group(1) in fold(said)):
        return
    sayable = usable(said, ())
    if not sayable and padding(said, ()) == "dangling" and len(spans) > 1 and usable(text[slice(*spans[-2])], ()):
        spans[-1], sayable = (spans[-2][0], spans[-1][1]), True  # 这一工作特点…: with the sentence it refers to
        said = text[slice(*spans[-1])].strip()
    if sayable and w.say(said, w.cite(hit.file, hit.speech, *spans[-1])):
        w.pieces.insert(1 if verdict else 0, w.pieces.pop())


# a sentence before the answer saying what experience or theory shows (历史唯物主义告诉我们,社会的一切发展,离开人
# 就无从谈起…): the reason for it (the 86th blind reader's 为什么…先考虑人的因素 got the claim alone)
_TEACHES = re.compile(r"告诉我们|(?:实践|历史|事实|经验)(?:证明|表明)")
_REASON = re.compile(
    r"只有[^。！？]{1,40}才|因为|由于|以致|否则|不然[,，]|一旦|因其|稍有不慎|导致|之所以|就是为了|目的是|关键在"
)


REASON_AFTER = 2  # sentences after an answer sentence read for its reason (…第一;目前…也比较好。但…,因为…)


def reason_after(w: Writer) -> None:
    """Asked why, and no sentence of the answer gives a reason: of the REASON_AFTER sentences of its paragraph
    after the first answer sentence that is followed by one saying why (只有…才, 由于, 以致, 否则, 导致…), that
    one, right after it (成绩不讲跑不了,问题不找不得了。 then …只有找准了问题存在的原因,才能够解决问题、促进工作。);
    so does one putting a condition and saying what follows (`conditions.condition_of`: 一般工作人员也要考虑大局。
    then 如果大局意识不强,就很容易陷入本位主义…; the 96th blind reader got the former alone)."""
    if any(gives_reason(p) for p in w.pieces):
        return
    for i in range(len(w.pieces)):
        if not (place := _first(w, i)):
            continue
        hit, text, _, end = place
        for a, b in after_in_paragraph(text, end)[:REASON_AFTER]:
            said = text[a:b].strip()
            if gives_reason(said) and usable(said, ()) and w.say(said, w.cite(hit.file, hit.speech, a, b)):
                w.pieces.insert(i + 1, w.pieces.pop())
                return


def asked_again(w: Writer) -> None:
    """Asked why, and the answer opens with the speech asking itself why (为什么要把抓落实作为办公室工作一切工作的
    核心?) before its answer (因为为政之道,贵在落实。): the asker's question again, not said; the answer leads
    (the 121st blind reader's got the reason second)."""
    if len(w.pieces) > 1 and (opening := _MARK.sub("", w.pieces[0])).endswith(("?", "？")) and why_asked(opening):
        del w.pieces[0]


DOUBTS = 3  # questions a speech voices at most, right before the answer it gives them


def doubts_before(w: Writer, question: str) -> None:
    """An answer opening right after questions the speech voices on what is asked (现在有些同志…还在纠结,送不送礼
    啊?拜不拜年啊? before 还有什么可纠结的,新常态下大家都要适应。): those questions first, what it answers (the
    187th's and 199th's 要不要给领导拜年 got the answer alone, 拜不拜年啊? a fragment on its own); an answer opening
    with such a question, the ones right after it too (the 220th's got 送不送礼啊? without 拜不拜年啊?)."""
    if not (first := _first(w)):
        return
    if _MARK.sub("", w.pieces[0]).endswith(("?", "？")):  # …送不送礼啊?拜不拜年啊?: one piece, no fragment
        hit, text, at, end = first
        after = after_in_paragraph(text, end)[:DOUBTS]
        asks = list(takewhile(lambda s: text[slice(*s)].strip().endswith(("?", "？")), after))
        b = asks[-1][1] if asks else 0
        if asks and w.say(text[at:b].strip(), w.cite(hit.file, hit.speech, at, b), again=True):
            w.pieces[0] = w.pieces.pop()
        return
    hit, text, at, _ = first
    spans = before_in_paragraph(text, at)
    k = len(spans)
    while k > max(0, len(spans) - DOUBTS) and text[slice(*spans[k - 1])].strip().endswith(("?", "？")):
        k -= 1
    if k == len(spans):  # no question voiced right before (most answers): the question's words are not read
        return
    said = text[spans[k][0] : spans[-1][1]].strip()
    asked = [t for t in tokenize(fold(question)) if han_count(t) >= 2]
    if any(t in fold(said) for t in asked) and w.say(said, w.cite(hit.file, hit.speech, spans[k][0], spans[-1][1])):
        w.pieces.insert(0, w.pieces.pop())


_HALVES = re.compile(r"[要该]([\u4e00-\u9fff])[^？?]{0,12}?不\1|不([\u4e00-\u9fff])[^？?]{0,12}?[要该]\2")  # 要督…不督


def other_half_before(w: Writer, question: str) -> None:
    """Asked both what to do and what not (哪些事要督、哪些事不督) and answered by what not (…的事不督): the sentence
    right before it in its paragraph, first, when it says what to (就是要督那些关乎全局的大事,…: the 217th, 223rd and
    227th blind readers got the 不督 alone)."""
    m = _HALVES.search(fold(question))
    if not m or not (first := _first(w)) or "不" + (verb := m[1] or m[2]) not in fold(w.pieces[0]):
        return
    hit, text, at, _ = first
    for a, b in before_in_paragraph(text, at)[-1:]:
        said = fold(text[a:b])
        if re.search(f"(?<!不){verb}", said) and w.say(text[a:b].strip(), w.cite(hit.file, hit.speech, a, b)):
            w.pieces.insert(0, w.pieces.pop())


def gives_reason(sentence: str) -> bool:
    return bool(_REASON.search(fold(sentence)) or condition_of(_MARK.sub("", sentence)))


_QUOTES = re.compile(rf"(?:{SAYING_VERBS})过?[,，:：]?[“\"「]")  # …在批示中强调,“崇尚实干…”
MAXIM = 16  # Han characters at most of a reason the next sentence may bear out by a quotation


def quoted_after(w: Writer) -> None:
    """Asked why, and the reason given is a maxim of at most MAXIM Han characters (因为为政之道,贵在落实。):
    the next sentence of its paragraph, right after it, when it quotes an authority bearing it out
    (习近平总书记在…批示中强调,“崇尚实干、狠抓落实是我反复强调的。如果…也只是镜中花、水中月”。; three blind
    readers got the maxim alone)."""
    for i, piece in enumerate(w.pieces):
        if not (gives_reason(piece) and han_count(_MARK.sub("", piece)) <= MAXIM and (place := _first(w, i))):
            continue
        hit, text, _, end = place
        for a, b in after_in_paragraph(text, end)[:1]:
            said = text[a:b].strip()
            if _QUOTES.search(fold(said)) and usable(said, ()) and w.say(said, w.cite(hit.file, hit.speech, a, b)):
                w.pieces.insert(i + 1, w.pieces.pop())
        return


_DEFINES = re.compile(r"所谓[“\"「]?([^”\"」,，。]{2,12}?)[”\"」]?[,，]?(?:就是|是指|指的是|即)")


def defined_after(w: Writer, asked: str = "") -> None:
    """Asked why, or answered by one sentence, whose terms the next sentences define (既要敢用,又要慎用。 then
    所谓敢用,就是…用出权威、用出效益。所谓慎用,就是…防止给基层增添负担。): those sentences, right after it,
    say why or how (the 77th blind reader got the first alone, the 164th too, asked 督查权应该怎么用); only the
    definitions of the terms the (folded) question `asked` names, when it names some (为什么要“慎用”？慎用具体指
    什么: the 171st's got 所谓敢用,… before 所谓慎用,…)."""
    if not (first := _first(w)):
        return
    hit, text, _, end = first
    opening = fold(_MARK.sub("", w.pieces[0]))
    defined = []
    for a, b in after_in_paragraph(text, end)[:3]:
        if not (m := _DEFINES.match(fold(text[a:b].strip()))) or m.group(1) not in opening:
            break
        defined.append((m.group(1), a, b))
    named = [d for d in defined if d[0] in asked]
    at = 1
    for _, a, b in named or defined:
        said = text[a:b].strip()
        if usable(said, ()) and w.say(said, w.cite(hit.file, hit.speech, a, b)):
            w.pieces.insert(at, w.pieces.pop())
            at += 1


_FORBIDS = re.compile(r"切忌|切不可|决不能|绝不能|不能只|不要只")  # …的同志,切忌只对领导讲好话


def instead_after(w: Writer) -> None:
    """An answer opening with a sentence forbidding something (办公室…的同志,切忌只对领导讲好话。) has the next
    sentence of its paragraph second when that one says what to do instead (我们应…敢于和善于向领导讲真话…; the
    93rd blind reader's 是不是只要对领导说好话就行 got the former alone, the 99th's it and 篇8's 领导身边的人)."""
    if not w.pieces or not _FORBIDS.search(fold(_MARK.sub("", w.pieces[0]))) or not (first := _first(w)):
        return
    hit, text, _, end = first
    for a, b in after_in_paragraph(text, end)[:1]:
        if (
            says_what_to_do(said := text[a:b].strip())
            and usable(said, ())
            and w.say(said, w.cite(hit.file, hit.speech, a, b))
        ):
            w.pieces.insert(1, w.pieces.pop())


_TAKES_UP = re.compile(r"(?:对于|对|面对|针对)(?:这些|这种|这类|此类|这样的)[^,，。]{0,8}[,，]|对此[,，]")


def taken_up_after(w: Writer) -> None:
    """A first sentence telling a case (比如说一些同志吃苦受累比较多,…但因各种原因暂时没有得到提拔重用。) is
    followed by the next sentence of its paragraph when that one opens by taking the case up (对于这些同志,我要
    送一句话,就是既要有勇气改变可以改变的事情,…): what the speech says to it, which the question asks (the
    80th blind reader's 一直没得到提拔,讲话建议怎么调整心态 got the case and a closing wish without it)."""
    if not (first := _first(w)):
        return
    hit, text, _, end = first
    for a, b in after_in_paragraph(text, end)[:1]:
        said = text[a:b].strip()
        if _TAKES_UP.match(fold(said)) and usable(said, ()) and w.say(said, w.cite(hit.file, hit.speech, a, b)):
            w.pieces.insert(1, w.pieces.pop())
