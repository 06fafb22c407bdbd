"""Downloading packages from the Argos package index, safely.

The index is trusted only to say *what* to fetch: the downloaded file is
named from the language codes we checked, links must be https (plain http
only from this machine, or with L10N_ALLOW_HTTP=1, redirects included), and
every download has a size limit, an overall time limit, and a checksum when
the index gives one (Argos's own index gives none; the user is told).
"""

from __future__ import annotations

import hashlib
import http.client
import io
import ipaddress
import json
import os
import re
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from l10n.errors import InputFileError, L10nError
from l10n.models.archive import install_file
from l10n.models.installed import FILE_HINT, PackageInfo, argos_settings, json_type, packages_dir
from l10n.models.limits import (
    DOWNLOAD_TIMEOUT,
    MAX_DOWNLOAD,
    MAX_INDEX,
    human,
    seconds_setting,
    size_setting,
)

INDEX_TIMEOUT = 30  # seconds a download may stay silent (the socket timeout)
CHUNK = 1024**2
LANG_CODE = re.compile(r"[a-z]{2,3}")
HTTP_HINT = (
    "packages are downloaded over https; plain http only from this machine "
    "(localhost, 127.0.0.1) or with L10N_ALLOW_HTTP=1"
)


def index_url() -> str:
    """The package index's address: ARGOS_PACKAGE_INDEX (read now) joined to index.json.

    argostranslate appends "index.json" to the variable as it is, so a folder
    given without its trailing slash became ".../argosindex.json".
    """
    settings = argos_settings()
    base = os.environ.get("ARGOS_PACKAGE_INDEX")
    if not base:
        if settings.remote_package_index != settings.package_index + "index.json":
            return settings.remote_package_index  # set by a library user
        base = settings.package_index
    return base if base.endswith(".json") else base.rstrip("/") + "/index.json"


def _is_local(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_url(url: str) -> None:
    """Raise unless ``url`` may be downloaded from: https, or http from this machine."""
    try:
        parts = urllib.parse.urlsplit(url)
        host = parts.hostname or ""
    except ValueError:
        parts, host = urllib.parse.SplitResult("", "", "", "", ""), ""
    allow_http = os.environ.get("L10N_ALLOW_HTTP", "").lower() in ("1", "true", "yes")
    if host and (
        parts.scheme == "https" or (parts.scheme == "http" and (allow_http or _is_local(host)))
    ):
        return
    raise L10nError(
        f"refusing to download {url}: only https:// addresses are allowed", hint=HTTP_HINT
    )


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is held to the same rule as the link (no https -> http downgrade)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        check_url(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _reason(exc: Exception) -> str:
    if isinstance(exc, urllib.error.HTTPError):
        return f"HTTP {exc.code} {exc.reason}"
    reason = getattr(exc, "reason", None) or exc
    return str(getattr(reason, "strerror", None) or reason)


@dataclass(frozen=True)
class Limits:
    size: int  # bytes
    seconds: float  # for the whole download
    size_hint: str | None = None

    @classmethod
    def for_packages(cls) -> Limits:
        return cls(
            size_setting("L10N_MAX_DOWNLOAD", MAX_DOWNLOAD),
            seconds_setting("L10N_DOWNLOAD_TIMEOUT", DOWNLOAD_TIMEOUT),
            "if you trust the source, raise the limit: L10N_MAX_DOWNLOAD=4G",
        )


def _too_big(url: str, limits: Limits) -> L10nError:
    return L10nError(
        f"{url}: larger than the {human(limits.size)} download limit", hint=limits.size_hint
    )


def download(url: str, out: BinaryIO, limits: Limits) -> str:
    """Write what ``url`` serves to ``out`` within ``limits``; its SHA-256, in hex."""
    check_url(url)
    opener = urllib.request.build_opener(_CheckedRedirects)
    request = urllib.request.Request(url, headers={"User-Agent": "l10n (argostranslate)"})
    deadline = time.monotonic() + limits.seconds
    digest = hashlib.sha256()
    size = 0
    try:
        with opener.open(request, timeout=INDEX_TIMEOUT) as response:
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > limits.size:
                raise _too_big(url, limits)
            # read1: whatever has arrived, so a slow trickle still meets the deadline.
            while chunk := response.read1(CHUNK):
                size += len(chunk)
                if size > limits.size:
                    raise _too_big(url, limits)
                if time.monotonic() > deadline:
                    raise L10nError(
                        f"{url}: the download took longer than {limits.seconds:g} seconds",
                        hint="allow more time with L10N_DOWNLOAD_TIMEOUT=SECONDS",
                    )
                digest.update(chunk)
                out.write(chunk)
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as exc:
        raise L10nError(f"{url}: {_reason(exc)}") from None
    return digest.hexdigest()


def _index_error(url: str, problem: str) -> L10nError:
    return L10nError(
        f"the Argos package index at {url} {problem}",
        hint=f"check ARGOS_PACKAGE_INDEX (the folder holding index.json), or {FILE_HINT}",
    )


def available_packages() -> list[dict]:
    """The Argos package index, downloaded now (needs a network): one object per package."""
    url = index_url()
    buffer = io.BytesIO()
    limits = Limits(MAX_INDEX, seconds_setting("L10N_DOWNLOAD_TIMEOUT", DOWNLOAD_TIMEOUT))
    try:
        download(url, buffer, limits)
    except L10nError as exc:
        hints = [h for h in (exc.hint, f"without a network, {FILE_HINT}") if h]
        raise L10nError(
            f"cannot download the Argos package index: {exc.message}", hint="; ".join(hints)
        ) from None
    try:
        index = json.loads(buffer.getvalue())
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _index_error(url, f"is not valid JSON: {exc}") from None
    if not isinstance(index, list):
        raise _index_error(url, f"is {json_type(index)}, not a list of packages")
    for n, entry in enumerate(index, 1):
        if not isinstance(entry, dict):
            raise _index_error(url, f"is malformed: entry {n} is {json_type(entry)}, not an object")
    with suppress(OSError):  # argospm's copy of the index; ours does not need it
        Path(argos_settings().local_package_index).write_bytes(buffer.getvalue())
    return index


def _links_and_checksum(entry: dict, url: str, pair: str) -> tuple[list[str], str | None]:
    links = entry.get("links")
    if not isinstance(links, list) or not links or not all(isinstance(u, str) for u in links):
        found = "missing" if links is None else json_type(links)
        if isinstance(links, list):
            found = "a list of something else" if links else "an empty list"
        raise _index_error(
            url, f"is malformed: the {pair} package's links is {found}, not a list of URLs"
        )
    for key in ("sha256", "checksum"):
        value = entry.get(key)
        if value is None:
            continue
        digest = value.removeprefix("sha256:") if isinstance(value, str) else ""
        if not re.fullmatch(r"[0-9a-fA-F]{64}", digest):
            raise _index_error(
                url, f"is malformed: the {pair} package's {key} is not a SHA-256 digest"
            )
        return links, digest.lower()
    return links, None


def _download_package(links: list[str], target: Path, expected: str | None, pair: str) -> str:
    """Try each link in turn, return the one that worked; all failing is one error."""
    limits = Limits.for_packages()
    errors: list[L10nError] = []
    for url in links:
        try:
            with open(target, "wb") as out:
                digest = download(url, out, limits)
            if expected and digest != expected:
                raise L10nError(
                    f"{url}: its sha256 is {digest}, the index says {expected}",
                    hint="the download is damaged or was tampered with: try again later",
                )
            return url
        except OSError as exc:
            errors.append(L10nError(f"{target}: {exc.strerror or exc}"))
        except L10nError as exc:
            errors.append(exc)
    hints = dict.fromkeys([*(e.hint for e in errors if e.hint), FILE_HINT])
    raise L10nError(
        f"could not download the {pair} package: {'; '.join(e.message for e in errors)}",
        hint="; ".join(hints),
    )


def install_from_index(
    to_code: str, from_code: str = "en", *, warn: Callable[[str], None] | None = None
) -> PackageInfo:
    """Download the index's package for ``from_code`` -> ``to_code`` and install it.

    The downloaded file is named from the two (checked) codes, never from the
    index, and kept in a hidden folder beside the packages until installed.
    ``warn`` hears that a download could not be verified (no checksum).
    """
    for code in (from_code, to_code):
        if not LANG_CODE.fullmatch(code):
            raise L10nError(f"{code!r} is not a language code", hint="use codes such as en, sq, uk")
    pair = f"{from_code} -> {to_code}"
    root = packages_dir()
    url = index_url()
    matches = [
        e
        for e in available_packages()
        if e.get("type", "translate") == "translate"
        and e.get("from_code") == from_code
        and e.get("to_code") == to_code
    ]
    if not matches:
        raise L10nError(
            f"the Argos package index has no {pair} package",
            hint="`l10n models install --help` explains installing from a file",
        )
    links, expected = _links_and_checksum(matches[0], url, pair)
    try:
        root.mkdir(parents=True, exist_ok=True)
        tmp = tempfile.TemporaryDirectory(prefix=".downloading-", dir=root)
    except OSError as exc:
        raise L10nError(f"cannot create a folder in {root}: {exc.strerror or exc}") from None
    with tmp:
        target = Path(tmp.name) / f"{from_code}_{to_code}.argosmodel"
        source = _download_package(links, target, expected, pair)
        try:
            info = install_file(target, expect_to=to_code)
        except InputFileError as exc:
            # Name the download, not the temporary file that is about to vanish.
            problem = exc.message.removeprefix(f"{target}: ")
            raise InputFileError(source, problem, hint=exc.hint) from None
    if expected is None and warn:
        warn(
            f"the package index gives no checksum for the {pair} package, "
            "so the download could not be verified"
        )
    return info
