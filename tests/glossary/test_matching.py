"""Matching (l10n.glossary.matching): names in English source text, inflected
forms in translations, and the quick path that decides as the full one."""

from __future__ import annotations

import pytest
from conftest import REPO

from glossary.samples import SENTENCES, SOURCE_SENTENCES, VIOLATIONS
from l10n.glossary import Glossary
from l10n.po import read_po

# --- English side -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Kursk becomes Putin's nightmare", ["Kursk", "Putin"]),
        ("Putin’s failure to push Ukraine back", ["Putin", "Ukraine"]),
        ("Kiev has a bargaining chip", ["Kiev"]),
        ("Kyiv has a bargaining chip", ["Kiev"]),
        ("THE KURSK OPERATION", ["Kursk"]),
        ("a Trumpet in Kurskaya oblast", []),
        ("North Korean soldiers", []),
        ("President Vladimir Putin told", ["Vladimir Putin"]),
        ("Vladimir Putin and then Putin again", ["Vladimir Putin", "Putin"]),
        ("his U.S. counterpart", ["United States"]),
        ("tell us about it", []),
        ("the views of the EU", ["European Union"]),
        ("the eu", []),
        ("the London-based Chatham House think tank", ["London", "Chatham House"]),
        ("#SustainMediaProgramme", ["SustainMediaProgramme"]),
    ],
)
def test_terms_in_english(gloss, source, expected):
    assert [t.en for t in gloss.terms_in(source)] == expected


# --- inflected forms count ------------------------------------------------------------

INFLECTED = [
    ("ru", "Sudzha", "около Суджи", "Суджи"),
    ("ru", "Sudzha", "к Судже", "Судже"),
    ("ru", "Sudzha", "через Суджу", "Суджу"),
    ("ru", "the Kursk region", "в Курской области", "Курской"),
    ("ru", "in Kursk", "по Курску", "Курску"),
    ("ru", "Putin's nightmare", "кошмар Путина", "Путина"),
    ("ru", "said Nikolai Petrov", "сказал Николаю Петрову", "Николаю Петрову"),
    ("ru", "Fanaseyevka", "у Фанасеевки", "Фанасеевки"),
    ("ru", "Ulanok", "к Уланку", "Уланку"),
    ("ru", "North Korea", "из Северной Кореи", "Северной Кореи"),
    ("ru", "in St. Petersburg", "в Санкт-Петербурге", "Санкт-Петербурге"),
    ("ru", "back to Russia", "обратно в Россию", "Россию"),
    ("ru", "Russia's troops", "российские войска", "российские"),
    ("ru", "Putin's", "Путина ждёт", "Путина"),
    ("ru", "Chatham House", "центра Chatham House", "Chatham House"),
    ("uk", "in Kursk", "у Курську", "Курську"),
    ("uk", "in Sudzha", "у Суджі", "Суджі"),
    ("uk", "in Kiev", "у Києві", "Києві"),
    ("uk", "Putin's", "Путіна", "Путіна"),
    ("uk", "the Kursk region", "у Курській області", "Курській"),
    ("uk", "the Kursk region", "на Курщині", "Курщині"),
    ("uk", "help from North Korea", "допомоги Північної Кореї", "Північної Кореї"),
    ("uk", "Fanaseyevka", "до Фанасіївки", "Фанасіївки"),
    ("uk", "Ulanok", "до Уланка", "Уланка"),
    ("uk", "Nikolai Petrov", "Миколи Петрова", "Миколи Петрова"),
    ("uk", "Ukrinform", "Укрінформу", "Укрінформу"),
    ("sq", "Kursk", "në Kursku", "Kursku"),
    ("sq", "Kursk", "për Kurskun", "Kurskun"),
    ("sq", "Kursk", "rajoni i Kurskut", "Kurskut"),
    ("sq", "Sudzha", "e Suxhës", "Suxhës"),
    ("sq", "Sudzha", "drejt Suxhën", "Suxhën"),
    ("sq", "Putin", "kundër Putinit", "Putinit"),
    ("sq", "Putin", "e kritikoi Putinin", "Putinin"),
    ("sq", "Crimea", "në Krimesë", "Krimesë"),
    ("sq", "Crimea", "Krimea", "Krimea"),
    ("sq", "Moscow", "Moskës", "Moskës"),
    ("sq", "Moscow", "Moskën", "Moskën"),
    ("sq", "Kremlin", "Kremlinit", "Kremlinit"),
    ("sq", "North Korea", "Koresë së Veriut", "Koresë së Veriut"),
    ("sq", "Russia", "Rusisë", "Rusisë"),
    ("sq", "Belgium", "madhësinë e Belgjikës", "Belgjikës"),
    ("sq", "Bloomberg writes", "shkruan Bloombergu", "Bloombergu"),
    ("sq", "Bloomberg writes", "shkruan Bloomberg-u", "Bloomberg"),
    ("sq", "the EU", "BE-së", "BE"),
]


@pytest.mark.parametrize(("lang", "source", "text", "span"), INFLECTED)
def test_inflected_forms_count(gloss, lang, source, text, span):
    (term,) = gloss.terms_in(source)
    assert [f[2] for f in gloss.find_forms(term, lang, text)] == [span]
    assert gloss.violations(lang, source, text) == []


# --- the quick path decides as the full one ----------------------------------------------


def _damaged(text: str) -> list[str]:
    """A translation, and the same one with its names damaged or disguised."""
    return [
        text,
        text.upper(),
        text.lower(),
        text.replace("Курськ", "Курськовий").replace("Курск", "Курскович"),  # longer words
        text.replace("Суджі", "Су\u0301джі").replace("Суджи", "Су\u0301джи"),  # stress mark
        text.replace(" Путін", ", Путін").replace(" Путин", ", Путин"),  # split names
        text.replace("Путін", "Путин").replace("Kursk", "Kursku").replace("Suxh", "Sudzh"),
        text.replace("Володимир ", "").replace("Владимир ", "").replace("Vladimir ", ""),
        text.replace("’", "'").replace("Київ", "Киев"),
        " ".join(text.split()[::-1]),
        "x" + text.replace(" ", "_", 3),
    ]


def test_the_quick_path_finds_what_the_full_path_finds(gloss, monkeypatch):
    corpus = [
        (lang, e.msgid, msgstr)
        for lang in ("sq", "uk", "ru")
        for e in read_po(REPO / "locales" / lang / "kursk.po")
        if e.msgstr
        for msgstr in _damaged(e.msgstr)
    ]
    corpus += [(lang, SOURCE_SENTENCES, t) for lang, s in SENTENCES.items() for t in _damaged(s)]
    corpus += [(lang, source, text) for lang, source, text, *_ in VIOLATIONS]
    quick = Glossary._quick_violations
    used = []

    def counting(self, *args):
        answer = quick(self, *args)
        used.append(answer is not None)
        return answer

    monkeypatch.setattr(Glossary, "_quick_violations", counting)
    fast = [gloss.violations(*case) for case in corpus]
    monkeypatch.setattr(Glossary, "_quick_violations", lambda *args: None)
    full = [gloss.violations(*case) for case in corpus]
    for case, a, b in zip(corpus, fast, full, strict=True):
        assert a == b, case
    # Both ways are exercised: the quick answer, and the hand-over to the full path.
    assert used.count(True) > len(corpus) // 3 and used.count(False) > 50
    assert sum(map(bool, full)) > 100  # and there are violations to find
