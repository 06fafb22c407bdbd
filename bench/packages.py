"""Random-weight Argos packages of the real shape, built once and cached.

A package is keyed by everything that decides its bytes: the shape, the seed,
the ``eos_bias``, the target language, the source of ``tests/support/randommodel.py``
and the CTranslate2 version.  Reruns reuse the cached ``.argosmodel`` files
under ``bench/results/packages/``; the first run builds them (about 7 s each
for TRANSFORMER_BASE on the reference machine).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

from bench.common import RESULTS, ROOT, log, randommodel

# Random weights almost never pick </s>; a large negative bias makes that
# "never", so every hypothesis runs exactly to max_decoding_length (which the
# benchmark sets on every side) and all sides decode the same tokens.
EOS_BIAS = -100.0
SEED = 20240806
PACKAGE_VERSION = "9999.0"  # newer than any real package, so find_package picks ours


def cache_key(shape: object, seed: int, to_code: str) -> str:
    import ctranslate2

    h = hashlib.sha256()
    h.update(repr(sorted(asdict(shape).items())).encode())  # type: ignore[call-overload]
    h.update(f"{seed}|{EOS_BIAS}|{to_code}|{PACKAGE_VERSION}|{ctranslate2.__version__}".encode())
    h.update((ROOT / "tests" / "support" / "randommodel.py").read_bytes())
    return h.hexdigest()[:16]


def build_packages(langs: list[str], shape: object) -> tuple[dict[str, Path], float]:
    """``.argosmodel`` files en -> each of ``langs``; and seconds spent building (0: cached)."""
    build_random_package = randommodel().build_random_package

    files: dict[str, Path] = {}
    spent = 0.0
    for i, lang in enumerate(langs):
        seed = SEED + i
        folder = RESULTS / "packages" / cache_key(shape, seed, lang)
        archive = folder / f"translate-en_{lang}-random.argosmodel"
        if not archive.is_file():
            log(f"building a random-weight en->{lang} package ({shape}), cached in {folder}")
            start = time.perf_counter()
            build_random_package(
                folder,
                "en",
                lang,
                shape=shape,  # type: ignore[arg-type]
                seed=seed,
                eos_bias=EOS_BIAS,
                package_version=PACKAGE_VERSION,
            )
            spent += time.perf_counter() - start
        files[lang] = archive
    return files, spent


def install_packages(files: dict[str, Path]) -> Path:
    """Install the packages into a new temporary ARGOS_PACKAGES_DIR (set in os.environ)."""
    from l10n.models import find_package, install_file

    target = Path(tempfile.mkdtemp(prefix="l10n-bench-packages-"))
    os.environ["ARGOS_PACKAGES_DIR"] = str(target)
    for lang, archive in files.items():
        install_file(archive, expect_to=lang)
        found = find_package("en", lang)
        if found is None or Path(found.package_path).parent != target:
            raise RuntimeError(f"en->{lang}: the benchmark package is not the one l10n finds")
    return target
