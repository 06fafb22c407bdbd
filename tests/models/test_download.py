"""l10n.models.download (install_from_index): the package index, and what a download may do.

The index is served by a local HTTP server on 127.0.0.1 (``site``), which
only lives as long as the test.  The safety rules tested here: the index
decides what to download but never where it is written; links must be
https (plain http only from this machine, or with L10N_ALLOW_HTTP=1), even
after a redirect; a download has a size limit, an overall time limit, and a
checksum when the index gives one.
"""

from __future__ import annotations

import hashlib
import os
import socket
import tempfile
from pathlib import Path

import pytest
from support.cli import assert_input_error, run

from l10n.errors import InputFileError, L10nError
from l10n.models import find_package, install_from_index
from models.web import point_index_at, redirect_to, trickle, without_length


def contents(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_install_from_index_downloads_and_installs(empty_packages, model_files, site):
    site.publish([site.entry(model_files[lang]) for lang in ("sq", "uk")])
    info = install_from_index("uk")
    assert (info.from_code, info.to_code) == ("en", "uk")
    assert info.path == empty_packages / "translate-en_uk-random"
    assert (info.path / "model" / "model.bin").is_file()
    assert contents(empty_packages) == ["translate-en_uk-random"]
    found = find_package("en", "uk")
    assert found is not None
    assert Path(found.package_path) == info.path


def test_cli_install_from_index(empty_packages, model_files, site):
    site.publish([site.entry(model_files["sq"])])
    result = run("models", "install", "sq")
    assert result.exit_code == 0, result.stderr
    assert "Installed" in result.stdout
    assert contents(empty_packages) == ["translate-en_sq-random"]


def test_index_without_the_language_is_an_error(empty_packages, model_files, site):
    site.publish([site.entry(model_files["sq"])])
    with pytest.raises(L10nError) as err:
        install_from_index("ru")
    assert "en -> ru" in err.value.message
    assert contents(empty_packages) == []


def test_unreachable_index_is_an_error_with_a_hint(empty_packages, no_proxy, monkeypatch):
    # A port that was free a moment ago and has nothing listening on it now.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    point_index_at(monkeypatch, f"http://127.0.0.1:{port}/")
    with pytest.raises(L10nError) as err:
        install_from_index("sq")
    assert f"http://127.0.0.1:{port}/index.json" in err.value.message
    assert err.value.hint
    assert "--file" in err.value.hint
    assert contents(empty_packages) == []


def test_package_link_that_404s_is_an_error(empty_packages, model_files, site):
    entry = site.entry(model_files["sq"])
    entry["links"] = [site.url("no-such-package.argosmodel")]
    site.publish([entry])
    with pytest.raises(L10nError) as err:
        install_from_index("sq")
    assert "no-such-package.argosmodel" in err.value.message
    assert "en -> sq" in err.value.message
    assert err.value.hint and "--file" in err.value.hint
    assert contents(empty_packages) == []


def test_second_link_is_tried_when_the_first_fails(empty_packages, model_files, site):
    entry = site.entry(model_files["sq"])
    entry["links"] = [site.url("gone.argosmodel"), *entry["links"]]
    site.publish([entry])
    assert install_from_index("sq").to_code == "sq"


def test_index_link_to_another_language_is_refused(empty_packages, model_files, site):
    # The index says en -> uk, but the file behind the link is en -> sq.
    entry = site.entry(model_files["uk"])
    (site.root / "mislabelled.argosmodel").write_bytes(model_files["sq"].read_bytes())
    entry["links"] = [site.url("mislabelled.argosmodel")]
    site.publish([entry])
    with pytest.raises(InputFileError):
        install_from_index("uk")
    assert contents(empty_packages) == []


# --- ARGOS_PACKAGE_INDEX ----------------------------------------------------------


@pytest.mark.parametrize("folder", ["", "/argos"], ids=["server root", "a folder"])
def test_index_address_without_a_trailing_slash_works(
    folder, empty_packages, model_files, site, monkeypatch
):
    (site.root / "argos").mkdir()
    site.publish([site.entry(model_files["sq"])], name=f"{folder[1:]}/index.json".lstrip("/"))
    point_index_at(monkeypatch, site.base + folder)
    result = run("models", "install", "sq")
    assert result.exit_code == 0, result.stderr
    assert contents(empty_packages) == ["translate-en_sq-random"]


# --- an index that is not what it should be ----------------------------------------

BAD_INDEXES = {
    # name: (index, words the message must contain)
    "a list of numbers": ([1], ["entry 1", "not an object"]),
    "an object": ({"packages": []}, ["list"]),
    "null": (None, ["list"]),
    "links a string": ("links-string", ["links", "en -> sq"]),
    "links with a number": ("links-number", ["links", "en -> sq"]),
    "no links": ("links-missing", ["links", "en -> sq"]),
    "sha256 not a digest": ("sha256-bad", ["sha256"]),
}


def _bad_index(site, model_files, kind: object) -> object:
    if not isinstance(kind, str):
        return kind
    entry = site.entry(model_files["sq"])
    if kind == "links-string":
        entry["links"] = entry["links"][0]
    elif kind == "links-number":
        entry["links"] = [7]
    elif kind == "links-missing":
        del entry["links"]
    elif kind == "sha256-bad":
        entry["sha256"] = "not-a-digest"
    return [entry]


@pytest.mark.parametrize("case", list(BAD_INDEXES))
def test_malformed_index_is_a_clear_error(case, empty_packages, model_files, site):
    index, words = BAD_INDEXES[case]
    site.publish(_bad_index(site, model_files, index))
    with pytest.raises(L10nError) as err:
        install_from_index("sq")
    for word in words:
        assert word in err.value.message
    assert site.url("index.json") in err.value.message
    assert contents(empty_packages) == []


@pytest.mark.parametrize("case", ["a list of numbers", "links a string"])
def test_cli_malformed_index_is_exit_2(case, empty_packages, model_files, site):
    index, words = BAD_INDEXES[case]
    site.publish(_bad_index(site, model_files, index))
    assert_input_error(run("models", "install", "sq"), *words)
    assert contents(empty_packages) == []


def test_index_that_is_not_json_is_an_error(empty_packages, site):
    (site.root / "index.json").write_text("<html>captive portal</html>")
    with pytest.raises(L10nError) as err:
        install_from_index("sq")
    assert "JSON" in err.value.message
    assert contents(empty_packages) == []


@pytest.mark.parametrize("code", ["../x", "EN", "english", ""])
def test_language_codes_are_checked(code, empty_packages, model_files, site):
    site.publish([site.entry(model_files["sq"])])
    with pytest.raises(L10nError) as err:
        install_from_index("sq", code)
    assert "language code" in err.value.message
    assert contents(empty_packages) == []


# --- where a download is written -----------------------------------------------------


def _escape_from_tempdir(target: Path) -> str:
    """A relative name that, joined to a download folder in the temp dir, is ``target``."""
    return os.path.relpath(target, Path(tempfile.gettempdir()) / "download-folder")


@pytest.mark.parametrize("how", ["absolute", "relative"])
def test_index_code_never_names_the_downloaded_file(
    how, empty_packages, model_files, site, tmp_path
):
    escaped = tmp_path / "escaped" / "evil"
    escaped.parent.mkdir()
    entry = site.entry(model_files["sq"])
    entry["code"] = str(escaped) if how == "absolute" else _escape_from_tempdir(escaped)
    site.publish([entry])
    info = install_from_index("sq")
    assert info.to_code == "sq"
    assert contents(escaped.parent) == []
    assert contents(empty_packages) == ["translate-en_sq-random"]


# --- which links may be followed ----------------------------------------------------


def _local_path_link(site, model_files) -> str:
    return (site.root / model_files["sq"].name).as_uri()


def _any_interface_link(site, model_files) -> str:
    # The same local server, reached through 0.0.0.0: plain http, not a loopback name.
    return site.url(model_files["sq"].name).replace("127.0.0.1", "0.0.0.0")


def _redirect_link(site, model_files) -> str:
    site.routes["/moved.argosmodel"] = redirect_to(_any_interface_link(site, model_files))
    return site.url("moved.argosmodel")


REFUSED_LINKS = {
    "file://": _local_path_link,
    "plain http to another host": _any_interface_link,
    "redirect to plain http": _redirect_link,
}


@pytest.mark.parametrize("case", list(REFUSED_LINKS))
def test_links_that_are_not_https_are_refused(case, empty_packages, model_files, site):
    entry = site.entry(model_files["sq"])
    entry["links"] = [REFUSED_LINKS[case](site, model_files)]
    site.publish([entry])
    with pytest.raises(L10nError) as err:
        install_from_index("sq")
    assert "https" in err.value.message
    assert "L10N_ALLOW_HTTP" in (err.value.hint or "")
    assert contents(empty_packages) == []


def test_plain_http_is_allowed_when_asked_for(empty_packages, model_files, site, monkeypatch):
    entry = site.entry(model_files["sq"])
    entry["links"] = [_any_interface_link(site, model_files)]
    site.publish([entry])
    monkeypatch.setenv("L10N_ALLOW_HTTP", "1")
    assert install_from_index("sq").to_code == "sq"


def test_index_from_a_local_path_is_refused(empty_packages, model_files, site, monkeypatch):
    site.publish([site.entry(model_files["sq"])])
    point_index_at(monkeypatch, site.root.as_uri() + "/")
    with pytest.raises(L10nError) as err:
        install_from_index("sq")
    assert "https" in err.value.message
    assert contents(empty_packages) == []


# --- size, time, checksum -------------------------------------------------------------


@pytest.mark.parametrize("length", ["said", "unsaid"])
def test_download_size_limit(length, empty_packages, model_files, site, monkeypatch):
    entry = site.entry(model_files["sq"])
    if length == "unsaid":
        site.routes["/unsized.argosmodel"] = without_length(model_files["sq"].read_bytes())
        entry["links"] = [site.url("unsized.argosmodel")]
    site.publish([entry])
    size = model_files["sq"].stat().st_size
    monkeypatch.setenv("L10N_MAX_DOWNLOAD", str(size - 1))
    with pytest.raises(L10nError) as err:
        install_from_index("sq")
    assert "L10N_MAX_DOWNLOAD" in (err.value.hint or "")
    assert contents(empty_packages) == []
    monkeypatch.setenv("L10N_MAX_DOWNLOAD", str(size))
    assert install_from_index("sq").to_code == "sq"


def test_download_time_limit(empty_packages, model_files, site, monkeypatch):
    # Never silent for long (no socket timeout fires), but far slower than allowed.
    entry = site.entry(model_files["sq"])
    site.routes["/slow.argosmodel"] = trickle(model_files["sq"].read_bytes(), pieces=40, pause=0.1)
    entry["links"] = [site.url("slow.argosmodel")]
    site.publish([entry])
    monkeypatch.setenv("L10N_DOWNLOAD_TIMEOUT", "0.3")
    with pytest.raises(L10nError) as err:
        install_from_index("sq")
    assert "slow.argosmodel" in err.value.message
    assert "L10N_DOWNLOAD_TIMEOUT" in (err.value.hint or "")
    assert contents(empty_packages) == []


def test_bad_time_limit_setting_is_an_error(empty_packages, model_files, site, monkeypatch):
    site.publish([site.entry(model_files["sq"])])
    monkeypatch.setenv("L10N_DOWNLOAD_TIMEOUT", "soon")
    with pytest.raises(L10nError) as err:
        install_from_index("sq")
    assert "L10N_DOWNLOAD_TIMEOUT" in err.value.message
    assert contents(empty_packages) == []


def test_checksum_from_the_index_is_verified(empty_packages, model_files, site):
    entry = site.entry(model_files["sq"])
    entry["sha256"] = hashlib.sha256(b"something else").hexdigest()
    site.publish([entry])
    with pytest.raises(L10nError) as err:
        install_from_index("sq")
    assert "sha256" in err.value.message
    assert contents(empty_packages) == []

    entry["sha256"] = hashlib.sha256(model_files["sq"].read_bytes()).hexdigest().upper()
    site.publish([entry])
    notes: list[str] = []
    assert install_from_index("sq", warn=notes.append).to_code == "sq"
    assert notes == []


def test_missing_checksum_is_said(empty_packages, model_files, site):
    site.publish([site.entry(model_files["sq"])])
    notes: list[str] = []
    install_from_index("sq", warn=notes.append)
    assert len(notes) == 1
    assert "checksum" in notes[0]
    result = run("models", "install", "sq")
    assert result.exit_code == 0, result.stderr
    assert "checksum" in result.stderr
