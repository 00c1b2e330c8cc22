"""Where the shared sample files (../shared/samples beside the project) are, if anywhere.

They are real files other programs wrote (see their SOURCES.md); they are read in place and never
copied into the project. A plain clone has none, and the tests that need them skip. A worktree sits
one level deeper than the main checkout, so both places are looked at."""

from __future__ import annotations

from pathlib import Path

_ROOT = Path(__file__).resolve().parents[1]


def sample_folder(kind: str) -> Path:
    """The folder of one kind of sample (csv, vcard, ics); a path that does not exist when absent."""
    for base in (_ROOT.parent, _ROOT.parent.parent):
        folder = base / "shared" / "samples" / kind
        if folder.is_dir():
            return folder
    return _ROOT.parent / "shared" / "samples" / kind
