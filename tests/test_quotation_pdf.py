"""The quotation PDF (reports/quotation.py) read back with pypdf, its layout's line breaks, and
`crm-desktop quote pdf`.

Shaped Thai extracts with private-use code points where marks were moved (THAI.md), so Thai is
compared by its consonants; Latin, digits and amounts compare exactly.
"""

from __future__ import annotations

import io
import re
from dataclasses import replace

import pytest
from PIL import Image
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from crm_desktop.errors import NotFound
from crm_desktop.main import main
from crm_desktop.queries.sales.detail import PartyBlock
from crm_desktop.reports.fonts import REGULAR, register_fonts, shaped_runs
from crm_desktop.reports.quotation import WIDTH, find_quotation, quotation_pdf, render_quotation
from crm_desktop.services.company import CompanyInput, set_company
from crm_desktop.services.sales.quotations import revise_quotation, send_quotation
from crm_desktop.thai_words import break_points
from tests.quotation_samples import COMPANY, CUSTOMER, NAMES, sample_quotation, stored_customer, stored_quotation
from tests.server_helpers import command_db
from tests.time_helpers import make_clock

pytestmark = pytest.mark.server  # the `ctx` tests run on both engines


def pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def consonants(text: str) -> str:
    """Thai consonants only (ก–ฮ), the part of shaped Thai that extracts unchanged."""
    return re.sub(r"[^\u0e01-\u0e2e]", "", text)


def test_the_pdf_holds_the_customer_tax_id_the_number_and_the_grand_total(ctx) -> None:
    set_company(ctx.uow(), COMPANY)
    quotation = stored_quotation(ctx, stored_customer(ctx), 3)
    pdf = quotation_pdf(ctx, quotation)
    assert pdf.startswith(b"%PDF")
    text = "\n".join(pages(pdf))
    assert CUSTOMER.tax_id in text
    assert COMPANY.tax_id in text
    assert "QT2569-0001" in text
    detail = sample_quotation(3, bill_discount=0)  # the same lines, no bill discount
    baht, satang = divmod(detail.totals.grand_total, 100)
    assert f"{baht:,}.{satang:02d}" in text
    assert consonants("ใบเสนอราคา") in consonants(text)
    assert consonants("สาขาที่ 00001") in consonants(text)  # the customer's branch
    assert consonants("สำนักงานใหญ่") in consonants(text)  # ours


def test_forty_lines_repeat_the_table_header_on_the_next_page() -> None:
    detail = sample_quotation(40)
    for lang, header in (("en", "Unit price"), ("th", "ราคาต่อหน่วย")):
        texts = pages(render_quotation(detail, COMPANY, lang).pdf)
        assert len(texts) >= 2
        for text in texts[:2]:
            assert consonants(header) in consonants(text) if lang == "th" else header in text
        assert "Page 2 of" in texts[1] if lang == "en" else consonants("หน้า 2/") in consonants(texts[1])
        numbers = {int(n) for text in texts for n in re.findall(r"^\s*(\d{1,2})\s*$", text, re.MULTILINE)}
        assert set(range(1, 41)) <= numbers  # every line printed once the table split


def test_long_thai_text_wraps_only_between_words() -> None:
    remarks = ("ราคานี้รวมค่าขนส่งและค่าติดตั้งในเขตกรุงเทพมหานครและปริมณฑลแล้ว การติดตั้งนอกพื้นที่มีค่าใช้จ่ายเพิ่มเติม"
               "ตามระยะทางจริงและบริษัทขอสงวนสิทธิ์ในการเปลี่ยนแปลงราคาโดยไม่ต้องแจ้งให้ทราบล่วงหน้า")
    rendered = render_quotation(sample_quotation(10, remarks=remarks), COMPANY, "th")
    wrapped = {w.text: w.lines for w in rendered.wrapped}
    assert len(wrapped[NAMES[0]]) >= 2 and len(wrapped[remarks]) >= 2  # both were long enough to wrap
    for item in rendered.wrapped:
        assert "".join(item.text.split()) == "".join("".join(item.lines).split())  # nothing lost or added
        allowed, position = set(break_points(item.text)), 0
        for number, line in enumerate(item.lines):
            while item.text[position : position + 1].isspace() and not item.text.startswith(line, position):
                position += 1
            assert item.text.startswith(line, position)
            if number and line:
                assert position in allowed or item.text[position - 1] == "\n", (item.text, line)
            position += len(line)


def test_english_version_with_logo_and_revision() -> None:
    logo = io.BytesIO()
    Image.new("RGB", (300, 100), "navy").save(logo, "PNG")
    detail = sample_quotation(5, revision=2, include_vat=True)
    pdf = render_quotation(detail, replace(COMPANY, logo=logo.getvalue()), "en").pdf
    text = "\n".join(pages(pdf))
    for expected in ("QUOTATION", "QT2569-0007 rev 2", "Siam Air & Service Co., Ltd.", "Grand total",
                     "VAT 7%", "Prices include VAT.", "Baht", "23 November 2026", "Branch 00001", "Head office"):
        assert expected in text, expected
    assert PdfReader(io.BytesIO(pdf)).pages[0].images  # the logo
    thai = "\n".join(pages(render_quotation(detail, COMPANY, "th").pdf))
    assert "2569" in thai and "2026" not in thai  # Buddhist Era in Thai


def test_a_deleted_or_unknown_quotation_is_not_found(ctx) -> None:
    stored_quotation(ctx, stored_customer(ctx), 1)
    with pytest.raises(NotFound):
        quotation_pdf(ctx, "no-such-id")
    with pytest.raises(NotFound, match="QT2569-0999"):
        find_quotation(ctx, "QT2569-0999")
    with pytest.raises(NotFound, match="revision 3"):
        find_quotation(ctx, "QT2569-0001 rev 3")


def test_cli_writes_the_pdf_of_a_number_as_printed(ctx, tmp_path, capsys, monkeypatch) -> None:
    first = stored_quotation(ctx, stored_customer(ctx), 2, language="en")
    send_quotation(ctx.uow(), first, ctx.today(), ctx.now())
    revise_quotation(ctx.uow(), first, ctx.today())
    db = command_db(ctx, monkeypatch)
    ctx.close()
    out = tmp_path / "q.pdf"
    assert main(["--db", db, "quote", "pdf", "QT2569-0001", "rev", "1", "--out", str(out)], make_clock()) == 0
    text = "\n".join(pages(out.read_bytes()))
    assert "QUOTATION" in text and "QT2569-0001" in text and "rev" not in text  # English, as chosen on it
    assert main(["--db", db, "quote", "pdf", "QT2569-0001", "--out", str(out), "--lang", "th"], make_clock()) == 1
    assert "exists" in capsys.readouterr().err  # never over a file without --force
    assert main(["--db", db, "quote", "pdf", "QT2569-0001", "--out", str(out), "--lang", "th", "--force"],
                make_clock()) == 0
    latest = "\n".join(pages(out.read_bytes()))
    assert "QT2569-0001 rev 2" in latest and consonants("ใบเสนอราคา") in consonants(latest)  # the newest, in Thai
    capsys.readouterr()
    assert main(["--lang", "en", "--db", db, "quote", "pdf", "QT2569-0404", "--out", str(tmp_path / "x.pdf")],
                make_clock()) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "There is no quotation QT2569-0404" in err
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize("before", ["Daikin ", "A ", "18,000 ", "("])
def test_thai_after_other_scripts_is_shaped_as_thai(before: str) -> None:
    """One HarfBuzz buffer guesses one script: "Daikin ติดตั้ง" shaped whole puts the tone mark of ตั้ง
    where Latin rules put it (too high, no substitute glyph). Each script run is shaped apart."""
    register_fonts()
    alone = shaped_runs("ติดตั้ง", REGULAR, 9)[0][0]
    mixed = shaped_runs(before + "ติดตั้ง", REGULAR, 9)[-1][0]
    assert mixed == alone and mixed.__shapeData__ == alone.__shapeData__
    assert any(0xE000 <= ord(c) <= 0xF8FF for c in alone)  # the font's lowered tone mark glyph


def test_awkward_text_still_prints() -> None:
    remarks = "<b>&amp; ราคา</b> " + "ABC" * 80 + " " + "ภาษีมูลค่าเพิ่ม" * 300
    detail = replace(sample_quotation(0, bill_discount=0, remarks=remarks), payment_terms="",
                     customer=PartyBlock("", "", "", "", "", "", ""))
    rendered = render_quotation(detail, CompanyInput(), "en")
    texts = pages(rendered.pdf)
    assert len(texts) >= 2  # the remarks flow on
    assert "<b>&amp;" in "".join(texts)  # user text is never markup
    assert "Zero Baht Only" in "".join(texts)
    assert all(stringWidth(line, REGULAR, 9) <= WIDTH for w in rendered.wrapped for line in w.lines)
