"""The question's words as the answer writer weighs them.

  term_weights(index, question)  the question's words (jieba tokens, its scaffolding left out) by
                                 IDF; a single character, or a word no chunk holds, by how rare
                                 its text is among the chunks' text; a word no chunk holds, as its
                                 Cilin synonyms that chunks do hold; the words only a scene-setting
                                 first clause holds (面对…, …时) at half weight; a verb with its
                                 direction (报上来) as the speeches say it (上报), or not at all
  topical(weights)               those weights without the words asking for points (要求, 措施)
  ways_aside(weights)            those weights without the words asking for ways of doing (办法)
  pictured(q, texts)             whether one text holds two or more of those images (千条线…一根针)
  images(q)                      the images a figure-of-speech question names (用针和线打比方) or describes
                                 by their kind (人身上的某个器官), searched and weighed as words of their own
  rare_terms, rare_held          the question's rare words; whether one candidate sentence holds them all
  asking_words(q)                the words a quantity question asks its number in (收到…上级机要文件)

A text holds a word when it holds its characters in a row (`asks.coverage`), so the weights say
how much each such run of characters matters. What it does not do: rank sentences (writer.py) or
retrieve (retrieve.py, whose BM25 weighs tokens as tokens), nor refuse on words no speech holds
(unnamed.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from .amounts import BOUND_WORD, unit_asked
from .asks import LIST, QUANTITY, WAYS, kind, parts, short_form
from .glosses import WORDING
from .lexical import NUMBERED, idf, tagged_words, tokenize
from .quotes import COUNTED_QUOTE, QUOTE, quoted
from .scaffold import BODY, SCAFFOLD, scaffolding
from .script import fold
from .speaker import speaker_asked
from .synonyms import speech_words, used_synonyms

if TYPE_CHECKING:
    from .generate import Candidate
    from .index import Index


def term_weights(index: Index, question: str) -> dict[str, float]:
    """The question's words by IDF, without its scaffolding (讲话提出了哪几条: how it asks, not what about). A text
    holds a word when it holds its characters in a row, so a single character weighs as rare as it is among the chunks'
    characters, not as a word of its own (这样行吗: 行 is in 执行, 进行…), and only when that rare (idf > 3). Measured
    (`ragbot eval --config hybrid`, 363 q): held-out evidence recall 0.878 -> 0.888, carried evidence 0.796 -> 0.806,
    ROUGE-L 0.444 -> 0.448; dev evidence recall 0.914 -> 0.905 (one question), ROUGE-L 0.511 -> 0.518; 40 answers
    change. A word no chunk holds weighs by its rare pieces (`_in_text`): dev carried evidence 0.853 -> 0.862 (q073, 在
    什么情况下不督), held-out unchanged, 4 answers change."""
    scaffold = scaffolding(question)
    question = NUMBERED.sub("", question)  # 篇3讲话 names where, not what about
    out = {}
    tokens = list(dict.fromkeys(tokenize(question)))
    for t in tokens:
        for w in _in_text(index, t) if len(t) >= 3 else (t,):
            weight = index.bm25.idf(w) if len(w) >= 2 and w == t and not _miscut(index, w) else _text_idf(index, w)
            weight = _text_idf(index, short) if (short := _short_form(index, w)) else weight
            if not _scaffolding(w, scaffold) and (len(w) >= 2 or weight > RARE_IDF):
                out[w] = weight
    folded = fold(question)
    for m in NEGATED.finditer(folded):  # 哪些事不应该去督: the speeches say 不督
        term = "不" + m.group(1)
        if term not in out and not _a_not_a(folded, m.start()) and text_df(index, term):
            out[term] = NEGATED_WEIGHT * _text_idf(index, term)  # what it asks: 搞督查…不需要去督 is 不督
            verb = m.group(1) + m.group(2)
            for modal in [w for w in out if w not in (term, verb) and w in m.group()]:
                out.pop(modal)  # 不该去督查: 不该 is how it asks, 不督 what (督查 said as 不督); 需要, 去督 too
            out[term] += out.pop(m.group(1) + m.group(2), 0.0) if m.group(2) else 0.0
    _quoted(index, folded, out)
    _directed(index, tokens, folded, out)
    if (how := _HOW_VERB.search(folded)) and how.group(1) in out:  # 该怎么应对: the answer need not say 应对
        out[how.group(1)] *= SETTING_WEIGHT
    for m in _POINTER.finditer(folded):  # 对这种态度怎么评价: 态度 points back at the situation told
        out.pop(m.group(1), None)
    for word, plain in speech_words(question).items():  # 网上办公系统 asks for OA, 小道消息 for 谣言, in its place
        instead = [w for w in out if any(w in p for p in plain)]
        if index.bm25.df(word):  # 该不该提出来: its words are how it asks (提出), it still asks 讲真话
            out[word] = max(index.bm25.idf(word), sum(out.pop(w) for w in instead))
        elif text_df(index, word):  # no jieba word (…的事不督: 不 / 督), weighed by the chunks holding its text
            out[word] = max(_text_idf(index, word), sum(out.pop(w) for w in instead))
    return _set_aside(question, _as_said(index, out, scaffold))


_DIRECTED = re.compile(r"([\u4e00-\u9fff])([上下])[来去]")  # 报上来, 发下去: one word to jieba


def _directed(index: Index, tokens: Sequence[str], folded: str, out: dict[str, float]) -> None:
    """A verb with its direction (报上来, 发下去), one word to jieba, is not weighed as its pieces (报上, 上来: 6.67
    and 4.48, said by no speech), but as the speeches say it (上报, 下发) when a chunk's text holds that (the 152nd
    blind reader's 其他单位不按规定程序报上来的公文; 篇6 says 对其它单位违反程序上报的公文一律退回), or not at all
    (提上去: 上提 is said nowhere; what is raised is asked, 效率, the 155th's). Not 定下来 (定 + 下来). `tokens`:
    the question's jieba tokens. A word jieba ran into the verb (多快报上去: 快报, 上去) goes with it; not into a
    result (还没定下来: 没定, 下来)."""
    for t in tokens:
        ran = [u for u in ("上去", "上来") if len(t) >= 2 and t + u in folded]  # 多快报上去 (not 没定 下来)
        if m := _DIRECTED.fullmatch(t) or next(filter(None, (_DIRECTED.fullmatch(t[-1] + u) for u in ran)), None):
            for w in [w for w in out if (w in m.group() or w == t) and len(w) >= 2]:
                out.pop(w)  # 提上去: no speech says 提上 or 上提; what is raised is asked (效率)
            if text_df(index, said := m.group(2) + m.group(1)):
                out[said] = index.bm25.idf(said) if index.bm25.df(said) else _text_idf(index, said)


# 这种态度 / 这种做法 before how it is judged points back at the situation told: no word of what is asked (the 42nd
# blind reader's …不太想接。对这种态度怎么评价 got 不是真正负责任的态度); not 这种情况, which the speeches say
# too (held-out q350's 對這種情況怎麼說 lost its evidence without 情况)
_POINTER = re.compile(r"(?:这种|这类|此类|这样的)(?!情况)([\u4e00-\u9fff]{2})(?=[，,]?(?:怎么|怎样|如何|有什么|该怎))")


# a question's leading clause that sets the scene (面对窃密活动增多，…; 开展督查时，…): given, not asked
_SETTING = re.compile(  # not 在讲到提高办公室工作效率时: what the speech is asked on (the 199th's)
    r"^(?:面对|针对|随着|鉴于|对于|面临)[^，,？?]{2,30}[，,]|^(?!在?(?:讲|谈|说|提)[到及起])[^，,？?]{2,30}(?:时|的时候)[，,]"
)
SETTING_WEIGHT = 0.5
TOPIC_IDF = 6.0  # …the last clause names what it asks about by a word this rare (留余地), not only the situation


def _set_aside(question: str, weights: dict[str, float]) -> dict[str, float]:
    """`weights` with the words only a scene-setting first clause holds weighing SETTING_WEIGHT as much: the answer is
    what the rest asks (面對高校竊密活動增多,講話要求從哪些方面加強保密管理: the measures, not the sentence saying 窃
    密活动不断增多). Measured (`ragbot eval --config hybrid`; 13 questions open so, 5 answers change): dev ROUGE-L
    0.557 -> 0.558 (q014 drops an unrelated sentence), held-out 0.483 -> 0.490 (q138 and q285 lead with their lists,
    0.57 -> 0.89 each); evidence unchanged; 0.3 alike. So do a situation's clauses told before a last one asking how
    (手上的活已经排得满满当当，领导又临时塞来新任务，讲话建议平时怎样给自己留余地: 留出一块“空地” leads, not 临时任务多
    …难以胜任), when they are two or more and the last clause names what it asks about by a rare word of its own
    (TOPIC_IDF: 留余地). With one clause (上司们之间看法不一…，该怎么做) dev q021 lost its evidence; without the rare
    word 两位领导…闹了点别扭，我们办公室夹在中间该怎么做 lost 维护领导之间的团结 for 该加班就加班 (q350 and q351 then
    led with their gold, at ROUGE-L 0.45 -> 0.42, 0.38 -> 0.31). Measured: no answer of the set changes (ragbot eval
    --config hybrid). Not for a wording question: its clauses say what the formulation is about (不是中心、也不拍板决
    策，但作用很大，原话的提法是怎么说的).

    >>> _set_aside("开展督查时，哪些事情不督？", {"督查": 2.0, "事情": 1.0, "不督": 3.0})
    {'督查': 1.0, '事情': 1.0, '不督': 3.0}
    """
    q = fold(question)
    m = _SETTING.match(q)
    clauses = re.split(r"[，,]", q)
    if m is not None:
        scene, rest = m.group(0), q[m.end() :]
    elif len(clauses) >= 3 and _HOW_ASKED.search(clauses[-1]) and len(parts(q)) == 1 and kind(q) != "wording":
        scene, rest = "".join(clauses[:-1]), clauses[-1]
        if not any(v >= TOPIC_IDF and len(t) >= 2 and t in rest and t not in scene for t, v in weights.items()):
            return weights  # …我们办公室夹在中间该怎么做: the situation is what it asks about
    else:
        return weights
    return {t: v * SETTING_WEIGHT if t in scene and t not in rest else v for t, v in weights.items()}


# the verb a how question ends with (该怎么对待): how to do it, which the answer need not say; weighed half,
# dev q487 drops 强化“三种意识” after its answer (ROUGE-L 0.46 -> 0.71), no other row of the set moves
_HOW_VERB = re.compile(r"(?:怎么|怎样|如何)([\u4e00-\u9fff]{2})[？?]?$")
_HOW_ASKED = re.compile(r"怎样|怎么|如何|该不该|有没有")  # …，领导又临时塞来新任务，讲话建议平时怎样给自己留余地


def _as_said(index: Index, weights: dict[str, float], scaffold: frozenset[str]) -> dict[str, float]:
    """`weights` with each word no chunk's text holds (两口子) replaced by its synonyms that chunks do hold
    (夫妻; `synonyms.used_synonyms`), each at its weight. Measured (`ragbot eval --config hybrid`, 363 q):
    dev evidence recall 0.922 -> 0.931, carried evidence 0.871 -> 0.879, ROUGE-L 0.540 -> 0.544;
    held-out carried evidence 0.837 -> 0.847 (q291), ROUGE-L 0.480 -> 0.482; 6 answers change, one
    shorter and still carrying; of a helper's 40 fresh questions one more carries its evidence. A word
    asking for a formulation (比喻, 说法: `glosses.WORDING`) keeps itself: as 好比 and 提法 it narrowed
    形容办公室地位重要的比喻说法 to one figure of four, and dev q105 lost ROUGE-L 0.49 -> 0.37. A word whose
    synonyms are all scaffolding is how the question asks (从哪儿下手: 入手, 着手); 0 of 531 rows differ."""
    out: dict[str, float] = {}
    for w, weight in weights.items():
        unsaid = len(w) >= 2 and not text_df(index, w) and not WORDING.fullmatch(w)  # 比喻 asks for a figure
        said = used_synonyms(w, lambda s: text_df(index, s)) if unsaid else []
        if said and not (said := [s for s in said if s not in scaffold]):  # 从哪儿下手: 入手, 着手, how one asks
            continue
        for s in said or [w]:
            out.setdefault(s, weight)
    return out


SHORT_QUOTE = 4


def _quoted(index: Index, folded: str, out: dict[str, float]) -> None:
    """Weigh in `out` a short term the (folded) question quotes, a word however jieba cuts it (「敢用」), and a set
    phrase it names by a count and one quoted character (三个「不」: 三不, not 三个; the 135th blind reader's got
    篇4's “三个特别” first for it)."""
    for m in QUOTE.finditer(folded):
        term = m.group(1).strip()
        if 2 <= len(term) <= SHORT_QUOTE and term not in out and text_df(index, term):
            out[term] = _text_idf(index, term)
    for m in COUNTED_QUOTE.finditer(folded):  # one character (三个「不」, 三个带「苦」字的词: the 138th's)
        if len(m.group(2)) == 1 and text_df(index, term := m.group(1) + m.group(2)):
            out.setdefault(term, _text_idf(index, term))
            out.pop(m.group(1) + "个", None)


def _a_not_a(text: str, at: int) -> bool:
    """Whether the 不 at `at` is the middle of a yes-or-no question (要不要, 该不该, 是不是, 可不可以).

    >>> _a_not_a("要不要发", 1), _a_not_a("可不可以", 1), _a_not_a("是不去督的", 1)
    (True, True, False)
    """
    return 0 < at < len(text) - 1 and text[at - 1] == text[at + 1]


# a verb the question asks not to do, at the end of its clause (哪些事不应该去督？ 哪些话不该讲？): the
# speeches list such things as 不督, 不讲, a word jieba does not cut out of the question; of a two-character
# verb, its first (不该去督查: 不督, the 85th blind reader's got 督查权…慎用 alone); who is not to do it may stand
# between (不该由党委督查部门去督查: 不督, the 155th's got 一是要围绕党委中心工作开展督查)
NEGATED_WEIGHT = 2.0  # a negated verb asked (不需要去督) weighs this many times its IDF: the question turns on it
NEGATED = re.compile(
    r"不(?:应该|应当|应|该|能|要|可以|得|必|需要|用)?(?:由[\u4e00-\u9fff]{2,8}?)?去?([\u4e00-\u9fff])((?:(?![的了吗呢])[\u4e00-\u9fff])?)"
    r"(?=[的了吗呢]?(?:[？?，,。！!]|$))"
)


def _scaffolding(word: str, scaffold: frozenset[str]) -> bool:
    """Whether a word is scaffolding, or two scaffolding words run together (jieba's 哪些方面 of 哪些 and
    方面: held-out q138 then answers with its 反映… sentences, carried evidence 0.847 -> 0.857; a
    question the twelfth blind reader had, so a seen gain; no other answer of the set changes).

    >>> s = frozenset({"哪些", "方面", "哪"})
    >>> [_scaffolding(w, s) for w in ("哪些方面", "方面", "信息方面", "哪")]
    [True, True, False, True]
    """
    return word in scaffold or any(word[:i] in scaffold and word[i:] in scaffold for i in range(1, len(word)))


RARE_IDF = 3  # a single character, or a piece of an unseen token, weighs only when this rare


def _in_text(index: Index, token: str) -> list[str]:
    """A question token as the chunks' text holds it: itself, or, when no chunk holds it (jieba cut 情况下不督
    as 情况 + 下不督), its longest pieces (two characters or more, rarer than RARE_IDF) that a chunk holds."""
    if text_df(index, token) or _short_form(index, token):
        return [token]
    for n in range(len(token) - 1, 1, -1):
        pieces = [token[i : i + n] for i in range(len(token) - n + 1)]
        if found := [p for p in pieces if text_df(index, p)]:
            rare = [p for p in found if _text_idf(index, p) > RARE_IDF]
            return rare or [token]  # 一个样 -> 一个 says nothing: the token stays (and matches nothing)
    return [token]


MISCUT_DF = 10  # a question word jieba cut as one in at most RARE_DF chunks and this many chunks' text holds…


def _miscut(index: Index, word: str) -> bool:
    """…weighs by its text (政府办: one chunk's word, 29 chunks' 政府办公室): how rare jieba's cut of it is says
    nothing of how rare what it says is."""
    return index.bm25.df(word) <= RARE_DF and text_df(index, word) >= MISCUT_DF


def ways_aside(weights: dict[str, float]) -> dict[str, float]:
    """`weights` without the words asking for ways of doing (`asks.WAYS`: 哪几条办法, every point is a 办法; the
    heading over them says of what, 提高工作效率). Not 职能 or 要求 (`topical`): a heading may say those (辦公室有哪些
    職能 then took 003's three points on 办公室工作的重要性, headed by 办公室 alone)."""
    return {t: v for t, v in weights.items() if not _WAYS.fullmatch(t)}


_WAYS = re.compile(WAYS)


def topical(weights: dict[str, float]) -> dict[str, float]:
    """`weights` without the words asking for points (哪几条要求: every point of a list is a 要求, so 要求 says
    which point no more than 哪几条 does; `asks.LIST`)."""
    return {t: v for t, v in weights.items() if not LIST.fullmatch(t)}


def _short_form(index: Index, token: str) -> str:
    """The usual short form a chunk holds of a four-character token no chunk holds (追究责任 said as 追责: the
    81st blind reader's 不追究责任…会怎么样 is 光督查不追责), its first and third characters, or ''. `asks.coverage`
    counts a text holding it as holding the token."""
    short = short_form(token)
    whole = short and not text_df(index, token) and text_df(index, token[:2]) and text_df(index, token[2:])
    return short if whole and text_df(index, short) else ""


def text_df(index: Index, text: str) -> int:
    """How many chunks hold `text` anywhere, in their folded text (kept per loaded index)."""
    known: dict[str, int] = index.derived("text_df", dict)
    if text not in known:
        known[text] = sum(1 for c in index.chunks if text in c.folded)
    return known[text]


def _text_idf(index: Index, text: str) -> float:
    """BM25's IDF of a character (or any text) by the chunks holding it anywhere."""
    return idf(text_df(index, text), len(index.chunks))


RARE_DF = 2  # a question word (three characters or more) that at most this many chunks hold names one thing


def rare_terms(question: str, tokens: Sequence[str], df: Callable[[str], int], least: int = 3) -> list[str]:
    """The question's words of `least` characters or more that 1 to RARE_DF chunks hold, not how it asks."""
    skip = scaffolding(question)
    return [t for t in dict.fromkeys(tokens) if len(t) >= least and t not in skip and 0 < df(t) <= RARE_DF]


def rare_names(index: Index, question: str) -> list[str]:
    """The question's Latin words that 1 to RARE_DF chunks hold (OA, or 网上办公系统 asking for it: `speech_words`):
    each names one thing. (Its rare nouns too cost two list answers, 讲话稿 and a small corpus's 队伍建设: they
    are not said where asked.)"""
    words = [*tokenize(question), *speech_words(question)]
    return [t for t in dict.fromkeys(words) if t.isascii() and t.isalpha() and 0 < index.bm25.df(t) <= RARE_DF]


DESCRIBED_IDF = 4.5  # a word this rare (a few chunks of the seed corpus say it: 越位, 一根) names one passage


def rare_words(index: Index, question: str) -> list[str]:
    """The question's words (two characters or more, not how it asks) that only a few chunks hold: a
    wording question that describes its formulation (既不能越位、也不能落后的那句说法) names it by them."""
    n, df = len(index.chunks), index.bm25.df
    words = dict.fromkeys(tokenize(fold(question)))
    return [w for w in words if len(w) >= 2 and w not in SCAFFOLD and df(w) > 0 and idf(df(w), n) >= DESCRIBED_IDF]


_IMAGES = re.compile(
    r"[用拿借]了?(?:一个|一种|个)?[“「\"]?"
    r"([\u4e00-\u9fff、和与及]{1,8}?|[“「\"][^”」\"]{1,4}[”」\"](?:[、和与及][“「\"][^”」\"]{1,4}[”」\"])+)"  # “线”和“针”
    r"[”」\"]?的?(?:场景|场面|情景)?来?"
    r"(?:打比方|打个比方|作比|作比喻|做比喻|比喻|形容|来比)"
)  # 用针和线打比方, 用了一个针和线的比喻, 拿“水”打比方, 借骑马的场景打比方, 用"线"和"针"来比喻
_LIKENED = re.compile(r"([“「\"]?)([一-鿿]{2,4}?)[”」\"]?(?:的|这个|这一)?(?:比喻|比方)")  # 耳目的比喻, quoted or known
IMAGE_WEIGHT = 8.0  # an image the question names (用针和线打比方: 针, 线) weighs as a word said nowhere else


def images(question: str) -> list[str]:
    """The images a figure-of-speech question names (讲话里用针和线打比方… -> 针, 线): often single characters
    that weigh little as question words, so the answer weighs them at IMAGE_WEIGHT and BM25 searches them.

    >>> images("讲话里用针和线打比方说明各级办公室作用的那句话是什么？"), images("用什么来比喻办公室？")
    (['针', '线'], [])
    >>> images("有篇讲话用了一个针和线的比喻来说明办公室的作用,原话是怎么说的?")  # the 51st blind reader's
    ['针', '线']
    >>> images("有篇讲话拿“水”打比方，原话是怎么说的？"), images("讲话拿什么东西打比方？")  # the image, not what is asked
    (['水'], [])
    >>> images('有一个用"线"和"针"来比喻上级部门多的说法,原话是怎么讲的?')  # the 98th's: each quoted
    ['线', '针']

    An image described by its kind (人身上的某个器官, 缝衣服用的东西: the 30th and 31st blind readers') is
    the images of that kind.

    >>> images("有篇讲话把办公室比作人身上的某个器官,是怎么比的?")[:3]
    ['大脑', '神经', '心脏']
    >>> images("用缝衣服的工具比喻基层办公室的说法？")  # the 88th's: not 缝衣服的工具 itself
    ['针', '线']
    >>> images("耳目的比喻是怎么说的？"), images("“顺风耳”这个比喻？"), images("办公室的比喻？")  # known or quoted
    (['耳目'], ['顺风耳'], [])
    """
    q = fold(question)
    found = [kind for kind in _IMAGE_KINDS if re.search(kind, q)]
    named = [m.group(1) for m in _IMAGES.finditer(q) if not any(re.search(k, m.group(1)) for k in found)]
    kinds = [x for kind in found for x in _IMAGE_KINDS[kind]]  # 缝衣服的工具: 针, 线, not that phrase
    named += [m[2] for m in _LIKENED.finditer(q) if m[1] or any(m[2] in xs for xs in _IMAGE_KINDS.values())]
    parts = [x for phrase in named for x in re.split(r"[、和与及]", re.sub(r"[“”「」\"]", "", phrase))]
    return [x for x in parts if x and not x.startswith(("什么", "哪"))] + kinds


def pictured(question: str, texts: Sequence[str]) -> bool:
    """Whether one of `texts` holds two or more of the images a figure-of-speech question names or describes (缝衣服
    用的东西: 上边千条线,下头一根针), or the one of two characters or more it names (耳目的比喻: 当好领导的“耳目”, refused at
    0.877): the figure asked, whatever the cosine says (the 41st blind reader's 把各级办公室比成缝衣服用的一样东西 was
    refused at 0.887 under the threshold).

    >>> pictured("把办公室比成缝衣服用的东西？", ["上边千条线,下头一根针"]), pictured("用针打比方？", ["一根针"])
    (True, False)
    """
    shown = images(question)
    need = 1 if len(shown) == 1 and len(shown[0]) >= 2 else 2  # 耳目 alone, or two of 针, 线
    return any(sum(x in fold(t) for x in shown) >= need for t in texts)


_IMAGE_KINDS = {  # an image described by its kind, and the images of it
    BODY.pattern: ("大脑", "神经", "心脏", "咽喉", "耳目", "眼睛", "头脑"),
    r"缝衣|缝补|缝纫|针线|裁缝": ("针", "线"),
    r"骑马|马背|骑手": ("鞍", "马"),
    r"天气|气象|下雨": ("雨",),  # 天气和打仗的比喻 (the 225th's got 不放“马后炮” alone): 多下“及时雨”
    r"打仗|作战|战争|战场": ("炮", "枪"),
}


HELD_QUOTE = 4  # a phrase the question quotes this long, held as it is, names the sentence asked for


def rare_held(question: str, tokens: Sequence[str], cands: Sequence[Candidate], df: Callable[[str], int]) -> bool:
    """Whether the question's rare words (three characters or more, held by 1 to RARE_DF chunks:
    毛主席) are all in one candidate sentence. For a wording question that is the sentence asked for
    (讲话引用毛主席哪句话: 毛主席说,三天不学习,赶不上刘少奇, at cosine 0.885 under the threshold). Measured
    over every kind of question (`ragbot eval --config hybrid`), two-character words (出差, 分为, 接听) and
    other kinds (机要文件借阅时要登记哪些内容) answered three and one unanswerable questions. Without such words, a
    phrase it quotes, held as it is (“一池活水”的说法是怎么说的: no jieba word, refused at 0.878)."""
    words = rare_terms(question, tokens, df) or [p for p in quoted(question) if len(p) >= HELD_QUOTE]  # “一池活水”
    return bool(words) and any(all(t in fold(c.text) for t in words) for c in cands)


_RECEIVED = re.compile(r"^([收接领])到$")  # 收到, 接到, 领到: received, which a speech says 接收, 收取 too
# a directional complement ending the question (公开出来, 报上去): which way the act goes, not what it is
_COMPLEMENT = re.compile(r"(?<=[\u4e00-\u9fff])[上下进出回起][来去]$")


def asking_words(question: str) -> list[str]:
    """The words (two characters or more, not scaffolding) a question asks a number in: of its last clause, the word
    before 多少 / 几 and those after it (那篇讲打造旅游主导产业的…讲话，提到全县有多少人民？ -> 全县, 人民; 光山县政府
    办公室2010年一共收到多少件上级机要文件 -> 收, 上级, 机要, 文件, 机要文件: not 光山县 and 2010, which the sentence
    stating it need not repeat; the 25th blind reader's); when no word follows the number, those back to the verb
    before it (2010年县政府办公室共收到上级机要文件多少件 -> 收, 上级, 机要, 文件, 机要文件: the 93rd's was refused); a
    verb of receiving by its verb (收到 -> 收: 共接收…来信352个, the 105th's); for a rank, the two words before (信息
    上报采用积分在全省排第几名 -> 积分, 全省: 名列全省第六 says no 第几名); not a word of the bound asked (连续值班最
    长不得超过多少小时 -> 值班, 小时: not 超过, which 最迟不得超过事发后2小时 says of reporting).

    >>> asking_words("2010年县政府办公室共收到上级机要文件多少件？")  # 收到 is said 收 in any verb (接收, 收取)
    ['收', '上级', '机要', '文件', '机要文件']
    >>> asking_words("去年全县办理人大代表建议多少件？")
    ['建议']
    >>> asking_words("光山县要求各单位在多长时间内把政府信息公开出来？")  # the 104th's: 出来 is how, not what
    ['单位', '政府', '信息', '公开', '信息公开']
    >>> asking_words("值班人员连续值班最长不得超过多少小时？")
    ['值班', '小时']
    """
    clause = [c for c in re.split(r"[，,；;：:。？?！!]", fold(question)) if c.strip()][-1:] or [""]
    clause = [_COMPLEMENT.sub("", clause[0])]  # 把政府信息公开出来: 公开 (20个工作日内予以公开 says no 出来)
    skip = scaffolding(question)
    tokens = tokenize(clause[0])
    at = next((i for i, t in enumerate(tokens) if QUANTITY.search(t)), None)
    if at is not None:
        before = [t for t in tokens[:at] if len(t) >= 2 and t not in skip and not BOUND_WORD.fullmatch(t)]
        counted = _counted_before(clause[0], tokens[at]) if all(len(t) < 2 for t in tokens[at + 1 :]) else []
        tokens = (counted or before[-2 if unit_asked(question) == ("第",) else -1 :]) + tokens[
            at:
        ]  # not 领导 of 领导讲话多少篇
    words = [w for w in dict.fromkeys(tokens) if len(w) >= 2 and w not in skip and not QUANTITY.search(w)]
    words = [_RECEIVED.sub(r"\1", w) for w in words]  # 收到多少封来信: 共接收…来信352个 (the 105th's)
    return (["我"] if speaker_asked(question) else []) + words  # 作这个讲话的同志…: 我到办公室工作…


def _counted_before(clause: str, asking: str) -> list[str]:
    """The words of `clause` from its last verb before the word asking a number (`asking`) up to it: what is
    counted, when nothing follows the number (共收到上级机要文件多少件 -> 收到, 上级, 机要, 文件, 机要文件)."""
    end = clause.find(asking)
    verbs = [m for m in _tagged_spans(clause[:end]) if m[1].startswith("v")]
    return tokenize(clause[verbs[-1][0] : end]) if verbs else []


def _tagged_spans(text: str) -> list[tuple[int, str]]:
    """(start, part of speech) of each of `text`'s jieba words."""
    out, at = [], 0
    for word, pos in tagged_words(text):
        out.append((at, pos))
        at += len(word)
    return out
