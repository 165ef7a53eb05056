"""What a question asks for, and whether a text states that kind of thing. Pure functions on text.

  kind(question)          list (有哪些, 怎么做, 要求…), quantity (多少, 几个), who (谁, 哪个部门), when,
                          where, wording (说法, 比喻, 形容…), or fact
  counted / enumerates    the noun a "which N aspects" question counts in (方面, 种…); whether a text
                          names several things and counts them in it (…、…、…四个方面)
  coverage(text, weights) the IDF-weighted share of the question's words a text holds (compounds once)
  classes_asked / divides  分为哪几种 asked; a text dividing something into kinds (分为三级)
  aspect_asked / on_aspect  the matter a question confines itself to (在后勤这一块, 对宣传工作提了哪些要求),
                          and whether texts say it
  (how a question asks is scaffold.py; what for, meanings.stated_as_asked; what a text states, kinds.states)

Answer-type matching rests on these: a quantity question needs a sentence stating a number of the kind asked (件
does not answer 几个工作日). Not here: reading beyond these patterns, or finding anything (retrieve.py, compose.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .amounts import CLOCK_AFTER, CLOCK_ASKED, CLOCK_BEFORE, COUNT_OF
from .glosses import WORDING
from .kinds import POST_ASKED, WHEN_AT, in_digits
from .lexical import tagged_words
from .meanings import stands_for
from .quotes import CN_DIGITS, COUNTED_QUOTE, MEASURES, NUMBERED_QUOTE, cn_number, quoted
from .script import fold
from .synonyms import ALIKE

QUANTITY = re.compile(
    r"多少|(?<![好十哪这近])几(?:[个项条种年天次名位级篇分份件期批届倍遍轮台辆本页岁周]|小时)|(?<!哪)几位|(?<!没)多长|(?<!没)多久|(?<!没)多快(?!好)|第几|哪几(?!位|篇讲|篇的讲)|百分之|比例|几成"
    r"|(?:幅|率|比重|权重|面积|金额|数额|规模|年龄)多大|多大(?:比例|比重|权重|幅度|面积|金额|数额|年纪)"  # not 场面要搞多大
)
LIMIT = re.compile(r"最多|最少|至少|不少于|不超过|不得超过|上限|下限")  # 每天最多发几条: a number, not a list
# how a number is worked out (怎么计算, 按什么公式, 怎么打分, 按什么标准发): answered only by a sentence stating one
COMPUTED = re.compile(
    r"(?:怎么|怎样|如何)(?:计算|算|打分|评分|计分|扣分)|什么公式|(?:计算|计分|评分|打分)(?:方法|办法|公式|标准|细则)"
    r"|(?:工资|奖金|补助|补贴|津贴|费)[^，。？?]{0,6}按什么标准"  # pay; 油耗按什么标准控制 may be answered by a rule
)
_ANY = r"(?![^，,？?]{0,8}?[都也](?:不|没))"  # 谁都不管, 哪个部门的职责里都没写: anyone, not who (the 183rd's)
WHO = re.compile(
    rf"谁{_ANY}|哪个部门{_ANY}|哪个单位{_ANY}|哪些部门|哪些单位|哪[两二三四五六七八九十几]?位(?![^，,？?]{{0,4}}(?:诗人|作家|学者|名人|古人|哲人))|什么人|{POST_ASKED}|哪个机构|由哪|哪一级|[向找跟]哪[里儿]|哪[几些]家"
)
NAME = re.compile(
    r"叫什么名字|全名|姓名|名字叫什么|名字是什么|(?<![这那][种类])(?<!把)(?<!把办公室)(?:主任|书记|县长|市长|局长|厅长|处长|科长|社长|秘书长|部长|主席|负责人|发言人|联系人)(?:是谁|叫什么)|都有谁(?!来?参加|参与|出席)|分别是谁|都是谁|哪[两二三四五六七八九十几]位(?:同志|领导)"
    r"|(?:先进|优秀|表彰|表扬|获奖)(?:[^，,？?]{0,8}(?:是|有|都有|都是)哪(?:些|几位|几个)(?:人|同志)|[^？?]{0,16}哪[几些]家)"
)  # honoured, by name (表扬的…先进单位,具体是哪几家: the 142nd blind reader's was read as how many)
WHEN = re.compile(WHEN_AT + r"|几号|期限|时限|(?<!没)多(?:长时间|久|快(?!好))|截止(?:日期|时间)")
_N = "".join(CN_DIGITS)  # 一二两三…十
# not where to start (从哪里下笔), a fault or merit lies (问题出在哪里, 错在哪), effort goes (功夫下在哪儿: the 160th's)
_NOT_A_PLACE = r"(?<!问题出)(?<!问题|差距|原因|症结|不足|区别|不同|毛病|根源|难点|难处|关键|重点|意义|价值)(?<![从错好妙出下用花使])"
WHERE = re.compile(
    rf"{_NOT_A_PLACE}(?:在哪(?![项个些种条方几{_N}])|[设放定]在哪|(?<!在)哪里(?!出?了?(?:问题|毛病|差错|岔子|纰漏|偏差)|有(?:问题|毛病))|什么地方|(?<!如)何处(?!理)|哪[个座]?(?:地方|城市|地点)|哪[家个座间]?(?:宾馆|酒店|饭店|会场|会议室|礼堂))"
)
_SPOT = re.compile(  # nor where a weak or strong point lies (最薄弱的地方在哪里, 不足之处在哪儿: the 108th's)
    r"(?:(?:薄弱|不足|欠缺|不够|不到位|突出|难|弱|差|好|妙|改进|加强|提高|提升|注意)的?(?:地方|之处|环节)"
    r"|环节|之处|短板|弱项|缺点|短处|长处|优势|亮点|特点|特色|缺陷|漏洞)在哪"
)
_WHICH_N = re.compile(r"哪([两二三四五六七八九十])[个条项点](?=$|[？?，,。])")  # 「五个坚持」是哪五个？
POINTS = re.compile(
    rf"哪几(?:个)?(?:方面|条|点|项|件|种|类|层|步|块)|哪几个(?!工作日|小时|月|年|天)(?=[\u4e00-\u9fff])|哪几个[？?]?$|哪些|几(?:个)?方面|(?<!第)几条|{CLOCK_BEFORE}几点(?!{CLOCK_AFTER})|分别(?!各?(?:是|有|为)?(?:多少|几))|哪[两二三四五六七八九十]个?(?:方面|种|项|条|点|类)"
    rf"|哪[{_N[1:]}]个(?!工作日|小时|月|年|天)(?=[\u4e00-\u9fff])|" + _WHICH_N.pattern  # not 哪一个部门
)
WAYS = "办法|路子|法子|门道|招数|窍门|诀窍|技巧|方法|建议|支招|出招|高招|妙招"  # words asking for ways of doing (有没有支招)
METHODS = re.compile(r"(?:怎么|怎样|如何)(?:做|准备)|先做(?:什么|哪些)|教我?(?:怎么|怎样|如何)|" + WAYS)  # how
WAYS_ASKED = re.compile(rf"(?:哪[些几]|几[条种个]|[有给教]了?什么|有没有)[^，,。？?]{{0,10}}(?:{WAYS}|招)")
LIST = re.compile(
    r"哪些|哪几|怎么做|怎样做|怎么办|如何|怎样|怎么抓|怎么解决|要求|职责|职能|任务|做到|做好|注意|措施|途径|方面|几点|原则|素质|作用|"
    r"(?:怎么|从哪里?|从何)(?:入手|下手|着手|入门)|教我?(?:怎么|怎样|如何)|" + WAYS  # 怎么入手, 教怎么写
)
_DATE_ASKED = re.compile(  # a date or hour; 什么时间之前, a deadline (the 252nd's got 及时反映…)
    r"几号|哪一?天|哪一?年|几月|截止(?:日期|时间)|什么日子|(?:什么时[候间]|何时)[以之]?前|" + CLOCK_ASKED
)


def stated_kind(question: str, asked: str) -> str:
    """What a sentence must state to answer a question of kind `asked` (kinds.states): a date when a
    when-question asks 几号, 哪一天, 哪一年, 截止日期 (not 每月 or 及时); the kind otherwise.

    >>> stated_kind("每月几号之前要报？", "when"), stated_kind("多长时间内办结？", "when"), stated_kind("何时之前报？", "when")
    ('date', 'when', 'date')
    """
    return "date" if asked == "when" and _DATE_ASKED.search(fold(question)) else asked


SEVERAL = re.compile(
    r"(?:几|各|多|哪些|不同的?|每)(?:篇|个)?讲话(?=[都对里中各分别提谈讲说怎有是])|讲话[里中]?(?:各|分别)"
)
_SEVERAL_SAY = re.compile(f"(?:{SEVERAL.pattern})" + r"(?:[^，。？?]{0,6}?(?:有什么说法|怎么说的?))?")


def parts(question: str) -> list[str]:
    """The questions a question holds, each ending at its ？ (one of fewer than 4 Han characters is none: 是吗？).

    >>> parts("查处报告包括哪几个方面？实名信访件办结后要做什么？"), parts("有哪些要求？是吗？")
    (['查处报告包括哪几个方面？', '实名信访件办结后要做什么？'], ['有哪些要求？'])
    """
    return [p for p in re.split(r"(?<=[？?])", question) if len(re.findall(r"[\u4e00-\u9fff]", p)) >= 4]


_WHY = re.compile(  # not 归为什么毛病: which fault (工作为什么: why); what comes of it is asked the same way
    r"原因|(?<![归称视])为什么|为何|为啥|(?<!是)干[嘛吗](?!的)|何以|怎么会|凭什么|用意|图的?是?什么|目的是什么|会怎么?样|后果|下场|坏处|害处|危害|会(?:出|带来|导致|造成|落到|落得)什么|会(?:变成|变得|成为|沦为)(?:什么样|怎样|怎么样)"
)


_WHY_AFTER = re.compile(r"[，,？?](?:这是)?(?:为什么|为啥|为何)[？?]?$")  # 算不算贬低？为什么？ (the 73rd's)


def why_asked(question: str) -> bool:
    """Whether a question's first part asks why (为什么, 原因, 图的是什么) or what comes of it (会怎么样): a cause, purpose or result.

    >>> [why_asked(q) for q in ("难度加大，原因是什么？有哪些措施？", "有哪些措施？原因呢？", "归为什么毛病？", "图的是什么?", "会怎么样?")]
    [True, False, False, True, True]
    >>> why_asked("这算不算说人坏话?为什么?"), why_asked("如果办公室工作没做好，上面出台的政策会变成什么样？")
    (True, True)
    >>> why_asked("都拿了第一,干嘛还要往前赶?"), why_asked("办公室是干嘛的?")  # colloquial why; not what it does
    (True, False)
    """
    asked = parts(question)
    return bool(_WHY.search(fold(asked[0] if asked else question)) or _WHY_AFTER.search(fold(question)))


def name_asked(question: str) -> bool:
    """Whether a question asks for someone's name (全名叫什么, 办公室主任是谁), which only a sentence naming
    a person answers (`who.names`), not one naming a role.

    >>> name_asked("淇县政府办公室主任叫什么名字？"), name_asked("会议纪要由谁签发？"), name_asked("新闻发言人是谁？")
    (True, False, True)
    >>> name_asked("会上受表彰的先进个人都有谁？"), name_asked("请了哪几位同志来培训？")  # persons, by name
    (True, True)
    >>> name_asked("2010年政务信息先进个人是哪些人？"), name_asked("参加培训的有哪些人？")  # the honoured, by name
    (True, False)
    """
    return bool(NAME.search(fold(question)))


def several_asked(question: str) -> bool:
    """Whether a question asks what several speeches each say (几篇讲话各有什么说法, 各篇讲话对…提出了哪些要求).

    >>> several_asked("各篇讲话对办会提出了哪些要求？"), several_asked("几篇讲话都怎么说的？"), several_asked("写了几篇讲话？")
    (True, True, False)
    >>> several_asked("这类要求，各篇讲话是怎么说的？"), several_asked("「五個堅持」在講話裡分別被定位為什麼？")  # its items
    (True, False)
    """
    return bool(SEVERAL.search(q := fold(question))) and not NUMBERED_QUOTE.search(q)


def kind(question: str) -> str:
    """What a question asks for.

    >>> [kind(q) for q in ("办公室主任有哪些职责？", "公务用车每月油耗上限是多少升？", "会议纪要由谁签发？",
    ...  "形容办公室地位的比喻说法", "什么是以文辅政？", "县里打算从哪几方面抓信息工作？", "要强化哪“三种意识”？")]
    ['list', 'quantity', 'who', 'wording', 'fact', 'list', 'list']
    >>> [kind(q) for q in ("会议在哪里召开？", "紧急的事情应该如何处理？", "那句话用在哪项工作上？", "加班费怎么计算？")]
    ['where', 'list', 'fact', 'quantity']
    >>> [kind(q) for q in ("从哪里下笔有什么建议？", "出错多半出在哪里？", "这样做错在哪？", "到哪里申领办公用品？")]
    ['list', 'fact', 'fact', 'where']
    >>> kind("可我不会写，讲话里有没有教怎么入手？"), kind("从哪下手？"), kind("入手的时间是哪一年？")
    ('list', 'list', 'when')
    >>> [kind(q) for q in ("党委办公室最薄弱的地方在哪里？", "不足之处在哪儿？", "开会的地方在哪里？", "哪里有毛病？")]
    ['fact', 'fact', 'where', 'fact']
    >>> [kind(q) for q in ("办公室工作出差错、效率低,往往是哪里出了问题?", "哪里有会议室？", "谁都不愿意管的活儿该怎么对待？")]
    ['fact', 'where', 'fact']
    >>> [kind(q) for q in ("重新申报的截止日期是哪天？", "申报截止时间是？")]
    ['when', 'when']
    >>> [kind(q) for q in ("每天最多发布几条信息？", "第几条规定了这一点？", "有几条要求？", "最多能干几年，有没有规定？")]
    ['quantity', 'quantity', 'list', 'quantity']
    >>> kind("累死累活干了好几年，升职却一直轮不到我，讲话里是怎么劝的？")  # 好几年 counts nothing
    'fact'
    >>> [kind(q) for q in ("存在哪几个“不到位”的问题？", "要做到哪几个「必」？", "有几个科室？", "陪餐人数有什么标准？")]
    ['list', 'list', 'quantity', 'quantity']
    >>> [kind(q) for q in ("信息工作存在哪“四个不到位”？", "会议在哪召开？", "会议在哪个城市开？", "在哪家宾馆开？")]
    ['list', 'where', 'where', 'where']
    >>> [kind(q) for q in ("需要哪位领导审批？", "讲话引用了哪位古代诗人的两句诗？", "市长叫什么？", "把办公室主任叫什么？")]
    ['who', 'fact', 'who', 'wording']
    >>> [kind(q) for q in ("那位王县长全名叫什么？", "分管督查的副主任是谁？", "这种干部叫什么？", "怎么说明为谁干事、靠谁干事？")]
    ['who', 'who', 'wording', 'fact']
    >>> [kind(q) for q in ("增幅多大？", "拿出多大比例用于考核？", "能不能到交界处迎接？场面要搞多大？", "占多大权重？")]
    ['quantity', 'quantity', 'fact', 'quantity']
    >>> [kind(q) for q in ("几篇讲话对信息报告的要求是怎么说的？", "讲话里怎么说？", "一年写了几篇讲话？")]
    ['list', 'fact', 'quantity']
    >>> [kind(q) for q in ("接待工作怎样才算做得好？几篇讲话各有什么说法？", "下笔之前有什么准备的窍门？")]
    ['list', 'list']
    >>> kind("「五個堅持」具體是哪五個堅持？"), kind("張愛國在什麼場合誇過辦公室？誇了哪幾句？")  # which five; what was said
    ('list', 'wording')
    >>> kind("「三大短板」是哪幾個？"), kind('服务要实现哪三个"变"？')  # which ones (the 104th's); three formulations
    ('list', 'list')
    >>> kind("这几年办公室主要抓了什么？"), kind("为啥要抓住几件要紧事?"), kind("近几年办了几期培训班？")  # 这几年: no 几年 asked
    ('fact', 'fact', 'quantity')
    >>> kind("要是哪个单位收到公文没处理,出了事会怎么处理？"), kind("两个副局长意见不一致，我该听谁的？")  # a case put
    ('fact', 'fact')
    >>> kind("按那位市政府领导的说法，要是办公室工作没做好，政策会落到什么结果？"), kind("照讲话的说法是什么？")  # the 114th's
    ('fact', 'wording')
    >>> kind("为什么讲话说“万金油干部”这个叫法对办公室的人不是贬义？"), kind("这个叫法是什么？")  # the 117th's
    ('fact', 'wording')
    """
    q = re.sub(r"[“”「」『』\"‘’]", "", fold(question))  # 哪“三种意识” asks as 哪三种意识 does
    q = _SEVERAL_SAY.sub("", q)  # 几篇讲话对…怎么说的, 各有什么说法: what several speeches say, not how many
    if NAME.search(q):  # 叫什么名字: a person's name, not a formulation
        return "who"
    said = _THIS_SAYING.sub("", q) if quoted(question) else q  # “万金油干部”这个叫法: the wording is given
    if WORDING.search(_ACCORDING.sub("", said)):  # 按那位领导的说法,…会落到什么结果: according to, no wording asked
        return "wording"
    if COUNTED_QUOTE.search(fold(question)):  # 哪三个“变”: three formulations, each opening with 变
        return "list"
    if (POINTS.search(q) or items_asked(question)) and not (LIMIT.search(q) and QUANTITY.search(q)):
        return "list"
    if why_asked(question):  # 为啥…抓住几件要紧事: why, not how many (nor who, when or where)
        return "fact"
    if QUANTITY.search(q if LIMIT.search(q) else asking(q)) or COMPUTED.search(q) or COUNT_OF.search(q):  # 最多…几年
        return "quantity"
    if WHO.search(_WHOEVER.sub("", q)) and not _WHO_AND_WHO.search(q):  # 为谁干事、靠谁干事
        return "who"
    if WHEN.search(q) or _DATE_ASKED.search(q):  # 几点接班 (`amounts.CLOCK_ASKED`)
        return "when"
    if WHERE.search(q) and not _SPOT.search(q):
        return "where"
    if LIST.search(q):
        return "list"
    return "fact"


_WHO_AND_WHO = re.compile(r"谁[^，,？?、]{0,4}、[^，,？?、]{0,4}谁")
# whoever wants to (哪个单位想用县政府的名义发文, the 72nd's), anyone (谁都不愿意管, the 163rd's), whose word (听谁的): no name
_WHOEVER = re.compile(
    r"(?:哪个|哪些|哪一个)(?:部门|单位)(?=想|要想|打算|需要)[^，,？?]*[，,]|谁[都也]|(?:无论|不管|不论)是?谁|听谁的"
    r"|(?:要是|如果|假如|万一|倘若)有?(?:哪个|哪些|哪一个)(?:部门|单位)[^，,？?]*[，,]"  # 要是哪个单位收到…,
)
_HOW = re.compile(r"怎么做|怎么办|怎样做|如何做|如何处理|怎么处理|有没有|怎么[劝看]|如何看|(?:怎么|怎样|如何)对待")
_YES_OR_NO_ASKED = re.compile(r"([\u4e00-\u9fff])不\1|吗[？?]?$")  # 够不够, 对不对, 可不可以, …吗
_THIS_SAYING = re.compile(r"[这那该][个种一]?(?:说法|叫法|提法|表述|称呼)")  # of a formulation the question quotes
_ACCORDING = re.compile(  # according to someone's words; 对控制开会有什么说法: what is said of it (the 251st's)
    r"(?:按照?|依照?|据|照)[^，,。？?]{1,12}的(?:说法|讲法)[，,]|对[^，,。？?“”「」]{2,12}有(?:什么|啥)说法"
)
# asks what to do or mind (要注意些什么, 有什么讲究, 需要特别注意的地方): a tally of what was done answers none
HOW_TO = re.compile(
    r"注意(?:些?什么|哪些|哪几)|要(?:特别|格外|尤其|重点)?注意的|注意事项|[有要](?:什么|哪些)(?:具体)?(?:讲究|提醒)|(?:怎么|怎样|如何)做|怎么办|该怎么|应该怎样|(?:如何|怎么|怎样)(?:处理|应对|回复|对待)"
    r"|(?:要不要|该不该|需不需要|应不应该?|用不用)(?=[\u4e00-\u9fff])"  # whether to do it (信访件…要不要告诉来信人)
    r"|(?:怎么|怎样|如何)[^。？?]{1,14}才(?:能|不会|不至于|可以)"  # 怎样安排…才不会被打乱: how to bring it about
)


def asking(q: str) -> str:
    """The part of a one-part question that asks: its last clause when that asks what to do and the
    clauses before only describe the situation (几位领导看法不一样，我夹在中间，该怎么做？: 几位 counts
    nothing); the whole question otherwise.

    >>> asking("几位领导看法不一样，我夹在中间，该怎么做？"), asking("有几位领导？怎么分工？")
    ('该怎么做？', '有几位领导？怎么分工？')
    >>> asking("平时统计开了几次会、派了多少人下去。这样做督查够不够？")  # yes or no asked (fresh q412)
    '这样做督查够不够？'
    >>> asking("如果只统计开了多少会、下去了多少人，这样行不行？应该怎么做？")  # a case put (the 85th's)
    '这样行不行？应该怎么做？'
    >>> asking("督查时，如果只统计开了多少会，讲话认为够不够？应该怎么做？")  # after a clause (the 107th's)
    '讲话认为够不够？应该怎么做？'
    """
    clauses = re.split(r"[，,；;。]", q)
    if len(parts(q)) == 1 and len(clauses) > 1 and (_HOW.search(clauses[-1]) or _YES_OR_NO_ASKED.search(clauses[-1])):
        return clauses[-1]
    if put := [i for i, c in enumerate(clauses[:-1]) if IF.match(c)]:  # 如果只统计开了多少会…，行不行？: a case put
        return q[sum(len(c) + 1 for c in clauses[: put[-1] + 1]) :]
    return q


# the words putting a case (要是…会怎么样; 光督查不追责 at a clause's start, not 光山县…), in a question or a speech
IF = re.compile(r"要是|如果|万一|假如|假使|倘若|一旦|若是|稍有|稍一|(?<![\u4e00-\u9fff])光(?!山)(?=\w{1,4}不)")

# kinds only a sentence stating that kind of thing answers (date: a when question asking 几号, `stated_kind`)
TYPED = ("quantity", "who", "when", "where", "date")

_COUNTED = re.compile(r"(?:哪|几)几?个?(方面|种|项|条|点|类|部分|环节|步)")


def counted(question: str) -> str:
    """The noun a "which N kinds / aspects" question counts in ('' when it counts nothing).

    >>> counted("查处报告应该包括哪几个方面？"), counted("公文分哪几种？"), counted("怎样做好接待？")
    ('方面', '种', '')
    """
    m = _COUNTED.search(fold(question))
    return m.group(1) if m else ""


_INCLUDES = re.compile(r"(?:包括|包含)(?:哪些|哪几)|哪些内容|哪几块|哪几个?部分|哪些部分")  # 哪几个部分: 167th


_CATEGORY = re.compile(
    r"(?:归到|归为|归入|归于|算作?|算是|属于|列为|划为|看作|当作)了?[^，。？?]{0,6}哪(?:一|个)?(?:方面|类|种|条|点|项|部分|问题|毛病)"
    r"|(?:把这|这样|这种|这)[^，。？?]{0,8}(?:什么|哪种|哪类)(?:毛病|问题|错误|不足|缺点)|(?:怎么|怎样|如何)(?:评价|批评)(?:这种|这样的?|这类)|对(?:这种|这样的?|这类)[^，。？?]{0,6}(?:怎么|怎样|如何)评价|(?:这种|这样的?|这类)(?:做法|表现|情况|行为)?为什么(?:会|要)?(?:被|受到?|遭到?|挨)了?(?:批评|点名|批)"
)


def category_asked(question: str) -> bool:
    """Whether a question asks under which of the speech's points something falls.

    >>> category_asked("讲话把这算作哪方面的毛病？"), category_asked("這屬於哪一類問題？"), category_asked("有哪几方面？")
    (True, True, False)
    >>> category_asked("培训开班讲话把这叫作什么毛病？"), category_asked("信息工作存在什么问题？"), category_asked("怎么批评这种做法？")
    (True, False, True)
    >>> category_asked("接到会议通知直接转给领导,讲话里对这种做法怎么评价?"), category_asked("把这种表现归到哪个问题里？")
    (True, True)
    >>> category_asked("接到会议通知直接呈报、不跟上级沟通，这算哪方面的问题？"), category_asked("这种做法为什么被批评？")
    (True, True)
    """
    return bool(_CATEGORY.search(fold(question)))


def includes_asked(question: str) -> bool:
    """Whether a question asks what something includes (查处报告应该包括哪些内容？要写哪些内容？).

    >>> includes_asked("查处报告要写哪些内容？"), includes_asked("报告里得写哪几块？"), includes_asked("有哪些要求？")
    (True, True, False)
    """
    return bool(_INCLUDES.search(fold(question)))


def items_asked(question: str) -> int:
    """How many named things a "which N" question without a noun asks for (「五个坚持」是哪五个？ -> 5).

    >>> items_asked("「五個堅持」具體是哪五個？"), items_asked("公文分哪几种？"), items_asked("是哪五條？")
    (5, 0, 5)
    >>> items_asked("「五個堅持」具體是哪五個堅持？"), items_asked("是哪五个部门？")  # the noun it quotes
    (5, 0)
    """
    q = fold(question)
    m = _WHICH_N.search(q) or next(
        (m for m in _WHICH_N_QUOTED.finditer(q) if any(m.group(2) in p for p in quoted(q))), None
    )
    return CN_DIGITS[m.group(1)] if m else stands_for(q)


_WHICH_N_QUOTED = re.compile(r"哪([两二三四五六七八九十])[个条项点]([\u4e00-\u9fff]{1,3})(?=$|[？?，,。])")
_N_POINTS = re.compile(r"哪[“「\"]?([两二三四五六七八九十]|[0-9]+)(?:个|条|点|项|件|种|类|方面|个方面)")
_N_AGAIN = re.compile(r"([两二三四五六七八九十])([\u4e00-\u9fff]).*哪\1\2")  # “四快”是哪四快


def points_asked(question: str) -> int:
    """How many points a "which N" question asks for, with or without a noun (主要看哪两条？ -> 2).

    >>> points_asked("辦公室今後選人，主要看哪兩條？"), points_asked("「五个坚持」是哪五个？"), points_asked("“四快”是哪四快？")
    (2, 5, 4)
    """
    m = _N_POINTS.search(fold(question)) or _N_AGAIN.search(fold(question))
    return (cn_number(m.group(1)) or 0) if m else stands_for(question)


def short_form(word: str) -> str:
    """A four-character word's usual short form, its first and third characters (调查研究: 调研, 追究责任: 追责), or ''."""
    return word[0] + word[2] if len(word) == 4 else ""


def counted_as(word: str, folded: str) -> bool:
    """Whether a folded text holds a count word (几苦) as counted (“三苦”), or a numeral (二十四个) in digits (24字).

    >>> counted_as("几苦", "清苦的“三苦”岗位"), counted_as("几苦", "工作很苦"), counted_as("几次", "三番五次")
    (True, False, False)
    """
    if len(word) != 2 or word[0] != "几" or word[1] in MEASURES:  # 几次, 几个: a number asked (amounts.py)
        return "十" in word[:2] and in_digits(word, folded)  # most words: no call (0.8 ms an answer)
    return bool(re.search(f"[两二三四五六七八九十]{re.escape(word[1])}", folded))


def coverage(text: str, weights: dict[str, float]) -> float:
    """IDF-weighted share of the question's words in `text`. jieba's search mode gives a compound and
    its parts (督查督办, 督查, 督办): the compound counts once, and a text holding some of its parts
    gets that share of it. A four-character word is also held as its usual short form, its first and
    third characters (调查研究 as 调研: 调研是办公室主任的“营养源”); a word as one said alike (`synonyms.ALIKE`).

    >>> w = {"督查督办": 4.0, "督查": 2.0, "督办": 3.0, "做好": 1.0}
    >>> coverage("关于督办工作", w), coverage("做好督查督办", w), coverage("调研是基本功", {"调查研究": 1.0})
    (0.48, 1.0, 1.0)
    >>> coverage("要强化“七种意识”", {"加强": 1.0, "意识": 1.0}), coverage("推行OA系统", {"oa": 1, "很多": 1})  # 强化; oa
    (1.0, 0.5)
    """
    folded = fold(text).lower()  # the question's words are lowercased (`lexical.tokenize`: OA is oa)
    top = [t for t in weights if not any(t != o and t in o for o in weights)]
    total = sum(weights[t] for t in top) or 1.0
    got = 0.0
    for t in top:
        held = t in folded or ((short := short_form(t)) and short in folded) or counted_as(t, folded)  # 调研; 三苦
        if held or ((alike := ALIKE.get(t)) and any(a in folded for a in alike)):  # 面对 as 面临
            got += weights[t]
            continue
        parts = [p for p in weights if p != t and p in t]
        whole = sum(weights[p] for p in parts)
        if whole:
            got += weights[t] * sum(weights[p] for p in parts if p in folded) / whole
    return round(got / total, 3)


_ASPECT = re.compile(
    r"(?<![存现正所实潜])在(?!于)([^，,。？?、；;在哪几些]{2,10}?)(?:工作)?(?:这一块|这块|这方面|方面|(?<![会议])上(?=要|应|需|得|必须))"
    r"|(?<![绝相针面])对([^，,。？?、；;对哪几些]{2,10}?)(?:工作)?(?:提了|提出了?)(?:哪些|哪几|什么)"  # 对教育宣传工作提了哪些要求
    r"|轮到我?([\u4e00-\u9fff]{2,4}?)的?(?:时候|时)"  # 轮到我值班的时候 (the 185th's got 篇7's 三个纪律)
)


@lru_cache(maxsize=64)
def aspect_asked(question: str) -> tuple[str, ...]:
    """The words of the matter a question confines itself to (在X这一块, 在X方面).

    >>> aspect_asked("市委辦公室系統在後勤這一塊，今年打算重點做好哪幾件事？"), aspect_asked("在协调保障方面做了什么")
    (('后勤',), ('协调', '保障'))
    >>> aspect_asked("对教育宣传工作提了哪些要求?"), aspect_asked("对办公室有什么要求"), aspect_asked("对办公室工作提了哪些要求")
    (('教育宣传',), (), ())
    >>> aspect_asked("办公室工作存在哪几方面不足?"), aspect_asked("现在这方面有什么要求"), aspect_asked("关键在于队伍建设方面")
    ((), (), ())
    >>> aspect_asked("縣委辦主任在內部會上要大家加強哪幾種意識？"), aspect_asked("轮到我值班的时候有哪些规矩？")  # the 163rd's
    ((), ('值班',))
    """
    m = _ASPECT.search(fold(question))
    words = [t for t, _ in dict.fromkeys(tagged_words(m.group(m.lastindex or 0))) if len(t) > 1] if m else []
    return () if set(words) <= _SUBJECT else tuple(words)


_SUBJECT = {"办公室", "办公厅", "办公"}  # what every speech is about: no matter a question confines itself to


def on_aspect(question: str, texts: Sequence[str]) -> bool:
    """Whether the question confines itself to a matter (`aspect_asked`) and `texts` say all its words."""
    words, said = aspect_asked(question), fold(" ".join(texts))
    return bool(words) and all(t in said for t in words)


_CLASSES_ASKED = re.compile(r"分[为成]?(?:哪|几)[几个]?(?:种|类|级|等|档|个等级|个等次|个级别|个档次?)")
_DIVIDES = re.compile(
    r"分[为成]|分(?:[一二三四五六七八九十两0-9]+)个?(?:种|类|级|等|档)|[一二三四五六七八九十两0-9]+(?:种类型|类|个等级|个等次|个级别)"
)


def classes_asked(question: str) -> bool:
    """Whether a question asks into which kinds something is divided (保管期限分为哪几种？).

    >>> classes_asked("保管期限分为哪几种？"), classes_asked("年度考核分为哪几个等次？"), classes_asked("有哪几种说法？")
    (True, True, False)
    >>> classes_asked("问责处分分哪几个档次？")  # the 292nd's near miss got 及时警示,严肃追责
    True
    """
    return bool(_CLASSES_ASKED.search(fold(question)))


def divides(text: str) -> bool:
    """Whether `text` divides something into kinds (分为…, 分三级, 三个等次).

    >>> divides("舆情预警分为三级"), divides("考核分优秀、称职、基本称职、不称职四个等次"), divides("要加强档案保管")
    (True, True, False)
    """
    return bool(_DIVIDES.search(fold(text)))
