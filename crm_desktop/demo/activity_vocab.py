"""Words for the sample activities: subjects, outcomes, places and notes as a Thai sales office writes them.

Wording follows the seed articles (นัดประชุมกับลูกค้า, นัดโทรคุยกับลูกค้า, นัดส่งใบเสนอราคา, นัดแก้ไขปัญหา;
meetings at the customer's office, a hotel or a café). About one in ten is in English, as in offices that
serve foreign-owned companies. `{product}` is filled from the pipeline's interests. Only data here.
"""

from __future__ import annotations

from typing import Final

# (kind, weight): a sales office calls most, then writes e-mails and to-dos; visits and meetings take
# half a day each, so there are fewer of them; notes record what happened in between.
KIND_WEIGHTS: Final[tuple[tuple[str, int], ...]] = (
    ("call", 34), ("email", 19), ("task", 18), ("meeting", 10), ("visit", 11), ("note", 8),
)

THAI_SUBJECTS: Final[dict[str, tuple[str, ...]]] = {
    "call": (
        "โทรติดตามใบเสนอราคา{product}", "โทรนัดวันเข้าพบ", "โทรสอบถามความพึงพอใจหลังการขาย",
        "โทรแจ้งโปรโมชั่นประจำเดือน", "โทรติดตามการชำระเงิน", "โทรยืนยันวันส่งของ", "โทรคุยรายละเอียด{product}",
        "โทรแนะนำ{product} รุ่นใหม่", "โทรกลับลูกค้าเรื่องเคลมสินค้า", "โทรนัดช่างเข้าบำรุงรักษา{product}",
    ),
    "email": (
        "ส่งใบเสนอราคา{product}", "ส่งแคตตาล็อกสินค้า", "ส่งใบแจ้งหนี้และใบกำกับภาษี", "ตอบอีเมลสอบถามราคา{product}",
        "ส่งสรุปการประชุม", "ส่งสเปก{product} ให้ฝ่ายจัดซื้อ", "ส่งเงื่อนไขการรับประกัน{product}",
        "ส่งใบเสนอราคาฉบับแก้ไข",
    ),
    "task": (
        "เตรียมใบเสนอราคา{product}", "เตรียมเอกสารยื่นประกวดราคา", "ตรวจสต็อก{product} ก่อนส่ง", "ออกใบกำกับภาษี",
        "ต่อสัญญาบำรุงรักษา{product}", "ติดตามใบสั่งซื้อ (PO) จากลูกค้า", "อัปเดตข้อมูลลูกค้าในระบบ",
        "ขออนุมัติส่วนลดพิเศษจากหัวหน้า", "จองรถส่งของ",
    ),
    "meeting": (
        "ประชุมนำเสนอ{product}", "ประชุมสรุปความต้องการลูกค้า", "นัดเจรจาต่อรองราคา", "ประชุมทบทวนสัญญา",
        "นัดสาธิตการใช้งาน{product}", "ประชุมวางแผนติดตั้ง{product}",
    ),
    "visit": (
        "เข้าพบลูกค้าแนะนำ{product}", "เยี่ยมลูกค้า", "สำรวจหน้างานติดตั้ง{product}", "ส่งมอบและติดตั้ง{product}",
        "เข้าแก้ไขปัญหา{product}", "อบรมการใช้งาน{product}", "เก็บเช็คค่าสินค้า",
    ),
    "note": (
        "ลูกค้าแจ้งเปลี่ยนผู้ติดต่อฝ่ายจัดซื้อ", "ลูกค้าขอเลื่อนการชำระเงิน", "บันทึกข้อตกลงจากการคุยทางโทรศัพท์",
        "ลูกค้าสนใจ{product} เพิ่มเติม", "ลูกค้าเทียบราคากับคู่แข่ง", "ลูกค้าย้ายสำนักงาน", "ลูกค้าขอใบเสร็จฉบับใหม่",
    ),
}

ENGLISH_SUBJECTS: Final[dict[str, tuple[str, ...]]] = {
    "call": ("Follow up on the quotation", "Call to book a visit", "Confirm the delivery date"),
    "email": ("Send the quotation", "Send the product catalogue", "Send the meeting minutes"),
    "task": ("Prepare the quotation", "Renew the service contract", "Update the customer's details"),
    "meeting": ("Product presentation", "Price negotiation", "Contract review"),
    "visit": ("Customer visit", "Site survey", "Installation and hand-over"),
    "note": ("New purchasing contact", "Customer asked for longer payment terms", "Comparing us with a competitor"),
}

THAI_OUTCOMES: Final[dict[str, tuple[str, ...]]] = {
    "call": (
        "ลูกค้ารับสาย นัดเข้าพบสัปดาห์หน้า", "ไม่รับสาย จะโทรกลับพรุ่งนี้", "ลูกค้าขอเวลาพิจารณาอีก 1 สัปดาห์",
        "ลูกค้าตกลงตามใบเสนอราคา รอใบสั่งซื้อ", "ลูกค้าขอส่วนลดเพิ่มอีก 5%", "ยืนยันวันส่งของเรียบร้อย",
        "ลูกค้าพอใจบริการ ขอใบเสนอราคาเพิ่ม", "ฝากข้อความไว้กับเลขาฯ", "ลูกค้ายังไม่มีงบปีนี้ ให้ติดต่อไตรมาสหน้า",
        "ลูกค้าแจ้งโอนเงินแล้ว",
    ),
    "email": (
        "ลูกค้าตอบรับแล้ว", "ส่งแล้ว รอลูกค้าตอบกลับ", "ลูกค้าขอแก้จำนวนในใบเสนอราคา", "ลูกค้าขอเอกสารเพิ่มเติม",
        "ฝ่ายจัดซื้อยืนยันได้รับเอกสารแล้ว",
    ),
    "task": (
        "เรียบร้อย", "เสร็จแล้ว ส่งให้หัวหน้าตรวจ", "ส่งเอกสารให้ฝ่ายบัญชีแล้ว", "ปรับราคาตามที่ตกลงแล้ว",
        "หัวหน้าอนุมัติส่วนลดแล้ว",
    ),
    "meeting": (
        "ลูกค้าสนใจ ขอใบเสนอราคาภายในสัปดาห์นี้", "ตกลงราคาได้ เตรียมทำสัญญา", "ต้องนำเสนอผู้บริหารอีกรอบ",
        "ลูกค้าเลือกเจ้าอื่น เพราะราคาถูกกว่า", "สรุปขอบเขตงานครบแล้ว", "ลูกค้าขอทดลองใช้ 2 สัปดาห์",
    ),
    "visit": (
        "ติดตั้งเสร็จ ลูกค้าเซ็นรับงานแล้ว", "พบผู้จัดการ ได้ออร์เดอร์เพิ่ม", "ลูกค้าไม่อยู่ ฝากเอกสารไว้ที่ต้อนรับ",
        "แก้ไขปัญหาเรียบร้อย เปลี่ยนอะไหล่ 1 ชิ้น", "สำรวจหน้างานแล้ว ต้องเดินสายไฟเพิ่ม", "รับเช็คเรียบร้อย",
    ),
    "note": ("",),
}

ENGLISH_OUTCOMES: Final[dict[str, tuple[str, ...]]] = {
    "call": ("Reached the buyer, visit booked for next week", "No answer, will call back tomorrow",
             "Accepted the quotation, waiting for the PO"),
    "email": ("Customer replied and agreed", "Sent, waiting for a reply"),
    "task": ("Done", "Done, sent to the manager for review"),
    "meeting": ("Interested, wants a quotation this week", "Chose a competitor on price"),
    "visit": ("Installed and signed off", "Met the manager, got a repeat order"),
    "note": ("",),
}

CANCEL_REASONS: Final[tuple[str, ...]] = (
    "ลูกค้าขอยกเลิกนัด", "ลูกค้าติดธุระ ขอเลื่อนไปก่อน", "ลูกค้าสั่งซื้อไปแล้ว ไม่ต้องติดตาม",
)
ENGLISH_CANCEL_REASONS: Final[tuple[str, ...]] = ("Customer cancelled", "Postponed by the customer")

LOCATIONS: Final[dict[str, tuple[str, ...]]] = {
    "meeting": ("ห้องประชุมบริษัทลูกค้า", "ห้องประชุม 1 ที่ออฟฟิศ", "ร้านกาแฟใกล้บริษัทลูกค้า", "ล็อบบี้โรงแรม",
                "Zoom", "Google Meet", "LINE วิดีโอคอล"),
    "visit": ("บริษัทลูกค้า", "หน้างานลูกค้า", "โกดังลูกค้า", "สาขาของลูกค้า", "โรงงานลูกค้า"),
}

HANDOVER_NOTES: Final[tuple[str, ...]] = (
    "ฝากดูแลแทนช่วงลาพักร้อน", "ฝากช่างเข้าไปดูหน้างานแทน", "ลูกค้าขอคุยกับคุณโดยตรง ฝากด้วยนะ",
    "Please cover this while I'm on leave",
)

# Series every office has: the weekly sales meeting, a monthly visit to key accounts.
WEEKLY_MEETING: Final[str] = "ประชุมทีมขายประจำสัปดาห์"
WEEKLY_MEETING_PLACE: Final[str] = "ห้องประชุมใหญ่"
MONTHLY_VISIT: Final[str] = "เยี่ยมลูกค้าประจำเดือน"
MONTHLY_REPORT: Final[str] = "สรุปยอดขายประจำเดือนส่งหัวหน้า"

# Custom yearly dates: (title, on a contact?). Birthdays and founding days are the records' own dates.
ANNIVERSARIES: Final[tuple[tuple[str, bool], ...]] = (
    ("วันครบรอบแต่งงาน", True), ("วันครบรอบเป็นสมาชิก", True), ("Wedding anniversary", True),
    ("วันครบรอบสั่งซื้อครั้งแรก", False), ("วันครบรอบเป็นสมาชิก", False), ("วันครบรอบเปิดสาขา", False),
    ("First order anniversary", False),
)
