"""The 77 provinces of Thailand (code, Thai name, English name), as geothai lists them.

Kept here so that the province picker of the first screen does not import geothai (45 ms at start:
its typed schema of every district); tests/test_provinces.py checks the copy against geothai."""

from __future__ import annotations

PROVINCES: tuple[tuple[str, str, str], ...] = (
    ("10", "กรุงเทพมหานคร", "Bangkok"),
    ("11", "สมุทรปราการ", "Samut Prakan"),
    ("12", "นนทบุรี", "Nonthaburi"),
    ("13", "ปทุมธานี", "Pathum Thani"),
    ("14", "พระนครศรีอยุธยา", "Phra Nakhon Si Ayutthaya"),
    ("15", "อ่างทอง", "Ang Thong"),
    ("16", "ลพบุรี", "Lop Buri"),
    ("17", "สิงห์บุรี", "Sing Buri"),
    ("18", "ชัยนาท", "Chai Nat"),
    ("19", "สระบุรี", "Saraburi"),
    ("20", "ชลบุรี", "Chon Buri"),
    ("21", "ระยอง", "Rayong"),
    ("22", "จันทบุรี", "Chanthaburi"),
    ("23", "ตราด", "Trat"),
    ("24", "ฉะเชิงเทรา", "Chachoengsao"),
    ("25", "ปราจีนบุรี", "Prachin Buri"),
    ("26", "นครนายก", "Nakhon Nayok"),
    ("27", "สระแก้ว", "Sa Kaeo"),
    ("30", "นครราชสีมา", "Nakhon Ratchasima"),
    ("31", "บุรีรัมย์", "Buri Ram"),
    ("32", "สุรินทร์", "Surin"),
    ("33", "ศรีสะเกษ", "Si Sa Ket"),
    ("34", "อุบลราชธานี", "Ubon Ratchathani"),
    ("35", "ยโสธร", "Yasothon"),
    ("36", "ชัยภูมิ", "Chaiyaphum"),
    ("37", "อำนาจเจริญ", "Amnat Charoen"),
    ("38", "บึงกาฬ", "Bueng Kan"),
    ("39", "หนองบัวลำภู", "Nong Bua Lam Phu"),
    ("40", "ขอนแก่น", "Khon Kaen"),
    ("41", "อุดรธานี", "Udon Thani"),
    ("42", "เลย", "Loei"),
    ("43", "หนองคาย", "Nong Khai"),
    ("44", "มหาสารคาม", "Maha Sarakham"),
    ("45", "ร้อยเอ็ด", "Roi Et"),
    ("46", "กาฬสินธุ์", "Kalasin"),
    ("47", "สกลนคร", "Sakon Nakhon"),
    ("48", "นครพนม", "Nakhon Phanom"),
    ("49", "มุกดาหาร", "Mukdahan"),
    ("50", "เชียงใหม่", "Chiang Mai"),
    ("51", "ลำพูน", "Lamphun"),
    ("52", "ลำปาง", "Lampang"),
    ("53", "อุตรดิตถ์", "Uttaradit"),
    ("54", "แพร่", "Phrae"),
    ("55", "น่าน", "Nan"),
    ("56", "พะเยา", "Phayao"),
    ("57", "เชียงราย", "Chiang Rai"),
    ("58", "แม่ฮ่องสอน", "Mae Hong Son"),
    ("60", "นครสวรรค์", "Nakhon Sawan"),
    ("61", "อุทัยธานี", "Uthai Thani"),
    ("62", "กำแพงเพชร", "Kamphaeng Phet"),
    ("63", "ตาก", "Tak"),
    ("64", "สุโขทัย", "Sukhothai"),
    ("65", "พิษณุโลก", "Phitsanulok"),
    ("66", "พิจิตร", "Phichit"),
    ("67", "เพชรบูรณ์", "Phetchabun"),
    ("70", "ราชบุรี", "Ratchaburi"),
    ("71", "กาญจนบุรี", "Kanchanaburi"),
    ("72", "สุพรรณบุรี", "Suphan Buri"),
    ("73", "นครปฐม", "Nakhon Pathom"),
    ("74", "สมุทรสาคร", "Samut Sakhon"),
    ("75", "สมุทรสงคราม", "Samut Songkhram"),
    ("76", "เพชรบุรี", "Phetchaburi"),
    ("77", "ประจวบคีรีขันธ์", "Prachuap Khiri Khan"),
    ("80", "นครศรีธรรมราช", "Nakhon Si Thammarat"),
    ("81", "กระบี่", "Krabi"),
    ("82", "พังงา", "Phang-nga"),
    ("83", "ภูเก็ต", "Phuket"),
    ("84", "สุราษฎร์ธานี", "Surat Thani"),
    ("85", "ระนอง", "Ranong"),
    ("86", "ชุมพร", "Chumphon"),
    ("90", "สงขลา", "Songkhla"),
    ("91", "สตูล", "Satun"),
    ("92", "ตรัง", "Trang"),
    ("93", "พัทลุง", "Phatthalung"),
    ("94", "ปัตตานี", "Pattani"),
    ("95", "ยะลา", "Yala"),
    ("96", "นราธิวาส", "Narathiwat"),
)

# The six geographical regions of the Royal Institute (1977), as marketing speaks of them ("ภาคเหนือ").
REGIONS = ("north", "northeast", "central", "east", "west", "south")
_CENTRAL_CODES = {"26", "60", "61", "62", "64", "65", "66", "67", "72", "73", "74", "75"}
_WEST_CODES = {"63", "70", "71", "76", "77"}


def region_of_code(code: str) -> str:
    """The region of a province by its code: the code's first digit, but for the provinces of the lower
    north and the west that the Royal Institute counts in the central and western regions."""
    if code in _CENTRAL_CODES or code[0] == "1":
        return "central"
    if code in _WEST_CODES:
        return "west"
    return {"2": "east", "3": "northeast", "4": "northeast", "5": "north", "8": "south", "9": "south"}[code[0]]


def region_provinces(region: str) -> tuple[str, ...]:
    """The Thai names (as stored on records) of the provinces of a region."""
    return tuple(th for code, th, _en in PROVINCES if region_of_code(code) == region)
