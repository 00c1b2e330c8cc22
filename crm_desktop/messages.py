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
}


def translate(template: str, lang: str) -> str:
    """Return the template in `lang`, falling back to English when no Thai text exists."""
    if lang == "th":
        return THAI.get(template, template)
    return template
