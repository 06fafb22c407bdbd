"""The ``links`` check (:mod:`l10n.qa.checks.links`)."""

from __future__ import annotations

import pytest

from l10n.qa.base import Severity
from l10n.qa.checks.links import links_in
from qa.checks.samples import REGISTERED, only

SITE = "Read more at https://www.kosovapress.com/en/news/kursk-2024."
MAIL = "Write to redaksia@kosovapress.com for details."
HANDLE = "Follow @KosovaPress on X."

BROKEN = [
    ("uk", SITE, "Докладніше на https://www.kosovapress.com/uk/news/kursk-2024."),
    ("ru", SITE, "Подробнее на https://www.kosovapress.com/en/news/kursk-2025."),
    ("sq", SITE, "Lexoni më shumë në www.kosovapress.com/en/news/kursk-2024."),
    ("uk", MAIL, "Пишіть на redakcia@kosovapress.com."),
    ("ru", MAIL, "Пишите в редакцию."),
    ("sq", HANDLE, "Ndiqni @KosovaPres në X."),
    ("uk", HANDLE, "Стежте за @КосоваПрес в X."),
]

KEPT = [
    ("uk", SITE, "Докладніше на https://www.kosovapress.com/en/news/kursk-2024."),
    ("ru", SITE, "Подробнее: https://www.kosovapress.com/en/news/kursk-2024"),
    ("sq", SITE, "Lexoni më shumë në https://www.kosovapress.com/en/news/kursk-2024."),
    ("uk", MAIL, "Пишіть на redaksia@kosovapress.com."),
    ("ru", MAIL, "Пишите на Redaksia@KosovaPress.com."),
    ("sq", MAIL, "Shkruani në redaksia@kosovapress.com për hollësi."),
    ("uk", HANDLE, "Стежте за @kosovapress в X."),
    ("ru", HANDLE, "Подписывайтесь на @KosovaPress в X."),
    (
        "sq",
        "See (https://en.wikipedia.org/wiki/Kursk_(city)).",
        "Shih (https://en.wikipedia.org/wiki/Kursk_(city)).",
    ),
    ("ru", "Price: 5 @ 10", "Цена: 5 за 10"),
    ("uk", "No link here.", "Тут немає посилання."),
]


@pytest.mark.parametrize("lang,msgid,msgstr", BROKEN)
def test_a_changed_or_missing_link_is_an_error(lang, msgid, msgstr):
    (problem,) = only("links", lang, msgid, msgstr)
    assert "missing or changed" in problem.message
    assert problem.expected in msgid
    assert REGISTERED["links"].severity is Severity.ERROR


@pytest.mark.parametrize("lang,msgid,msgstr", KEPT)
def test_links_copied_unchanged_pass(lang, msgid, msgstr):
    assert only("links", lang, msgid, msgstr) == []


def test_links_leave_sentence_punctuation_out_and_keep_their_brackets():
    assert [link.text for link in links_in(SITE)] == [
        "https://www.kosovapress.com/en/news/kursk-2024"
    ]
    assert [link.text for link in links_in("(https://en.wikipedia.org/wiki/Kursk_(city)).")] == [
        "https://en.wikipedia.org/wiki/Kursk_(city)"
    ]
    assert [(link.kind, link.text) for link in links_in(MAIL + " " + HANDLE)] == [
        ("e-mail address", "redaksia@kosovapress.com"),
        ("handle", "@KosovaPress"),
    ]
