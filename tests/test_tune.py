"""Adapting e5-small to a corpus: the pairs come from the corpus alone; training writes a model the
default runtime (int8 ONNX) runs, or nothing at all."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from ragbot import pipeline
from ragbot.config import Config
from ragbot.e5convert import ONNX_FILE
from ragbot.embed import TUNED_MARK, E5Int8Embedder, Embedder, is_tuned, make_embedder
from ragbot.script import fold_chars
from ragbot.tune import Pair, TuneSettings, pairs, train
from ragbot.units import embedded

from .helpers import KeywordEmbedder


@pytest.fixture(scope="module")
def seed_index(tmp_path_factory: pytest.TempPathFactory) -> pipeline.Ragbot:
    """The seed corpus indexed with the keyword fake (pairs need chunks and speeches, not vectors)."""
    config = Config(index=tmp_path_factory.mktemp("tune") / "index")
    emb = KeywordEmbedder()
    pipeline.build_index([config.corpus], config, embedder=emb)
    return pipeline.Ragbot(config, embedder=emb)


def test_pairs_come_from_the_corpus_alone(seed_index: pipeline.Ragbot) -> None:
    index = seed_index.index
    settings = TuneSettings()
    got = pairs(index.chunks, index.speeches, settings)
    assert got == pairs(index.chunks, index.speeches, settings)  # seeded: the same pairs every run
    kinds = {k: sum(p.kind == k for p in got) for k in ("ict", "heading", "point")}
    assert all(n >= 50 for n in kinds.values()), kinds
    corpus = "\n".join(fold_chars(s.text) for s in index.speeches.values())  # as the model reads them
    chunks = {embedded(c) for c in index.chunks}
    for p in got:
        assert p.query
        assert p.passage
        assert p.query != p.passage
        assert p.query in corpus, p  # a sentence, a heading or a point of the speeches themselves
        if p.kind == "ict":  # the sentence is cut out of its own chunk: the passage must be found without it
            assert p.query not in p.passage
            assert any(p.passage == c.replace(p.query, "") for c in chunks)


def _few(n: int = 12) -> list[Pair]:
    topics = ["督查", "信息", "会务", "保密", "接待", "文稿", "值班", "调研", "档案", "车辆", "应急", "学习"]
    return [Pair("ict", f"要做好{t}工作，确保落实。", f"{t}工作是办公室的重要职责，必须抓紧抓好。") for t in topics[:n]]


def test_too_few_pairs_is_one_line_before_any_model_loads(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="at least 32 are needed"):
        train(_few(), tmp_path / "tuned", TuneSettings())
    assert not (tmp_path / "tuned").exists()


@pytest.mark.slow  # loads the torch model and trains
@pytest.mark.parametrize("fails", ["export", "rename"])
def test_a_crash_while_writing_keeps_the_previous_model_whole(
    fails: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "tuned"
    out.mkdir()
    (out / TUNED_MARK).write_text("{}", encoding="utf-8")  # the model a previous `train` wrote
    if fails == "export":

        def disk_full(folder: Path) -> Path:
            (folder / "onnx").mkdir()
            (folder / "onnx" / ONNX_FILE).write_bytes(b"half")
            raise OSError(28, "No space left on device")

        monkeypatch.setattr("ragbot.e5convert.ensure_onnx", disk_full)
    else:  # the new model is complete, but cannot be moved into place (the real export is the next test's)

        def exported(folder: Path) -> Path:
            (folder / "onnx").mkdir()
            (folder / "onnx" / ONNX_FILE).write_bytes(b"whole")
            return folder

        monkeypatch.setattr("ragbot.e5convert.ensure_onnx", exported)
        rename = os.rename

        def refuse(src: Any, dst: Any) -> None:
            if Path(src).name.startswith(".tune-"):
                raise OSError(28, "No space left on device")
            rename(src, dst)

        monkeypatch.setattr("ragbot.tune.os.rename", refuse)
    with pytest.raises(OSError, match="No space left"):
        train(_few(), out, TuneSettings(batch=4, max_tokens=24, trained_layers=1))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tuned"]  # no temporary or set-aside folder
    assert [p.name for p in out.iterdir()] == [TUNED_MARK]  # the previous model, untouched


def test_training_writes_a_model_the_default_runtime_runs(tmp_path: Path, default_embedder: Embedder) -> None:
    seen: list[tuple[int, int]] = []
    settings = TuneSettings(batch=4, max_tokens=24, trained_layers=2, learning_rate=1e-4)
    out = train(_few(), tmp_path / "tuned", settings, progress=lambda s, n, loss: seen.append((s, n)))
    assert seen == [(1, 3), (2, 3), (3, 3)]
    assert is_tuned(out)
    assert (out / TUNED_MARK).is_file()
    tuned = make_embedder(str(out))
    assert isinstance(tuned, E5Int8Embedder)
    assert tuned.name == str(out)
    assert tuned.fingerprint != default_embedder.fingerprint  # an index built with one refuses the other
    texts = ["要做好督查工作，确保落实。", "公务用车每车每月油耗上限为一百五十升。"]
    a, b = tuned.embed_documents(texts), default_embedder.embed_documents(texts)
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0, atol=1e-4)
    cos = (a * b).sum(axis=1)
    assert cos.min() > 0.8, cos  # three small steps move the model, they do not break it
    assert cos.max() < 0.99999, cos  # ...but they do move it


def _seed_files(folder: Path, names: tuple[str, ...] = ("004_92e2d7aa31a4f474.txt",)) -> Path:
    """The smallest seed file (with 003 until 2026-12-02: cut for CI's time), copied into `folder`."""
    folder.mkdir()
    for name in names:
        (folder / name).write_bytes((Path("corpus") / name).read_bytes())
    return folder


@pytest.fixture
def fake_training(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """`train` replaced by one that writes the default model's runtime files as a tuned model (the real
    runtime runs it; real training is tested above), in a cache under tmp_path; the folders trained."""
    from ragbot.e5convert import ensure_model, ensure_onnx

    onnx, tokenizer = ensure_onnx(), ensure_model() / "tokenizer.json"
    trained: list[Path] = []

    def fake_train(training: list[Pair], out: Path, settings: TuneSettings, **_: Any) -> Path:
        assert len(training) >= settings.batch  # the corpus's own pairs reach the trainer
        (out / "onnx").mkdir(parents=True)
        (out / "onnx" / ONNX_FILE).symlink_to(onnx)
        (out / "tokenizer.json").symlink_to(tokenizer)
        (out / TUNED_MARK).write_text("{}", encoding="utf-8")
        trained.append(out)
        return out

    monkeypatch.setattr("ragbot.tune.train", fake_train)
    monkeypatch.setattr("ragbot.tune.model_folder", lambda key: tmp_path / "cache" / key)
    return trained


@pytest.mark.slow  # real indexes with the real runtime
def test_the_tuned_setting_trains_once_per_corpus_and_updates_keep_the_model(
    tmp_path: Path, fake_training: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    from ragbot import cli
    from ragbot.errors import IndexInvalid
    from ragbot.index import read_manifest

    corpus = _seed_files(tmp_path / "corpus")
    config = Config(corpus=corpus, index=tmp_path / "index", embedder="tuned")
    _, report = pipeline.build_index([corpus], config)
    assert report.tuned is not None
    assert report.tuned.trained
    assert not report.tuned.notice
    assert fake_training == [Path(report.tuned.embedder)]
    assert read_manifest(config.index).embedder == report.tuned.embedder  # the index records its model

    bot = pipeline.Ragbot(config)
    assert bot.search("民政系统办公室要强化哪三种意识").hits
    assert bot.embedder.name == report.tuned.embedder
    with pytest.raises(IndexInvalid, match="--embedder tuned"):  # the default setting is told what to use
        pipeline.Ragbot(Config(index=config.index)).search("办公室")

    changed = corpus / "004_92e2d7aa31a4f474.txt"
    changed.write_text(changed.read_text("utf-8") + "\n要把服务质量放在首位。\n", encoding="utf-8")
    _, update = pipeline.build_index([corpus], config)
    assert update.tuned is not None
    assert update.tuned.embedder == report.tuned.embedder
    assert not update.tuned.trained
    assert len(fake_training) == 1  # an update keeps the index's model: no training
    assert 0 < update.embedded < update.vectors / 4

    assert cli.main(["tune", str(corpus), "--index", str(config.index)]) == 0  # the corpus as it is now
    assert len(fake_training) == 2
    assert fake_training[1] != fake_training[0]  # another corpus, another key
    assert "trained on" in capsys.readouterr().out
    assert cli.main(["tune", str(corpus), "--index", str(config.index)]) == 0
    assert len(fake_training) == 2
    assert "found in the cache" in capsys.readouterr().out
    assert cli.main(["tune", str(corpus), "--index", str(config.index), "--retrain"]) == 1  # its folder exists
    assert len(fake_training) == 2  # fake_train refuses to overwrite (the real one replaces: tested above)...
    assert "the index is unchanged" in capsys.readouterr().err  # ...which shows a failed training
    assert read_manifest(config.index).embedder == str(fake_training[1])


@pytest.mark.slow  # real index, real model
def test_a_failed_tuning_builds_with_the_base_model_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from ragbot import cli
    from ragbot.embed import DEFAULT
    from ragbot.index import read_manifest

    monkeypatch.setattr("ragbot.tune.model_folder", lambda key: tmp_path / "cache" / key)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    speech = "在民政系统办公室主任会议上的讲话\n\n同志们：\n\n" + "".join(
        f"第{n}，要强化{t}意识。办公室人员要从思想认识上强化{t}意识，把工作做细做实。\n\n"
        for n, t in zip("一二三", ["政治", "大局", "责任"])
    )
    (corpus / "speech.txt").write_text(speech, encoding="utf-8")  # too small to train on
    config = Config(corpus=corpus, index=tmp_path / "index", embedder="tuned")
    _, report = pipeline.build_index([corpus], config)
    assert report.tuned is not None
    assert report.tuned.embedder == DEFAULT
    assert not report.tuned.trained
    assert "at least 32 are needed" in report.tuned.notice
    assert "\n" not in report.tuned.notice
    assert read_manifest(config.index).embedder == DEFAULT
    assert pipeline.Ragbot(config).search("三种意识").hits  # the setting reads the base model the index has
    built = read_manifest(config.index).built_at
    assert cli.main(["tune", str(corpus), "--index", str(config.index)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("ragbot: tuning the embedder failed"), err
    assert err.count("\n") == 0, err
    assert read_manifest(config.index).built_at == built  # the index is left as it was
