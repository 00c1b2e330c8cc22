"""Word lists for the demo data generator: Thai and English names, companies, addresses and labels.

The demo database (up to 100k companies and 300k people) must look like a real Thai small-business CRM
so that search, sorting, Thai line breaking and duplicate detection are tried on realistic text. This
module holds only data, as immutable tuples: the generator draws from them with a seeded random source,
so the same seed always gives the same database. Nothing here is random, and nothing is read at run time.

Shapes (see each constant): plain ``tuple[str, ...]`` for single words; ``(thai, roman)`` pairs where
the generator needs an ASCII form (LINE ids, e-mail addresses, web sites, English company names);
``(key, thai, english)`` for coded choices whose key is what the database stores. Gender strings are
those of ``crm_desktop.models.contact.GENDERS``.
"""

from __future__ import annotations

from typing import Final

# --------------------------------------------------------------------------------------------------
# People: Thai given names, surnames and nicknames
# --------------------------------------------------------------------------------------------------

THAI_MALE_FIRST_NAMES: Final[tuple[str, ...]] = (
    "สมชาย", "สมศักดิ์", "สมพงษ์", "สมบัติ", "สมหมาย", "สมเกียรติ", "สมคิด", "สมยศ", "สมโชค", "สมบูรณ์",
    "สมาน", "ประเสริฐ", "ประยุทธ", "ประวิทย์", "ประสิทธิ์", "ประพันธ์", "ประสงค์", "ประทีป", "ประดิษฐ์",
    "ประจักษ์", "ปราโมทย์", "ปรีชา", "วิชัย", "วิรัช", "วิเชียร", "วีระ", "วีระพงษ์", "วีรยุทธ", "วรวุฒิ",
    "วัชระ", "วิทยา", "วิศรุต", "วิวัฒน์", "วิโรจน์", "วรพจน์", "วสันต์", "วุฒิชัย", "ธนพล", "ธนากร",
    "ธนวัฒน์", "ธีรพงษ์", "ธีรวัฒน์", "ธีระ", "ธวัชชัย", "ธนกฤต", "ธีรภัทร", "ธงชัย", "ธเนศ", "ธนาธิป",
    "ณัฐพล", "ณัฐวุฒิ", "ณรงค์", "ณัฐพงศ์", "กิตติ", "กิตติพงษ์", "กิตติศักดิ์", "กฤษดา", "กฤษณะ",
    "กำธร", "กัมพล", "กอบชัย", "กฤตภาส", "กวิน", "ไกรสร", "เกียรติศักดิ์", "เกรียงไกร", "คมสัน", "คณิต",
    "คงเดช", "ชัยวัฒน์", "ชาญชัย", "ชัยณรงค์", "ชาตรี", "ชูชาติ", "ชนินทร์", "ชยพล", "ชวลิต", "ชนะ",
    "เชษฐา", "ไชยา", "ฉัตรชัย", "เฉลิมชัย", "เฉลิมพล", "จักรพันธ์", "จักรกฤษณ์", "จิรายุ", "จิรวัฒน์",
    "เจษฎา", "ดนัย", "ดำรง", "เดชา", "ไตรภพ", "ถนอม", "ทศพล", "ทวีศักดิ์", "ทรงศักดิ์", "ทินกร",
    "เทพฤทธิ์", "นพดล", "นิพนธ์", "นิรันดร์", "นที", "นรินทร์", "นเรศ", "บุญชัย", "บุญเลิศ", "บุญส่ง",
    "บรรจง", "บัณฑิต", "ปิยะ", "ปิยพงษ์", "ปกรณ์", "ปัณณวัฒน์", "ปวริศ", "ปัญญา", "พงศกร", "พงษ์ศักดิ์",
    "พิชิต", "พิทักษ์", "พีรพงษ์", "พีระพัฒน์", "พรชัย", "พิพัฒน์", "พิเชษฐ์", "พัชรพล", "ไพโรจน์",
    "ไพศาล", "ไพบูลย์", "ไพฑูรย์", "ภานุวัฒน์", "ภาณุพงศ์", "ภูมิพัฒน์", "ภัทรพล", "ภาคิน", "ภูริช",
    "ภาสกร", "มานพ", "มนตรี", "มานะ", "เมธา", "มงคล", "ยุทธนา", "ยศพล", "ยงยุทธ", "รัฐพล", "รณชัย",
    "ราเมศ", "เริงชัย", "รังสรรค์", "ฤทธิชัย", "ลิขิต", "ศักดิ์ชัย", "ศุภชัย", "ศุภกร", "ศรายุทธ",
    "ศิริชัย", "ศราวุธ", "ศิวกร", "สุรชัย", "สุรเชษฐ์", "สุริยา", "สุทธิพงษ์", "สุวิทย์", "สุเมธ",
    "สุรศักดิ์", "สุรพล", "สุชาติ", "สุนทร", "สุพจน์", "เสกสรร", "สายัณห์", "สิทธิชัย", "หัสดิน",
    "อนุชา", "อนันต์", "อภิชาติ", "อภิสิทธิ์", "อรรถพล", "อดิศักดิ์", "อำนาจ", "อิทธิพล", "อุดม",
    "อนุรักษ์", "อรุณ", "อัษฎาวุธ", "อัครพล", "อาทิตย์", "อธิป", "อนุวัฒน์", "อัมรินทร์", "เอกชัย",
    "เอกพล", "เอกราช",
)

THAI_FEMALE_FIRST_NAMES: Final[tuple[str, ...]] = (
    "สมศรี", "สมใจ", "สมหญิง", "สมพิศ", "สุภาพร", "สุนิสา", "สุดารัตน์", "สุกัญญา", "สุวรรณา", "สุพัตรา",
    "สุชาดา", "สุมาลี", "สุจิตรา", "สุนันทา", "สุรีย์พร", "สุทธิดา", "สุพรรณี", "สุรางค์", "สิริพร",
    "ศิริพร", "ศิริรัตน์", "ศศิธร", "ศิริลักษณ์", "ศรีสุดา", "ศุภลักษณ์", "ศุภวรรณ", "ศิรินทร์",
    "เสาวลักษณ์", "เสาวนีย์", "แสงเดือน", "สายสุนีย์", "สายใจ", "สาวิตรี", "สร้อยทิพย์", "สโรชา",
    "วันเพ็ญ", "วรรณา", "วิไลวรรณ", "วิภาวดี", "วาสนา", "วรรณภา", "วราภรณ์", "วิมลรัตน์", "วนิดา",
    "วีณา", "วิลาวัณย์", "วรางคณา", "วรรณวิษา", "รัชนี", "รัตนา", "รุ่งนภา", "รุ่งทิวา", "รัตติยา",
    "รจนา", "รสสุคนธ์", "รัชดา", "รุจิรา", "รินรดา", "ยุพิน", "ยุวดี", "ยุพา", "มาลี", "มาลัย", "มยุรี",
    "มณีรัตน์", "เมทินี", "มัลลิกา", "มนัสนันท์", "พรทิพย์", "พรรณี", "พัชรี", "พิมพ์ชนก", "พิมพ์ลภัส",
    "พิไลพร", "เพ็ญศรี", "เพ็ญนภา", "พจนา", "พรรณทิพา", "พัชราภรณ์", "พิชญา", "พรพิมล", "ปราณี",
    "ปิยะนุช", "ปิยะมาศ", "ประภาพร", "ปวีณา", "ปาริชาติ", "ปนัดดา", "ปรียา", "ปภาวี", "ปัณฑิตา",
    "ปรางทิพย์", "ประไพ", "ปาณิสรา", "นภา", "นงลักษณ์", "นันทนา", "นิตยา", "นิภา", "นฤมล", "นวลจันทร์",
    "นุชนาถ", "นันทิดา", "เนาวรัตน์", "นริศรา", "ณัฐธิดา", "ณัฐกานต์", "ณิชา", "ณัฐณิชา", "ณัฏฐา",
    "ธิดารัตน์", "ธนพร", "ธัญญา", "ธัญลักษณ์", "ธมลวรรณ", "ทิพวรรณ", "ทิพย์สุดา", "ทัศนีย์", "ดวงใจ",
    "ดวงพร", "ดารุณี", "ดาราวรรณ", "จิราพร", "จินตนา", "จุฑามาศ", "จิราภรณ์", "จารุวรรณ", "จีรนันท์",
    "จันทิมา", "จิตรลดา", "ชุติมา", "ชลธิชา", "ชนิดา", "ชไมพร", "ชุลีพร", "ชญานิศ", "ฉวีวรรณ",
    "เฉลิมขวัญ", "กัญญา", "กาญจนา", "กนกพร", "กมลวรรณ", "กรรณิการ์", "กุลธิดา", "กิ่งแก้ว", "เกศินี",
    "เกศรา", "กัลยา", "กฤติยา", "กชกร", "ขวัญใจ", "ขวัญฤดี", "ขนิษฐา", "คนึงนิจ", "งามตา", "ญาดา",
    "ฐิติมา", "ฐิตินันท์", "ฐานิตา", "บุษบา", "บุษกร", "เบญจวรรณ", "เบญจมาศ", "บังอร", "ภัทรา", "ภัสสร",
    "ภาวิณี", "ลำดวน", "ลัดดา", "ลักขณา", "ลลิตา", "ลัดดาวัลย์", "ลภัสรดา", "หทัยรัตน์", "อรุณี",
    "อัญชลี", "อำไพ", "อุไรวรรณ", "อรอุมา", "อรทัย", "อรพรรณ", "อารีย์", "อนงค์", "อมรรัตน์", "อัจฉรา",
    "อภิญญา", "อิงอร", "เอมอร", "ไอลดา", "อุษา", "อรวรรณ", "อรนุช", "อัมพร", "อุบล", "อารยา", "อัญชิสา",
)

THAI_SURNAMES: Final[tuple[str, ...]] = (
    # Common stems (ศรี, วงศ์, ทอง, บุญ, สุข, เจริญ...) combined as real Thai family names are.
    "ศรีสุวรรณ", "วงศ์ไพศาล", "จันทร์เพ็ญ", "แก้วมณี", "ทองดี", "สุขสวัสดิ์", "บุญมา", "ศรีสมบูรณ์",
    "รัตนพันธ์", "พิทักษ์ธรรม", "เจริญสุข", "เจริญผล", "เจริญวงศ์", "วงศ์สวัสดิ์", "วงศ์ใหญ่", "วงศ์ทอง",
    "วงศ์ประเสริฐ", "วงศ์สุวรรณ", "วงศ์วานิช", "วงศ์ศรี", "ศรีวงศ์", "ศรีประเสริฐ", "ศรีสวัสดิ์",
    "ศรีสุข", "ศรีทอง", "ศรีเมือง", "ศรีอ่อน", "ศรีวิไล", "ศรีจันทร์", "ศรีบุญเรือง", "ศรีธรรม",
    "ศรีนวล", "ศรีพงษ์", "ศรีมงคล", "ศรีสมุทร", "ศรีอุดม", "ศรีสกุล", "ศรีรัตน์", "ศรีเพชร", "ศรีจำปา",
    "สุขเจริญ", "สุขสำราญ", "สุขประเสริฐ", "สุขสมบูรณ์", "สุขใจ", "สุขเกษม", "สุขศรี", "สุขมาก",
    "สุขพันธ์", "ทองคำ", "ทองสุข", "ทองมา", "ทองอยู่", "ทองประเสริฐ", "ทองเจริญ", "ทองแท้", "ทองนาค",
    "ทองสวัสดิ์", "ทองงาม", "ทองบุญ", "ทองศรี", "ทองเพ็ชร", "ทองใบ", "บุญเรือง", "บุญประเสริฐ", "บุญศรี",
    "บุญมี", "บุญยืน", "บุญเกิด", "บุญญาศิริ", "บุญสม", "บุญทวี",
    "บุญธรรม", "บุญรอด", "แก้วกาญจนา", "แก้วประเสริฐ", "แก้วสุข", "แก้วศรี", "แก้วทอง", "แก้วเกิด",
    "รัตนวงศ์", "รัตนชัย", "รัตนสุวรรณ", "รัตนพงศ์", "รัตนประภา", "รัตนมณี", "รัตนกุล", "รัตนาภรณ์",
    "จันทร์แก้ว", "จันทร์ทอง", "จันทร์หอม", "จันทร์ศรี", "จันทร์ประเสริฐ", "จันทร์สว่าง", "จันทร์งาม",
    "พงษ์พานิช", "พงษ์สุวรรณ", "พงษ์ศิริ", "พงษ์ไพบูลย์", "ประเสริฐศักดิ์", "ประเสริฐสุข",
    "ประเสริฐวงศ์", "ประสิทธิ์ผล", "ประสิทธิชัย", "สมบูรณ์ชัย", "สมบูรณ์ผล", "สมบูรณ์ทรัพย์", "ชัยมงคล",
    "ชัยประเสริฐ", "ชัยสุวรรณ", "ชัยศิริ", "ชัยพร", "ชัยรัตน์", "ชัยสิทธิ์", "ชัยเจริญ",
    "มณีวงศ์", "มณีโชติ", "มณีศรี", "มณีสุข", "เพชรรัตน์", "เพชรสุวรรณ", "เพชรประเสริฐ",
    "เพชรดี", "เพชรทอง", "เพชรงาม", "นาคสวัสดิ์", "นาคประเสริฐ", "นาคทอง", "นาคสุข", "นาคเจริญ",
    "สุวรรณรัตน์", "สุวรรณชาติ", "สุวรรณศรี", "สุวรรณโชติ", "สุวรรณภูมิ", "สุวรรณมณี", "สุวรรณวงศ์",
    "สุวรรณประเสริฐ", "สุวรรณคีรี", "อินทร์แก้ว", "อินทร์ทอง", "อินทรประเสริฐ", "อินทรสุวรรณ",
    "อินทร์ศรี", "อินทรวงศ์", "ธนสาร", "ธนพัฒน์", "ธนกิจ", "ธนะสมบัติ", "เจริญรัตน์", "เจริญศรี",
    "เจริญชัย", "เจริญทรัพย์", "เจริญกิจ", "เจริญพร", "เจริญยิ่ง", "เจริญรุ่ง", "รุ่งเรือง", "รุ่งโรจน์",
    "รุ่งสว่าง", "รุ่งแสง", "รุ่งเจริญ", "รุ่งอรุณ", "รุ่งทรัพย์", "พานิชกุล", "พานิชย์เจริญ",
    "พานิชวงศ์", "พานิชสมบัติ", "กิจเจริญ", "กิจสมบูรณ์", "กิจประเสริฐ", "กิจวัฒนา", "กิจไพบูลย์",
    "กิจพิทักษ์", "ไพบูลย์ศักดิ์", "ไพบูลย์วงศ์", "ไพบูลย์สุข", "ไพบูลย์ทรัพย์", "วัฒนกุล", "วัฒนาวงศ์",
    "วัฒนศิริ", "วัฒนสุข", "วัฒนพงษ์", "วัฒนชัย", "ศิริวงศ์", "ศิริพันธ์",
    "ศิริสุข", "ศิริมงคล", "ศิริประเสริฐ", "ศิริโชติ", "ศิริสมบัติ", "สิทธิโชค",
    "สิทธิประเสริฐ", "สิทธิวงศ์", "สิทธิพร", "สิทธิกุล", "ปัญญาดี", "ปัญญาวงศ์", "ปัญญาศรี",
    "ปัญญาประเสริฐ", "ใจดี", "ใจกล้า", "ใจเย็น", "ใจบุญ", "ใจมั่น", "มั่นคง", "มั่นเจริญ", "มั่นศรี",
    "มั่นสกุล", "ยิ่งยง", "ยิ่งเจริญ", "ยิ่งสวัสดิ์", "แสงทอง", "แสงจันทร์", "แสงอรุณ", "แสงสว่าง",
    "แสงศรี", "แสงเพชร", "แสงมณี", "ดวงแก้ว", "ดวงจันทร์", "ดวงดี", "ดวงประเสริฐ", "ดวงมณี", "ดวงทอง",
    "ทรัพย์สมบูรณ์", "ทรัพย์เจริญ", "ทรัพย์มาก", "ทรัพย์ประเสริฐ", "วิเศษสุข", "วิเศษศักดิ์", "วิเศษศรี",
    "อุดมสุข", "อุดมศักดิ์", "อุดมพร", "อุดมทรัพย์", "อุดมผล", "อุดมรัตน์", "นิลสุวรรณ", "นิลวงศ์",
    "นิลประเสริฐ", "เกษมสุข", "เกษมศรี", "เกษมสันต์", "สวัสดิ์ชัย", "สวัสดิ์วงศ์", "สวัสดิ์สุข",
    "สวัสดิ์ศรี", "มหาชัย", "มหาวงศ์", "มหาศิริ", "มหาสุข", "ลิ้มเจริญ", "ลิ้มสกุล", "ลิ้มทอง",
    "ลิ้มประเสริฐ", "ลิ้มวงศ์", "ตั้งเจริญ", "ตั้งสกุล", "ตั้งวงศ์", "ตั้งประเสริฐ", "ตั้งมั่น",
    "ตั้งจิตร", "เตชะวงศ์", "เตชะไพบูลย์", "เตชะศิริ", "เตชะสุวรรณ", "โชติกุล", "โชติวงศ์", "โชติชัย",
    "โชติรัตน์", "โชติประเสริฐ", "ภักดี", "ภักดีวงศ์", "ภักดีศรี", "สายทอง", "สายสุวรรณ", "สายบุญ",
    "สายแก้ว", "สายสุข", "ขาวสะอาด", "ขาวผ่อง", "คงสุข", "คงเจริญ", "คงมั่น", "คงสวัสดิ์", "คงทอง",
    "คงประเสริฐ", "คงศักดิ์", "พรหมวงศ์", "พรหมมา", "พรหมสุวรรณ", "พรหมศรี", "อ่อนศรี", "อ่อนละมัย",
    "ปานทอง", "ปานแก้ว", "ปานศรี", "บัวทอง", "บัวแก้ว", "บัวศรี", "บัวขาว", "ทิพย์วงศ์", "ทิพย์มณี",
    "ทิพย์สุวรรณ", "นวลศรี", "นวลแก้ว", "ไชยวงศ์", "ไชยมงคล", "ไชยสิทธิ์", "ไชยศรี",
    "ไชยชนะ", "เรืองศรี", "เรืองชัย", "เรืองสุวรรณ", "เรืองประเสริฐ", "เรืองฤทธิ์", "วิริยะกุล",
    "วิริยะพันธ์", "วิริยะสุข", "หอมจันทร์", "หอมสมบัติ", "หอมนาน", "กาญจนวงศ์", "กาญจนสุวรรณ",
    "กาญจนพันธ์", "กาญจนกุล", "ศักดิ์ดี", "ศักดิ์ศรี", "พูลสวัสดิ์", "พูลสุข", "พูลทรัพย์", "พูลเจริญ",
    "พูลผล", "เลิศวิไล", "เลิศศักดิ์", "เลิศสุวรรณ", "เลิศประเสริฐ", "เลิศชัย", "อยู่สุข", "อยู่เย็น",
    "อยู่ดี", "อยู่ยืน", "ชื่นชม", "ชื่นใจ", "ชื่นสุข", "เย็นใจ", "สุนทรวงศ์", "สุนทรศักดิ์", "สุนทรเวช",
    "จิตรประเสริฐ", "จิตรสม", "ผลประเสริฐ", "ผลดี", "ผลบุญ", "มีสุข", "มีชัย", "มีทรัพย์", "มีศรี",
    "มีบุญ", "ดีประเสริฐ", "ดีสวัสดิ์", "ดีเลิศ", "นิ่มนวล", "แช่มช้อย", "แช่มชื่น", "สุริยวงศ์",
    "ธรรมรักษ์", "ธรรมวงศ์", "ธรรมสุข", "ธรรมศิริ", "พึ่งบุญ", "พึ่งทอง", "ฉัตรวงศ์", "ฉัตรสุวรรณ",
    "เพ็งศรี", "เพ็งสุข", "โพธิ์ทอง", "โพธิ์ศรี", "โพธิ์แก้ว", "โพธิ์งาม", "โพธิ์สุวรรณ", "ช้างเผือก",
    "เกิดผล", "เกิดสุข", "เกิดศรี", "เกิดมงคล", "บำรุงวงศ์", "บำรุงศักดิ์", "บำรุงสุข", "อำนวยผล",
    "อำนวยพร", "อำนวยสุข", "อำนวยชัย", "วรรณศิริ", "วรรณสุข", "วรรณวงศ์", "วรรณประเสริฐ", "เทพประสิทธิ์",
    "เทพสุวรรณ", "เทพวงศ์", "เทพศรี", "เทพมงคล", "วิไลวงศ์", "วีระวงศ์", "วีระพันธ์",
)

# Nicknames (ชื่อเล่น) with the spelling their owners use in LINE ids and e-mail addresses.
THAI_MALE_NICKNAMES: Final[tuple[tuple[str, str], ...]] = (
    ("ต้น", "ton"), ("บอล", "ball"), ("เก่ง", "keng"), ("กอล์ฟ", "golf"), ("ก้อง", "kong"),
    ("ก๊อต", "got"), ("เข้ม", "khem"), ("โจ้", "jo"), ("เจ", "jay"), ("แจ็ค", "jack"), ("ช้าง", "chang"),
    ("ตั้ม", "tum"), ("ติ๊ก", "tik"), ("ตู่", "tu"), ("โต้ง", "tong"), ("ตี๋", "tee"), ("เต้ย", "toey"),
    ("นัท", "nut"), ("นิว", "new"), ("โน้ต", "note"), ("บอย", "boy"), ("เบียร์", "beer"),
    ("เบิร์ด", "bird"), ("แบงค์", "bank"), ("ป๊อป", "pop"), ("ปอนด์", "pond"), ("ฟิล์ม", "film"),
    ("มด", "mod"), ("แมน", "man"), ("หนึ่ง", "nueng"), ("หนุ่ม", "num"), ("อาร์ต", "art"), ("อั้ม", "aum"),
    ("เอิร์ธ", "earth"), ("โอ๊ต", "oat"), ("ไอซ์", "ice"), ("เฟิร์ส", "first"), ("ปาล์ม", "palm"),
    ("เพชร", "petch"), ("กบ", "kob"), ("ต่อ", "tor"), ("โตโต้", "toto"), ("ทอม", "tom"), ("เบนซ์", "benz"),
    ("ปั๊ม", "pump"), ("เมฆ", "mek"), ("ยอด", "yod"), ("วิน", "win"), ("เอก", "ek"), ("โอม", "ohm"),
    ("โอ๊ค", "oak"), ("ป้อม", "pom"), ("พั้นช์", "punch"), ("ไผ่", "phai"), ("กาย", "guy"), ("เต๋า", "tao"),
    ("กั้ง", "kang"), ("แม็ก", "max"), ("บอม", "bom"), ("บูม", "boom"), ("นิค", "nick"), ("เล็ก", "lek"),
    ("ตั๊ก", "tak"), ("ซัน", "sun"), ("ดิว", "dew"), ("ปิง", "ping"), ("เจมส์", "james"), ("อ๊อฟ", "off"),
    ("ฮาร์ท", "heart"),
)

THAI_FEMALE_NICKNAMES: Final[tuple[tuple[str, str], ...]] = (
    ("แอน", "ann"), ("ปุ๊ก", "puk"), ("นุ่น", "noon"), ("กุ้ง", "kung"), ("กิ๊ฟ", "gift"), ("แก้ว", "kaew"),
    ("ขวัญ", "kwan"), ("แคท", "cat"), ("จอย", "joy"), ("จิ๊บ", "jib"), ("ชมพู่", "chompoo"),
    ("เชอรี่", "cherry"), ("ดาว", "dao"), ("ต่าย", "tai"), ("ตาล", "tan"), ("ตุ๊ก", "tuk"), ("แตง", "taeng"),
    ("ทราย", "sai"), ("นก", "nok"), ("นิด", "nid"), ("นิ่ม", "nim"), ("หน่อย", "noi"), ("นุ้ย", "nui"),
    ("แนน", "nan"), ("บี", "bee"), ("ปลา", "pla"), ("ปิ่น", "pin"), ("เปิ้ล", "ple"), ("แป้ง", "paeng"),
    ("แป๋ว", "paew"), ("ปู", "puu"), ("พลอย", "ploy"), ("พิม", "pim"), ("ฝน", "fon"), ("ฝ้าย", "fai"),
    ("ฟ้า", "fah"), ("แพร", "prae"), ("เฟิร์น", "fern"), ("มิ้นท์", "mint"), ("มุก", "muk"), ("เมย์", "may"),
    ("ยุ้ย", "yui"), ("หยก", "yok"), ("ริน", "rin"), ("แหม่ม", "mam"), ("หมิว", "mew"), ("วิว", "view"),
    ("ส้ม", "som"), ("ออม", "aom"), ("อ้อ", "or"), ("อ้อย", "aoy"), ("อุ้ม", "oum"), ("กิ่ง", "king"),
    ("เกด", "ked"), ("ข้าวหอม", "khaohom"), ("แจน", "jane"), ("เดียร์", "dear"), ("น้ำ", "nam"),
    ("น้ำฝน", "namfon"), ("เนย", "noey"), ("ป่าน", "parn"), ("มายด์", "mind"), ("ลิน", "lin"),
    ("จูน", "june"), ("มะปราง", "maprang"), ("หญิง", "ying"), ("เจี๊ยบ", "jiab"), ("ปุ้ย", "pui"),
    ("อิงค์", "ink"), ("ตูน", "toon"), ("เบลล์", "bell"), ("ฟ่าง", "fang"), ("เอ๋", "ae"), ("ใบเตย", "baitoey"),
)

# Nicknames worn by men and women alike.
THAI_UNISEX_NICKNAMES: Final[tuple[tuple[str, str], ...]] = (
    ("ปอ", "por"), ("ดา", "da"), ("ปาย", "pai"), ("โอ๋", "oh"), ("ต้นข้าว", "tonkhao"),
    ("บิว", "bew"), ("โฟม", "foam"), ("เฟรม", "frame"), ("วุ้น", "wun"), ("หมู", "moo"), ("โม", "mo"),
    ("จ๋อม", "jom"), ("ไก่", "kai"), ("อาย", "ai"),
)

# Every nickname once, for code that does not care about gender.
THAI_NICKNAMES: Final[tuple[tuple[str, str], ...]] = (
    THAI_MALE_NICKNAMES + THAI_FEMALE_NICKNAMES + THAI_UNISEX_NICKNAMES
)

# Name prefixes as written before a Thai name: (thai, english, gender); gender "" when it says nothing.
THAI_NAME_PREFIXES: Final[tuple[tuple[str, str, str], ...]] = (
    ("นาย", "Mr", "male"),
    ("นาง", "Mrs", "female"),
    ("นางสาว", "Ms", "female"),
    ("ดร.", "Dr", ""),
    ("คุณ", "Khun", ""),
)

# --------------------------------------------------------------------------------------------------
# People: foreign contacts (about one in ten), with English names
# --------------------------------------------------------------------------------------------------

EN_MALE_FIRST_NAMES: Final[tuple[str, ...]] = (
    "James", "John", "Robert", "Michael", "William", "David", "Richard", "Joseph", "Thomas", "Charles",
    "Daniel", "Matthew", "Anthony", "Mark", "Steven", "Paul", "Andrew", "Joshua", "Kevin", "Brian",
    "George", "Edward", "Ronald", "Timothy", "Jason", "Jeffrey", "Ryan", "Gary", "Nicholas", "Eric",
    "Stephen", "Jonathan", "Larry", "Scott", "Frank", "Peter", "Simon", "Oliver", "Henry", "Jack",
    "Lucas", "Benjamin", "Samuel", "Patrick", "Alexander", "Christopher", "Martin", "Adam", "Luke",
    "Tom", "Hans", "Pierre", "Marco", "Lars",
)

EN_FEMALE_FIRST_NAMES: Final[tuple[str, ...]] = (
    "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah",
    "Karen", "Nancy", "Lisa", "Margaret", "Sandra", "Ashley", "Emily", "Donna", "Michelle", "Carol",
    "Amanda", "Melissa", "Deborah", "Stephanie", "Rebecca", "Laura", "Helen", "Sharon", "Cynthia",
    "Kathleen", "Amy", "Anna", "Emma", "Olivia", "Sophie", "Charlotte", "Rachel", "Hannah", "Claire",
    "Julia", "Grace", "Lucy", "Alice", "Victoria", "Catherine", "Natalie", "Chloe", "Isabelle", "Monica",
    "Eva", "Ingrid", "Marie", "Giulia",
)

EN_FIRST_NAMES: Final[tuple[str, ...]] = EN_MALE_FIRST_NAMES + EN_FEMALE_FIRST_NAMES

EN_SURNAMES: Final[tuple[str, ...]] = (
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor",
    "Moore", "Jackson", "Thompson", "White", "Harris", "Clark", "Lewis", "Robinson",
    "Walker", "Young", "Allen", "King", "Wright", "Hill", "Green", "Adams", "Baker", "Nelson",
    "Carter", "Mitchell", "Roberts", "Turner", "Phillips", "Campbell", "Parker", "Evans", "Edwards",
    "Collins", "Stewart", "Morris", "Murphy", "Cook", "Rogers", "Morgan", "Cooper", "Peterson", "Reed",
    "Bailey", "Bell", "Kelly", "Howard", "Ward", "Cox", "Richardson", "Wood", "Watson", "Brooks",
    "Bennett", "Gray", "Hughes", "Price", "Sanders", "Myers", "Long", "Ross", "Foster", "Powell",
    "Jenkins", "Perry", "Russell", "Sullivan", "Fisher", "Hamilton", "Graham", "Wallace", "Hayes",
    "Gibson", "Marshall", "Owens", "Murray", "Ellis", "Hunter", "Palmer", "Mason", "Fraser", "Schmidt",
    "Mueller", "Weber", "Fischer", "Dubois", "Laurent", "Rossi", "Jensen", "Hansen", "Brennan", "McKenzie",
)

EN_NAME_PREFIXES: Final[tuple[tuple[str, str], ...]] = (
    ("Mr", "male"),
    ("Mrs", "female"),
    ("Ms", "female"),
    ("Dr", ""),
)

# --------------------------------------------------------------------------------------------------
# Companies
# --------------------------------------------------------------------------------------------------

# Auspicious and business words Thai firms are named after, with the romanisation such a firm would
# register as its English name and web address. Two stems may be joined (e.g. ไทยเจริญ + ทรัพย์).
THAI_COMPANY_STEMS: Final[tuple[tuple[str, str], ...]] = (
    ("รุ่งเรือง", "rungrueang"), ("ศรีสยาม", "srisiam"), ("ไทยเจริญ", "thaicharoen"),
    ("โชคชัย", "chokchai"), ("พัฒนา", "pattana"), ("เอเชีย", "asia"), ("สยามอินเตอร์", "siaminter"),
    ("ไทยพัฒนา", "thaipattana"), ("สยามรุ่งเรือง", "siamrungrueang"), ("เจริญทรัพย์", "charoensap"),
    ("เจริญกิจ", "charoenkit"), ("เจริญผล", "charoenphon"), ("เจริญพาณิชย์", "charoenpanich"),
    ("ทรัพย์สมบูรณ์", "sapsomboon"), ("ทรัพย์มั่นคง", "sapmankong"), ("มั่นคง", "mankong"),
    ("มั่งมี", "mangmee"), ("มั่งคั่ง", "mangkang"), ("ศรีสวัสดิ์", "srisawat"), ("ศรีไทย", "srithai"),
    ("ไทยรุ่งเรือง", "thairungrueang"), ("ไทยสมบูรณ์", "thaisomboon"), ("สยามพาณิชย์", "siampanich"),
    ("สยามเทรดดิ้ง", "siamtrading"), ("สยามโกลบอล", "siamglobal"), ("สยามเทค", "siamtech"),
    ("ไทยเทค", "thaitech"), ("ไทยโกลบอล", "thaiglobal"), ("เอเชียแปซิฟิก", "asiapacific"),
    ("อินเตอร์เทรด", "intertrade"), ("โกลบอลเทรด", "globaltrade"), ("ยูไนเต็ด", "united"),
    ("รวมทรัพย์", "ruamsap"), ("รวมเจริญ", "ruamcharoen"), ("รวมมิตร", "ruammit"), ("รวมใจ", "ruamjai"),
    ("สหกิจ", "sahakit"), ("สหมิตร", "sahamit"), ("สหไทย", "sahathai"), ("ไพบูลย์", "paiboon"),
    ("ไพบูลย์กิจ", "paiboonkit"), ("วัฒนา", "wattana"), ("วัฒนากิจ", "wattanakit"),
    ("วัฒนพาณิชย์", "wattanapanich"), ("ก้าวหน้า", "kaona"), ("เกียรติชัย", "kiatchai"),
    ("เกียรติไพบูลย์", "kiatpaiboon"), ("เกษตรรุ่งเรือง", "kasetrungrueang"), ("เกษตรไทย", "kasetthai"),
    ("เกษมสุข", "kasemsuk"), ("ทองคำ", "thongkham"), ("ทองไทย", "thongthai"), ("ทองมงคล", "thongmongkol"),
    ("ทองประเสริฐ", "thongprasert"), ("มงคล", "mongkol"), ("มงคลชัย", "mongkolchai"),
    ("มงคลทรัพย์", "mongkolsap"), ("มณีรัตน์", "maneerat"), ("เพชรรุ่งเรือง", "petchrungrueang"),
    ("เพชรเกษม", "petchkasem"), ("เพชรสยาม", "petchsiam"), ("แสงทอง", "saengthong"),
    ("แสงไทย", "saengthai"), ("แสงอรุณ", "saengarun"), ("แสงเจริญ", "saengcharoen"), ("ดวงดี", "duangdee"),
    ("นำชัย", "namchai"), ("นำโชค", "namchok"), ("นำทรัพย์", "namsap"), ("นำเจริญ", "namcharoen"),
    ("ชัยมงคล", "chaimongkol"), ("ชัยพฤกษ์", "chaiyaphruek"), ("ชัยเจริญ", "chaicharoen"),
    ("ชัยวัฒนา", "chaiwattana"), ("ชัยสิทธิ์", "chaiyasit"), ("โชคดี", "chokdee"), ("โชคอนันต์", "chokanan"),
    ("โชคเจริญ", "chokcharoen"), ("โชคทวี", "choktawee"), ("ทวีทรัพย์", "taweesap"), ("ทวีผล", "taweephon"),
    ("ทวีกิจ", "taweekit"), ("บุญเจริญ", "booncharoen"), ("บุญมา", "boonma"), ("บุญประเสริฐ", "boonprasert"),
    ("ประเสริฐกิจ", "prasertkit"), ("ประสิทธิ์ผล", "prasitphon"), ("สมบูรณ์ผล", "somboonphon"),
    ("สมบูรณ์กิจ", "somboonkit"), ("อุดมทรัพย์", "udomsap"), ("อุดมผล", "udomphon"), ("อุดมสุข", "udomsuk"),
    ("อุดมกิจ", "udomkit"), ("อนันต์ทรัพย์", "anansap"), ("อนันตชัย", "anantachai"),
    ("อมรทรัพย์", "amornsap"), ("เอกชัย", "ekachai"), ("เอกพัฒน์", "ekapat"), ("ศรีสมบูรณ์", "srisomboon"),
    ("ศรีอุดม", "sriudom"), ("ศรีเจริญ", "sricharoen"), ("ศิริมงคล", "sirimongkol"), ("ศิริชัย", "sirichai"),
    ("สิริทรัพย์", "sirisap"), ("สุขสวัสดิ์", "suksawat"), ("สุขเจริญ", "sukcharoen"),
    ("สุขสมบูรณ์", "suksomboon"), ("สิทธิโชค", "sittichok"), ("ร่มเย็น", "romyen"), ("ร่มโพธิ์", "rompho"),
    ("รุ่งอรุณ", "rungarun"), ("รุ่งโรจน์", "rungroj"), ("รุ่งทรัพย์", "rungsap"),
    ("รุ่งเจริญ", "rungcharoen"), ("รุ่งแสง", "rungsaeng"), ("เรืองชัย", "rueangchai"),
    ("เรืองศรี", "rueangsri"), ("เรืองกิจ", "rueangkit"), ("ล้านนา", "lanna"),
    ("อีสานพัฒนา", "isanpattana"), ("เจ้าพระยา", "chaophraya"), ("ไทยสมุทร", "thaisamut"),
    ("ทะเลทอง", "thalaythong"), ("นครไทย", "nakhonthai"), ("นครชัย", "nakhonchai"), ("บางกอก", "bangkok"),
    ("สุวรรณภูมิ", "suvarnabhumi"), ("สุวรรณชาติ", "suwannachat"), ("ราชพฤกษ์", "ratchaphruek"),
    ("อินทรา", "intra"), ("ธนกิจ", "thanakit"), ("ธนทรัพย์", "thanasap"), ("ธนาพัฒน์", "thanapat"),
    ("ธนบุรี", "thonburi"), ("พานิชย์เจริญ", "panichcharoen"), ("ไทยซัพพลาย", "thaisupply"),
    ("สยามซัพพลาย", "siamsupply"), ("ไทยเอ็นจิเนียริ่ง", "thaiengineering"), ("สยามฟู้ดส์", "siamfoods"),
    ("ไทยฟู้ดส์", "thaifoods"), ("ไทยโปรดักส์", "thaiproducts"), ("สยามแพ็คกิ้ง", "siampacking"),
    ("ไทยพลาสติก", "thaiplastic"), ("สยามสตีล", "siamsteel"), ("โกลเด้นสตาร์", "goldenstar"),
    ("รอยัลไทย", "royalthai"), ("พรีเมียร์", "premier"), ("มาสเตอร์", "master"), ("เมกะเทรด", "megatrade"),
    ("ไฮเทค", "hitech"), ("ดิจิทัลไทย", "digitalthai"), ("สมาร์ทโซลูชั่น", "smartsolution"),
    ("กรีนไลฟ์", "greenlife"), ("ไดมอนด์", "diamond"), ("อินฟินิตี้", "infinity"),
    ("ไทยแลนด์เทรดดิ้ง", "thailandtrading"), ("ไทยออโต้พาร์ท", "thaiautopart"),
    ("ภูเก็ตมารีน", "phuketmarine"), ("อันดามัน", "andaman"), ("ลำปางเซรามิค", "lampangceramic"),
    ("โคราชพัฒนา", "koratpattana"), ("ขอนแก่นรุ่งเรือง", "khonkaenrungrueang"),
    ("หาดใหญ่พาณิชย์", "hatyaipanich"), ("อุดรเจริญ", "udoncharoen"), ("ระยองพัฒนา", "rayongpattana"),
    ("ไทยสิริ", "thaisiri"), ("เพิ่มพูน", "phoemphun"), ("เพิ่มทรัพย์", "phoemsap"), ("พูนผล", "phunphon"),
    ("พูนทรัพย์", "phunsap"), ("ยิ่งเจริญ", "yingcharoen"), ("ยิ่งยง", "yingyong"),
    ("ไทยประเสริฐ", "thaiprasert"), ("ประเสริฐวงศ์", "prasertwong"), ("วงศ์ไพศาล", "wongpaisan"),
    ("ไพศาล", "paisan"), ("ไพศาลพาณิชย์", "paisanpanich"), ("เลิศล้ำ", "loetlam"), ("เลิศชัย", "loetchai"),
    ("วิวัฒน์", "wiwat"), ("สยามวิวัฒน์", "siamwiwat"), ("ไทยวัฒนา", "thaiwattana"), ("นิรันดร์", "niran"),
    ("นิรันดร์ทรัพย์", "niransap"), ("จิรทรัพย์", "chirasap"), ("ชัยชนะ", "chaichana"),
    ("ชนะชัย", "chanachai"), ("พงษ์ไพบูลย์", "pongpaiboon"), ("กิจเจริญ", "kitcharoen"),
    ("กิจไพศาล", "kitpaisan"), ("สินทรัพย์", "sinsap"), ("สินเจริญ", "sincharoen"), ("สินไทย", "sinthai"),
    ("สินสมบูรณ์", "sinsomboon"), ("ฟ้าใส", "fasai"), ("ฟ้าสยาม", "fasiam"), ("ตะวันออก", "tawanok"),
    ("ตะวันทอง", "tawanthong"), ("แม่น้ำทอง", "maenamthong"), ("ดอกบัว", "dokbua"), ("บัวทอง", "buathong"),
    ("ช้างทอง", "changthong"), ("ช้างไทย", "changthai"), ("มังกรทอง", "mangkonthong"),
    ("นกยูง", "nokyung"), ("กระทิงทอง", "krathingthong"), ("สิงห์ทอง", "singthong"),
)

# Legal forms around a Thai company name, with a relative frequency: listed companies are rare, and
# most small firms are limited companies, partnerships or unregistered shops.
THAI_COMPANY_FORMS: Final[tuple[tuple[str, int], ...]] = (
    ("บริษัท {name} จำกัด", 60),
    ("บริษัท {name} จำกัด (มหาชน)", 2),
    ("ห้างหุ้นส่วนจำกัด {name}", 12),
    ("หจก. {name}", 8),
    ("ร้าน{name}", 18),
)

# Words for English company names ("Golden Pacific Foods (Thailand) Co., Ltd.").
EN_COMPANY_WORDS: Final[tuple[str, ...]] = (
    "Siam", "Thai", "Asia", "Global", "Pacific", "United", "Golden", "Royal", "Star", "Prime", "Bangkok",
    "Chao Phraya", "Lanna", "Andaman", "Orchid", "Lotus", "Elephant", "Tiger", "Dragon", "Phoenix",
    "Eagle", "Summit", "Pinnacle", "Horizon", "Sunrise", "Silver", "Diamond", "Emerald", "Sapphire",
    "Jade", "Crystal", "Ocean", "River", "Green", "Blue", "Smart", "Digital", "Infinity", "Alpha",
    "Delta", "Nova", "Vertex", "Apex", "Metro", "Union", "Allied", "Premier", "Excel", "Progress",
    "Fortune", "Prosperity", "Harmony", "Evergreen", "Pioneer", "Frontier", "Unity", "Eastern",
    "Western", "Southeast", "Mekong", "Indochina", "Trans", "Inter", "Mega", "Grand", "Crown", "Everest",
    "Oriental", "Rising", "Bright",
)

EN_COMPANY_SECTOR_WORDS: Final[tuple[str, ...]] = (
    "Foods", "Logistics", "Packaging", "Marketing", "Consulting", "Energy", "Power", "Steel", "Plastics",
    "Chemicals", "Textile", "Furniture", "Media", "Health", "Medical", "Agro", "Motors", "Electric",
    "Engineering", "Industrial", "Solutions", "Systems", "Supply", "Technology", "Construction",
    "Hospitality", "Interiors", "Printing", "Cosmetics", "Seafood", "Auto Parts", "Electronics",
)

EN_COMPANY_FORMS: Final[tuple[tuple[str, int], ...]] = (
    ("{name} Co., Ltd.", 50),
    ("{name} Trading Co., Ltd.", 15),
    ("{name} (Thailand) Co., Ltd.", 15),
    ("{name} Group", 8),
    ("{name} Trading", 7),
    ("{name} Public Company Limited", 2),
    ("{name} International Co., Ltd.", 3),
)

# (key, thai, english); the key is what Account.industry stores.
INDUSTRIES: Final[tuple[tuple[str, str, str], ...]] = (
    ("retail", "ค้าปลีก", "Retail"),
    ("wholesale", "ค้าส่ง", "Wholesale"),
    ("restaurant", "ร้านอาหาร", "Restaurant"),
    ("cafe", "ร้านกาแฟและเบเกอรี่", "Café & bakery"),
    ("construction", "ก่อสร้าง", "Construction"),
    ("building_materials", "วัสดุก่อสร้าง", "Building materials"),
    ("hotel", "โรงแรม", "Hotel"),
    ("travel", "ท่องเที่ยวและนำเที่ยว", "Travel & tours"),
    ("manufacturing", "อุตสาหกรรมการผลิต", "Manufacturing"),
    ("food_processing", "แปรรูปอาหาร", "Food processing"),
    ("agriculture", "เกษตรกรรม", "Agriculture"),
    ("automotive", "ยานยนต์และอะไหล่", "Automotive & parts"),
    ("auto_repair", "อู่ซ่อมรถ", "Auto repair"),
    ("logistics", "ขนส่งและโลจิสติกส์", "Transport & logistics"),
    ("real_estate", "อสังหาริมทรัพย์", "Real estate"),
    ("it_services", "เทคโนโลยีสารสนเทศ", "IT services"),
    ("software", "ซอฟต์แวร์", "Software"),
    ("education", "การศึกษาและกวดวิชา", "Education & tutoring"),
    ("healthcare", "คลินิกและบริการสุขภาพ", "Clinics & healthcare"),
    ("beauty", "ความงามและสปา", "Beauty & spa"),
    ("pharmacy", "ร้านขายยา", "Pharmacy"),
    ("fashion", "เสื้อผ้าแฟชั่น", "Fashion & apparel"),
    ("electrical", "เครื่องใช้ไฟฟ้า", "Electrical appliances"),
    ("printing", "สิ่งพิมพ์และบรรจุภัณฑ์", "Printing & packaging"),
    ("advertising", "โฆษณาและการตลาด", "Advertising & marketing"),
    ("finance", "บริการทางการเงิน", "Financial services"),
    ("insurance", "ประกันภัย", "Insurance"),
    ("accounting", "สำนักงานบัญชี", "Accounting firm"),
    ("legal", "สำนักงานกฎหมาย", "Law firm"),
    ("import_export", "นำเข้าและส่งออก", "Import & export"),
    ("energy", "พลังงาน", "Energy"),
    ("fitness", "ฟิตเนสและกีฬา", "Fitness & sports"),
    ("events", "จัดงานอีเวนต์", "Event organising"),
    ("furniture", "เฟอร์นิเจอร์", "Furniture"),
    ("jewelry", "อัญมณีและเครื่องประดับ", "Gems & jewellery"),
    ("cosmetics", "เครื่องสำอาง", "Cosmetics"),
    ("ecommerce", "ขายสินค้าออนไลน์", "Online retail"),
)

# (key, thai, english); the key is what Account.segment stores.
CUSTOMER_SEGMENTS: Final[tuple[tuple[str, str, str], ...]] = (
    ("sme", "ลูกค้า SME", "SME"),
    ("enterprise", "องค์กรขนาดใหญ่", "Enterprise"),
    ("retail", "ลูกค้ารายย่อย", "Retail customer"),
    ("government", "หน่วยงานราชการ", "Government"),
    ("vip", "ลูกค้า VIP", "VIP"),
    ("dealer", "ตัวแทนจำหน่าย", "Dealer"),
    ("online", "ลูกค้าออนไลน์", "Online customer"),
    ("nonprofit", "มูลนิธิและองค์กรไม่แสวงหากำไร", "Non-profit"),
)

# (thai, english)
JOB_POSITIONS: Final[tuple[tuple[str, str], ...]] = (
    ("เจ้าของกิจการ", "Owner"),
    ("กรรมการผู้จัดการ", "Managing director"),
    ("ประธานเจ้าหน้าที่บริหาร", "Chief executive officer"),
    ("หุ้นส่วนผู้จัดการ", "Managing partner"),
    ("ผู้อำนวยการ", "Director"),
    ("ผู้จัดการทั่วไป", "General manager"),
    ("ผู้ช่วยผู้จัดการ", "Assistant manager"),
    ("ผู้จัดการฝ่ายจัดซื้อ", "Purchasing manager"),
    ("หัวหน้าแผนกจัดซื้อ", "Purchasing supervisor"),
    ("เจ้าหน้าที่จัดซื้อ", "Purchasing officer"),
    ("ผู้จัดการฝ่ายขาย", "Sales manager"),
    ("พนักงานขาย", "Sales representative"),
    ("ผู้จัดการฝ่ายการตลาด", "Marketing manager"),
    ("เจ้าหน้าที่การตลาด", "Marketing officer"),
    ("ผู้จัดการฝ่ายบัญชี", "Accounting manager"),
    ("พนักงานบัญชี", "Accountant"),
    ("ผู้จัดการฝ่ายการเงิน", "Finance manager"),
    ("ผู้จัดการฝ่ายบุคคล", "HR manager"),
    ("เจ้าหน้าที่ฝ่ายบุคคล", "HR officer"),
    ("ผู้จัดการฝ่ายไอที", "IT manager"),
    ("เจ้าหน้าที่ไอที", "IT officer"),
    ("วิศวกร", "Engineer"),
    ("ผู้จัดการโครงการ", "Project manager"),
    ("ผู้จัดการโรงงาน", "Factory manager"),
    ("ผู้จัดการฝ่ายผลิต", "Production manager"),
    ("เจ้าหน้าที่ควบคุมคุณภาพ", "Quality control officer"),
    ("หัวหน้าคลังสินค้า", "Warehouse supervisor"),
    ("ผู้จัดการฝ่ายโลจิสติกส์", "Logistics manager"),
    ("ผู้จัดการสาขา", "Branch manager"),
    ("ผู้จัดการร้าน", "Store manager"),
    ("เลขานุการ", "Secretary"),
    ("เจ้าหน้าที่ธุรการ", "Administrative officer"),
    ("เจ้าหน้าที่ประสานงาน", "Coordinator"),
    ("เจ้าหน้าที่บริการลูกค้า", "Customer service officer"),
    ("พนักงานต้อนรับ", "Receptionist"),
    ("ที่ปรึกษา", "Consultant"),
    ("หัวหน้าพ่อครัว", "Head chef"),
    ("สถาปนิก", "Architect"),
    ("นักออกแบบ", "Designer"),
    ("เภสัชกร", "Pharmacist"),
)

# (thai, english)
INTERESTS: Final[tuple[tuple[str, str], ...]] = (
    ("กอล์ฟ", "Golf"),
    ("ท่องเที่ยว", "Travel"),
    ("ทำอาหาร", "Cooking"),
    ("ตระเวนชิมอาหาร", "Food tasting"),
    ("กาแฟ", "Coffee"),
    ("ไวน์", "Wine"),
    ("ฟุตบอล", "Football"),
    ("วิ่ง", "Running"),
    ("ปั่นจักรยาน", "Cycling"),
    ("ฟิตเนส", "Fitness"),
    ("โยคะ", "Yoga"),
    ("ว่ายน้ำ", "Swimming"),
    ("แบดมินตัน", "Badminton"),
    ("เทนนิส", "Tennis"),
    ("มวยไทย", "Muay Thai"),
    ("อ่านหนังสือ", "Reading"),
    ("ดูหนัง", "Movies"),
    ("ฟังเพลง", "Music"),
    ("ร้องคาราโอเกะ", "Karaoke"),
    ("ถ่ายภาพ", "Photography"),
    ("ตกปลา", "Fishing"),
    ("ทำสวน", "Gardening"),
    ("สัตว์เลี้ยง", "Pets"),
    ("เล่นเกม", "Gaming"),
    ("ช้อปปิ้ง", "Shopping"),
    ("ลงทุนหุ้น", "Stock investing"),
    ("พระเครื่อง", "Amulets"),
    ("รถยนต์", "Cars"),
    ("มอเตอร์ไซค์", "Motorcycles"),
    ("งานฝีมือ", "Crafts"),
    ("เทคโนโลยี", "Technology"),
    ("ดูแลสุขภาพ", "Health & wellness"),
    ("ความงาม", "Beauty"),
    ("แฟชั่น", "Fashion"),
    ("ทำบุญ", "Merit-making"),
    ("ศิลปะ", "Art"),
    ("แคมป์ปิ้ง", "Camping"),
)

# Monthly personal income: (key, thai, english); the key is what Contact.income_band stores.
INCOME_BANDS: Final[tuple[tuple[str, str, str], ...]] = (
    ("<15k", "ต่ำกว่า 15,000 บาท", "Under 15,000 THB"),
    ("15k-30k", "15,000–30,000 บาท", "15,000–30,000 THB"),
    ("30k-50k", "30,001–50,000 บาท", "30,001–50,000 THB"),
    ("50k-100k", "50,001–100,000 บาท", "50,001–100,000 THB"),
    ("100k+", "มากกว่า 100,000 บาท", "Over 100,000 THB"),
)

# Free tags as Thai users type them (Latin brand words such as VIP and LINE are written that way).
TAGS: Final[tuple[str, ...]] = (
    "ลูกค้าประจำ", "ขายส่ง", "VIP", "ลูกค้าใหม่", "ติดตามด่วน", "รอใบเสนอราคา", "ส่งใบเสนอราคาแล้ว",
    "ชำระเงินช้า", "เครดิต 30 วัน", "ตัวแทนจำหน่าย", "ลูกค้าออนไลน์", "มาจาก Facebook", "มาจาก LINE OA",
    "งานแสดงสินค้า", "ลูกค้าแนะนำ", "ลูกค้าต่างชาติ", "ขอใบกำกับภาษี", "สนใจสินค้าใหม่", "ลูกค้าองค์กร",
    "ลูกค้าต่างจังหวัด", "บริการหลังการขาย", "ผู้มีอำนาจตัดสินใจ", "หยุดสั่งซื้อ", "สมาชิก",
    "รับโปรโมชั่น", "นัดเข้าพบ", "ต่อสัญญา",
)

# --------------------------------------------------------------------------------------------------
# Marketing
# --------------------------------------------------------------------------------------------------

# Campaigns a small Thai business runs each year: (name, channel, month it starts, days it runs, cost in
# baht). {year} is the Buddhist-era year of the start; the channel is a lead-source key
# (services/picklists.py).
CAMPAIGNS: Final[tuple[tuple[str, str, int, int, int], ...]] = (
    ("โปรโมชันเฟซบุ๊กต้อนรับปีใหม่ {year}", "facebook", 1, 31, 25_000),
    ("ออกบูธงานเกษตรแฟร์ {year}", "trade_show", 2, 9, 45_000),
    ("ใบปลิวและป้ายไวนิลหน้าร้าน {year}", "walk_in", 3, 45, 12_000),
    ("งานสถาปนิก {year} เมืองทองธานี", "trade_show", 4, 6, 120_000),
    ("โฆษณาเฟซบุ๊กลดรับสงกรานต์ {year}", "facebook", 4, 21, 18_000),
    ("LINE OA คูปองส่วนลดกลางปี {year}", "line", 6, 30, 6_000),
    ("ไลฟ์สดเฟซบุ๊กแนะนำสินค้าใหม่ {year}", "facebook", 7, 14, 8_000),
    ("LINE OA บรอดแคสต์ลูกค้าเก่า {year}", "line", 10, 45, 3_500),
    ("โปรโมชันหน้าเว็บไซต์ 11.11 {year}", "website", 11, 11, 15_000),
    ("งานแสดงสินค้าบ้านและสวนแฟร์ {year}", "trade_show", 12, 10, 85_000),
)

# --------------------------------------------------------------------------------------------------
# Addresses (the address line only: subdistrict, district, province and postcode come from geothai)
# --------------------------------------------------------------------------------------------------

# Road names, without the word ถนน (the templates below add it, or its short form ถ.).
THAI_ROAD_NAMES: Final[tuple[str, ...]] = (
    "สุขุมวิท", "พหลโยธิน", "เพชรเกษม", "มิตรภาพ", "รัชดาภิเษก", "ลาดพร้าว", "รามคำแหง", "พระราม 2",
    "พระราม 3", "พระราม 4", "พระราม 9", "วิภาวดีรังสิต", "แจ้งวัฒนะ", "งามวงศ์วาน", "ประชาชื่น",
    "เพชรบุรีตัดใหม่", "สีลม", "สาทร", "สุรวงศ์", "เจริญกรุง", "เยาวราช", "พญาไท", "ศรีนครินทร์",
    "บางนา-ตราด", "กาญจนาภิเษก", "ติวานนท์", "นวมินทร์", "รามอินทรา", "เอกชัย", "บรมราชชนนี",
    "จรัญสนิทวงศ์", "อ่อนนุช", "ประชาอุทิศ", "ลาดกระบัง", "เทพารักษ์", "สุขสวัสดิ์", "ราษฎร์บูรณะ",
    "พัฒนาการ", "กรุงเทพกรีฑา", "เสรีไทย", "นิมมานเหมินท์", "ห้วยแก้ว", "ช้างคลาน", "ศรีจันทร์",
    "หน้าเมือง", "กาญจนวนิช", "ชยางกูร", "สุขาภิบาล 1", "ราชดำเนิน", "เลียบชายหาด",
)

# Soi names, without the word ซอย; a soi is often its main road plus a number.
THAI_SOI_NAMES: Final[tuple[str, ...]] = (
    "ทองหล่อ", "เอกมัย", "อารีย์", "ร่วมฤดี", "ร่วมมิตร", "สวนพลู", "ประชาสงเคราะห์", "โชคชัย 4",
    "ลาดพร้าว 101", "รามคำแหง 24", "อ่อนนุช 17", "สุขุมวิท 71", "พหลโยธิน 48", "รัชดาภิเษก 36",
    "แจ้งวัฒนะ 14", "งามวงศ์วาน 25", "เพชรเกษม 81", "ประชาอุทิศ 90", "วัดด่าน", "ศูนย์วิจัย",
    "นาคนิวาส", "เสนานิคม", "พึ่งมี", "แบริ่ง", "ปรีดี พนมยงค์", "สายลวด", "เจริญสุข", "มหาดไทย",
    "บางบัวทอง", "สามัคคี",
)

# Housing estates (หมู่บ้าน), without the word หมู่บ้าน.
THAI_VILLAGE_NAMES: Final[tuple[str, ...]] = (
    "สวนทอง", "ร่มเย็น", "เศรษฐกิจ", "ชัยพฤกษ์", "สินทวี", "มณีรินทร์", "ธนาซิตี้", "เสนาวิลล่า",
    "บ้านสวนริมน้ำ", "ปิ่นเจริญ", "นวธานี", "สุขสันต์", "พรธิสาร", "เมืองทองธานี", "ทิพวัล", "รื่นฤดี",
    "ร่มไม้", "นันทวัน", "บัวขาว", "ร่มรื่น",
)

# Office buildings, without the word อาคาร.
THAI_BUILDING_NAMES: Final[tuple[str, ...]] = (
    "ศรีสยามทาวเวอร์", "ไทยเจริญพลาซ่า", "รุ่งเรืองคอมเพล็กซ์", "เอเชียเซ็นเตอร์", "สาทรซิตี้ทาวเวอร์",
    "สีลมคอมเพล็กซ์", "โชคชัยทาวเวอร์", "เพชรเกษมพลาซ่า", "อุดมสุขทาวเวอร์", "ไพบูลย์บิสซิเนสเซ็นเตอร์",
    "วัฒนาเฮาส์", "มงคลทาวเวอร์", "แสงทองธานี", "จัสมินคอร์ท", "เดอะไนน์",
)

# The first address line. Placeholders: {no} house number ("99/12"), {moo} village number 1–15,
# {soi}, {road}, {village}, {building} from the lists above, {floor} 2–30.
THAI_ADDRESS_LINE_FORMS: Final[tuple[str, ...]] = (
    "{no} ถนน{road}",
    "{no} ถ.{road}",
    "{no} ซอย{soi} ถนน{road}",
    "{no} ซ.{soi} ถ.{road}",
    "{no} หมู่ที่ {moo}",
    "{no} ม.{moo}",
    "{no} หมู่ที่ {moo} ถนน{road}",
    "{no} หมู่บ้าน{village} ซอย{soi}",
    "{no} หมู่บ้าน{village} หมู่ที่ {moo} ถนน{road}",
    "{no} อาคาร{building} ชั้น {floor} ถนน{road}",
)

# --------------------------------------------------------------------------------------------------
# E-mail and LINE
# --------------------------------------------------------------------------------------------------

# Free mail services, most used first.
PERSONAL_EMAIL_DOMAINS: Final[tuple[str, ...]] = (
    "gmail.com", "hotmail.com", "yahoo.co.th", "outlook.co.th", "outlook.com", "yahoo.com", "icloud.com",
    "live.com", "hotmail.co.th",
)

# Suffixes for a company's own domain, e.g. "rungrueang" + ".co.th".
COMPANY_EMAIL_SUFFIXES: Final[tuple[str, ...]] = ("co.th", "com", "net", "in.th", "biz")

# Shared mailboxes a company publishes ("sales@...").
COMPANY_EMAIL_MAILBOXES: Final[tuple[str, ...]] = (
    "info", "sales", "contact", "admin", "purchase", "account", "hr", "support", "office", "service",
)

# LINE ids made from a nickname's romanisation. Placeholders: {nick} (from THAI_NICKNAMES), {year} the
# four-digit birth year (CE), {yy} its last two digits, {nn} a number 1–99. LINE ids allow only
# a-z, 0-9, ".", "_" and "-", at most 20 characters.
LINE_ID_PATTERNS: Final[tuple[str, ...]] = (
    "{nick}_{year}",
    "{nick}{yy}",
    "{nick}.{nn}",
    "{nick}_{nn}",
    "{nick}-{year}",
    "{nick}{year}",
    "{nick}{nick}",
    "{nick}_{yy}",
)
