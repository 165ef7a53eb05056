"""The precedent-wording tab in a real browser: its Simplified/Traditional display switch, on a real server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from ragbot.testing import Served

from .helpers import CORPUS, local_page

TRADITIONAL = "000_fc7b01b31694c23c.txt"


@pytest.fixture(scope="module")
def server(shared_server: Served) -> str:
    return shared_server.url


@pytest.fixture
def page(browser: Browser, server: str) -> Iterator[Page]:
    with local_page(browser, server, locale="zh-CN", permissions=["clipboard-read", "clipboard-write"]) as pg:
        yield pg


def test_browser_precedent_display_switch_shows_mainland_simplified(page: Page) -> None:
    from playwright.sync_api import expect

    assert "依法辦事、按程式辦事" in (CORPUS / TRADITIONAL).read_text(encoding="utf-8")  # the file says 程式
    page.get_by_role("tab", name="范文用语").click()
    page.locator("#phrase textarea").fill("按程式辦事")
    page.locator("#find").click()
    line = page.locator("#phrases .ragbot-kwic").first
    expect(line.locator("mark")).to_have_text("按程式辦事", timeout=30000)  # as the file has it
    expect(line).to_contain_text(TRADITIONAL)
    shown = page.locator("#phrases").inner_text()

    page.locator("#phrase-display label", has_text="简体").click()
    expect(line.locator("mark")).to_have_text("按程序办事", timeout=15000)
    text = page.locator("#phrases").inner_text()
    assert "程序" in text
    assert "程式" not in text
    assert "辦" not in text
    line.locator(".ragbot-copy").click()
    expect(line.locator(".ragbot-copy")).to_have_text("已复制")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "按程序办事" in copied  # the text as shown
    assert copied in line.inner_text()

    page.locator("#phrase-display label", has_text="繁體").click()
    expect(line.locator("mark")).to_have_text("按程式辦事", timeout=15000)
    page.locator("#phrase-display label", has_text="按提问").click()  # back as the file has it
    page.wait_for_function("s => document.querySelector('#phrases').innerText === s", arg=shown, timeout=15000)


def test_browser_precedent_display_applies_to_a_new_search(page: Page, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    page.get_by_role("tab", name="范文用语").click()
    page.locator("#phrase-display label", has_text="简体").click()
    page.locator("#phrase textarea").fill("承上啟下")
    page.locator("#find").click()
    first = page.locator("#phrases .ragbot-kwic").first
    expect(first.locator("mark")).to_have_text("承上启下", timeout=30000)
    assert "承上啟下" not in page.locator("#phrases").inner_text()
    page.screenshot(path=str(tmp_path / "phrases.png"), full_page=True)
