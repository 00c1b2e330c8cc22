"""Refresh the Thai translation catalog after UI texts changed.

    python scripts/update_translations.py

1. `pyside6-lupdate` reads every .py file under crm_desktop/ui and crm_desktop/views and merges
   the texts passed through tr() / QCoreApplication.translate() into
   resources/i18n/crm_desktop_th.ts. Existing translations are kept; texts no longer in the code
   are dropped (-no-obsolete); new ones arrive as "unfinished".
2. Translate the unfinished messages (Qt Linguist: `pyside6-linguist`, or edit the XML).
3. Run this script again: `pyside6-lrelease` compiles the .ts into resources/i18n/crm_desktop_th.qm,
   the file the app loads (crm_desktop/ui/i18n.py). Commit both files.

The tools are looked for next to the running Python (a venv's bin/ or Scripts\\), then on PATH,
then inside the PySide6 package. tests/test_translations.py fails when the catalog is stale.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE_DIRS = ("crm_desktop/ui", "crm_desktop/views")
TS_FILE = ROOT / "resources" / "i18n" / "crm_desktop_th.ts"
QM_FILE = TS_FILE.with_suffix(".qm")
TARGET_LANGUAGE = "th_TH"
SOURCE_LANGUAGE = "en"


def find_tool(name: str) -> Path | None:
    """`pyside6-<name>` beside sys.executable, then on PATH; else Qt's `<name>` in the PySide6 package."""
    exe = ".exe" if os.name == "nt" else ""
    wrapper = f"pyside6-{name}"
    candidates: list[Path] = [Path(sys.executable).parent / f"{wrapper}{exe}"]
    found = shutil.which(wrapper)
    if found:
        candidates.append(Path(found))
    try:
        import PySide6
    except ImportError:
        pass
    else:
        candidates.append(Path(PySide6.__file__).parent / f"{name}{exe}")
    return next((c for c in candidates if c.is_file()), None)


def source_files(root: Path = ROOT) -> list[Path]:
    """Every .py file lupdate reads, in a stable order."""
    files: list[Path] = []
    for folder in SOURCE_DIRS:
        files.extend(sorted((root / folder).rglob("*.py")))
    return files


def run_lupdate(ts: Path, *, root: Path = ROOT, tool: Path | None = None) -> None:
    """Merge the source texts into `ts` (created when missing), dropping obsolete ones."""
    tool = tool or find_tool("lupdate")
    if tool is None:
        raise SystemExit("pyside6-lupdate not found: install PySide6 (pip install PySide6-Essentials)")
    ts.parent.mkdir(parents=True, exist_ok=True)
    sources = [str(p.relative_to(root)) for p in source_files(root)]
    command = [str(tool), *sources, "-ts", str(ts), "-no-obsolete", "-locations", "none",
               "-source-language", SOURCE_LANGUAGE, "-target-language", TARGET_LANGUAGE]
    subprocess.run(command, cwd=root, check=True, capture_output=True, text=True)


def run_lrelease(ts: Path, qm: Path, *, tool: Path | None = None) -> None:
    tool = tool or find_tool("lrelease")
    if tool is None:
        raise SystemExit("pyside6-lrelease not found: install PySide6 (pip install PySide6-Essentials)")
    subprocess.run([str(tool), str(ts), "-qm", str(qm)], check=True, capture_output=True, text=True)


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    comment: str
    translations: tuple[str, ...]  # one per plural form for %n messages
    plural: bool
    unfinished: bool

    @property
    def finished(self) -> bool:
        return not self.unfinished and bool(self.translations) and all(t.strip() for t in self.translations)


def read_messages(ts: Path) -> list[Message]:
    """Every message of a .ts file (obsolete and vanished ones are skipped)."""
    messages = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else "unfinished"
            if kind in ("obsolete", "vanished"):
                continue
            if message.get("numerus") == "yes" and translation is not None:
                texts = tuple(f.text or "" for f in translation.iter("numerusform"))
            else:
                texts = ((translation.text or "") if translation is not None else "",)
            messages.append(Message(
                context=name,
                source=message.findtext("source") or "",
                comment=message.findtext("comment") or "",
                translations=texts,
                plural=message.get("numerus") == "yes",
                unfinished=kind == "unfinished",
            ))
    return messages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ts", type=Path, default=TS_FILE, help="catalog to update (default: %(default)s)")
    parser.add_argument("--qm", type=Path, default=QM_FILE, help="compiled catalog (default: %(default)s)")
    args = parser.parse_args()
    ts, qm = args.ts.resolve(), args.qm.resolve()
    run_lupdate(ts)
    run_lrelease(ts, qm)
    messages = read_messages(ts)
    finished = sum(m.finished for m in messages)
    unfinished = [m for m in messages if not m.finished]
    print(f"{ts.relative_to(ROOT) if ts.is_relative_to(ROOT) else ts}: {len(messages)} messages, "
          f"{finished} finished, {len(unfinished)} unfinished")
    for m in unfinished[:20]:
        print(f"  unfinished  {m.context}: {m.source!r}")
    if len(unfinished) > 20:
        print(f"  … and {len(unfinished) - 20} more")
    print(f"{qm.relative_to(ROOT) if qm.is_relative_to(ROOT) else qm}: written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
