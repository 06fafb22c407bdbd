"""l10n.decoding: glossary-aware decoding, each path driven by a scripted engine.

Random weights never render a name right, so they cannot show a hypothesis
being chosen or a forced form winning: :class:`NBest` answers from a script
(the hypotheses, what follows a forced prefix, the score of each whole
output) and records every call, so each test says which path it drives and
checks the calls it cost.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from l10n import decoding
from l10n.engines import Hypothesis, Translation
from l10n.glossary import Glossary, LangForms, Term
from l10n.pipeline import translate_documents
from l10n.po import read_po

SUDZHA = Term("Sudzha", forms={"uk": LangForms("Суджа", forbidden=("Судзха",))})
PUTIN = Term("Putin", forms={"uk": LangForms("Путін", forbidden=("Путин",))})
GLOSSARY = Glossary([SUDZHA, PUTIN])

SOURCE = "Ukrainian forces attacked southeast of Sudzha."
HEAD = "Українські сили атакували на південний схід від "
WRONG = HEAD + "Судзхи."  # a listed wrong spelling: replacement could fix it
UNLISTED = HEAD + "Суддзі."  # a spelling nobody listed: only decoding can fix it


@dataclass
class NBest:
    """An engine that answers from a script and records what it was asked.

    ``hypotheses``: source -> [(text, score)], best first; ``follow``: forced
    prefix -> the text the model writes after it (default "."); ``scores``:
    whole output -> its score (default -10).
    """

    hypotheses: dict[str, list[tuple[str, float]]]
    follow: dict[str, str] = field(default_factory=dict)
    scores: dict[str, float] = field(default_factory=dict)
    calls: list[dict] = field(default_factory=list)
    scored: list[list[str]] = field(default_factory=list)
    name: str = "scripted n-best engine"

    def translate(self, texts, *, beam_size=4, num_hypotheses=1, prefixes=None, progress=None):
        self.calls.append({"texts": list(texts), "n": num_hypotheses, "prefixes": prefixes})
        for i, text in enumerate(texts):
            prefix = prefixes[i] if prefixes else None
            if prefix:
                out = prefix + self.follow.get(prefix, ".")
                yield i, Translation((Hypothesis(out, -1.0, 0.5),))
                continue
            hyps = self.hypotheses[text][:num_hypotheses]
            yield i, Translation(tuple(Hypothesis(t, s, 0.9) for t, s in hyps))
        if progress:
            progress(len(texts))

    def score(self, sources, targets):
        self.scored.append(list(targets))
        return [Hypothesis(t, self.scores.get(t, -10.0), 0.4) for t in targets]


def decode_one(engine: NBest, source: str = SOURCE) -> decoding.Outcome:
    (outcome,) = decoding.decode(engine, GLOSSARY, "uk", [source]).values()
    return outcome


def test_the_best_hypothesis_the_glossary_accepts_is_chosen():
    engine = NBest({SOURCE: [(WRONG, -1.0), (UNLISTED, -1.2), (HEAD + "Суджі.", -1.5)]})
    outcome = decode_one(engine)
    assert outcome.text == HEAD + "Суджі."
    assert (outcome.path, outcome.rank, outcome.hypotheses) == ("chosen", 3, 3)  # all it gave
    # One decode, asking for several hypotheses; nothing forced.
    assert [c["n"] for c in engine.calls] == [decoding.HYPOTHESES]
    assert not engine.scored


def test_a_right_best_hypothesis_costs_nothing_more():
    engine = NBest({SOURCE: [(HEAD + "Суджі.", -1.0), (WRONG, -1.2)]})
    outcome = decode_one(engine)
    assert (outcome.text, outcome.rank) == (HEAD + "Суджі.", 1)
    assert len(engine.calls) == 1 and not engine.scored


def test_the_term_is_forced_in_its_best_scoring_form():
    engine = NBest(
        {SOURCE: [(UNLISTED, -1.0), (HEAD + "Суддзою.", -1.3)]},
        # Each form put in the best hypothesis and scored: two forms win.
        scores={HEAD + "Суджі Суддзі.": -2.0, HEAD + "Суджею Суддзі.": -3.0},
        follow={HEAD + "Суджею": " рано."},
    )
    # The whole completions score otherwise: the genitive's is the better.
    engine.scores |= {HEAD + "Суджі.": -2.5, HEAD + "Суджею рано.": -4.0}
    outcome = decode_one(engine)
    assert outcome.path == "forced"
    assert outcome.text == HEAD + "Суджі."
    assert [(t.en, form) for t, form in outcome.forced] == [("Sudzha", "Суджі")]
    assert outcome.translation.hypotheses[0].score == -2.5  # the whole output's score
    first, forced = engine.calls
    assert first["n"] == decoding.HYPOTHESES
    # The unlisted rendering has no span: the term goes where it stands in the
    # source (the last word); the two best forms are decoded in one call.
    assert sorted(forced["prefixes"]) == [HEAD + "Суджею", HEAD + "Суджі"]
    assert forced["texts"] == [SOURCE, SOURCE]
    placed, completions = engine.scored
    assert len(placed) == len(decoding.declined(SUDZHA, "uk"))
    assert sorted(completions) == [HEAD + "Суджею рано.", HEAD + "Суджі."]


def test_a_wrong_rendering_is_cut_where_it_starts():
    engine = NBest({SOURCE: [(WRONG, -1.0)]})
    outcome = decode_one(engine)
    assert outcome.path == "forced"
    (_, forced) = engine.calls
    # The prefix is the hypothesis up to "Судзхи", then a form of Суджа.
    assert all(p.startswith(HEAD + "Судж") for p in forced["prefixes"])
    assert len(forced["prefixes"]) == decoding.FORCED_FORMS


def test_forcing_that_does_not_help_falls_back():
    # Whatever is forced, the model goes on to misspell the name again.
    engine = NBest({SOURCE: [(WRONG, -1.0)]})
    engine.follow = {p: " і Судзха." for p in _prefixes(WRONG)}
    outcome = decode_one(engine)
    assert outcome.path == "fallback"
    assert outcome.text == WRONG  # left to replacement, as before
    assert len(engine.calls) == 2  # no second round: forcing made nothing better


def test_a_runaway_output_is_left_to_replacement_without_forcing():
    runaway = WRONG + " Судзха" * 30  # the model repeating itself
    engine = NBest({SOURCE: [(runaway, -1.0)]})
    outcome = decode_one(engine)
    assert (outcome.path, outcome.text) == ("fallback", runaway)
    assert len(engine.calls) == 1 and not engine.scored  # nothing forced


def _prefixes(output: str) -> list[str]:
    return [c.prefix for c in decoding.candidates(GLOSSARY, "uk", SOURCE, output)]


def test_two_wrong_terms_take_a_round_each():
    source = "Putin visited Sudzha."
    wrong = "Путин відвідав Судзху."
    engine = NBest({source: [(wrong, -1.0)]})
    # Round one forces Путін at the start; the model goes on to misspell
    # Sudzha, and round two forces Суджа where that starts.
    engine.follow = {form: " відвідав Судзху." for form in decoding.declined(PUTIN, "uk")}
    outcome = decode_one(engine, source)
    assert outcome.path == "forced"
    assert [t.en for t, _ in outcome.forced] == ["Putin", "Sudzha"]
    assert len(engine.calls) == 3
    assert not GLOSSARY.violations("uk", source, outcome.text)


def test_the_forced_round_is_one_batched_call_for_every_sentence():
    other = "Putin visited the front."
    engine = NBest({SOURCE: [(WRONG, -1.0)], other: [("Путин відвідав фронт.", -1.0)]})
    out = decoding.decode(engine, GLOSSARY, "uk", [SOURCE, other])
    assert {o.path for o in out.values()} == {"forced"}
    (_, forced) = engine.calls  # one n-best call, one forced call for both
    assert sorted(set(forced["texts"])) == sorted([SOURCE, other])
    assert len(forced["prefixes"]) == 2 * decoding.FORCED_FORMS
    assert not GLOSSARY.violations("uk", other, out[1].text)


def test_rounds_run_out_and_the_rest_is_left_to_replacement():
    source = "Putin visited Sudzha."
    wrong = "Путин відвідав Судзху."
    engine = NBest({source: [(wrong, -1.0)]})
    engine.follow = {form: " відвідав Судзху." for form in decoding.declined(PUTIN, "uk")}
    # One round: Путін is forced, Sudzha is still wrong and no round is left.
    (outcome,) = decoding.decode(engine, GLOSSARY, "uk", [source], rounds=1).values()
    assert outcome.path == "fallback"
    assert [t.en for t, _ in outcome.forced] == ["Putin"]
    assert outcome.text.startswith("Путін") and "Судзху" in outcome.text
    enforced = GLOSSARY.enforce("uk", source, outcome.text)
    line = decoding.note(outcome, GLOSSARY, "uk", source, outcome.text, enforced)
    assert line == (
        f"{decoding.NOTE_PREFIX} Putin → Путін forced ({outcome.forced[0][1]}); "
        "Sudzha → Суджа replaced after decoding."
    )


def test_no_rounds_stops_after_choosing():
    engine = NBest({SOURCE: [(UNLISTED, -1.0), (WRONG, -1.2)]})
    (outcome,) = decoding.decode(engine, GLOSSARY, "uk", [SOURCE], rounds=0).values()
    assert (outcome.path, outcome.text) == ("fallback", UNLISTED)
    assert len(engine.calls) == 1 and not engine.scored


def test_a_locale_code_decodes_with_its_languages_forms():
    engine = NBest({SOURCE: [(WRONG, -1.0)]})
    (outcome,) = decoding.decode(engine, GLOSSARY, "uk_UA", [SOURCE]).values()
    assert outcome.path == "forced"
    assert outcome.forced[0][1] in decoding.declined(SUDZHA, "uk")


def test_declined_forms_start_with_the_canonical_name():
    forms = decoding.declined(SUDZHA, "uk")
    assert forms[0] == "Суджа"
    assert {"Суджі", "Суджу", "Суджею"} <= set(forms)
    assert len(forms) <= decoding.MAX_FORMS


def test_engines_without_n_best_decode_as_before():
    class Plain:
        name = "plain"

        def translate(self, texts, *, beam_size=4, progress=None):
            yield from enumerate(texts)

    assert not decoding.can_decode(Plain())
    assert decoding.can_decode(NBest({}))


# --- in the pipeline: the note tells the reviewer which path each term took ---------


@pytest.fixture
def names(project) -> Path:
    source = Path("source/names.en.txt")
    source.write_text(f"{SOURCE}\n\nPutin met Trump.\n\nThe war goes on.\n")
    return source


def translate(source: Path, engine: NBest, **kwargs) -> dict[str, str]:
    translate_documents(
        [source],
        ["uk"],
        locales=Path("locales"),
        glossary=GLOSSARY,
        engine_factory=lambda f, t: engine,
        detect_language=False,
        **kwargs,
    )
    return {e.msgid: e for e in read_po("locales/uk/names.po")}


def note(entry) -> str:
    return next(ln for ln in entry.comment.splitlines() if ln.startswith(decoding.NOTE_PREFIX))


SCRIPT = {
    SOURCE: [(WRONG, -1.0), (HEAD + "Суджі.", -1.5)],
    "Putin met Trump.": [("Зустріч відбулася.", -1.0)],
    "The war goes on.": [("Війна триває.", -1.0)],
}


def test_the_notes_name_each_terms_path(names):
    engine = NBest(SCRIPT)
    # Forcing Путін gives a completion that misspells it again: fallback.
    engine.follow = {
        c.prefix: " Путина."
        for c in decoding.candidates(GLOSSARY, "uk", "Putin met Trump.", "Зустріч відбулася.")
    }
    entries = translate(names, engine)
    sudzha = entries[SOURCE]
    assert sudzha.msgstr == HEAD + "Суджі."
    assert note(sudzha) == "Glossary decoding: Sudzha → Суджа chosen among 2 hypotheses (#2)."
    assert "confidence 0.90" in sudzha.comment  # the chosen hypothesis's
    putin = entries["Putin met Trump."]
    assert note(putin) == "Glossary decoding: Putin → Путін still missing."
    assert "Glossary term not found: Putin (Путін)" in putin.comment
    plain = entries["The war goes on."]
    assert decoding.NOTE_PREFIX not in plain.comment
    # The sentence without terms was decoded as before: one hypothesis.
    assert {"texts": ["The war goes on."], "n": 1, "prefixes": None} in engine.calls


def test_the_note_says_forced(names):
    engine = NBest({**SCRIPT, SOURCE: [(UNLISTED, -1.0)]})
    engine.scores = {HEAD + "Суджі Суддзі.": -1.0, HEAD + "Суджі.": -1.0}
    entries = translate(names, engine)
    assert note(entries[SOURCE]) == "Glossary decoding: Sudzha → Суджа forced (Суджі)."
    assert entries[SOURCE].msgstr == HEAD + "Суджі."
    assert "confidence 0.40" in entries[SOURCE].comment  # the whole output's, as scored


def test_replaced_after_decoding(names):
    engine = NBest({**SCRIPT, "Putin met Trump.": [("Путин зустрів Трампа.", -1.0)]})
    engine.follow = {
        c.prefix: " Путина."
        for c in decoding.candidates(GLOSSARY, "uk", "Putin met Trump.", "Путин зустрів Трампа.")
    }
    entries = translate(names, engine)
    putin = entries["Putin met Trump."]
    assert putin.msgstr == "Путін зустрів Трампа."
    assert note(putin) == "Glossary decoding: Putin → Путін replaced after decoding."


def test_glossary_decoding_can_be_turned_off(names):
    engine = NBest(SCRIPT)
    entries = translate(names, engine, glossary_decoding=False)
    assert all(c["n"] == 1 and c["prefixes"] is None for c in engine.calls)
    assert entries[SOURCE].msgstr == HEAD + "Суджі."  # replaced, as before
    assert decoding.NOTE_PREFIX not in entries[SOURCE].comment


# --- the switch: l10n.toml's [translate] glossary-decoding, the option wins -------

GLOSSARY_TOML = """\
[Sudzha]
uk = "Суджа"
forbidden.uk = ["Судзха"]

[Putin]
uk = "Путін"
forbidden.uk = ["Путин"]
"""


@pytest.fixture
def cli_engine(names, monkeypatch) -> NBest:
    """The scripted engine every `l10n translate` in the test decodes with."""
    import l10n.machine

    engine = NBest(SCRIPT)
    monkeypatch.setattr(l10n.machine, "engine_factory", lambda *a, **k: lambda f, t: engine)
    Path("terms.toml").write_text(GLOSSARY_TOML, encoding="utf-8")
    return engine


def run_translate(*options: str, config: str | None = None) -> dict[str, str]:
    from support.cli import run

    if config is not None:  # a project in uk alone: the glossary gives uk forms only
        Path("l10n.toml").write_text('[project]\nlanguages = ["uk"]\n' + config, encoding="utf-8")
    result = run(
        "translate", "source/names.en.txt", "--to", "uk", "--from", "en",
        "--glossary", "terms.toml", *options,
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    return {e.msgid: e.comment for e in read_po("locales/uk/names.po")}


def decoded_glossary_aware(engine: NBest) -> bool:
    return any(c["n"] > 1 or c["prefixes"] for c in engine.calls)


@pytest.mark.parametrize(
    ("options", "config", "aware"),
    [
        ((), None, True),
        (("--no-glossary-decoding",), None, False),
        ((), "[translate]\nglossary-decoding = false\n", False),
        (("--glossary-decoding",), "[translate]\nglossary-decoding = false\n", True),
        (("--no-glossary-decoding",), "[translate]\nglossary-decoding = true\n", False),
    ],
)
def test_the_switch_in_l10n_toml_and_on_the_command_line(cli_engine, options, config, aware):
    comments = run_translate(*options, config=config)
    assert decoded_glossary_aware(cli_engine) is aware
    assert (decoding.NOTE_PREFIX in comments[SOURCE]) is aware
