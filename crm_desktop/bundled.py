"""Where bundled files (fonts, icons, translations, the Thai word list) live, from a checkout or a
PyInstaller bundle. Shared kernel: the PDFs (reports/) need the fonts as much as the UI does."""

from __future__ import annotations

import sys
from pathlib import Path

RESOURCES_DIR = "resources"


def resources_root() -> Path:
    """The top-level `resources/` folder.

    In a PyInstaller bundle the data files are unpacked under `sys._MEIPASS`; the build spec must
    copy the repository's `resources/` folder there under the same name.
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / RESOURCES_DIR
    return Path(__file__).resolve().parents[1] / RESOURCES_DIR


def resource_path(*parts: str) -> Path:
    """A path inside `resources/`, e.g. `resource_path("fonts", "Sarabun-Regular.ttf")`."""
    return resources_root().joinpath(*parts)
