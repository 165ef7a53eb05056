"""The `ragbot` command: ingest and inspect output, JSON field names, exit codes, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ragbot import embed
from ragbot.cli import main

from .helpers import CORPUS, ROOT, KeywordEmbedder


@pytest.fixture(autouse=True)
def fake_model(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """`--embedder fake-keywords` resolves to the keyword fake; indexes go to a temp folder."""
    monkeypatch.setitem(embed.REGISTRY, "fake-keywords", embed.Backend(KeywordEmbedder, lambda: "fake-keywords-1"))
    return tmp_path / "index"


def run(capsys: pytest.CaptureFixture[str], *argv: str, index: Path | None = None) -> tuple[int, str, str]:
    extra = ["--embedder", "fake-keywords", "--index", str(index)] if index else []
    code = main([*argv, *extra])
    out, err = capsys.readouterr()
    return code, out, err


def test_ingest_summary_table(capsys, fake_model: Path) -> None:
    code, out, _ = run(capsys, "ingest", str(CORPUS), index=fake_model)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["file", "encoding", "speeches", "chunks", "noise", "removed", "skipped"]
    row = next(line for line in lines if line.startswith("000_fc7b01b31694c23c.txt"))
    assert row.split()[1:3] == ["utf-8", "12"]
    total = next(line for line in lines if line.startswith("total"))
    assert total.split()[:4] == ["total", "5", "files", "16"]
    assert lines[-1].startswith(f"index {fake_model}/: 395 chunks")
    code, out, _ = run(capsys, "ingest", str(CORPUS), index=fake_model)
    assert out.splitlines()[-1] == f"index {fake_model}/ is up to date (395 chunks)"


def test_ingest_json(capsys, fake_model: Path) -> None:
    code, out, _ = run(capsys, "ingest", str(CORPUS), "--json", index=fake_model)
    data = json.loads(out)
    assert code == 0
    assert data["speeches"] == 16
    assert data["chunks"] > 300
    assert data["index"]["chunks"] == data["chunks"]
    assert data["index"]["embedded"] > 0
    f = {x["file"]: x for x in data["files"]}["002_c15c06141e4cbd25.txt"]
    assert set(f) == {"file", "encoding", "speeches", "chunks", "removed", "removed_chars", "skipped", "sha256"}
    assert f["removed"] == 46
    assert f["skipped"] == ""


def test_inspect_json_field_names(capsys) -> None:
    code, out, _ = run(capsys, "inspect", str(CORPUS / "004_92e2d7aa31a4f474.txt"), "--json")
    [speech] = json.loads(out)
    assert code == 0
    assert {"file", "speech", "title", "script", "text", "removed", "chunks"} <= set(speech)
    assert speech["removed"][0].keys() == {"start", "end", "text", "rule"}
    assert speech["removed"][0]["rule"] == "paywall"
    assert speech["chunks"][0].keys() == {"id", "start", "end", "text", "headings"}
    original = (CORPUS / "004_92e2d7aa31a4f474.txt").read_text(encoding="utf-8")
    c = speech["chunks"][1]
    assert original[c["start"] : c["end"]] == c["text"]  # no noise inside this one: the file's exact text


def test_bad_files_are_listed_and_the_rest_ingested(tmp_path: Path, capsys, fake_model: Path) -> None:
    (tmp_path / "good.txt").write_text("在全市会议上的讲话\n同志们:\n办公室工作很重要。", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 broken")
    code, out, _ = run(capsys, "ingest", str(tmp_path), index=fake_model)
    assert code == 0
    assert "empty file" in out
    assert "corrupt .pdf" in out
    assert "2 skipped" in out


def test_nothing_ingested_exits_non_zero_with_one_line(tmp_path: Path, capsys, fake_model: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    code, out, err = run(capsys, "ingest", str(tmp_path), index=fake_model)
    assert code == 1
    assert "empty.txt" in out
    assert "empty file" in out
    assert err.count("\n") == 1
    assert err.startswith("ragbot: nothing could be ingested")
    assert not fake_model.exists()  # and no index was written


def test_bad_setting_is_one_line(capsys, fake_model: Path) -> None:
    code, _, err = run(capsys, "ingest", str(CORPUS), "--chunk-size", "5", index=fake_model)
    assert code == 1
    assert err == "ragbot: chunk_size must be at least 20 characters, got 5\n"


def test_console_script_and_help() -> None:
    exe = Path(sys.executable).with_name("ragbot")
    out = subprocess.run([str(exe), "--help"], capture_output=True, text=True, check=True).stdout
    assert "ingest" in out
    assert "inspect" in out
    res = subprocess.run([str(exe), "inspect", "--json"], capture_output=True, text=True, cwd=ROOT, check=True)
    assert len(json.loads(res.stdout)) == 16  # default: the corpus folder
