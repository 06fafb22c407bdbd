"""Albanian endings (l10n.morph.sq)."""

from __future__ import annotations

import pytest

from l10n.morph.sq import sq_class, sq_forms, sq_inflect

SQ = [
    # word, class, forms that must be there
    ("Putin", "m-cons", {"putin", "putini", "putinit", "putinin"}),
    ("Kursk", "m-velar", {"kursk", "kursku", "kurskut", "kurskun"}),
    ("Kremlini", "m-i", {"kremlin", "kremlini", "kremlinit", "kremlinin"}),
    ("Zelensky", "m-vowel", {"zelensky", "zelenskyt", "zelenskyn"}),
    ("Suxha", "f-a", {"suxha", "suxhës", "suxhën", "suxhë"}),
    ("Belgjikë", "f-a", {"belgjikë", "belgjika", "belgjikës", "belgjikën"}),
    ("Rusia", "f-ia", {"rusi", "rusia", "rusisë", "rusinë"}),
    ("Krime", "f-e", {"krime", "krimea", "krimeja", "krimesë", "krimenë"}),
    ("Koreja", "f-e", {"kore", "koreja", "koresë", "korenë"}),
    ("SHBA", "none", {"shba"}),
    ("e", "link", {"e", "i", "të", "së"}),
]


@pytest.mark.parametrize(("word", "cls", "forms"), SQ, ids=[s[0] for s in SQ])
def test_albanian_classes(word, cls, forms):
    assert sq_class(word) == cls
    assert forms <= set(sq_forms(word))


def test_albanian_inflect_carries_the_slot_over():
    slot = sq_forms("Sudzha")["sudzhës"]
    assert slot == "def_gen"
    assert sq_inflect("Suxha", slot) == "suxhës"
    assert sq_inflect("Kursk", "def_acc") == "kurskun"
    assert sq_inflect("Kiev", sq_forms("Kyiv")["kyivit"]) == "kievit"
    # A forced class: a feminine noun in -i written in its indefinite form.
    assert {"rusisë", "rusinë"} <= set(sq_forms("Rusi", "f-ia"))
