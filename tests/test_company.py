"""The company's printed details (services/company.py): checked fields, a logo in chunks that syncs."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from PIL import Image

from crm_desktop.errors import ValidationError
from crm_desktop.services.company import LOGO_BOX, CompanyInput, company, logo_png, printed_company, set_company
from crm_desktop.services.settings import set_company_name
from crm_desktop.sync.files import export_bundle, import_bundle


def picture(size: tuple[int, int], mode: str = "RGB", kind: str = "JPEG") -> bytes:
    out = io.BytesIO()
    Image.effect_noise(size, 64).convert(mode).save(out, kind)
    return out.getvalue()


DETAILS = CompanyInput(name_th="บริษัท สยามแอร์ จำกัด", name_en="Siam Air Co., Ltd.",
                       address_th="99/1 ถนนพระราม 4\nกรุงเทพฯ 10500", tax_id="0105-53606-1479", phone="02 123 4567",
                       email="Sales@SiamAir.co.th")


def test_details_are_checked_normalized_and_read_back(ctx) -> None:
    changes = set_company(ctx.uow(), DETAILS)
    assert "company.tax_id" in changes.updated
    stored = company(ctx.uow())
    assert (stored.tax_id, stored.branch_code, stored.phone) == ("0105536061479", "00000", "+6621234567")
    assert stored.email == "Sales@siamair.co.th"
    assert stored.address_th == "99/1 ถนนพระราม 4\nกรุงเทพฯ 10500"
    assert set_company(ctx.uow(), DETAILS).updated == ()  # nothing differs, nothing written


@pytest.mark.parametrize(("field", "changed"), [
    ("tax_id", {"tax_id": "0105536061478"}),
    ("branch_code", {"tax_id": "", "branch_code": "00001"}),
    ("branch_code", {"branch_code": "1"}),
    ("phone", {"phone": "021234"}),
    ("email", {"email": "sales@"}),
    ("name_th", {"name_th": "ก" * 201}),
    ("logo", {"logo": b"GIF89a not a png"}),
])
def test_bad_details_save_nothing(ctx, field: str, changed: dict[str, object]) -> None:
    set_company(ctx.uow(), DETAILS)
    with pytest.raises(ValidationError) as caught:
        set_company(ctx.uow(), replace(DETAILS, name_en="Other", **changed))
    assert caught.value.field == field
    assert company(ctx.uow()).name_en == "Siam Air Co., Ltd."


def test_the_thai_name_falls_back_to_the_office_name(ctx) -> None:
    set_company_name(ctx.uow(), "ร้านสมใจการค้า")
    assert printed_company(ctx.uow()).name_th == "ร้านสมใจการค้า"
    assert company(ctx.uow()).name_th == ""  # the page shows what is stored


def test_a_logo_is_shrunk_to_a_png_and_stored_in_chunks(ctx) -> None:
    png = logo_png(picture((2400, 1200)))
    with Image.open(io.BytesIO(png)) as image:
        assert image.format == "PNG"
        assert image.width <= LOGO_BOX[0] and image.height <= LOGO_BOX[1]
    changes = set_company(ctx.uow(), replace(DETAILS, logo=png))
    assert "company.logo.2" in changes.updated  # noise does not compress: several chunks
    assert company(ctx.uow()).logo == png
    small = logo_png(picture((40, 20), "RGBA", "PNG"))
    set_company(ctx.uow(), replace(DETAILS, logo=small))
    assert company(ctx.uow()).logo == small
    set_company(ctx.uow(), DETAILS)
    assert company(ctx.uow()).logo == b""


def test_a_file_that_is_not_a_picture_is_refused() -> None:
    with pytest.raises(ValidationError, match="not a picture"):
        logo_png(b"%PDF-1.7 not an image")


def test_the_details_and_logo_travel_to_another_copy(copies, tmp_path) -> None:
    office, branch, _ = copies
    png = logo_png(picture((300, 100)))
    set_company(office.uow(), replace(DETAILS, logo=png))
    export_bundle(office.database, tmp_path / "1.zip", everything=True)
    import_bundle(branch.database, branch.user_id, tmp_path / "1.zip")
    there = company(branch.uow())
    assert (there.name_en, there.tax_id, there.logo) == ("Siam Air Co., Ltd.", "0105536061479", png)
