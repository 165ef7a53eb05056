"""What a sentence of an answer needs around it, from its own paragraph: the speech's verdict after a situation it
describes, its answer to a question it asks itself, and where the advice or figure goes on (refers.py: what a
dangling sentence refers back to).

  lead_of(speech, at)  the bare point lead a sentence opening with 这 speaks of (bare_lead: whether one is)
  verdict_after(...)   after a situation, the next sentence of the paragraph that says what to do
  judged_after(...)    after a later sentence stating a failing, the judgement of it right after
  continued_after(...) after a formulation quoting a word, the next sentence taking that word up again
  answer_after(...)    after a question the speech asks itself, the sentence answering it
  completed_after(...) after a first sentence, the next one holding a rare question word it lacks; after
                       a point's lead (四要认真做好…), the point's own sentences saying how; after a number
                       in the unit asked ending at a semicolon, the parallel statement of another; after
                       advice, where its paragraph takes it up again
  after_in_paragraph(speech, end)  the sentences of a paragraph from a position on
  before_in_paragraph(speech, at)  …and those before a position
  lead_of_said(...)    whether a point's bare lead (三是做好…的报告。) only heads a sentence already said
  says_what_to_do(text)  whether a sentence says what to do (要, 应, 必须…)
  advice_asked(question) whether a question asks what the speeches make of a situation, or what comes of it
  tallies_aside(question, choices)  asked what to do, sentences tallying what was done (and saying nothing to
                       do) rank lower

writer.py decides which sentences answer; this module only reads what is next to them.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from .amounts import numbers
from .asks import HOW_TO, parts
from .meanings import SANCTION
from .padding import padding, usable
from .script import fold
from .structure import CLOSERS, QUOTED, han_count, marker, sentence_spans
from .types import Hit

if TYPE_CHECKING:
    from .writer import Option, Writer


_MODAL = re.compile(r"要|应|必须|不能|不得|不该|切忌|务必|一定|需要|可以|不可|做到|坚持|严禁|禁止|还有什么|得先")
_NOT_MODAL = re.compile(
    r"重要|主要|要么|(?:更|也|就)?不要说|(?:工作|的)需要|的要求|应有|相应|反应|适应|响应|效应|供应"
)  # 因工作需要, 更不要说: a situation; 这也是对…的要求: what is required is said around it
# the speech's judgement of a situation just described: 这是极端危险的,更是极其错误的 / 这首先是…的表现
_JUDGES = re.compile(
    r"^(?:这|这种|这样|此)[^，,。；;]{0,16}(?:危险|错误|要不得|不可取|不允许|不行|有害|不对|不负责任|失职|表现|问题)"
    r"|是(?:极其|十分|非常)?(?:不行|错误|要不得|不可取|危险)的"  # 不关心自己的身体是不行的
)
_NAMED = re.compile(r'["“「][^"“”「」]{0,8}、[^"“”「」]{0,8}["”」]')  # 停留在“等、靠、要”: words named, not advice
_INSTANCE = re.compile(r"\s*(?:甚至|还|更)?有的")  # 有的…;有的…;甚至有的…: the same situation again, not its verdict
# what is done to those who fail (meanings.SANCTION: 对出现迟报、漏报、瞒报的,将严肃追究有关责任人员的责任) is a
# verdict after any sentence; what comes of a situation, after a first one only
_RESULTS = re.compile(
    r"容易(?:使|让|产生|造成|导致|出现)|久而久之|势必|致使|以致|以至于"
)  # what comes of it (做久了容易使人…)


def after_in_paragraph(speech: str, end: int) -> list[tuple[int, int]]:
    """The sentences of the paragraph holding speech position `end` that start at or after it, as the
    whole speech's split them."""
    stop = speech.find("\n", end)
    lo = speech.rfind("\n", 0, end) + 1
    spans = [(lo + a, lo + b) for a, b in sentence_spans(speech[lo : len(speech) if stop < 0 else stop + 1])]
    return [s for s in spans if s[0] >= end]


def before_in_paragraph(speech: str, at: int) -> list[tuple[int, int]]:
    """The sentences of the paragraph holding speech position `at` that end by it (the text before `at` split)."""
    lo = speech.rfind("\n", 0, at) + 1
    return [(lo + a, lo + b) for a, b in sentence_spans(speech[lo:at])]


def lead_of_said(w: Writer, speech: str, at: int, piece: str) -> bool:
    """Whether `piece`, at `at` of `speech`, is a point's lead of one clause (三是做好重要紧急信息和突发事件的
    报告。) whose next sentence the answer already says, or of several whose later sentence it says (五是督查
    工作,要跟踪问效… after its 不能只靠打电话…: the 151st's last): it would only say that again, as a heading
    (the 110th blind reader's third sentence). A lead of several whose next sentence is said names qualities
    (注重人性化、人情化、人文化): it says them."""
    m = marker(piece)
    if not m:
        return False
    after = after_in_paragraph(speech, at + len(piece))
    if re.search(r"[，,；;：:、]", piece[m.length :].rstrip("。")):
        return any(w.repeats(speech[a:b]) for a, b in after[1:])
    return bool(after) and w.repeats(speech[after[0][0] : after[0][1]])


def lead_of(speech: str, at: int) -> str:
    """The bare lead of a point right before a sentence at `at` that opens speaking of it (这就导致信息深度
    不够… after 其三是信息员培训不到位。; 这是做好办公室工作的前提。 after 第一,要强化政治意识。): what the
    sentence is about, which it does not name; else ''. (这里主要是… announces, it speaks of no lead.)

    >>> s = "其三是信息员培训不到位。这就导致信息深度不够。"
    >>> lead_of(s, s.index("这")), lead_of(s, 0), lead_of("这里主要是对领导的建议。", 0)
    ('其三是信息员培训不到位。', '', '')
    """
    if not re.match(r"这(?!里)|這(?!裡)", speech[at : at + 2]):
        return ""
    before = re.split(r"(?<=[。！？!?\n])", speech[max(0, at - 40) : at].rstrip())
    lead = before[-2] if len(before) >= 2 and not before[-1].strip() else before[-1]
    return lead.strip() if bare_lead(lead.strip()) else ""


def bare_lead(sentence: str) -> bool:
    """Whether a sentence is a point's bare lead (一是要强化政治意识。): a marker and a heading, nothing more."""
    return bool(marker(sentence)) and padding(sentence) == "heading"


def says_what_to_do(text: str) -> bool:
    """Whether a sentence says what to do (要, 应, 必须, 不能…; not 重要, 更不要说, 反应).

    >>> says_what_to_do("要坚持立说立办"), says_what_to_do("因工作需要安排的,能推则推,更不要说是主动办")
    (True, False)
    >>> says_what_to_do('停留在"等、靠、要"的层面,要么人云亦云'), says_what_to_do("不要重回复轻办理,要先办后复")  # words named
    (False, True)
    >>> says_what_to_do("这也是对办公室主任的要求"), says_what_to_do("要求大家做到")  # a requirement named, not said
    (False, True)
    >>> says_what_to_do("还有一些“三不管”的硬骨头,办公室得先接着、先接住")  # the 203rd's
    True
    """
    return bool(_MODAL.search(_NOT_MODAL.sub("", _NAMED.sub("", fold(text)))))


def judges(text: str) -> bool:
    """Whether a sentence judges what was just described (这是极端危险的,更是极其错误的).

    >>> judges("这是极端危险的,更是极其错误的。"), judges("这首先是不守纪律的表现"), judges("这是一项基本要求")
    (True, True, False)
    >>> judges("不关心自己的身体是不行的。"), judges("这是不行的。"), judges("是行不通的")
    (True, True, False)
    """
    return bool(_JUDGES.search(fold(text).strip()))


_ADVICE = re.compile(
    r"怎么看|怎样看|如何看|[怎如][么样何]?评价|[怎如][么样何](?:批评|定性)|什么态度|说了什么|讲了什么|怎么劝|该不该|能不能|要不要|怎么对待|如何对待|有什么建议"
    r"|怎么办|怎么做|怎样做|对[^，,。？?]{0,12}(?:怎么|怎样|如何)[说讲]|对[^，,。？?]{0,8}[说讲](?:了|些)?什么|送给?[^，,。？?]{0,4}(?:什么|哪句)话|[怎如][么样何]解决|(?:怎么|怎样|如何)(?:说|讲|看待?)(?:这|此)"
    r"|开导|安慰|会(?:出|有|带来|导致|造成)什么|有什么(?:后果|危害|坏处)|会怎么?样|行不行|对我?(?:这种|这类|此类|这样的?)情况"
    r"|[怎如][么样何]处理|注意什么|注意(?:哪些|些什么)|对(?:此|这个?)(?:问题)?有什么说法|就(?:算|行|可以)了?[吗么]|完事了?[吗么]|(?:这样|这么)做?(?:行|可以)[吗么]"
    r"|(?:[我咱]们?|[，,])(?:能|可以)[\u4e00-\u9fff]{1,5}[吗么]|(?:怎么|怎样|如何)(?:调整|调节|摆正|面对|要求)"  # 心态上该怎么调整
)  # 效果不好,怎么办; 对这种情况怎么说; 怎么说这种情况; 怎么开导; 干久了会出什么问题 (blind readers)


def advice_asked(question: str) -> bool:
    """Whether a question asks what the speeches make of a situation (讲话里对这样的同志说了什么？) or what
    comes of it (干久了会出什么问题), so a sentence stating it is followed by the speech's verdict on it.

    >>> [advice_asked(q) for q in ("一直没轮到提拔,讲话里对这样的同志说了什么?", "值班有哪些要求？", "原话是怎么说的？")]
    [True, False, False]
    >>> advice_asked("一直没被提拔，讲话里对这种情况怎么说？"), advice_asked("干久了会出什么问题？")
    (True, True)
    >>> advice_asked("接到临时活就推,讲话里是怎么说这种情况的?"), advice_asked("心里有落差,讲话里怎么开导的?")
    (True, True)
    >>> advice_asked("一直没被提拔,有点灰心,讲话里有没有针对这种情况的话?")  # the 33rd blind reader's
    True
    >>> advice_asked("回复网民留言的时候要注意什么？"), advice_asked("讲话里对这种情况有什么说法?")  # the 34th's, 37th's
    (True, True)
    >>> advice_asked("一直没被提拔,讲话人想对他们说什么?"), advice_asked("对群众要说什么?")  # the 59th's
    (True, True)
    >>> advice_asked("多年没被提拔,讲话送给他们什么话?"), advice_asked("碰到记者就紧张,讲话怎么形容、怎么解决?")  # the 60th's
    (True, True)
    >>> advice_asked("临时的事想推掉行不行？"), advice_asked("收到后拖着没处理,出了事会怎样？")  # the 126th's
    (True, True)
    >>> advice_asked("临时安排一件不归我管的工作，我能推掉吗？"), advice_asked("能详细说说吗？")  # the 157th's: 我能…吗
    (True, False)
    >>> advice_asked("别的科室的临时活派到我头上，可以推掉吗？")  # the 255th's: …，可以…吗
    True
    >>> advice_asked("吃了不少苦,却一直没提拔,心态上该怎么调整?")  # the 179th's
    True
    """
    return bool(_ADVICE.search(fold(question)))


_ASIDE = re.compile(r"(?:在这里|这里|同时)?[,，]?(?:我)?(?:还要|还想|再)?(?:特别)?提醒|另外|此外|再者|顺便")
# the speech's word to its hearers: 严是爱,宽是害,相信大家懂得这个道理
_TO_ALL = re.compile(r"相信大家|希望大家|大家对此")
VERDICT_REACH = 2  # the sentences after a situation that may hold the speech's verdict on it
VERDICT_ALONE = 10  # a shorter verdict (Han characters) comes with the sentence after it, its reason


def _say(
    w: Writer, hit: Hit, speech: str, span: tuple[int, int], titles: tuple[str, ...], follows: bool = False
) -> int:
    """Say the speech's sentence at `span` (stripped), cited, when it is usable (or points back to what was
    just said, when it `follows` it: 这些工作做多了…) and not said before: its length, or 0."""
    a, b = span
    text = speech[a:b].strip()
    fits = usable(text, titles) or (follows and padding(text, titles) == "dangling")
    return len(text) if fits and w.say(text, w.cite(hit.file, hit.speech, a, b)) else 0


def verdict_after(
    w: Writer, hit: Hit, speech: str, at: int, piece: str, titles: tuple[str, ...], later: bool = False
) -> int:
    """After a first sentence that only states a situation (比如一些同志…暂时没有得到提拔重用), the
    speech's verdict on it: the first of the next VERDICT_REACH sentences of its paragraph that says
    what to do (要, 应, 不能…), judges it or says what comes of it (这些工作做多了、做久了容易使人…, the
    30th blind reader's; it may point back when it comes right after); after a first sentence saying what
    to do, only the last kind; its length written, or 0. Only for a question asking what the speeches
    make of a situation (`advice_asked`): for every question, 34 answers of the set changed and
    dev carried evidence fell 0.862 -> 0.836 (a formulation followed by any 要-sentence after it); so
    limited, two held-out answers gain a sentence (q353: 大家对此一定理解), and two of the helper's 40
    fresh questions carry their evidence. A word to the hearers (相信大家…) is a verdict too; a sentence
    turning to something else (在这里还要特别提醒…, or the next point: 其三是…) ends the search; another
    instance (有的…;甚至有的…) is passed over (the 45th blind reader's 接到会议通知直接呈报 got its 由于作风不实,致使…).
    What is done to those who fail counts after any first sentence; after a `later` one, only that
    (对出现迟报、漏报、瞒报的,将严肃追究…责任: the 110th's 报告晚了或漏报了会怎么样 got the duty to report and
    not that)."""
    told = says_what_to_do(piece)  # after what to do (都必须认真做好), only what comes of it (做久了容易使人…)
    after = [s for s in after_in_paragraph(speech, at + len(piece)) if not _INSTANCE.match(fold(speech[s[0] : s[1]]))]
    for i, (a, b) in enumerate(after[:VERDICT_REACH]):
        text = speech[a:b].strip()
        if _ASIDE.match(fold(text)) or marker(text):  # 在这里还要特别提醒…, 其三是…: it turns to something else
            return 0
        verdict = SANCTION.search(fold(text)) or (
            not later
            and (
                _RESULTS.search(fold(text))
                or (not told and (says_what_to_do(text) or judges(text) or _TO_ALL.search(fold(text))))
            )
        )
        if verdict and _say(w, hit, speech, (a, b), titles, follows=i == 0):
            if han_count(text) >= VERDICT_ALONE or i + 1 >= len(after):
                return len(text)
            return len(text) + _say(w, hit, speech, after[i + 1], titles)  # 大家对此一定理解。 and its reason
    return 0


def judged_after(w: Writer, hit: Hit, speech: str, at: int, piece: str, titles: tuple[str, ...]) -> int:
    """After a later sentence that only states a failing (有同志…不愿“接招”,能推则推…), the judgement of it right after
    (这是极端危险的,更是极其错误的), said: alone, a failing may read as advice (the 253rd blind reader's 领导临时丢给我
    一件很急的活 got 001's 能推则推 without it); its length, or 0."""
    after = [] if says_what_to_do(piece) else after_in_paragraph(speech, at + len(piece))[:1]
    return _say(w, hit, speech, after[0], titles, follows=True) if after and judges(speech[slice(*after[0])]) else 0


QUESTIONS_IN_A_ROW = 3  # a speech may ask this many questions before it answers them


def answer_after(w: Writer, hit: Hit, speech: str, at: int, piece: str, titles: tuple[str, ...]) -> int:
    """After a question the speech asks itself (为什么要强调建立“大督查”工作格局?), its answer: the next
    sentence of its paragraph (全局有全局的重点,…), to its full stop past semicolons within SERIES_CHARS
    (究竟什么是新常态? -> “新”是与“旧”相对应的…;“常态”是和“阶段”相对应的…, the 30th blind reader's), said;
    its length, 0 when `piece` asks nothing, and -1 when it asks and the answer cannot be said (the question
    alone answers nothing)."""
    if not _asks(piece):
        return 0
    for a, b in after_in_paragraph(speech, at + len(piece))[:QUESTIONS_IN_A_ROW]:
        text = speech[a:b].strip()
        if not _asks(text):  # 送不送礼啊?拜不拜年啊?还有什么可纠结的,…: the first that does not ask
            stop = _FULL_STOP.search(speech, a)
            whole = stop.end() if stop else b  # the answer to its full stop (“新”是与“旧”相对应的…;“常态”是…)
            return _say(w, hit, speech, (a, whole if whole - a <= SERIES_CHARS else b), titles) or -1
    return -1


def _asks(text: str) -> bool:
    return text.rstrip().rstrip(CLOSERS).endswith(("?", "？"))


_QUOTATION = re.compile(r"[“「]([^”」]{2,12})[”」]")


def continued_after(w: Writer, hit: Hit, speech: str, at: int, piece: str, titles: tuple[str, ...]) -> int:
    """After a first formulation that quotes a word (“弹钢琴”的工作方法,就是要讲配合…), the next sentence
    of its paragraph when it takes that word up again (“弹钢琴”还有另外一个很重要的方面,…就是要抓住
    重点), or quotes part of it (“上边千条线,下头一根针” -> 我们常说的这“一根针”,其实就是各级办公室…): the
    figure goes on there; its length written, or 0."""
    quoted = {fold(m.group(1)) for m in _QUOTATION.finditer(piece)}
    for a, b in after_in_paragraph(speech, at + len(piece))[:1] if quoted else []:
        text = speech[a:b].strip()
        said = fold(text)
        again = any(q in said for q in quoted) or any(
            fold(m.group(1)) in q for m in _QUOTATION.finditer(text) for q in quoted
        )
        if again:  # the word again, or part of the saying (“一根针”)
            return _say(w, hit, speech, (a, b), titles)
    return 0


COMPLETES_IDF = 5.5  # a question word this rare (in at most about 4 chunks) that the first sentence lacks


def completed_after(
    w: Writer,
    hit: Hit,
    speech: str,
    at: int,
    piece: str,
    titles: tuple[str, ...],
    weights: dict[str, float],
    units: tuple[str, ...] = (),
    advice: bool = False,
) -> int:
    """After a first sentence, the next one of its paragraph when it holds a rare word of the question
    (COMPLETES_IDF) that the first does not (…多讲有利于团结的话,多做有利于团结的事。 -> 不要煽风点火,…
    宁可自己受点委屈,也要消除领导之间的误会: the question's 误会; the 24th blind reader's), or, asked
    what to make of a situation (`advice`), after one saying what to do, when it goes on saying what not
    to do (不要…, 宁可…; not 同时要…, another matter; the 33rd's 夹在中间很为难…怎么处理), or after a prohibition
    says what to do holding a weighing word of the question (not 要自觉抵制拜金主义…, the 148th's, nor for its
    工作上防随意性 when 工作 is asked: the 157th's), or the sentence after that when it takes the advice up again
    (`_taken_up`; dev q448, held-out q351 and q366 gain 敢于和善于讲真话、提意见,要讲究方式方法): the advice goes on
    there; after a denial (并不是要求"齐步走"…), the next one when it says what holds instead (但是,必须要求…, the
    111th's); with the `units` a quantity question asks in, the statement parallel to it (`_parallel`); its
    length written, or 0."""
    if units:
        return _parallel(w, hit, speech, piece, at + len(piece), titles, weights, units)
    said = fold(piece)
    if marker(piece):
        return _point_details(w, hit, speech, at + len(piece), titles)
    rare = [t for t, v in weights.items() if v >= COMPLETES_IDF and len(t) >= 2 and t not in said]
    told = advice and says_what_to_do(piece)
    told_of = advice and not told and not judges(piece)  # a situation told: what to do about it, next (the 192nd's)
    denied = _DENIES.search(said) and not _BUT.search(said)  # 并不是要求"齐步走"…: and what is required
    for i, (a, b) in enumerate(after_in_paragraph(speech, at + len(piece))[: 2 if told else 1]):
        said = fold(speech[a:b])
        if i:  # …该讲的话一定要讲…。这也是对…的要求。敢于和善于讲真话、提意见,要讲究方式方法: the advice taken up again
            return _say(w, hit, speech, (a, b), titles) if _taken_up(fold(piece), said) else 0
        if not (rare or told or denied or told_of):
            return 0
        if told_of and says_what_to_do(said) and not _ANOTHER.match(said.strip()):
            return _say(w, hit, speech, (a, b), titles)  # …媒体恐惧症…很欠缺的。各地各校要加强…培训,…
        instead = _GOES_ON.search(fold(piece)) and says_what_to_do(said) and not _ANOTHER.match(said.strip())
        instead = instead and any(t in said for t, v in weights.items() if len(t) >= 2 and v >= 1)  # 工作 says none
        but = denied and _BUT.match(said.strip())
        if any(t in said for t in rare) or (told and (_GOES_ON.match(said.strip()) or instead)) or but:
            return _say(w, hit, speech, (a, b), titles)
    return 0


TAKEN_UP = 4  # a run of this many Han characters of the advice said again


def _taken_up(advice: str, said: str) -> bool:
    """Whether `said` goes on with `advice` (both folded): it says what to do and repeats TAKEN_UP Han characters
    of it in a row (敢于和善于向领导讲真话… -> 敢于和善于讲真话、提意见,要讲究方式方法: the 161st blind reader's).

    >>> _taken_up("要敢于和善于向领导讲真话。", "敢于和善于讲真话、提意见,要讲究方式方法。"), _taken_up("要讲真话。", "这是要求。")
    (True, False)
    >>> _taken_up("要坚持“五个坚持”,是一个整体。", "“五个坚持”不仅是对中办而言,都要认真学习。")  # dev q115
    False
    """
    advice, said = (QUOTED.sub("", x) for x in (advice, said))  # a formulation named again (“五个坚持”) is no advice
    runs = [m.group() for m in re.finditer(r"[\u4e00-\u9fff]+", said)]
    return says_what_to_do(said) and any(
        r[i : i + TAKEN_UP] in advice for r in runs for i in range(len(r) - TAKEN_UP + 1)
    )


# a denial and what holds instead, in the next sentence (并不是要求"齐步走"… -> 但是,必须要求最慢的单位…)
_DENIES = re.compile(r"不是|并非|不等于")
_BUT = re.compile(r"但是?|然而|而是|可是|却")
# …切忌只对领导讲好话。我们应…讲真话: what to do instead; not a sentence naming another thing it is about (…公文一律
# 退回,不要顾及情面。对以县政府文件印发的文字材料,要认真审核…: the 141st blind reader's, padding)
_ANOTHER = re.compile(r"对于?|关于|至于|其[二三四五六七八九十]")  # …or the next failing of a list (其三是…存在…)
# the advice going on in the next sentence (…多做有利于团结的事。 -> 不要煽风点火,…宁可自己受点委屈…)
_GOES_ON = re.compile(r"(?:不要|切忌|切不可|决不能|宁可)")  # not 同时要…: another matter (dense, dev q021)


SERIES_CHARS = 200  # an antecedent split at semicolons is taken whole up to this many characters
_STATEMENT_END = re.compile(r"[；;。！？!?\n]")
_FULL_STOP = re.compile(r"[。！？!?\n]")


def _parallel(
    w: Writer,
    hit: Hit,
    speech: str,
    piece: str,
    end: int,
    titles: tuple[str, ...],
    weights: dict[str, float],
    units: tuple[str, ...],
) -> int:
    """After a first sentence stating a number in the unit asked that ends at a semicolon (…“双十”工程的进展情况,
    每季度要上报一次;), the statement after it, to the next semicolon or full stop, when it states one too and
    holds the first's weightiest question word (市政府…“双十”工程…,每月要上报一次,…): the question was asked of
    both (the 28th blind reader's 省、市、县…多久上报一次 read as if all were quarterly; 办理领导批示件330件 is
    not followed by 人大代表建议56件); its length written, or 0."""
    key = max((t for t in weights if t in fold(piece)), key=lambda t: weights[t], default="")
    end += 1 if speech[end : end + 1] in ("；", ";") else 0
    if not units or speech[end - 1 : end] not in ("；", ";"):
        return 0
    stop = _STATEMENT_END.search(speech, end)
    b = stop.end() if stop else len(speech)
    joins = key and key in fold(speech[end:b]) and numbers(speech[end:b], units)
    return _say(w, hit, speech, (end, b), titles) if joins else 0


DETAILS_CHARS = 160  # a point's own sentences said after its lead, at most this many characters


def _point_details(w: Writer, hit: Hit, speech: str, end: int, titles: tuple[str, ...]) -> int:
    """After a first sentence that is a listed point's lead (四要认真做好…留言回复的落实。), the point's own
    sentences that say what to do (回复的语气一定要谦虚,…; not 关于领导批示件,市委督查室建立了…), up to the
    next point and DETAILS_CHARS characters: the lead alone names a task, not how; their length."""
    used = 0
    for a, b in after_in_paragraph(speech, end):
        text = speech[a:b].strip()
        if marker(text) or used + len(text) > DETAILS_CHARS:
            break
        said = _say(w, hit, speech, (a, b), titles) if says_what_to_do(text) else -1
        if not said:  # one that cannot be said: what follows it is not said either
            break
        used += max(said, 0)
    return used


TALLY_PENALTY = 0.05  # asked what to do, a sentence tallying what was done (收到留言5128条…回复率100%) ranks lower


# work done and praised (…等单位…回复及时,处置妥当,得到了民众的认可: the 242nd blind reader's 回覆留言要注意什麼 led with it)
_PRAISED = re.compile(r"(?:得到了?|受到了?|赢得了?)[^，,。]{0,8}(?:认可|好评|肯定|表扬|赞扬|称赞|赞誉)")


def tallies_aside(question: str, choices: list[Option]) -> list[Option]:
    """For a question asking what to do (回复的时候要注意些什么), the sentences that state figures and say
    nothing to do rank TALLY_PENALTY lower: a tally of last year's work answers no such question (一个比较普遍
    的现象 is none: the 59th blind reader's 见到记者就发怵 lost 媒体恐惧症 so). Asked how to do a thing, not
    what to make of a situation (`advice_asked`: 被批评了…怎么办 needs the situation), and asked nothing else,
    every sentence saying nothing to do ranks that much lower too (对回复有什么讲究, 有什么具体提醒: the 67th's
    and 69th's got 共收到网民留言5128条 and 回复处置工作总体平衡,但是还有不及时的)."""
    if HOW_TO.search(fold(question)) is None:
        return choices
    how = not advice_asked(question) and len(parts(question)) <= 1
    out = []
    for c, h in choices:
        tally = bool(numbers(re.sub("一(?=[个种项次件位条])", "", fold(c.text)))) or bool(_PRAISED.search(fold(c.text)))
        off = 0.0 if says_what_to_do(c.text) else TALLY_PENALTY * (int(tally) + int(how))
        out.append((replace(c, similarity=c.similarity - off), h))
    return out
