"""A synthetic en->ru parallel corpus for bench/terms: names in many spellings and cases.

What glossary-aware decoding must fix is a model that learned several
renderings of one name and picks the wrong one.  So every sentence here comes
from a template that puts glossary names (the repository's own entries:
Sudzha, Zelensky, Fanaseyevka, Kyiv, Kursk) in a case the Russian context
governs (``под Суджей``, ``о Зеленском``), and the Russian side renders each
name either in the glossary's form, declined by pymorphy3 as l10n declines it
(:func:`l10n.morph.chunks.inflect`), or in a variant: one the glossary lists
as forbidden (replacement after decoding fixes it) or one nobody listed
(only decoding can).  Which rendering is likeliest depends on the English
spelling, as with real web-crawled data: the glossary's own spelling is
mostly rendered its way, the second spelling (Sudža, Zelenskyy, Kyiv) about
half the time, rarer ones (Sudja, Zelenskiy, Fanasiivka) seldom, so a model
trained on it gets some sentences wrong with beam search alone and has the
right form among its hypotheses for only some of them.  In all, about 60%
of the target names and half the sentences are the glossary's.

Everything is seeded: the same seed gives the same corpus.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from l10n.glossary import Glossary, Term
from l10n.morph.chunks import inflect
from l10n.morph.text import match_case

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")


@dataclass(frozen=True)
class Name:
    """A glossary term and the renderings the corpus gives it.

    ``stem``: the part of the canonical form every case keeps; ``listed``
    and ``unlisted``: stems put in its place for a forbidden and for an
    unlisted variant (``Судзх`` -> Судзха, Судзхи...).
    """

    en: str
    stem: str
    listed: str | None
    unlisted: tuple[str, ...]


NAMES = (
    Name("Sudzha", "Судж", "Судзх", ("Суддж", "Судз")),
    Name("Zelensky", "Зеленск", "Зеленськ", ("Зеленьск", "Зелинск")),
    Name("Fanaseyevka", "Фанасеевк", "Фанасейевк", ("Фанасиевк",)),
    Name("Kiev", "Ки", None, ("Кы", "Кие")),
    Name("Kursk", "Курск", "Курськ", ("Курьск",)),
)
# Share of the glossary's rendering for the glossary's English spelling, the
# second spelling, rarer ones (Sudja, Zelenskiy, Fanasiivka: the glossary's
# form is seldom seen with them, so seldom among a model's hypotheses) and
# for a name with one spelling.
GLOSSARY_SHARE = {"canonical": 0.95, "second": 0.45, "rare": 0.05, "only": 0.75}

# (English, Russian): {0} is the name, {0:CASE} the case Russian puts it in.
TEMPLATES = (
    ("{0} was quiet on {day}.", "В {day_acc} в {0:loct} было тихо."),
    ("Fighting near {0} continued {when}.", "Бои под {0:ablt} продолжались {when_ru}."),
    ("The report from {0} arrived {when}.", "Сообщение из {0:gent} пришло {when_ru}."),
    ("The army said nothing about {0}.", "Армия ничего не сказала о {0:loct}."),
    ("{who} spoke about {0} {when}.", "{who_ru} говорил о {0:loct} {when_ru}."),
    ("{who} sent a letter to {0}.", "{who_ru} отправил письмо {0:datv}."),
    ("The road to {0} was closed.", "Дорога к {0:datv} была закрыта."),
    ("Many people left {0} {when}.", "Многие люди покинули {0:accs} {when_ru}."),
    ("{who} met with {0} on {day}.", "{who_ru} встретился с {0:ablt} в {day_acc}."),
    ("There is no water in {0}.", "В {0:loct} нет воды."),
    ("{0} and {1} were mentioned {when}.", "{0} и {1} упоминались {when_ru}."),
    ("The journalists went from {0} to {1}.", "Журналисты поехали из {0:gent} к {1:datv}."),
    ("{who} saw {0} on {day}.", "{who_ru} видел {0:accs} в {day_acc}."),
    ("Nobody knows what {0} will do.", "Никто не знает, что сделает {0}."),
    ("The price of bread in {0} rose {when}.", "Цена хлеба в {0:loct} выросла {when_ru}."),
    ("{0} is far from {1}.", "{0} далеко от {1:gent}."),
)
DAYS = (
    ("Monday", "понедельник"),
    ("Tuesday", "вторник"),
    ("Wednesday", "среду"),
    ("Thursday", "четверг"),
    ("Friday", "пятницу"),
    ("Saturday", "субботу"),
    ("Sunday", "воскресенье"),
)
WHEN = (
    ("yesterday", "вчера"),
    ("today", "сегодня"),
    ("last week", "на прошлой неделе"),
    ("in the morning", "утром"),
    ("at night", "ночью"),
    ("again", "снова"),
    ("for a long time", "долго"),
)
WHO = (
    ("The mayor", "Мэр"),
    ("The general", "Генерал"),
    ("A reporter", "Репортёр"),
    ("The governor", "Губернатор"),
    ("A neighbour", "Сосед"),
    ("The minister", "Министр"),
)


@dataclass(frozen=True)
class Pair:
    source: str
    target: str
    terms: tuple[str, ...]  # the English form of each name in it
    glossary_form: bool  # every name rendered the glossary's way


def rendering(name: Name, term: Term, case: str, stem: str) -> str:
    """The name in ``case`` (pymorphy3, as l10n declines it), its stem swapped."""
    canonical = term.forms["ru"].canonical
    form = inflect(canonical, "ru", case) if case != "nomn" else canonical
    form = match_case(form, canonical) if form else canonical
    assert form.startswith(name.stem), (form, name.stem)
    return stem + form[len(name.stem) :]


def _spelling_and_stem(name: Name, term: Term, rng: random.Random) -> tuple[str, str]:
    spellings = term.english
    spelling = rng.choice(spellings)
    if len(spellings) == 1:
        share = GLOSSARY_SHARE["only"]
    else:
        share = GLOSSARY_SHARE[("canonical", "second", "rare")[min(2, spellings.index(spelling))]]
    if rng.random() < share:
        return spelling, name.stem
    # The unlisted variants take most of the rest: only decoding fixes those.
    variants = [*name.unlisted, *([name.listed] * (name.listed is not None))]
    weights = [3.0 / len(name.unlisted)] * len(name.unlisted) + [1.0] * (name.listed is not None)
    if spelling != term.en and len(spellings) > 1:
        # Each other spelling has its own favourite unlisted rendering.
        favourite = name.unlisted[spellings.index(spelling) % len(name.unlisted)]
        weights = [
            w * (4.0 if v == favourite else 1.0) for v, w in zip(variants, weights, strict=True)
        ]
    return spelling, rng.choices(variants, weights)[0]


def make_pair(glossary: Glossary, rng: random.Random) -> Pair:
    en, ru = rng.choice(TEMPLATES)
    slots = 2 if "{1" in en else 1
    names = rng.sample(NAMES, slots)
    fill_en: list[str] = []
    fill_ru: dict[str, str] = {}
    ok = True
    for k, name in enumerate(names):
        term = glossary.term(name.en)
        spelling, stem = _spelling_and_stem(name, term, rng)
        fill_en.append(spelling)
        ok = ok and stem == name.stem
        for case in CASES:
            fill_ru[f"{{{k}:{case}}}"] = rendering(name, term, case, stem)
        fill_ru[f"{{{k}}}"] = rendering(name, term, "nomn", stem)
    day, day_ru = rng.choice(DAYS)
    when, when_ru = rng.choice(WHEN)
    who, who_ru = rng.choice(WHO)
    source = en.format(*fill_en, day=day, when=when, who=who)
    target = ru
    for key, value in fill_ru.items():
        target = target.replace(key, value)
    target = target.format(day_acc=day_ru, when_ru=when_ru, who_ru=who_ru)
    return Pair(source, target[0].upper() + target[1:], tuple(n.en for n in names), ok)


def build_corpus(
    glossary: Glossary, n_train: int, n_test: int, seed: int
) -> tuple[list[Pair], list[Pair]]:
    """``n_train`` training pairs and ``n_test`` held-out ones, whose sources
    (each different) never occur in training."""
    rng = random.Random(seed)
    test: dict[str, Pair] = {}
    while len(test) < n_test:
        pair = make_pair(glossary, rng)
        test.setdefault(pair.source, pair)
    train: list[Pair] = []
    while len(train) < n_train:
        pair = make_pair(glossary, rng)
        if pair.source not in test:
            train.append(pair)
    return train, list(test.values())
