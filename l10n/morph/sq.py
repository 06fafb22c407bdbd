"""Albanian endings of names.

Albanian uses :data:`SQ_CLASSES`, the case and definiteness endings of the
noun classes names fall into, chosen from the ending of the canonical form
(:func:`sq_class`) or set in the glossary (``inflect.sq``).  Forms are keyed
by their slot (``"def_gen"``), so an Albanian ``Sudzhës`` (``def_gen``)
becomes ``Suxhës``.
"""

from __future__ import annotations

from l10n.morph.text import is_acronym, normalize

# Albanian noun classes for names.  Each class lists (ending, slots) in order of
# preference; a form is stem + ending.  Slots: "base" the bare (indefinite) form,
# "def_nom" definite nominative, "def_gen" definite genitive/dative/ablative,
# "def_acc" definite accusative.  Proper names nearly always take the definite
# forms; the bare form is used after prepositions (në Ukrainë, në Kiev) and in
# apposition (presidenti Putin).
#
#   class    canonical ends in              stem     forms
#   m-cons   consonant (not k, g, h)        word     Putin Putini Putinit Putinin
#   m-velar  k, g, h (definite -u)          word     Kursk Kursku Kurskut Kurskun
#   m-i      consonant + i                  word     Kremlini Kremlinit Kremlinin, bare Kremlin;
#                                                    Zelenski Zelenskit Zelenskin
#   m-vowel  -y, -o, -u, vowel + i          word     Zelensky Zelenskyt Zelenskyn; -u -ut -un
#   f-a      -a or -ë                       -a, -ë   Suxha: Suxhë Suxha Suxhës Suxhën;
#                                                    Moska Moskës Moskën; Belgjikë Belgjika
#   f-ia     -ia (stressed -i)              -a       Rusia: Rusi Rusia Rusisë Rusinë
#   f-e      -e, -ea, -eja (stressed -e)    -a, -ja  Krime Krimea Krimeja Krimesë Krimenë;
#                                                    Koreja: Kore Korea Koreja Koresë Korenë
#   link     the articles e, i, të, së      -        any of the four: Koreja e Veriut,
#                                                    Koresë së Veriut
#   none     acronyms (BE, SHBA, GIZ)       word     the form itself
#
# Foreign names often take the ending after a hyphen (Bloomberg-u, KosovaPress-it,
# BE-së): the hyphen separates words, so these match the bare name.  A class can
# be forced per term and language with ``inflect.sq = "f-a"`` (see glossary).
SQ_CLASSES: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "m-cons": (("", ("base",)), ("i", ("def_nom",)), ("it", ("def_gen",)), ("in", ("def_acc",))),
    "m-velar": (("", ("base",)), ("u", ("def_nom",)), ("ut", ("def_gen",)), ("un", ("def_acc",))),
    "m-i": (("", ("base", "def_nom")), ("t", ("def_gen",)), ("n", ("def_acc",))),
    "m-vowel": (
        ("", ("base", "def_nom")),
        ("t", ("def_gen",)),
        ("n", ("def_acc",)),
        ("u", ("def_nom",)),
        ("ut", ("def_gen",)),
        ("un", ("def_acc",)),
    ),
    "f-a": (("ë", ("base",)), ("a", ("def_nom",)), ("ës", ("def_gen",)), ("ën", ("def_acc",))),
    "f-ia": (("", ("base",)), ("a", ("def_nom",)), ("së", ("def_gen",)), ("në", ("def_acc",))),
    "f-e": (
        ("", ("base",)),
        ("a", ("def_nom",)),
        ("ja", ("def_nom",)),
        ("së", ("def_gen",)),
        ("në", ("def_acc",)),
    ),
    "none": (("", ("base", "def_nom", "def_gen", "def_acc")),),
}
SQ_LINK_WORDS = ("e", "i", "të", "së")
INFLECT_CLASSES = (*SQ_CLASSES, "link")
_SQ_VOWELS = set("aeëiouy")


def sq_class(chunk: str) -> str:
    """The Albanian class of a word, by its ending (see :data:`SQ_CLASSES`)."""
    w = chunk.lower()
    if is_acronym(chunk):
        return "none"
    if w in SQ_LINK_WORDS:
        return "link"
    if w.endswith("ia"):
        return "f-ia"
    if w.endswith(("a", "ë", "e")):
        return "f-e" if w.endswith(("ea", "eja", "e")) else "f-a"
    if w.endswith("i") and len(w) > 2 and w[-2] not in _SQ_VOWELS:
        return "m-i"
    if w[-1] in _SQ_VOWELS:
        return "m-vowel"
    return "m-velar" if w[-1] in "kgh" else "m-cons"


def _sq_stem(chunk: str, cls: str | None) -> tuple[str, str]:
    """(class, stem): the stem is the word without the ending of its own slot."""
    klass = cls or sq_class(chunk)
    w = chunk.lower()
    if klass == "f-a" and w.endswith(("a", "ë")):
        return klass, w[:-1]
    if klass == "f-ia" and w.endswith("ia"):
        return klass, w[:-1]
    if klass == "f-e":
        if w.endswith("eja"):
            return klass, w[:-2]
        if w.endswith("ea"):
            return klass, w[:-1]
    return klass, w


def sq_forms(chunk: str, cls: str | None = None) -> dict[str, str]:
    """Albanian forms of one word: normalised form -> slot."""
    klass, stem = _sq_stem(chunk, cls)
    if klass == "link":
        return dict.fromkeys(SQ_LINK_WORDS, "link")
    forms: dict[str, str] = {}
    for ending, slots in SQ_CLASSES[klass]:
        forms.setdefault(normalize(stem + ending, "sq"), slots[0])
    forms.setdefault(normalize(chunk, "sq"), "base")
    if klass == "m-i":
        forms.setdefault(normalize(stem[:-1], "sq"), "base")  # Kremlini -> Kremlin
    return forms


def sq_inflect(chunk: str, slot: str, cls: str | None = None) -> str | None:
    klass, stem = _sq_stem(chunk, cls)
    if klass == "link" or slot == "link":
        return None
    for ending, slots in SQ_CLASSES[klass]:
        if slot in slots:
            return normalize(stem + ending, "sq")
    return None
