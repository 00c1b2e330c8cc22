"""Every contact file in ../shared/samples/ (csv, vcard; real files other programs wrote) imports end to end,
read_import_file -> preview -> services.imports, with the expected number of records and the right
names, phones and e-mails; what a file holds that we cannot take (a photo, X- properties, a foreign phone
without its country code) is a warning on the row, never a crash. The reader-level checks of the same
files are in test_exchange_vcard.py and test_exchange_tables.py. Skipped when the folder is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from crm_desktop.exchange.mapping import RowReader
from crm_desktop.exchange.rows import read_import_file
from crm_desktop.models import Contact
from crm_desktop.queries.imports import preview_rows
from crm_desktop.services.app import AppContext
from crm_desktop.services.imports import import_rows
from tests.samples import sample_folder
from tests.time_helpers import TODAY

pytestmark = pytest.mark.server

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sample_folder("csv").parent
needs_samples = pytest.mark.skipif(not SAMPLES.is_dir(), reason="../shared/samples is absent (a plain clone)")

# file -> (rows rejected, the contacts imported as (first name, last name, mobile, e-mail), words the
# warnings must hold, a number the notes must keep as written)
EXPECTED: dict[str, tuple[int, list[tuple[str, str, str, str]], tuple[str, ...], str]] = {
    "vcard/android-v21-qp-utf8-multi.vcf": (5, [("Ñ Ñ Ñ", "Ñ Ñ", "", "bob@company.com")], ("CATEGORIES",), ""),
    "vcard/android-v21-shiftjis-qp.vcf": (0, [("ロイド1", "安藤", "", "")], ("SOUND",), ""),
    "vcard/android-v40-utf8-sortas.vcf": (0, [("ロイド", "安藤", "", "")], (), ""),
    "vcard/apple-addressbook-v30-company.vcf": (0, [("Apple", "Computer AG", "", "")], ("PHOTO",), ""),
    "vcard/blackberry-v21-photo.vcf": (0, [("john", "Doe", "", "")], ("PHOTO", "+96123456789"), "+96123456789"),
    "vcard/evolution-v30.vcf": (0, [("John", "Doe", "", "john.doe@ibm.com")], ("905-666-1234",), "905-555-1234"),
    "vcard/gmail-v30-3contacts.vcf": (0, [("Arnold", "Smith", "", "asmithk@gmail.com"),
                                          ("Chris", "Beatle", "", "chrisy55d@yahoo.com"),
                                          ("Doug", "White", "", "dwhite@gmail.com")], (), ""),
    "vcard/gmail-v30-itemlabels.vcf": (0, [("Greg", "Dartmouth", "", "gdartmouth@hotmail.com")], ("X-PHONETIC",),
                                       "555 555 1111"),
    "vcard/ios613-v30-photo-crcrlf.vcf": (0, [("Bob", "Smith", "", "bob@smithauto.com")], ("PHOTO",),
                                          "(650) 555-1212"),
    "vcard/macaddressbook-v30.vcf": (0, [("John", "Doe", "", "john.doe@ibm.com")], ("PHOTO",), "905-555-1234"),
    "vcard/outlook-v21-photo-longnote.vcf": (0, [("John", "Doe", "", "john.doe@ibm.cm")], ("X-MS-ANNIVERSARY",),
                                             "(905) 555-1234"),
    "vcard/outlook2003-v21-qp.vcf": (0, [("John", "Doe", "", "jdoe@hotmail.com")], ("KEY",), ""),
    "vcard/outlook2007-v21-qp.vcf": (0, [("Michael", "Angstadt", "", "mike.angstadt@gmail.com")],
                                     ("Only the first web address was kept",), "(111) 555-4444"),
    "vcard/rfc6350-v40-example.vcf": (0, [("Simon", "Perreault", "+14182626501", "simon.perreault@viagenie.ca")],
                                      ("GEO",), "+1-418-656-9254 ext. 102"),
    "csv/thunderbird-shiftjis.csv": (0, [("権兵衛", "名無し", "", "")], (), ""),
    # Templates of a format with placeholder values ("home_state", "Home Zip"): refused with the reason.
    "csv/google-legacy.csv": (1, [], (), ""),
    "csv/roundcube-generic-utf8bom.csv": (1, [], (), ""),
    "csv/outlook-email-columns.csv": (1, [], (), ""),  # e-mails only: a contact needs a name
}


def _contacts(ctx: AppContext) -> list[Contact]:
    with ctx.uow() as uow:
        rows = list(uow.session.query(Contact).filter(Contact.deleted_at.is_(None)).order_by(Contact.first_name))
        uow.session.expunge_all()
    return rows


@needs_samples
def test_every_contact_sample_is_listed_here() -> None:
    files = {f"{p.parent.name}/{p.name}" for folder in ("csv", "vcard") for p in (SAMPLES / folder).iterdir()}
    assert files == set(EXPECTED)


@needs_samples
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_sample_imports_its_people_and_warns_of_what_it_leaves(ctx: AppContext, name: str) -> None:
    rejected, people, warned, kept = EXPECTED[name]
    loaded = read_import_file(SAMPLES / name, "contacts")
    result = import_rows(ctx.uow(), "contacts", loaded.rows, preview_rows(ctx.database, "contacts", loaded.rows),
                         TODAY)
    assert len(result.rejected) == rejected
    assert all(r.text("en") and r.text("th") for r in result.rejected)  # each says why, in both languages
    got = _contacts(ctx)
    assert [(c.first_name, c.last_name, c.mobile, c.email) for c in got] == people
    warnings = " ".join(w.text("en") for row in loaded.rows for w in row.warnings)
    assert all(word in warnings for word in warned), warnings
    if kept:
        assert any(kept in c.notes for c in got)


def test_a_foreign_phone_is_kept_in_the_notes_a_thai_one_typed_wrong_is_an_error() -> None:
    reader = RowReader("contacts", ["Name", "Mobile", "Notes"], ["first_name", "mobile", "notes"])
    foreign = reader.read(["Bob", "(650) 555-1212", "met at the fair"], 2)
    assert foreign.errors == []
    assert foreign.values == {"first_name": "Bob", "notes": "met at the fair\nMobile: (650) 555-1212"}
    (warning,) = foreign.warnings
    assert "(650) 555-1212" in warning.text("en") and "หมายเหตุ" in warning.text("th")
    typo = reader.read(["ดำ", "0812", ""], 3)
    assert [e.column for e in typo.errors] == ["Mobile"] and "mobile" not in typo.values
