"""Config: defaults, TOML, environment and flags, and clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from ragbot.config import Config
from ragbot.errors import ConfigError


def test_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    toml = tmp_path / "ragbot.toml"
    toml.write_text("[ragbot]\nchunk_size = 400\nchunk_overlap = 40\n", encoding="utf-8")
    monkeypatch.setenv("RAGBOT_CHUNK_OVERLAP", "30")
    cfg = Config.load(toml, max_file_mb=5)
    assert (cfg.chunk_size, cfg.chunk_overlap, cfg.max_file_mb) == (400, 30, 5.0)
    assert cfg.max_file_bytes == 5_000_000


def test_unknown_key_lists_valid_ones(tmp_path: Path) -> None:
    toml = tmp_path / "ragbot.toml"
    toml.write_text("[ragbot]\nchunk_sise = 400\n", encoding="utf-8")
    with pytest.raises(
        ConfigError,
        match=r"unknown setting 'chunk_sise'.*valid ones: allowed_origins, anchor_weight, answer_chars, bm25_weight, chunk_overlap, chunk_size",
    ):
        Config.load(toml)


def test_bad_values(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAGBOT_CHUNK_SIZE", "big")
    with pytest.raises(ConfigError, match="expects int, got 'big'"):
        Config.load()
    monkeypatch.delenv("RAGBOT_CHUNK_SIZE")
    with pytest.raises(ConfigError, match="chunk_overlap must be"):
        Config(chunk_size=100, chunk_overlap=80)
    bad = tmp_path / "bad.toml"
    bad.write_text("[ragbot\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        Config.load(bad)
    with pytest.raises(ConfigError, match="not found"):
        Config.load(tmp_path / "missing.toml")


def test_booleans_and_secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAGBOT_LLM_STREAM", "false")
    monkeypatch.setenv("RAGBOT_LLM_API_KEY", "sk-very-secret")
    cfg = Config.load()
    assert cfg.llm_stream is False
    assert cfg.llm_api_key == "sk-very-secret"
    assert "sk-very-secret" not in repr(cfg)  # never shown in logs or error messages
    monkeypatch.setenv("RAGBOT_LLM_STREAM", "maybe")
    with pytest.raises(ConfigError, match="expects bool, got 'maybe'"):
        Config.load()


def test_allowed_origins_from_toml_list_and_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    toml = tmp_path / "ragbot.toml"
    toml.write_text('[ragbot]\nallowed_origins = ["https://portal.office.lan"]\n', encoding="utf-8")
    assert Config.load(toml).allowed_origins == ("https://portal.office.lan",)
    monkeypatch.setenv("RAGBOT_ALLOWED_ORIGINS", "http://a.lan:8080, https://b.lan")
    assert Config.load(toml).allowed_origins == ("http://a.lan:8080", "https://b.lan")  # the environment wins
