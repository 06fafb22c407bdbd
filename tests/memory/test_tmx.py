"""TMX 1.4b out and in: what other tools read, and what they write."""

from __future__ import annotations

import pytest
from translate.storage import tmx as tt_tmx

from l10n.errors import InputFileError
from l10n.memory import TranslationMemory, export_file, import_file
from l10n.memory.tmx import read_tmx
from memory.samples import LONG, LONG_UK, sample_locales


@pytest.fixture
def memory(tmp_path):
    locales = sample_locales(tmp_path)
    with TranslationMemory.open(tmp_path / ".l10n" / "memory.sqlite", locales) as tm:
        yield tm


def test_export_reads_back_through_translate_toolkit(tmp_path, memory):
    out = tmp_path / "uk.tmx"
    assert export_file(memory, out, ["uk"], "en") == 2
    store = tt_tmx.tmxfile(out.read_bytes(), sourcelanguage="en", targetlanguage="uk")
    pairs = {unit.source: unit.target for unit in store.units}
    # "World" is in two files: the one exact lookup would use is exported.
    assert pairs == {"World": "Світ", LONG: LONG_UK}


def test_export_of_every_language_and_back_through_import(tmp_path, memory):
    out = tmp_path / "all.tmx"
    assert export_file(memory, out, None, "en") == 3
    units = tt_tmx.tmxfile(out.read_bytes()).units
    assert sorted((u.source, u.target) for u in units) == sorted(
        [("World", "Світ"), (LONG, LONG_UK), ("World", "Bota")]
    )
    assert sorted(read_tmx(out.read_bytes(), str(out), "en")) == sorted(
        [("uk", "World", "Світ"), ("uk", LONG, LONG_UK), ("sq", "World", "Bota")]
    )


def test_a_file_written_by_translate_toolkit_imports(tmp_path, memory):
    store = tt_tmx.tmxfile(sourcelanguage="en", targetlanguage="uk")
    store.addtranslation("Good morning", "en", "Доброго ранку", "uk")
    store.addtranslation("Ukrainian forces attacked the village.", "en", "Сили атакували.", "uk")
    file = tmp_path / "agency.tmx"
    file.write_bytes(bytes(store))
    assert import_file(memory, file, tmp_path / ".l10n" / "memory.sqlite", "en") == 2
    assert memory.language("uk").lookup("Good morning") == (
        "Доброго ранку",
        "agency.tmx (imported memory)",
    )
    assert (tmp_path / ".l10n" / "tmx" / "agency.tmx").read_bytes() == file.read_bytes()


def test_inline_codes_are_dropped_and_their_text_kept():
    data = b"""<?xml version="1.0"?>
<tmx version="1.4"><header srclang="en-US" segtype="sentence" o-tmf="x"
 adminlang="en" datatype="plaintext" creationtool="x" creationtoolversion="1"/>
<body><tu><tuv xml:lang="en-US">
<seg>Press <bpt i="1">&lt;b&gt;</bpt>Save<ept i="1">&lt;/b&gt;</ept> now</seg></tuv>
<tuv xml:lang="de-DE"><seg>Jetzt <ph>{0}</ph>Speichern</seg></tuv></tu></body></tmx>"""
    assert read_tmx(data, "x.tmx", "en") == [("de", "Press Save now", "Jetzt Speichern")]


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"<tmx><body>", "is not valid XML"), (b"<xliff><body/></xliff>", "is not a TMX file")],
)
def test_a_broken_tmx_is_an_input_error(data, message):
    with pytest.raises(InputFileError, match=message):
        read_tmx(data, "bad.tmx", "en")
