"""vCard reading and writing (exchange/vcard.py): real files from other programs, Thai cards, bad input."""

from __future__ import annotations

import io
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crm_desktop.errors import StorageError
from crm_desktop.exchange.vcard import (
    WARNING_TEMPLATES,
    Address,
    Email,
    EmptyVCardFile,
    NotAVCardFile,
    PartialDate,
    Phone,
    TooManyVCardProperties,
    TooManyVCards,
    UnfinishedVCard,
    VCard,
    VCardLimits,
    VCardTooLarge,
    fold,
    read_vcards,
    write_vcards,
)
from crm_desktop.messages import THAI
from tests.samples import sample_folder

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sample_folder("vcard")
needs_samples = pytest.mark.skipif(not SAMPLES.is_dir(), reason="../shared/samples is absent (a plain clone)")


def read(data: bytes, **kwargs: object) -> list[VCard]:
    return list(read_vcards(io.BytesIO(data), **kwargs))  # type: ignore[arg-type]


def sample(name: str) -> list[VCard]:
    return list(read_vcards(SAMPLES / name))


def numbers(card: VCard) -> list[str]:
    return [p.number for p in card.phones]


def addresses(card: VCard) -> list[str]:
    return [e.address for e in card.emails]


# ---------------------------------------------------------------- the real files

EXPECTED_COUNTS = {
    "android-v21-qp-utf8-multi.vcf": 6, "android-v21-shiftjis-qp.vcf": 1, "android-v40-utf8-sortas.vcf": 1,
    "apple-addressbook-v30-company.vcf": 1, "blackberry-v21-photo.vcf": 1, "evolution-v30.vcf": 1,
    "gmail-v30-3contacts.vcf": 3, "gmail-v30-itemlabels.vcf": 1, "ios613-v30-photo-crcrlf.vcf": 1,
    "macaddressbook-v30.vcf": 1, "outlook-v21-photo-longnote.vcf": 1, "outlook2003-v21-qp.vcf": 1,
    "outlook2007-v21-qp.vcf": 1, "rfc6350-v40-example.vcf": 1,
}


@needs_samples
def test_every_sample_file_reads_with_the_expected_number_of_cards() -> None:
    found = {p.name for p in SAMPLES.glob("*.vcf")}
    assert found == set(EXPECTED_COUNTS), "a sample was added or removed: update EXPECTED_COUNTS"
    for name, count in EXPECTED_COUNTS.items():
        cards = sample(name)
        assert len(cards) == count, name
        assert [c.index for c in cards] == list(range(1, count + 1))


@needs_samples
def test_gmail_three_contacts() -> None:
    cards = sample("gmail-v30-3contacts.vcf")
    assert [(c.first_name, c.last_name) for c in cards] == [("Arnold", "Smith"), ("Chris", "Beatle"), ("Doug", "White")]
    assert [addresses(c) for c in cards] == [["asmithk@gmail.com"], ["chrisy55d@yahoo.com"], ["dwhite@gmail.com"]]
    assert [c.line for c in cards] == [1, 7, 13]


@needs_samples
def test_gmail_item_labels_escapes_and_folded_note() -> None:
    (card,) = sample("gmail-v30-itemlabels.vcf")
    assert card.formatted_name == "Greg Dartmouth" and card.nickname == "Gman"
    assert card.phones == [Phone("555 555 1111", ("cell",)), Phone("555 555 2222", label="GRAND_CENTRAL")]
    assert card.url == "http://TheProfile.com"  # http\://
    assert card.addresses[0].street == "123 Home St\nHome City, HM 12345"
    assert card.addresses[1] == Address(street="321 Custom St", locality="Custom City", region="TX",
                                        postcode="98765", country="USA", label="CustomAdrType")
    assert card.birthday == PartialDate(1960, 9, 10)
    assert card.note.endswith("ACustomField: CustomField")  # the fold removes one space only
    assert (card.company, card.title) == ("TheCompany", "TheJobTitle")


@needs_samples
def test_mac_address_book_phone_kinds_and_photo_with_lf_continuations() -> None:
    (card,) = sample("macaddressbook-v30.vcf")
    assert (card.prefix, card.first_name, card.middle_name, card.last_name, card.suffix) == (
        "Mr.", "John", "Richter,James", "Doe", "Sr.")
    assert [(p.number, p.kinds, p.preferred) for p in card.phones[:4]] == [
        ("905-777-1234", ("work",), True), ("905-666-1234", ("home",), False), ("905-555-1234", ("cell",), False),
        ("905-888-1234", ("fax", "home"), False)]
    assert card.phones[-1] == Phone("905-222-1234", label="AssistantPhone")
    assert card.emails == [Email("john.doe@ibm.com", ("work",), True)]
    assert (card.company, card.department) == ("IBM", "Accounting")
    assert card.birthday == PartialDate(2012, 6, 6)
    assert "PHOTO" in card.warnings[-1].text()


@needs_samples
def test_outlook_2003_quoted_printable_note_with_soft_breaks() -> None:
    (card,) = sample("outlook2003-v21-qp.vcf")
    assert card.note == "This is the note field!!\nSecond line\n\nThird line is empty"
    assert card.company == "Company, The" and card.department == "TheDepartment"
    assert numbers(card) == ["BusinessPhone", "HomePhone", "MobilePhone", "BusinessFaxPhone"]
    assert card.phones[2].kinds == ("cell", "voice")  # 2.1 bare TEL;CELL;VOICE
    assert card.birthday == PartialDate(1980, 3, 21)


@needs_samples
def test_outlook_2007_us_ascii_qp_and_photo() -> None:
    (card,) = sample("outlook2007-v21-qp.vcf")
    assert (card.first_name, card.last_name, card.suffix) == ("Michael", "Angstadt", "Jr.")
    assert addresses(card) == ["mike.angstadt@gmail.com"]
    assert card.note.startswith("This is the NOTE field\t\nI assume")
    assert numbers(card) == ["(111) 555-1111", "(111) 555-2222", "(111) 555-4444", "(111) 555-3333"]


@needs_samples
def test_android_utf8_qp_cards_and_cards_without_names() -> None:
    cards = sample("android-v21-qp-utf8-multi.vcf")
    assert [addresses(c) for c in cards[:2]] == [["john.doe@company.com"], ["jane.doe@company.com"]]
    assert cards[0].formatted_name == "" and cards[0].last_name == ""
    assert cards[4].first_name == "Ñ Ñ Ñ" and cards[4].last_name == "Ñ Ñ"
    assert numbers(cards[3]) == ["123456", "234567", "3456789", "45678901"]
    assert cards[5].company == "Ñ" * 44
    assert any("ORG" in w.text() for w in cards[5].warnings)  # its broken ORG (=80) is a warning


@needs_samples
def test_shift_jis_raw_and_quoted_printable() -> None:
    (card,) = sample("android-v21-shiftjis-qp.vcf")
    assert (card.formatted_name, card.last_name, card.first_name) == ("安藤 ロイド 1", "安藤", "ロイド1")
    assert card.addresses[0].extended == "東京都渋谷区桜丘町26-1セルリアンタワー6階"
    assert card.addresses[0].postcode == "150-8512"
    assert card.note == "メモ"


@needs_samples
def test_vcard4_tel_uris_pref_and_birthday_without_year() -> None:
    (card,) = sample("rfc6350-v40-example.vcf")
    assert card.phones[0] == Phone("+1-418-656-9254 ext. 102", ("voice", "work"), True)
    assert card.phones[1].number == "+1-418-262-6501" and "cell" in card.phones[1].kinds
    assert card.birthday == PartialDate(None, 2, 3)
    assert card.addresses[0].locality == "Quebec"  # folded across "Laurier;" + " Quebec"
    assert (card.formatted_name, card.company, card.url) == ("Simon Perreault", "Viagenie", "http://nomis80.org")


@needs_samples
def test_ios_cr_cr_lf_blackberry_one_line_photo_and_apple_company() -> None:
    (ios,) = sample("ios613-v30-photo-crcrlf.vcf")
    assert (ios.first_name, ios.last_name, ios.company) == ("Bob", "Smith", "Smith Auto Repair")
    assert numbers(ios) == ["(650) 555-1212"] and addresses(ios) == ["bob@smithauto.com"]
    (bb,) = sample("blackberry-v21-photo.vcf")
    assert bb.phones == [Phone("+96123456789", ("cell",))] and bb.note == ""
    (apple,) = sample("apple-addressbook-v30-company.vcf")
    assert apple.company == "Apple Computer AG" and apple.last_name == ""
    assert apple.addresses[0].locality == "Wallisellen-Zürich"
    (sortas,) = sample("android-v40-utf8-sortas.vcf")
    assert (sortas.last_name, sortas.first_name, sortas.company) == ("安藤", "ロイド", "グーグル")


# ---------------------------------------------------------------- Thai cards made here


def test_thai_quoted_printable_utf8_in_21_with_a_soft_break_inside_a_character() -> None:
    qp = "".join(f"={b:02X}" for b in "สมชาย ใจดี".encode())
    data = (b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:" + qp[:20].encode()
            + b"=\r\n" + qp[20:].encode() + b"\r\nN;ENCODING=QUOTED-PRINTABLE:" + qp.split("=20")[1].encode()
            + b";" + qp.split("=20")[0].encode() + b";;\xe0\xb8\x99\xe0\xb8\xb2\xe0\xb8\xa2;\r\nEND:VCARD\r\n")
    (card,) = read(data)
    assert card.formatted_name == "สมชาย ใจดี"
    assert (card.prefix, card.first_name, card.last_name) == ("นาย", "สมชาย", "ใจดี")  # QP without CHARSET is UTF-8
    assert card.warnings == []


def test_thai_raw_utf8_30_with_item_label_and_birthday_without_year() -> None:
    text = ("BEGIN:VCARD\nVERSION:3.0\nN:ใจดี;สมหญิง;;นางสาว;\nFN:นางสาวสมหญิง ใจดี\nORG:บริษัท ตัวอย่าง จำกัด;ฝ่ายขาย\n"
            "TITLE:ผู้จัดการ\nitem1.TEL;TYPE=CELL:081-234-5678\nitem1.X-ABLabel:มือถือส่วนตัว\n"
            "TEL;TYPE=WORK,VOICE:02 123 4567\n"
            "EMAIL;TYPE=INTERNET,WORK:somying@example.co.th\nEMAIL:sy@example.com\nBDAY:--0229\n"
            "ADR;TYPE=WORK:;;99/1 ถนนสุขุมวิท;คลองเตย;กรุงเทพมหานคร;10110;ไทย\nEND:VCARD\n")
    (card,) = read(text.encode())
    assert (card.prefix, card.first_name, card.last_name) == ("นางสาว", "สมหญิง", "ใจดี")
    assert (card.company, card.department, card.title) == ("บริษัท ตัวอย่าง จำกัด", "ฝ่ายขาย", "ผู้จัดการ")
    assert card.phones == [Phone("081-234-5678", ("cell",), label="มือถือส่วนตัว"), Phone("02 123 4567", ("voice", "work"))]
    assert addresses(card) == ["somying@example.co.th", "sy@example.com"]
    assert card.birthday == PartialDate(None, 2, 29)
    assert card.addresses == [Address(street="99/1 ถนนสุขุมวิท", locality="คลองเตย", region="กรุงเทพมหานคร",
                                      postcode="10110", country="ไทย", kinds=("work",))]


@pytest.mark.parametrize("charset", ["windows-874", "TIS-620"])
def test_thai_windows_874_raw_8bit(charset: str) -> None:
    data = (f"BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET={charset}:".encode() + "ใจดี;สมชาย".encode("cp874")
            + b"\r\nNOTE;CHARSET=" + charset.encode() + b";ENCODING=QUOTED-PRINTABLE:"
            + "".join(f"={b:02X}" for b in "ลูกค้าประจำ".encode("cp874")).encode() + b"\r\nEND:VCARD\r\n")
    (card,) = read(data)
    assert (card.first_name, card.last_name, card.note) == ("สมชาย", "ใจดี", "ลูกค้าประจำ")


@pytest.mark.parametrize("charset", ["rot13", "base64", "no-such-charset"])
def test_a_charset_that_is_no_text_encoding_is_a_warning_not_a_stop(charset: str) -> None:
    data = (f"BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET={charset}:Somchai\r\nEND:VCARD\r\n"
            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:สมหญิง\r\nEND:VCARD\r\n").encode()
    first, second = read(data)
    assert (first.formatted_name, second.formatted_name) == ("Somchai", "สมหญิง")
    assert charset in first.warnings[0].text()


def test_undeclared_8bit_thai_falls_back_to_cp874_with_a_warning() -> None:
    (card,) = read(b"BEGIN:VCARD\nVERSION:2.1\nFN:" + "สมชาย".encode("cp874") + b"\nEND:VCARD\n")
    assert card.formatted_name == "สมชาย"
    assert "cp874" in card.warnings[0].text()


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-8-sig"])
def test_unicode_files_with_and_without_bom(encoding: str) -> None:
    text = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:สมชาย ใจดี\r\nTEL;TYPE=CELL:0812345678\r\nEND:VCARD\r\n" * 2
    data = (b"\xff\xfe" if encoding == "utf-16-le" else b"") + text.encode(encoding)
    if encoding == "utf-16-le":  # also without the BOM, as some exports write it
        assert [c.formatted_name for c in read(text.encode(encoding))] == ["สมชาย ใจดี"] * 2
    cards = read(data)
    assert [c.formatted_name for c in cards] == ["สมชาย ใจดี"] * 2
    assert numbers(cards[1]) == ["0812345678"]


def test_folded_inside_a_thai_character_and_mixed_line_endings() -> None:
    fn = "FN:นายสมชาย".encode()
    data = (b"BEGIN:VCARD\r\r\nVERSION:3.0\n" + fn[:7] + b"\r\n " + fn[7:] + b"\r\r\n\t " + "ใจดี".encode()
            + b"\nEND:VCARD\r\n")
    (card,) = read(data)
    assert card.formatted_name == "นายสมชาย ใจดี"


def test_writer_folds_at_75_octets_without_splitting_a_character() -> None:
    name = "สมชาย" * 30 + "a,b;c\\d"
    text = write_vcards([VCard(formatted_name=name, first_name="สมชาย")])
    for line in text.encode().split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")  # each physical line is whole UTF-8 on its own
    (card,) = read(text.encode())
    assert card.formatted_name == name
    assert fold("x" * 75) == "x" * 75 and fold("x" * 76) == "x" * 75 + "\r\n x"


def test_colon_and_semicolon_inside_a_quoted_parameter() -> None:
    data = b'BEGIN:VCARD\nVERSION:4.0\nADR;LABEL="Main St: 5; Bangkok";TYPE=work:;;Main St 5;Bangkok;;;\nEND:VCARD\n'
    (card,) = read(data)
    assert card.addresses == [Address(street="Main St 5", locality="Bangkok", kinds=("work",))]


def test_agent_card_inside_a_card_is_skipped() -> None:
    data = b"BEGIN:VCARD\nVERSION:2.1\nFN:A\nAGENT:\nBEGIN:VCARD\nFN:B\nEND:VCARD\nTEL:1\nEND:VCARD\n"
    (card,) = read(data)
    assert (card.formatted_name, numbers(card)) == ("A", ["1"])


# ---------------------------------------------------------------- round trip

_TEXT = st.text(alphabet=st.sampled_from(list("กขคงจสมชายใจดีเ่้ๆ ฿abcXYZ019 ,;:\\\n\"'.-")), max_size=30).map(str.strip)
_KINDS = st.lists(st.sampled_from(["cell", "home", "work", "fax", "pager", "voice"]), unique=True, max_size=3).map(
    lambda k: tuple(sorted(k)))
_LABEL = st.one_of(st.just(""), _TEXT)


def _department(text: str) -> str:
    return " / ".join(p.strip() for p in text.split("/") if p.strip())


_CARDS = st.builds(
    VCard,
    formatted_name=_TEXT.filter(bool), prefix=_TEXT, first_name=_TEXT, middle_name=_TEXT, last_name=_TEXT,
    suffix=_TEXT, nickname=_TEXT, company=_TEXT, department=_TEXT.map(_department), title=_TEXT,
    phones=st.lists(st.builds(Phone, number=st.text("0123456789 +-()", min_size=1, max_size=15).map(str.strip)
                              .filter(bool), kinds=_KINDS, preferred=st.booleans(), label=_LABEL), max_size=3),
    emails=st.lists(st.builds(Email, address=_TEXT.filter(bool), kinds=_KINDS, preferred=st.booleans(),
                              label=_LABEL), max_size=3),
    addresses=st.lists(st.builds(Address, _TEXT, _TEXT, _TEXT, _TEXT, _TEXT, _TEXT, _TEXT, kinds=_KINDS,
                                 label=_LABEL).filter(lambda a: any(a.__dict__[f] for f in ("po_box", "extended",
                       "street", "locality", "region", "postcode", "country"))), max_size=2),
    birthday=st.one_of(st.none(), st.builds(lambda d, y: PartialDate(d.year if y else None, d.month, d.day),
                                            st.dates(), st.booleans())),
    note=_TEXT, url=_TEXT,
)


@settings(max_examples=150, deadline=None)
@given(cards=st.lists(_CARDS, min_size=1, max_size=3), version=st.sampled_from(["3.0", "4.0"]))
def test_write_then_read_gives_the_same_cards(cards: list[VCard], version: str) -> None:
    back = read(write_vcards(cards, version).encode("utf-8"))
    assert back == cards
    assert all(c.version == version and c.warnings == [] for c in back)


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize("data", [b"", b"  \r\n\r\n", b"\xef\xbb\xbf", b"\xff\xfe"])
def test_empty_file(data: bytes) -> None:
    with pytest.raises(EmptyVCardFile) as caught:
        read(data)
    assert "ว่างเปล่า" in caught.value.text("th")


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
                                  b"Name,Phone\nSomchai,0812345678\n", b"x" * 200_000])
def test_not_a_vcard(data: bytes) -> None:
    with pytest.raises(NotAVCardFile) as caught:
        read(data)
    assert "BEGIN:VCARD" in caught.value.text("th")


def test_begin_without_end() -> None:
    with pytest.raises(UnfinishedVCard) as caught:
        read(b"BEGIN:VCARD\nVERSION:3.0\nFN:A\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nFN:B\n")
    assert caught.value.params == {"card": 2, "line": 5}
    assert "บรรทัด 5" in caught.value.text("th")


def test_caps_on_cards_and_properties() -> None:
    card = b"BEGIN:VCARD\nVERSION:3.0\nFN:A\nTEL:1\nEND:VCARD\n"
    with pytest.raises(TooManyVCards):
        read(card * 3, limits=VCardLimits(cards=2))
    with pytest.raises(TooManyVCardProperties):
        read(card, limits=VCardLimits(properties_per_card=2))
    with pytest.raises(VCardTooLarge):
        read(b"BEGIN:VCARD\nNOTE:" + b"x" * 2000 + b"\nEND:VCARD\n", limits=VCardLimits(property_bytes=1000))


def test_broken_properties_are_warnings_not_crashes() -> None:
    data = (b"BEGIN:VCARD\nVERSION:2.1\nFN:Somchai\nBDAY:31/02/2569\nN;ENCODING=BASE64:@@@\n"
            b"NOTE;CHARSET=x-klingon:hi\nthis line has no colon\nX-FOO:bar\nTEL;CELL:0812345678\nEND:VCARD\n")
    (card,) = read(data)
    assert card.formatted_name == "Somchai" and numbers(card) == ["0812345678"] and card.note == "hi"
    assert card.birthday is None
    texts = [w.text() for w in card.warnings]
    assert texts == ["Line 4: 31/02/2569 is not a date; the birthday was skipped.",
                     "Line 5: N could not be read and was skipped.", "Line 6: unknown character set x-klingon.",
                     "Line 7 is not a vCard property and was skipped.", "Not imported: X-FOO."]
    assert all(w.text("th") != w.text("en") for w in card.warnings)


def test_a_missing_file_is_a_storage_error(tmp_path: Path) -> None:
    with pytest.raises(StorageError):
        list(read_vcards(tmp_path / "missing.vcf"))


def test_every_warning_has_thai() -> None:
    assert [t for t in WARNING_TEMPLATES if t not in THAI] == []


# ---------------------------------------------------------------- memory: a 50 MB file with a 40 MB photo


@pytest.fixture(scope="module")
def big_photo_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """50 MB files: 40 MB of base64 photo in one card (folded, and on one line), then 10 MB of small cards."""
    folder = tmp_path_factory.mktemp("vcard")
    small = b"".join(b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Card %d\r\nNOTE:" % i + b"n" * 900 + b"\r\nEND:VCARD\r\n"
                     for i in range(10_000))
    files = []
    for name, separator in (("folded.vcf", b"\r\n "), ("one-line.vcf", b"")):
        path = folder / name
        with path.open("wb") as out:
            out.write(b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Big\r\nPHOTO;ENCODING=b;TYPE=JPEG:")
            piece = b"QUJD" * 19
            for _ in range(40 * 1024 * 1024 // len(piece)):
                out.write(piece + separator)
            out.write(b"\r\nTEL:1\r\nEND:VCARD\r\n" + small)
        files.append(path)
    return files[0], files[1]


def _peak(path: Path, limits: VCardLimits) -> tuple[int, list[VCard] | Exception, int]:
    """Peak traced memory while reading, the first and last card (the others are not kept), the count."""
    tracemalloc.start()
    kept: list[VCard] = []
    count = 0
    try:
        for count, card in enumerate(read_vcards(path, limits), 1):  # noqa: B007 - count is used after
            kept[1:] = [card] if kept else []
            if not kept:
                kept.append(card)
        result: list[VCard] | Exception = kept
    except VCardTooLarge as error:
        result = error
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak, result, count


def test_a_40_mb_photo_is_refused_with_a_clear_message_and_flat_memory(big_photo_files: tuple[Path, Path]) -> None:
    for path in big_photo_files:
        assert path.stat().st_size > 50_000_000
        peak, result, _ = _peak(path, VCardLimits())
        assert isinstance(result, VCardTooLarge) and result.params["name"] == "PHOTO", path.name
        assert "PHOTO" in result.text("th")
        assert peak < 1_000_000, path.name


def test_with_a_higher_cap_the_photo_is_streamed_past(big_photo_files: tuple[Path, Path]) -> None:
    for path in big_photo_files:
        peak, result, count = _peak(path, VCardLimits(property_bytes=64 * 1024 * 1024))
        assert isinstance(result, list) and count == 10_001
        assert numbers(result[0]) == ["1"] and result[-1].formatted_name == "Card 9999"
        assert peak < 1_000_000, path.name  # neither the 40 MB photo nor the file is ever held
