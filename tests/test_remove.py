"""Removing files from the corpus into the trash and restoring them (trash.py): the index update with
the keyword fake (only that file's chunks go, nothing is embedded), refusals that change nothing, a
failed update that moves the file back, the CLI, the app's handler, and the corpus tab in a browser."""

from __future__ import annotations

import errno
import hashlib
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from ragbot import embed, pipeline, trash
from ragbot import index as index_mod
from ragbot.cli import main
from ragbot.config import Config
from ragbot.errors import CorpusChangeError, IndexInvalid, IndexWriteError
from ragbot.script import detect_script

from .helpers import CORPUS, KeywordEmbedder

UPLOAD = "在全县档案工作会议上的讲话\n同志们：\n档案工作要做到收集齐全、整理规范、保管安全。\n档案室要防火、防潮、防盗，做好保密工作。\n"
KEPT = ("003_8c6fb7f0a0f8db51.txt", "004_92e2d7aa31a4f474.txt")  # two small seed files


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A corpus (two seed files, an upload, an unreadable file) with its index by the keyword fake, built once."""
    work = tmp_path_factory.mktemp("trash-built")
    (work / "corpus" / "uploads").mkdir(parents=True)
    for name in KEPT:
        shutil.copy(CORPUS / name, work / "corpus")
    (work / "corpus" / "uploads" / "档案讲话.txt").write_text(UPLOAD, encoding="utf-8")
    (work / "corpus" / "empty.txt").write_bytes(b"")
    pipeline.build_index([work / "corpus"], _config(work), embedder=KeywordEmbedder())
    return work


def _config(work: Path) -> Config:
    return Config(corpus=work / "corpus", index=work / "index", data=work / "data")


@pytest.fixture
def work(built: Path, tmp_path: Path) -> Path:
    """A copy of the built corpus and index for one test to change, with a feedback log to leave alone."""
    shutil.copytree(built, tmp_path, dirs_exist_ok=True)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "feedback.jsonl").write_text('{"rating": "up", "question": "档案？"}\n', encoding="utf-8")
    return tmp_path


def state(work: Path, index: bool = True) -> dict[str, str]:
    """Every file under `work` (corpus, data and trash, and the index unless not `index`) with its content's
    hash, and every folder (an empty one left in the trash shows)."""
    return {
        p.relative_to(work).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "folder"
        for p in sorted(work.rglob("*"))
        if not p.name.startswith(".index") and (index or "index" not in p.relative_to(work).parts)
    }


def chunk_ids(work: Path) -> dict[str, list[str]]:
    """The index's chunk ids per file."""
    out: dict[str, list[str]] = {}
    for c in index_mod.load(work / "index").chunks:
        out.setdefault(c.file, []).append(c.id)
    return out


def test_remove_drops_only_that_files_chunks_and_embeds_nothing(work: Path) -> None:
    before, fake = chunk_ids(work), KeywordEmbedder()
    feedback = (work / "data" / "feedback.jsonl").read_bytes()
    original = (work / "corpus" / "uploads" / "档案讲话.txt").read_bytes()
    changed = trash.remove(["档案讲话.txt"], _config(work), fake)  # the bare name of uploads/档案讲话.txt
    [moved] = changed.files
    assert moved.item.file == "uploads/档案讲话.txt"
    assert (moved.speeches, moved.chunks) == (1, len(before["uploads/档案讲话.txt"]))
    assert moved.item.path == work / "data" / "trash" / moved.item.stamp / "uploads" / "档案讲话.txt"
    assert moved.item.path.read_bytes() == original
    assert not (work / "corpus" / "uploads" / "档案讲话.txt").exists()
    assert changed.report.embedded == 0  # every other unit's vector reused
    assert fake.documents_embedded == 0
    assert changed.report.reused == changed.report.vectors
    after = chunk_ids(work)
    assert after == {f: ids for f, ids in before.items() if f != "uploads/档案讲话.txt"}
    assert (work / "data" / "feedback.jsonl").read_bytes() == feedback
    answer = pipeline.Ragbot(_config(work), embedder=fake).search("档案室要防火、防潮", k=5)
    assert all(h.file != "uploads/档案讲话.txt" for h in answer.hits)


def test_restore_brings_the_chunks_back_and_empties_the_trash(work: Path) -> None:
    before, config = chunk_ids(work), _config(work)
    untouched = state(work, index=False)
    trash.remove([str(work / "corpus" / KEPT[1])], config, KeywordEmbedder())  # by its path
    assert [t.file for t in trash.listing(config)] == [KEPT[1]]
    fake = KeywordEmbedder()
    changed = trash.restore([KEPT[1]], config, fake)
    assert changed.restored
    assert [(m.item.file, m.chunks) for m in changed.files] == [(KEPT[1], len(before[KEPT[1]]))]
    assert chunk_ids(work) == before
    assert fake.documents_embedded > 0  # its vectors had left the index with it: embedded again, nothing else
    assert changed.report.embedded <= fake.documents_embedded
    assert trash.listing(config) == []
    assert not (work / "data" / "trash").exists()  # the time's folder, and the trash, went with its last file
    assert state(work, index=False) == untouched  # the same files, byte for byte; the feedback log as it was


def test_an_unreadable_file_can_be_removed_and_the_trash_lists_newest_first(work: Path, monkeypatch) -> None:
    config, fake = _config(work), KeywordEmbedder()
    stamps = iter(["20261130T143512Z", "20261130T143512Z", "20261201T080000Z"])
    monkeypatch.setattr(trash, "_stamp", lambda: next(stamps))
    [moved] = trash.remove(["empty.txt"], config, fake).files
    assert (moved.speeches, moved.chunks, moved.skipped) == (0, 0, "empty file")
    (work / "corpus" / "empty.txt").write_bytes(b"")  # a new empty.txt: removed within the same second
    trash.remove(["empty.txt", "empty.txt"], config, fake)  # named twice, moved once
    trash.remove(["uploads/档案讲话.txt"], config, fake)
    held = trash.listing(config)
    assert [(t.stamp, t.file) for t in held] == [
        ("20261201T080000Z", "uploads/档案讲话.txt"),
        ("20261130T143512Z-1", "empty.txt"),
        ("20261130T143512Z", "empty.txt"),
    ]
    assert held[0].when == "2026-12-01 08:00:00 UTC"
    assert trash.choices(config)[1] == ("empty.txt（2026-11-30 14:35:12 UTC 移入）", "20261130T143512Z-1/empty.txt")
    back = trash.restore(["20261130T143512Z/empty.txt"], config, fake)  # the older copy, by its place in the trash
    assert back.files[0].item.path == work / "data" / "trash" / "20261130T143512Z" / "empty.txt"
    assert [t.stamp for t in trash.listing(config) if t.file == "empty.txt"] == ["20261130T143512Z-1"]
    with pytest.raises(CorpusChangeError, match=r"empty\.txt is already in the corpus; remove or rename"):
        trash.restore(["empty.txt"], config, fake)


def test_refusals_change_nothing(work: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    config, fake = _config(work), KeywordEmbedder()
    outside = tmp_path_factory.mktemp("elsewhere") / KEPT[0]
    shutil.copy(CORPUS / KEPT[0], outside)
    (work / "corpus" / "sub").mkdir()
    (work / "corpus" / "sub" / "档案讲话.txt").write_text(UPLOAD.replace("档案", "机要"), encoding="utf-8")
    pipeline.build_index([config.corpus], config, fake)
    before = state(work)
    refusals = {
        "nosuch.txt": r"'nosuch.txt' is not a file in the corpus \(.*: 003_8c6fb7f0a0f8db51.txt, 004_.*\.txt, "
        r"empty.txt and 2 more\); `ragbot inspect` lists",
        str(outside): "is outside the corpus folder",
        "/etc/passwd": "is outside the corpus folder",
        f"{config.corpus}/../corpus/../../x.txt": "is outside the corpus folder",
        "档案讲话.txt": r"names several files in the corpus \(sub/档案讲话.txt, uploads/档案讲话.txt\); give the one",
        str(work / "corpus" / "uploads"): "is not a file in the corpus",
    }
    for name, message in refusals.items():
        with pytest.raises(CorpusChangeError, match=message) as e:
            trash.remove([KEPT[1], name], config, fake)
        assert "\n" not in str(e.value)
    with pytest.raises(CorpusChangeError, match="would leave no readable file in the corpus"):
        trash.remove([*KEPT, "sub/档案讲话.txt", "uploads/档案讲话.txt"], config, fake)  # empty.txt is left
    with pytest.raises(CorpusChangeError, match=r"'x\.txt' is not in the trash"):
        trash.restore(["x.txt"], config, fake)
    with pytest.raises(CorpusChangeError, match="name at least one file"):
        trash.remove([], config, fake)
    with pytest.raises(IndexInvalid, match="was built with embedder 'fake-keywords', not 'other'"):
        trash.remove([KEPT[1]], config.with_overrides(embedder="other"))  # never re-embeds the corpus
    assert state(work) == before


def test_the_last_readable_file_stays_even_when_the_check_misses_it(work: Path) -> None:
    """What is left is all unreadable (found only when the build reads it): the file goes back."""
    config, fake = _config(work), KeywordEmbedder()
    for name in KEPT:
        trash.remove([name], config, fake)
    before = state(work)
    (work / "corpus" / "broken.pdf").write_bytes(b"%PDF-1.4 broken")  # a supported name that cannot be read
    with pytest.raises(CorpusChangeError, match=r"removing uploads/档案讲话.txt would leave no readable file"):
        trash.remove(["uploads/档案讲话.txt"], config, fake)
    (work / "corpus" / "broken.pdf").unlink()
    assert state(work) == before


@pytest.mark.parametrize("failure", ["disk full", "interrupted"])
def test_a_failed_index_update_moves_the_file_back(work: Path, monkeypatch, failure: str) -> None:
    config, fake = _config(work), KeywordEmbedder()
    trash.remove([KEPT[0]], config, fake)
    before = state(work)

    def fail(*args: object, **kwargs: object) -> None:
        if failure == "interrupted":
            raise KeyboardInterrupt
        raise IndexWriteError(
            "could not write the new index (No space left on device); the previous index is unchanged",
            OSError(errno.ENOSPC, "No space left on device"),
        )

    monkeypatch.setattr(index_mod, "save", fail)
    raised = KeyboardInterrupt if failure == "interrupted" else CorpusChangeError
    with pytest.raises(raised) as e:
        trash.remove(["uploads/档案讲话.txt"], config, fake)
    assert state(work) == before  # the file back in the corpus, the index as it was, no empty folder left
    with pytest.raises(raised):
        trash.restore([KEPT[0]], config, fake)
    assert state(work) == before  # and the trashed file still in the trash
    if failure == "disk full":
        assert "the previous index is unchanged; the files were moved back" in str(e.value)
        told = trash.tell("remove", KEPT[1], config, fake, "simplified")
        assert told == trash.Told(("更新索引失败（磁盘空间已满），文件已移回原处，语料和索引均未改动",), False)


def test_a_failed_move_moves_the_others_back(work: Path, monkeypatch) -> None:
    config, fake = _config(work), KeywordEmbedder()
    before, real_move = state(work), trash._move

    def move(src: Path, dst: Path) -> None:
        if src.name == KEPT[1]:
            raise PermissionError(errno.EACCES, "Permission denied", str(dst))
        real_move(src, dst)

    monkeypatch.setattr(trash, "_move", move)
    with pytest.raises(CorpusChangeError, match=rf"could not move .*{KEPT[1]} to .* \(Permission denied\); nothing"):
        trash.remove([KEPT[0], KEPT[1]], config, fake)  # the first had gone to the trash already
    assert state(work) == before
    told = trash.tell("remove", KEPT[1], config, fake, "simplified")
    assert told.notes == (f"未能移动 {KEPT[1]}（没有写入权限），语料和索引均未改动",)


def test_a_link_out_of_the_corpus_is_moved_as_a_link_and_never_read(work: Path, tmp_path_factory) -> None:
    secret = tmp_path_factory.mktemp("outside") / "secret.txt"
    secret.write_text(UPLOAD, encoding="utf-8")
    (work / "corpus" / "link.txt").symlink_to(secret)
    [moved] = trash.remove(["link.txt"], _config(work), KeywordEmbedder()).files
    assert (moved.speeches, moved.skipped) == (0, "a link to a file outside the folder; not read")
    assert moved.item.path.is_symlink()
    assert secret.read_text(encoding="utf-8") == UPLOAD


def test_app_notes_are_in_the_askers_script_and_keep_file_names(work: Path) -> None:
    config, fake = _config(work), KeywordEmbedder()
    told = trash.tell("confirm", "uploads/档案讲话.txt", config, None, "traditional")
    assert told.notes == ("確定將 uploads/档案讲话.txt 移到回收站嗎？移除後可在回收站中恢復。",)
    told = trash.tell("remove", "uploads/档案讲话.txt", config, fake, "traditional")
    assert told.indexed
    assert told.notes[0].startswith("uploads/档案讲话.txt：已移到回收站，1 篇講話")  # the name as it is
    assert told.notes[1].startswith("索引已更新：現有")
    assert "新嵌入 0 段" in told.notes[1]
    assert detect_script(told.notes[1]) == "traditional"
    told = trash.tell("restore", "nosuch.txt", config, fake, "simplified")
    assert told == trash.Told(("回收站中没有“nosuch.txt”",), False)
    [(_, copy)] = trash.choices(config)
    told = trash.tell("restore", copy, config, fake, "simplified")
    assert told.notes[0].startswith("uploads/档案讲话.txt：已恢复，1 篇讲话")


# ---------------------------------------------------------------- the command
@pytest.fixture
def fake_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(embed.REGISTRY, "fake-keywords", embed.Backend(KeywordEmbedder, lambda: "fake-keywords-1"))
    monkeypatch.setenv("RAGBOT_CORPUS", "corpus")
    monkeypatch.setenv("RAGBOT_DATA", "data")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main([*argv, "--embedder", "fake-keywords"])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_remove_restore_and_list(work: Path, capsys, fake_model: None, monkeypatch) -> None:
    monkeypatch.chdir(work)
    feedback = (work / "data" / "feedback.jsonl").read_text(encoding="utf-8")
    code, out, err = run(capsys, "remove", KEPT[1], "corpus/uploads/档案讲话.txt")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith(f"removed {KEPT[1]} (1 speech, 11 chunks) to data/trash/2")
    assert lines[1].startswith("removed uploads/档案讲话.txt (1 speech, 1 chunk) to data/trash/")
    assert lines[1].endswith("/uploads/档案讲话.txt")
    assert lines[2].startswith("index index/: ")
    assert "; 0 embedded, " in lines[2]
    code, out, _ = run(capsys, "restore")
    assert code == 0
    assert out.splitlines()[0].split() == ["removed", "at", "file", "in", "the", "trash"]
    assert len(out.splitlines()) == 4
    assert f"UTC  {KEPT[1]}" in out
    code, out, _ = run(capsys, "restore", KEPT[1])
    assert code == 0
    assert out.startswith(f"restored {KEPT[1]} (1 speech, 11 chunks) from data/trash/")
    code, _, err = run(capsys, "remove", "nosuch.txt")
    assert code == 1
    assert err.startswith("ragbot: 'nosuch.txt' is not a file in the corpus (corpus/: ")
    assert err.count("\n") == 1
    code, _, err = run(capsys, "restore", KEPT[1])
    assert (code, err) == (
        1,
        f"ragbot: '{KEPT[1]}' is not in the trash (data/trash/); `ragbot restore` with no FILE lists what is\n",
    )
    assert (work / "data" / "feedback.jsonl").read_text(encoding="utf-8") == feedback


def test_cli_refuses_the_last_file_and_lists_an_empty_trash(
    tmp_path: Path, capsys, fake_model: None, monkeypatch
) -> None:
    (tmp_path / "corpus").mkdir()
    shutil.copy(CORPUS / KEPT[0], tmp_path / "corpus")
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "ingest")[0] == 0
    code, _, err = run(capsys, "remove", KEPT[0])
    assert code == 1
    assert err == (
        f"ragbot: removing {KEPT[0]} would leave no readable file in the corpus (corpus/); add another first\n"
    )
    assert (tmp_path / "corpus" / KEPT[0]).is_file()
    assert run(capsys, "restore")[1] == "the trash is empty\n"


def test_cli_help_describes_the_commands(capsys) -> None:
    for command, words in (("remove", "data/trash/<UTC time>"), ("restore", "With no FILE, list the trash")):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        out = " ".join(capsys.readouterr().out.split())
        assert words in out
        assert "--index DIR" in out


# ---------------------------------------------------------------- the app
def test_app_reloads_its_session_after_a_change(work: Path) -> None:
    from ragbot.ui import App

    config, fake = _config(work), KeywordEmbedder()
    app = App(config, pipeline.Ragbot(config, embedder=fake))
    assert "uploads/档案讲话.txt" in {row[1] for row in app.corpus_rows()}
    msg = app.change("remove", "uploads/档案讲话.txt", "繁體", [])
    assert "已移到回收站" in msg  # 移 and 回收站 read the same in both scripts
    assert "篇講話" in msg
    assert "uploads/档案讲话.txt" not in {row[1] for row in app.corpus_rows()}
    assert all(h.file != "uploads/档案讲话.txt" for h in app.bot.search("档案室要防火、防潮").hits)
    msg = app.change("restore", "uploads/档案讲话.txt", "按提问", [])
    assert "已恢复" in msg
    assert "uploads/档案讲话.txt" in {row[1] for row in app.corpus_rows()}


@pytest.fixture(scope="module")
def trash_server(real_index: Config, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A server of its own over a copy of the corpus and the real index (test_app.py's keeps the full corpus)."""
    from ragbot.testing import serve

    from .helpers import make_workdir

    work = make_workdir(real_index, tmp_path_factory.mktemp("trash-app"))
    with serve(work / "index", work) as app:
        yield app.url, work


def test_browser_remove_and_restore_a_file(browser, trash_server: tuple[str, Path], real_bot) -> None:
    from playwright.sync_api import expect

    from .helpers import local_page

    url, work = trash_server
    gone, question = "004_92e2d7aa31a4f474.txt", "民政局办公室工作有哪些成功经验？"
    assert gone in {h.file for h in real_bot.search(question).hits}  # cited before it goes
    with local_page(browser, url) as page:
        page.get_by_role("tab", name="语料").click()
        expect(page.locator("#corpus")).to_contain_text(gone, timeout=30000)
        page.locator("#remove-file input").click()
        page.get_by_role("option", name=gone).click()
        page.locator("#remove").click()
        expect(page.locator("#change-msg")).to_contain_text(f"确定将 {gone} 移到回收站吗", timeout=30000)
        page.locator("#confirm-remove").click()
        expect(page.locator("#change-msg")).to_contain_text(f"{gone}：已移到回收站", timeout=60000)
        expect(page.locator("#change-msg")).to_contain_text("新嵌入 0 段")
        expect(page.locator("#corpus")).not_to_contain_text(gone)
        expect(page.locator("#confirm-remove")).to_be_hidden()
        assert not (work / "corpus" / gone).exists()
        assert [p.name for p in (work / "data" / "trash").glob("*/*")] == [gone]
        page.get_by_role("tab", name="问答").click()
        page.locator("#question textarea").fill(question)
        page.locator("#send").click()
        expect(page.locator("#chat .ragbot-answer")).to_have_count(1, timeout=30000)
        assert gone not in page.locator("#chat").inner_text()  # the session reloaded: the file is not cited
        page.get_by_role("tab", name="语料").click()
        page.locator("#trash-file input").click()
        page.get_by_role("option", name=f"{gone}（").click()
        page.locator("#restore").click()
        expect(page.locator("#change-msg")).to_contain_text(f"{gone}：已恢复", timeout=60000)
        expect(page.locator("#corpus")).to_contain_text(gone)
    assert (work / "corpus" / gone).is_file()
