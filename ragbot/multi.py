"""Questions that ask more than one thing, answered whole.

  survey(writer, evidence, weights, budget)  几篇讲话各有什么说法: the best sentence of each speech that
                                             speaks to it, not only of the best one
  everywhere(writer, evidence, weights, budget)    哪些讲话里出现过「参谋部」: every speech of the corpus that says
                                             the phrases quoted, one sentence each, labelled
  second_part(writer, evidence, budget)      信访件的查处报告应包括哪几个方面？实名信访件办结后要做什么？: when
                                             the answer so far leaves the second question's own words (or a
                                             bare 怎么说？) out, the sentence of the first one's excerpt answering it
  lists_apart(writer, evidence, answer)      对查处报告提了哪几点要求？查处报告应包括哪些方面？: each part's list
                                             (`answer`, compose.py's), when each asks by words of its own
  unstated_part(question, texts)             哪些专题课程？一共培训几天？: whether a part after the first asks how
                                             many (or by which date) of what none of the texts states (refused)
  named_candidates(index, question, hits, cands)  the sentences of the speeches a question names (天门那篇讲话, 篇8)

What it does not do: decide that a question has parts (asks.py), or write and cite sentences (writer.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from .amounts import numbers, unit_asked
from .asks import COMPUTED, QUANTITY, TYPED, asking, coverage, kind, parts, several_asked, stated_kind
from .conditions import condition_of
from .context import after_in_paragraph, answer_after, says_what_to_do
from .cuts import cut
from .kinds import states
from .lexical import before_bodies, counties, inside_word, places, tokenize
from .naming import named_speeches
from .points import REMEDY_ASKED, goes_on_from, lists_of, say_points
from .quotes import anchors, wildcard
from .scaffold import scaffolding
from .script import fold, folded_speech
from .structure import TRIM, sentence_spans
from .synonyms import speech_words
from .terms import term_weights
from .writer import FOLLOW_MARGIN, LATER_CHARS, Option, Writer, options, rank, sentences

if TYPE_CHECKING:
    from .answer import Evidence
    from .generate import Candidate
    from .index import Index
    from .types import Hit


SURVEY_SPEECHES = 4  # a question asking what several speeches say is answered from at most this many


_REQUIRES = re.compile(r"要求|怎么做|怎样做|如何做|应该|应当|做到|注意")  # asks what each speech requires


def survey(w: Writer, ev: Evidence, weights: dict[str, float], budget: int) -> bool:
    """几篇讲话各有什么说法: the best sentence of each speech whose best ranks within FOLLOW_MARGIN of
    the best of all and holds at least half as much of the question's words, best first; False
    (nothing written) when only one speech does."""
    ranked = sorted(options(ev, w.index), key=lambda o: -rank(o[0], weights))
    per_speech: dict[tuple[str, int], list[Option]] = {}
    for c, hit in ranked:
        per_speech.setdefault((hit.file, hit.speech), []).append((c, hit))
    if not ranked:
        return False
    top, words = rank(ranked[0][0], weights), coverage(ranked[0][0].text, weights)
    chosen = [g for g in per_speech.values() if rank(g[0][0], weights) >= top - FOLLOW_MARGIN]
    chosen = [g for g in chosen if coverage(g[0][0].text, weights) >= words / 2][:SURVEY_SPEECHES]
    if len(chosen) < 2:
        return False
    requires = bool(_REQUIRES.search(fold(ev.question)))
    begin = w.mark()
    for group in chosen:
        start = w.mark()
        w.label(group[0][1])  # which speech says it
        # asked what each requires: the sentences saying what to do (要继续强化24小时值班制度), not what was done
        enough = coverage(group[0][0].text, weights) / 2  # about the same thing as the speech's best sentence
        said = [o for o in group if says_what_to_do(o[0].text) and coverage(o[0].text, weights) >= enough]
        if requires and not said:  # only what it did (24小时昼夜值班制度,保证了政令畅通): not what it requires
            w.undo(start)
            continue
        sentences(w, said if requires else group, weights, "", budget // len(chosen))
        if len(w.pieces) == start[0] + 1:
            w.undo(start)
    return len(w.pieces) > begin[0]  # no speech wrote anything: another kind of answer tries


# a second question asking for the details of what the first asked (接待服务要注重哪“三化”？具体怎么体现？)
DETAILS = re.compile(r"具体(?:怎么|怎样|如何|是|指|有|包括|要求)")
_HOW_AFTER = re.compile(
    r"[？?，,](?:有[\u4e00-\u9fff]{1,4}?)?(?:那|又|该|要|应该|应当)?(?:(?:怎么|怎样|如何)去?(?:说|讲|提|做)(?:比较好|才好)?"
    r"|还(?:需要|要|应该|应当|得)?做(?:些)?(?:什么|哪些|啥)"  # 还需要做什么 (the 193rd's got 因工作需要…)
    r"|注意(?:些)?(?:什么|哪些|啥))[？?]?$"  # 要注意什么 (the 201st's got 这个乡镇要注意,有的领导把会上的文件带到家…)
)


def everywhere(w: Writer, ev: Evidence, weights: dict[str, float], budget: int) -> bool:
    """哪些讲话里出现过「参谋部」「后勤部」: in every speech of the corpus (not only those retrieved), its
    first sentence that says all the phrases the question quotes, each labelled with its speech and
    quoted, in the corpus's order, within `budget` characters; False (nothing written) when fewer than
    two speeches say them."""
    patterns = [tries[0] for tries in anchors(ev.question) if not wildcard(tries[0])]
    if not patterns or not several_asked(ev.question):
        return False
    found = []
    for (file, n), speech in w.index.speeches.items():
        folded = folded_speech(speech.text)
        spans = [(a, b) for a, b in sentence_spans(speech.text) if all(_says(folded, a, b, p) for p in patterns)]
        found += [(file, n, *spans[0])] if spans else []
    if len(found) < 2:
        return False
    w.quote = True
    begin = w.mark()
    w.lead("讲话中的说法：")
    used = 0
    for file, n, a, b in found:
        text = w.index.speeches[(file, n)].text
        piece = cut(text[a:b], weights, "wording", LATER_CHARS)
        at = a + text[a:b].find(piece)
        if used + len(piece) > budget and used:
            break
        start = w.mark()
        cited = w.cite(file, n, at, at + len(piece))
        hit = w.excerpts[cited - 1]
        w.label(hit)
        # each speech's own saying of the phrase, though another speech said the same words
        answered = answer_after(w, hit, text, at, piece, ()) if w.say(piece, cited, again=True) else -1
        if answered < 0:  # said before, or a question the speech asks itself without its answer
            w.undo(start)
            continue
        used += len(piece) + answered
    if not used:  # every saying was one said before: no answer of this kind
        w.undo(begin)
        w.quote = False
    return bool(used)


def _says(folded: str, a: int, b: int, phrase: re.Pattern[str]) -> bool:
    """Whether sentence [a, b) of a folded speech says `phrase` as words of its own, not inside a longer
    word (大督查 in 加大督查力度)."""
    return any(not inside_word(folded, m.start()) for m in phrase.finditer(folded, a, b))


_AMOUNTS = re.compile(r"[、，,和及](?=[\u4e00-\u9fff]{0,3}?(?:多少|几))")  # 多少份请示报告、(收到)多少件… (the 267th's)
_TIME_ASKED = re.compile(r"时间上?(?:怎么|如何|怎样)安排|(?:什么|哪个)时间|几点")  # 时间上怎么安排: when, in any words
_TIMED = re.compile(r"上午|下午|晚上|每天|每日|每周|每月|工作日|[0-9一二三四五六七八九十两]+(?:点|时|天|日|小时|周)")
PART_COVERAGE = 0.5  # the second question counts as answered when the answer holds this share of its words
COMMON_WEIGHT = 1.0  # a part whose own words all weigh less (办公室, said everywhere) asks nothing of its own


# a part asking only the speech's view of the situation the question tells (讲话里对这种情况怎么看？)
_VIEW_OF_IT = re.compile(
    r"^(?:那么?)?(?:讲话|文中|领导)?[里中]?对(?:这种|这类|此类|这样的?|这个)?(?:情况|事情?|问题|做法)是?(?:怎么|怎样|如何)"
    r"(?:看待?|说|评价)的?[？?]?$"
)


def second_part(w: Writer, ev: Evidence, budget: int) -> bool:
    """Add the sentence answering a part of a two-part question that what is written leaves out: the second's,
    when the answer holds less than PART_COVERAGE of its own words (those the first does not use), else the
    first's, likewise (实名信访件办完以后还要做什么？查处报告要写哪些内容？, the 28th and 29th blind readers'); words no
    speech uses are not counted (`_own`). The sentence is the one of the excerpt the answer's first sentence cites
    holding most of those words (at least PART_COVERAGE) and, for a quantity, who, when or where question, stating
    that kind of thing. Only that excerpt: on `ragbot eval --config hybrid`, the second question's best sentence
    from any excerpt changed 12 answers, 10 for the worse (another county's 办结率); from the same speech, q085 took
    another excerpt's 信息公开管理系统 for 怎么管理. A part asking when (时间上怎么安排) is answered by an answer saying
    a time (上午和下午各收取两次; the 58th blind reader got 控制会议活动数量、规模和时间 after it). A bare how (该不该
    直说？怎么说？, the 124th's; 怎么说比较好, the 133rd's) is the excerpt's next sentence saying what to do with a
    word of the answer (要讲究方式方法, 0 rows differed); a bare list (讲话里分成了哪几点, the 164th's), nothing."""
    asked = parts(ev.question)
    if len(asked) == 1 and len(re.findall("多少|几", fold(asked[0]))) > 1:  # 多少份请示报告、多少件…: two
        asked = [a for a in _AMOUNTS.split(fold(asked[0]), maxsplit=1) if a]  # (not 那次培训会，有多少个乡镇参加)
    said = "".join(w.pieces)
    cited = re.search(r"\[(\d+)\]", said)
    m = _HOW_AFTER.search(fold(ev.question))  # …？怎么说？ 怎么说比较好: a bare how, too short to be a part or one
    m = None if m and "注意" in m.group() and len(asked) == 1 else m  # …的意见，要注意些什么: what to mind of it
    if cited is not None and m and (len(asked) == 1 or (len(asked) == 2 and len(m.group()) > len(fold(asked[1])))):
        words = {**term_weights(w.index, asked[0]), **term_weights(w.index, said)}  # how to do what was said
        return _what_to_do(w, w.excerpts[int(cited.group(1)) - 1], said, words, past_said=True)
    if len(asked) != 2 or cited is None:
        return False
    first, second = term_weights(w.index, asked[0]), term_weights(w.index, asked[1])
    excerpt = w.excerpts[int(cited.group(1)) - 1]
    if DETAILS.match(fold(asked[1])):  # 具体怎么体现: what the speech goes on to say about the first answer
        return _what_to_do(w, excerpt, said, first)
    if kind(asked[1]) == "list" and not second:  # 怎样提高效率？讲话里分成了哪几点？: the first's list answers both
        return False
    if CONSEQUENCE_ASKED.search(fold(asked[1])) and _what_follows(w, excerpt, said):  # 要是只顾自己…会怎样
        return True
    if REMEDY_ASKED.search(fold(asked[1])) and (  # 哪些不到位？打算怎么改进？ / 怎么形容这种情况？又要怎么解决？
        _remedies(w, excerpt, said) or _what_to_do(w, excerpt, said, first)
    ):
        return True
    own = [_own(w.index, a, b) for a, b in ((first, second), (second, first))]
    # 上午和下午各收取两次 says when; 讲话里对这种情况怎么看 asks what the answer says of the first (the 209th's got
    # 有的干脆当起了"甩手掌柜" for its 情况 after 这是极端危险的)
    if (_TIME_ASKED.search(fold(asked[1])) and _TIMED.search(fold(said))) or _VIEW_OF_IT.match(fold(asked[1])):
        own[1] = {}
    if own[1] and coverage(said, own[1]) < PART_COVERAGE:
        if _left_out(w, ev, excerpt, own[1], asked[1], budget):
            return True
        if kind(asked[1]) == "list":
            return _what_to_do(w, excerpt, said, second)
    return (
        bool(own[0]) and coverage(said, own[0]) < PART_COVERAGE and _left_out(w, ev, excerpt, own[0], asked[0], budget)
    )


def remedy_asked(question: str) -> bool:
    """Whether a two-part question's second part asks how to put it right (又要怎么解决？).

    >>> remedy_asked("怎么形容这种情况？又要怎么解决？"), remedy_asked("怎么解决？"), remedy_asked("叫什么？是谁说的？")
    (True, False, False)
    >>> remedy_asked("存在哪几方面的问题?下一步准备怎么做?")
    True
    """
    asked = parts(question)
    return len(asked) == 2 and bool(REMEDY_ASKED.search(fold(asked[1])))


def _remedies(w: Writer, excerpt: Hit, said: str, cap: int = 8) -> bool:
    """For a second question asking what is done about the first answer's points (有哪些做得不到位的地方？
    打算怎么改进？, the 64th and 66th blind readers'): the list the speech goes on with right after the list the
    answer gave (其一是…不到位…其四是…不到位。下一步,一要…二要…), its points said (`points.say_points`);
    False when the answer gave no list of that speech or none follows it."""
    speech = w.index.speeches[(excerpt.file, excerpt.speech)].text
    lists, folded = [e for e in lists_of(speech) if e.family not in ("、", "（）")], fold(said)  # not the outline
    given = next((e for e in lists if sum(fold(i.key) in folded for i in e.items) >= 2), None)
    after = [e for e in lists if given and goes_on_from(given, e)]
    return bool(after) and say_points(w, [(excerpt, after[0])], cap)


def _own(index: Index, part: dict[str, float], other: dict[str, float]) -> dict[str, float]:
    """The words of a question part the other part does not use, without those no speech uses (no sentence
    holds 办完) unless they weigh half or more: then the part is not the speeches' (用在哪项工作上: 工作); none when
    all weigh under COMMON_WEIGHT (办公室里谁对谁负责？逐级负责是怎么排的？: the 168th blind reader's got 都要从
    办公室工作的全局出发 for 办公室 after the chain)."""
    own = {t: v for t, v in part.items() if t not in other}
    seen = {t: v for t, v in own.items() if index.bm25.df(t) > 0}
    own = seen if sum(seen.values()) > sum(own.values()) / 2 else own
    return own if max(own.values(), default=0) >= COMMON_WEIGHT else {}


def _left_out(w: Writer, ev: Evidence, excerpt: Hit, weights: dict[str, float], part: str, budget: int) -> bool:
    """Add the sentence of `excerpt` holding most of a question part's own `weights` (at least PART_COVERAGE)
    and stating the kind of thing `part` asks for, if it has one."""
    wanted = kind(part) if kind(part) in TYPED else ""
    for c, hit in sorted(options(ev, w.index), key=lambda o: -rank(o[0], weights)):
        if hit == excerpt and coverage(c.text, weights) >= PART_COVERAGE and (not wanted or states(c.text, wanted)):
            before = len(w.pieces)
            sentences(w, [(c, hit)], weights, wanted, budget)
            return len(w.pieces) > before
    return False


MEASURES_REACH, MEASURES_CHARS = 3, 160  # the sentences after the first answer the measures may begin in; their length
_THEREFORE = re.compile(r"(?:因此|所以|为此|鉴于此)[,，]")  # a measure drawn from what was said before it
CONSEQUENCE_ASKED = re.compile(r"会(?:出现|有|造成|带来|导致)?(?:什么|哪些|啥)(?:情况|后果|结果|影响)|会怎么?样|后果")


def _what_follows(w: Writer, excerpt: Hit, said: str) -> bool:
    """For a second question asking what comes of a failing (要是大家都只顾自己那一摊会出现什么情况？), in
    words no speech uses: the next sentence of the first answer's paragraph that puts a condition and says
    what follows from it (`conditions.condition_of`: 如果大局意识不强,就很容易陷入本位主义…; the 95th blind
    reader got 一般工作人员也要考虑大局 alone), when it is one of the next two."""
    speech, after = _after_first(w, excerpt, said) or ("", [])
    for a, b in after[:2]:
        if condition_of(speech[a:b]):
            return w.say(speech[a:b], w.cite(excerpt.file, excerpt.speech, a, b), elaborates=True)
    return False


def _after_first(w: Writer, excerpt: Hit, said: str) -> tuple[str, list[tuple[int, int]]] | None:
    """The excerpt's speech and the sentences of its paragraph after the first answer's first sentence."""
    tail = said.split("[")[0].rstrip(TRIM).removesuffix("」。")[-20:]  # the first sentence's end (a wording quoted)
    speech = w.index.speeches[(excerpt.file, excerpt.speech)].text
    at = folded_speech(speech).find(fold(tail), excerpt.text_start) if tail else -1
    return (speech, after_in_paragraph(speech, at + len(tail))) if at >= 0 else None


def _what_to_do(w: Writer, excerpt: Hit, said: str, asked: dict[str, float], past_said: bool = False) -> bool:
    """For a second question asking what to do (提出了哪些措施？) in words the excerpt does not use, or
    asking for the details of the first (具体怎么体现？, with the first question's words): the
    first of the next MEASURES_REACH sentences of the first answer's paragraph that says what to do
    (必须加强保密管理制度建设,落实保密责任;), run on to its full stop (measures go on over ；), at most
    MEASURES_CHARS characters, when it holds some word of that question (保密 of 哪些保密措施) or is drawn
    from what was said (因此,…还要建章立制: the 130th's OA…); for a bare how, past one said (`past_said`: the 149th's)."""
    speech, after = _after_first(w, excerpt, said) or ("", [])
    for a, b in after[:MEASURES_REACH]:
        if says_what_to_do(speech[a:b]) and not (
            past_said and (fold(speech[a:b].strip(TRIM)[:12]) in fold(said) or w.repeats(speech[a:b]))
        ):  # nor one holding a sentence said (有的就事论事,接到会议通知直接呈报…: the 193rd's said it twice)
            stop = re.search(r"[。！？!?\n]", speech[a:])
            end = a + stop.end() if stop else b
            end = end if end - a <= MEASURES_CHARS else b
            drawn = bool(_THEREFORE.match(fold(speech[a:end]).lstrip()))
            return (drawn or coverage(speech[a:end], asked) > 0) and w.say(
                speech[a:end], w.cite(excerpt.file, excerpt.speech, a, end), elaborates=True
            )
    return False


_WHICH_WORD = re.compile(r"^(?:哪|什么|何)|^时候$")  # 哪天, 什么时候: how a part asks
_MODAL = re.compile(r"^[要该应需须](?=[\u4e00-\u9fff]$)")  # 最晚什么时候要报: 报 (報送) is said, not 要报
_DIRECTED = re.compile(r"(?<=^[\u4e00-\u9fff])(?:上去|上来|下去|下来|出去|出来|上)$")  # 报上去: 报 (报送), the 122nd's
_ENDS_ASKING = re.compile(r"(?:几|多少)[\u4e00-\u9fff]{0,2}[，,、]$")  # 一共培训几天，(not 夹在几位领导中间,)


def unstated_part(question: str, texts: Sequence[str]) -> bool:
    """Whether a question asking two things or more asks how many (一共培训几天) of what none of `texts`
    states in the unit asked, in a sentence holding a word of the question (集中三天时间到高校调研 is not how
    long 培训 lasts): the answer to its other part leaves that unsaid (the 45th, 48th, 57th and 58th blind
    readers' near misses were answered with the sentence announcing the training). The number may be
    asked after the first part, in a clause of a first that asks none, or in a first part of a question
    that as a whole asks a list (一共培训几天？安排了哪些专题课程？); a question asking a number as a whole
    is `answer.weigh`'s. 几篇讲话都怎么说的 asks what several speeches say, no number. A date asked so
    (截止日期是哪天) needs a sentence stating one that holds a word of that part (截止), when it has one:
    2010年度…民政局 gives no date of 申报 (held-out q402; `ragbot eval --config hybrid`: no other row moves).

    >>> q = "培训会安排了哪些专题课程？一共培训几天？"
    >>> unstated_part(q, ["将开展一系列专题培训"]), unstated_part(q, ["培训为期三天"]), unstated_part("培训几天？", [])
    (True, False, False)
    >>> unstated_part("保密方面要注意些什么？几篇讲话都怎么说的？", ["要加强保密"]), unstated_part("是哪两个？哪几篇讲话用过？", [])
    (False, False)
    >>> unstated_part("培训会一共培训几天，安排了哪些专题课程？", ["将开展一系列专题培训"])  # the 48th's
    True
    >>> unstated_part("培训会一共办几天、安排了哪些专题课", ["将开展一系列专题培训", "年底又集中三天时间调研"])  # the 57th's
    True
    >>> unstated_part("培训会一共培训几天？安排了哪些专题课程？", ["将开展一系列专题培训"])  # the 58th's
    True
    >>> unstated_part("主任夹在几位领导中间,该怎么处理？", ["要从维护班子的团结出发"])  # 几位: no number asked
    False
    >>> unstated_part("平时统计开了几次会、派了多少人下去。这样督查够不够？", ["督查不能只看开了多少会"])  # fresh q412
    False
    >>> unstated_part("如果只统计开了多少会、下去了多少人，这样行不行？应该怎么做？", ["不能只停留在"])  # the 85th's
    False
    >>> q = "发生突发事件怎么报告？最晚什么时候要报？"  # the 95th's: 报 of 要报, not 时候, is said
    >>> unstated_part(q, ["必须在第一时间报送信息,最迟不得超过事发后2小时"]), unstated_part(q, ["要按程序报告"])
    (False, True)
    >>> q = "出了突发事件,情况还没摸清楚,是先报还是等弄明白再报？最晚什么时候得报上去？"  # the 122nd's
    >>> unstated_part(q, ["必须在第一时间报送信息,最迟不得超过事发后2小时"]), unstated_part(q, ["要按程序办"])
    (False, True)
    >>> q = "省级文明单位要重新申报，申报材料要交哪些？截止日期是哪天？"
    >>> unstated_part(q, ["2010年度民政局等单位已公布"]), unstated_part(q, ["申报截止日期为12月20日"])
    (True, False)
    """
    asked = parts(question)
    later = asked[1:]
    if asked and kind(asked[0]) != "quantity":  # 一共培训几天，安排了哪些专题课程？: a clause of the first part
        # …派了多少人下去。这样做督查够不够？: a statement counts
        statement = re.split(r"(?<=[。！!])", asking(asked[0]))[-1]
        clauses = re.split(r"(?<=[，,、])", statement)  # …具体条件、评分标准是什么: a score worked out, too
        later += [c for c in clauses if c != asked[0] and (_ENDS_ASKING.search(c) or COMPUTED.search(fold(c)))]
    elif len(asked) > 1 and kind(question) != "quantity":  # 一共培训几天？安排了哪些专题课程？: `weigh` reads a list
        later.insert(0, asked[0])
    skip = scaffolding(question)  # the number said of what the question speaks of (一年考几次: of 考核)
    words = [t for t in tokenize(fold(question)) if len(t) >= 2 and t not in skip and not QUANTITY.search(t)]
    words += list(speech_words(question))  # 能压几天: 积压, as the speeches say it (the 290th's was refused)
    for part in (p for p in later if kind(p) in ("quantity", "when")):
        said = _number_said(part, question) if kind(part) == "quantity" else _kind_said(part, question)
        held = words
        if kind(part) != "quantity":  # 截止日期是哪天: a date said of 截止 (2010年度…民政局 is none)
            held = [
                _DIRECTED.sub("", _MODAL.sub("", t))
                for t in tokenize(fold(part))
                if len(t) >= 2 and t not in skip and not _WHICH_WORD.search(t)
            ] or words
        if not any(said(t) and (not held or any(w in fold(t) for w in held)) for t in texts):
            return True
    return False


def _number_said(part: str, question: str) -> Callable[[str], bool]:
    unit = unit_asked(part)
    return lambda t: bool(numbers(t, unit, question))


def _kind_said(part: str, question: str) -> Callable[[str], bool]:
    """截止日期是哪天: a text stating a date (`kinds.states`)."""
    wanted = stated_kind(part, kind(part))
    return lambda t: states(t, wanted, question)


def named_candidates(
    index: Index, question: str, hits: Sequence[Hit], cands: Sequence[Candidate]
) -> tuple[Candidate, ...]:
    """A question naming a place (天门市委办…, 河南那篇讲话…, 常德市委办公室…) asks about the speech given
    there, and one naming a speech (`naming.named_speeches`: 地方志那篇讲话, 篇8) about that speech:
    only the sentences of the excerpts from those speeches answer, when any excerpt is theirs (all of
    them otherwise; none when a year asked left out all of theirs: 光山县…2012年…多少条, the 35th blind
    reader's near miss, was answered with 淇县's figures). Naming speeches so changed one answer of the
    set (q184, wrong before and after) and
    keeps another speech's sentence out of 天门那篇讲话里…多少件…多少条 (the twelfth blind reader's).
    The refusal weighs these sentences too (answer.py): 民政那篇讲话里…采用了多少条 is not answered with
    光山's 采用100余篇 when the 民政 speech gives no number (the fourteenth blind reader's)."""
    named = places(question) + counties(question) + before_bodies(question)
    there = named_speeches(index, question)  # 天门那篇讲话, 篇8: the speech the question names
    if not named and not there:
        return tuple(cands)
    there |= {
        (h.file, h.speech)
        for h in hits
        if any(p in folded_speech(index.speeches[(h.file, h.speech)].text) for p in named)
    }
    kept = tuple(c for c in cands if (hits[c.n - 1].file, hits[c.n - 1].speech) in there)
    found = any((h.file, h.speech) in there for h in hits)  # …whose sentences `in_years` may all have left out
    return kept if kept or found else tuple(cands)


def lists_apart(w: Writer, ev: Evidence, answer: Callable[[Evidence, dict[str, float]], bool]) -> bool:
    """Two lists asked apart, each by words of its own (对查处报告提了哪几点要求？查处报告应包括哪些方面？): each
    part's, as `answer` writes a list question's, in the order asked, the second led in on a line of its own (the
    220th blind reader got the four parts alone); or False (nothing written)."""
    asked = parts(ev.question)
    if len(asked) != 2 or not all(kind(a) == "list" for a in asked):
        return False
    weights = [term_weights(w.index, a) for a in asked]
    if not all(any(v >= 1 and t not in other for t, v in mine.items()) for mine, other in (weights, weights[::-1])):
        return False  # 还有哪些要求: the first's list answers both (`second_part`)
    mark = w.mark()
    for a, mine in zip(asked, weights):
        at = len(w.pieces)
        if not answer(replace(ev, question=a), mine):
            w.undo(mark)
            return False
        if at and not w.pieces[at].rstrip().endswith(("：", ":")):  # the second on a line of its own, led in
            w.lead("讲话中提到：")
            w.pieces.insert(at, w.pieces.pop() + "\n")  # a sentence of its own (`cite.split_sentences`)
    return True
