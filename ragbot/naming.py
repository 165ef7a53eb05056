"""Which speech a question names, and the words it names it by (they say which speech, not what is asked).

  named_speeches(index, q)   the speeches a question names: 地方志那篇讲话, 篇3, 培训开班讲话, 民政局, 天门市, a year
                             only one speech tells of, a post only one speech's speaker holds (那位县委办主任),
                             its meeting in its title's words (县政府系统办公室工作会议; 全市政府系统办公室主任会议:
                             the two speeches holding them), or by its topic (研究改进作风和抓落实的那次…会议)
  title_names(index, q)      the words naming a speech by its title, said right before 讲话 / 会上
  naming_words(index, q)     all the words a question names its speech by
  departments(index, q)      the words naming its speech's department (民政部门, 民政局), set aside in lists
  own_names(index, q)        those of them no other speech's chunks hold (常德, not 培训)
  unnamed(weights, q, named) the question's word weights without those naming its speech, nor a year
  meeting_aside(index, q)    the question without the words naming its meeting by its title's words, and those
  in_years(index, q, hits, cands)  for a question naming a year, the sentences that speak of it or of no year
                             (2011年计划… is not answered with 2010's count), and none naming another edition
                             (第五届…: not the 第四届)

retrieve.py ranks the named speech's chunks of their own (`retrieve.shaped`); compose.py, multi.py, sayings.py
and gaps.py answer from it; answer.py keeps the sentences of the year asked.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, TypeVar

from .lexical import before_bodies, counties, places, speech_names, speech_numbers, tagged_words, tokenize
from .script import fold
from .structure import han_count

if TYPE_CHECKING:
    from .generate import Candidate
    from .index import Index
    from .types import Hit

YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)年")  # a year named (2011年)
NAMED_MOST = 0.8  # a word names the speech holding at least this share of the chunks that hold it
NAMED_LEAD = 3  # ...or at least this many times as many as any other speech (民政: 4 chunks of 004, 1 of 3 others)


def named_speeches(index: Index, query: str) -> set[tuple[str, int]]:
    """`_named_speeches`, kept (`_kept`): an answer asks it about nine times, 0.23 ms each."""
    return set(_kept(index, "named_speeches", query, lambda: frozenset(_named_speeches(index, query))))


KEPT = 256  # queries whose naming an index keeps
K = TypeVar("K")


def _kept(index: Index, key: str, query: str, make: Callable[[], K]) -> K:
    """What `make` finds of `query`, kept with the index for the last KEPT queries (the same question is read
    by retrieval, the list, the naming words, the speech a part names…)."""
    memo: dict[str, K] = index.derived(key, dict)
    if query not in memo:
        if len(memo) >= KEPT:
            memo.clear()
        memo[query] = make()
    return memo[query]


def _named_speeches(index: Index, query: str) -> set[tuple[str, int]]:
    """The speeches the query names (`lexical.speech_names`: 地方志那篇讲话, 筹办旅游发展大会那次会议):
    for each naming word, the speech holding NAMED_MOST of the chunks that hold it (地方志: 篇10),
    when other speeches do not. Their chunks rank of their own in `retrieve.shaped`: measured (`ragbot eval`,
    220 answerable questions, share 1 and 2 alike) dev q084 2 -> 1 and held-out q184 from nowhere to
    3, nothing else moves; 17 questions name a speech, 14 of them one that words locate. Naming the
    speech by words of its opening instead (no 那篇 needed) also located 群众 (002 says 群众, the
    Traditional file 民眾) and 区县, and moved held-out q350 2 -> 3. A question may also name a speech as
    the citations label it (篇3讲话提出…): the speeches whose title carries that number (篇3); or by words
    of its title before 讲话 / 会上 (`title_names`: 培训开班讲话 -> 001); or by the field of a department (民政局:
    004, the 32nd blind reader's 民政局去年…采用的民政信息具体是多少条 is not answered with 光山's 100余篇); or
    by its place (`lexical.places`: 天门市去年… names 篇8, the 47th's was answered from 篇4; `lexical.before_bodies`:
    天门市委办公室去年…, which jieba cuts 天门 | 市委, the 65th's was answered with another part's headings); or
    by a year only it tells of (2010年全县办理了多少件…提案: 光山's 185件, not 淇县's 56件, the 80th's)."""
    numbers = set(speech_numbers(query))
    out = {key for key, s in index.speeches.items() if numbers and numbers & set(speech_numbers(s.title))}
    out |= {key for word in title_names(index, query) for key in _titled(index, word)}
    years = YEAR.findall(fold(query))  # 2010年全县办理了多少件…: the speech that tells of 2010 (the 80th's)
    for word in [
        *speech_names(query),
        *_BODY.findall(fold(query)),
        *places(query),
        *counties(query),
        *before_bodies(query),
        *years,
    ]:
        out |= _held_by_one(index, word)
    out, meeting = out | _post_held(index, query), _meeting_named(index, query)
    return (out & meeting) or out | meeting  # 全省教育系统办公室主任会议上(提到“三个陕西”那篇): 篇3 of 篇2, 篇3


def _held_by_one(index: Index, word: str) -> set[tuple[str, int]]:
    """The speech holding NAMED_MOST of the chunks that hold `word`, or NAMED_LEAD times any other's; else none."""
    held = Counter((index.chunks[i].file, index.chunks[i].speech) for i in index.bm25.scores([word]))
    if held and len(held) < len(index.speeches):
        (speech, n), *rest = held.most_common(2)
        if n >= NAMED_MOST * sum(held.values()) or (n >= 2 and n >= NAMED_LEAD * max(m for _, m in rest)):
            return {speech}
    return set()


TITLE_RUN, TITLE_LEAD = 8, 3  # a run of a query this long in one speech's title or opening, this much longer…
_MEETING = re.compile(r"会议|会上|大会|培训|讲话")  # …naming its meeting (县政府系统办公室工作会议), names it


def _meeting_named(index: Index, query: str) -> set[tuple[str, int]]:
    """The speech whose meeting a query names in its title's or opening's own words, TITLE_RUN characters or
    more, TITLE_LEAD more than any other speech's (在县政府系统办公室工作会议上: 002, whose words every speech says;
    the 98th blind reader's got 篇8's 值班 after it; not 全市政府系统办公室主任会议, 003's title and 篇11's opening)."""
    q = fold(query)
    told = _told(index)
    if not any(q[i : i + TITLE_RUN] in t for t in told.values() for i in range(len(q) - TITLE_RUN + 1)):
        return set()  # no run long enough anywhere (most questions): 1.2 ms of matching saved, five times an answer
    runs = []
    for key, t in told.items():
        m = SequenceMatcher(None, q, t, autojunk=False).find_longest_match(0, len(q), 0, len(t))
        runs.append((m.size, q[m.a : m.a + m.size], key))
    (size, run, key), (other, _, _) = [*sorted(runs, reverse=True), (0, "", ("", 0))][:2]
    if size >= TITLE_RUN and size - other >= TITLE_LEAD and _MEETING.search(run):
        return {key}
    return _topic_named(index, q) or _whole_named(index, told, q) if _MEETING.search(q) else set()


MEETING_TIED = 2  # a meeting's words said whole before 会议上 name the speeches (this many at most) holding them


def _whole_named(index: Index, told: dict[tuple[str, int], str], q: str) -> set[tuple[str, int]]:
    """The speeches whose title or opening holds the words said before 会议上, 会上 or 讲话, whole, TITLE_RUN
    characters or more, when at most MEETING_TIED do (市政府系统办公室主任会议上: 003's title and 篇11's opening,
    the 181st blind reader's got 篇8's 抓好市委…落实 before 003's 五个方面的重点; not 教育系统办公室主任会议上,
    the twelve speeches titled so)."""
    out: set[tuple[str, int]] = set()
    for topic, _, said in (["", "", *_THAT.split(m.group(1))][-3:] for m in _BEFORE_SPEECH.finditer(q)):
        held = {k for k, t in told.items() if said in t} if len(said) >= TITLE_RUN else set()
        titled = {k for k in held for w in tokenize(topic) if len(w) >= 2 and w in _titles(index)[k]}  # 抓落实的
        out |= (titled if len(titled) == 1 else held) if len(held) <= MEETING_TIED else set()
    return out


_THAT = re.compile(r"(那次|那场|那个|那篇)")  # 讲抓落实的那次全市政府系统办公室主任会议上: 003, not 篇11 (the 268th's)


def _titles(index: Index) -> dict[tuple[str, int], str]:
    """Each speech's title, folded."""
    return index.derived("titles", lambda: {k: fold(s.title) for k, s in index.speeches.items()})


def _told(index: Index) -> dict[tuple[str, int], str]:
    """Each speech's title and opening, folded: what names its meeting."""
    return index.derived(
        "told", lambda: {k: fold(s.title) + "\n" + _opening(s.text) for k, s in index.speeches.items()}
    )


def _topic_named(index: Index, q: str) -> set[tuple[str, int]]:
    """The one speech whose title holds a run of `q` TITLE_RUN characters long that no other speech's title or
    opening holds: the meeting named by its topic (研究改进作风和抓落实的那次全市政府系统办公室主任会议: 003's
    title, whose meeting 篇11's opening names too; the 101st blind reader's date of it was answered with the date
    篇11 gives of 撤地设市)."""
    titles = _titles(index)
    told = _told(index)
    out = set()
    for run in (q[i : i + TITLE_RUN] for i in range(len(q) - TITLE_RUN + 1)):
        held = [k for k, t in told.items() if run in t]
        if len(held) == 1 and run in titles[held[0]]:
            out.add(held[0])
    return out if len(out) == 1 else set()


_POSTS = "(?:主任|书记|秘书长|局长|厅长)"
# 那位县委办主任, or the post said to speak (县委办主任要求…, the 92nd blind reader's, without 那位)
_POST = re.compile(
    rf"那位([\u4e00-\u9fff]{{2,6}}?)(?:{_POSTS}|领导|同志)"
    rf"|([\u4e00-\u9fff]{{2,6}}?){_POSTS}(?:要求|提出|强调|指出|讲|说|认为|提到|要|应|需要|必须)"
)


def _post_held(index: Index, query: str) -> set[tuple[str, int]]:
    """The speech a question names by its speaker's post (那位县委办主任: 篇4, whose speaker says 我任办公室主任
    and 县委办, which no other speech says; the 83rd blind reader's got 004's 三种意识), or by the post said to
    speak (县委办主任要求…: the 92nd's, the same question without 那位), or what the post should do (县委办主任要
    增强…: the 145th's got 篇11's 增强“四种意识”, whose words it shares): the one speech whose chunks alone hold
    the post's body (the longest tail of the words before the post that a chunk holds: 我们县委办, 县委办)."""
    out = set()
    for m in _POST.finditer(fold(query)):
        words = m.group(1) or m.group(2)
        for body in [words[i:] for i in range(len(words) - 1)]:
            held = {(c.file, c.speech) for c in index.chunks if body in c.folded}
            if held:
                out |= held if len(held) == 1 else set()
                break
    return out


# a department named by its field (民政局, 民政系统, 民政信息; 民政部门 in `departments` only)
_FIELD = r"([\u4e00-\u9fff](?![到在给把向对为的了是和与及上])[\u4e00-\u9fff])"  # not 放到
_BODY = re.compile(_FIELD + "(?:局(?!长)|系统|信息)")  # not 或者局长 (the 248th's got 003, which says 或者)
_DEPARTMENT = re.compile(_FIELD + "(?:局(?!长)|部门|系统(?=的?(?:讲话|会议|讲|提|说|谈)))")  # 民政系统讲…: its speaker
TITLE_DF = 10  # a title word names its speech when at most 1 / TITLE_DF of the chunks hold it (领导 names none)
_MARKS = ("会上", "会议", "讲话", "会议上")
# 培训开班讲话指出…, 会议讲… (the 180th's), or the meeting said by when (培训开班的时候: the 137th's got 篇4's 不足)
_BEFORE_SPEECH = re.compile(  # not 有一篇, how it is asked (有一篇教育系统…会议讲话要求…: the 240th's)
    r"(?:有一?篇)?([^，。？！,?!；;：:在]{2,16}?)(?:(?:的|时的)?(?:讲话|会议上|会上|会议(?=[讲说提谈]|强调|指出))|(?<=开班)(?:的时候|时))"
)


def _titled(index: Index, word: str) -> set[tuple[str, int]]:
    """The speeches whose title holds `word`, and when any does, those whose opening does (篇11 opens 这次会议…
    是…召开的第一次全市政府系统办公室主任会议: 市政府 names it as much as 003's title, so it names neither; the
    78th's). A word no title holds names none (作这个讲话的同志: 这个, which 篇2's opening holds)."""
    titled = {key for key, s in index.speeches.items() if word in fold(s.title)}
    return titled | {key for key, s in index.speeches.items() if word in _opening(s.text)} if titled else titled


OPENING = 200  # characters of a speech, after its title, that say which meeting it was given at


def _opening(text: str) -> str:
    return fold(text[text.find("\n") + 1 :][:OPENING])


def title_names(index: Index, query: str, whole: bool = False) -> list[str]:
    """The words naming a speech by its title, said right before 讲话 / 会上 (培训开班讲话指出哪几方面不足:
    在党政办公室业务工作培训会上的开班讲话), without 那篇 (`lexical.speech_names`): a word of two characters
    or more that one speech's title holds and no other's (篇1…篇12 share a title: none of its words), held
    by at most 1 / TITLE_DF of the chunks; `whole`: every word of a phrase holding one (业务培训 too)."""
    out: list[str] = []
    for m in _BEFORE_SPEECH.finditer(fold(query)):
        words = [w for w in dict.fromkeys(tokenize(m.group(1))) if han_count(w) == len(w) > 1 and w not in _MARKS]
        rare = [w for w in words if TITLE_DF * index.bm25.df(w) <= len(index.chunks)]  # 领导讲话稿: not 主要领导
        unique = [w for w in rare if len({index.speeches[k].title for k in _titled(index, w)}) == 1]
        out += (words if whole else unique) if unique else []
    return list(dict.fromkeys(out))


def naming_words(index: Index, query: str) -> set[str]:
    """The words a query names its speech by (`lexical.speech_names`, `title_names`, `lexical.places`,
    `lexical.before_bodies`) or its meeting by (`meeting_aside`): they say which speech, not what is asked of it."""
    return (
        set(speech_names(query))
        | set(title_names(index, query, whole=True))
        | {*places(query), *counties(query), *before_bodies(query)}
        | meeting_aside(index, query)[1]
    )


def departments(index: Index, query: str) -> set[str]:
    """The words a query names its speech's department by, with 局 or 部门 (民政部门, 民政局: a list 民政部门加强…规范化
    管理有哪几条措施 asks for is under 二、完善规范管理; the 199th blind reader got 高看一眼), when one speech holds
    its field; not a 系统 but one that speaks (民政系统讲加强…: the 218th's got 高看一眼; 移民系统…首要任务: 移民 is what
    the list says), nor for retrieval (民政局…逐级负责 ranks lower without 民政局: held-out q329, q381)."""
    bodies = [m for m in _DEPARTMENT.finditer(fold(query)) if tagged_words(m[1])[0][1] not in ("f", "r")]
    return {w for m in bodies if _held_by_one(index, m[1]) for w in m.group(0, 1)}  # not 上面部门, 其他部门


def own_names(index: Index, query: str) -> set[str]:
    """The words a query names its speech by that only the speeches it names hold (常德那篇讲话: 常德, which
    says nothing of what is asked, though 篇12's 常德年鉴 holds it; not 培训 of 培训会, what 001 is about and
    others speak of too): weighing them, the 85th blind reader's 常德…不该去督查 ended with 常德年鉴."""
    named = named_speeches(index, query)
    return {
        w
        for w in naming_words(index, query)
        if named and all((c.file, c.speech) in named for c in index.chunks if w in c.folded)
    }


def unnamed(weights: dict[str, float], question: str, named: set[str]) -> dict[str, float]:
    """The question's word weights without the words that name its speech (培训开班讲话…), nor a word that,
    wherever the question says it, overlaps a naming word said once (光山县, 山县 for 光山; 办公室 of
    培训会…办公室工作存在 stays) or a year (2011年: when, which `in_years` weighs; the speech says 今年):
    what is asked of the speech, not which one (the 68th blind reader's 光山县…2011年…哪几个方面再上新水平
    missed the list announced 以下六个方面再上新水平).

    >>> sorted(unnamed({"光山": 1.0, "山县": 1.0, "光山县": 2.0, "2011": 3.0, "水平": 1.0}, "光山县2011年的水平", {"光山"}))
    ['水平']
    >>> sorted(unnamed({"培训": 1.0, "办公室": 1.0, "不足": 1.0}, "办公室培训会指出办公室存在哪些不足", {"办公室培训"}))
    ['不足', '办公室']
    """
    q = fold(question)
    spans = [m.span() for n in named if q.count(n) == 1 for m in re.finditer(re.escape(n), q)]  # named once
    spans += [m.span() for m in YEAR.finditer(q)]

    def overlaps(word: str) -> bool:  # wherever the question says it (培训会的…办公室工作存在…: asked there)
        said = [m.span() for m in re.finditer(re.escape(word), q)]
        return bool(said) and all(any(a < e and s < b for s, e in spans) for a, b in said)

    return {k: v for k, v in weights.items() if k not in named and not overlaps(k)}


def meeting_aside(index: Index, query: str) -> tuple[str, frozenset[str]]:
    """The query without the words naming the meeting its speech was given at by its title's words
    (教育系统办公室主任会议上讲到…: the twelve speeches titled so), and those words: they say which meeting, not
    what is asked; embedded or searched, they find the speeches' titles and openings. The query stays whole when
    it names one speech (县党政办培训的开班讲话: its chunks rank of their own, and embedded without the words, the
    85th blind reader's 点出了…哪几方面的毛病 got the training's purpose); BM25 still leaves the words out
    (陝西教育系統辦公室主任會上…分了哪幾條, the 163rd's, got 篇3's six sections, not its five 求快)."""
    return _kept(index, "meeting_aside", query, lambda: _meeting_aside(index, query))


def _meeting_aside(index: Index, query: str) -> tuple[str, frozenset[str]]:
    q = fold(query)
    titles = _titles(index)
    spans, words = [], set()
    where = {*places(query), *counties(query)}  # 陕西教育系统…会上: the place names the speech itself
    for m in _BEFORE_SPEECH.finditer(q):
        said = [w for w in dict.fromkeys(tokenize(m.group(1))) if han_count(w) == len(w) > 1 and w not in _MARKS]
        said = [w for w in said if w not in where]
        if said and all(any(w in t for t in titles.values()) for w in said):
            spans.append(m.span())
            words |= set(said)
    for s, e in reversed(spans if not named_speeches(index, query) else []):
        query = query[:s] + query[e:]
    return query, frozenset(words)


def years_asked(question: str) -> set[str]:
    """The years a question names (2011年计划…).

    >>> sorted(years_asked("2011年计划撰写多少篇？与2010年相比呢"))
    ['2010', '2011']
    """
    return set(YEAR.findall(question))


def year_of(index: Index, hit: Hit, c: Candidate) -> set[str]:
    """The years a sentence speaks of: those it names, else those named in its speech from the start of
    its top-level section (its opening, when it has none) up to it, else those its speech names anywhere
    (光山县2012年…表彰了哪些先进单位: the speech speaks of 2010 and 2011, the 32nd blind reader's near miss);
    none when the speech names none."""
    said = set(YEAR.findall(c.text))
    if said:
        return said
    chunk = next((index.chunks[index.by_id[i]] for i in hit.chunk_ids), None)
    for cid in hit.chunk_ids:
        ch = index.chunks[index.by_id[cid]]
        if ch.text_start <= c.position < ch.text_end:
            chunk = ch
    text = index.speeches[(hit.file, hit.speech)].text
    top = chunk.headings[0] if chunk is not None and chunk.headings else ""
    start = max(text.rfind(top, 0, c.position), 0) if top else 0
    return set(YEAR.findall(text[start : c.position])) or set(YEAR.findall(text))


def in_years(index: Index, question: str, hits: Sequence[Hit], cands: Sequence[Candidate]) -> tuple[Candidate, ...]:
    """For a question naming a year (2011年计划撰写领导讲话多少篇), the sentences that speak of it or of
    no year (`year_of`): not 2010's 共撰写领导讲话300余件 (the 29th blind reader's near miss); and for any
    question, none naming another edition than the one asked (`other_edition`)."""
    years = years_asked(question)
    cands = [c for c in cands if not other_edition(question, c.text)]
    if not years:
        return tuple(cands)
    return tuple(c for c in cands if not (found := year_of(index, hits[c.n - 1], c)) or found & years)


_EDITION = re.compile(r"第([0-9零一二三四五六七八九十]+)(届|次|期)")


def other_edition(question: str, text: str) -> bool:
    """Whether a text speaks of another edition than the one a question names (第五届…大会: not the
    第四届; the 36th blind reader's near miss).

    >>> other_edition("第五届四川旅游发展大会在哪召开？", "第四届四川旅游发展大会即将在宜宾召开")
    True
    >>> other_edition("第四届大会在哪召开？", "第四届大会在宜宾召开"), other_edition("大会在哪召开？", "第四届大会在宜宾")
    (False, False)
    >>> other_edition("第五届大会在哪召开？", "这是第一次全市政府系统办公室主任会议")  # another counter
    False
    """
    asked = set(_EDITION.findall(fold(question)))
    said = set(_EDITION.findall(fold(text))) if asked else set()  # folding every sentence costs: only when asked
    return any(k == counter for _, counter in asked for _, k in said) and not asked & said
