"""l10n.models.archive: a package file is checked whole before anything is installed.

Packages are the random-weight ones from ``tests/support/randommodel.py`` (the
``model_files`` fixture), installed into a throw-away ARGOS_PACKAGES_DIR; the
broken ones are copies with one thing wrong (``models/zips.py``).
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from support.cli import assert_input_error, run

from l10n.errors import InputFileError, L10nError
from l10n.models import PackageInfo, find_package, install_file, list_packages
from models.zips import (
    MODEL_BIN,
    NAME,
    RawEntry,
    deflated,
    gigabyte_of_zeros,
    members,
    package_entries,
    stored,
    write_raw_zip,
    write_zip,
)


def contents(folder: Path) -> list[str]:
    """Every name in the folder, hidden ones (staging folders) included."""
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_install_file_installs_the_package(empty_packages, model_files):
    info = install_file(model_files["sq"], expect_to="sq")
    assert isinstance(info, PackageInfo)
    assert (info.path, info.from_code, info.to_code) == (empty_packages / NAME, "en", "sq")
    assert info.name == NAME
    assert info.version
    assert (info.path / "metadata.json").is_file()
    assert (info.path / "model" / "model.bin").is_file()
    assert (info.path / "sentencepiece.model").is_file()
    assert contents(empty_packages) == [NAME]
    # Byte for byte what the archive holds.
    for name, data in members(model_files["sq"]).items():
        assert (empty_packages / name).read_bytes() == data

    assert list_packages() == [info]
    found = find_package("en", "sq")
    assert found is not None
    assert Path(found.package_path) == info.path
    assert find_package("en", "uk") is None
    assert find_package("sq", "en") is None


def test_installed_packages_are_listed_and_found_by_language(empty_packages, model_files):
    for lang, path in model_files.items():
        install_file(path, expect_to=lang)
    listed = list_packages()
    assert sorted(p.to_code for p in listed) == ["ru", "sq", "uk"]
    assert {p.from_code for p in listed} == {"en"}
    for lang in model_files:
        found = find_package("en", lang)
        assert found is not None
        assert found.to_code == lang
        assert Path(found.package_path).parent == empty_packages


def test_reinstalling_replaces_the_package(empty_packages, model_files):
    first = install_file(model_files["sq"])
    (first.path / "stale-file.txt").write_text("from the first install")
    second = install_file(model_files["sq"])
    assert second.path == first.path
    assert not (second.path / "stale-file.txt").exists()
    assert (second.path / "model" / "model.bin").is_file()
    # One package, and no staging or retired folders (dot-folders) left behind.
    assert contents(empty_packages) == [NAME]
    assert [p.name for p in list_packages()] == [NAME]


def test_expect_to_mismatch_is_an_input_error_and_installs_nothing(empty_packages, model_files):
    with pytest.raises(InputFileError) as err:
        install_file(model_files["sq"], expect_to="uk")
    assert "uk" in err.value.message
    assert "sq" in err.value.message
    assert str(model_files["sq"]) in err.value.message
    assert contents(empty_packages) == []


# --- packages that must be refused -----------------------------------------------

Maker = Callable[[Path, Path], Path]  # (good package, where to write) -> bad package


def _not_a_zip(src: Path, dest: Path) -> Path:
    dest.write_text("This is a text file, not a package.\n")
    return dest


def _without(suffix: str) -> Maker:
    def make(src: Path, dest: Path) -> Path:
        return write_zip(dest, {n: d for n, d in members(src).items() if not n.endswith(suffix)})

    return make


def _with(extra: dict[str, bytes]) -> Maker:
    def make(src: Path, dest: Path) -> Path:
        return write_zip(dest, {**members(src), **extra})

    return make


def _raw(**replace: RawEntry) -> Maker:
    def make(src: Path, dest: Path) -> Path:
        return write_raw_zip(dest, package_entries(src, **replace))

    return make


# A deflate block whose header names the reserved block type 3: zlib refuses it.
NOT_DEFLATE = b"\x07" + bytes(63)

BAD_PACKAGES: dict[str, tuple[Maker, str]] = {
    # name: (how to make it, a word the message must contain)
    "not a zip": (_not_a_zip, "zip"),
    "no metadata.json": (_without("/metadata.json"), "metadata.json"),
    "two top-level folders": (_with({"other/readme.txt": b"x"}), "one folder"),
    "path traversal": (_with({"../evil": b"x"}), "../evil"),
    "nested path traversal": (_with({f"{NAME}/../../evil": b"x"}), "evil"),
    "absolute path": (_with({"/evil": b"x"}), "/evil"),
    "broken metadata.json": (_with({f"{NAME}/metadata.json": b'{"from_code": "en",'}), "metadata"),
    "metadata.json not an object": (_with({f"{NAME}/metadata.json": b"[]"}), "metadata"),
    "from_code not a string": (
        _with({f"{NAME}/metadata.json": b'{"from_code": 5, "to_code": "sq"}'}),
        "from_code",
    ),
    "no model.bin": (_without("/model.bin"), "model.bin"),
    "no tokenizer": (_without("/sentencepiece.model"), "tokenizer"),
    "empty zip": (lambda src, dest: write_zip(dest, {}), "nothing"),
    # Archives whose bytes cannot be unpacked: each one used to end in a traceback.
    "corrupt deflate stream": (
        _raw(model_bin=RawEntry(MODEL_BIN, NOT_DEFLATE, zipfile.ZIP_DEFLATED, size=99)),
        "damaged",
    ),
    "corrupt metadata.json stream": (
        _raw(
            metadata=RawEntry(f"{NAME}/metadata.json", NOT_DEFLATE, zipfile.ZIP_DEFLATED, size=99)
        ),
        "damaged",
    ),
    "encrypted entry": (
        _raw(model_bin=RawEntry(MODEL_BIN, bytes(64), flags=0x1, size=52)),
        "encrypted",
    ),
    "Deflate64 entry": (_raw(model_bin=RawEntry(MODEL_BIN, bytes(64), 9, size=64)), "Deflate64"),
    "300-character file name": (
        _raw(long=stored(f"{NAME}/{'a' * 300}.txt", b"x")),
        "too long",
    ),
    "one entry a gigabyte of zeros": (_raw(model_bin=gigabyte_of_zeros()), "unpack"),
}


@pytest.mark.parametrize("case", list(BAD_PACKAGES))
def test_bad_package_is_an_input_error_and_leaves_nothing(
    case, empty_packages, model_files, tmp_path
):
    make, word = BAD_PACKAGES[case]
    bad = make(model_files["sq"], tmp_path / "bad.argosmodel")
    with pytest.raises(InputFileError) as err:
        install_file(bad, expect_to="sq")
    message = err.value.message
    assert str(bad) in message
    assert word in message
    assert "\n" not in message
    # Nothing left behind: no package, no staging folder.
    assert contents(empty_packages) == []
    for folder in (empty_packages, empty_packages.parent, tmp_path.parent):
        assert not (folder / "evil").exists()


@pytest.mark.parametrize(
    "case",
    [
        "corrupt deflate stream",
        "corrupt metadata.json stream",
        "encrypted entry",
        "Deflate64 entry",
        "300-character file name",
        "one entry a gigabyte of zeros",
    ],
)
def test_cli_install_of_an_unreadable_archive_is_exit_2(
    case, empty_packages, model_files, tmp_path
):
    make, word = BAD_PACKAGES[case]
    bad = make(model_files["sq"], tmp_path / "bad.argosmodel")
    result = run("models", "install", "sq", "--file", str(bad))
    assert_input_error(result, str(bad), word, "Hint:")
    assert contents(empty_packages) == []


def test_missing_file_is_an_input_error(empty_packages, tmp_path):
    missing = tmp_path / "nowhere.argosmodel"
    with pytest.raises(InputFileError) as err:
        install_file(missing)
    assert str(missing) in err.value.message
    assert "no such file" in err.value.message
    assert contents(empty_packages) == []


def test_bad_package_leaves_an_installed_one_intact(empty_packages, model_files, tmp_path):
    good = install_file(model_files["sq"])
    before = {p.relative_to(good.path): p.read_bytes() for p in good.path.rglob("*") if p.is_file()}
    for i, (make, _) in enumerate(BAD_PACKAGES.values()):
        bad = make(model_files["sq"], tmp_path / f"bad{i}.argosmodel")
        with pytest.raises(InputFileError):
            install_file(bad)
    after = {p.relative_to(good.path): p.read_bytes() for p in good.path.rglob("*") if p.is_file()}
    assert after == before
    assert contents(empty_packages) == [NAME]


def test_installed_package_is_always_listed(empty_packages, model_files, tmp_path):
    """A package that install_file accepts must be one list_packages/find_package see.

    installed_packages() skips dot-folders (they are half-finished installs),
    so a package whose single top-level folder starts with a dot must be
    refused, not "installed" where nothing will ever find it.
    """
    hidden = {n.replace(NAME, ".hidden", 1): d for n, d in members(model_files["sq"]).items()}
    archive = write_zip(tmp_path / "hidden.argosmodel", hidden)
    try:
        info = install_file(archive, expect_to="sq")
    except InputFileError:
        assert contents(empty_packages) == []
        return
    assert info.path in [p.path for p in list_packages()]
    assert find_package("en", "sq") is not None


# --- zip bombs -------------------------------------------------------------------


def _spread_bomb(src: Path, dest: Path) -> Path:
    """A gigabyte of zeros again, as 1024 files of a MiB each."""
    mib = deflated("x", bytes(1024**2))
    padding = [RawEntry(f"{NAME}/pad/{i}.bin", mib.data, mib.method, crc=mib.crc, size=mib.size)
               for i in range(1024)]  # fmt: skip
    return write_raw_zip(dest, package_entries(src) + padding)


@pytest.mark.parametrize(
    "make", [_raw(model_bin=gigabyte_of_zeros()), _spread_bomb], ids=["one file", "1024 files"]
)
def test_zip_bomb_is_refused_before_anything_is_unpacked(
    make, empty_packages, model_files, tmp_path, monkeypatch
):
    bomb = make(model_files["sq"], tmp_path / "bomb.argosmodel")
    assert bomb.stat().st_size < 1.5 * 1024**2
    opened: list[str] = []
    real_open = zipfile.ZipFile.open

    def spy(self, name, *args, **kwargs):
        opened.append(getattr(name, "filename", name))
        return real_open(self, name, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "open", spy)
    with pytest.raises(InputFileError) as err:
        install_file(bomb, expect_to="sq")
    assert str(bomb) in err.value.message
    assert "GiB" in err.value.message
    assert "unpack" in err.value.message
    assert [n for n in opened if not n.endswith("metadata.json")] == []
    assert contents(empty_packages) == []


def test_headers_that_understate_the_size_unpack_no_more_than_they_say(
    empty_packages, model_files, tmp_path
):
    # The headers claim 200 kB; the stream holds a gigabyte.
    lying = RawEntry(MODEL_BIN, gigabyte_of_zeros().data, zipfile.ZIP_DEFLATED, size=200_000)
    bad = write_raw_zip(
        tmp_path / "liar.argosmodel", package_entries(model_files["sq"], model_bin=lying)
    )
    with pytest.raises(InputFileError) as err:
        install_file(bad, expect_to="sq")
    assert str(bad) in err.value.message
    assert contents(empty_packages) == []


def test_unpacked_size_limit_is_configurable(empty_packages, model_files, monkeypatch):
    unpacked = sum(len(d) for d in members(model_files["sq"]).values())
    monkeypatch.setenv("L10N_MAX_UNPACKED", str(unpacked - 1))
    with pytest.raises(InputFileError) as err:
        install_file(model_files["sq"], expect_to="sq")
    assert "L10N_MAX_UNPACKED" in (err.value.hint or "")
    assert contents(empty_packages) == []
    monkeypatch.setenv("L10N_MAX_UNPACKED", str(unpacked))
    assert install_file(model_files["sq"], expect_to="sq").to_code == "sq"


@pytest.mark.parametrize("value", ["lots", "-5", "1.5.6"])
def test_bad_size_limit_setting_is_an_error(value, empty_packages, model_files, monkeypatch):
    monkeypatch.setenv("L10N_MAX_UNPACKED", value)
    with pytest.raises(L10nError) as err:
        install_file(model_files["sq"], expect_to="sq")
    assert "L10N_MAX_UNPACKED" in err.value.message
    assert value in err.value.message
    assert contents(empty_packages) == []


def test_size_limits_take_a_unit(empty_packages, model_files, monkeypatch):
    monkeypatch.setenv("L10N_MAX_UNPACKED", "1K")
    with pytest.raises(InputFileError):
        install_file(model_files["sq"], expect_to="sq")
    monkeypatch.setenv("L10N_MAX_UNPACKED", "1G")
    assert install_file(model_files["sq"], expect_to="sq").to_code == "sq"
