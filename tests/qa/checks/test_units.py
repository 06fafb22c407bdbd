"""The ``units`` check (:mod:`l10n.qa.checks.units`)."""

from __future__ import annotations

import pytest

from l10n.qa.base import Severity
from qa.checks.samples import REGISTERED, names, only

LOST = [
    ("uk", "The ship turned 180°.", "Корабель розвернувся на 180."),
    ("ru", "Prices rose 5%.", "Цены выросли на 5."),
    ("sq", "It costs €45.1 million.", "Kushton 45,1 milionë."),
    ("uk", "Inflation hit 10 percent.", "Інфляція сягнула 10."),
    ("ru", "A $2 billion loan", "Кредит в 2 млрд"),
    ("sq", "Temperatures of 30°C", "Temperatura prej 30 C"),
    ("uk", "It costs €45.1 million.", "Це коштує 45,1 мільйона."),
]

KEPT = [
    ("uk", "The ship turned 180°.", "Корабель розвернувся на 180°."),
    ("ru", "The ship turned 180°.", "Корабль развернулся на 180 градусов."),
    ("sq", "The ship turned 180°.", "Anija u kthye 180 gradë."),
    ("uk", "Prices rose 5%.", "Ціни зросли на 5 %."),
    ("ru", "Prices rose 5%.", "Цены выросли на 5 процентов."),
    ("sq", "Prices rose 5%.", "Çmimet u rritën me 5 përqind."),
    ("uk", "It costs €45.1 million.", "Це коштує 45,1 млн євро."),
    ("ru", "It costs €45.1 million.", "Это стоит 45,1 млн евро."),
    ("sq", "It costs €45.1 million.", "Kushton 45,1 milionë euro."),
    ("uk", "A $2 billion loan", "Кредит у 2 млрд доларів"),
    ("ru", "A $2 billion loan", "Кредит в 2 млрд долларов США"),
    ("sq", "A $2 billion loan", "Një hua prej 2 miliardë dollarësh"),
    ("uk", "Inflation hit 10 percent.", "Інфляція сягнула 10 відсотків."),
    ("ru", "It fell 3 percentage points.", "Он упал на 3 процентных пункта."),
    ("sq", "About 90°F today", "Rreth 32 °C sot"),
    ("uk", "Prices rose five percent.", "Ціни зросли на п’ять відсотків."),
]


@pytest.mark.parametrize("lang,msgid,msgstr", LOST)
def test_a_number_that_lost_its_unit_is_an_error(lang, msgid, msgstr):
    (problem,) = only("units", lang, msgid, msgstr)
    assert "not its unit" in problem.message
    assert REGISTERED["units"].severity is Severity.ERROR


@pytest.mark.parametrize("lang,msgid,msgstr", KEPT)
def test_the_unit_as_a_sign_or_the_local_word_passes(lang, msgid, msgstr):
    assert only("units", lang, msgid, msgstr) == []


def test_a_missing_number_is_reported_once_by_the_numbers_check():
    found = names("uk", "Prices rose 5%.", "Ціни зросли на кілька відсотків.")
    assert "numbers" in found and "units" not in found
