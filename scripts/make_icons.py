"""Render the app icon (resources/icons/app.svg) into the files the packages need:

    app.ico   Windows: the executable's and the installer's icon (16–256 px)
    app.icns  macOS: the .app bundle's icon (16–1024 px)
    app.png   256 px, for Linux desktop files and the README

    python scripts/make_icons.py        # rewrites the three files beside app.svg; commit them

Qt (already a dependency) renders the SVG; both ICO and ICNS may hold PNG images, so the containers are
written here by hand (a few lines of `struct`) rather than with an image library the app does not need.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element types that hold PNG data, and the pixel size of each (the @2x types count real pixels).
ICNS_TYPES = (("icp4", 16), ("icp5", 32), ("icp6", 64), ("ic07", 128), ("ic08", 256), ("ic09", 512),
              ("ic10", 1024), ("ic11", 32), ("ic12", 64), ("ic13", 256), ("ic14", 512))


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn into a transparent size x size PNG."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    """An ICO file of PNG images (Windows Vista and later read PNG entries at any size)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, images = b"", b""
    for size in sizes:
        data = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        images += data
        offset += len(data)
    return header + entries + images


def icns(pngs: dict[int, bytes]) -> bytes:
    """An ICNS file: a big-endian 'icns' header, then (type, length, PNG) elements."""
    body = b"".join(kind.encode("ascii") + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
                    for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication(sys.argv[:1])
    svg = ICONS / "app.svg"
    sizes = sorted({*ICO_SIZES, *(size for _kind, size in ICNS_TYPES)})
    pngs = {size: render_png(svg, size) for size in sizes}
    (ICONS / "app.ico").write_bytes(ico({size: pngs[size] for size in ICO_SIZES}))
    (ICONS / "app.icns").write_bytes(icns(pngs))
    (ICONS / "app.png").write_bytes(pngs[256])
    for name in ("app.ico", "app.icns", "app.png"):
        print(f"{ICONS / name}: {(ICONS / name).stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
