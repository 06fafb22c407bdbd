"""The output formats of ``l10n check``: text for people, JSON for tools,
GitHub workflow commands for annotations on a pull request."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from l10n.qa.base import Severity
from l10n.qa.runner import Finding


def format_text(findings: Sequence[Finding], files_checked: int) -> str:
    lines = [
        f"{f.file}:{f.line}: {f.lang}: {f.severity}: [{f.check}] {f.message}" for f in findings
    ]
    errors = sum(f.severity == Severity.ERROR.value for f in findings)
    warnings = len(findings) - errors
    lines.append(
        f"{files_checked} file{'s' if files_checked != 1 else ''} checked: "
        f"{errors} error{'s' if errors != 1 else ''}, "
        f"{warnings} warning{'s' if warnings != 1 else ''}"
    )
    return "\n".join(lines)


def format_json(findings: Sequence[Finding]) -> str:
    return json.dumps([f.to_dict() for f in findings], ensure_ascii=False, indent=2)


def _escape_github(value: str, *, property_value: bool = False) -> str:
    # https://docs.github.com/actions/reference/workflow-commands-for-github-actions
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def format_github(findings: Sequence[Finding]) -> str:
    out = []
    for f in findings:
        level = "error" if f.severity == Severity.ERROR.value else "warning"
        title = _escape_github(f"l10n {f.check} ({f.lang})", property_value=True)
        file = _escape_github(str(Path(f.file).as_posix()), property_value=True)
        out.append(
            f"::{level} file={file},line={f.line},title={title}::"
            + _escape_github(f"[{f.check}] {f.message}")
        )
    return "\n".join(out)
