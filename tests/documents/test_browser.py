"""The rebuilt HTML in a real browser: headless Chromium renders
build/uk/story.html, and the page a reader sees holds every reviewed
translation, inside the links, emphasis, list items, table cells and image
of the source.

The reviewed translations spell each msgid in Cyrillic letters, so no
English is left on the page and every element's text can be predicted from
the source's.  Skipped where no Chromium is installed (Debian:
``apt-get install chromium``) unless ``L10N_BROWSER_TESTS=1`` asks for it;
see the README's Development section.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner

from documents.samples import HTML
from l10n.cli import cli
from l10n.documents.placeholders import strip_placeholders

# Without the networking flags Chromium keeps dialling Google's services,
# which a closed network refuses; --no-sandbox because CI runs as root.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
TIMEOUT_S = 60
STRUCTURE = ("a", "em", "strong", "code", "br", "li", "th", "td", "tr", "img", "p", "h1")
TEXTS = ("a", "em", "strong", "li", "th", "td", "h1", "p", "blockquote", "nav", "footer")
HIDDEN = frozenset({"head", "script", "style", "code"})  # text a reader never sees as prose
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"})
CYRILLIC = str.maketrans(
    {
        **dict(zip("abcdefghijklmnopqrstuvwyz", "абцдефгхійклмнопкрстуввиз", strict=True)),
        **dict(zip("ABCDEFGHIJKLMNOPQRSTUVWYZ", "АБЦДЕФГХІЙКЛМНОПКРСТУВВИЗ", strict=True)),
        "x": "кс",
        "X": "Кс",
    }
)


def find_chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("/usr/bin/chromium")


def browser_wanted() -> bool:
    return find_chromium() is not None or os.environ.get("L10N_BROWSER_TESTS") == "1"


pytestmark = pytest.mark.skipif(
    not browser_wanted(), reason="no chromium installed (apt-get install chromium)"
)


def to_uk(text: str) -> str:
    """The reviewed "translation": the same words in Cyrillic letters.  Tags
    are digits and punctuation, so they stay as they were."""
    return text.translate(CYRILLIC)


def normalise(text: str) -> str:
    """Whitespace as a browser shows it: runs collapse to one space."""
    return " ".join(text.split())


@dataclass
class Page:
    """What a reader meets on a page: elements, their text, the prose."""

    counts: Counter = field(default_factory=Counter)
    texts: dict[str, list[str]] = field(default_factory=dict)
    attributes: list[tuple[str, str, str]] = field(default_factory=list)
    prose: str = ""


class _Reader(HTMLParser):
    def __init__(self, translate) -> None:
        super().__init__(convert_charrefs=True)
        self.translate = translate
        self.page = Page()
        self.open: list[tuple[str, list[str]]] = []
        self.prose: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.page.counts[tag] += 1
        for name, value in attrs:
            if name in ("alt", "title"):
                self.page.attributes.append((tag, name, self.translate(value or "")))
        if tag not in VOID:
            self.open.append((tag, []))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if all(name != tag for name, _ in self.open):
            return
        while self.open:
            name, parts = self.open.pop()
            self.page.texts.setdefault(name, []).append(normalise("".join(parts)))
            if name == tag:
                break

    def handle_data(self, data):
        if not any(name in HIDDEN for name, _ in self.open):
            data = self.translate(data)
            self.prose.append(data)
        for _, parts in self.open:
            parts.append(data)


def read(html: str, translate=lambda text: text) -> Page:
    """``html`` as a reader sees it, with ``translate`` applied to its prose:
    applied to the source, it predicts the translated page."""
    reader = _Reader(translate)
    reader.feed(html)
    reader.close()
    reader.page.prose = normalise(" ".join(reader.prose))
    return reader.page


def chromium(*args: str, profile: Path) -> str:
    """Run headless Chromium, bounded: on a timeout its whole process group
    (renderer, GPU and zygote helpers) is killed, not only the launcher."""
    binary = find_chromium()
    if binary is None:
        pytest.fail("L10N_BROWSER_TESTS=1 but no chromium is installed (apt-get install chromium)")
    command = [binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args]
    with subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    ) as process:
        try:
            out, err = process.communicate(timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            pytest.fail(f"chromium did not finish in {TIMEOUT_S} s: {command}")
    assert process.returncode == 0, err.decode(errors="replace")[-3000:]
    return out.decode("utf-8")


def l10n(*args: str) -> None:
    result = CliRunner().invoke(cli, list(args), prog_name="l10n")
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def built(models_dir, tmp_path_factory) -> tuple[Path, polib.POFile]:
    """The sample article machine-translated, reviewed (msgstr = to_uk(msgid),
    not fuzzy) and built: the page and its PO file."""
    root = tmp_path_factory.mktemp("browser")
    (root / "source").mkdir()
    (root / "source" / "story.en.html").write_text(HTML, encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ARGOS_PACKAGES_DIR", str(models_dir))
        mp.chdir(root)
        l10n("translate", "source/story.en.html", "--to", "uk", "--from", "en")
        po_path = root / "locales" / "uk" / "story.po"
        po = polib.pofile(str(po_path))
        for entry in po:
            entry.msgstr = to_uk(entry.msgid)
            entry.flags = [f for f in entry.flags if f != "fuzzy"]
        po.save(str(po_path))
        l10n("build", "--to", "uk")
    return root / "build" / "uk" / "story.html", po


def test_chromium_shows_every_translation_inside_the_sources_markup(built, tmp_path):
    page_path, po = built
    rendered = read(chromium("--dump-dom", page_path.as_uri(), profile=tmp_path / "profile"))
    source = read(HTML)
    expected = read(HTML, translate=to_uk)

    assert [rendered.counts[t] for t in STRUCTURE] == [source.counts[t] for t in STRUCTURE]
    for tag in TEXTS:
        assert rendered.texts.get(tag) == expected.texts.get(tag), tag
    assert rendered.attributes == expected.attributes
    assert not re.search("[A-Za-z]", rendered.prose), "English left on the page"

    attribute_values = {value for _, _, value in rendered.attributes}
    inline_texts = {text for tag in ("a", "em", "strong") for text in rendered.texts[tag]}
    for entry in po:
        plain = normalise(strip_placeholders(entry.msgstr))
        assert plain in rendered.prose or plain in attribute_values, entry.msgstr
        for inner in re.findall(r"<(\d+)>(.*?)</\1>", entry.msgstr):
            assert normalise(strip_placeholders(inner[1])) in inline_texts, entry.msgstr


def test_chromium_paints_the_translated_page(built, tmp_path):
    page_path, _ = built
    shot = tmp_path / "story.png"
    chromium(
        f"--screenshot={shot}",
        "--window-size=800,600",
        page_path.as_uri(),
        profile=tmp_path / "profile",
    )
    png = shot.read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (800, 600)
