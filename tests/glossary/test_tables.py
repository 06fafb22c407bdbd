"""Glossary tables (l10n.glossary.tables): multi-column TSV and CSV, DeepL
glossaries of one language pair, and the DeepL export."""

from __future__ import annotations

import pytest
from conftest import REPO

from glossary.samples import GOOD, load_error, problems, write
from l10n.glossary import LangForms, Term, export_deepl_tsv, load_glossary
from l10n.glossary.tables import pair_file_name

MULTI = (
    "en,variants,dnt,note,de,de_accepted,de_forbidden,pl\n"
    'Kyiv,Kiev,,"Capital, of Ukraine",Kyjiw,Kiew,Kijew | Kiev,Kijów\n'
    "# a comment\n"
    "\n"
    "Bloomberg,,yes,Agency.,,,Blumberg,\n"
)


def test_multi_column_csv(tmp_path):
    kyiv, bloomberg = load_glossary(write(tmp_path, "terms.csv", MULTI)).terms
    assert kyiv == Term(
        "Kyiv",
        ("Kiev",),
        {"de": LangForms("Kyjiw", ("Kiew",), ("Kijew", "Kiev")), "pl": LangForms("Kijów")},
        False,
        "Capital, of Ukraine",
        f"{tmp_path / 'terms.csv'}:2",
    )
    assert bloomberg.dnt and bloomberg.source.endswith(":5")
    assert bloomberg.forms["de"] == LangForms("Bloomberg", (), ("Blumberg",))


def test_multi_column_tsv_is_the_same_table(tmp_path):
    tsv = MULTI.replace('"Capital, of Ukraine"', "Capital, of Ukraine").replace(",", "\t")
    tsv = tsv.replace("Capital\t of Ukraine", "Capital, of Ukraine")
    csv_terms = load_glossary(write(tmp_path / "a", "terms.csv", MULTI)).terms
    tsv_terms = load_glossary(write(tmp_path / "b", "terms.tsv", tsv)).terms
    assert [t.forms for t in tsv_terms] == [t.forms for t in csv_terms]
    assert [t.note for t in tsv_terms] == [t.note for t in csv_terms]


def test_the_shipped_tsv_form_still_loads_as_before(tmp_path):
    # Byte for byte the TSV l10n has always read: sq, uk and ru columns.
    path = write(
        tmp_path,
        "b.tsv",
        "en\tvariants\tdnt\tsq\tuk\tru\tuk_forbidden\tsq_inflect\tnote\n"
        "Ulanok\t\t\tUlanok\tУланок\tУланок\tУланек | Уланак\tm-velar\tVillage.\n",
    )
    (ulanok,) = load_glossary(path).terms
    assert ulanok.forms == {
        "sq": LangForms("Ulanok", inflect="m-velar"),
        "uk": LangForms("Уланок", (), ("Уланек", "Уланак")),
        "ru": LangForms("Уланок"),
    }


# --- DeepL glossaries -------------------------------------------------------------------

DEEPL_PAIR = 'Kyiv,Kyjiw\nKiev,Kyjiw\n"Chatham House","Chatham House"\n'


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("en-de.csv", DEEPL_PAIR),
        ("glossary.en-de.csv", DEEPL_PAIR),
        ("EN-DE.tsv", DEEPL_PAIR.replace(",", "\t").replace('"', "")),
        ("deepl.csv", "en,de\n" + DEEPL_PAIR),  # a header names the pair
        # DeepL's own export: the languages in columns 3 and 4 (and a relevance).
        (
            "deepl.csv",
            DEEPL_PAIR.replace("\n", ",EN,DE\n").replace(
                "Kiev,Kyjiw,EN,DE", "Kiev,Kyjiw,EN,DE,0.9"
            ),
        ),
    ],
)
def test_deepl_glossaries(tmp_path, name, text):
    gloss = load_glossary(write(tmp_path, name, text))
    assert gloss.languages == ("de",)
    assert [(t.en, t.forms["de"].canonical) for t in gloss.terms] == [
        ("Kyiv", "Kyjiw"),
        ("Kiev", "Kyjiw"),
        ("Chatham House", "Chatham House"),
    ]
    assert gloss.terms[1].source.endswith(f"{name}:{2 if 'en,de' not in text else 3}")


def test_pair_files_of_several_languages_make_one_glossary(tmp_path):
    write(tmp_path, "en-de.csv", "Kyiv,Kyjiw\nKursk,Kursk\nGIZ,GIZ\n")
    write(tmp_path, "en-pl.csv", "Kursk,Kursk\nKyiv,Kijów\n")
    write(
        tmp_path,
        "names.toml",
        '["Kyiv"]\nvariants = ["Kiev"]\nuk = "Київ"\nnote = "Capital."\n\n'
        '[Kursk]\nuk = "Курськ"\n\n[GIZ]\ndnt = true\n',
    )
    gloss = load_glossary(tmp_path)
    assert set(gloss.languages) == {"de", "pl", "uk"}
    assert gloss.term("GIZ").dnt  # the pair keeps the name: no conflict
    with pytest.raises(Exception, match="no pl form for 'Kursk'"):
        write(tmp_path, "en-pl.csv", "Kyiv,Kijów\n")
        load_glossary(tmp_path)
    kyiv = gloss.term("Kiev")
    assert kyiv.en == "Kyiv" and kyiv.note == "Capital."
    assert kyiv.source.endswith("names.toml:1")  # where a person edits it
    assert {k: v.canonical for k, v in kyiv.forms.items()} == {
        "de": "Kyjiw",
        "pl": "Kijów",
        "uk": "Київ",
    }
    assert problems(gloss, "de", "in Kiev", "in Kijew") == [("missing", "")]


def test_a_pair_file_joins_an_entry_by_its_variant(tmp_path):
    write(tmp_path, "en-de.csv", "Kiev,Kyjiw\n")
    write(tmp_path, "names.toml", '["Kyiv"]\nvariants = ["Kiev"]\nuk = "Київ"\n')
    (kyiv,) = load_glossary(tmp_path).terms
    assert kyiv.en == "Kyiv" and set(kyiv.forms) == {"de", "uk"}


PAIR_ERRORS = [
    # name, file, text, line, words in the message
    ("two forms for one language", "en-de.csv", "Kyiv,Kyjiw\nKyiv,Kiew\n", 2,
     'conflicting entries: "Kyiv" has two de forms'),
    ("three fields", "en-de.csv", "Kyiv,Kyjiw,Kiew\n", 1, "3 fields"),
    ("another pair in the columns", "en-de.csv", "Kyiv,Kyjiw,EN,PL\n", 1,
     "languages EN -> PL, the glossary is en -> de"),
    ("empty target", "en-de.csv", "Kyiv,Kyjiw\nKursk,\n", 2, "empty de term for 'Kursk'"),
    ("empty source", "en-de.tsv", "Kyiv\tKyjiw\n\tKursk\n", 2, "empty English term"),
    ("not from English", "de-en.csv", "Kyjiw,Kyiv\n", None, "a glossary for de -> en"),
    ("no pair, no header", "glossary.csv", "Kyiv,Kyjiw\n", 1, "unknown column 'Kyiv'"),
    ("a typo in a header", "en-de.csv", "en,dee\nKyiv,Kyjiw\n", 1, "unknown language 'dee'"),
    ("CSV quoting", "en-de.csv", 'Kyiv,"Kyjiw\n', 1, "CSV syntax error"),
    ("control character", "en-de.csv", "Kyiv,Ky\x07jiw\n", 1, "control character U+0007 in de"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "text", "line", "message"),
    [e[1:] for e in PAIR_ERRORS],
    ids=[e[0] for e in PAIR_ERRORS],
)
def test_deepl_errors_name_the_line(tmp_path, name, text, line, message):
    path = write(tmp_path, name, text)
    error = load_error(tmp_path)
    assert (error.path, error.line) == (str(path), line), str(error)
    assert message in error.message


def test_a_pair_term_and_a_toml_term_must_agree(tmp_path):
    write(tmp_path, "en-uk.csv", "Sudzha,Суджа\nKursk,Курск\n")
    write(tmp_path, "names.toml", GOOD + '\n[Kursk]\nuk = "Курськ"\n')
    error = load_error(tmp_path)
    assert error.path.endswith("names.toml") and error.line == 10
    assert '"Kursk" has two uk forms: "Курськ"' in error.message and "en-uk.csv:2" in error.message


# --- export ----------------------------------------------------------------------------


def test_deepl_export(gloss, tmp_path):
    path = tmp_path / "en-uk.tsv"
    rows = export_deepl_tsv(gloss, "uk", path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == rows == sum(len(t.english) for t in gloss.terms)
    assert all(line.count("\t") == 1 and line == line.strip() for line in lines)
    assert "Zelensky\tЗеленський" in lines and "Zelenskyy\tЗеленський" in lines  # variants
    assert "Bloomberg\tBloomberg" in lines  # do not translate: to itself
    sources = [line.split("\t")[0] for line in lines]
    assert len(set(sources)) == len(sources)  # DeepL refuses a source twice
    # It reads back: each English form, with its canonical form.
    again = load_glossary(path)
    assert again.languages == ("uk",)
    assert [(t.en, t.forms["uk"].canonical) for t in again.terms] == [
        tuple(line.split("\t")) for line in lines
    ]
    assert pair_file_name(path, "uk") and not pair_file_name(tmp_path / "deepl.tsv", "uk")


def test_deepl_export_of_a_shipped_language_pair_loads_beside_the_glossary(tmp_path):
    import shutil

    shutil.copytree(REPO / "glossary", tmp_path / "g")
    export_deepl_tsv(load_glossary(tmp_path / "g"), "ru", tmp_path / "g" / "en-ru.tsv")
    # The pair's rows join the terms they came from: nothing new, nothing in conflict.
    both = load_glossary(tmp_path / "g")
    assert len(both.terms) == len(load_glossary(REPO / "glossary").terms)


def test_a_pair_cannot_translate_a_do_not_translate_name(tmp_path):
    toml = write(tmp_path, "names.toml", "[GIZ]\ndnt = true\n")
    pair = write(tmp_path, "en-uk.csv", "GIZ,ГІЦ\n")
    error = load_error(tmp_path)
    assert (error.path, error.line) == (str(toml), 1)  # the later of the two files
    assert f'"GIZ" is do-not-translate at {toml}:1 and translated at {pair}:1' in error.message
