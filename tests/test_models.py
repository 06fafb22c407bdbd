"""l10n.models: installing, listing and finding Argos packages, entirely offline.

Packages are the random-weight ones from ``tests/support/randommodel.py`` (the
``model_files`` fixture), installed into a throw-away ARGOS_PACKAGES_DIR.
The package index is served by a local HTTP server bound to 127.0.0.1 that
lives only as long as the test that uses it.
"""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import socket
import threading
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import argostranslate.settings
import pytest

from l10n import models
from l10n.errors import InputFileError, L10nError
from l10n.models import (
    PackageInfo,
    find_package,
    install_file,
    install_from_index,
    list_packages,
    missing_model_error,
)

NAME = "translate-en_sq-random"  # the top-level folder of model_files["sq"]


def contents(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def members(archive: Path) -> dict[str, bytes]:
    """Every file in a zip, by name (folder entries left out)."""
    with zipfile.ZipFile(archive) as zf:
        return {n: zf.read(n) for n in zf.namelist() if not n.endswith("/")}


def write_zip(path: Path, files: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return path


# --- install_file ---------------------------------------------------------------


def test_install_file_installs_the_package(empty_packages, model_files):
    info = install_file(model_files["sq"], expect_to="sq")
    assert isinstance(info, PackageInfo)
    assert info.path == empty_packages / NAME
    assert (info.path, info.from_code, info.to_code) == (empty_packages / NAME, "en", "sq")
    assert info.name == NAME
    assert info.version
    assert (info.path / "metadata.json").is_file()
    assert (info.path / "model").is_dir()
    assert (info.path / "model" / "model.bin").is_file()
    assert (info.path / "sentencepiece.model").is_file()
    assert contents(empty_packages) == [NAME]

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


def _not_a_zip(src: Path, dest: Path) -> Path:
    dest.write_text("This is a text file, not a package.\n")
    return dest


def _without(suffix: str) -> Callable[[Path, Path], Path]:
    def make(src: Path, dest: Path) -> Path:
        return write_zip(dest, {n: d for n, d in members(src).items() if not n.endswith(suffix)})

    return make


def _with(extra: dict[str, bytes]) -> Callable[[Path, Path], Path]:
    def make(src: Path, dest: Path) -> Path:
        return write_zip(dest, {**members(src), **extra})

    return make


BAD_PACKAGES = {
    # name: (how to make it, a word the message must contain)
    "not a zip": (_not_a_zip, "zip"),
    "no metadata.json": (_without("/metadata.json"), "metadata.json"),
    "two top-level folders": (_with({"other/readme.txt": b"x"}), "one folder"),
    "path traversal": (_with({"../evil": b"x"}), "../evil"),
    "nested path traversal": (_with({f"{NAME}/../../evil": b"x"}), "evil"),
    "absolute path": (_with({"/evil": b"x"}), "/evil"),
    "broken metadata.json": (_with({f"{NAME}/metadata.json": b'{"from_code": "en",'}), "metadata"),
    "metadata.json not an object": (_with({f"{NAME}/metadata.json": b"[]"}), "metadata"),
    "no model.bin": (_without("/model.bin"), "model.bin"),
    "empty zip": (lambda src, dest: write_zip(dest, {}), "nothing"),
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
    assert contents(empty_packages) == []
    # Nothing was extracted anywhere near the packages folder either.
    for folder in (empty_packages, empty_packages.parent, tmp_path.parent):
        assert not (folder / "evil").exists()


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
    bad = _with({f"{NAME}/metadata.json": b"{broken"})(model_files["sq"], tmp_path / "bad.zip")
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


# --- install_from_index ---------------------------------------------------------


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture
def no_proxy(monkeypatch):
    """Loopback requests must not go through a proxy set in the environment."""
    for var in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("no_proxy", "*")
    monkeypatch.setenv("NO_PROXY", "*")
    monkeypatch.setattr(models, "INDEX_TIMEOUT", 10)


@pytest.fixture
def server(tmp_path, no_proxy) -> Iterator[tuple[Path, str]]:
    """(folder served, base URL) of an HTTP server on 127.0.0.1, for this test only."""
    root = tmp_path / "www"
    root.mkdir()
    handler = functools.partial(_QuietHandler, directory=str(root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield root, f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=10)


def package_metadata(archive: Path) -> dict:
    (data,) = [d for n, d in members(archive).items() if n.endswith("/metadata.json")]
    return json.loads(data)


def publish_index(root: Path, base: str, entries: list[dict], monkeypatch) -> str:
    (root / "index.json").write_text(json.dumps(entries), encoding="utf-8")
    url = f"{base}/index.json"
    monkeypatch.setattr(argostranslate.settings, "remote_package_index", url)
    return url


def index_entry(root: Path, base: str, archive: Path) -> dict:
    shutil.copy(archive, root / archive.name)
    meta = package_metadata(archive)
    meta["code"] = f"{meta['from_code']}_{meta['to_code']}"
    meta["links"] = [f"{base}/{archive.name}"]
    return meta


def test_install_from_index_downloads_and_installs(
    empty_packages, model_files, server, monkeypatch
):
    root, base = server
    entries = [index_entry(root, base, model_files[lang]) for lang in ("sq", "uk")]
    publish_index(root, base, entries, monkeypatch)
    info = install_from_index("uk")
    assert (info.from_code, info.to_code) == ("en", "uk")
    assert info.path == empty_packages / "translate-en_uk-random"
    assert (info.path / "model" / "model.bin").is_file()
    assert contents(empty_packages) == ["translate-en_uk-random"]
    found = find_package("en", "uk")
    assert found is not None
    assert Path(found.package_path) == info.path


def test_index_without_the_language_is_an_error(empty_packages, model_files, server, monkeypatch):
    root, base = server
    publish_index(root, base, [index_entry(root, base, model_files["sq"])], monkeypatch)
    with pytest.raises(L10nError) as err:
        install_from_index("ru")
    assert "en -> ru" in err.value.message
    assert contents(empty_packages) == []


def test_unreachable_index_is_an_error_with_a_hint(empty_packages, no_proxy, monkeypatch):
    # A port that was free a moment ago and has nothing listening on it now.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/index.json"
    monkeypatch.setattr(argostranslate.settings, "remote_package_index", url)
    with pytest.raises(L10nError) as err:
        install_from_index("sq")
    assert url in err.value.message
    assert err.value.hint
    assert "--file" in err.value.hint
    assert contents(empty_packages) == []


def test_package_link_that_404s_is_an_error(empty_packages, model_files, server, monkeypatch):
    root, base = server
    entry = index_entry(root, base, model_files["sq"])
    entry["links"] = [f"{base}/no-such-package.argosmodel"]
    publish_index(root, base, [entry], monkeypatch)
    with pytest.raises(L10nError) as err:
        install_from_index("sq")
    assert "no-such-package.argosmodel" in err.value.message
    assert "en -> sq" in err.value.message
    assert err.value.hint and "--file" in err.value.hint
    assert contents(empty_packages) == []


def test_index_that_is_not_json_is_an_error(empty_packages, server, monkeypatch):
    root, base = server
    (root / "index.json").write_text("<html>captive portal</html>")
    monkeypatch.setattr(argostranslate.settings, "remote_package_index", f"{base}/index.json")
    with pytest.raises(L10nError):
        install_from_index("sq")
    assert contents(empty_packages) == []


def test_index_link_to_another_language_is_refused(
    empty_packages, model_files, server, monkeypatch
):
    # The index says en -> uk, but the file behind the link is en -> sq.
    root, base = server
    entry = index_entry(root, base, model_files["uk"])
    shutil.copy(model_files["sq"], root / "mislabelled.argosmodel")
    entry["links"] = [f"{base}/mislabelled.argosmodel"]
    publish_index(root, base, [entry], monkeypatch)
    with pytest.raises(InputFileError):
        install_from_index("uk")
    assert contents(empty_packages) == []


# --- the error for a missing model ------------------------------------------------


def test_missing_model_error_names_the_pair_and_the_install_command(empty_packages):
    err = missing_model_error("en", "ru")
    assert isinstance(err, L10nError)
    assert "en -> ru" in err.message
    assert str(empty_packages) in err.message
    assert err.hint
    assert "l10n models install ru" in err.hint
    assert "--file" in err.hint
