"""Answers made of the speeches' formulations, quoted: what a wording question (说法, 比喻, 原话) asks for.

  family(w, ev, weights)            every saying of a pattern the question quotes (“X中求快”: 严中求快,
                                    实中求快, …), numbered in the speech's order
  figures(w, ev, weights)           the figures of speech a 比喻 / 打比方 question asks for (办公室好比一部
                                    机器; 是沟通上下的“咽喉”、联系左右的“纽带”), best first, from the
                                    speeches retrieved, each cut to the clauses that hold the figure
  wording(w, ev, weights, budget)   the best sentences' clauses that hold a formulation, each quoted;
                                    those holding the images a question names (用针和线打比方) first; the
                                    best for each of two things it describes (又苦又是幕后工作: `both_sides`);
                                    a sentence pointing back at a formulation (这“一根针”) after the one
                                    quoting it whole (`introduced`); so many phrases no sentence holds
                                    (五个以「快」结尾的四字短语), a list's points (`listed_phrases`)

Each writes into the Writer (quoted, cited) and says whether it wrote; compose.py picks which one.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .asks import coverage
from .conditions import lead_with
from .cuts import SO_CALLED, cut
from .generate import Candidate
from .glosses import cued, described, glossed, heads, signed
from .lexical import tokenize
from .meanings import meaning_asked
from .naming import named_speeches
from .points import lists_of, point_of, say_points
from .quotes import CN_DIGITS, QUOTE, anchors, counted_chars, figure, wildcard
from .script import fold, folded_speech, loose
from .structure import han_count, marker, sentence_spans
from .terms import IMAGE_WEIGHT, images
from .writer import ANCHOR_FAMILY, WORDS_WEIGHT, Option, Writer, anchored, options, rank, sentences, similarity

if TYPE_CHECKING:
    from .answer import Evidence

FIGURES_MAX = 4  # figures of speech in one answer at most
FIGURE_MARGIN = 0.03  # a further figure joins when it ranks this close to the best one
# the question asks for the figures said of something (比喻说法, 哪些比喻, 这类说法), not for the one
# said of what it describes (拿什么来比喻这种人？): the wording answer's best sentences hold that one (not 有个说法, 都有影响)
_SEVERAL = re.compile(r"哪些|哪几|几个|(?<![个种这那])说法|有什么|都有(?=哪|什么|啥)|(?:怎么|怎样|如何)形容")
_NAME_ASKED = re.compile(r"外号|绰号|称号|叫法|称呼")  # a name asked for: a sentence quoting a short one answers
_A_NAME = re.compile(r"[“「\"][\u4e00-\u9fff]{2,6}[”」\"]")
_NAMES_ASKED = re.compile(r"([两二三四])个[^，,。？?]{0,6}?(?:称谓|叫法|称呼|名称)")  # so many names asked
# one name or sentence asked for (像常备药膏的那个叫法, 这说法叫什么; 用一句话讲…原话是怎么说的: the 138th blind reader's got
# 围绕什么中心?… of another speech after 不是中心,但影响中心, the 142nd's 官不大、衙门不小 after 万金油干部; the 168th's
# 引用了一句古人的话 got 古人讲“天道酬勤” after 言当其时,一字千金)
_ONE_NAME = re.compile(
    r"(?:[那这]个|个什么)(?:叫法|称呼|外号|绰号|称号)|一句[\u4e00-\u9fff]{0,3}?话|[那这]句话|叫什么"
    r"|一个[^，,。？?]{0,8}?(?:说法|提法|叫法)"  # 用了一个三句话的说法: the 172nd's got 强化“三种意识” after it
    r"|[用由]了?[两二三四五六七八九]个短句|[那这]一?段(?!时间|时期|日子)|[那这][两三四五六七八]个字"  # one saying of
    # three (用了三个短句: the 173rd's); 那段…精神，由六个短句组成 (the 271st's got 培養辦公室幹部…的精神 after it);
    # 这四个字是什么 (the 278th's got “五个坚持”…概括 after 重、苦、杂、难)
    r"|定了一个[^，,。？?]{0,24}?(?:目标|口号)"  # 给办公室定了一个…都要一点差错都没有的目标: “三零目标” (the 208th's)
    r"|[一那这]组|的[两二三四五六七八九十]句(?:排比|并列|对仗)"  # …的四句排比,原文是什么: one run (the 228th's got two)
)
# whose words a question asks for (引了一句古人的话): a sentence saying they said it (古人讲:言当其时,一字千金; the
# 145th blind reader's 讲话里引了一句古人的话，说明信息报送要赶早 got 002's 我要送一句话); not 俗话, which a speech
# may bring in as 我们常说 (哪句俗话来形容…靠基层办公室来落实: 我们常说“上边千条线,下头一根针”)
_SOURCE = re.compile(r"古人|前人|先贤|古语|毛主席|总书记")
FIGURE_CHARS = 90  # a figure's sentence longer than this is cut to the clauses around the figure
_CLAUSE_END = re.compile(r"[，,；;：:。！？!?]")
# a short clause after a figure that quotes one more image (,多下“及时雨”): the figures go on in it
_IMAGE_CLAUSE = re.compile(r"[，,、][\u4e00-\u9fff]{0,4}[“「\"][\u4e00-\u9fff]{2,5}[”」\"](?=[，,；;。！？!?、])")
_BOTH = re.compile(r"((?:又(?:是|很)?[\u4e00-\u9fff]{1,6}?){2,})(?:的|[，,。？?]|$)")


# the one character a question asks which sayings say: quoted (好几个“快”), or what all are (哪几个方面都快)
_ONE_ASKED = re.compile(
    r"[“「\"]([\u4e00-\u9fff])[”」\"]|(?:哪几|哪些)[个方面项条点环节]*都要?([\u4e00-\u9fff])(?=[？?]|$)"
)


def one_asked(question: str) -> list[str]:
    """The one character a question asks which points or sayings say (概括成了几个“苦” -> 苦), or [].

    >>> one_asked('概括成了几个"苦"？'), one_asked("报送信息要哪几个方面都快？"), one_asked("“三苦”是什么？")
    (['苦'], ['快'], [])
    >>> one_asked("信息报送讲究快，讲话里具体要求哪几个环节都要快？")  # the 166th's
    ['快']
    """
    return [a or b for a, b in _ONE_ASKED.findall(fold(question))]


_PHRASES = re.compile(  # 四个排比短语, 四句排比 (the 189th's), 那组四句话
    r"([两二三四五六七八九十])(?:个(?:排比|并列|对仗)?的?(?:短语|词组|词语)|句(?:排比|并列|对仗)|句话"
    r"|个[^，,。？?]{0,20}?(?:排比|并列|对仗)(?:的?句)?|句[^，,。？?]{0,20}?的(?:排比|并列|对仗))"  # 三个排比句 (the 193rd's),
)  # 三个以“用”开头…的排比句 (the 211th's), 五句“在某种前提下求速度”的排比 (the 217th's)


def phrases_asked(question: str) -> int:
    """How many phrases in a row a question asks for (一组四个排比短语 -> 4), or 0.

    >>> phrases_asked("有一组四个排比短语讲分清轻重缓急,原文是怎么写的?"), phrases_asked("有几个短语？")
    (4, 0)
    >>> phrases_asked("用一组仿古文的四句排比…原文是什么?"), phrases_asked("那组四句话原文是什么?")
    (4, 4)
    >>> phrases_asked("有篇讲话用三个排比句分别讲形式、篇幅、语言该怎样")
    3
    """
    m = _PHRASES.search(fold(question))
    return CN_DIGITS[m.group(1)] if m else 0


# so many phrases asked (五个都以「快」结尾的四字短语, 五个结构相同的四字短语), or by what they end with (五个「……求快」)
_COUNTED_PHRASES = re.compile(r"([两二三四五六七八九十])个[^，,。？?]{0,12}?(?:短语|词组|词语)")
_COUNTED_TAILS = re.compile(r"([两二三四五六七八九十])[个句条][“「『\"](?:…|\.|X|Ｘ)+([\u4e00-\u9fff]{1,3})[”」』\"]")
_PHRASE_CHARS = re.compile(r"([两二三四五六七八九十])字")  # …of so many characters (四字短语)
_OPENING = re.compile(r"以([\u4e00-\u9fff](?:[、，,和][\u4e00-\u9fff])+)(?:开头|打头|起头)")  # 以严、实…开头
_TOLD = re.compile(r"[\u4e00-\u9fff]{2,4}(?:、[\u4e00-\u9fff]{2,4})+")  # …or each on what (依次落在严格、务实…上)


def listed_phrases(w: Writer, ev: Evidence) -> bool:
    """Asked for so many phrases (五个都以「快」结尾的四字短语), the points of a list of that many in a speech found
    whose first sentences end in phrases alike, of the length asked (严格要求,严中求快。…把握节奏,稳中求快。), in the
    character asked when one is, then in any speech: no sentence holds them in a row (the 209th and 210th blind
    readers got “五个坚持”); with what they are on when the question lists it (依次落在严格、务实、细节、准确、节奏上:
    the 217th's got 时时讲效率); or False."""
    ending, size, opens = "".join(one_asked(q := fold(ev.question))[:1]), _PHRASE_CHARS.search(q), _OPENING.search(q)
    tail = _COUNTED_TAILS.search(q)  # 五个「……求快」: five ending in 求快 (the 236th blind reader's got 时时讲效率)
    m = _COUNTED_PHRASES.search(q) or tail  # 五个…短语; 五句排比 only with what they end, open with or are on
    ending = ending or (tail.group(2) if tail else "")
    run = "" if m or ending or opens else (_TOLD.search(q) or [""])[0]  # what each is on, when that is all it says
    told = [re.findall("(?=(..))", t) for t in run.split("、")]  # each one's pairs of characters
    if not (n := CN_DIGITS[m.group(1)] if m else phrases_asked(q) if ending or opens or len(told) > 1 else 0):
        return False
    sizes = [CN_DIGITS[size.group(1)]] if size else range(2, 7)
    firsts = re.findall(r"[\u4e00-\u9fff]", opens.group(1)) if opens else []  # 分别以严、实、细、准、稳开头
    found = {(h.file, h.speech): h for h in ev.hits}
    for key in dict.fromkeys([*found, *(w.index.speeches if ending or firsts else ())]):  # 以「快」结尾: any speech's
        text = w.index.speeches[key].text
        for e in [e for e in lists_of(text) if len(e.items) == n]:
            said = [fold(point_of(text, i)[0]) for i in e.items]  # each point's first sentence, read once
            ends = [re.split(r"[，,]", s.rstrip("。；;！!"))[-1] for s in said]  # 严中求快…
            alike = len({x[-1:] for x in ends}) == 1 and ends[0].endswith(ending) and all(len(x) in sizes for x in ends)
            on = [any(p in s for p in t) for t, s in zip(told, said)]  # 严格要求…
            alike = alike and (len(told) < 2 or on == [True] * n) and (not firsts or [x[:1] for x in ends] == firsts)
            if alike:
                hit = found.get(key) or w.excerpts[w.cite(key[0], key[1], e.start, e.end) - 1]  # 篇3 unfound
                return say_points(w, [(hit, e)], len(e.items))
    return False


def in_a_row(n: int) -> re.Pattern[str]:
    """`n` short terms joined by 、, no more (紧事先办、大事精办、要事稳办、特事特办 for four: the 179th blind reader's
    四个排比短语 got 篇1's 分清轻重缓急、主次先后,做到有的放矢、综合平衡、循序渐进)."""
    return re.compile(  # the first may run on from what leads into it (做到审大小而图之、…: the 189th's)
        rf"(?<![\u4e00-\u9fff、])[\u4e00-\u9fff]{{2,10}}、(?:[\u4e00-\u9fff]{{2,6}}、){{{n - 2}}}[\u4e00-\u9fff]{{2,6}}"
        rf"(?![\u4e00-\u9fff]*、)"
    )


def alike_clauses(n: int) -> re.Pattern[str]:
    """`n` clauses in a row opening alike, no more (用鲜活的形式反映真实的情况,用简短的篇幅涵盖丰富的内容,用朴实的
    语言表达深刻的道理 for three: the 193rd blind reader's 三个排比句 got 篇12's two, 用简洁的语言…,用短小的篇幅…).

    >>> p = alike_clauses(3)
    >>> bool(p.search("要把好关,用鲜活的形式反映情况,用简短的篇幅涵盖内容,用朴实的语言表达道理。")), bool(p.search("用简洁的语言表达思想,用短小的篇幅承载内涵。"))
    (True, False)
    """
    clause = r"[^，,。；;：:！？!?]{3,24}"
    return re.compile(
        rf"(?:^|(?<=[，,。；;：:]))([\u4e00-\u9fff]{{1,2}}){clause}(?:[，,；;]\1{clause}){{{n - 1}}}(?![，,；;]\1)"
    )


def runs_first(question: str, choices: list[Option]) -> list[Option]:
    """Asked which points say one character (哪几个环节都要快), the sentences saying it in three terms in a row (发现
    问题快,采编撰写快,…; the 166th blind reader's got 篇6's 各个环节…缩小时间差), when there are any."""
    one = one_asked(question)
    return ([o for o in choices if _thrice(one[0]).search(fold(o[0].text))] or choices) if one else choices


_SHAPE = re.compile(r"[“「\"]([^”」\"]*?(?:什么|怎么|啥)[^”」\"]*?)[”」\"]")  # a shape the asker writes out
_BLANK = re.compile(r"什么|怎么|啥")


def asked_shapes(question: str) -> list[re.Pattern[str]]:
    """The shapes a question writes out with blanks (“什么事怎么办”: X事X办), as patterns of one character a blank.

    >>> [bool(p.search("做到紧事先办")) for p in asked_shapes("有一组“什么事怎么办”的四字排比")], asked_shapes("“四快”是什么？")
    ([True], [])
    >>> [bool(p.search("什么事都要办")) for p in asked_shapes("“什么事怎么办”")]
    [False]
    """
    shapes = [m.group(1) for m in _SHAPE.finditer(fold(question))]
    kept = [s for s in shapes if re.search(r"[\u4e00-\u9fff]", _BLANK.sub("", s))]  # a character of its own
    return [re.compile(_BLANK.sub(lambda _: "[\u4e00-\u9fff]", re.escape(s))) for s in kept]


def _thrice(char: str) -> re.Pattern[str]:
    """Three or more short terms in a row ending in `char` (辛苦、艰苦、清苦; 发现问题快,采编撰写快,…): which ones say
    it, asked of that character (not 要有苦干的精神…不怕苦、不怕累)."""
    return re.compile(
        f"(?:[\u4e00-\u9fff]{{0,4}}{re.escape(char)}[、，,]){{2,}}[\u4e00-\u9fff]{{0,4}}{re.escape(char)}"
    )


def both_sides(question: str) -> list[str]:
    """The things a question describes with 又…又… (又苦又是幕后工作 -> 苦, 幕后工作; 又累又难又穷 -> 累, 难, 穷).

    >>> both_sides("形容辦公室這個崗位又苦又是幕後工作的說法？"), both_sides("怎么写好材料？")
    (['苦', '幕后工作'], [])
    >>> both_sides("把办公室说成一个又累又难又穷的岗位")
    ['累', '难', '穷']
    """
    m = _BOTH.search(fold(question))
    return [re.sub(r"^(?:是|很)", "", s) for s in m.group(1).split("又") if s] if m else []


def family(w: Writer, ev: Evidence, weights: dict[str, float]) -> bool:
    """Every saying of a pattern the question quotes («X中求快»: 严中求快, 实中求快, …), quoted and
    numbered in the speech's order; False (nothing written) when no speech (the one named, if any) says it twice."""
    found = [g for p, g in anchored(ev, w.index) if wildcard(p)]
    groups = [g for g in found if len(g) >= 2]
    there = named_speeches(w.index, ev.question) if groups else set()  # 民政局那篇讲话…哪几个“中心”: its own
    group = next((g for g in groups if (g[0][1].file, g[0][1].speech) in there), [])
    # else the best speech's, if it says it twice (信息报送…好几个“快”: 篇12's 四快 is one sentence, not 篇3's 严中求快…)
    group = group or (found[0] if not there and found and len(found[0]) >= 2 else [])
    thrice = [_thrice(c) for c in one_asked(ev.question)]  # 哪几个“苦”: 辛苦、艰苦、清苦, not 能吃苦 (the 165th's)
    kept = [o for o in group if thrice[0].search(fold(o[0].text))] if thrice else []
    group = kept or group  # …alone, the one saying asked for
    w.quote = True
    start = w.mark()
    w.lead("讲话中的说法：")
    for c, hit in group[:ANCHOR_FAMILY]:
        piece = cut(c.text, weights, "wording", 80)
        piece = c.text.strip() if han_count(piece) < 6 and len(c.text) <= 60 else piece
        at = c.position + c.text.find(piece)
        w.say(piece, w.cite(hit.file, hit.speech, at, at + len(piece)), numbered=len(w.pieces) * (len(group) > 1))
    if len(w.pieces) - start[0] < (2 if kept else 3):  # the lead-in and two sayings at least
        w.undo(start)
        w.quote = False
        return False
    return True


def _figure_span(text: str, folded: str, a: int, b: int, shape: re.Pattern[str]) -> tuple[int, int]:
    """The part of sentence [a, b) to quote for its figures: from its start (after a point's marker)
    to the end of the clause holding its last figure; from the clause holding the first when that is
    too long."""
    found = list(shape.finditer(folded, a, b))
    end_at = _CLAUSE_END.search(text, found[-1].end(), b)
    end = end_at.start() if end_at else b
    while end < b and (more := _IMAGE_CLAUSE.match(folded, end, b)):  # …“千里眼”,多下“及时雨”,不放“马后炮”
        end = more.end()
    m = marker(text[a:b])
    start = a + (m.length if m else 0)
    if end - start > FIGURE_CHARS:
        cuts = [x.end() for x in _CLAUSE_END.finditer(text, start, found[0].start())]
        start = cuts[-1] if cuts else start
    return start, end


def _several_figures(question: str) -> bool:
    """Whether a question asking for a figure asks for several (用了哪些比喻): in the clause that asks for
    the figure, not another (办公室比成机器，零件指哪些工作 asks which tasks).

    >>> _several_figures("用了哪些比喻形容办公室？"), _several_figures("办公室比成机器，零件指哪些工作？")
    (True, False)
    >>> _several_figures("有个说法把办公室比作一根针，原话是怎么讲的？")  # one
    False
    """
    return any(figure(c) and _SEVERAL.search(c) for c in re.split(r"[，,；;。？?]", fold(question)))


def figures(w: Writer, ev: Evidence, weights: dict[str, float]) -> bool:
    """The figures of speech the question asks for, from the retrieved speeches: the sentences that hold
    one (`quotes.figure`), ranked as any answer sentence (`writer.rank`), those close to the best, each
    quoted from its start to the clause holding its figure; False when the question asks for none, no
    retrieved speech has one, or none holds an image the question names (a saying does: `wording`)."""
    shape = figure(ev.question)
    if shape is None or not _several_figures(ev.question):  # 拿什么来比喻这种人: the one said of it
        return False
    pictured, known = images(ev.question), glossed(ev.question)  # 缝衣服的工具: 针, 线 (the 88th got 篇1's 产品…)
    weights = {**weights, **dict.fromkeys([*pictured, *known], IMAGE_WEIGHT)}  # 事后才报: “马后炮”
    found = []
    for hit in {(h.file, h.speech): h for h in ev.hits}.values():
        text = w.index.speeches[(hit.file, hit.speech)].text
        folded = folded_speech(text)
        for a, b in sentence_spans(text):
            if shape.search(folded, a, b):
                lo, hi = _figure_span(text, folded, a, b, shape)
                c = Candidate(0, text[a:b], 0.0, a, similarity(w.index, ev, hit, a) or 0.0)
                found.append((rank(c, weights), lo, hi, hit))
    found.sort(key=lambda f: -f[0])
    said = (tokenize(fold(w.index.speeches[(h.file, h.speech)].text[lo:hi])) for _, lo, hi, h in found if pictured)
    if not found or (pictured and not any(x in t for t in said for x in pictured)):  # words: 线, not 天线's
        return False  # 缝衣服的工具: 上边千条线,下头一根针 is a saying, not a figure (`wording` finds it)
    close = [f for f in found if f[0] >= found[0][0] - FIGURE_MARGIN][:FIGURES_MAX]
    spans = [fold(w.index.speeches[(h.file, h.speech)].text[lo:hi]) for _, lo, hi, h in close]
    if known and not any(re.search(loose(k), t) for k in known for t in spans):  # “前方哨所”和“大后方”: 坚强前哨…, a
        return False  # formulation described, which no figure found says (the 180th's got 笔杆子, 左右手…)
    w.quote = True
    w.lead("讲话中的说法：")
    for _, lo, hi, hit in close:
        piece = w.index.speeches[(hit.file, hit.speech)].text[lo:hi]
        w.say(piece, w.cite(hit.file, hit.speech, lo, hi), numbered=len(w.pieces) if len(close) > 1 else 0)
    return True


def wording(w: Writer, ev: Evidence, weights: dict[str, float], budget: int) -> None:
    """The formulations: the best sentences' clauses that hold them, each quoted as the speech has it (those
    holding the images the question names first: `images`); the best alone when the question asks for one
    name (那个叫法: 万金油干部 without 官不大、衙门不小, the 30th blind reader's). A formulation described
    by two things (又苦又是幕后工作) gets the best sentence holding each (the 41st reader got 幕后工作 alone,
    its 三苦 sentence 0.03 lower). A quoted shape (“X则必X”), or a formulation described (`glosses.described`),
    keeps the sentences saying one, when there are any (the 45th's led with a sentence holding the
    question's words and no such saying; the 55th's and 56th's missed “5+2”、“白+黑” and “坚强前哨”): a glossed
    formulation holding what the question quotes before any shape or run of as many."""
    if listed_phrases(w, ev):  # 五个都以「快」结尾的四字短语: 严中求快…稳中求快, a list's points
        return
    w.quote = True
    w.lead("讲话中的说法：")
    plain = glossed(ev.question)  # 又累又难又穷: “三苦”…
    named = [m.group(1) for m in QUOTE.finditer(fold(ev.question)) if len(m.group(1)) <= 2]  # 三个“留人”
    weights = {**weights, **dict.fromkeys([*images(ev.question), *plain, *named], IMAGE_WEIGHT)}  # kept by a cut
    one = _ONE_NAME.search(q := fold(ev.question)) and not _SEVERAL.search(_ONE_NAME.sub("", q))  # 那个叫法: the best
    choices = introduced(w, _pointing_back(ev.question, options(ev, w.index), weights), weights)
    shaped = [p for ps in anchors(ev.question) for p in ps if wildcard(p)]  # “X则必X”: the sayings of that shape
    shaped += described(ev.question)  # 周末白天晚上都连轴转的说法: those saying “5+2”、“白+黑” (`glosses`)
    shaped += [p for p in [counted_chars(ev.question, name=True)] if p]  # 那个四字说法: those quoting four
    shaped += [_A_NAME] if _NAME_ASKED.search(fold(ev.question)) else []  # 起了个什么外号: “甩手掌柜”
    shaped += [in_a_row(n), alike_clauses(n)] if (n := phrases_asked(ev.question)) else []  # 紧事先办、…、特事特办
    shaped += [_thrice(c) for c in one_asked(ev.question)]  # 几个“苦”: 辛苦、艰苦、清苦
    shaped += [re.compile(f"{s}[^，,。]{{0,2}}?(?:讲|说|云|曰)") for s in _SOURCE.findall(fold(ev.question))]  # 古人讲
    shaped += [re.compile(f"{x}(?:{_COMPARES})") for x in likened(ev.question)]  # 用什么比喻办公室: 办公室好比
    written = asked_shapes(ev.question)  # “什么事怎么办”: 紧事先办, not 弹好钢琴, which 统筹兼顾 glosses (the 191st's)
    bits = [b for m in QUOTE.finditer(q) for b in re.split(r"[….XＸ]+", m.group(1)) if b]  # 鞍前……马后……: 鞍前, 马后
    glosses = [re.compile(loose(p)) for p in plain if all(b in p for b in bits)]  # not 马后炮 for 鞍前……马后……
    kept = ([o for o in choices if any(p.search(fold(o[0].text)) for p in ps)] for ps in (written, glosses, shaped))
    choices = next(filter(None, kept), choices)  # a gloss before any run of as many (the 229th's: “一个办法…”)
    named = [w for w in weights if len(w) >= 2]  # 带数字的说法…岗位: “三苦”岗位, not “三大短板” (the 108th's)
    choices = [o for o in choices if any(heads(p, fold(o[0].text), named) for p in signed(ev.question))] or choices
    if pictures := images(ev.question):  # 用骑马打比方: those saying 鞍 and 马 (the 93rd's led with another sentence)
        least = min(2, len(pictures))
        choices = [o for o in choices if sum(i in fold(o[0].text) for i in pictures) >= least] or choices
    there = named_speeches(w.index, ev.question)  # 培训开班讲话…“坚强前哨”: that speech's, not 篇1's (the 70th's)
    choices = [o for o in choices if (o[1].file, o[1].speech) in there] or choices
    intro = _introducing(ev, w, choices, weights) if meaning_asked(ev.question) else None
    if intro:  # 这个说法是什么意思: the sentence bringing the term in says what it is, whole, then the term's
        c, hit = intro
        w.say(c.text, w.cite(hit.file, hit.speech, c.position, c.position + len(c.text)))
    names = _NAMES_ASKED.search(q)  # 两个带比喻的称谓: a sentence quoting two answers alone (the 201st's)
    sentences(w, choices, weights, "wording", 0 if one or intro or names else budget)
    if names and len(_A_NAME.findall(w.pieces[-1] if w.pieces else "")) < CN_DIGITS[names.group(1)]:
        sentences(w, choices, weights, "wording", budget)
    for side in both_sides(ev.question):  # 又苦又是幕后工作: a formulation for each, “三苦” too; 又穷: “三苦”
        said = [re.compile(re.escape(side)), *(re.compile(loose(p)) for p in cued(side, plain))]
        if len(w.pieces) > 1 and not any(p.search(fold(x)) for x in w.pieces for p in said):
            held = [o for o in choices if any(p.search(fold(o[0].text)) for p in said)]
            held.sort(key=lambda o: -rank(o[0], weights))
            sentences(w, held[:1], weights, "wording", budget)
    if len(w.pieces) == 1:  # nothing quoted: no lead-in either
        w.pieces.clear()


# what a question asks a figure of (用什么比喻办公室, 把办公室比成什么): a sentence comparing it leads (民政那篇讲话
# 用什么比喻办公室: the 147th blind reader got the speech's agenda, which holds 民政 and 办公室, not 办公室好比一部机器)
_LIKENED = re.compile(
    r"(?:用|拿)了?(?:什么|啥|哪个)(?:东西|样的)?(?:比喻|比方)?来?(?:比喻|比作|比成|来比|形容|描述|说明)([\u4e00-\u9fff]{2,4}?)(?=[，,。？?的]|$)"
    r"|把([\u4e00-\u9fff]{2,4}?)(?:比喻?[成作为]|喻为)(?:了|一个|一种)?(?:什么|啥)"
)
_COMPARES = "好比|就像|好像|犹如|如同|恰似|比作|喻为|像"


def likened(question: str) -> list[str]:
    """What a question asks a figure of speech of (folded), or [].

    >>> likened("民政那篇讲话用什么比喻办公室？"), likened("讲话把办公室比成了什么？"), likened("有哪些比喻？")
    (['办公室'], ['办公室'], [])
    >>> likened("用了什么比喻来形容办公室？"), likened("用什么来形容办公室的地位？"), likened("用什么形容？")
    (['办公室'], ['办公室'], [])
    """
    return [x for m in _LIKENED.finditer(fold(question)) for x in m.groups() if x]


def _introducing(ev: Evidence, w: Writer, choices: list[Option], weights: dict[str, float]) -> Option | None:
    """When the best sentence takes up a term (所谓“万金油干部”,…不是贬义,而是工作要求), the sentence right
    before it that brought the term in (…都要博览群书、博学多才,这就是通常所说的“万金油干部”): asked what the
    formulation means, the 92nd blind reader got the former alone."""
    best = max(choices, key=lambda o: rank(o[0], weights), default=None)
    if best is None or not (m := SO_CALLED.match(fold(best[0].text))):
        return None
    before = (
        o
        for o in options(ev, w.index)
        if (o[1].file, o[1].speech) == (best[1].file, best[1].speech)
        and 0 <= best[0].position - (o[0].position + len(o[0].text)) <= 2
        and m.group(1) in fold(o[0].text)
    )
    return next(before, None)


_BACK = re.compile(r"这(?:个|句)?[“「\"]([^”」\"]{1,8})[”」\"]")  # 我们常说的这“一根针”: a formulation said before
BACK_CHARS = 600  # how far before a sentence pointing back at a formulation the one saying it whole may be


BACK_MARGIN = 0.035  # asked for a figure, a sentence pointing back at one this close to a best quoting none leads


def _pointing_back(question: str, choices: list[Option], weights: dict[str, float]) -> list[Option]:
    """Asked for a figure (用什么比喻说明…都要靠基层办公室来落实), when the best sentence quotes nothing (不能局限于
    了解对上级决策…) and one ranking within BACK_MARGIN of it points back at a formulation (我们常说的这“一根针”,
    其实就是各级办公室…), that one, raised just above the best: `introduced` then leads with the formulation
    whole (the 79th and 80th blind readers got 上边千条线,下头一根针 second or not at all)."""
    if not choices or figure(question) is None:
        return choices
    ranks = [rank(c, weights) for c, _ in choices]
    top = max(ranks)
    if QUOTE.search(fold(choices[ranks.index(top)][0].text)):
        return choices
    near = sorted((i for i, r in enumerate(ranks) if r >= top - BACK_MARGIN), key=lambda i: -ranks[i])
    back = next((i for i in near if _BACK.search(fold(choices[i][0].text))), None)
    if back is None:
        return choices
    return lead_with(choices, back, ranks)


def introduced(w: Writer, choices: list[Option], weights: dict[str, float]) -> list[Option]:
    """`choices` with, just above the best one when it points back at a formulation (我们常说的这“一根针”,
    其实就是各级办公室), the sentence before it in its speech that quotes the formulation whole (我们常说“上边
    千条线,下头一根针”): asked for the words, the answer leads with them (the 36th blind reader's)."""
    if not choices:
        return choices
    best, hit = max(choices, key=lambda o: rank(o[0], weights))
    m = _BACK.search(fold(best.text))
    if not m:
        return choices
    text = w.index.speeches[(hit.file, hit.speech)].text
    lo = max(0, best.position - BACK_CHARS)
    for a, b in reversed(sentence_spans(text[lo : best.position])):
        sentence = fold(text[lo + a : lo + b])
        whole = [q for q in QUOTE.finditer(sentence) if m.group(1) in q.group(1) and q.group(1) != m.group(1)]
        if whole:
            end = _CLAUSE_END.search(sentence, whole[0].end())  # to the end of its clause
            said = text[lo + a : lo + (end.start() if end else b - a) + a]
            lead = rank(best, weights) + 0.01 - WORDS_WEIGHT * coverage(said, weights)  # ranks just above it
            return [(Candidate(best.n, said, best.score, lo + a, lead), hit), *choices]
    return choices
