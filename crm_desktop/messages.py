"""Thai text for the messages the non-Qt layers produce.

The core does not use Qt, so its user-facing sentences are translated here: the English
template is the key. Views and the CLI both call `translate` through `DomainError.text`.
"""

from __future__ import annotations

THAI: dict[str, str] = {
    "Nothing was saved: {reason}": "ไม่ได้บันทึก: {reason}",
    # services/validation.py
    "A tax ID may contain only digits, spaces and dashes.": "เลขประจำตัวผู้เสียภาษีต้องเป็นตัวเลขเท่านั้น (เว้นวรรคหรือขีดได้)",
    "A tax ID has 13 digits; this one has {count}.": "เลขประจำตัวผู้เสียภาษีต้องมี 13 หลัก แต่ที่กรอกมี {count} หลัก",
    "Tax ID {value} is not valid: its last digit does not match. Check for a typing mistake.": (
        "เลขประจำตัวผู้เสียภาษี {value} ไม่ถูกต้อง: หลักสุดท้ายไม่ตรงกับเลขตรวจสอบ โปรดตรวจดูว่าพิมพ์ผิดหรือไม่"
    ),
    "A branch code has 5 digits, for example 00000 for the head office.": (
        "รหัสสาขาต้องเป็นตัวเลข 5 หลัก เช่น 00000 สำหรับสำนักงานใหญ่"
    ),
    "An email address can have at most {max_len} characters.": "อีเมลยาวได้ไม่เกิน {max_len} ตัวอักษร",
    "{value} is not an email address.": "{value} ไม่ใช่ที่อยู่อีเมลที่ถูกต้อง",
    "{value} is not a phone number.": "{value} ไม่ใช่หมายเลขโทรศัพท์ที่ถูกต้อง",
    "{value} is not a valid Thai phone number: mobiles have 10 digits, Bangkok numbers 9 (02 xxx xxxx).": (
        "{value} ไม่ใช่หมายเลขโทรศัพท์ที่ถูกต้อง: มือถือมี 10 หลัก โทรศัพท์บ้านในกรุงเทพฯ มี 9 หลัก (02 xxx xxxx)"
    ),
    "{value} is not a mobile number.": "{value} ไม่ใช่หมายเลขโทรศัพท์มือถือ",
    "A postcode has 5 digits.": "รหัสไปรษณีย์ต้องเป็นตัวเลข 5 หลัก",
    "{value} is not a Thai province.": "ไม่พบจังหวัด {value}",
    "Too long: at most {max_len} characters, this has {length}.": (
        "ยาวเกินไป: ได้ไม่เกิน {max_len} ตัวอักษร แต่มี {length} ตัวอักษร"
    ),
    "This field is required.": "กรุณากรอกข้อมูลช่องนี้",
    "This date is in the future.": "วันที่นี้ยังไม่ถึง (เป็นวันในอนาคต)",
    "A date before {year} is not accepted; check the year.": "ไม่รับวันที่ก่อน ค.ศ. {year} โปรดตรวจสอบปี",
    # services/formatting.py
    "Enter a date as day/month/year, for example 23/11/2026.": "กรอกวันที่ในรูปแบบ วัน/เดือน/ปี เช่น 23/11/2569",
    "Write the year with 4 digits, for example 23/11/2026.": "กรอกปีเป็นตัวเลข 4 หลัก เช่น 23/11/2569",
    "{text} is not a real date: check the day and month.": "{text} ไม่ใช่วันที่ที่มีอยู่จริง โปรดตรวจสอบวันและเดือน",
    "Enter an amount.": "กรุณากรอกจำนวนเงิน",
    "{text} is not an amount of money.": "{text} ไม่ใช่จำนวนเงินที่ถูกต้อง",
    "An amount has at most 2 decimals (satang): {text}.": "จำนวนเงินมีทศนิยมได้ไม่เกิน 2 ตำแหน่ง (สตางค์): {text}",
    "{text} is too large an amount.": "จำนวนเงิน {text} มากเกินไป",
    # db/, services/, cli.py
    "A branch code needs a tax id.": "ต้องมีเลขประจำตัวผู้เสียภาษีก่อนจึงจะใส่รหัสสาขาได้",
    "A record this one points to no longer exists. Refresh and try again.": (
        "ข้อมูลที่รายการนี้อ้างถึงถูกลบไปแล้ว โปรดรีเฟรชแล้วลองอีกครั้ง"
    ),
    "An account cannot be its own parent, directly or through others.": (
        "บริษัทจะเป็นบริษัทแม่ของตัวเองไม่ได้ ทั้งโดยตรงและผ่านบริษัทอื่น"
    ),
    "Another program is using the database right now. Try again in a moment.": (
        "มีโปรแกรมอื่นกำลังใช้ฐานข้อมูลอยู่ โปรดลองอีกครั้งในอีกสักครู่"
    ),
    "Cancelled: nothing was saved.": "ยกเลิกแล้ว: ไม่มีการบันทึกข้อมูลใด ๆ",
    "Cannot create the folder {path}: {reason}": "สร้างโฟลเดอร์ {path} ไม่ได้: {reason}",
    "Could not write the backup {path}: {reason}": "เขียนไฟล์สำรองข้อมูล {path} ไม่ได้: {reason}",
    "The account was deleted by someone else. Refresh the list.": "บริษัทนี้ถูกลบไปแล้ว โปรดรีเฟรชรายการ",
    "The chosen account no longer exists.": "ไม่พบบริษัทที่เลือกแล้ว (อาจถูกลบไป)",
    "The chosen owner no longer exists.": "ไม่พบผู้รับผิดชอบที่เลือกแล้ว (อาจถูกลบไป)",
    "The contact was deleted by someone else. Refresh the list.": "ผู้ติดต่อนี้ถูกลบไปแล้ว โปรดรีเฟรชรายการ",
    "The database already has accounts or contacts; sample data only goes into an empty one. "
    "Use --db to choose a new file.": (
        "ฐานข้อมูลนี้มีบริษัทหรือผู้ติดต่ออยู่แล้ว ข้อมูลตัวอย่างใส่ได้เฉพาะฐานข้อมูลว่าง "
        "ใช้ --db เพื่อเลือกไฟล์ใหม่"
    ),
    "The database file cannot be opened. Check that its folder exists and is writable.": (
        "เปิดไฟล์ฐานข้อมูลไม่ได้ โปรดตรวจสอบว่ามีโฟลเดอร์นั้นอยู่และเขียนได้"
    ),
    "The database file is damaged. Restore it from a backup.": "ไฟล์ฐานข้อมูลเสียหาย โปรดกู้คืนจากไฟล์สำรอง",
    "The database file is read-only. Check the file's permissions.": (
        "ไฟล์ฐานข้อมูลเป็นแบบอ่านอย่างเดียว โปรดตรวจสอบสิทธิ์ของไฟล์"
    ),
    "The database reported an error: {reason}": "ฐานข้อมูลแจ้งข้อผิดพลาด: {reason}",
    "The database {path} is already open in another crm_desktop window. Close that window first.": (
        "ฐานข้อมูล {path} เปิดอยู่ในหน้าต่าง crm_desktop อื่นแล้ว โปรดปิดหน้าต่างนั้นก่อน"
    ),
    "The disk could not be read or written. Check the drive and try again.": (
        "อ่านหรือเขียนดิสก์ไม่ได้ โปรดตรวจสอบไดรฟ์แล้วลองอีกครั้ง"
    ),
    "The disk is full. Free some space and try again.": "ดิสก์เต็ม โปรดเพิ่มพื้นที่ว่างแล้วลองอีกครั้ง",
    "The file is not a crm_desktop database or it is damaged.": "ไฟล์นี้ไม่ใช่ฐานข้อมูล crm_desktop หรือไฟล์เสียหาย",
    "The parent account no longer exists.": "ไม่พบบริษัทแม่ที่เลือกแล้ว (อาจถูกลบไป)",
    "The record no longer exists.": "ไม่พบข้อมูลนี้แล้ว",
    "The record was already deleted by someone else. Refresh the list.": "ข้อมูลนี้ถูกลบไปแล้ว โปรดรีเฟรชรายการ",
    "This database was written by a newer version of crm_desktop (schema {rev}). "
    "Install the newer version to open it; nothing was changed.": (
        "ฐานข้อมูลนี้สร้างโดย crm_desktop รุ่นที่ใหม่กว่า (schema {rev}) "
        "โปรดติดตั้งรุ่นใหม่เพื่อเปิดไฟล์นี้ ไม่มีการแก้ไขข้อมูลใด ๆ"
    ),
    "Unknown gender {value}.": "ไม่รู้จักเพศ {value}",
    "Unknown income band {value}.": "ไม่รู้จักช่วงรายได้ {value}",
    "{name} already has tax id {tax_id}, branch {branch}.": (
        "{name} ใช้เลขประจำตัวผู้เสียภาษี {tax_id} สาขา {branch} อยู่แล้ว"
    ),
    "{path} is not a crm_desktop database or it is damaged ({reason}).": (
        "{path} ไม่ใช่ฐานข้อมูล crm_desktop หรือไฟล์เสียหาย ({reason})"
    ),
}


def translate(template: str, lang: str) -> str:
    """Return the template in `lang`, falling back to English when no Thai text exists."""
    if lang == "th":
        return THAI.get(template, template)
    return template
