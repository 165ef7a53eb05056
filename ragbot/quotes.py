"""What a question quotes: the speeches' own words it names, which the answer must sit next to.

  anchors(question)       the phrases it quotes, as patterns to try in turn (X or 某 a word, …… a phrase; 「四个一流」
                          also as 一流 said four times; a 《title》 as it is): where the answer is said
  counted_quotes(question)  what a count before a quote asks for (哪三个“变”, 哪四个“不到位”): the word said
                          that many times in one sentence; recounted(question), of a count within (“三个第一时间”)
  quoted(question)        the phrases it quotes as they are (no wildcard, three characters or more), not
                          those it describes (形容…“职位小但责任大”的说法)
  cn_number(text)         the value of a Chinese numeral (三, 十二), also for asks.py and structure.py
  figure(question)        for a question that asks for a figure of speech (比喻, 打比方, 形象的说法), the
                          pattern of one (好比一部机器, 就像人的大脑一样, 是沟通上下的“咽喉”)
  saying(question)        for a question that asks for a common saying (俗话, 老话, 常言), the pattern of a quotation
                          the speech marks as one (我们常说“…”, 所谓“…”, 有一句话说的好,“…”, 诗云“…”)
  duties(question)        for a question that asks for the duties of someone (主要职责是什么, 有哪些职能), the
                          pattern of a sentence that lists them (参谋、助手、协调、服务…等主要职能)
  kinds(question)         for a question that asks which X (建立健全哪些制度), the pattern of two listed points
                          naming X (一是综合考核制度；二是督查问责制度); names_kind(question, points) whether
                          a list's points do

Pure functions on text; what a question asks for is asks.py, whether the speeches use a quoted
phrase is lexical.unknown_quotes, what a question asks the meaning of (and what a numbered formulation stands for,
`stands_for`) is meanings.py.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .glosses import described
from .script import fold, loose

QUOTE = re.compile(r"[“「『\"‘]([^”」』\"’]{2,30})[”」』\"’]")
_WILDCARD = re.compile(r"[XxＸ×]+|某+|……|…")
_WILD_PARTS = re.compile(f"({_WILDCARD.pattern})")  # a quoted phrase's words, and the wildcards between them
_SAYINGS = re.compile(r"([两二三四五六七八九十])(?:句|个|条)")
ANY, ANY_PHRASE = ".{1,4}", "[^。！？；;]{1,20}?"  # what a quoted wildcard stands for: X, 某 a word; ……, … a phrase
# 哪几个「求快」, 好几个「快」: not 哪“三部”, 把几种“意识”
_WHICH = re.compile(r"(?:哪几?[个种条句]?|哪些|好几[个种条句])[^两二三四五六七八九十]$")
HEAD = r"[^\W一二两三四五六七八九十个种项条]{1,2}"  # …asks for the sayings ending with it: 严中求快, not “三种意识”
_SAID_END = "(?=[，,。；;、！!”」])"  # …where a saying ends
_ONE_QUOTED = re.compile(r"[“「『\"‘]([\u4e00-\u9fff])[”」』\"’]")  # 「快」: one character, quoted
ANY_CHARS = "[\u4e00-\u9fff]{1,2}"  # …between single characters (“X事X办”), a character or two
NAMED = '[“「"][^”」"]{1,6}'  # ...before two characters: a name the speech quotes (“螺丝钉”精神)


def wildcard(pattern: re.Pattern[str]) -> bool:
    """Whether an anchor pattern stands for a family of sayings (it came from a quoted wildcard)."""
    return any(w in pattern.pattern for w in (ANY, ANY_PHRASE, ANY_CHARS, NAMED, HEAD))


RUN_BEFORE = re.compile(r"(?:、|[”\"」][“\"「]|、[“\"「])$")  # …前哨后院""八字要求: one of several names in a row
RUN_AFTER = re.compile(r"^(?:、|[”\"」][“\"「、])")
BOOK = re.compile(r"《([^》]{2,30})》")  # a title (《云南教育》), written with its marks in the speeches


def anchors(question: str) -> list[tuple[re.Pattern[str], ...]]:
    """The phrases a question quotes (「三服务」, “X中求快”: X stands for anything), each as patterns over
    folded text to try in turn: the speeches' own words the answer must sit next to.

    >>> [[p.pattern for p in ps] for ps in anchors("讲话里“X中求快”的说法有哪些？「三服務」指什么？")]
    [['.{1,4}中求快'], ['三服务', '服务(?:[^。！？；]{0,16}?服务){2}']]
    >>> bool(anchors("哪几个“要把……作为……”？")[0][0].search("要把宣传贯彻党的移民方针政策作为首要任务"))  # …… a phrase
    True

    A wildcard before two characters (“某某精神”) stands for a name the speech quotes before them:
    every 精神 would be anything.

    >>> [bool(ps[0].search(t)) for ps in anchors("用过哪些“某某精神”？") for t in ("弘扬“螺丝钉”精神", "要发扬“钉子精神”", "精神状态")]
    [True, True, False]

    >>> text = "形成“团结、紧张、严肃、活泼”的良好风气"
    >>> [bool(p.search(text)) for q in ("用了哪八个字？", "哪十二个字？") for [p] in anchors(q)]
    [True, False]

    A counted formulation (「四个一流」, 「三服务」) is also found, where a speech never says it, in a
    sentence that says its word that many times (抓一流管理,建一流队伍,创一流业绩,树一流形象); one
    of a single character (“三部”), where that many names ending in it are listed together.

    >>> [bool(ps[0].search(t)) for ps in anchors("哪“三部”？") for t in ("“参谋部”“指挥部”“后勤部”", "参谋部和信息部")]
    [True, False]

    ...and no more of them: a listing that goes on after the third (“参谋部”、“服务部”、“后勤部”、“得力助手”) is
    not the three.

    >>> [bool(ps[0].search("被称作“左右手”、“参谋部”、“服务部”、“后勤部”、“得力助手”")) for ps in anchors("哪“三部”？")]
    [False]

    A count before the quote counts it too: 哪三个“变” is three clauses in a row opening with 变, 哪三个
    “为民” the word three times in a sentence.

    >>> [bool(ps[0].search("变被动服务为主动服务,变滞后服务为超前服务,变一般服务为优质服务")) for ps in anchors("哪三个“变”？")]
    [True]

    A title in 《》 is said as it is (多少期《政府工作信息》: not 编发《光山政务督查》23期).

    Wildcards between single characters (“X事X办”) are a family of sayings said in a row.

    >>> [bool(ps[0].search(t)) for ps in anchors("“X事X办”的两句话") for t in ("紧事先办、大事精办", "急事办")]
    [True, False]

    >>> [bool(ps[0].search(t)) for q in ("哪几个「求快」", "好几个「快」") for ps in anchors(q) for t in ("严中求快。", "要求快速反应")]
    [True, False, True, False]

    >>> [[p.pattern for p in ps] for ps in anchors("编发了多少期《政府工作信息》？")]
    [['《政府工作信息》']]

    A formulation described by a sign it holds (带加号的说法) is a quoted one holding it; one described in
    plain words, the set phrase they gloss (`glosses.glossed`: 周末 -> 5+2).

    >>> [[bool(ps[0].search(t)) for t in ("发扬“白+黑”精神", "5+2天")] for ps in anchors("週末加班帶加號的說法？")]
    [[True, False], [False, True]]
    """
    out = []
    for m in QUOTE.finditer(fold(question)):
        phrase = m.group(1).strip()
        tries = []
        fixed = [p for p in _WILDCARD.split(phrase) if p]
        parts = _WILD_PARTS.split(phrase)  # its words, and the wildcards between them
        if sum(len(p) for p in fixed) >= 3:  # 「转变」 alone is any sentence
            said = ((ANY_PHRASE if "…" in p else ANY) if i % 2 else loose(p) for i, p in enumerate(parts))
            tries.append(re.compile("".join(said)))
        elif _WILDCARD.fullmatch(phrase[0] + phrase[-1]) and len(fixed) == 1 and len(fixed[0]) == 2:  # “X则必X”:
            tries.append(re.compile(f"(?:{ANY}{re.escape(fixed[0])}[\u4e00-\u9fff][，,、；;]?){{2,}}"))  # said in a row
        elif len(fixed) >= 2 and all(len(p) == 1 for p in fixed):  # “X事X办”: said in a row (紧事先办、大事精办)
            item = "".join(ANY_CHARS if i % 2 else re.escape(p) for i, p in enumerate(parts))
            many = _SAYINGS.search(fold(question))  # “X事X办”的四句话: four of them
            tries.append(re.compile(f"(?:{item}[，,、；;]?){{{CN_DIGITS[many.group(1)] if many else 2},}}"))
        elif _WILDCARD.match(phrase) and len(fixed) == 1 and len(fixed[0]) == 2:  # “某某精神”: a name the
            word = re.escape(fixed[0])  # speech quotes before 精神 (“螺丝钉”精神, “钉子精神”), not every 精神
            tries.append(re.compile(f'{NAMED}[”」"]{word}|{NAMED}{word}[”」"]'))
        elif len(phrase) == 2 == len(fixed[0]) and _WHICH.search(fold(question)[: m.start()] + phrase[0]):
            tries.append(re.compile(f"{HEAD}{re.escape(phrase)}{_SAID_END}"))
        counted = _COUNTED.match(phrase)
        if counted and len(counted.group(2)) == 1:  # 哪“三部”: three names ending in 部, listed together
            item, n = f"[\u4e00-\u9fff]{{1,3}}{re.escape(counted.group(2))}", CN_DIGITS[counted.group(1)]
            tries.append(re.compile(f'{item}(?:[^。！？；，,]{{0,4}}?{item}){{{n - 1}}}(?![”」"]?、)'))
        elif counted:
            word, n = re.escape(counted.group(2)), CN_DIGITS[counted.group(1)]
            tries.append(re.compile(f"{word}(?:[^。！？；]{{0,16}}?{word}){{{n - 1}}}"))
        if tries:
            out.append(tuple(tries))
    q = fold(question)  # 好几个「快」: the sayings ending with it (严中求快…; the 148th and 149th blind readers')
    said_once = (m.group(1) for m in _ONE_QUOTED.finditer(q) if _WHICH.search(q[: m.start()] + m.group(1)))
    out.extend((re.compile(f"{HEAD}{c}{_SAID_END}"),) for c in said_once)
    out.extend((p,) for p in counted_quotes(question))
    out.extend((re.compile(re.escape(m.group())),) for m in BOOK.finditer(fold(question)))  # 《政府工作信息》
    out.extend((p,) for p in described(question))  # 带加号的说法, 周末晚上都加班的说法: “5+2”、“白+黑”
    out.extend((p,) for p in [counted_chars(question)] if p)
    return out


def counted_chars(question: str, name: bool = False) -> re.Pattern[str] | None:
    """讲话用了哪八个字: a quoted formulation of that many characters (“团结、紧张、严肃、活泼”), or None (几个字
    counts none); with `name`, only for a name of that many characters asked (那个四字说法: "甩手掌柜").

    >>> bool(counted_chars("用了哪八个字？")), counted_chars("用了哪八个字？", name=True), bool(counted_chars("四字说法", True))
    (True, None, True)
    >>> [bool(counted_chars("四个单字").search(t)) for t in ("“重、苦、杂、难”", "“五个坚持”")]  # apart (the 113th's)
    [True, False]
    """
    chars = (_NAME_CHARS if name else _CHARS).search(fold(question))
    count = cn_number(chars.group(1)) if chars else None
    apart = "" if chars and "单字" in chars.group() else "?"  # 四个单字: each its own (重、苦、杂、难)
    pattern = rf"[“「\"][\u4e00-\u9fff](?:[、，,]{apart}[\u4e00-\u9fff]){{{(count or 0) - 1}}}[”」\"]"
    return re.compile(pattern) if count and count >= 2 else None


def counted_quotes(question: str) -> list[re.Pattern[str]]:
    """What a count before a quote asks for (哪三个“变”): three clauses in a row opening with 变 (不该讲的不讲、
    不该问的不问…, the 169th blind reader's 三个"不"…管住嘴 got 不迁就,不得过且过,… without 、), or three
    words ending with it named together (辛苦、艰苦、清苦的“三苦”); for a longer word (哪四个“不到位”), the
    word four times in one sentence, not once (…存在四个不到位问题:其一是领导认识不到位 is not the four).

    >>> [bool(p.search("存在四个不到位问题:其一是领导认识不到位")) for p in counted_quotes("哪四个“不到位”？")]
    [False]
    """
    out = []
    for m in COUNTED_QUOTE.finditer(fold(question)):
        word, n = re.escape(m.group(2)), CN_DIGITS[m.group(1)]
        if len(m.group(2)) == 1:
            opening = f"{word}[^。！？；;，,]{{2,14}}(?:[，,；;、]{word}[^。！？；;，,]{{2,14}}){{{n - 1}}}"
            named = f"[\u4e00-\u9fff]{{1,2}}{word}(?:、[\u4e00-\u9fff]{{1,2}}{word}){{{n - 1}}}"
            out.append(re.compile(f"{opening}|{named}"))
        else:
            out.append(re.compile(f"{word}(?:[^。！？；]{{0,16}}?{word}){{{n - 1}}}"))
    return out


_SUMMED = re.compile(r"(?:上述|以上|这)([两二三四五六七八九十])个?方面")
COUNTS = re.compile(r"(?<![第一二三四五六七八九十])([两二三四五六七八九十])个?(?:方面|点|条)")  # 三个方面, 两点


def sums_up(text: str, count: int) -> bool:
    """Whether a sentence sums up the `count` points said before it (面临的上述四个方面的形势).

    >>> sums_up("面臨的上述四個方面的形勢,是大背景", 4), sums_up("上述四个方面的形势", 2), sums_up("这两方面", 2)
    (True, False, True)
    """
    return any(cn_number(n) == count for n in _SUMMED.findall(fold(text)))


_ANNOUNCES = re.compile(r"[：:?？]$|以下|如下|[几两三四五六七八九十]个?(方面|点|条|项|件|要|是)|分别是")


def announces(text: str, count: int) -> bool:
    """Whether a sentence announces a list of `count` points (以下, 讲三点意见:): not when it says another
    number of them (主要有三个方面 over two points found).

    >>> announces("主要有三个方面:", 3), announces("主要有三个方面:", 2), announces("我讲几点意见。", 5)
    (True, False, True)
    >>> announces("两点要求和三条措施:", 2), announces("工作很辛苦。", 2)
    (True, False)
    """
    text = text.rstrip("。 ")
    found = {cn_number(n) for n in COUNTS.findall(fold(text))}
    return bool(_ANNOUNCES.search(text)) and (len(found) != 1 or found == {count})


CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def cn_number(text: str) -> int | None:
    """The value of a Chinese numeral up to 99, or of Arabic digits.

    >>> cn_number("三"), cn_number("十二"), cn_number("二十"), cn_number("21"), cn_number("百"), cn_number("")
    (3, 12, 20, 21, None, None)
    """
    if text.isdigit():
        return int(text)
    if not text or any(c not in CN_DIGITS for c in text):
        return None
    if "十" not in text:
        return CN_DIGITS[text] if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    return (CN_DIGITS.get(tens, 0) if tens else 1) * 10 + (CN_DIGITS.get(ones, 0) if ones else 0)


_CHARS = re.compile(r"([二三四五六七八九]?十?[二三四五六七八九]?)个单?字")  # 哪八个字, 十二个字, 四个字的概括
_NAME_CHARS = re.compile(r"([二三四五六七八九])字的?(?:说法|叫法|提法)")  # 那个四字说法: a name, quoted
MEASURES = frozenset("个种项条点件次年月天日位名人篇期遍回类句字级方")  # 几次, 哪三个: a count, not a name
NUMBERED_QUOTE = re.compile(
    r"[“「\"『][两二三四五六七八九十][个种项条大]?[\u4e00-\u9fff]{1,4}[”」\"』]"
)  # 「五个坚持」
# 哪三个“变”; 三个「不」, 三个带「苦」字的词 (the 138th blind reader's)
COUNTED_QUOTE = re.compile(
    r"([两二三四五六七八九十])[个种项条]?(?:带有?|含有?)?[“「『\"‘]([\u4e00-\u9fff]{1,4})[”」』\"’]"
)
_COUNTED = re.compile(r"^([两二三四五六七八])(?:个|种|项|条|大)?([\u4e00-\u9fff]{1,4})$")  # 四个一流: 一流 four times


def quotes_any(text: str, words: Sequence[str]) -> bool:
    """Whether a quotation in `text` (folded) holds one of `words`.

    >>> quotes_any("真正做到“鞍前不越位,马后不掉队”", ["越位"]), quotes_any("不越权越位", ["越位"])
    (True, False)
    """
    return any(w in m.group(1) for m in QUOTE.finditer(text) for w in words)


_DESCRIBED = re.compile(r"(?:形容|描[述写]|比[作成]|比喻[为成]?|说成|当[成作]|只会当|当起了?)[^，,。？?“「『\"]{0,12}$")
_ALSO = re.compile(r"^[”」』\"]\s*[和与、及或]\s*$")  # “前方哨所”和“大后方”: the second is described as the first
_LIKE = re.compile(r"^\s*(?:式|似的|之类|一类|那样|这样|类似)")  # 有句“鞍前马后”式的话: a phrase like it


def quoted(question: str) -> list[str]:
    """The formulations a question quotes as they are (folded; three characters or more, no wildcard);
    not what it describes or compares in quotes (形容…“职位小但责任大”的说法, 比作…“前方哨所”: 27th, 55th readers)
    or names as what the phrase is like (有句“鞍前马后”式的话, 28th).

    >>> quoted("有没有「三審三校」的规定？“X中求快”呢？“转变”呢？"), quoted("形容干部“职位小但责任大”的说法是什么？")
    (['三审三校'], [])
    >>> quoted("有句“鞍前马后”式的话？"), quoted('把办公室比作党委的"前方哨所"和"大后方"？'), quoted('只会当"二传手"')
    ([], [], [])
    """
    q = fold(question)
    found, described_end = [], -1
    for m in QUOTE.finditer(q):
        if _DESCRIBED.search(q[: m.start()]) or (described_end >= 0 and _ALSO.match(q[described_end - 1 : m.start()])):
            described_end = m.end()
        elif not _LIKE.match(q[m.end() :]):
            found.append(m.group(1).strip())
    return [q for q in found if len(q) >= 3 and not _WILDCARD.search(q)]


# a question asking for a figure of speech, and one in the speeches: a comparison (好比, 就像…一样, 比作)
# or a short quoted noun the sentence says something is or acts as (办公室是沟通上下的“咽喉”, 当好领导的“耳目”);
# not a counted slogan (“三服务”) or a quoted name (高校“双一流”建设, 所谓“万金油干部”)
_FIGURATIVE = re.compile(r"比喻|比方|比作|比成|喻为|喻成|形象|像什么|好比|形容[^，,。？?]{0,10}?(?:地位|位置)")
FIGURE = re.compile(
    r"好比|就像|好像|犹如|如同|恰似|比作|喻为|誉为|称为|称作|像[^。！？；，,]{1,12}一样"
    r"|(?:是|当好|当|做|作为|称|为)[^。！？；，,“”「」\"]{0,10}[“「\"](?![一二三四五六七八九十两0-9])[\u4e00-\u9fff]{2,5}[”」\"]"
)


ANTITHESIS = re.compile(r"对仗|对偶|工整|对称|排比")  # 很对仗的话: sentences holding one rank higher (pieces.balanced)


def figure(question: str) -> re.Pattern[str] | None:
    """The pattern of a figure of speech (folded text) when the question asks for one, else None.

    >>> p = figure("形容办公室地位重要的比喻说法")
    >>> [bool(p.search(t)) for t in ("办公室好比一部机器", "是沟通上下的“咽喉”", "当好领导的“耳目”")]
    [True, True, True]
    >>> [bool(p.search(t)) for t in ("以搞好“三个服务”为核心", "高校“双一流”建设", "所谓“万金油干部”")]
    [False, False, False]
    >>> figure("办公室的地位重要吗？"), figure("形容办公室加班多的说法？"), bool(figure("形容办公室地位的说法？"))
    (None, None, True)
    """
    return FIGURE if _FIGURATIVE.search(fold(question)) else None


# a question asking what someone's duties are, and a sentence listing duties: three or more named together
# right before the word (担负着参与政务、管理事务、综合服务的重要职责; 参谋、协调、督办、服务四大职能) or after
# it (三大职能,参谋、督办和服务)
_ASKS_DUTIES = re.compile(
    r"(?:的|有|具有|负有|承担|履行|担负)(?:哪些|什么|哪几项|几项)?(?:主要|基本|重要|核心|具体)?(?:职责|职能)"
)
_NAMED = r"[“\"]?[\u4e00-\u9fff]{2,10}[”\"]?"
DUTIES = re.compile(
    rf"{_NAMED}(?:、{_NAMED}){{2,}}等*的?(?:重要|主要|基本|工作|核心|[二三四五六七八九十]大)?(?:职责|职能)"
    rf"|(?:职责|职能)[是为有:：,，]{{1,2}}{_NAMED}(?:[、和及]{_NAMED}){{2,}}"
)


def duties(question: str) -> re.Pattern[str] | None:
    """The pattern of a sentence listing duties (folded text) when the question asks for someone's, else None.

    >>> p = duties("办公室主任的主要职责是什么？")
    >>> [bool(p.search(t)) for t in ("担负着参与政务、管理事务、综合服务的重要职责", "参谋、协调、督办、服务四大职能")]
    [True, True]
    >>> [bool(p.search(t)) for t in ("三大职能,参谋、督办和服务", "“参与政务、管理事务、搞好服务”的工作职责")]
    [True, True]
    >>> [bool(p.search(t)) for t in ("构建分工明确、职责清晰的机制", "党委、政府的职能在转变", "履行主任职责的能力")]
    [False, False, False]
    >>> duties("職責分工怎麼落實？")
    """
    return DUTIES if _ASKS_DUTIES.search(fold(question)) else None


# a question asking which X (哪些制度, 哪几种能力) and a point naming X soon after its marker (一是, 第二,, (三), 4.)
_ASKS_KINDS = re.compile(r"(?:哪些|哪几[个项种条类]?)([\u4e00-\u9fff]{2,4}?)(?=[？?，,。的呢吗来去]|$)")
_ASKS_KIND_OF = re.compile(
    r"(?:哪些|哪几[个项种条类]?)[\u4e00-\u9fff]{1,8}?的([\u4e00-\u9fff]{2,4})(?=[？?，,。呢吗]|$)"
)
_ASKS_QUOTED = re.compile(
    r"(?:哪些|哪几(?:个方面|方面|[个项种条类点])?)[“「\"]([\u4e00-\u9fff]{2,6})[”」\"](?=[？?，,。的呢吗]|$)"
)
_ASKS_DONE_IN = re.compile(r"(?:哪些|哪几个?)方面[来去]([\u4e00-\u9fff]{2,4}?)(?=[？?，,。]|$)")  # 从哪几方面来求快
_POINT = r"(?:其?[一二三四五六七八九十][是要]|其[一二三四五六七八九十][，,、]|第[一二三四五六七八九十]+[，,、是]|[（(][一二三四五六七八九十][)）]|[一二三四五六七八九十]、|\d[.．、])"


def kinds(question: str) -> re.Pattern[str] | None:
    """The pattern of two listed points that each name the kind of thing the question asks for (folded
    text), or None when it asks for no kind.

    >>> p = kinds("要把工作真正落到實處，講話主張建立健全哪些制度？")
    >>> bool(p.search("一是综合考核制度。要……二是督查问责制度。"))
    True
    >>> [bool(p.search(t)) for t in ("一是综合考核制度。", "一是完善工作制度;二是规范运作机制")]
    [False, False]
    >>> kinds("这项制度是谁建立的？"), kinds("讲话里提了哪些要求？")
    (None, None)
    >>> bool(kinds("提出了哪几个“求快”？").search("一要严格要求,严中求快。二要求真务实,实中求快。"))  # named in quotes
    True
    """
    point = _naming(kind_asked(question))
    return re.compile(rf"{point}[\s\S]{{0,400}}?{point}") if point else None


def _naming(kind: str) -> str:
    """The pattern of a point naming `kind` (of two, 制度机制: either) in its first clause, soon after its marker."""
    alike = [kind, *(h for h in (kind[:2], kind[2:]) if len(kind) == 4 and h not in _ANY_KIND)]
    return _POINT + r"[^。；;：:]{0,24}?(?:" + "|".join(map(re.escape, alike)) + ")" if kind else ""


# 哪些要求, 哪几方面: what is asked, no kind of thing
_ANY_KIND = frozenset(["要求", "方面", "问题", "工作", "内容", "事情", "事项", "措施", "东西", "地方"])


def kind_asked(question: str) -> str:
    """The kind of thing a question asks which of (建立健全哪些制度 -> 制度), or '' (哪些要求: no kind; 「业务上
    要精」要具备哪些能力: the quoted formulation's, not any list of 能力).

    >>> kind_asked("健全哪几项抓落实的制度？"), kind_asked("要建立健全哪些制度？"), kind_asked("有哪些方面的要求？")
    ('制度', '制度', '')
    >>> kind_asked("讲话提出要从哪几方面“求快”？"), kind_asked("但快要有前提，具體從哪幾方面來求快？")  # the 81st's, 166th's
    ('求快', '求快')
    """
    named = _ASKS_QUOTED.search(fold(question)) or _ASKS_DONE_IN.search(fold(question))  # 哪几个“求快”: named so
    if named:
        return named.group(1)
    m = _ASKS_KIND_OF.search(fold(question))  # 哪几项抓落实的制度: 制度, not 抓落实
    m = m if m and m.group(1) not in _ANY_KIND else _ASKS_KINDS.search(fold(question))
    return m.group(1) if m and m.group(1) not in _ANY_KIND and not QUOTE.search(question) else ""


def names_kind(question: str, points: Sequence[str]) -> bool:
    """Whether two or more of a list's `points` (each from its marker on) name the kind the question asks which
    of in their first clause (哪些制度: 一是综合考核制度, 二是督查问责制度; not 第二,要规范运作机制。在完善…制度).

    >>> names_kind("哪些制度？", ["一是综合考核制度。过去", "二是督查问责制度。", "三是要完善"]), names_kind("哪些？", ["一是制度"] * 2)
    (True, False)
    >>> names_kind("哪些制度？", ["第一,要完善工作制度。逐步", "第二,要规范运作机制。在完善原有规章制度"])
    False
    >>> names_kind("存在哪几方面不足？", ["一是全局观念还不够强。我们", "二是工作作风还不够实。最"])  # falls short
    True
    >>> names_kind("有哪几个方面的问题？", ["其一是领导认识不到位。有的", "其二是人员配备不到位。"])  # the 161st's
    True
    >>> names_kind("有哪些做得不够的地方？", ["其一是领导认识不到位。有的", "其二是人员配备不到位。"])  # the 162nd's
    True
    """
    point = _FALLS_SHORT if _SHORTCOMINGS.search(fold(question)) else _naming(kind_asked(question))
    return bool(point) and sum(re.match(point, fold(p)) is not None for p in points) >= 2


_SHORTCOMINGS = re.compile(
    r"(?:哪些|哪几)[个方面条点种类]*的?(?:不足|问题|差距|短板|缺点|毛病|薄弱环节|(?:做得|还)?(?:不够|不到位|欠缺)的?(?:地方|方面))"
)  # 有哪些做得不够的地方 (the 162nd blind reader's)
_FALLS_SHORT = _POINT + r"[^。；;：:]{0,16}?(?:不够|不足|不到位|不强|不高|欠缺|薄弱|缺乏)"  # 一是全局观念还不够强


_ASKS_SAYING = re.compile(r"俗话|老话|常言|古话|谚语|俗语")
SAYING = re.compile(
    r"(?:常说|俗话|常言|古人|古语|所谓|有句话|一句话|说的好|说得好|讲得好|诗云|曰|云|指出|讲过|说过|提出)"
    r"[^。！？；“”「」\"的]{0,8}?[:：,，]?[“「\"]"
    r"|(?:俗话说|常言道|古人(?:讲|说|云)|古语(?:讲|说|云))[:：,，](?=[\u4e00-\u9fff])"  # 古人讲:言当其时,一字千金
)


def saying(question: str) -> re.Pattern[str] | None:
    """The pattern of a quotation the speech marks as a saying (folded text) when the question asks for
    one, else None.

    >>> p = saying("讲话里用了哪句俗话来形容？")
    >>> [bool(p.search(t)) for t in ("我们常说“上边千条线,下头一根针”", "有一句话说的好,“靠人管人得罪人”", "贾岛诗云“二句三年得”")]
    [True, True, True]
    >>> [bool(p.search(t)) for t in ("我们常说的这“一根针”,其实就是各级办公室", "以搞好“三个服务”为核心")]
    [False, False]
    >>> [bool(p.search(t)) for t in ("古人讲:言当其时,一字千金;", "俗话说,文如其人。", "古人讲的道理")]  # unquoted
    [True, True, False]
    >>> saying("讲话对督查提了什么要求？") is None
    True
    """
    return SAYING if _ASKS_SAYING.search(fold(question)) else None


def recounted(question: str) -> list[re.Pattern[str]]:
    """The counted formulations a question quotes, as a sentence says them by their word that many times."""
    return [p for ps in anchors(question) for p in ps[1:]]
