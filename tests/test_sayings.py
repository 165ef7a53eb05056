"""Answers made of formulations (sayings.py): figures of speech for a 比喻 question, on the real seed index;
the retrieval side (the figures ranking) is in test_retrieve.py."""

from __future__ import annotations

import re

import pytest

from ragbot import pipeline
from ragbot.answer import Answerer
from ragbot.asks import kind
from ragbot.quotes import FIGURE, anchors, figure
from ragbot.sayings import FIGURE_CHARS, FIGURES_MAX, _figure_span
from ragbot.script import fold


def test_a_figure_is_quoted_from_its_sentence_start_to_the_clause_that_holds_it() -> None:
    text = "办公室作为政府的参谋部,是沟通上下的“咽喉”、联系左右的“纽带”,承担着承上启下的职责任务。"
    a, b = _figure_span(text, text, 0, len(text), FIGURE)
    assert text[a:b] == "办公室作为政府的参谋部,是沟通上下的“咽喉”、联系左右的“纽带”"
    text = "一是当好领导的“顺风耳”,做好领导的“千里眼”,把情况报在前头。"  # to the last figure's clause, no marker
    a, b = _figure_span(text, text, 0, len(text), FIGURE)
    assert text[a:b] == "当好领导的“顺风耳”,做好领导的“千里眼”"
    long = (
        "在新的形势下,"
        + "各级办公室要进一步解放思想、更新观念、开拓创新、扎实工作," * 3
        + "努力当好领导的“耳目”,把情况摸清。"
    )
    assert long.index("努力") > FIGURE_CHARS
    a, b = _figure_span(long, long, 0, len(long), FIGURE)
    assert long[a:b] == "努力当好领导的“耳目”"  # too long from the start: the clause that holds it


def test_only_a_question_asking_for_a_figure_has_its_pattern() -> None:
    assert figure("讲话用了哪些比喻来形容办公室？") is FIGURE
    assert figure("起草这些活儿，讲话拿什么东西打比方？") is FIGURE
    assert figure("办公室的地位为什么重要？") is None


def test_real_an_image_described_by_its_kind_is_searched_and_weighed_as_named(real_bot: pipeline.Ragbot) -> None:
    """人身上的某个器官 (the 31st blind reader's): 中枢神经…就像人的大脑一样, not the machine; 缝衣服用的东西
    (the 30th's): the speech saying 上边千条线,下头一根针, which search missed before."""
    ask = Answerer(real_bot).ask
    organ = ask("有篇讲话把办公室比作人身上的某个器官,是怎么比的?")
    assert "就像人的大脑一样" in organ.sentences[0].text, organ.text
    # 身体上的部位 describes the images too (`scaffold.BODY`): the 158th's got 承上启下、沟通内外…, no image
    body = ask("有篇講話用人身體上的部位來形容辦公室溝通上下的作用，原話是什麼？")
    assert re.search("咽喉|大腦|神經", body.sentences[0].text), body.text  # 咽喉 is the one said of 沟通上下
    assert "上边千条线,下头一根针" in ask("把办公室比作缝衣服用的东西的那句话是什么？").text
    # two images in one sentence are the figure asked, whatever the cosine (the 41st reader's was refused at
    # 0.887), and rank that chunk of their own (9th before for 用…打比方, refused); dev q103 answered too
    for question in (
        "有篇讲话把各级办公室比成缝衣服用的一样东西，这个比喻是怎么讲的？",
        "有篇讲话用缝衣服的东西打比方，原话是什么？",
        "講話拿人體哪個器官打比方，說明整個機構要靠誰統一指揮四肢？",
    ):
        assert re.search("千条线|千條線|大腦", ask(question).text), question
    # asked for 说法 (several figures) with the images described (缝衣服的工具): not 篇1's figures, which hold
    # neither 针 nor 线 (the 88th's)
    tool = ask("用缝衣服的工具比喻基层办公室承接上面各路任务的说法？")
    assert "上边千条线,下头一根针" in tool.sentences[0].text, tool.text
    # …nor 篇1's 上接“天线”: 线 is no word of 天线 (the 89th's, asking for 缝衣针, got four other figures)
    for question in (
        "用缝衣服的工具比喻基层办公室的说法？",
        "我在找一个把办公室比作缝衣针、把上面各条线的政策穿进去再扎下去落实的说法,原文是怎么讲的?",
    ):
        needle = ask(question)
        assert "上边千条线,下头一根针" in needle.sentences[0].text, needle.text
    # one image of two characters, known (`terms._IMAGE_KINDS`) or quoted, named before 的比喻: a sentence holding it
    # is the figure asked (`terms.pictured`; 耳目的比喻是怎么说的 was refused at 0.877)
    eyes = ask("耳目的比喻是怎么说的？")
    assert "当好领导的“耳目”" in eyes.sentences[0].text, eyes.text


def test_real_one_name_asked_for_is_quoted_alone(real_bot: pipeline.Ragbot) -> None:
    """像一种常备药膏的那个叫法 asks for one name (the 30th blind reader's): 万金油干部, not also another
    speech's 官不大、衙门不小."""
    a = Answerer(real_bot).ask("说办公室干部什么都得懂一点、像一种常备药膏的那个叫法是什么?")
    assert "万金油干部" in a.text, a.text
    assert "衙门不小" not in a.text, a.text
    a = Answerer(real_bot).ask("形容办公室干部要样样都懂一点的那个说法是什么？")  # the 54th's: 那个 named 003
    assert "万金油干部" in a.text, a.text
    # 用一句话讲… asks for one sentence, and its 都有影响 asks for no several (`sayings._ONE_NAME`, `_SEVERAL`): the
    # 138th's got 篇11's 围绕什么中心?… of another speech after 不是中心,但影响中心
    a = Answerer(real_bot).ask("有篇講話用一句話講辦公室雖然自己不拍板，但對決策和中心工作都有影響，原話是怎麼說的？")
    assert "不是中心,但影響中心" in a.text, a.text
    assert len(a.sentences) == 1, a.text
    # 这说法叫什么 asks one name: 万金油干部 without 篇7's 官不大、衙门不小 (the 139th's and 142nd's)
    a = Answerer(real_bot).ask("讲话里拿一种什么病都能抹的药来形容办公室干部，这说法叫什么？是不是在批评人？")
    assert "万金油干部" in a.text, a.text
    assert "不是贬义" in a.text, a.text
    assert "衙门不小" not in a.text, a.text


def test_real_a_word_quoted_in_a_wording_question_keeps_the_clause_saying_it(real_bot: pipeline.Ragbot) -> None:
    """三個“留人” (the 184th blind reader's): the quoted word weighs in the cut as an image does, so the clause
    quoting 事業留人,感情留人,適當待遇留人 is kept without the 住房、夫妻分居… clauses before it."""
    a = Answerer(real_bot).ask("講話裡用三個“留人”來說怎樣穩住辦公室幹部隊伍，原話是什麼？")
    assert "事業留人,感情留人,適當待遇留人" in a.text, a.text
    assert "夫妻分居" not in a.text, a.text


def test_real_words_asked_as_someones_are_the_sentence_saying_they_said_them(real_bot: pipeline.Ragbot) -> None:
    """引了一句古人的话 asks what 古人 said (`sayings._SOURCE`): 篇12's 古人讲:言当其时,一字千金, not 002's 我要送一句话
    (the 145th blind reader's, for the 一句 and 句话 it holds)."""
    a = Answerer(real_bot).ask("讲话里引了一句古人的话，说明信息报送要赶早，那句话原文是什么？")
    assert "言当其时,一字千金" in a.sentences[0].text, a.text
    assert "送一句话" not in a.text, a.text
    # 引用了…一句话 asks for the words (`glosses.WORDING`): the 146th's got them, then the 四快 and 真实 after
    a = Answerer(real_bot).ask("讲信息报送为什么要快的时候，引用了古人一句话，是怎么说的？")
    assert "言当其时,一字千金" in a.sentences[0].text, a.text
    assert "四快" not in a.text, a.text


def test_real_figures_of_speech_question_lists_several_figures(real_bot: pipeline.Ragbot) -> None:
    a = Answerer(real_bot).ask("形容办公室地位重要的比喻说法")
    assert not a.refused
    lines = a.text.split("\n")
    assert lines[0] == "讲话中的说法：", a.text
    points = [x for x in lines[1:] if re.match(r"\d\. ", x)]
    assert 2 <= len(points) <= FIGURES_MAX, a.text
    assert all(FIGURE.search(fold(p)) for p in points), a.text  # each point holds a figure of speech
    assert all(s.supported for s in a.sentences)
    assert len({p.split("[")[0] for p in points}) == len(points)  # no figure twice


def test_real_figures_going_on_in_short_clauses_are_quoted_with_them(real_bot: pipeline.Ragbot) -> None:
    """做好领导的“顺风耳”和“千里眼”,多下“及时雨”,不放“马后炮”: the 54th blind reader's answer stopped at
    千里眼, the clause holding the last figure the pattern knows."""
    a = Answerer(real_bot).ask("有篇講話用了哪些比喻，要求辦公室在資訊收集上給領導及時提供情況？")
    assert "“千里眼”,多下“及時雨”,不放“馬後炮”" in a.text, a.text


def test_real_a_figure_said_of_what_the_question_describes_is_the_answer(real_bot: pipeline.Ragbot) -> None:
    """拿什么东西打比方 asks for the one figure said of these tasks (办公室好比一部机器), not a list of figures."""
    a = Answerer(real_bot).ask("起草、校对、档案、保密这些活儿，讲话拿什么东西打比方？")
    assert not a.refused
    assert "机器" in a.text, a.text
    assert "\n1. " not in a.text, a.text


def test_real_a_clause_pointing_back_comes_with_what_it_points_at(real_bot: pipeline.Ragbot) -> None:
    """都是这部机器上的零部件 points back at 办公室好比一部机器, a clause before it (the 81st blind reader's
    answer began at 文稿起草…, and the reader had to guess the first half: `cuts._referent`)."""
    a = Answerer(real_bot).ask("讲话把办公室整体比成什么东西，又把起草文稿、档案、财务这些具体工作比成什么？")
    assert a.sentences[0].text.startswith("办公室好比一部机器"), a.text


def test_real_the_images_a_question_names_lead_the_figures(real_bot: pipeline.Ragbot) -> None:
    """用针和线打比方: 针 and 线 weigh nothing as search words (one character each), and 办公室好比一部机器
    led (the 26th blind reader's); the saying holding both leads now, with its 一根针 sentence after it."""
    for q in (
        "讲话里用针和线打比方说明各级办公室作用的那句话是什么？",
        "有篇讲话用了一个针和线的比喻来说明办公室的作用,原话是怎么说的?",  # the 51st's: 中枢神经 led
        '有一个用"线"和"针"来比喻上级部门多、基层只有一个办公室来承接的说法,原话是怎么讲的?',  # the 98th's: each quoted
    ):
        a = Answerer(real_bot).ask(q)
        assert "上边千条线,下头一根针" in a.sentences[0].text, a.text
        assert "机器" not in a.text, a.text
    # named with 拿 or 借, in quotes, or as a scene (held-out q377 and q379 led with 专才 and 切忌只对领导讲好话)
    water = Answerer(real_bot).ask("有篇讲话拿“水”打比方，说要让办公室干部进得来、出得去、流动起来，原话是怎么说的？")
    assert "一池活水" in water.sentences[0].text, water.text
    saddle = Answerer(real_bot).ask("有篇講話借騎馬的場景打比方，講辦公室幹部在領導前後該守的分寸，原句是什麼？")
    assert "鞍前不越位,馬後不掉隊" in saddle.sentences[0].text, saddle.text
    # 不能缺席…不能沉默: the cut opens at 在重大问题上不缺位, not at 要充分认识…不可控性 before it, which
    # negates nothing (`cuts._NEGATES`; the 241st's got the whole sentence)
    q = "講教育輿情應對時，有一句強調重大問題上不能缺席、關鍵時刻不能沉默的說法，原文怎麼寫？"
    assert "“在重大問題上不缺位,在關鍵時刻不失語" in Answerer(real_bot).ask(q).text
    # 都不出错 describes 篇6's “三零目标” (`data/glosses.txt`; the 243rd's got two unrelated quotes)
    q = "有篇講話給辦公室定了辦文、辦會、辦事都不出錯的目標,用了一個帶數字的簡稱,原話是怎麼說的?"
    assert "辦事零失誤的“三零目標”" in Answerer(real_bot).ask(q).sentences[0].text
    # 不是工作核心…却会左右核心工作 describes 篇11's 不是中心,但影响中心 (the 246th's got 003's 画了个饼)
    q = "有一句話說辦公室本身不是工作核心、也不拍板做決定,卻會左右核心工作和決定,原話是怎麼寫的?"
    assert "不是中心,但影響中心;不是決策,但影響決策" in Answerer(real_bot).ask(q).sentences[0].text
    # 及时提供而不是事后才报 describes 篇1's 多下“及时雨”,不放“马后炮”, said after the 顺风耳 and 千里眼 the question
    # also describes (`data/glosses.txt`, `cuts.cut`: the 256th's got the first alone)
    # 留住 asks 篇12's “事业留人,感情留人,适当待遇留人” (`synonyms.SAID_AS`: the 264th's got 万金油干部)
    assert (
        "事業留人,感情留人,適當待遇留人"
        in Answerer(real_bot).ask("講話中談到靠哪幾樣東西留住辦公室幹部的那句三段式說法,原文是什麼?").sentences[0].text
    )
    q = "講話裡形容辦公室收集信息要當領導的耳朵和眼睛、信息要及時提供而不是事後才報的說法，原文是怎麼寫的？"
    assert "做好領導的“順風耳”和“千里眼”,多下“及時雨”,不放“馬後炮”" in Answerer(real_bot).ask(q).sentences[0].text
    # 耳聪目明 describes the 顺风耳 and 千里眼, 放炮 the “马后炮” (the 273rd's got 多下“及时雨”,不放“马后炮” alone)
    q = "有篇讲话说办公室要当领导的耳目,用了两个神话里耳聪目明的说法,还用下雨和放炮作比喻,原文怎么写?"
    assert "做好领导的“顺风耳”和“千里眼”,多下“及时雨”,不放“马后炮”" in Answerer(real_bot).ask(q).sentences[0].text


def test_real_a_phrase_the_question_describes_in_quotes_is_not_a_quote_no_speech_has(real_bot: pipeline.Ragbot) -> None:
    """形容办公室干部"职位小但责任大"的那个说法: the asker's words in quotes, not a formulation (`quotes.quoted`);
    the 27th blind reader got a refusal (a quoted phrase no speech holds), now 官不大、衙门不小,职务不高、责任不小."""
    a = Answerer(real_bot).ask('讲话里形容办公室干部"职位小但责任大"的那个说法是什么?')
    assert not a.refused
    assert "官不大、衙门不小" in a.text, a.text
    # …or as what the phrase is like: 有句"鞍前马后"式的话 (the 28th's, refused too) is 鞍前不越位,马后不掉队
    b = Answerer(real_bot).ask('在领导身边前面不抢位置、后面不落下，有句"鞍前马后"式的话，原话是什么？')
    assert "鞍前不越位,马后不掉队" in b.text, b.text
    # …or as what something is compared to or acts as (the 55th's two, refused): 比作…的"前方哨所"和"大后方",
    # 只会当"二传手"
    c = Answerer(real_bot).ask('讲话里把办公室比作党委、政府的"前方哨所"和"大后方"，用的是什么提法？')
    assert "坚强前哨" in c.text, c.text  # (`glosses`: 前方, 后方)
    assert "过时" not in c.text, c.text  # 提法 says how it asks (`scaffold.SCAFFOLD`), not 有的提法已经过时了
    d = Answerer(real_bot).ask('培训会上批评有些办公室干部只会当"二传手"转文件转通知，具体举了哪些表现？')
    assert "机械式转办文件批示" in d.text, d.text


def test_real_a_saying_split_at_semicolons_comes_whole_before_the_comment_on_it(real_bot: pipeline.Ragbot) -> None:
    """有人说,在农耕时代…一辈子;到了工业经济时代,…;到了知识经济时代,只有终生学习才够用一辈子。这个观点有点夸张…:
    the 29th blind reader got the comment alone (这个观点 did not count as pointing back), the 28th two of
    the three; its antecedent is the whole sentence, and 只有…才 closes its own pair (the cut lost it)."""
    a = Answerer(real_bot).ask("講話裡有個說法，比較不同時代讀書能管用多久來說明學習的緊迫性，原話是什麼？")
    for part in ("在農耕時代讀幾年的書可以管用一輩子", "讀十幾年書能夠用一輩子", "只有終生學習才夠用一輩子"):
        assert part in a.sentences[0].text, a.text


def test_real_an_old_saying_said_without_quotation_marks_is_a_saying(real_bot: pipeline.Ragbot) -> None:
    """古人讲:言当其时,一字千金;言背其时,一文不值 quotes no marks: asked for the 古话, the 34th blind reader
    got 古人讲“天道酬勤”, whose marks made it the saying; both halves are the answer."""
    a = Answerer(real_bot).ask("讲话里引用的那句说信息报送要讲时机、话说在点上值千金、说晚了一文不值的古话,原文是什么?")
    assert "言当其时,一字千金;言背其时,一文不值" in a.sentences[0].text, a.text
    assert "天道酬勤" not in a.text, a.text


def test_real_a_figure_said_of_a_short_form_of_the_question_word_is_the_answer(real_bot: pipeline.Ragbot) -> None:
    """调查研究 is said as 调研 where the figure is (有人说,调研是办公室主任的“营养源”); before, 当好领导的
    “耳目”…深入调查研究 led (the eighteenth blind reader's own question)."""
    a = Answerer(real_bot).ask("講話把調查研究比作辦公室主任的什麼？")
    assert "營養源" in a.sentences[0].text, a.text


def test_real_a_nickname_asked_for_is_quoted_without_another_speechs_formulation(real_bot: pipeline.Ragbot) -> None:
    """什么外号 / 什么叫法 ask for a formulation: 甩手掌柜 is quoted, and 篇4's 不该讲的不讲 (which shares
    不问 with 不闻不问) no longer follows it (the seventeenth and eighteenth blind readers)."""
    a = Answerer(real_bot).ask("对具体落实不闻不问、推一下才动一下的人，讲话给他们起了个什么外号？")
    assert "甩手掌柜" in a.sentences[0].text, a.text
    assert "不该讲的不讲" not in a.text, a.text
    # described by what such a person does (原封不动转出去), the sentence quoting a short name answers, alone
    # (dev q465 got 有的机械式转办文件批示,具体情况一问三不知, which quotes none)
    a = Answerer(real_bot).ask("有人把批示、文件原封不動轉出去，自己對後續一概不過問，講話裡給這種人起了個什麼外號？")
    assert "甩手掌櫃" in a.sentences[0].text, a.text
    assert len(a.sentences) == 1, a.text


def test_real_a_question_quoting_the_figure_asks_about_that_one(real_bot: pipeline.Ragbot) -> None:
    """A blind reader's question: it quotes the figure (「一根针」) and asks what its parts stand for."""
    a = Answerer(real_bot).ask("講話把各級辦公室比作「一根針」，「針眼」和「針尖」分別指什麼？")
    assert not a.refused
    assert "針眼" in a.text or "针眼" in a.text, a.text
    assert "\n1. " not in a.text, a.text


def test_real_a_wildcard_before_two_characters_is_every_name_quoted_before_them(real_bot: pipeline.Ragbot) -> None:
    # “某某精神”: the 精神 a speech names in quotes (螺丝钉, 老黄牛, 钉钉子), not the figures of speech of
    # the retrieved speeches (笔杆子, 幕后工作) nor any sentence saying 精神
    a = Answerer(real_bot).ask('讲到默默奉献，讲话里用过哪些"某某精神"的比喻？')
    assert a.text.startswith("讲话中的说法：\n1. "), a.text
    for name in ("绿叶精神", "“螺丝钉”精神", "“老黄牛”精神"):
        assert name in a.text, a.text
    assert "笔杆子" not in a.text
    assert all(s.supported for s in a.sentences)


def test_real_a_figure_goes_on_in_the_next_sentence_that_takes_its_word_up(real_bot: pipeline.Ragbot) -> None:
    # “弹钢琴”的工作方法,就是要讲配合… then “弹钢琴”还有另外一个很重要的方面,…就是要抓住重点: the part asked about
    a = Answerer(real_bot).ask("有没有哪篇讲话拿弹琴打比方，讲抓工作要分主次？原话怎么说的？")
    assert "“弹钢琴”的工作方法" in a.text, a.text
    assert "任何一首曲子都有一个主旋律" in a.text, a.text
    assert a.text.index("讲配合") < a.text.index("主旋律")  # in the speech's order


def test_real_an_antithesis_whose_first_half_names_its_subject_stays_whole(real_bot: pipeline.Ragbot) -> None:
    # 办公室工作不是中心,但影响中心;不是决策,但影响决策: the fourteenth blind reader got the first half alone
    a = Answerer(real_bot).ask("有篇讲话说办公室虽然不是中心、也不拍板决策，但作用很大，原话的提法是怎么说的？")
    assert "办公室工作不是中心,但影响中心;不是决策,但影响决策" in a.text, a.text


def test_real_an_antithesis_asked_for_is_quoted_whole(real_bot: pipeline.Ragbot) -> None:
    # 对仗: the sentence whose ；-halves are parallel, both halves, ahead of sentences sharing 之间 and 的话
    a = Answerer(real_bot).ask("讲话用一句很对仗的话说明办公室和中心工作、和决策之间的关系，原话怎么说？")
    assert a.text.startswith("讲话中的说法：“办公室工作不是中心,但影响中心;不是决策,但影响决策”"), a.text


def test_real_a_figure_asked_for_is_not_followed_by_a_sentence_without_one(real_bot: pipeline.Ragbot) -> None:
    # 办公室好比一部机器 answers; 004's 高看一眼、厚爱一分、严管一层 ranks near it but likens nothing
    a = Answerer(real_bot).ask("民政系统那篇讲话把办公室比作什么？")
    assert a.text.startswith("办公室好比一部机器"), a.text
    assert all(FIGURE.search(fold(s.text)) for s in a.sentences), a.text


def test_real_the_sayings_ending_in_a_quoted_character_are_the_family(real_bot: pipeline.Ragbot) -> None:
    # 好几个「快」: 篇3's five 求快, numbered (the 148th and 149th blind readers got 篇11's 在讲效率的同时… and 篇2's
    # 思想观念要创新); asked of 信息报送, the best speech's 四快, said in one sentence, not 篇3's
    a = Answerer(real_bot).ask("講話裡提高辦公室工作效率講了好幾個「快」，具體是哪幾條？")
    assert all(f"{c}中求快" in fold(a.text) for c in "严实细准稳"), a.text
    a = Answerer(real_bot).ask("信息报送讲了好几个“快”，是哪几个？")
    assert "发现问题快,采编撰写快" in fold(a.sentences[0].text), a.text
    # not the points of the list beside it, 要快速及时。要真实准确。…, most of which say no 快 (`sayings.one_asked`;
    # the 162nd blind reader's 哪几个方面都快 got them)
    a = Answerer(real_bot).ask("报送信息要求速度快，具体是要哪几个方面都快？")
    assert "发现问题快,采编撰写快" in fold(a.sentences[0].text), a.text


def test_real_the_office_s_position_described_is_answered_with_figures(real_bot: pipeline.Ragbot) -> None:
    # 形容办公室地位的说法: the figures said of it (咽喉, 纽带, 中枢…), not 004's 给荣誉,给地位, which says 地位 and
    # likens nothing (a figure asked as 形容 a position, the example without 比喻); 怎么形容 asks for them too
    for q in ("形容办公室地位的说法都有哪些？", "讲话里怎么形容办公室的地位？"):
        a = Answerer(real_bot).ask(q)
        assert "咽喉" in a.text, a.text
        assert "给地位" not in a.text, a.text
        assert len(a.sentences) >= 3, a.text


def test_real_the_figure_said_of_what_is_likened_leads(real_bot: pipeline.Ragbot) -> None:
    # 用什么比喻办公室: the sentence likening 办公室 (办公室好比一部机器), not 004's agenda, which holds 民政 and
    # 办公室 and likens nothing (the 147th blind reader's, asked two ways)
    for q in ("民政那篇讲话用什么比喻办公室？", "民政局長的講話用了什麼比喻來形容辦公室？"):
        a = Answerer(real_bot).ask(q)
        assert "好比一部机器" in fold(a.sentences[0].text), a.text


def test_real_which_parts_of_a_figure_is_answered_with_the_parts(real_bot: pipeline.Ragbot) -> None:
    # 哪些 asks which tasks (the machine's parts), not which figures: the sentence naming them, whole
    a = Answerer(real_bot).ask("讲话把办公室比作一部机器，机器上的零部件指的是哪些工作？")
    assert "文稿起草、文件校核、公文处理" in a.text, a.text


def test_real_a_formulation_described_by_a_rare_word_is_the_one_quoting_it(real_bot: pipeline.Ragbot) -> None:
    # 既不能越位、也不能落后的那句说法 got 作为领导身边的工作人员… (the question's common words); the
    # sentence quoting a phrase that holds its rare word 越位 is the formulation (the twenty-second blind
    # reader's)
    a = Answerer(real_bot).ask("形容辦公室人員在領導身邊既不能越位、也不能落後的那句說法是什麼？")
    assert "鞍前不越位,馬後不掉隊" in a.sentences[0].text, a.text


def test_real_a_formulation_described_at_length_is_found_by_its_gloss(real_bot: pipeline.Ragbot) -> None:
    """A long description (既不能搶到前面去、也不能落在後面) shares few words with 篇7's chunk, which the fused
    ranking left out of the five: the 110th blind reader got 篇4's “三不”. Its gloss's chunk now counts once
    for the formulation and once as the question's anchor (`retrieve.shaped`); 管得更严 is a cue of 严管一层."""
    for question, said, left_out in (
        (
            "有一句話形容辦公室人員跟在領導身邊,既不能搶到前面去、也不能落在後面,原文怎麼寫?",
            "鞍前不越位,馬後不掉隊",
            (),
        ),
        (
            "讲话里有一个三句式的说法,讲领导对办公室的同志要更看重、更爱护,同时管得更严,原话是什么?",
            "高看一眼、厚爱一分、严管一层",
            (),
        ),
        # 说话要算数、决定了就要动手、动手就要做好 (the 196th's got 参谋部…把握十二个字,“情况要明、站位要高、敢于直言”),
        # quoted from the clause quoting it (`cuts.cut`), not from 大家要圍繞…, six clauses before
        (
            "有一篇講話用十二個字要求大家說話要算數、決定了就要動手、動手就要做好,原文怎麼寫?",
            "說了就算、定了就乾、乾就乾好",
            ("情況要明", "一項一項"),
        ),
        # 进来…出去得快、出去得多，形成流动的局面 (the 222nd's got 会有利于一个干部综合水平的提高)
        (
            "讲话里用一个比喻说要让办公室干部进来时素质高、出去得快、出去得多，形成流动的局面，原话怎么说？",
            "高进高出、高进快出、高进多出的一池活水",
            (),
        ),
        # 急的、大的、要紧的、特殊的事情分别怎么办 (the 199th's got 篇4's 立说立办、常事快办、急事急办、特事特办)
        (
            "讲话里对急的、大的、要紧的、特殊的事情分别怎么办,有一句由四个短语组成的说法,原文怎么写?",
            "紧事先办、大事精办、要事稳办、特事特办",
            ("立说立办",),
        ),
    ):
        a = Answerer(real_bot).ask(question)
        assert said in a.sentences[0].text, a.text
        assert not [p for p in left_out if p in a.text], a.text


def test_real_one_saying_likening_the_office_to_a_needle_is_that_one(real_bot: pipeline.Ragbot) -> None:
    # 有个说法把…比作一根针: one saying (有个说法), not every figure the speeches use (办公室好比一部机器,
    # “咽喉”, …; the twenty-second blind reader's)
    a = Answerer(real_bot).ask("有个说法把基层办公室比作一根针、上面对应很多条线，原话是怎么讲的？")
    assert "上边千条线,下头一根针" in a.sentences[0].text, a.text
    assert "一部机器" not in a.text, a.text


def test_real_a_formulation_pointed_back_at_leads_with_the_sentence_saying_it(real_bot: pipeline.Ragbot) -> None:
    # described without its images (缝衣服的东西), the best sentence is 我们常说的这“一根针”,其实就是各级办公室,…,
    # which points back at the saying: the sentence quoting it whole, cut after its clause, leads (the 36th's)
    a = Answerer(real_bot).ask(
        "有篇讲话用缝衣服的东西打比方，说上面各级部门的政策最后都要靠办公室穿过去落下去，这个说法原话是什么？"
    )
    assert "上边千条线,下头一根针" in a.sentences[0].text, a.text
    assert "上传下达" not in a.sentences[0].text, a.text  # cut after the saying's clause
    assert "“针眼”要把上级的各种政策" in a.text, a.text  # what the question describes still follows


def test_real_images_of_a_kind_and_a_quoted_phrase_find_the_wording(real_bot: pipeline.Ragbot) -> None:
    """天气和打仗的比喻 names images by their kinds (`terms.images`: 雨, 炮): 多下“及时雨”,不放“马后炮” both (the 225th got
    不放“马后炮” alone); a phrase quoted as it is said, no jieba word, is the sentence asked for (`terms.rare_held`:
    “一池活水”的说法 was refused at 0.878); 讲话里有没有说法 asks whether it speaks of it, no wording (the 226th's
    送礼拜年 got 送不送礼啊 quoted, 拜不拜年啊 dropped)."""
    a = Answerer(real_bot).ask("有篇講話用天氣和打仗的比喻,說信息工作要及時、不要事後才報,原話是怎麼寫的?")
    assert "多下“及時雨”,不放“馬後炮”" in a.sentences[0].text, a.text
    b = Answerer(real_bot).ask("“一池活水”的说法是怎么说的？")
    assert "高进高出、高进快出、高进多出的一池活水" in b.text, b.text
    c = Answerer(real_bot).ask("逢年过节要不要给领导送礼、去拜年?讲话里有没有说法?")
    assert "拜不拜年啊" in c.text, c.text
    assert not c.text.startswith("讲话中的说法"), c.text


def test_real_a_formulation_described_by_two_things_gets_one_for_each(real_bot: pipeline.Ragbot) -> None:
    """又苦又是幕后工作 (the 41st blind reader's): 篇8's “幕后工作” sentence and, 0.03 lower, its “三苦”
    sentence of the same paragraph, which the answer left out."""
    a = Answerer(real_bot).ask("講話裡用什麼說法來形容辦公室這個崗位又苦又是幕後工作？")
    assert "幕後工作" in a.text, a.text
    assert "三苦" in a.text, a.text


def test_real_what_a_quoted_name_means_asked_with_this_word_gets_its_definition(real_bot: pipeline.Ragbot) -> None:
    """要当"万金油干部",这话到底是褒是贬、什么意思 (the 41st blind reader's) got 不是贬义 alone; 这话 asks the
    meaning of the name quoted before, which 002 gives as 博览群书、博学多才,这就是通常所说的“万金油干部”."""
    a = Answerer(real_bot).ask('讲话里说办公室干部要当"万金油干部"，这话到底是褒是贬、什么意思？')
    assert "不是贬义" in a.text, a.text
    assert "博览群书、博学多才" in a.text, a.text
    # 是什么样的人 asks no meaning, yet 所谓“万金油干部”… takes up a term the sentence before brought in (the 94th's)
    a = Answerer(real_bot).ask("讲话里说的万金油干部是什么样的人？")
    assert "博览群书、博学多才,这就是通常所说的“万金油干部”" in a.text, a.text


def test_real_why_of_a_quoted_name_called_this_name_gets_the_reason(real_bot: pipeline.Ragbot) -> None:
    """为什么…说“万金油干部”这个叫法…不是贬义 quotes the name and asks why: the 117th blind reader got only
    所谓“万金油干部”…不是贬义, as for a wording asked; the reason is 002's 办公室是综合办事机构…博学多才.
    Unquoted, 这个说法是什么 still asks the wording (held-out q417)."""
    ask = Answerer(real_bot).ask
    for q in (
        "为什么讲话说“万金油干部”这个叫法对办公室的人不是贬义？",
        "為什麼講話說「萬金油幹部」這種叫法對辦公室的人不是貶義？",
    ):
        a = ask(q)
        assert "博览群书" in fold(a.text), a.text
        assert "综合" in fold(a.sentences[0].text), a.text


def test_real_a_story_or_a_poems_lines_described_are_told_not_refused(real_bot: pipeline.Ragbot) -> None:
    """The 42nd blind reader's two, both retrieved first and refused under the threshold (the fable's 故事
    also as a thing no speech names): a sentence telling a story or quoting a poem (像…那样, 诗云“…”) that
    holds one of the question's rare words answers; a story or a poet no speech has is still refused."""
    ask = Answerer(real_bot).ask
    fable = ask("修地方志那篇讲话用了一个寓言故事提醒大家别骄傲,是哪个故事,怎么说的?")
    assert "骄傲的兔子那样与乌龟赛跑" in fable.sentences[0].text, fable.text
    # asked which story without a word it holds (松劲, not 骄傲): the sentence telling one (`compose._WHICH_TALE`);
    # before, 我省修志工作开展20多年来… and two other sentences
    fable = ask("地方志那篇讲话用了哪个寓言故事，提醒大家首轮修志领先了也不能松劲？")
    assert "骄傲的兔子那样与乌龟赛跑" in fable.sentences[0].text, fable.text
    poem = ask("有篇講話引了一位古代詩人的句子來說明寫東西要反覆推敲,引的是哪兩句?")
    assert "二句三年得,一吟雙淚流" in poem.sentences[0].text, poem.text
    for question in ("讲话里讲了哪个关于司马光的故事？", "讲话里引了李白的哪两句诗？"):
        assert ask(question).refused, question


def test_real_the_original_meaning_asked_is_a_wording_question(real_bot: pipeline.Ragbot) -> None:
    """原意是什么 asks for the speech's words as 原话 does: the 42nd blind reader's 拿不同时代读书能管用多久…
    原意是什么 was a question of how long (多久) and got 到了工业经济时代… alone; now the series' outer clauses
    are quoted (its middle one is not yet: a ；-series is still cut)."""
    question = "有段话拿不同时代读书能管用多久来说明要终身学习,原意是什么?"
    assert kind(question) == "wording"
    a = Answerer(real_bot).ask(question)
    assert "在农耕时代读几年的书可以管用一辈子" in a.text, a.text
    assert "只有终生学习才够用一辈子" in a.text, a.text


def test_a_wildcard_on_both_sides_of_two_characters_is_a_formula_said_in_a_row() -> None:
    [[formula]] = anchors("那串“X则必X”的说法是什么？")
    assert formula.search("做到批则必查,查则必清,清则必办,办则必果")
    assert formula.search("要做到批则必查、查则必清")
    assert not formula.search("有则必改,无则加勉")  # said once: not the formula


def test_real_a_described_formula_of_a_quoted_shape_is_the_saying_of_that_shape(real_bot: pipeline.Ragbot) -> None:
    """“X则必X”: 篇5's 批则必查,查则必清,清则必办,办则必果 is the answer, alone (the 45th blind reader's led with
    篇5's 重要查办事项办结后,要举一反三…, which holds the question's 查办事项 but no such saying)."""
    a = Answerer(real_bot).ask(
        "移民系统办公室那篇讲话里，形容查办领导交办事项要环环相扣、一查到底的那串“X则必X”的说法是什么？"
    )
    assert "批则必查,查则必清,清则必办,办则必果" in a.sentences[0].text, a.text
    assert "举一反三" not in a.text, a.text


def test_real_a_set_phrase_described_in_plain_words_is_found_and_quoted(real_bot: pipeline.Ragbot) -> None:
    """A drafter describes the phrase she wants (`glosses`): 没有周末、白天晚上连轴转 is “5+2”、“白+黑”, 既不
    越权抢位、也不落在后面 is 鞍前不越位,马后不掉队, 既在前方又管后方 is 坚强前哨 and 巩固后院 (the 55th and
    56th blind readers' got sentences about hard work, or about the office as the party's face)."""
    answerer = Answerer(real_bot)
    a = answerer.ask("形容办公室同志没有周末、白天晚上连轴转的那个说法，讲话里是怎么写的？")
    assert "“5+2”、“白+黑”" in a.sentences[0].text, a.text
    b = answerer.ask("想找一句話形容辦公室人員在領導身邊既不越權搶位、也不落在後面，講話裡有現成的說法嗎？")
    assert "鞍前不越位,馬後不掉隊" in b.sentences[0].text, b.text
    front = answerer.ask("形容辦公室人員既不搶到領導前面、也不落在後面的原話?")  # the 60th's: 51st by fusion
    assert "鞍前不越位,馬後不掉隊" in front.sentences[0].text, front.text
    short = answerer.ask("不越權也不落後的說法")  # found at 1st (4th before); quoted from its clause, not 這樣的…
    assert "真正做到“鞍前不越位,馬後不掉隊”" in short.sentences[0].text, short.text
    assert "這樣的工作性質" not in short.text, short.text
    c = answerer.ask("讲话里用什么说法来形容办公室对党委、政府既在前方又管后方的地位？")  # 001's or 篇1's saying
    assert re.search('["“]坚强前哨["”]和["“]巩固后院', c.sentences[0].text), c.text
    d = answerer.ask("开班讲话批评有些同志收到通知、批示原样转来转去、不管落实，用了什么说法形容？")
    assert "机械式搬运工" in d.sentences[0].text, d.text
    post = answerer.ask(
        '形容办公室对党委政府来说"既在前面站岗放哨、又在后面守好家"的提法,原话是怎么说的?'
    )  # the 59th's
    assert re.search('["“]坚强前哨["”]和["“]巩固后院', post.sentences[0].text), post.text  # the clause saying it
    # 两个…称谓: the sentence quoting two answers alone (`sayings._NAMES_ASKED`; the 201st's got 排头兵 after it)
    two = answerer.ask("培训会开班讲话希望把办公室建设成党委、政府的什么？那是两个带比喻的称谓，原话怎么写？")
    assert re.search('["“]坚强前哨["”]和["“]巩固后院', two.sentences[0].text), two.text
    assert len(two.sentences) == 1, two.text
    f = answerer.ask("讲话里用什么说法形容对办公室同志要既关心又严格管理?")  # the 57th's, and the 58th's below
    assert "高看一眼、厚爱一分、严管一层" in f.sentences[0].text, f.text
    f = answerer.ask("民政讲话要求领导对办公室同志既要重视关爱又要从严要求，用的是哪句三段式的话？")  # the 107th's
    assert "高看一眼、厚爱一分、严管一层" in f.sentences[0].text, f.text  # got the 三种意识
    f = answerer.ask('讲话要求各级民政部门领导对办公室同志多关心，用了三个"一"组成的说法，原话是什么？')  # 111th's
    assert "高看一眼、厚爱一分、严管一层" in f.sentences[0].text, f.text  # one cue group and three 一: got 讲真话
    f = answerer.ask("領導對辦公室同志要看得重、愛得多、管得嚴，原文怎麼說？")  # 看得重 (the 291st's got 篇11's)
    assert "高看一眼、厚愛一分、嚴管一層" in f.sentences[0].text, f.text
    g = answerer.ask("講話裡用什麼說法形容辦公室的服務工作一旦出錯就會影響全局?")
    assert "牽一髮而動全身" in g.sentences[0].text, g.text
    h = answerer.ask("形容领导交办的事情必须办、办了要有结果、有了结果还要报告的那个三连短语是什么？")
    assert "交必办、办必果、果必报" in h.sentences[0].text, h.text
    e = answerer.ask("周末和晚上加班的同志有什么补贴？")  # asks no phrase: not taken to the sentence saying “5+2”
    assert "5+2" not in e.text, e.text
    assert "关心和爱护办公室的同志" not in e.text, e.text  # that sentence, cut without the phrase


def test_real_a_four_character_name_asked_is_the_quoted_one(real_bot: pipeline.Ragbot) -> None:
    """那个四字说法 asks for a name of four characters, which the speech quotes ("甩手掌柜"): the 73rd blind
    reader got 对落实情况如何不闻不问 first, a sentence sharing the description's words."""
    a = Answerer(real_bot).ask(
        "培训开班讲话里,用来形容那种只管转手、推一下动一下、对落实情况不管不问的人的那个四字说法是什么?"
    )
    assert "甩手掌柜" in a.sentences[0].text, a.text


def test_real_a_figure_asked_by_its_point_leads_with_the_saying_pointed_back_at(real_bot: pipeline.Ragbot) -> None:
    """用什么比喻说明上级各种部署最终都要靠基层办公室来落实 (the 80th blind reader's; the 79th's too): the best
    sentence restated the point and quoted no figure; 我们常说的这“一根针”,… ranks 0.03 below it and points back
    at 我们常说“上边千条线,下头一根针”, which now leads (`sayings._pointing_back`)."""
    a = Answerer(real_bot).ask("讲话用什么比喻说明上级各种部署最终都要靠基层办公室来落实？")
    assert "上边千条线,下头一根针" in a.sentences[0].text, a.text
    assert "针眼" in a.text, a.text


def test_real_figures_asked_by_what_they_warn_against_lead_with_the_one_described(real_bot: pipeline.Ragbot) -> None:
    """用哪些比喻说明…要及时提供信息、不要事后才报 (the 80th blind reader's): 事后 describes “马后炮” (data/glosses.txt),
    which retrieval missed; its sentence, with “顺风耳”“千里眼”“及时雨”, is now the answer, where 幕后工作, 笔杆子
    and 左右手 were."""
    a = Answerer(real_bot).ask("講話用哪些比喻說明辦公室要給領導及時提供信息、不要事後才報？")
    assert "不放“馬後炮”" in a.sentences[0].text, a.text


def test_real_the_81st_readings_figure_and_counted_formulation(real_bot: pipeline.Ragbot) -> None:
    """缝纫用的东西 names 针 and 线 as 缝衣服用的 does (`terms._IMAGE_KINDS`): the 81st blind reader got 004's
    机器; 哪几方面“求快” asks for the points each naming 求快 as 哪几个“求快” does (`quotes.kind_asked`): the
    81st got 为全县经济社会又好又快发展… from the question's own 又快又好."""
    bot = Answerer(real_bot)
    a = bot.ask("讲话拿缝纫用的东西打了个比方来说明各级办公室的作用，是怎么比的？")
    assert "上边千条线,下头一根针" in a.sentences[0].text, a.text
    b = bot.ask("想让办公室工作又快又好，讲话提出要从哪几方面“求快”？")
    assert [s.text for s in b.sentences][1:3] == ["1. 严格要求,严中求快。", "2. 求真务实,实中求快。"], b.text


def test_real_a_figurative_saying_asked_for_is_not_about_形象(real_bot: pipeline.Ragbot) -> None:
    """哪些形象说法 asks how a thing is said (the 81st blind reader's got 写材料…是办公室的“脸面” third, for its
    形象工作): 形象 there is how the question asks (`scaffold.scaffolding`)."""
    a = Answerer(real_bot).ask("讲话用了哪些形象说法，要求办公室在信息上当好领导的耳目、要提前报而不是事后报？")
    assert "马后炮" in a.text, a.text
    assert "脸面" not in a.text, a.text


def test_real_a_jingle_asked_for_is_a_wording_question(real_bot: pipeline.Ragbot) -> None:
    """顺口溜 asks for a formulation, as 说法 does, and weighs nothing (`glosses.WORDING`, `scaffold.SCAFFOLD`):
    without them the question was refused (no speech says 顺口溜), and dev q471 got 钉子精神."""
    a = Answerer(real_bot).ask("事情多了要分轻重缓急，讲话里那句带四个“办”字的顺口溜是怎么说的？")
    assert not a.refused, a.text
    assert "紧事先办、大事精办、要事稳办、特事特办" in a.sentences[0].text, a.text


def test_real_a_figure_described_by_its_images_is_quoted(real_bot: pipeline.Ragbot) -> None:
    """身材高大和矮小 describe 思想的巨人,行动的矮子 (data/glosses.txt; the 82nd blind reader's got 篇8's
    “不会写”, which has 不会 but no figure)."""
    a = Answerer(real_bot).ask("講話裡用身材高大和矮小來比喻那種只會想、不會做的人，原話是怎麼說的？")
    assert "思想的巨人,行動的矮子" in a.sentences[0].text, a.text


def test_real_a_spirit_described_by_its_image_is_quoted(real_bot: pipeline.Ragbot) -> None:
    """衬托花朵的叶子 describes 绿叶精神 (data/glosses.txt; the 98th blind reader's got 甘做人梯、淡泊名利 and
    甘当无名英雄, which say what it means but are not the phrase a drafter wants)."""
    a = Answerer(real_bot).ask(
        "想找一個形容辦公室人員像襯托花朵的葉子一樣、不講名利甘當配角的精神的說法,講話裡是怎麼寫的?"
    )
    assert "綠葉精神" in a.sentences[0].text, a.text


# a set phrase described in plain words (data/glosses.txt), in each script: the formulation leads, and what a blind
# reader got instead is gone (None: the question was refused)
_DESCRIBED = [
    # 听得远、看得远: the 118th's shared no word with 篇1's “顺风耳”和“千里眼” and got 篇8's 领导看得也是最清楚的
    ("講話用了哪兩個神話裡的說法，形容辦公室要替領導聽得遠、看得遠", "千里眼", "最清楚"),
    ("形容办公室替领导看得远的那个说法", "千里眼", "最清楚"),
    # 耳朵和眼睛: the 145th's got 篇11's 当好领导的“耳目” and 篇5's 窗口…桥梁和纽带 for 哪两个说法
    ("有篇講話說辦公室在收集信息上要當領導的「耳朵」和「眼睛」，用的是哪兩個說法？", "顺风耳", "桥梁"),
    # 讲速度 as 快: the 120th's got 003's 事事有结果、件件有回音, not 篇12's “四快”
    ("講信息報送要求從發現到反饋每個環節都要講速度,那個提法", "四快", "事事有"),
    ("信息报送从发现问题到反馈落实都要讲速度,讲话里的提法是什么", "四快", "事事有"),
    # 很多条线…一根针: the 121st's was refused, 003's “上边千条线,下头一根针” first among the closest passages
    ("有个说法讲上面有很多条线、到下面只剩一根针，原话怎么说？", "千条线", None),
    ("有個說法講上面有很多條線、到下面只剩一根針，原話怎麼說？", "千条线", None),
]


@pytest.mark.parametrize(("question", "quoted", "instead"), _DESCRIBED)
def test_real_a_set_phrase_described_in_plain_words_is_quoted(
    real_bot: pipeline.Ragbot, question: str, quoted: str, instead: str | None
) -> None:
    a = Answerer(real_bot).ask(question)
    assert not a.refused, a.text
    assert quoted in fold(a.sentences[0].text), a.text
    if instead is not None:
        assert instead not in fold(a.text), a.text


def test_real_asked_what_a_formulation_means_the_sentence_bringing_it_in_comes_first(real_bot: pipeline.Ragbot) -> None:
    """比作…常用药,这个说法是什么意思?是贬义吗? (the 92nd blind reader's) got 所谓“万金油干部”,…不是贬义 alone: the
    sentence before it, which brought the term in, says what it means (博览群书、博学多才), whole, first."""
    a = Answerer(real_bot).ask("讲话里把办公室干部比作一种什么地方都能抹的常用药,这个说法是什么意思?是贬义吗?")
    assert "博览群书、博学多才" in a.text, a.text
    assert a.text.index("博学多才") < a.text.index("不是贬义"), a.text


def test_real_a_figure_named_by_its_images_is_answered_by_the_sentences_holding_them(real_bot: pipeline.Ragbot) -> None:
    """講話用騎馬打比方 (the 93rd blind reader's) led with a sentence on 协调 before 鞍前不越位,馬後不掉隊: the
    sentences saying the images named (鞍, 马) answer, alone."""
    a = Answerer(real_bot).ask("講話用騎馬打比方，說辦公室人員在領導前後應該怎樣？")
    assert "鞍前不越位,馬後不掉隊" in a.text, a.text
    assert "協調" not in a.text, a.text


def test_real_a_family_of_sayings_quoted_with_wildcards_between_characters(real_bot: pipeline.Ragbot) -> None:
    """“X事X办”的四句话 (the 99th blind reader's) got 003's 临时性专项工作 and 篇11's three: wildcards between single
    characters are sayings of that shape in a row, as many as the question counts (002's 紧事先办…特事特办)."""
    a = Answerer(real_bot).ask("安排工作时要按紧急、重大、重要、特殊分别对待，有一组“X事X办”的四句话，原文怎么写？")
    assert "紧事先办、大事精办、要事稳办、特事特办" in a.text, a.text
    assert "到手即办" not in a.text, a.text


def test_real_a_family_asked_of_a_named_speech_is_that_speechs(real_bot: pipeline.Ragbot) -> None:
    """民政局那篇讲话说办公室是全局的哪几个“中心” (the 133rd blind reader's) got 篇7's 指挥中心、信息中心和协调服务中心
    as a family of “…中心” sayings: 004, which 民政局 names, says 信息中心、服务中心、参谋中心、运转中心和指挥中心."""
    for q in ('民政局那篇讲话说办公室是全局的哪几个"中心"?', "民政局那篇講話說辦公室是全局的哪幾個「中心」？"):
        a = Answerer(real_bot).ask(q)
        assert "信息中心、服务中心、参谋中心、运转中心和指挥中心" in fold(a.text), a.text
        assert all(c.file.startswith("004") for c in a.citations), a.text


def test_real_leaders_at_every_level_are_no_person_whose_talk_the_speeches_lack(real_bot: pipeline.Ragbot) -> None:
    """要求各级领导对办公室同志既要多关心又要严格要求…的说法 (the 100th blind reader's) was refused: 各级领导 was read
    as a person with a title whose talk no text holds (`who.unattributed`); it is 004's 高看一眼、厚爱一分、严管一层."""
    a = Answerer(real_bot).ask(
        "讲话里要求各级领导对办公室同志既要多关心又要严格要求,用了一句由三个短语组成的说法,原文怎么说?"
    )
    assert "高看一眼、厚爱一分、严管一层" in a.text, a.text


def test_real_the_head_of_a_body_is_no_person_whose_talk_the_speeches_lack(real_bot: pipeline.Ragbot) -> None:
    """民政局长要求各级领导对办公室同志既看重、爱护又严管 (the 112th blind reader's) was refused: 民政 was looked for
    as the person's name without the title, and 民政 names no one who asks anything; 民政局长 heads 民政局."""
    answerer = Answerer(real_bot)
    for q in (
        "民政局长要求各级领导对办公室同志既看重、爱护又严管，原话怎么说？",
        "民政局局長要求各級領導對辦公室同志既看重、愛護又嚴管，原話怎麼說？",
    ):
        a = answerer.ask(q)
        assert "高看一眼" in fold(a.text), a.text


def test_real_a_formulation_is_quoted_from_the_clauses_that_hold_it(real_bot: pipeline.Ragbot) -> None:
    """Among a sentence's quoted formulations, the one in the clauses the question's words pick out is the
    one asked for: the 106th blind reader got 三零目标 and 坚强前哨 at the end of long sentences opening with
    “三个服务” and “五种意识”. The cut stops after it, but not at a clause setting up the next (对…来讲,) nor
    at one too short to read alone (可以说是“5+2”、“白+黑”: nothing was said, and the answer was refused)."""
    answerer = Answerer(real_bot)
    a = answerer.ask("县政府办公室提出办文、办会、办事都不能出错，这个目标讲话里叫什么？")
    assert a.sentences[0].text == "讲话中的说法：「实现办文零差错、办会零纰漏、办事零失误的“三零目标”」。", a.text
    b = answerer.ask("讲话用什么说法来形容要把办公室建成党委、政府的前方和后方？")
    assert b.sentences[0].text == "讲话中的说法：「努力建成教育系统党委行政的“坚强前哨”和“巩固后院”」。", b.text
    c = answerer.ask("机关里样样都懂一些的通才型人员被人起了个外号，这种叫法有看不起人的意思吗？")
    assert "对办公室的同志来讲,不是贬义,而是工作要求" in c.text, c.text
    d = answerer.ask("講話裡常用兩個像算式一樣的說法，形容辦公室人員白天連著夜裡、工作日連著週末地幹，是哪兩個？")
    assert not d.refused, d.text
    assert "“5+2”、“白+黑”" in d.text, d.text


def test_real_the_108th_and_109th_readings_described_formulations_are_found(real_bot: pipeline.Ragbot) -> None:
    """Set phrases a drafter describes instead of quoting: a number for three qualities named (又累又难又穷: “三苦”
    岗位, not 重、苦、杂、难 with no number, nor “5+2” or “三大短板”), the four kinds of matters (紧事先办…),
    the 即-series a formulation names (“四快”,即发现问题快,…,反馈落实快: it stopped at 发现问题快), and two
    glossed ones the plain words missed (掉在后面; 管理)."""
    answerer = Answerer(real_bot)
    for question, said in (
        ("讲话里用一个带数字的说法概括办公室岗位又累又难又穷的特点,这个说法是什么?", "辛苦、艰苦、清苦的“三苦”岗位"),
        (
            "讲协调工作时，有一句按事情的急、大、要、特四类分别对待的四字排比，原话怎么说？",
            "紧事先办、大事精办、要事稳办、特事特办",
        ),
        (
            '講信息報送要快的時候，有一個從發現問題一直到反饋落實都要"快"的提法，原文是什麼？',
            "“四快”,即发现问题快,采编撰写快,送阅审批快,反馈落实快",
        ),
        ("有一句对仗的话，形容办公室人员跟随领导时既不抢到前面也不掉在后面，原话怎么说？", "鞍前不越位,马后不掉队"),
        (
            '讲到领导要关心办公室同志时，有个说法是在"看待""关爱""管理"上各加一点分量，原话是什么？',
            "高看一眼、厚爱一分、严管一层",
        ),
    ):
        a = answerer.ask(question)
        assert said in fold(a.sentences[0].text), a.text
        assert all(s.supported for s in a.sentences)


def test_real_a_set_phrase_asked_by_its_count_and_quoted_character_is_said_with_what_it_announces(
    real_bot: pipeline.Ragbot,
) -> None:
    """三個「不」 names 篇4's “三不” (`terms.COUNTED_QUOTE`): the 135th blind reader's got 三個特別 first, on 三個
    and 縣委. Quoted, the formulation is said with what its colon announces (要做到“三不”:不該講的不講、…), not
    cut at “三不”; 四个“快” is 篇12's “四快”, not 四个表率 (four points)."""
    answerer = Answerer(real_bot)
    for question in (
        "縣委辦主任要求在領導身邊做事的人要做到三個「不」,原話是怎麼說的?",
        "在领导身边工作要做到“三不”,原话怎么说",
    ):
        a = answerer.ask(question)
        assert "要做到“三不”:不该讲的不讲、不该问的不问、不该听的不听" in fold(a.sentences[0].text), a.text
    b = answerer.ask("办公室的人要做到四个“快”，具体是哪四快")
    assert "发现问题快,采编撰写快,送阅审批快,反馈落实快" in fold(b.sentences[0].text), b.text
    # three words each with the character: 篇8's “三苦” (the 138th's got 篇7's 缺乏做艱苦工作的思想準備 first)
    c = answerer.ask("有篇講話說辦公室是個苦差事，用了三個帶「苦」字的詞來形容，是哪三個？")
    assert "辛苦、艰苦、清苦" in fold(c.sentences[0].text), c.text


def test_real_官不大衙门不小_is_found_by_what_it_glosses(real_bot: pipeline.Ragbot) -> None:
    """级别不高但分量很重 describes 篇7's 官不大、衙门不小,职务不高、责任不小 (data/glosses.txt): the 139th blind reader's
    got 002's 我要送一句话… for it; the 283rd's 地位和責任很大 got 篇12's 要帶著對辦公室幹部的深厚感情…"""
    for q in (
        "有篇講話用一句話形容辦公室幹部級別不高但分量很重，原話是什麼？",
        "有篇講話形容辦公室幹部級別不高但地位和責任很大,用了一句對仗的俏皮話,原話是什麼?",
    ):
        a = Answerer(real_bot).ask(q)
        assert "官不大、衙门不小,职务不高、责任不小" in fold(a.sentences[0].text), a.text


@pytest.mark.slow
def test_real_三苦_is_found_by_what_it_glosses(real_bot: pipeline.Ragbot) -> None:
    """又苦又累还清贫 describes 篇8's “三苦” (辛苦、艰苦、清苦; data/glosses.txt): without its gloss, 淇县's
    sentence saying 生活清贫 led."""
    a = Answerer(real_bot).ask("办公室岗位又苦又累还清贫,讲话里怎么形容的")
    assert "辛苦、艰苦、清苦的“三苦”岗位" in fold(a.sentences[0].text), a.text


@pytest.mark.slow
def test_real_the_needle_figure_is_found_by_threading(real_bot: pipeline.Ragbot) -> None:
    """穿针 describes 003's “上边千条线,下头一根针” and its “针眼”要把上级的各种政策…穿进去 (data/glosses.txt),
    and 穿针的比方 asks for a figure (`glosses.WORDING`): the 130th blind reader's was answered with a list of
    why the office matters, and asked alone it was declined. 好多部门…全靠办公室一个口子 describes it too: the
    131st's got 001's 一开了事、虎头蛇尾."""
    answerer = Answerer(real_bot)
    for question in (
        "那个穿针的比方是怎么讲的?",
        "講話裡穿針的比喻是怎麼說的？",
        "大意是上面好多部门布置工作、到了下面全靠办公室一个口子去落实，原话是怎么说的？",  # the 131st's
    ):
        a = answerer.ask(question)
        assert "上边千条线,下头一根针" in fold(a.sentences[0].text), a.text
        assert "针眼" in fold(a.text), a.text


@pytest.mark.slow
def test_real_three_things_described_get_a_formulation_for_each(real_bot: pipeline.Ragbot) -> None:
    """又累又难又穷 (the 128th blind reader's 有个专门的叫法) got 重、苦、杂、难 and 繁、杂、忙, which say 累 and 难:
    穷 is a cue word of 篇8's “三苦” alone (data/glosses.txt), so its sentence follows."""
    a = Answerer(real_bot).ask("有篇讲话把办公室说成一个又累又难又穷的岗位,有个专门的叫法,是什么?")
    assert "重、苦、杂、难" in a.text, a.text
    assert "辛苦、艰苦、清苦的“三苦”岗位" in fold(a.text), a.text


@pytest.mark.parametrize(
    "question",
    [
        '讲话里说办公室是个吃苦的岗位，还概括成了几个"苦"，具体是哪几个？',
        "辦公室工作有好幾種「苦」，講話裡是怎麼說的？",
    ],
)
def test_real_which_sayings_say_one_character_is_the_run_of_terms_ending_in_it(
    real_bot: pipeline.Ragbot, question: str
) -> None:
    """几个“苦” (the 165th blind reader's) got 篇11's “重、苦、杂、难”, and 好幾種「苦」 篇2's 能吃苦 numbered beside
    the 三苦: 篇8's 辛苦、艰苦、清苦的“三苦”岗位 says the character in three terms in a row (`sayings._thrice`)."""
    a = Answerer(real_bot).ask(question)
    assert "辛苦、艰苦、清苦" in fold(a.text), a.text
    assert "重、苦、杂、难" not in fold(a.text), a.text
    assert "能吃苦" not in fold(a.text), a.text


def test_real_which_steps_all_say_one_character_is_the_run_of_them(real_bot: pipeline.Ragbot) -> None:
    """哪几个环节都要快 (the 166th blind reader's) got 篇6's 各个环节…缩小时间差: 篇12's 发现问题快,采编撰写快,… says 快
    in a run of terms (`sayings.runs_first`)."""
    a = Answerer(real_bot).ask("信息报送讲究快，讲话里具体要求哪几个环节都要快？")
    assert "发现问题快,采编撰写快,送阅审批快,反馈落实快" in fold(a.sentences[0].text), a.text


def test_real_a_numeral_asked_in_words_is_said_in_digits(real_bot: pipeline.Ragbot) -> None:
    """中辦有一套二十四個字的精神，是哪二十四個字 (the 167th blind reader's) led with 篇4's 縣委十屆一次全會…精神: 二十四个
    is the speech's 24字精神 (`kinds.in_digits`, read by `asks.coverage`)."""
    a = Answerer(real_bot).ask("縣委辦那篇講話提到中辦有一套二十四個字的精神，是哪二十四個字？")
    assert "忠诚为要、卓越为先、创新为源、拼搏为荣、奉献为上、自律为基" in fold(a.sentences[0].text), a.text


def test_real_one_sentence_of_the_ancients_asked_is_that_one_alone(real_bot: pipeline.Ragbot) -> None:
    """引用了一句古人的話…原話是什麼 (the 168th blind reader's) got 篇12's 言當其時,一字千金 and then 002's 古人讲“天道酬勤”:
    一句古人的话 asks for one sentence, as 一句话 does (`sayings._ONE_NAME`)."""
    a = Answerer(real_bot).ask(
        "講信息要及時的時候，講話引用了一句古人的話，說話趕上時候和錯過時候價值差別很大，原話是什麼？"
    )
    assert "言當其時,一字千金;言背其時,一文不值" in a.sentences[0].text, a.text
    assert "天道酬勤" not in a.text, a.text
    assert len(a.sentences) == 1, a.text


def test_real_three_clauses_opening_with_the_character_asked_may_be_joined_by_enumeration_commas(
    real_bot: pipeline.Ragbot,
) -> None:
    """三个"不"的要求，管住嘴、不打听 (the 169th blind reader's) got 篇7's 不迁就,不得过且过,…: 篇4's 不该讲的不讲、不该问的
    不问、不该听的不听 opens three clauses with 不 joined by 、 (`quotes.counted_quotes`)."""
    a = Answerer(real_bot).ask('讲话对在领导身边工作的同志提了三个"不"的要求，管住嘴、不打听，原话是什么？')
    assert "不该讲的不讲、不该问的不问、不该听的不听" in fold(a.sentences[0].text), a.text
    assert "不迁就" not in fold(a.text), a.text


def test_real_one_formulation_asked_is_that_one_alone(real_bot: pipeline.Ragbot) -> None:
    """用了一个三句话的说法，原话是什么 (the 172nd blind reader's) got 004's 高看一眼、厚爱一分、严管一层 and then its
    强化“三种意识”: 一个…说法 asks for one, and 的说法 inside it asks no several (`sayings._ONE_NAME`)."""
    for q in (
        "民政局那篇讲话要求领导怎样对待办公室的同志，用了一个三句话的说法，原话是什么？",
        "民政系统那篇讲话结尾，要求各级领导怎么对待办公室的同志？用了三个短句，原话是什么？",  # the 173rd's
        # 短语 asks for wording (`glosses.WORDING`): the 182nd's got 002's 把好廉洁关
        "讲话要求各级领导对办公室的同志既要看重、又要关爱、还要从严管理,用的是哪三个四字短语?",
    ):
        a = Answerer(real_bot).ask(q)
        assert "高看一眼、厚爱一分、严管一层" in a.sentences[0].text, a.text
        assert "三种意识" not in a.text, a.text
        assert len(a.sentences) == 1, a.text
    # 由六个短句组成, 那段…精神 ask for that one too (the 271st's got 培養辦公室幹部…的精神 after it)
    for q in (
        "有篇講話引用了中央辦公廳對辦公室幹部的那段二十四字精神，由六個短句組成，原文怎麼寫？",
        "有篇講話引用了中央辦公廳對辦公室幹部的那段二十四字精神，原文怎麼寫？",
    ):
        a = Answerer(real_bot).ask(q)
        assert "忠誠為要、卓越為先、創新為源、拼搏為榮、奉獻為上、自律為基" in a.sentences[0].text, a.text
        assert len(a.sentences) == 1, a.text
    # 这四个字是什么 asks for one too (the 278th's got “五个坚持”…概括 after 重、苦、杂、难)
    a = Answerer(real_bot).ask("有篇講話引用了對辦公室工作特點的四個字概括,這四個字是什麼?")
    assert "重、苦、雜、難" in a.sentences[0].text, a.text
    assert len(a.sentences) == 1, a.text


def test_real_so_many_phrases_in_a_row_are_a_run_of_that_many(real_bot: pipeline.Ragbot) -> None:
    """一组四个排比短语 (the 179th blind reader's) got 篇1's 分清轻重缓急、主次先后,做到有的放矢、综合平衡、循序渐进: 002's
    紧事先办、大事精办、要事稳办、特事特办 is the run of four (`sayings.in_a_row`)."""
    a = Answerer(real_bot).ask("讲协调工作时,有一组四个排比短语讲分清轻重缓急、不同的事不同办法处理,原文是怎么写的?")
    assert "紧事先办、大事精办、要事稳办、特事特办" in a.sentences[0].text, a.text
    assert "有的放矢" not in a.text, a.text
    # …的四句话 asks the wording too (`glosses.WORDING`: read as a list for its 分别, the 294th's “某事某办”的四句话 got
    # 对上多联系…;同级之间…;对下…)
    a = Answerer(real_bot).ask("讲统筹兼顾、分清轻重缓急时，有一组“某事某办”的四句话，分别怎么说？")
    assert "紧事先办、大事精办、要事稳办、特事特办" in a.sentences[0].text, a.text
    # 有一句 says there is one (`scaffold.SCAFFOLD`): 一句 weighed 4.7, and the 288th's got 002's 我要送一句话 first
    a = Answerer(real_bot).ask("讲话里有一句按照事情的急缓、大小、轻重、特殊程度分别怎么办的四个四字短语，原话怎么说？")
    assert "紧事先办、大事精办、要事稳办、特事特办" in a.sentences[0].text, a.text
    # 三个“用……”的排比, no 句 (`sayings._PHRASES`): the 277th's got 篇12's two 用简洁的语言…,用短小的篇幅…
    a = Answerer(real_bot).ask("有篇讲话谈文字工作时用了三个“用……”的排比,分别讲形式、篇幅、语言,原话是什么?")
    assert "用鲜活的形式反映真实的情况,用简短的篇幅涵盖丰富的内容,用朴实的语言" in a.sentences[0].text, a.text
    # 四句文言排比 described by the words each holds (`glosses._runs_told`): the 277th's was refused
    a = Answerer(real_bot).ask("有篇講話用四句文言排比,講如何按大小、緩急、上下、內外來謀劃布局工作,原句是怎麼寫的?")
    assert "審大小而圖之、酌緩急而布之、連上下而通之、衡內外而施之" in a.sentences[0].text, a.text
    # …by all but one of four (句式…轻重、大小、上下、内外: the 282nd's was refused; 轻重 is the asker's, for 缓急)
    a = Answerer(real_bot).ask("有一處講統籌全局,用四個「……而……之」的古文句式講輕重、大小、上下、內外,原文是怎麼寫的?")
    assert "審大小而圖之、酌緩急而布之、連上下而通之、衡內外而施之" in a.sentences[0].text, a.text
    # …by a character each holds, quoted (三个短句…“看”“爱”“管”: the 285th's got 002's “5+2”、“白+黑”)
    a = Answerer(real_bot).ask(
        "有篇讲话讲各级领导要怎样对待办公室的同志,用了三个短句,分别讲“看”“爱”“管”都要多一点,原话怎么说?"
    )
    assert "高看一眼、厚爱一分、严管一层" in a.sentences[0].text, a.text
    # 那组四句话 asks so many in a row too (the 189th's got 篇8's 工作中还要注重轻重缓急 first)
    a = Answerer(real_bot).ask("我在写协调工作的材料,想找讲话里按事情缓急轻重分别提出不同办法的那组四句话,原文是什么?")
    assert "紧事先办、大事精办、要事稳办、特事特办" in a.sentences[0].text, a.text
    assert len(a.sentences) == 1, a.text
    # 那四句话是怎么说的 asks the wording (`glosses.WORDING`; read as a list for its 分别, the 280th's got three sentences)
    a = Answerer(real_bot).ask("講話中按照事情的緩急、大小、輕重和特殊程度分別提出辦理方式的那四句話是怎麼說的?")
    assert "緊事先辦、大事精辦、要事穩辦、特事特辦" in a.sentences[0].text, a.text
    assert len(a.sentences) == 1, a.text
    # a shape written out with blanks (“什么事怎么办”) is looked for before the formulation 统筹兼顾 glosses (弹好钢琴:
    # the 191st's; `sayings.asked_shapes`)
    a = Answerer(real_bot).ask("讲统筹兼顾、分清轻重缓急时，有一组“什么事怎么办”的四字排比，原文是怎么写的？")
    assert "紧事先办、大事精办、要事稳办、特事特办" in a.sentences[0].text, a.text
    assert "弹好钢琴" not in a.text, a.text
    # described by 轻重缓急 and 排比 (`data/glosses.txt`): the 203rd's and 204th's got 篇3's 分歧在所难免… and
    # “精细化、更科学、上水平”
    for q in (
        "讲协调工作要分清轻重缓急时，有一组按事情性质分别说怎么办的四字排比，原文怎么写？",
        "讲协调工作时,有一句按事情轻重缓急分别采取不同办法的四句排比,原话是怎么写的?",
    ):
        a = Answerer(real_bot).ask(q)
        assert "紧事先办、大事精办、要事稳办、特事特办" in a.sentences[0].text, a.text
    # …and 四句排比, whose first may run on from what leads into it (做到审大小而图之、…: the 189th's got the 24字精神)
    a = Answerer(real_bot).ask("有篇講話用一組仿古文的四句排比,講怎樣統籌處理大小、緩急、上下、內外的關係,原文是什麼?")
    assert "審大小而圖之、酌緩急而布之、連上下而通之、衡內外而施之" in a.sentences[0].text, a.text
    # …and 三个排比句, clauses in a row opening alike (`sayings.alike_clauses`): the 193rd's got 篇12's two
    for q in (
        "讲文字材料写作时,有篇讲话用三个排比句分别讲形式、篇幅、语言该怎样,原文是什么?",
        "讲话谈文字工作时，有一组三个以“用”开头、分别讲形式、篇幅、语言的排比句，原话怎么说？",  # the 211th's
    ):
        a = Answerer(real_bot).ask(q)
        assert "用鲜活的形式反映真实的情况,用简短的篇幅涵盖丰富的内容,用朴实的语言" in a.sentences[0].text, a.text
        assert "短小的篇幅" not in a.text, a.text
    # 排比 asks for wording (`glosses.WORDING`), though 讲话要求 reads as a list asked: the 207th's got 制度化、规范化、
    # 程序化、精细化 after it
    a = Answerer(real_bot).ask("讲话要求协调工作要分清轻重缓急,用了一组“X事X办”的四句排比,具体怎么说的?")
    assert "紧事先办、大事精办、要事稳办、特事特办" in a.sentences[0].text, a.text
    assert len(a.sentences) == 1, a.text
    # a run glossed before any run of as many (the 229th's and 230th's 既要重视、又要关爱、还要严格管理…三句排比 got 篇4's
    # “一个办法、一个通知、一个规定”)
    a = Answerer(real_bot).ask(
        "讲话里要求领导对办公室同志既要重视、又要关爱、还要严格管理,那个三句排比的提法原文是什么?"
    )
    assert "高看一眼、厚爱一分、严管一层" in a.sentences[0].text, a.text
    # …holding what it quotes (三個「一」: the 233rd's got the same), though its shape finds three parts opening with 一
    a = Answerer(real_bot).ask(
        "有篇講話講領導對辦公室同志要更重視、更關愛、也要更嚴格管理,用了三個「一」的說法,原文是怎麼寫的?"
    )
    assert "高看一眼、厚愛一分、嚴管一層" in a.sentences[0].text, a.text
    # …not a gloss missing what it quotes (鞍前……马后……: not 马后炮, glossed by 马后; dev q043 got it in a first version)
    a = Answerer(real_bot).ask("说办公室人员要“鞍前……马后……”的原话是什么？")
    assert "鞍前不越位,马后不掉队" in a.sentences[0].text, a.text
    # …的四句排比,原文是什么 asks one run (`sayings._ONE_NAME`): the 228th's got 制度化、规范化、程序化、精细化 after it
    a = Answerer(real_bot).ask(
        "讲话中按事情紧急、重大、重要、特殊的不同性质,分别提出不同办理方式的四句排比,原文是什么?"
    )
    assert "紧事先办、大事精办、要事稳办、特事特办" in a.sentences[0].text, a.text
    assert "制度化" not in a.text, a.text


def test_real_a_formulation_described_by_its_images_is_not_any_figure(real_bot: pipeline.Ragbot) -> None:
    """把办公室比作…“前方哨所”和“大后方”的说法 (the 180th blind reader's) got the figures 比作 finds (笔杆子, 左右手…):
    the glossed formulation (“坚强前哨”和“巩固后院”), which no such figure says, is looked for instead (`sayings.figures`).
    后面的院子 glosses 巩固后院 too (data/glosses.txt: the 187th's got 办公室好比一部机器 and 前哨后院 in a list), and 哪两个
    词 asks for a formulation (`glosses.WORDING`: the 186th's was read as a list, and got 参谋部…)."""
    for q in (
        "想找一个把办公室比作党委政府“前方哨所”和“大后方”的说法,原话怎么写?",
        "讲话里常把办公室比作党委、政府前面站岗的哨所和后面的院子,这个固定提法原文怎么写?",
        "开班讲话里把办公室比作党委、政府的前方阵地和后方保障，用的是哪两个词？",
    ):
        a = Answerer(real_bot).ask(q)
        assert re.search(r"坚强前哨.{1,3}巩固后院", a.sentences[0].text), a.text
        assert "笔杆子" not in a.text, a.text


def test_real_figures_described_by_rain_and_chess_are_both_quoted(real_bot: pipeline.Ragbot) -> None:
    """分别跟下雨和下象棋有关的比喻 (the 182nd blind reader's) got 不放“马后炮” alone: 下雨 glosses 及时雨 and 象棋
    马后炮 (data/glosses.txt), so the clause holding both is quoted."""
    a = Answerer(real_bot).ask("講信息工作要及時、不能事後才報時,講話用了一組分別跟下雨和下象棋有關的比喻,原話是什麼?")
    assert "多下“及時雨”,不放“馬後炮”" in a.sentences[0].text, a.text


def test_real_one_goal_set_is_that_formulation_alone(real_bot: pipeline.Ragbot) -> None:
    """定了一个…的目标 asks for one formulation (`sayings._ONE_NAME`): the 208th blind reader's got 篇6's “三零目标”,
    then 篇1's “差错漏误迟” (its 办文办会办事 and 差错)."""
    a = Answerer(real_bot).ask("有篇講話給辦公室定了一個辦文、辦會、辦事都要一點差錯都沒有的目標,原文怎麼表述?")
    assert "辦文零差錯、辦會零紕漏、辦事零失誤" in a.sentences[0].text, a.text
    assert len(a.sentences) == 1, a.text


def test_real_a_count_before_a_quote_said_that_many_times_answers(real_bot: pipeline.Ragbot) -> None:
    """三个“留人”的原话是什么 was refused at cosine 0.877 (an open complaint): a sentence saying 留人 three times says it
    (`meanings.meant`, `quotes.counted_quotes`), and its cut does not end on 在…的同时 (`cuts._OPENS`)."""
    a = Answerer(real_bot).ask("三个“留人”的原话是什么？")
    assert "事业留人,感情留人,适当待遇留人" in a.sentences[0].text, a.text
    assert not a.text.rstrip("。」[]1").endswith("的同时"), a.text


def test_real_so_many_phrases_no_sentence_holds_are_a_lists_points(real_bot: pipeline.Ragbot) -> None:
    """五个都以「快」结尾的四字短语 (the 209th and 210th blind readers') got “五个坚持”: 篇3's five 求快 end its five
    points (一要严格要求,严中求快。…五要把握节奏,稳中求快。), said in no one sentence (`sayings.listed_phrases`); the
    length asked counts (四字: not 篇4's five 不够, 工作激情不够…)."""
    for q in (
        "有篇講話談提高辦公室工作效率時,用了一組五個都以「快」結尾的四字短語,具體怎麼表述?",
        "有篇講話談提高辦公室工作效率，用了五個結構相同的四字短語（意思是在嚴格、務實、細緻、準確、穩妥之中求得速度），原話怎麼寫？",
        # their first characters said (the 212th's got 篇4's five 不够)
        "有篇講話用五個結構相同的短語(分別以嚴、實、細、準、穩開頭)說明怎樣提高辦公室工作效率,原文怎麼表述?",
        # …or 五句排比 with what they end with (the 214th's)
        "有一篇講話談提高辦公室工作效率,把嚴格、務實、注重細節、準確、把握節奏五個方面各自和「快」連在一起,組成五句排比,原文是怎麼說的?",
        # …or with what each is on, in order (依次落在严格、务实…上: the 217th's got 篇11's 时时讲效率)
        "有篇讲话谈提高办公室工作效率，用了五句“在某种前提下求速度”的排比（依次落在严格、务实、细节、准确、节奏上），原话是怎么说的？",
        # …or quoted by what they end with (五個「……求快」: the 236th's got 篇11's 时时讲效率), 哪五句 asking wording
        "有篇講話談提高辦公室工作效率，用了五個「……求快」的排比，具體是哪五句？",
        "五個『……求快』是哪五句",
    ):
        a = Answerer(real_bot).ask(q)
        for phrase in ("严中求快", "实中求快", "细中求快", "准中求快", "稳中求快"):
            assert phrase in fold(a.text), a.text
        assert "五个坚持" not in fold(a.text), a.text
    # …and no list of five whose phrases are longer (篇4's 工作激情不够…, six characters each)
    a = Answerer(real_bot).ask("讲话说当前办公室工作存在不足，用了五个格式相同的四字短语来概括，原话是什么？")
    assert "2. 主动学习不够" not in a.text, a.text
    # …and what they open with (分别以严、实…开头: the 212th's got 篇4's 工作激情不够…), though no other speech is
    # found; not asked so, the list found whose phrases end alike (讲不足的五个短语: 篇4's 不够)
    b = Answerer(real_bot).ask("有篇讲话谈办公室存在的不足，用了五个结构相同的短语，原文怎么表述？")
    assert "2. 主动学习不够" in b.text, b.text
