"""Shared data of the glossary tests: translations right and wrong, a good
glossary entry, and helpers to write glossaries and catch their errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from l10n.errors import InputFileError
from l10n.glossary import Glossary, load_glossary


def problems(gloss: Glossary, lang: str, msgid: str, msgstr: str) -> list[tuple[str, str]]:
    return [(v.rule, v.found) for v in gloss.violations(lang, msgid, msgstr)]


SENTENCES = {
    "ru": (
        "Через несколько дней после того, как украинские войска неожиданно захватили часть "
        "Курской области России, президент Владимир Путин заявил российским военным, что их "
        "главная задача — отразить вторжение. По данным российских военных блогеров, украинские "
        "силы атаковали юго-восточнее Суджи, продвигаясь к населённым пунктам Фанасеевка и Уланок."
    ),
    "uk": (
        "Через кілька днів після того, як українські війська несподівано захопили частину "
        "Курської області Росії, президент Володимир Путін заявив російським військовим, що їхнє "
        "головне завдання — відбити вторгнення. За даними російських військових блогерів, "
        "українські сили атакували на південний схід від Суджі, просуваючись до населених "
        "пунктів Фанасіївка та Уланок."
    ),
    "sq": (
        "Disa ditë pasi trupat ukrainase pushtuan papritur një pjesë të rajonit të Kurskut të "
        "Rusisë, presidenti Vladimir Putin u tha zyrtarëve rusë se qëllimi kryesor ishte "
        "zmbrapsja e pushtimit. Sipas blogerëve ushtarakë rusë, forcat ukrainase sulmuan në "
        "juglindje të Suxhës, duke përparuar drejt vendbanimeve Fanasejevka dhe Ulanok."
    ),
}
SOURCE_SENTENCES = (
    "Days after Ukrainian troops unexpectedly seized part of Russia's Kursk region, President "
    "Vladimir Putin told Russian defense officials that their main goal was to repel the "
    "invasion. According to Russian military bloggers, Ukrainian forces attacked southeast of "
    "Sudzha, advancing towards the settlements of Fanaseyevka and Ulanok."
)

VIOLATIONS = [
    # lang, source, translation, rule, found, expected, replacement
    ("uk", "in Kursk", "у Курск", "forbidden", "Курск", "Курськ", "Курськ"),
    ("uk", "in Kursk", "у Курске", "forbidden", "Курске", "Курськ", "Курську"),
    ("uk", "Putin's nightmare", "кошмар Путина", "forbidden", "Путина", "Путін", "Путіна"),
    ("uk", "Nikolai Petrov said", "сказав Николай Петров", "forbidden", "Николай",
     "Микола Петров", "Микола"),
    ("uk", "in Kiev", "у Киеве", "forbidden", "Киеве", "Київ", "Києві"),
    ("uk", "the Kursk region", "Курской области", "forbidden", "Курской", "Курськ", "Курської"),
    ("ru", "Chatham House", "аналитический центр Чатем-Хаус", "dnt", "Чатем-Хаус",
     "Chatham House", "Chatham House"),
    ("uk", "Chatham House", "центру Чатем Хаус", "dnt", "Чатем Хаус", "Chatham House",
     "Chatham House"),
    ("ru", "Bloomberg writes", "пишет Блумберг", "dnt", "Блумберг", "Bloomberg", "Bloomberg"),
    ("sq", "towards Sudzha", "drejt Sudzha", "forbidden", "Sudzha", "Suxha", "Suxha"),
    ("sq", "of Sudzha", "e Sudzhës", "forbidden", "Sudzhës", "Suxha", "Suxhës"),
    ("sq", "Fanaseyevka", "Fanaseyevka dhe", "forbidden", "Fanaseyevka", "Fanasejevka",
     "Fanasejevka"),
    ("sq", "in St. Petersburg", "në St. Petersburg", "forbidden", "St. Petersburg",
     "Shën Petersburg", "Shën Petersburg"),
    ("ru", "southeast of Sudzha", "юго-восточнее Судзха", "forbidden", "Судзха", "Суджа",
     "Суджа"),
    ("ru", "southeast of Sudzha", "юго-восточнее Судзхи", "forbidden", "Судзхи", "Суджа",
     "Суджи"),
    ("uk", "southeast of Sudzha", "від Судзхи", "forbidden", "Судзхи", "Суджа", "Суджі"),
    ("uk", "the EU", "ЕС", "forbidden", "ЕС", "Європейський Союз", "ЄС"),
    ("uk", "North Korea", "Северной Кореи", "forbidden", "Северной Кореи", "Північна Корея",
     "Північної Кореї"),
]  # fmt: skip


GOOD = """\
["Sudzha"]
variants = ["Sudža"]
note = "Town."
sq = "Suxha"
uk = "Суджа"
ru = "Суджа"
forbidden.ru = ["Судзха"]
"""


def write(folder: Path, name: str, text: str | bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def load_error(path: Path) -> InputFileError:
    with pytest.raises(InputFileError) as info:
        load_glossary(path)
    return info.value
