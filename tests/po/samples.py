"""Sample PO material and helpers shared by the tests of :mod:`l10n.po`."""

from __future__ import annotations

import subprocess
from pathlib import Path

import polib
import pytest
from conftest import REPO

SHIPPED = sorted((REPO / "locales").glob("*/*.po")) + sorted((REPO / "locales").glob("*.pot"))

UK_PLURALS = (
    "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
    "(n%100<10 || n%100>=20) ? 1 : 2);"
)


def msgcat(path: Path, *args: str) -> str:
    """gettext's own rendering of a PO file: the reference for every byte we write.

    Decoded by hand: text-mode pipes would turn its CRs into line ends.
    """
    return msgcat_bytes(path, *args).decode("utf-8")


def msgcat_bytes(path: Path, *args: str) -> bytes:
    """msgcat's output as bytes: it writes a file back in the file's own charset."""
    return subprocess.run(["msgcat", *args, str(path)], capture_output=True, check=True).stdout


def write(path: Path, text: str) -> Path:
    """``text`` as UTF-8, every character as given (no newline translation)."""
    path.write_bytes(text.encode("utf-8"))
    return path


ENTRY_VIEW = (
    "msgctxt", "msgid", "msgid_plural", "msgstr", "msgstr_plural", "obsolete", "comment",
    "tcomment", "occurrences", "flags", "previous_msgctxt", "previous_msgid",
    "previous_msgid_plural",
)  # fmt: skip


def entries(po: polib.POFile) -> list[dict[str, object]]:
    """What a reader makes of each entry, line numbers aside."""
    view = []
    for e in po:
        fields = {name: getattr(e, name) for name in ENTRY_VIEW}
        fields["msgstr_plural"] = {int(k): v for k, v in e.msgstr_plural.items()}
        fields["obsolete"] = bool(e.obsolete)
        view.append(fields)
    return view


def assert_same_text(ours: str, reference: str) -> None:
    """Equal texts; on failure, the first differing lines rather than two walls of text."""
    if ours != reference:
        a, b = ours.splitlines(), reference.splitlines()
        for n, (x, y) in enumerate(zip(a, b, strict=False), 1):
            if x != y:
                pytest.fail(f"line {n} differs:\n  ours:   {x!r}\n  msgcat: {y!r}")
        pytest.fail(f"lengths differ: {len(a)} lines vs msgcat's {len(b)}")


LONG_PAIRS = [
    (
        "The first invasion of Russian territory by a foreign army since World War II is a "
        "personal setback for Putin, who at home cultivates an image of a strong ruler.",
        "Перше вторгнення іноземної армії на територію Росії після Другої світової війни — "
        "це особиста поразка Путіна, який удома плекає образ сильного правителя.",
    ),
    (
        "Putin’s failure to push Ukraine back at Kursk could gain importance as his U.S. "
        "counterpart Donald Trump tries to negotiate an end to the war, e.g. with sanctions...",
        "Провал Путіна у спробі відтіснити Україну під Курськом може набути ваги, оскільки "
        "його американський колега Дональд Трамп намагається домовитися… «про мир».",
    ),
    (
        "Line one is short.\nLine two is a rather long line that goes on and on and on past "
        "the seventy-nine column limit of gettext\n",
        "Рядок один короткий.\nРядок два — досить довгий рядок, який триває й триває понад "
        "межу в сімдесят дев'ять колонок gettext\n",
    ),
    (
        'He said "go\thome" and left a back\\slash behind, which nobody expected in the '
        "middle of such a long sentence about Kursk.",
        "Він сказав «йди\tдодому» і залишив зворотну \\ риску, чого ніхто не очікував "
        'посеред такого довгого "речення" про Курськ.',
    ),
    (
        '"In general, the effectiveness of military operations is lower than expected. The '
        "system was not particularly prepared - neither for the loss of territory nor for "
        'such a long battle," said Mikhail Vinogradov, head of the St. Petersburg Policy '
        "Foundation.",
        "«Загалом ефективність військових операцій нижча, ніж очікувалося. Система не була "
        "особливо готова — ні до втрати території, ні до такої тривалої битви», — сказав "
        "Михайло Виноградов, голова фонду «Петербурзька політика».",
    ),
    (
        "Ditë pasi trupat ukrainase pushtuan papritur një pjesë të rajonit rus të Kurskut, "
        "presidenti Vladimir Putin u tha zyrtarëve rusë të mbrojtjes se qëllimi ishte...",
        "Несколько дней спустя после того, как украинские войска неожиданно захватили часть "
        "Курской области России, президент Владимир Путин заявил…",
    ),
    (
        "Ukrainian forces crossed the border on August 6, 2024, and seized 1250 square "
        "kilometers (about 483 square miles) of territory, well-known self-defence units "
        "included; approx. 40% of the area—the rest—was lost again.",
        "Українські війська перетнули кордон 6 серпня 2024 року й захопили 1250 квадратних "
        "кілометрів (близько 483 квадратних миль) території; приблизно 40% площі—решту—"
        "знову втратили.",
    ),
    ("World", "Світ"),
    ("Read about: 5 min.", "Час читання: 5 хв."),
]


def synthetic_catalog() -> polib.POFile:
    po = polib.POFile()
    po.header = "Synthetic catalog for the writer tests.\n\nIt has an empty header line."
    po.metadata = {
        "Project-Id-Version": "synthetic",
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": "2025-02-01 12:00+0000",
        "PO-Revision-Date": "2025-02-02 12:00+0000",
        "Last-Translator": "Редактор <editor@example.org>",
        "Language-Team": "Ukrainian",
        "Language": "uk",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": UK_PLURALS,
        "X-Generator": "l10n 0.1.0",
    }
    for i, (msgid, msgstr) in enumerate(LONG_PAIRS):
        refs = [
            (f"source/a-rather-long-article-name-{j}.en.txt", str(10 * j + i))
            for j in range(i * 3 + 1)
        ]
        entry = polib.POEntry(msgid=msgid, msgstr=msgstr, occurrences=refs)
        if i == 1:
            entry.tcomment = (
                "A translator comment that is itself quite long and is not wrapped by msgcat, "
                "because gettext leaves comments alone.\nSecond line of the comment."
            )
            entry.comment = "Glossary: Kursk = Курськ\nMachine translation: translate-en_uk"
            entry.flags = ["fuzzy", "no-c-format"]
            entry.previous_msgid = (
                "Putin’s failure to push Ukraine back at Kursk could gain importance as his "
                "U.S. counterpart tries to negotiate."
            )
        if i == 2:
            entry.flags = ["fuzzy"]
            entry.previous_msgid = "Line one is short.\nLine two.\n"
        if i == 4:
            entry.comment = "Translation memory: locales/uk/other.po"
        po.append(entry)
    po.append(
        polib.POEntry(
            msgctxt="menu",
            msgid="The link was copied",
            msgstr="Посилання скопійовано",
            occurrences=[("source/kursk.en.txt", "6")],
        )
    )
    po.append(
        polib.POEntry(
            msgid="%d soldier was killed at Kursk",
            msgid_plural="%d soldiers were killed at Kursk",
            msgstr_plural={0: "%d солдат загинув", 1: "%d солдати загинули", 2: "%d солдатів"},
            flags=["c-format"],
            occurrences=[("source/kursk.en.txt", "24")],
        )
    )
    po.append(polib.POEntry(msgid="Untranslated sentence.", msgstr="", occurrences=[("a", "")]))
    obsolete = polib.POEntry(
        msgid="An obsolete sentence that was removed from the article a long time ago, but its "
        "translation is kept for when it comes back.",
        msgstr="Застаріле речення, яке давно вилучили зі статті, але його переклад збережено — "
        "на випадок, якщо воно повернеться.",
        obsolete=True,
        tcomment="Kept by msgmerge.",
    )
    po.append(obsolete)
    po.append(
        polib.POEntry(
            msgid="Obsolete fuzzy one",
            msgstr="Застаріле",
            obsolete=True,
            flags=["fuzzy"],
            previous_msgid="Obsolete fuzzy one, as it was",
        )
    )
    return po


HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
