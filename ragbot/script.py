"""Traditional/Simplified Chinese: detection, folding for matching, conversion for display.

Folding (Traditional -> Simplified, OpenCC `t2s`, phrase-aware) is only for matching and indexing;
the original text is what gets displayed. `t2s` leaves 著 as it is (a Simplified character too), so
folding also writes the particle and verb 著 as mainland text does, 着 (著力, 隨著, 著手 -> 着力, 随着,
着手), except in the words that keep 著 (显著, 著名, 著作…): otherwise the Traditional speech's 52 著
never match a Simplified question's 着, nor a Traditional question's 著 the Simplified speeches' 着.
For the same reason it writes the Taiwan words whose mainland words have as many characters as theirs
(程式, 網路, 軟體, 列印, 視窗) as the mainland words (程序, 网络, 软件, 打印, 窗口).
`fold` keeps the length of its input, so a position in folded text is the same position in the
original; when OpenCC's phrase tables would change the length, it falls back to
character-by-character conversion. Simplified -> Traditional for answers
uses `s2tw` (OpenCC's phrase tables plus Taiwan character forms, as in the Traditional speeches):
it picks 頭髮 vs 發展 from context, but it does not rewrite vocabulary.

`to_simplified` is for showing Traditional text to mainland readers: OpenCC `tw2s` (Taiwan
character forms, so 凝聚著 reads 凝聚着) plus the Taiwan words the Traditional speeches use where
mainland text says otherwise (程式 -> 程序, 檔案 -> 文件 unless it means archives, 網路 -> 网络).
The word table is measured on this corpus (tests/measure_simplified.py): OpenCC's own
mainland-phrase configuration `tw2sp` also rewrites words mainland speeches use (建立 -> 创建,
执行 -> 运行, 核心 -> 内核), so it is not used. It may change the length of the text; it does
not rewrite vocabulary beyond the table.
"""

from __future__ import annotations

import re
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
    """Simplified form of `text`, same length, for matching: characters (`fold_chars`), then the Taiwan
    words of the same length as their mainland ones (程式 -> 程序, 網路 -> 网络, 視窗 -> 窗口…).

    >>> fold("辦公室工作"), fold("隨著成效顯著"), fold("随着成效显著")
    ('办公室工作', '随着成效显著', '随着成效显著')
    >>> fold("按程式辦事，面對網路輿情，形象的視窗"), fold("程式化")
    ('按程序办事，面对网络舆情，形象的窗口', '程式化')
    """
    out = fold_chars(text)
    return _SAME_LENGTH.sub(lambda m: _TAIWAN_ONLY[m.group()], out) if _SAME_LENGTH.search(out) else out


def fold_chars(text: str) -> str:
    """Simplified form of `text` character for character (OpenCC `t2s`, and 著 as 着), same length."""
    out: str = _converter("t2s").convert(text)
    if len(out) != len(text):
        conv = _converter("t2s").convert
        out = "".join(c2 if len(c2 := conv(c)) == 1 else c for c in text)
    if "著" in out:
        keep = {m.start() + m.group().index("著") for m in _ZHU.finditer(out)}
        out = "".join("着" if c == "著" and i not in keep else c for i, c in enumerate(out))
    return out


@lru_cache(maxsize=64)
def folded_speech(text: str) -> str:
    """A speech's text folded (`fold`), made once per speech: folding a whole speech costs about 1.6 ms,
    and an answer may look at five."""
    return fold(text)


# words where mainland text writes 著 (zhù, "notable; to write"); everywhere else folding writes 着
_ZHU = re.compile(
    "显著|卓著|昭著|彰著|著名|著称|著作|著述|著书|著者|著录|著有|名著|原著|专著|巨著|论著|编著|合著|译著|遗著|新著|土著"
)


def to_traditional(text: str) -> str:
    """Traditional form of `text`, for answering a Traditional asker.

    >>> to_traditional("头发和发展"), to_traditional("再报县长审签")
    ('頭髮和發展', '再報縣長審簽')
    """
    return str(_converter("s2tw").convert(text)).replace("審籤", "審簽")  # OpenCC's 籤 is a lot drawn


# Taiwan words (in Simplified characters) that OpenCC leaves and mainland text does not use, with
# their mainland form; replaced wherever they occur. 程式化 ("formulaic") is mainland usage.
_TAIWAN_ONLY = {
    "程式": "程序",
    "程式化": "程式化",
    "最佳化": "优化",
    "网际网路": "互联网",
    "区域网路": "局域网",
    "网路": "网络",
    "入口网站": "门户网站",
    "视窗": "窗口",
    "软体": "软件",
    "列印": "打印",
}
# folding writes the ones of the same length as mainland text does, so 网络 finds the Traditional speech's 網路
_SAME_LENGTH = re.compile(
    "|".join(sorted((w for w, m in _TAIWAN_ONLY.items() if len(w) == len(m)), key=len, reverse=True))
)
# Words mainland text also uses, in another sense: replaced only where written in Traditional
# characters (so a Simplified speech's 档案 stays). 檔案 is 文件 unless it means archives (_ARCHIVES).
# 決定著 (which tw2s keeps, as in 决定著作) is matched in its folded form, 决定着.
_IF_TRADITIONAL = {"档案": "文件", "资讯": "信息", "学科设定": "学科设置", "决定着": "决定着"}
_WORDS = re.compile("|".join(sorted(map(re.escape, {**_TAIWAN_ONLY, **_IF_TRADITIONAL}), key=len, reverse=True)))
_ARCHIVES = re.compile(
    r"档案(?:管理|保管|工作|馆|事业|党史|、党史)|(?:项目|工程|企业|信用|社区|人事|各种)档案|、档案、"
)


def to_simplified(text: str) -> str:
    """Mainland Simplified form of `text`, for display: OpenCC plus the Taiwan word table (may change length).

    Traditional text goes through `tw2s`, Simplified text through `t2s` (which leaves it as it is;
    `tw2s` would turn its 显著 into 显着).

    >>> to_simplified("按程式辦文，推進檔案事業；重要檔案要及時傳閱，凝聚著網際網路的力量")
    '按程序办文，推进档案事业；重要文件要及时传阅，凝聚着互联网的力量'
    >>> to_simplified("加强档案管理和网路建设")
    '加强档案管理和网络建设'
    """
    folded = fold_chars(text)  # the Taiwan words as they are written, to be found here
    archives = {m.start() + m.group().index("档案") for m in _ARCHIVES.finditer(folded)}
    parts: list[str] = []
    last = 0
    for m in _WORDS.finditer(folded):
        word, at = m.group(), m.start()
        if word in _IF_TRADITIONAL and (text[at : m.end()] == word or (word == "档案" and at in archives)):
            continue
        parts += [text[last:at], _TAIWAN_ONLY.get(word) or _IF_TRADITIONAL[word]]
        last = m.end()
    marked = "".join(parts) + text[last:]
    config = "tw2s" if detect_script(text) == "traditional" else "t2s"
    return str(_converter(config).convert(marked))


def shown(text: str, source: str, target: Script) -> str:
    """A speech's own words (`text`, in the `source` script) for a reader of the `target` script: as they
    are when the scripts agree, else converted (`to_script`). Converting Traditional text to Traditional
    again reads its 云 (詩云, "the poem says") as the Simplified form of 雲 ("cloud") and its 了解 as 瞭解:
    s2tw changes 92 of the seed corpus's 1,341 Traditional sentences.

    >>> shown("賈島詩云“二句三年得”", "traditional", "traditional"), shown("头发", "simplified", "traditional")
    ('賈島詩云“二句三年得”', '頭髮')
    """
    return text if source == target else to_script(text, target)


def to_script(text: str, script: Script) -> str:
    """`text` converted to `script`, for an answer: mainland Simplified (`to_simplified`) or Traditional."""
    return to_traditional(text) if script == "traditional" else to_simplified(text)


def script_counts(text: str) -> tuple[int, int]:
    """(traditional-only characters, simplified-only characters) in `text`."""
    to_s = fold_chars(text)
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


_TWINS = ("，,", "；;", "：:", "！!", "？?", "（(", "）)")
_TWIN_OF = {c: f"[{re.escape(pair)}]" for pair in _TWINS for c in pair}


def loose(phrase: str) -> str:
    """A regex for `phrase` where each punctuation mark also matches its other width: speeches
    scraped from the web write 上边千条线,下头一根针 with an ASCII comma, a user types ，.

    >>> bool(re.fullmatch(loose("上边千条线，下头一根针"), "上边千条线,下头一根针"))
    True
    """
    return "".join(_TWIN_OF.get(c) or re.escape(c) for c in phrase)
