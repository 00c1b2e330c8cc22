"""The province list the pickers and checks use is geothai's, without importing geothai at start."""

from __future__ import annotations

import subprocess
import sys

import geothai

from crm_desktop.provinces import PROVINCES
from crm_desktop.services.validation import province, provinces


def test_the_copy_holds_every_province_as_geothai_names_it() -> None:
    assert sorted(PROVINCES) == sorted((p.code, p.name_th, p.name_en) for p in geothai.provinces())


def test_the_picker_lists_77_provinces_in_thai_order_and_checks_them() -> None:
    names = [p.name_th for p in provinces()]
    assert len(names) == 77 and names[0] == "กระบี่"
    assert names.index("ฉะเชิงเทรา") < names.index("เชียงใหม่") < names.index("ตาก")  # under ช, as in a dictionary
    assert province("จ.เชียงใหม่") == "เชียงใหม่" and province("Bangkok") == "กรุงเทพมหานคร"


def test_listing_and_checking_provinces_leaves_geothai_unloaded() -> None:
    code = ("import sys; from crm_desktop.services.validation import province, provinces; "
            "provinces(); province('กทม'); print('geothai' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert out.stdout.strip() == "False"
