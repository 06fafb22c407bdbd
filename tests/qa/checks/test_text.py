"""What several checks share (:mod:`l10n.qa.checks._text`): speed-ups that must
not change a verdict."""

from __future__ import annotations

import pytest

from l10n.qa.checks import _text


@pytest.mark.parametrize(
    "text",
    [
        "Bloomberg and DW Akademie, DW Akademies, xDW Akademie, DW Akademie1",
        "C++ and .NET and U.S. and x.NET and U.S.A. and C+++",
        "GIZ\nGIZ GIZ_ GIZ-funded #SustainMediaProgramme",
        "",
    ],
)
def test_dnt_pattern_matches_as_one_bounded_alternative_per_term(text):
    import re

    forms = sorted(
        {"Bloomberg", "DW Akademie", "GIZ", "C++", ".NET", "U.S.", "#SustainMediaProgramme"},
        key=len,
        reverse=True,
    )
    plain = re.compile("|".join(rf"(?<!\w){re.escape(f)}(?!\w)" for f in forms))
    fast = _text._compile_dnt(tuple(forms))
    assert fast is not None
    assert fast.sub("|", text) == plain.sub("|", text)


@pytest.mark.parametrize(
    "source,translation",
    [
        ("World", "World"),
        ("World", "world "),
        ("Read more  about it", " read MORE about\nit"),
        ("Read more about it", "Read more about this"),
        ("Straße", "STRASSE"),
        ("a\u00a0b", "a b"),
        ("", ""),
        ("  ", "x"),
        ("Kursk", "Курськ"),
        ("1 months ago", "1 months  ago\t"),
    ],
)
def test_same_text_quick_reject_agrees_with_the_full_comparison(source, translation):
    assert _text.same_text(source, translation) == _text._same_normalised_text(source, translation)
    assert _text.same_text(translation, source) == _text._same_normalised_text(translation, source)
