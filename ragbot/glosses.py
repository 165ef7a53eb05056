"""Formulations a question describes instead of quoting them: by a sign they hold, or by what they mean.

  signed(question)     带加号的说法, 用四个数字命名的: a quoted formulation holding that sign (“5+2”, “1355”, “三苦”)
  glossed(question)    周末晚上都加班的说法, 既不越位也不掉队的说法: the set phrases whose plain words the
                       question uses (data/glosses.txt: 白+黑 is described by 白天 and 晚上)
  described(question)  both, as patterns over folded text
  cued(word, phrases)  those of `phrases` a cue word of theirs is (穷: “三苦”, not 重、苦、杂、难)
  heads(pattern, text, words)  whether a formulation found names one of the words right after it (“三苦”岗位)

A drafter looking for precedent wording seldom knows the phrase: asked for 形容办公室同志没有周末、白天
晚上连轴转的那个说法, retrieval finds sentences about working hard, not “5+2”、“白+黑”, which share no
word with the question (the 55th and 56th blind readers'). `quotes.anchors` searches what these find as
if the question had quoted it, so retrieval, the answer's sentences and its refusal treat it alike. Only
a question that asks for a formulation (`WORDING`) is read so: 周末要加班吗 asks no phrase.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from .script import fold, loose

GLOSSES = Path(__file__).parent / "data" / "glosses.txt"

# a question asking for a formulation (the one owner: `asks.kind` reads it too)
WORDING = re.compile(
    r"(?<!情况有什么)(?<!对此有什么)(?<!对这个有什么)(?<!有没有)(?<!有没有什么)(?<![里中]有)说法|提法|叫法|外号|绰号|称呼|表述|用语|原话|原文|原意|概括|形容|比喻|打比方|的比方|叫什么|称为|称作|哪一?句[^，,。？?]{0,6}?话|引[用了]了?[^，,。？?]{0,6}?一句|哪[几两二三四五六七八九十]句|[那这的][两二三四五六七八九十]句话|哪几个字|几个字|口号|排比|顺口溜|口诀|俗话|俗语|短语|四字词|词组|哪[两二三四五六七八九十几]?个词|(?:什么|啥)词(?!典)"
)


def signed(question: str) -> list[re.Pattern[str]]:
    """For a formulation a question describes by a sign it holds (带加号的说法: “5+2”、“白+黑”), a quoted
    formulation holding that sign; for 数字, also one counting in words (“三苦”), and when the question names
    qualities with 又 (又累又难又穷), only one counting that many; described by a character its parts hold
    (三个带“一”的短语), a quoted run of parts each holding it (“高看一眼、厚爱一分、严管一层”: the 158th's); by how
    many phrases run together (三句连在一起的说法, the 160th's), a quoted run of that many; described as linked (一环扣一环:
    the 222nd's), clauses each opening with the character the one before ends with (批则必查,查则必清,…).

    >>> [p.pattern for p in signed("帶加號的說法")], signed("加班的说法")
    (['[“「"](?:[^”」"。]{0,6}[+＋][^”」"。]{0,6})[”」"]'], [])
    >>> [bool(p.search("“5+2”")) for p in signed("周末和晚上都干活的那两个数字说法")]  # the 31st blind reader's
    [True]
    >>> [bool(p.search("的“1355”发展战略")) for p in signed("用四个数字命名的发展战略叫什么？")]  # the 38th's
    [True]
    >>> [bool(p.search("清苦的“三苦”岗位")) for p in signed("带数字的说法")]  # the 87th's
    [True]
    >>> [(bool(p.search("“三苦”")), bool(p.search("“5+2”"))) for p in signed("带数字的说法概括又累又难又穷")]  # 108th's
    [(True, False)]
    >>> [bool(p.search("做到“高看一眼、厚爱一分、严管一层”")) for p in signed("用了三个带“一”的短语，原话是什么？")]
    [True]
    >>> [(bool(p.search("“高看一眼、厚爱一分、严管一层”")), bool(p.search("“忠诚、细致、吃苦、进步”"))) for p in signed("三句连在一起的说法")]
    [(True, False)]
    >>> [(bool(p.search("做到批则必查,查则必清,清则必办,办则必果。")), bool(p.search("批则必查、查则必果"))) for p in signed("一环扣一环的那句怎么表述")]
    [(True, False)]
    """
    if _CHAINED.search(fold(question)):  # 一环扣一环的那句: 批则必查,查则必清,…, each clause opening as the last ends
        return [re.compile(r"(?:[\u4e00-\u9fff]{1,6}?([\u4e00-\u9fff])[，,、；;](?=\1)){2,}")]
    held = _HELD.search(fold(question))  # 三个带“一”的短语: “高看一眼、厚爱一分、严管一层”, each part holds 一
    if held:
        part = f'[^”」"。、，,]{{0,5}}{held.group(1)}[^”」"。、，,]{{0,5}}'
        return [re.compile(f'[“「"]{part}(?:、{part})+[”」"]')]
    if joined := _JOINED.search(fold(question)):  # 三句连在一起的说法: “高看一眼、厚爱一分、严管一层”
        part, n = '[^”」"。、，,]{2,8}', _DIGITS.index(joined.group(1)) - 1
        return [re.compile(f'[“「"]{part}(?:[、，,]{part}){{{n}}}[”」"]')]
    signs = dict.fromkeys(_SIGNS[m[:2]] for m in _SIGN.findall(fold(question)))
    qualities = len(re.findall(r"又(?=[\u4e00-\u9fff])", fold(question)))  # 又累又难又穷: a number for three
    if _SIGNS["数字"] in signs and 2 <= qualities <= 9:
        return [re.compile(f'[“「"](?:{_DIGITS[qualities]}|{qualities})[个种项条大]?[\u4e00-\u9fff]{{1,3}}[”」"]')]
    return [
        re.compile(
            f'[“「"](?:[^”」"。]{{0,6}}[{sign}][^”」"。]{{0,6}}{_NUMBERED if sign == _SIGNS["数字"] else ""})[”」"]'
        )
        for sign in signs
    ]


def heads(pattern: re.Pattern[str], text: str, words: Sequence[str]) -> bool:
    """Whether a formulation `pattern` finds in `text` names one of `words` right after it (“三苦”岗位).

    >>> heads(signed("带数字的说法")[0], "清苦的“三苦”岗位", ["岗位"]), heads(signed("带数字的说法")[0], "“三苦”", ["岗位"])
    (True, False)
    """
    return any(text.startswith(tuple(words), m.end()) for m in pattern.finditer(text))


_DIGITS = "零一二三四五六七八九"  # a digit's numeral by its value (not quotes.CN_DIGITS: quotes imports this module)
# a formulation described by its sign, and the characters of it (数字 only as 数字说法: 多少数字 asks a number)
_SIGNS = {"加号": "+＋", "减号": "\\-－", "乘号": "×＊*", "等号": "=＝", "数字": "0-9０-９"}
_NUMBERED = "|[两二三四五六七八九十][个种项条大]?[\u4e00-\u9fff]{1,3}"  # a number in words counts too: “三苦”
_HELD = re.compile(r'(?:带|含|有)(?:个|着)?[“「"‘]([\u4e00-\u9fff])[”」"’]字?的')  # a character each part holds
_JOINED = re.compile(r"([三四五六七八九])(?:句|个短语|个词)(?:话)?(?:连在一起|连起来|排在一起|并列|排比)")  # a run of n
_CHAINED = re.compile(r"一环扣一环|环环相扣|环环紧扣|一环接一环|首尾相[接连衔]|顶真|顶针")  # clause by clause
_SIGN = re.compile("|".join(s for s in _SIGNS if s != "数字") + "|数字的?(?:说法|提法|叫法)|数字来?(?:命名|概括)")


@cache
def glosses() -> tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]:
    """(formulation, cue groups) of each line of data/glosses.txt."""
    out = []
    for line in GLOSSES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            phrase, cues = line.split("\t")
            out.append((phrase, tuple(tuple(g.strip().split("|")) for g in cues.split("&"))))
    return tuple(out)


# a formulation described by how many times it holds a character: 三个"一"组成的, 四个“不”字
_COUNTED = re.compile(r"([二三四五六七八九])个(?:[“「\"'‘]([\u4e00-\u9fff])[”」\"'’]|([\u4e00-\u9fff])字)")


def glossed(question: str) -> list[str]:
    """The formulations a question asking for one describes in plain words: those with a line of
    data/glosses.txt of whose cue groups the question holds a word each.

    >>> glossed("形容辦公室同志沒有週末、白天晚上連軸轉的那個說法？"), glossed("周末要不要加班？")
    (['5+2', '白+黑'], [])
    >>> glossed("想找一句话形容办公室人员在领导身边既不越权抢位、也不落在后面")
    ['鞍前不越位,马后不掉队']
    >>> glossed("几篇讲话都提到“办公室工作无小事”，原话分别怎么说？")  # dev q117: not another phrase besides
    []
    >>> glossed('把办公室比作"前方哨所"和"大后方"的提法')  # the asker's own words quoted: described
    ['坚强前哨', '巩固后院']
    >>> glossed("「前面像哨所、后面像稳固大后方」的说法")  # 哨所 (the 127th's was declined)
    ['坚强前哨', '巩固后院']
    >>> glossed("办公室岗位又苦又累还清贫,讲话里怎么形容的")  # 清贫: not 淇县's 生活清贫 sentence, which led
    ['三苦']
    >>> glossed("对办公室同志既要重视关爱又要从严要求，用的是哪句三段式的话？")  # 哪句…话 (the 107th's)
    ['高看一眼、厚爱一分、严管一层']
    >>> glossed('要求领导对办公室同志多关心，用了三个"一"组成的说法，原话是什么？')  # one cue group and its count (111th's)
    ['高看一眼、厚爱一分、严管一层']
    """
    q = fold(question)
    said = [fold(m) for m in re.findall(r"[“「\"]([^”」\"]{2,})[”」\"]", q)]
    if not WORDING.search(q) or any(m in p or p in m for m in said for p, _ in glosses()):
        return []  # “办公室工作无小事”原话怎么说: a formulation it quotes is looked for as it is
    counted = _COUNTED.search(q)  # 三个"一"组成的说法: the formulation holds 一 three times
    char, times = (counted[2] or counted[3], _DIGITS.find(counted[1])) if counted else ("", 0)

    def fits(phrase: str, groups: tuple[tuple[str, ...], ...]) -> bool:
        cued = [any(w in q for w in g) for g in groups]
        return all(cued) or (bool(char) and any(cued) and phrase.count(char) == times)

    found = (p for p, groups in glosses() if fits(p, groups))
    return list(dict.fromkeys(found))


def described(question: str) -> list[re.Pattern[str]]:
    """Patterns (folded text) of the formulations a question describes: `signed`, then `glossed` (those bearing
    the sign, when it names one: 带数字的说法…又累又难又穷 is “三苦”, not 重、苦、杂、难, the 108th blind reader's).

    >>> [p.pattern for p in described("用一个带数字的说法概括办公室岗位又累又难又穷")][1:]  # 穷: 三苦's gloss
    ['三苦']
    """
    signs = signed(question)
    said = [p for p in glossed(question) if not signs or any(s.search(f"“{p}”") for s in signs)]
    return signs + [re.compile(loose(p)) for p in said] + _runs_told(question)


_RUN_ASKED = re.compile(r"排比|对仗|并列|句式|短句")
_TOLD = re.compile(r"[\u4e00-\u9fff]{2}(?:、[\u4e00-\u9fff]{2}){2,}")  # 按大小、缓急、上下、内外来谋划
_CHARS_TOLD = re.compile(r"(?:[“「\"][一-鿿][”」\"][、和与及]?){3,}")  # 分别讲“看”“爱”“管”


def _runs_told(question: str) -> list[re.Pattern[str]]:
    """A run of parallel phrases asked by the words each holds, in order (四句文言排比,讲如何按大小、缓急、上下、内外
    来谋划: 审大小而图之、酌缓急而布之、连上下而通之、衡内外而施之; the 277th blind reader's was refused), of four or more
    all but one (“……而……之”的句式讲轻重、大小、上下、内外: the 282nd's, 轻重 said 缓急), or by a character each holds
    (三个短句,分别讲“看”“爱”“管”都要多一点: 高看一眼、厚爱一分、严管一层; the 285th's got 002's “5+2”、“白+黑”).

    >>> [p.pattern for p in _runs_told("用四句排比讲按大小、缓急、上下、内外来谋划")][:2], _runs_told("按大小、缓急、上下来谋划")
    (['大小[^。；;]{0,8}?缓急[^。；;]{0,8}?上下[^。；;]{0,8}?内外', '缓急[^。；;]{0,20}?上下[^。；;]{0,20}?内外'], [])
    """
    q = fold(question)
    told = [m.group().split("、") for m in _TOLD.finditer(q)] if _RUN_ASKED.search(q) else []
    told += [re.findall("[一-鿿]", m.group()) for m in _CHARS_TOLD.finditer(q)] if _RUN_ASKED.search(q) else []
    runs = [re.compile("[^。；;]{0,8}?".join(words)) for words in told]
    return runs + [
        re.compile("[^。；;]{0,20}?".join(w[:i] + w[i + 1 :])) for w in told if len(w) >= 4 for i in range(len(w))
    ]


def cued(word: str, phrases: Sequence[str]) -> list[str]:
    """The formulations of `phrases` that `word` is a cue word of (又累又难又穷: 穷 is “三苦”'s, 难 重、苦、杂、难's).

    >>> cued("穷", ["重、苦、杂、难", "三苦"]), cued("难", ["重、苦、杂、难", "三苦"])
    (['三苦'], ['重、苦、杂、难'])
    """
    return [p for p in phrases if any(word in g for f, groups in glosses() if f == p for g in groups)]
