"""The app icon files the packages use (scripts/make_icons.py renders them from resources/icons/app.svg):
each container holds every size its platform asks for, as images Qt itself can read back."""

from __future__ import annotations

import struct

from PySide6.QtGui import QImage

from crm_desktop.bundled import resource_path
from scripts.make_icons import ICNS_TYPES, ICO_SIZES


def test_the_windows_icon_holds_every_size(qapp) -> None:
    data = resource_path("icons", "app.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind, count) == (0, 1, len(ICO_SIZES))
    sizes = []
    for n in range(count):
        width, height, _colors, _zero, _planes, bits, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * n)
        image = QImage.fromData(data[offset:offset + length], "PNG")
        side = width or 256
        assert (height or 256, bits, image.width(), image.height()) == (side, 32, side, side)
        sizes.append(side)
    assert sizes == sorted(ICO_SIZES)


def test_the_macos_icon_holds_every_type(qapp) -> None:
    data = resource_path("icons", "app.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack_from(">I", data, 4)[0] == len(data)
    found, at = {}, 8
    while at < len(data):
        kind, length = data[at:at + 4].decode("ascii"), struct.unpack_from(">I", data, at + 4)[0]
        found[kind] = QImage.fromData(data[at + 8:at + length], "PNG").width()
        at += length
    assert found == dict(ICNS_TYPES)


def test_the_app_has_its_icon(qapp) -> None:
    from crm_desktop.views.app import create_application

    assert not create_application(["crm-desktop"]).windowIcon().isNull()
