"""Thai text for the messages the non-Qt layers produce.

The core does not use Qt, so its user-facing sentences are translated here: the English
template is the key. Views and the CLI both call `translate` through `DomainError.text`.
"""

from __future__ import annotations

THAI: dict[str, str] = {
    "Nothing was saved: {reason}": "ไม่ได้บันทึก: {reason}",
    # errors.VersionConflict (several desktops)
    "Someone else changed this record after you opened it. Nothing was saved: open it again to see their change.": (
        "มีผู้อื่นแก้ไขระเบียนนี้หลังจากที่คุณเปิดขึ้นมา ยังไม่ได้บันทึกสิ่งใด: โปรดเปิดใหม่อีกครั้งเพื่อดูการแก้ไขนั้น"
    ),
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
    # services/imports.py, exchange/rejected.py, cli.py (import)
    "Unknown choice for duplicates: {value}.": "ไม่รู้จักวิธีจัดการรายการซ้ำ: {value}",
    "The matching record was deleted meanwhile; preview the file again.": (
        "ระเบียนที่ตรงกันถูกลบไปแล้วระหว่างนี้ โปรดดูตัวอย่างไฟล์อีกครั้ง"
    ),
    "Dry run, nothing written: {created} new, {updated} updated, {unchanged} unchanged, "
    "{skipped} duplicates skipped, {rejected} rows with errors.": (
        "ทดลองนำเข้า ไม่ได้บันทึกสิ่งใด: ใหม่ {created} รายการ ปรับปรุง {updated} ไม่เปลี่ยนแปลง {unchanged} "
        "ข้ามรายการซ้ำ {skipped} แถวที่มีข้อผิดพลาด {rejected}"
    ),
    "{created} new, {updated} updated, {unchanged} unchanged, {skipped} duplicates skipped, "
    "{rejected} rows with errors.": (
        "ใหม่ {created} รายการ ปรับปรุง {updated} ไม่เปลี่ยนแปลง {unchanged} ข้ามรายการซ้ำ {skipped} "
        "แถวที่มีข้อผิดพลาด {rejected}"
    ),
    "Nothing was imported: {count} rows have errors.": "ไม่ได้นำเข้าสิ่งใด: มี {count} แถวที่มีข้อผิดพลาด",
    "{count} rows with errors were left out.": "ข้ามแถวที่มีข้อผิดพลาด {count} แถว",
    "Problem": "ปัญหา",
    # services/formatting.py
    "Enter a date as day/month/year, for example 23/11/2026.": "กรอกวันที่ในรูปแบบ วัน/เดือน/ปี เช่น 23/11/2569",
    "Write the year with 4 digits, for example 23/11/2026.": "กรอกปีเป็นตัวเลข 4 หลัก เช่น 23/11/2569",
    "{text} is not a real date: check the day and month.": "{text} ไม่ใช่วันที่ที่มีอยู่จริง โปรดตรวจสอบวันและเดือน",
    "Enter an amount.": "กรุณากรอกจำนวนเงิน",
    "{text} is not an amount of money.": "{text} ไม่ใช่จำนวนเงินที่ถูกต้อง",
    "An amount has at most 2 decimals (satang): {text}.": "จำนวนเงินมีทศนิยมได้ไม่เกิน 2 ตำแหน่ง (สตางค์): {text}",
    "{text} is too large an amount.": "จำนวนเงิน {text} มากเกินไป",
    # services/company.py, reports/quotation.py, cli.py `quote pdf` (the quotation PDF)
    "The picture is larger than {size} MB; choose a smaller file.": "ไฟล์รูปภาพใหญ่เกิน {size} MB โปรดเลือกไฟล์ที่เล็กกว่านี้",
    "This file is not a picture that can be read (use PNG or JPEG).": (
        "ไฟล์นี้ไม่ใช่รูปภาพที่อ่านได้ (ใช้ไฟล์ PNG หรือ JPEG)"
    ),
    "This picture is too detailed to store as a logo; use a simpler one.": (
        "รูปภาพนี้มีรายละเอียดมากเกินกว่าจะเก็บเป็นโลโก้ได้ โปรดใช้รูปที่เรียบง่ายกว่านี้"
    ),
    "There is no quotation {number}.": "ไม่พบใบเสนอราคาเลขที่ {number}",
    "There is no revision {revision} of quotation {number}.": "ไม่พบใบเสนอราคาเลขที่ {number} ฉบับแก้ไขครั้งที่ {revision}",
    "The quotation was deleted or never existed.": "ใบเสนอราคานี้ถูกลบไปแล้วหรือไม่มีอยู่",
    "Write the number as printed, for example QT2569-0001 or \"QT2569-0001 rev 2\".": (
        "พิมพ์เลขที่ตามที่พิมพ์บนเอกสาร เช่น QT2569-0001 หรือ \"QT2569-0001 rev 2\""
    ),
    "Wrote the quotation to {path}": "บันทึกใบเสนอราคาไว้ที่ {path} แล้ว",
    # reports/monthly/, cli.py `report monthly` (the monthly sales report PDF)
    "{month} has not begun yet; give this month or an earlier one.": (
        "เดือน {month} ยังไม่เริ่ม โปรดระบุเดือนนี้หรือเดือนก่อนหน้า"
    ),
    "Wrote the monthly report for {month} to {path}": "บันทึกรายงานประจำเดือน {month} ไว้ที่ {path} แล้ว",
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
    "The backup {path} could not be read: {reason}": "อ่านไฟล์สำรองข้อมูล {path} ไม่ได้: {reason}",
    "The office server was restored from a backup on another desk. Nothing more is saved here: close the "
    "program and start it again to work on the restored data.": (
        "มีการกู้คืนข้อมูลของเซิร์ฟเวอร์สำนักงานจากข้อมูลสำรองที่เครื่องอื่น เครื่องนี้จะไม่บันทึกอะไรอีก "
        "ปิดโปรแกรมแล้วเปิดใหม่เพื่อทำงานกับข้อมูลที่กู้คืนแล้ว"
    ),
    "The office server's data is at schema {rev}, where this version works with {head}: open it in the app "
    "once, then back it up.": (
        "ข้อมูลบนเซิร์ฟเวอร์สำนักงานใช้โครงสร้างรุ่น {rev} แต่โปรแกรมรุ่นนี้ใช้รุ่น {head} "
        "เปิดฐานข้อมูลในโปรแกรมหนึ่งครั้งก่อน แล้วจึงสำรองข้อมูล"
    ),
    "{path} holds the data of schema {rev}, where this version works with {head}: restore it with the version "
    "that made it.": (
        "{path} เก็บข้อมูลของโครงสร้างรุ่น {rev} แต่โปรแกรมรุ่นนี้ใช้รุ่น {head} "
        "ให้กู้คืนด้วยโปรแกรมรุ่นที่สร้างไฟล์นั้น"
    ),
    "{path} was made by pg_dump, and pg_restore is not installed on this computer. Install PostgreSQL's client "
    "programs, or restore a backup made without them.": (
        "{path} สร้างด้วย pg_dump แต่เครื่องนี้ไม่มี pg_restore ติดตั้งโปรแกรมไคลเอนต์ของ PostgreSQL "
        "หรือกู้คืนจากข้อมูลสำรองที่สร้างโดยไม่ใช้โปรแกรมเหล่านั้น"
    ),
    # --- backups: db/backup.py, db/restore.py, services/backups.py (begin) ---
    "There is no database at {path}.": "ไม่พบฐานข้อมูลที่ {path}",
    "{path} is the database itself; choose a backup file.": (
        "{path} คือไฟล์ฐานข้อมูลที่ใช้งานอยู่ โปรดเลือกไฟล์สำรองข้อมูล"
    ),
    "{path} is not a SQLite database, so it is not a crm_desktop backup.": (
        "{path} ไม่ใช่ไฟล์ฐานข้อมูล SQLite จึงไม่ใช่ไฟล์สำรองข้อมูลของ crm_desktop"
    ),
    "{path} holds no crm_desktop data, so it was not restored.": (
        "{path} ไม่มีข้อมูลของ crm_desktop จึงไม่ได้กู้คืน"
    ),
    "The backup {path} is damaged and was not restored: {reason}": (
        "ไฟล์สำรองข้อมูล {path} เสียหาย จึงไม่ได้กู้คืน: {reason}"
    ),
    "Nothing was restored: {reason}": "ไม่ได้กู้คืนข้อมูลใด ๆ: {reason}",
    "Keep from {low} to {high} backups.": "เก็บไฟล์สำรองข้อมูลได้ตั้งแต่ {low} ถึง {high} ชุด",
    "The database {path} failed its check ({problem}). Nothing was changed. See the details with "
    "`crm-desktop check`; go back to a backup with `crm-desktop restore FILE`.": (
        "ฐานข้อมูล {path} ไม่ผ่านการตรวจสอบ ({problem}) ไม่มีการแก้ไขข้อมูลใด ๆ "
        "ดูรายละเอียดด้วยคำสั่ง `crm-desktop check` และกู้คืนจากไฟล์สำรองข้อมูลด้วยคำสั่ง `crm-desktop restore FILE`"
    ),
    # --- backups (end) ---
    # --- database files and output files, command line: db/probe.py, db/output.py, db/migrate.py, cli.py ---
    "{path} is a database of another program, not of crm_desktop. It was not changed; choose another file.": (
        "{path} เป็นฐานข้อมูลของโปรแกรมอื่น ไม่ใช่ของ crm_desktop จึงไม่ได้แก้ไขไฟล์นี้ โปรดเลือกไฟล์อื่น"
    ),
    "{path} is not a crm_desktop database (not a SQLite file at all). It was not changed.": (
        "{path} ไม่ใช่ฐานข้อมูล crm_desktop (ไม่ใช่ไฟล์ SQLite เลย) จึงไม่ได้แก้ไขไฟล์นี้"
    ),
    "{path} is a folder; give the path of a database file.": "{path} เป็นโฟลเดอร์ โปรดระบุตำแหน่งของไฟล์ฐานข้อมูล",
    "The database {path} was made by an older version of crm_desktop. Open it once in the app to "
    "bring it up to date; this command only reads and changed nothing.": (
        "ฐานข้อมูล {path} สร้างโดย crm_desktop รุ่นเก่ากว่า โปรดเปิดไฟล์นี้ในโปรแกรมหนึ่งครั้งเพื่อปรับให้เป็นรุ่นปัจจุบัน "
        "คำสั่งนี้อ่านข้อมูลอย่างเดียวและไม่ได้แก้ไขอะไร"
    ),
    "The database {path} could not be brought up to date, so it was left as it was ({reason}).": (
        "ปรับฐานข้อมูล {path} ให้เป็นรุ่นปัจจุบันไม่สำเร็จ จึงคงไว้ตามเดิม ({reason})"
    ),
    "Cannot open {path} for writing: {reason}": "เปิด {path} เพื่อบันทึกข้อมูลไม่ได้: {reason}",
    "{path} is a folder; give a file name.": "{path} เป็นโฟลเดอร์ โปรดระบุชื่อไฟล์",
    "{path} is the database itself (or one of its files); it was not touched. Choose another file name.": (
        "{path} คือไฟล์ฐานข้อมูลเอง (หรือไฟล์ประกอบของฐานข้อมูล) จึงไม่ได้เขียนทับ โปรดตั้งชื่อไฟล์อื่น"
    ),
    "{path} is one of the database's backups; it was not touched. Choose another file name.": (
        "{path} เป็นไฟล์สำรองข้อมูลของฐานข้อมูลนี้ จึงไม่ได้เขียนทับ โปรดตั้งชื่อไฟล์อื่น"
    ),
    "{path} already exists. Choose another file name, or replace it with --force.": (
        "มีไฟล์ {path} อยู่แล้ว โปรดตั้งชื่อไฟล์อื่น หรือใช้ --force เพื่อเขียนทับ"
    ),
    "Could not write {path}: {reason}": "เขียนไฟล์ {path} ไม่สำเร็จ: {reason}",
    "A file could not be read or written: {reason}": "อ่านหรือเขียนไฟล์ไม่ได้: {reason}",
    "The limit must be 1 or more, not {limit}.": "จำนวนสูงสุดต้องเป็น 1 ขึ้นไป ไม่ใช่ {limit}",
    "{reason} (see {prog} --help)": "คำสั่งไม่ถูกต้อง: {reason} (ดู {prog} --help)",
    "{value} is not valid UTF-8 text; rename the file or retype the argument.": (
        "{value} ไม่ใช่ข้อความ UTF-8 ที่ถูกต้อง โปรดเปลี่ยนชื่อไฟล์หรือพิมพ์ใหม่"
    ),
    "Unexpected error ({reason}). To see where it happened, run the command again with {env}=1 set.": (
        "เกิดข้อผิดพลาดที่ไม่คาดคิด ({reason}) หากต้องการดูว่าเกิดที่ใด โปรดรันคำสั่งอีกครั้งโดยตั้งค่า {env}=1"
    ),
    "Unexpected error ({reason}). To see where it happened, run the command again with {env}=1 set; "
    "details in {log}": (
        "เกิดข้อผิดพลาดที่ไม่คาดคิด ({reason}) หากต้องการดูว่าเกิดที่ใด โปรดรันคำสั่งอีกครั้งโดยตั้งค่า {env}=1 "
        "รายละเอียดอยู่ใน {log}"
    ),
    # --- database files and output files (end) ---
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
    # db/server.py, db/migrate.py, db/database.py: the office server
    "{url} is not a database address ({reason}).": "{url} ไม่ใช่ที่อยู่ฐานข้อมูล ({reason})",
    "The server address {url} names no database: add /name at its end.": (
        "ที่อยู่เซิร์ฟเวอร์ {url} ไม่ได้ระบุชื่อฐานข้อมูล โปรดเติม /ชื่อฐานข้อมูล ต่อท้าย"
    ),
    "Cannot reach the office server {url}: {reason}": "ติดต่อเซิร์ฟเวอร์ของสำนักงาน {url} ไม่ได้: {reason}",
    "The server database {url} is empty. Open it once in the app to set it up.": (
        "ฐานข้อมูลบนเซิร์ฟเวอร์ {url} ยังว่างอยู่ โปรดเปิดในโปรแกรมหนึ่งครั้งเพื่อตั้งค่า"
    ),
    "The server database {url} belongs to another program, not to crm_desktop. It was not changed; "
    "choose another database.": (
        "ฐานข้อมูลบนเซิร์ฟเวอร์ {url} เป็นของโปรแกรมอื่น ไม่ใช่ของ crm_desktop ไม่ได้เปลี่ยนแปลงอะไร "
        "โปรดเลือกฐานข้อมูลอื่น"
    ),
    "The server database {url} is not a crm_desktop database or it is damaged ({reason}).": (
        "ฐานข้อมูลบนเซิร์ฟเวอร์ {url} ไม่ใช่ฐานข้อมูล crm_desktop หรือเสียหาย ({reason})"
    ),
    "The server database {url} could not be brought up to date, so it was left as it was ({reason}).": (
        "ปรับฐานข้อมูลบนเซิร์ฟเวอร์ {url} เป็นรุ่นล่าสุดไม่สำเร็จ จึงคงไว้ตามเดิม ({reason})"
    ),
    "Cannot write in the folder {path}: {reason}": "เขียนไฟล์ในโฟลเดอร์ {path} ไม่ได้: {reason}",
    # services/logins.py: the first password of an office server
    "An owner already has a password: log in as them to set or reset passwords.": (
        "เจ้าของมีรหัสผ่านแล้ว โปรดเข้าสู่ระบบในชื่อเจ้าของเพื่อตั้งหรือรีเซ็ตรหัสผ่าน"
    ),
    "Only an active owner can have the first password.": "รหัสผ่านแรกตั้งได้เฉพาะเจ้าของที่ยังใช้งานอยู่",
    "Nobody can log in yet: open this database once in the app, which asks for the owner's first password.": (
        "ยังไม่มีใครเข้าสู่ระบบได้ โปรดเปิดฐานข้อมูลนี้ในโปรแกรมหนึ่งครั้ง โปรแกรมจะให้ตั้งรหัสผ่านแรกของเจ้าของ"
    ),
    # services/connections.py: File > Connect to an office server
    "Type the server's name or address.": "กรุณาพิมพ์ชื่อหรือที่อยู่ของเซิร์ฟเวอร์",
    "Type the name of the database on the server.": "กรุณาพิมพ์ชื่อฐานข้อมูลบนเซิร์ฟเวอร์",
    "Type the user name the server knows this office by.": "กรุณาพิมพ์ชื่อผู้ใช้ที่เซิร์ฟเวอร์ใช้สำหรับสำนักงานนี้",
    "A port is a number from 1 to 65535.": "พอร์ตต้องเป็นตัวเลขตั้งแต่ 1 ถึง 65535",
    "pg_dump is not installed on this computer, so the office server cannot be backed up from here. Install "
    "PostgreSQL's client programs, or back the server up on it.": (
        "เครื่องนี้ไม่มีโปรแกรม pg_dump จึงสำรองข้อมูลเซิร์ฟเวอร์ของสำนักงานจากที่นี่ไม่ได้ "
        "โปรดติดตั้งโปรแกรมฝั่งไคลเอนต์ของ PostgreSQL หรือสำรองข้อมูลที่ตัวเซิร์ฟเวอร์"
    ),
    "An office server is restored by its administrator with pg_restore, while no desk is connected: "
    "pg_restore --clean --single-transaction -d DATABASE BACKUP.dump": (
        "การกู้คืนเซิร์ฟเวอร์ของสำนักงานต้องให้ผู้ดูแลทำด้วย pg_restore ขณะที่ไม่มีเครื่องใดเชื่อมต่ออยู่: "
        "pg_restore --clean --single-transaction -d DATABASE BACKUP.dump"
    ),
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
    # --- pipeline: services/stages.py, services/opportunities.py, services/targets.py (begin) ---
    "There is already a stage named {name}.": "มีขั้นตอนการขายชื่อ {name} อยู่แล้ว",
    "A probability is a whole percentage from 0 to 100.": "โอกาสสำเร็จต้องเป็นจำนวนเต็มร้อยละ 0 ถึง 100",
    "A stage is open, won or lost.": "ขั้นตอนการขายต้องเป็นแบบ กำลังดำเนินการ ปิดการขายได้ หรือ ปิดการขายไม่ได้",
    "The pipeline needs at least one open stage; this change would leave none.": (
        "ไปป์ไลน์ต้องมีขั้นตอนแบบกำลังดำเนินการอย่างน้อยหนึ่งขั้น การเปลี่ยนแปลงนี้จะทำให้ไม่เหลือเลย"
    ),
    "The pipeline needs at least one won stage; this change would leave none.": (
        "ไปป์ไลน์ต้องมีขั้นตอนแบบปิดการขายได้อย่างน้อยหนึ่งขั้น การเปลี่ยนแปลงนี้จะทำให้ไม่เหลือเลย"
    ),
    "The pipeline needs at least one lost stage; this change would leave none.": (
        "ไปป์ไลน์ต้องมีขั้นตอนแบบปิดการขายไม่ได้อย่างน้อยหนึ่งขั้น การเปลี่ยนแปลงนี้จะทำให้ไม่เหลือเลย"
    ),
    "Stage {name} holds deals, so it cannot change between open, won and lost. "
    "Move its deals to another stage first.": (
        "ขั้นตอน {name} ยังมีดีลอยู่ จึงเปลี่ยนประเภท (กำลังดำเนินการ/ปิดได้/ปิดไม่ได้) ไม่ได้ "
        "โปรดย้ายดีลไปขั้นตอนอื่นก่อน"
    ),
    "The stages changed meanwhile. Refresh the list and try again.": (
        "ขั้นตอนการขายถูกแก้ไขไปแล้วระหว่างนี้ โปรดรีเฟรชรายการแล้วลองอีกครั้ง"
    ),
    "This stage still holds {count} deal(s). Move them to another stage before deleting it.": (
        "ขั้นตอนนี้ยังมีดีลอยู่ {count} รายการ โปรดย้ายดีลไปขั้นตอนอื่นก่อนลบ"
    ),
    "The stage was deleted by someone else. Refresh the list.": "ขั้นตอนการขายนี้ถูกลบไปแล้ว โปรดรีเฟรชรายการ",
    "An amount must be a whole number of satang.": "จำนวนเงินต้องเป็นจำนวนเต็มหน่วยสตางค์",
    "An amount cannot be negative.": "จำนวนเงินติดลบไม่ได้",
    "This amount is too large.": "จำนวนเงินนี้มากเกินไป",
    "The chosen stage no longer exists.": "ไม่พบขั้นตอนการขายที่เลือกแล้ว (อาจถูกลบไป)",
    "Choose why the deal was lost.": "กรุณาเลือกเหตุผลที่ปิดการขายไม่ได้",
    "{value} is not in the list of loss reasons.": "{value} ไม่อยู่ในรายการเหตุผลที่ปิดการขายไม่ได้",
    "The chosen contact no longer exists.": "ไม่พบผู้ติดต่อที่เลือกแล้ว (อาจถูกลบไป)",
    "The deal was deleted by someone else. Refresh the list.": "ดีลนี้ถูกลบไปแล้ว โปรดรีเฟรชรายการ",
    "Enter a month as YYYY-MM, for example 2026-11.": "กรอกเดือนในรูปแบบ ปปปป-ดด (ปี ค.ศ.) เช่น 2026-11",
    "Write the year of {month} in the Christian era, for example 2026-11.": (
        "กรอกปีของ {month} เป็นปี ค.ศ. เช่น 2026-11"
    ),
    "A commission rate is between 0 % and 100 %.": "อัตราค่าคอมมิชชันต้องอยู่ระหว่าง 0% ถึง 100%",
    # services/settings.py (customer ranking weights)
    "A weight is a whole number from 0 to {max}.": "น้ำหนักต้องเป็นจำนวนเต็มตั้งแต่ 0 ถึง {max}",
    "At least one weight must be above 0.": "ต้องมีน้ำหนักอย่างน้อยหนึ่งค่าที่มากกว่า 0",
    # --- pipeline (end) ---
    # --- services/duplicates.py (duplicate check, merge and undo) ---
    "Unknown kind of record {kind}.": "ไม่รู้จักประเภทข้อมูล {kind}",
    "A record cannot be merged with itself.": "ไม่สามารถรวมข้อมูลกับตัวเองได้",
    "{name} cannot be merged.": "ไม่สามารถรวมช่อง {name} ได้",
    "Choose the winner's or the loser's value for {name}.": (
        "โปรดเลือกว่าจะใช้ค่าของ {name} จากข้อมูลที่เก็บไว้หรือจากข้อมูลที่จะรวมเข้า"
    ),
    "One of the records to merge was deleted by someone else. Refresh the list.": (
        "ข้อมูลที่จะรวมถูกลบไปแล้ว โปรดรีเฟรชรายการ"
    ),
    "The merge no longer exists.": "ไม่พบประวัติการรวมข้อมูลนี้แล้ว",
    "This merge was already undone.": "การรวมข้อมูลนี้ถูกยกเลิกไปแล้ว",
    "The merged records no longer exist.": "ไม่พบข้อมูลที่ถูกรวมแล้ว",
    "The merged record was edited after the merge ({field}); the merge cannot be undone.": (
        "ข้อมูลที่รวมแล้วถูกแก้ไขหลังการรวม ({field}) จึงยกเลิกการรวมไม่ได้"
    ),
    # --- end services/duplicates.py ---
    # --- leads, scoring, pick lists, convert (services/leads.py, scoring.py, picklists.py, convert.py) ---
    "Unknown list {kind}.": "ไม่รู้จักรายการ {kind}",
    "{value} is already in the list.": "{value} มีอยู่ในรายการแล้ว",
    "Unknown timeframe {value}.": "ไม่รู้จักช่วงเวลาที่จะซื้อ {value}",
    "A budget cannot be negative.": "งบประมาณติดลบไม่ได้",
    "Unknown lead field {value}.": "ไม่รู้จักช่องข้อมูลลีด {value}",
    "Unknown condition {value}.": "ไม่รู้จักเงื่อนไข {value}",
    "A weight is a whole number from -{max} to {max}.": "คะแนนต้องเป็นจำนวนเต็มตั้งแต่ -{max} ถึง {max}",
    "At least / at most works only for the budget and the timeframe.": (
        "เงื่อนไข \"ตั้งแต่\" / \"ไม่เกิน\" ใช้ได้เฉพาะงบประมาณและช่วงเวลาที่จะซื้อ"
    ),
    "For the budget use equals, at least or at most.": "สำหรับงบประมาณ ให้ใช้เงื่อนไข เท่ากับ ตั้งแต่ หรือ ไม่เกิน",
    "The scoring rule was deleted by someone else. Refresh the list.": "เกณฑ์การให้คะแนนนี้ถูกลบไปแล้ว โปรดรีเฟรชรายการ",
    "Enter the person's name or the company name.": "กรุณากรอกชื่อผู้ติดต่อหรือชื่อบริษัท",
    "Unknown lead source {value}.": "ไม่รู้จักแหล่งที่มาของลีด {value}",
    "The chosen campaign no longer exists.": "ไม่พบแคมเปญที่เลือกแล้ว (อาจถูกลบไป)",
    "The lead was deleted by someone else. Refresh the list.": "ลีดนี้ถูกลบไปแล้ว โปรดรีเฟรชรายการ",
    "Only a new lead can be marked as contacted.": "บันทึกว่าติดต่อแล้วได้เฉพาะลีดใหม่",
    "Only a new or contacted lead can be qualified.": "ผ่านการคัดกรองได้เฉพาะลีดใหม่หรือลีดที่ติดต่อแล้ว",
    "Only a new, contacted or qualified lead can be disqualified.": (
        "ตัดออกได้เฉพาะลีดใหม่ ลีดที่ติดต่อแล้ว หรือลีดที่ผ่านการคัดกรองแล้ว"
    ),
    "Only a disqualified lead can be reopened.": "เปิดใหม่ได้เฉพาะลีดที่ถูกตัดออก",
    "Only a qualified lead can be converted.": "แปลงเป็นลูกค้าได้เฉพาะลีดที่ผ่านการคัดกรองแล้ว",
    "This lead was already converted; work on its account, contact or deal instead.": (
        "ลีดนี้แปลงเป็นลูกค้าแล้ว โปรดทำงานต่อที่บริษัท ผู้ติดต่อ หรือดีลที่สร้างจากลีดนี้"
    ),
    "There is no active sales rep or manager to hand the lead to.": (
        "ไม่มีพนักงานขายหรือผู้จัดการที่ใช้งานอยู่ให้ส่งต่อลีดนี้"
    ),
    "Choose why the lead is disqualified.": "กรุณาเลือกเหตุผลที่ตัดลีดออก",
    "{value} is not one of the disqualify reasons.": "{value} ไม่อยู่ในรายการเหตุผลที่ตัดลีดออก",
    "Add the person's first name to the lead before converting it.": (
        "กรุณาเพิ่มชื่อผู้ติดต่อในลีดก่อนแปลงเป็นลูกค้า"
    ),
    "There is no open pipeline stage to start the deal in. Add one in the settings first.": (
        "ไม่มีขั้นตอนการขายที่เปิดอยู่สำหรับเริ่มดีล โปรดเพิ่มในการตั้งค่าก่อน"
    ),
    "A deal amount cannot be negative.": "มูลค่าดีลติดลบไม่ได้",
    # --- end leads ---
    # --- services/campaigns.py ---
    "There is already a campaign named {name}.": "มีแคมเปญชื่อ {name} อยู่แล้ว",
    "A campaign is planned, active or done.": "สถานะของแคมเปญต้องเป็น วางแผนไว้ กำลังดำเนินการ หรือ เสร็จสิ้น",
    "A campaign cannot end before it starts.": "วันสิ้นสุดของแคมเปญต้องไม่ก่อนวันเริ่มต้น",
    "The campaign was deleted by someone else. Refresh the list.": "แคมเปญนี้ถูกลบไปแล้ว โปรดรีเฟรชรายการ",
    "Campaign {name} is linked to {leads} lead(s) and {deals} deal(s), so it cannot be deleted. "
    "Mark it as done instead.": (
        "แคมเปญ {name} ยังเชื่อมโยงกับลีด {leads} รายการและดีล {deals} รายการ จึงลบไม่ได้ "
        "ให้เปลี่ยนสถานะเป็น \"เสร็จสิ้น\" แทน"
    ),
    # --- segments, campaign members and the mail merge (issue 18) ---
    "A segment is of contacts or of companies.": "กลุ่มเป้าหมายต้องเป็นกลุ่มของผู้ติดต่อหรือของบริษัท",
    "A segment needs a name.": "โปรดตั้งชื่อกลุ่มเป้าหมาย",
    "A segment needs at least one condition; without one it holds everyone.": (
        "กลุ่มเป้าหมายต้องมีเงื่อนไขอย่างน้อยหนึ่งข้อ ถ้าไม่มีเงื่อนไขเลยจะรวมทุกคน"
    ),
    "A static list keeps its members; its conditions cannot be changed.": (
        "รายชื่อแบบคงที่เก็บสมาชิกไว้ตามเดิม จึงแก้ไขเงื่อนไขไม่ได้"
    ),
    "Segment condition {key} does not know the value {value}.": "เงื่อนไข {key} ของกลุ่มเป้าหมายไม่รู้จักค่า {value}",
    "Segment condition {key} is about people; a segment of companies cannot use it.": (
        "เงื่อนไข {key} ใช้กับบุคคลเท่านั้น กลุ่มเป้าหมายที่เป็นบริษัทจึงใช้ไม่ได้"
    ),
    "Segment condition {key} must be a list of texts.": "เงื่อนไข {key} ของกลุ่มเป้าหมายต้องเป็นรายการข้อความ",
    "Segment condition {key} must be a whole number from {low} to {high}.": (
        "เงื่อนไข {key} ของกลุ่มเป้าหมายต้องเป็นจำนวนเต็มตั้งแต่ {low} ถึง {high}"
    ),
    "Segment condition {key} must be true or false.": "เงื่อนไข {key} ของกลุ่มเป้าหมายต้องเป็น ใช่ หรือ ไม่ใช่",
    "Unknown segment condition {key}.": "ไม่รู้จักเงื่อนไข {key} ของกลุ่มเป้าหมาย",
    "The lowest age ({low}) is above the highest ({high}).": "อายุต่ำสุด ({low}) มากกว่าอายุสูงสุด ({high})",
    "The segment's conditions cannot be read: {reason}": "อ่านเงื่อนไขของกลุ่มเป้าหมายไม่ได้: {reason}",
    "There is already a segment named {name}.": "มีกลุ่มเป้าหมายชื่อ {name} อยู่แล้ว",
    "The segment was deleted by someone else. Refresh the list.": "กลุ่มเป้าหมายนี้ถูกลบไปแล้ว โปรดรีเฟรชรายการ",
    "The segment holds no one: there is nothing to save as a list.": (
        "ไม่มีใครอยู่ในกลุ่มเป้าหมายนี้ จึงไม่มีรายชื่อให้บันทึก"
    ),
    "The segment holds no one: nothing was exported.": "ไม่มีใครอยู่ในกลุ่มเป้าหมายนี้ จึงไม่ได้ส่งออกสิ่งใด",
    "The segment holds no one who agreed to marketing: nothing was exported.": (
        "ไม่มีใครในกลุ่มเป้าหมายนี้ที่ยินยอมรับข่าวสารการตลาด จึงไม่ได้ส่งออกสิ่งใด"
    ),
    "No one to add: the segment or list holds no one.": "ไม่มีใครให้เพิ่ม: กลุ่มเป้าหมายหรือรายชื่อนี้ว่างเปล่า",
    "Unknown response {value}.": "ไม่รู้จักผลตอบรับ {value}",
    "There is no product with the code {sku}.": "ไม่มีสินค้ารหัส {sku}",
    "The campaign has no message yet: write its template first.": "แคมเปญนี้ยังไม่มีข้อความ โปรดเขียนแม่แบบก่อน",
    "No member of the campaign has agreed to marketing and has an e-mail address: nothing was written.": (
        "ไม่มีสมาชิกของแคมเปญที่ยินยอมรับข่าวสารการตลาดและมีอีเมล จึงไม่ได้เขียนไฟล์ใด"
    ),
    "No member of the campaign has agreed to marketing and has a LINE ID: nothing was written.": (
        "ไม่มีสมาชิกของแคมเปญที่ยินยอมรับข่าวสารการตลาดและมี LINE ID จึงไม่ได้เขียนไฟล์ใด"
    ),
    "The template has a field the mail merge does not know: {{{name}}}. Known fields: {known}.": (
        "แม่แบบมีช่องข้อมูลที่ระบบไม่รู้จัก: {{{name}}} ช่องที่ใช้ได้: {known}"
    ),
    "The template has an opening or closing brace without its pair: a field is a name between two braces.": (
        "แม่แบบมีวงเล็บปีกกาเปิดหรือปิดที่ไม่ครบคู่: ช่องข้อมูลต้องเป็นชื่อที่อยู่ระหว่างวงเล็บปีกกาเปิดและปิด"
    ),
    # --- end campaigns ---
    # --- sync: field rules (sync/rules.py), the manifest, repairs (sync/invariants.py) (begin) ---
    "Line {line} of {name} is refused: the {field} of {entity} {row} has {length} characters, more than the "
    "{max_len} allowed. Nothing was imported.": (
        "ไม่รับบรรทัดที่ {line} ของไฟล์ {name}: ช่อง {field} ของระเบียน {entity} {row} ยาว {length} ตัวอักษร "
        "เกินที่รับได้ {max_len} ตัวอักษร ยังไม่ได้นำเข้าข้อมูลใด ๆ"
    ),
    "Line {line} of {name} is refused: the {field} of {entity} {row} is blank, and it is required. "
    "Nothing was imported.": (
        "ไม่รับบรรทัดที่ {line} ของไฟล์ {name}: ช่อง {field} ของระเบียน {entity} {row} ว่างอยู่ "
        "แต่เป็นช่องที่ต้องกรอก ยังไม่ได้นำเข้าข้อมูลใด ๆ"
    ),
    "Line {line} of {name} is refused: the {field} of {entity} {row} is {value}, which is not one of "
    "{allowed}. Nothing was imported.": (
        "ไม่รับบรรทัดที่ {line} ของไฟล์ {name}: ช่อง {field} ของระเบียน {entity} {row} มีค่า {value} "
        "ซึ่งไม่ใช่ค่าที่อนุญาต ({allowed}) ยังไม่ได้นำเข้าข้อมูลใด ๆ"
    ),
    "Line {line} of {name} is refused: the {field} of {entity} {row} is {value}, outside {allowed}. "
    "Nothing was imported.": (
        "ไม่รับบรรทัดที่ {line} ของไฟล์ {name}: ช่อง {field} ของระเบียน {entity} {row} มีค่า {value} "
        "อยู่นอกช่วงที่รับได้ ({allowed}) ยังไม่ได้นำเข้าข้อมูลใด ๆ"
    ),
    "Line {line} of {name} is refused: the {field} of {entity} {row} is {value}, which is not written the "
    "way this program stores it. Nothing was imported.": (
        "ไม่รับบรรทัดที่ {line} ของไฟล์ {name}: ช่อง {field} ของระเบียน {entity} {row} มีค่า {value} "
        "ซึ่งไม่อยู่ในรูปแบบที่โปรแกรมนี้จัดเก็บ ยังไม่ได้นำเข้าข้อมูลใด ๆ"
    ),
    "The file {name} is refused: the {field} in its manifest is not a text of at most {max_len} characters. "
    "Nothing was imported.": (
        "ไม่รับไฟล์ {name}: ค่า {field} ในส่วนหัวของไฟล์ (manifest) ต้องเป็นข้อความยาวไม่เกิน {max_len} ตัวอักษร "
        "ยังไม่ได้นำเข้าข้อมูลใด ๆ"
    ),
    "This change was made to keep the data valid: the other value would break it again. "
    "Edit the record instead if it should change.": (
        "การเปลี่ยนแปลงนี้ทำขึ้นเพื่อให้ข้อมูลยังถูกต้อง ถ้าใช้ค่าอีกฝั่งข้อมูลจะผิดอีก "
        "หากต้องการเปลี่ยน ให้แก้ไขที่ระเบียนนั้นโดยตรง"
    ),
    # --- sync: field rules and the manifest (end) ---
    # --- sync/ ---
    "Could not write the sync file {path}: {reason}": "เขียนไฟล์ซิงก์ {path} ไม่สำเร็จ: {reason}",
    "The file {name} is damaged or incomplete (it may have been cut off while copying). Nothing was imported.": (
        "ไฟล์ {name} เสียหายหรือไม่ครบ (อาจถูกตัดระหว่างคัดลอก) ยังไม่ได้นำเข้าข้อมูลใด ๆ"
    ),
    "The file {name} is not a sync file of this program. Nothing was imported.": (
        "ไฟล์ {name} ไม่ใช่ไฟล์ซิงก์ของโปรแกรมนี้ ยังไม่ได้นำเข้าข้อมูลใด ๆ"
    ),
    "The file {name} does not exist.": "ไม่พบไฟล์ {name}",
    "Could not read {path}: {reason}": "อ่านไฟล์ {path} ไม่ได้: {reason}",
    "The file {name} was made by a newer version of the program (sync format {version}). Update this copy first.": (
        "ไฟล์ {name} สร้างจากโปรแกรมรุ่นใหม่กว่า (รูปแบบซิงก์ {version}) โปรดอัปเดตโปรแกรมในเครื่องนี้ก่อน"
    ),
    "The file {name} was altered or damaged after it was exported (checksum mismatch). Nothing was imported.": (
        "ไฟล์ {name} ถูกแก้ไขหรือเสียหายหลังส่งออก (ค่าตรวจสอบไม่ตรงกัน) ยังไม่ได้นำเข้าข้อมูลใด ๆ"
    ),
    "The file {name} is not signed, and this copy only accepts files signed with the office key. "
    "Nothing was imported.": (
        "ไฟล์ {name} ไม่มีลายเซ็น แต่เครื่องนี้รับเฉพาะไฟล์ที่ลงนามด้วยรหัสของสำนักงาน ยังไม่ได้นำเข้าข้อมูลใด ๆ"
    ),
    "The file {name} is signed with a different office key. Nothing was imported.": (
        "ไฟล์ {name} ลงนามด้วยรหัสสำนักงานคนละชุดกับเครื่องนี้ ยังไม่ได้นำเข้าข้อมูลใด ๆ"
    ),
    "The file {name} was exported from this copy itself; import it on another copy.": (
        "ไฟล์ {name} ส่งออกจากเครื่องนี้เอง ให้นำไปนำเข้าที่เครื่องอื่น"
    ),
    "The file {name} was made by a newer version of the program (database version {version}). "
    "Update this copy first.": (
        "ไฟล์ {name} สร้างจากโปรแกรมรุ่นใหม่กว่า (ฐานข้อมูลรุ่น {version}) โปรดอัปเดตโปรแกรมในเครื่องนี้ก่อน"
    ),
    "Line {line} of {name} is not a valid change ({reason}). Nothing was imported.": (
        "บรรทัดที่ {line} ของไฟล์ {name} ไม่ใช่รายการเปลี่ยนแปลงที่ถูกต้อง ({reason}) ยังไม่ได้นำเข้าข้อมูลใด ๆ"
    ),
    "This copy has never received a file from copy {site}, so it cannot tell what that copy lacks. "
    "Export everything instead (--all).": (
        "เครื่องนี้ยังไม่เคยได้รับไฟล์จากเครื่อง {site} จึงไม่รู้ว่าเครื่องนั้นขาดข้อมูลใด "
        "ให้ส่งออกทั้งหมดแทน (--all)"
    ),
    "The record of this conflict no longer exists.": "ไม่พบระเบียนของข้อขัดแย้งนี้แล้ว",
    "This conflict was already resolved.": "ข้อขัดแย้งนี้ได้รับการตัดสินไปแล้ว",
    "The file {name} changed while it was being imported. Nothing was imported.": (
        "ไฟล์ {name} ถูกเปลี่ยนระหว่างการนำเข้า ยังไม่ได้นำเข้าข้อมูลใด ๆ"
    ),
    "The file {name} is too big for a sync file: its part {part} holds more than {limit} MB. "
    "Nothing was imported.": (
        "ไฟล์ {name} ใหญ่เกินกว่าจะเป็นไฟล์ซิงก์ได้: ส่วน {part} มีข้อมูลเกิน {limit} MB ยังไม่ได้นำเข้าข้อมูลใด ๆ"
    ),
    "Line {line} of {name} is longer than {limit} MB, longer than any change this program writes. "
    "Nothing was imported.": (
        "บรรทัดที่ {line} ของไฟล์ {name} ยาวเกิน {limit} MB ซึ่งยาวกว่ารายการเปลี่ยนแปลงใด ๆ ที่โปรแกรมนี้เขียน "
        "ยังไม่ได้นำเข้าข้อมูลใด ๆ"
    ),
    "The manifest of {name} holds values nested deeper than this program writes. Nothing was imported.": (
        "ส่วนหัว (manifest) ของไฟล์ {name} มีข้อมูลซ้อนกันลึกกว่าที่โปรแกรมนี้เขียน ยังไม่ได้นำเข้าข้อมูลใด ๆ"
    ),
    "The manifest of {name} holds a clock value no copy can have (not a whole number from 0 to 2^63-1). "
    "Nothing was imported.": (
        "ส่วนหัว (manifest) ของไฟล์ {name} มีค่านาฬิกาที่ไม่มีเครื่องใดมีได้ (ไม่ใช่จำนวนเต็มตั้งแต่ 0 ถึง 2^63-1) "
        "ยังไม่ได้นำเข้าข้อมูลใด ๆ"
    ),
    # clocks from the future: db/hlc.py, sync/clocks.py
    "The file {name} from copy {copy} holds changes dated up to {when} UTC, more than {hours} hours ahead of "
    "this computer's clock ({now} UTC). Nothing was imported. The computer that made them had a wrong date: "
    "correct it, run `crm-desktop sync repair-clock` on that copy and on every copy that imported its files, "
    "then export again. If this computer's date is wrong, correct it here.": (
        "ไฟล์ {name} จากเครื่อง {copy} มีรายการเปลี่ยนแปลงลงวันที่ถึง {when} UTC ซึ่งล้ำหน้านาฬิกาของเครื่องนี้ "
        "({now} UTC) เกิน {hours} ชั่วโมง ยังไม่ได้นำเข้าข้อมูลใด ๆ เครื่องที่สร้างรายการเหล่านั้นตั้งวันที่ผิด "
        "โปรดแก้วันที่ของเครื่องนั้น สั่ง `crm-desktop sync repair-clock` ที่เครื่องนั้นและทุกเครื่องที่เคยนำเข้าไฟล์"
        "จากเครื่องนั้น แล้วส่งออกไฟล์ใหม่ หากวันที่ของเครื่องนี้ผิด โปรดแก้ที่เครื่องนี้"
    ),
    "This copy holds changes dated up to {when} UTC, more than {hours} hours ahead of this computer's clock "
    "({now} UTC): a computer's date was wrong when they were made, and other copies refuse this copy's sync "
    "files. If this computer's date is right, repair this copy: the app offers it when it opens, or close the "
    "program and run `crm-desktop sync repair-clock` (a backup is made first).": (
        "เครื่องนี้มีรายการเปลี่ยนแปลงลงวันที่ถึง {when} UTC ซึ่งล้ำหน้านาฬิกาของเครื่องนี้ ({now} UTC) "
        "เกิน {hours} ชั่วโมง เพราะตอนที่สร้างรายการเหล่านั้นมีเครื่องที่ตั้งวันที่ผิด เครื่องอื่นจึงไม่รับไฟล์ซิงก์"
        "จากเครื่องนี้ หากวันที่ของเครื่องนี้ถูกต้องแล้ว โปรดซ่อมนาฬิกาของเครื่องนี้: โปรแกรมจะเสนอให้ซ่อมเมื่อเปิด "
        "หรือปิดโปรแกรมแล้วสั่ง `crm-desktop sync repair-clock` (โปรแกรมจะสำรองข้อมูลก่อน)"
    ),
    "This copy's clock cannot go further: it took in a change dated {when} UTC from a computer whose date was "
    "wrong. Nothing was saved. Run `crm-desktop sync repair-clock` to repair it.": (
        "นาฬิกาของเครื่องนี้เดินต่อไม่ได้แล้ว เพราะรับรายการเปลี่ยนแปลงลงวันที่ {when} UTC มาจากเครื่องที่ตั้งวันที่ผิด "
        "ยังไม่ได้บันทึกข้อมูลใด ๆ โปรดสั่ง `crm-desktop sync repair-clock` เพื่อซ่อมแซม"
    ),
    "A change dated {when} UTC is more than {hours} hours ahead of this computer's clock. Nothing was saved. "
    "Check the date and time of both computers.": (
        "รายการเปลี่ยนแปลงลงวันที่ {when} UTC ล้ำหน้านาฬิกาของเครื่องนี้เกิน {hours} ชั่วโมง "
        "ยังไม่ได้บันทึกข้อมูลใด ๆ โปรดตรวจสอบวันที่และเวลาของทั้งสองเครื่อง"
    ),
    # sync/report.py (the command line's account of an import)
    "Imported": "นำเข้าแล้ว",
    "Dry run, nothing was saved": "ทดลองนำเข้า ยังไม่ได้บันทึกข้อมูล",
    "nothing new from copy {site} (the file holds no changes).": (
        "ไม่มีข้อมูลใหม่จากเครื่อง {site} (ไฟล์นี้ไม่มีการเปลี่ยนแปลงใด ๆ)"
    ),
    "nothing new from copy {site} (all {old} change(s) in the file were already here).": (
        "ไม่มีข้อมูลใหม่จากเครื่อง {site} (การเปลี่ยนแปลงทั้ง {old} รายการในไฟล์มีอยู่ในเครื่องนี้แล้ว)"
    ),
    "{new} new change(s) from copy {site}.": "การเปลี่ยนแปลงใหม่ {new} รายการจากเครื่อง {site}",
    "{new} new change(s) from copy {site}; {old} more were already here.": (
        "การเปลี่ยนแปลงใหม่ {new} รายการจากเครื่อง {site} และอีก {old} รายการมีอยู่ในเครื่องนี้แล้ว"
    ),
    "This copy is the office: {count} document(s) whose number clashed or carried a copy code got an office "
    "number.": "เครื่องนี้เป็นสำนักงาน: เอกสาร {count} ฉบับที่เลขที่ซ้ำกันหรือมีรหัสเครื่องได้เลขที่ของสำนักงานแล้ว",
    "Backup made before the import: {path}": "สำรองข้อมูลไว้ก่อนนำเข้าที่ {path}",
    # --- end sync ---
    # services/activities/edit.py, recurrence.py
    'A reminder can be at most {days} days before.': 'ตั้งเตือนล่วงหน้าได้ไม่เกิน {days} วัน',
    'A reminder comes before the activity, not after it.': 'การเตือนต้องมาก่อนกิจกรรม ไม่ใช่หลังกิจกรรม',
    'A reminder needs a date to remind of.': 'ต้องมีวันที่ของกิจกรรมก่อนจึงจะตั้งเตือนได้',
    'A repeating activity needs a first date.': 'กิจกรรมที่ทำซ้ำต้องมีวันที่เริ่มครั้งแรก',
    'A series ends on a date or after a number of times, not both.':
        'เลือกอย่างใดอย่างหนึ่ง: สิ้นสุดในวันที่กำหนด หรือเมื่อครบจำนวนครั้ง',
    'A series has 1 to {most} occurrences.': 'กิจกรรมที่ทำซ้ำมีได้ 1 ถึง {most} ครั้ง',
    'An all-day activity has a date but no times.': 'กิจกรรมทั้งวันมีแค่วันที่ ไม่มีเวลาเริ่มหรือเวลาสิ้นสุด',
    'An end needs a start.': 'ต้องมีเวลาเริ่มก่อนจึงจะกำหนดเวลาสิ้นสุดได้',
    'Choose 0 to {most} days.': 'เลือกได้ 0 ถึง {most} วัน',
    'Choose a kind of activity.': 'โปรดเลือกประเภทกิจกรรม',
    'Choose a priority.': 'โปรดเลือกความสำคัญ',
    'Choose someone other than the person it is with now.': 'โปรดเลือกคนอื่นที่ไม่ใช่ผู้รับผิดชอบคนปัจจุบัน',
    'Choose which occurrence of the series this is about.': 'โปรดเลือกว่าหมายถึงครั้งไหนของกิจกรรมที่ทำซ้ำ',
    'Give the day of the all-day activity.': 'โปรดระบุวันของกิจกรรมทั้งวัน',
    'Repeat every 1 to {most}.': 'ทำซ้ำได้ทุก 1 ถึง {most}',
    'The activity was deleted by someone else. Refresh the list.': 'กิจกรรมนี้ถูกผู้อื่นลบไปแล้ว โปรดรีเฟรชรายการ',
    'The chosen person no longer exists.': 'ไม่พบบุคคลที่เลือกแล้ว',
    'The end is before the start.': 'เวลาสิ้นสุดอยู่ก่อนเวลาเริ่ม',
    'The linked record was deleted meanwhile; choose another or none.':
        'ระเบียนที่เชื่อมโยงถูกลบไประหว่างนี้ โปรดเลือกรายการอื่นหรือไม่เลือก',
    'The series ends before it starts.': 'วันสิ้นสุดการทำซ้ำอยู่ก่อนวันเริ่ม',
    'This is the first occurrence: change the whole series instead.': 'นี่คือครั้งแรกของกิจกรรมที่ทำซ้ำ โปรดแก้ไขทั้งชุดแทน',
    'This occurrence is no longer in the series. Refresh the calendar.': 'ครั้งนี้ไม่อยู่ในกิจกรรมที่ทำซ้ำแล้ว โปรดรีเฟรชปฏิทิน',
    'Snooze until a later time.': 'เลื่อนการเตือนไปเวลาที่ช้ากว่านี้',
    'This repeat rule cannot be used: {rule}': 'ใช้รูปแบบการทำซ้ำนี้ไม่ได้: {rule}',
    '{name} is no longer active; choose someone else.': '{name} ไม่ได้ใช้งานแล้ว โปรดเลือกคนอื่น',
    # services/users.py
    'A colour is written as #rrggbb.':
        'สีต้องเขียนในรูปแบบ #rrggbb',
    'Choose a role.':
        'โปรดเลือกตำแหน่ง',
    'This person was removed by someone else. Refresh the list.':
        'พนักงานคนนี้ถูกผู้อื่นลบไปแล้ว โปรดรีเฟรชรายการ',
    'You cannot deactivate yourself; another person must do it.':
        'ปิดการใช้งานตัวเองไม่ได้ ต้องให้คนอื่นเป็นผู้ปิด',
    '{name} is already on the list; add something to tell them apart.':
        'มี {name} อยู่ในรายชื่อแล้ว โปรดเพิ่มข้อความเพื่อแยกให้ออก',
    '{name} is the only active owner; make someone else owner first.':
        '{name} เป็นเจ้าของกิจการคนเดียวที่ใช้งานอยู่ โปรดตั้งคนอื่นเป็นเจ้าของก่อน',
    # services/anniversaries.py
    "Remind from 0 to {max} days before.": "ตั้งเตือนล่วงหน้าได้ 0 ถึง {max} วัน",
    "Choose a month from 1 to 12.": "เลือกเดือน 1 ถึง 12",
    "Only the current month's forecast can be frozen.": "เก็บยอดพยากรณ์ได้เฉพาะของเดือนปัจจุบัน",
    "{day}/{month} is not a real date: month {month} has {days} days.": (
        "{day}/{month} ไม่ใช่วันที่ที่มีอยู่จริง: เดือน {month} มี {days} วัน"
    ),
    "{year} was not a leap year: it had no 29 February.": "ปี ค.ศ. {year} ไม่ใช่ปีอธิกสุรทิน จึงไม่มีวันที่ 29 กุมภาพันธ์",
    "A custom date belongs to one contact or one account.": "วันสำคัญต้องผูกกับผู้ติดต่อหรือบริษัทอย่างใดอย่างหนึ่ง",
    "The date was deleted by someone else. Refresh the list.": "วันสำคัญนี้ถูกลบไปแล้ว โปรดรีเฟรชรายการ",
    "Unknown kind of date {value}.": "ไม่รู้จักประเภทวันสำคัญ {value}",
    "Enter the year with 4 digits, or leave it empty.": "กรอกปีเป็นตัวเลข 4 หลัก หรือเว้นว่างไว้ถ้าไม่ทราบ",
    "Unknown kind of greeting {value}.": "ไม่รู้จักรูปแบบการอวยพร {value}",
    # --- calendar files and the agenda: exchange/ics.py, exchange/agenda.py, queries/lookups.py, cli.py (begin) ---
    "Nobody is named {name}. The people are: {names}.": "ไม่พบผู้ใช้ชื่อ {name} ผู้ใช้ที่มีอยู่ ได้แก่ {names}",
    "{count} people are named {name}; give one of them another name in the settings first.": (
        "มีผู้ใช้ชื่อ {name} อยู่ {count} คน โปรดเปลี่ยนชื่อคนใดคนหนึ่งในหน้าการตั้งค่าก่อน"
    ),
    "The number of days must be from 1 to {most}, not {days}.": "จำนวนวันต้องอยู่ระหว่าง 1 ถึง {most} ไม่ใช่ {days}",
    "The last day ({end}) is before the first day ({start}).": "วันสุดท้าย ({end}) อยู่ก่อนวันแรก ({start})",
    "Wrote {count} events to {path}": "บันทึก {count} รายการลงในไฟล์ {path} แล้ว",
    "all day": "ทั้งวัน",
    "Task": "งาน",
    "Meeting": "ประชุม",
    "Call": "โทร",
    "E-mail": "อีเมล",
    "Visit": "เข้าพบลูกค้า",
    "Note": "บันทึก",
    "Birthday": "วันเกิด",
    "Founding day": "วันก่อตั้งบริษัท",
    "Anniversary": "วันครบรอบ",
    # --- calendar files and the agenda (end) ---
    # queries/activities/my_day.py
    "The end date is before the start date.": "วันที่สิ้นสุดอยู่ก่อนวันที่เริ่มต้น",
    "Choose at most {days} days.": "เลือกช่วงวันที่ได้ไม่เกิน {days} วัน",
    # --- quotations and sales orders: services/sales/{documents,quotations,orders}.py (begin) ---
    "Choose a customer: an account or a contact.": "กรุณาเลือกลูกค้า: บริษัทหรือผู้ติดต่อ",
    "VAT is a percentage from 0 to 100.": "อัตราภาษีมูลค่าเพิ่มต้องอยู่ระหว่าง 0 ถึง 100 %",
    "A document is printed in Thai or in English.": "เอกสารพิมพ์ได้เป็นภาษาไทยหรือภาษาอังกฤษเท่านั้น",
    "The bill discount must be from 0 to the document's total.": "ส่วนลดท้ายบิลต้องอยู่ระหว่าง 0 ถึงยอดรวมของเอกสาร",
    "The bill discount ({discount} baht) is more than the lines' total ({subtotal} baht).": (
        "ส่วนลดท้ายบิล ({discount} บาท) มากกว่ายอดรวมของรายการ ({subtotal} บาท)"
    ),
    "The quotation was deleted by someone else. Refresh the list.": (
        "ใบเสนอราคานี้ถูกผู้อื่นลบไปแล้ว โปรดรีเฟรชรายการ"
    ),
    "This is revision {revision} of {number}, and a newer revision exists. Work on the newest one.": (
        "นี่คือฉบับแก้ไขครั้งที่ {revision} ของ {number} ซึ่งมีฉบับที่ใหม่กว่าแล้ว โปรดทำงานกับฉบับล่าสุด"
    ),
    "The quotation cannot expire before its date.": "วันที่ยืนราคาต้องไม่อยู่ก่อนวันที่ของใบเสนอราคา",
    "Quotation {number} has been sent. To change it, make a revision.": (
        "ใบเสนอราคา {number} ส่งให้ลูกค้าแล้ว หากต้องการแก้ไข โปรดสร้างฉบับแก้ไข"
    ),
    "Quotation {number} was already sent.": "ใบเสนอราคา {number} ส่งไปแล้ว",
    "A quotation needs at least one line before it is sent.": "ใบเสนอราคาต้องมีอย่างน้อยหนึ่งรายการก่อนส่ง",
    "Quotation {number} has not been sent yet.": "ใบเสนอราคา {number} ยังไม่ได้ส่งให้ลูกค้า",
    "Quotation {number} has expired. Make a revision with a new validity date.": (
        "ใบเสนอราคา {number} หมดอายุแล้ว โปรดสร้างฉบับแก้ไขพร้อมวันยืนราคาใหม่"
    ),
    "Quotation {number} was already accepted or rejected.": "ใบเสนอราคา {number} ได้รับการตอบรับหรือถูกปฏิเสธไปแล้ว",
    "Quotation {number} is still a draft: edit it instead of making a revision.": (
        "ใบเสนอราคา {number} ยังเป็นฉบับร่าง แก้ไขได้เลยโดยไม่ต้องสร้างฉบับแก้ไข"
    ),
    "The order was deleted by someone else. Refresh the list.": "ใบสั่งขายนี้ถูกผู้อื่นลบไปแล้ว โปรดรีเฟรชรายการ",
    "Order {number} is cancelled and can no longer change.": "ใบสั่งขาย {number} ถูกยกเลิกแล้ว จึงแก้ไขไม่ได้อีก",
    "Order {number} is invoiced and can no longer change.": "ใบสั่งขาย {number} ออกใบแจ้งหนี้แล้ว จึงแก้ไขไม่ได้อีก",
    "Only an accepted quotation becomes an order; {number} has not been accepted.": (
        "สร้างใบสั่งขายได้จากใบเสนอราคาที่ลูกค้าตอบรับแล้วเท่านั้น แต่ {number} ยังไม่ได้รับการตอบรับ"
    ),
    "Order {order} was already made from quotation {number}.": "ใบเสนอราคา {number} ถูกสร้างเป็นใบสั่งขาย {order} ไปแล้ว",
    "Order {number} is confirmed: only the promised dates, the delivery address and the notes can change.": (
        "ใบสั่งขาย {number} ยืนยันคำสั่งซื้อแล้ว แก้ไขได้เฉพาะวันนัดส่งของ ที่อยู่จัดส่ง และบันทึกภายในเท่านั้น"
    ),
    "Order {number} was already confirmed.": "ใบสั่งขาย {number} ยืนยันคำสั่งซื้อไปแล้ว",
    "An order needs at least one line before it is confirmed.": "ใบสั่งขายต้องมีอย่างน้อยหนึ่งรายการก่อนยืนยันคำสั่งซื้อ",
    "Confirm order {number} before recording a delivery.": "โปรดยืนยันคำสั่งซื้อของใบสั่งขาย {number} ก่อนบันทึกการส่งของ",
    "A line of this order was changed by someone else. Refresh and try again.": (
        "รายการในใบสั่งขายนี้ถูกผู้อื่นแก้ไขไปแล้ว โปรดรีเฟรชแล้วลองอีกครั้ง"
    ),
    "Line {number}: a delivered quantity must be more than 0.": "รายการที่ {number}: จำนวนที่ส่งของต้องมากกว่า 0",
    "Line {number}: a delivery cannot be dated after today.": "รายการที่ {number}: วันที่ส่งของต้องไม่เลยวันนี้",
    "Line {number}: {ordered} ordered and {delivered} already delivered; at most {left} more.": (
        "รายการที่ {number}: สั่ง {ordered} ส่งของไปแล้ว {delivered} ส่งเพิ่มได้อีกไม่เกิน {left}"
    ),
    "Only a delivered order can be invoiced; order {number} is not fully delivered yet.": (
        "ออกใบแจ้งหนี้ได้เมื่อส่งของครบแล้วเท่านั้น ใบสั่งขาย {number} ยังส่งของไม่ครบ"
    ),
    "Order {number} was delivered in full and can no longer be cancelled.": (
        "ใบสั่งขาย {number} ส่งของครบแล้ว จึงยกเลิกไม่ได้"
    ),
    "Give a reason for cancelling the order.": "โปรดระบุเหตุผลที่ยกเลิกใบสั่งขาย",
    "Order {number} is invoiced and is kept for the accounts; it cannot be deleted.": (
        "ใบสั่งขาย {number} ออกใบแจ้งหนี้แล้ว ต้องเก็บไว้เป็นหลักฐานทางบัญชี จึงลบไม่ได้"
    ),
    # exchange/orders.py, `crm-desktop export orders`: messages, column headers and values
    "Give the month as YYYY-MM, for example 2026-11; {value} is not one.": (
        "ระบุเดือนในรูปแบบ ปปปป-ดด เช่น 2026-11 หรือ 2569-11 แต่ {value} ไม่ใช่รูปแบบนี้"
    ),
    "Choose csv or xlsx.": "เลือกได้เฉพาะ csv หรือ xlsx",
    "Wrote {count} order lines to {path}": "บันทึกรายการสั่งขาย {count} รายการลงในไฟล์ {path} แล้ว",
    # exchange/records.py
    "Wrote {count} records to {path}": "บันทึก {count} รายการลงในไฟล์ {path} แล้ว",
    "Export contacts, companies, leads or products; not {kind}.": (
        "ส่งออกได้เฉพาะ contacts, companies, leads หรือ products ไม่ใช่ {kind}"
    ),
    "Choose csv or xlsx (vcf for contacts).": "เลือก csv หรือ xlsx (vcf สำหรับผู้ติดต่อ)",
    "Choose vCard version 3.0 or 4.0.": "เลือก vCard รุ่น 3.0 หรือ 4.0",
    "{kind} cannot be filtered with {option}.": "{kind} กรองด้วย {option} ไม่ได้",
    "Contacts": "ผู้ติดต่อ",
    "Companies": "บริษัท",
    "Leads": "ลีด",
    "Products": "สินค้า",
    "Orders": "ใบสั่งขาย",
    "Order number": "เลขที่ใบสั่งขาย",
    "Provisional number": "เลขที่ชั่วคราว",
    "Order date": "วันที่สั่งขาย",
    "Customer": "ลูกค้า",
    "Tax ID": "เลขประจำตัวผู้เสียภาษี",
    "Branch": "สาขา",
    "Sales rep": "พนักงานขาย",
    "Channel": "ช่องทาง",
    "Status": "สถานะ",
    "Line": "ลำดับ",
    "SKU": "รหัสสินค้า",
    "Description": "รายการ",
    "Quantity": "จำนวน",
    "Unit": "หน่วย",
    "Unit price": "ราคาต่อหน่วย",
    "Discount %": "ส่วนลด %",
    "Discount (baht)": "ส่วนลด (บาท)",
    "VAT-able": "คิดภาษีมูลค่าเพิ่ม",
    "Line net": "จำนวนเงิน",
    "Promised on": "วันนัดส่งของ",
    "Delivered": "ส่งของแล้ว",
    "Order before VAT": "ยอดก่อนภาษี",
    "Order VAT": "ภาษีมูลค่าเพิ่ม",
    "Order grand total": "ยอดรวมทั้งสิ้น",
    "Yes": "ใช่",
    "No": "ไม่ใช่",
    "Draft": "ฉบับร่าง",
    "Confirmed": "ยืนยันคำสั่งซื้อแล้ว",
    "Partly delivered": "ส่งของบางส่วน",
    "Invoiced": "ออกใบแจ้งหนี้แล้ว",
    "Cancelled": "ยกเลิก",
    # --- quotations and sales orders (end) ---
    # --- products and deal lines: services/products.py, services/opportunities.py (begin) ---
    "A price is at most 10,000,000 baht.": "ราคาต้องไม่เกิน 10,000,000 บาท",
    "SKU {sku} is already used by {name}.": "รหัสสินค้า {sku} ใช้กับสินค้า {name} อยู่แล้ว",
    "The product was deleted by someone else. Refresh the list.": "สินค้านี้ถูกลบไปแล้ว โปรดรีเฟรชรายการ",
    # --- products and deal lines (end) ---
    # services/sales/numbers.py
    "A number pattern knows only {known}; {unknown} is not one of them.": (
        "รูปแบบเลขที่เอกสารใช้ได้เฉพาะ {known} แต่ {unknown} ไม่ใช่หนึ่งในนั้น"
    ),
    "A number pattern needs {seq} exactly once.": "รูปแบบเลขที่เอกสารต้องมี {seq} หนึ่งครั้งพอดี",
    "Numbers made by this pattern would be longer than {max} characters.": (
        "เลขที่เอกสารจากรูปแบบนี้จะยาวเกิน {max} ตัวอักษร"
    ),
    "Only the office copy renumbers documents.": "เฉพาะสำเนาของสำนักงานเท่านั้นที่เรียงเลขที่เอกสารใหม่ได้",
    # services/sales/lines.py
    "Line {number}: the product was deleted; choose another or type the line.": (
        "รายการที่ {number}: สินค้านี้ถูกลบไปแล้ว โปรดเลือกสินค้าอื่นหรือพิมพ์รายการเอง"
    ),
    "Line {number}: the quantity must be more than 0.": "รายการที่ {number}: จำนวนต้องมากกว่า 0",
    "Line {number}: the quantity is too large.": "รายการที่ {number}: จำนวนมากเกินไป",
    "Line {number}: the unit price must be from 0 to 10,000,000 baht.": (
        "รายการที่ {number}: ราคาต่อหน่วยต้องอยู่ระหว่าง 0 ถึง 10,000,000 บาท"
    ),
    "Line {number}: a discount is from 0 to 100 %.": "รายการที่ {number}: ส่วนลดต้องอยู่ระหว่าง 0 ถึง 100 %",
    "Line {number}: a discount cannot be negative.": "รายการที่ {number}: ส่วนลดติดลบไม่ได้",
    "Line {number}: give the discount either in % or in baht, not both.": (
        "รายการที่ {number}: ใส่ส่วนลดเป็น % หรือเป็นบาทอย่างใดอย่างหนึ่ง ไม่ใช่ทั้งสองแบบ"
    ),
    "Line {number} has no price. Enter the price, or confirm that it is free.": (
        "รายการที่ {number} ยังไม่มีราคา โปรดใส่ราคา หรือยืนยันว่าเป็นรายการแถมฟรี"
    ),
    "Line {number}: the discount is more than the line's amount.": "รายการที่ {number}: ส่วนลดมากกว่ายอดเงินของรายการ",
    "Line {number} needs a description or a product.": "รายการที่ {number} ต้องมีรายละเอียดหรือเลือกสินค้า",
    "A document has at most {max} lines.": "เอกสารหนึ่งฉบับมีได้ไม่เกิน {max} รายการ",
    # services/contact_links.py
    "Unknown kind of relationship {value}.": "ไม่รู้จักประเภทความสัมพันธ์ {value}",
    "Choose the person to link.": "โปรดเลือกบุคคลที่จะเชื่อมโยง",
    "A person cannot be linked to themselves.": "เชื่อมโยงบุคคลกับตัวเองไม่ได้",
    "These two people are already linked this way.": "สองคนนี้มีความสัมพันธ์แบบนี้อยู่แล้ว",
    # exchange/fields.py, exchange/mapping.py (import: reading cells, guessing columns)
    "{text} is not a time of day.": "{text} ไม่ใช่เวลาที่ถูกต้อง",
    "{text} is not a whole number.": "{text} ไม่ใช่จำนวนเต็ม",
    "{text} is neither yes nor no.": "{text} ไม่ใช่ ใช่ หรือ ไม่ใช่",
    "{text} is not one of: {allowed}.": "{text} ไม่ใช่ค่าที่ใช้ได้ ค่าที่ใช้ได้คือ {allowed}",
    "A saved column mapping cannot be read; choose the columns again.": (
        "อ่านการจับคู่คอลัมน์ที่บันทึกไว้ไม่ได้ โปรดเลือกคอลัมน์ใหม่อีกครั้ง"
    ),
    "Row {row}, column {column}: {problem}": "แถวที่ {row} คอลัมน์ {column}: {problem}",
    "Only {kept} of the {count} phone numbers were kept.": "เก็บหมายเลขโทรศัพท์ไว้ {kept} จาก {count} หมายเลข",
    "The header names this field.": "หัวคอลัมน์ระบุช่องข้อมูลนี้",
    "The header contains a word for this field.": "หัวคอลัมน์มีคำที่หมายถึงช่องข้อมูลนี้",
    "{share} % of the values look like this field.": "ข้อมูล {share} % ในคอลัมน์นี้ดูเหมือนช่องข้อมูลนี้",
    "Other programs use this column for something we do not import.": (
        "โปรแกรมอื่นใช้คอลัมน์นี้เก็บข้อมูลที่เราไม่ได้นำเข้า"
    ),
    "The header names a field, but most values do not fit it.": (
        "หัวคอลัมน์ระบุช่องข้อมูล แต่ข้อมูลส่วนใหญ่ในคอลัมน์ไม่ตรงกับช่องนั้น"
    ),
    "Neither the header nor the values say what this column holds.": (
        "ไม่ทราบว่าคอลัมน์นี้เก็บข้อมูลอะไร ทั้งจากหัวคอลัมน์และจากข้อมูล"
    ),
    "Column {other} fits this field better.": "คอลัมน์ {other} ตรงกับช่องข้อมูลนี้มากกว่า",
    "The first and last names come from their own columns.": "ชื่อและนามสกุลนำมาจากคอลัมน์ของตัวเองแล้ว",
    # exchange/tables.py (reading CSV/TSV and xlsx for import)
    "The file is empty: there is nothing to import.": "ไฟล์นี้ว่างเปล่า ไม่มีข้อมูลให้นำเข้า",
    "This file is not a text table (CSV): it looks like a program or a picture renamed .csv.": (
        "ไฟล์นี้ไม่ใช่ตารางข้อความ (CSV) ดูเหมือนเป็นโปรแกรมหรือรูปภาพที่เปลี่ยนชื่อเป็น .csv"
    ),
    "This file is not an Excel workbook (.xlsx) although its name says so.": (
        "ไฟล์นี้ไม่ใช่ไฟล์ Excel (.xlsx) แม้ชื่อไฟล์จะลงท้ายเช่นนั้น"
    ),
    "This is an old Excel file (.xls): open it in Excel and save it as .xlsx, then import that.": (
        "ไฟล์นี้เป็น Excel รุ่นเก่า (.xls) โปรดเปิดใน Excel แล้วบันทึกเป็น .xlsx จากนั้นนำเข้าไฟล์นั้น"
    ),
    "Row {row} cannot be read as {encoding}, the encoding of the rows above it.": (
        "แถวที่ {row} อ่านด้วยรหัสอักขระ {encoding} ซึ่งเป็นรหัสของแถวก่อนหน้าไม่ได้"
    ),
    "Row {row} has {count} columns; at most {limit} can be imported.": (
        "แถวที่ {row} มี {count} คอลัมน์ นำเข้าได้ไม่เกิน {limit} คอลัมน์"
    ),
    "Row {row} has a cell longer than {limit} characters.": "แถวที่ {row} มีช่องที่ยาวเกิน {limit} ตัวอักษร",
    "There is no sheet {sheet} in this workbook; it has: {sheets}.": (
        "ไม่พบชีต {sheet} ในไฟล์นี้ ชีตที่มีคือ: {sheets}"
    ),
    "Sheet {sheet} is too large to import at once ({rows} rows): split it, or save it as CSV, which is read row by "
    "row.": "ชีต {sheet} ใหญ่เกินกว่าจะนำเข้าในครั้งเดียว ({rows} แถว) โปรดแบ่งเป็นหลายชีต หรือบันทึกเป็น CSV ซึ่งอ่านทีละแถวได้",
    "Cell {cell} of sheet {sheet} shows the formula error {error}: correct it in Excel and import again.": (
        "ช่อง {cell} ของชีต {sheet} แสดงข้อผิดพลาดของสูตร {error} โปรดแก้ไขใน Excel แล้วนำเข้าอีกครั้ง"
    ),
    "Row {row} has {count} filled cells beyond the last named column; they are ignored.": (
        "แถวที่ {row} มีข้อมูล {count} ช่องเกินคอลัมน์สุดท้ายที่มีหัวตาราง ข้อมูลส่วนนี้จะไม่ถูกนำเข้า"
    ),
    # exchange/vcard.py (reading .vcf files for the import)
    "The file is empty: it holds no contacts.": "ไฟล์นี้ว่างเปล่า ไม่มีรายชื่อผู้ติดต่อ",
    "This file is not a vCard (.vcf) file: no line BEGIN:VCARD was found at its start.": (
        "ไฟล์นี้ไม่ใช่ไฟล์ vCard (.vcf): ไม่พบบรรทัด BEGIN:VCARD ที่ส่วนต้นของไฟล์"
    ),
    "Contact {card} (from line {line}) has no END:VCARD; the file may be cut short.": (
        "ผู้ติดต่อรายการที่ {card} (เริ่มที่บรรทัด {line}) ไม่มี END:VCARD ไฟล์อาจไม่สมบูรณ์หรือถูกตัดขาด"
    ),
    "Contact {card} (line {line}) has a {name} larger than {size} MB; this file cannot be imported."
    " Remove the large pictures (or that property) from it and try again.": (
        "ผู้ติดต่อรายการที่ {card} (บรรทัด {line}) มีข้อมูล {name} ใหญ่เกิน {size} MB จึงนำเข้าไฟล์นี้ไม่ได้"
        " โปรดลบรูปภาพขนาดใหญ่ (หรือข้อมูลนั้น) ออกจากไฟล์แล้วลองอีกครั้ง"
    ),
    "Contact {card} (from line {line}) has more than {limit} lines of data; the file looks damaged.": (
        "ผู้ติดต่อรายการที่ {card} (เริ่มที่บรรทัด {line}) มีข้อมูลเกิน {limit} บรรทัด ไฟล์อาจเสียหาย"
    ),
    "The file has more than {limit} contacts; split it into smaller files.": (
        "ไฟล์นี้มีผู้ติดต่อเกิน {limit} รายการ โปรดแบ่งเป็นไฟล์ที่เล็กลง"
    ),
    "Not imported: {names}.": "ข้อมูลที่ไม่ได้นำเข้า: {names}",
    "Line {line}: {name} could not be read and was skipped.": "บรรทัด {line}: อ่านข้อมูล {name} ไม่ได้ จึงข้ามไป",
    "Line {line}: unknown character set {charset}.": "บรรทัด {line}: ไม่รู้จักชุดตัวอักษร {charset}",
    "Line {line}: {name} is not valid {charset}; read as {fallback}.": (
        "บรรทัด {line}: ข้อมูล {name} ไม่ใช่ {charset} ที่ถูกต้อง จึงอ่านเป็น {fallback}"
    ),
    "Line {line}: {value} is not a date; the birthday was skipped.": (
        "บรรทัด {line}: {value} ไม่ใช่วันที่ จึงไม่ได้นำเข้าวันเกิด"
    ),
    "Line {line} is not a vCard property and was skipped.": "บรรทัด {line} ไม่ใช่ข้อมูล vCard จึงข้ามไป",
    "Only the first web address was kept.": "เก็บไว้เฉพาะเว็บไซต์แรกเท่านั้น",
    "Line {line}: a contact inside a contact (AGENT) was skipped.": (
        "บรรทัด {line}: ข้ามผู้ติดต่อที่ซ้อนอยู่ในผู้ติดต่ออื่น (AGENT)"
    ),
    # --- wizard helper (issue 15): import wizard, saved mappings, undo of an import ---
    "The import was cancelled; nothing was written.": "ยกเลิกการนำเข้าแล้ว ไม่มีข้อมูลใดถูกบันทึก",
    "No saved column mapping is named {name}.": "ไม่มีการจับคู่คอลัมน์ที่บันทึกไว้ชื่อ {name}",
    "Give the column mapping a name.": "โปรดตั้งชื่อการจับคู่คอลัมน์",
    # ical helper: import of activities from sheets and iCalendar (.ics) files.
    "A calendar file (.ics) holds activities: import it as activities.": (
        "ไฟล์ปฏิทิน (.ics) เก็บกิจกรรม โปรดนำเข้าเป็นกิจกรรม"
    ),
    "A change to this and all later occurrences is imported as a change to this occurrence only.": (
        "การแก้ไขครั้งนี้และครั้งถัดไปทั้งหมด ถูกนำเข้าเป็นการแก้ไขเฉพาะครั้งนี้"
    ),
    "A reminder without a readable time (TRIGGER) was left out.": "ข้ามการเตือนที่อ่านเวลาเตือน (TRIGGER) ไม่ได้",
    "A reminder {minutes} minutes before the start cannot be kept (0 to {most}) and was left out.": (
        "ข้ามการเตือนล่วงหน้า {minutes} นาที เพราะตั้งได้เพียง 0 ถึง {most} นาที"
    ),
    "An event without a start (DTSTART) cannot be imported.": "นำเข้านัดหมายที่ไม่มีเวลาเริ่ม (DTSTART) ไม่ได้",
    "Event {row} repeats the UID of an earlier event and was left out.": (
        "ข้ามนัดหมายที่ {row} เพราะใช้ UID ซ้ำกับนัดหมายก่อนหน้า"
    ),
    "Event {row}, {column}: {problem}": "นัดหมายที่ {row} ({column}): {problem}",
    "Extra dates (RDATE) of a repeating event were left out.": "ข้ามวันที่เพิ่มเติม (RDATE) ของนัดหมายที่ทำซ้ำ",
    "Line {line} of the file cannot be read and was left out: {text}": "ข้ามบรรทัด {line} ที่อ่านไม่ได้: {text}",
    "No company, contact, lead or deal is named {name}.": "ไม่พบบริษัท ผู้ติดต่อ ลีด หรือดีลชื่อ {name}",
    "Nobody in the office is named {name} or has that e-mail.": "ไม่มีพนักงานชื่อ {name} หรือใช้อีเมลนี้",
    "Only the first of several repeat rules was kept.": "เก็บไว้เฉพาะรูปแบบการทำซ้ำแรกเท่านั้น",
    "Several records are named {name}; link the activity by hand.": (
        "มีหลายรายการชื่อ {name} โปรดเชื่อมโยงกิจกรรมเอง"
    ),
    "The calendar file cannot be read: {reason}": "อ่านไฟล์ปฏิทินไม่ได้: {reason}",
    "The calendar file is empty or cut short (no END:VCALENDAR).": "ไฟล์ปฏิทินว่างเปล่าหรือไม่สมบูรณ์ (ไม่มี END:VCALENDAR)",
    "The calendar file is larger than {limit} MB; split it into smaller files.": (
        "ไฟล์ปฏิทินใหญ่เกิน {limit} MB โปรดแบ่งเป็นไฟล์ที่เล็กลง"
    ),
    "The calendar holds no events.": "ไม่มีนัดหมายในปฏิทินนี้",
    "The calendar's time zone (X-WR-TIMEZONE) could not be applied.": "ใช้เขตเวลาของปฏิทิน (X-WR-TIMEZONE) ไม่ได้",
    "The end and the start are not both dates or both times; the end was left out.": (
        "เวลาเริ่มและเวลาสิ้นสุดไม่ได้เป็นวันที่หรือเวลาเหมือนกัน จึงข้ามเวลาสิ้นสุด"
    ),
    "The end is before the start and was left out.": "เวลาสิ้นสุดอยู่ก่อนเวลาเริ่ม จึงข้ามไป",
    "The event has no title.": "นัดหมายนี้ไม่มีหัวข้อ",
    "The event has {count} reminders; the earliest, {minutes} minutes before, was kept.": (
        "นัดหมายนี้มีการเตือน {count} รายการ เก็บไว้เฉพาะรายการแรกสุด คือล่วงหน้า {minutes} นาที"
    ),
    "The event lasts {days} days; it is imported on its first day.": (
        "นัดหมายนี้ยาว {days} วัน จึงนำเข้าเป็นกิจกรรมในวันแรก"
    ),
    "The file is not valid UTF-8; unreadable characters were replaced.": (
        "ไฟล์ไม่ใช่ UTF-8 ที่ถูกต้อง ตัวอักษรที่อ่านไม่ได้ถูกแทนที่"
    ),
    "The repeat rule cannot be kept as one series here (summer time, or a rule the app does not offer); its "
    "{count} dates from {first} to {last} were imported one by one.": (
        "เก็บรูปแบบการทำซ้ำนี้เป็นชุดเดียวไม่ได้ (เวลาออมแสง หรือรูปแบบที่โปรแกรมไม่รองรับ)"
        " จึงนำเข้า {count} ครั้ง ตั้งแต่ {first} ถึง {last} แยกทีละรายการ"
    ),
    "The repeat rule cannot be read; the event is imported once.": "อ่านรูปแบบการทำซ้ำไม่ได้ จึงนำเข้าเพียงครั้งเดียว",
    "The repeat rule cannot be used ({reason}); the event is imported once.": (
        "ใช้รูปแบบการทำซ้ำไม่ได้ ({reason}) จึงนำเข้าเพียงครั้งเดียว"
    ),
    "The repeat rule gives no dates to import.": "รูปแบบการทำซ้ำนี้ไม่มีวันที่ให้นำเข้า",
    "The repeat rule was written wrongly (spaces, escapes) and was read without them.": (
        "รูปแบบการทำซ้ำเขียนผิดรูปแบบ (มีช่องว่างหรืออักขระหลีก) จึงอ่านโดยตัดส่วนนั้นออก"
    ),
    "The repeating event this occurrence belongs to is not in the file; it is imported on its own.": (
        "ไม่พบนัดหมายที่ทำซ้ำซึ่งครั้งนี้เป็นส่วนหนึ่ง จึงนำเข้าเป็นกิจกรรมเดี่ยว"
    ),
    "The text was longer than {limit} characters and was shortened.": "ข้อความยาวเกิน {limit} ตัวอักษร จึงถูกตัดให้สั้นลง",
    "This is not an iCalendar file: it has no BEGIN:VCALENDAR.": "ไฟล์นี้ไม่ใช่ไฟล์ iCalendar (ไม่มี BEGIN:VCALENDAR)",
    "This value cannot be read and was left out: {reason}": "อ่านค่านี้ไม่ได้ จึงข้ามไป: {reason}",
    "Unknown time zone {zone}; the time was read as office time.": "ไม่รู้จักเขตเวลา {zone} จึงอ่านเป็นเวลาของสำนักงาน",
    "{count} birthdays and other yearly dates from crm_desktop were left out: they come from the contacts' and "
    "companies' own dates.": (
        "ข้ามวันเกิดและวันสำคัญประจำปี {count} รายการจาก crm_desktop เพราะมาจากข้อมูลของผู้ติดต่อและบริษัทอยู่แล้ว"
    ),
    "{count} {component} entries (not events) were left out.": "ข้ามรายการ {component} {count} รายการ (ไม่ใช่นัดหมาย)",
    "Warning: {text}": "คำเตือน: {text}",
    "… and {count} more warnings.": "… และคำเตือนอีก {count} รายการ",
    # erase helper (issue 15, PDPA): services/erase.py, db/changelog.py, sync/records.py
    "This person was erased at their request (PDPA): their personal data cannot be entered again. "
    "If they come back, add them as a new record.": (
        "บุคคลนี้ถูกลบข้อมูลตามคำขอแล้ว (PDPA) จึงใส่ข้อมูลส่วนบุคคลของเขากลับเข้าไปไม่ได้ "
        "หากเขากลับมาเป็นลูกค้าอีก โปรดเพิ่มเป็นระเบียนใหม่"
    ),
    "Erasing a person cannot be undone. Run the command again with --yes to confirm.": (
        "การลบข้อมูลบุคคลย้อนกลับไม่ได้ โปรดสั่งอีกครั้งพร้อม --yes เพื่อยืนยัน"
    ),
    # lists helper (export of lists, import's bad input)
    "{value} could not be read as a phone number; it was kept in the notes.": (
        "อ่าน {value} เป็นหมายเลขโทรศัพท์ไม่ได้ จึงเก็บไว้ในหมายเหตุแทน"
    ),
    # --- person helper (issue 15): consent history, "export this person's data" ---
    "Unknown consent channel {value}.": "ไม่รู้จักช่องทางการให้ความยินยอม {value}",
    "There is no contact or lead with id {id}.": "ไม่พบผู้ติดต่อหรือลีดที่มีรหัส {id}",
    "{path} is not a folder.": "{path} ไม่ใช่โฟลเดอร์",
    "Wrote the personal data to {pdf} and {json}": "บันทึกข้อมูลส่วนบุคคลไว้ที่ {pdf} และ {json}",
    # --- issue 15, helper "kinds": import of leads and products, a contact's company, yearly birthdays ---
    "{value} is not one of the lead sources: {allowed}.": "{value} ไม่ใช่แหล่งที่มาของลีดที่มีในรายการ: {allowed}",
    "No company has tax id {tax_id}; add the company's name to create it.": (
        "ไม่มีบริษัทที่มีเลขประจำตัวผู้เสียภาษี {tax_id} โปรดใส่ชื่อบริษัทเพื่อสร้างบริษัทใหม่"
    ),
    "A vCard file holds contacts: import it as contacts.": "ไฟล์ vCard เก็บข้อมูลผู้ติดต่อ โปรดนำเข้าเป็นผู้ติดต่อ",
    "{count} companies created for the contacts' company names.": (
        "สร้างบริษัทใหม่ {count} แห่งตามชื่อบริษัทของผู้ติดต่อ"
    ),
    # --- issue 15, helper "wizard2": a refused field named by its label in the errors CSV ---
    "Row {row}, {field}: {problem}": "แถวที่ {row} {field}: {problem}",
    # --- issue 17, helper "roles": refusals by role (roles.py, db/access.py) and logins (services/logins.py) ---
    "Only the owner can change settings.": "เฉพาะเจ้าของกิจการเท่านั้นที่เปลี่ยนการตั้งค่าได้",
    "Only the owner can add or change people and their passwords.": (
        "เฉพาะเจ้าของกิจการเท่านั้นที่เพิ่มหรือแก้ไขรายชื่อผู้ใช้และรหัสผ่านของผู้อื่นได้"
    ),
    "Only the owner or a manager can restore a backup.": "เฉพาะเจ้าของกิจการหรือผู้จัดการเท่านั้นที่กู้คืนข้อมูลสำรองได้",
    "Only the owner can restore the office server: it replaces the data of every desk.": (
        "เฉพาะเจ้าของกิจการเท่านั้นที่กู้คืนข้อมูลของเซิร์ฟเวอร์สำนักงานได้ เพราะจะแทนที่ข้อมูลของทุกเครื่อง"
    ),
    "Only the owner or a manager can erase a person's data.": (
        "เฉพาะเจ้าของกิจการหรือผู้จัดการเท่านั้นที่ลบข้อมูลส่วนบุคคลของลูกค้าได้"
    ),
    "Only the owner or a manager can make a backup by hand.": "เฉพาะเจ้าของกิจการหรือผู้จัดการเท่านั้นที่สำรองข้อมูลเองได้",
    "Only the owner or a manager can import records from a file or undo an import.": (
        "เฉพาะเจ้าของกิจการหรือผู้จัดการเท่านั้นที่นำเข้าข้อมูลจากไฟล์หรือยกเลิกการนำเข้าได้"
    ),
    "Staff cannot exchange sync files; ask someone in sales, a manager or the owner.": (
        "พนักงานรับส่งไฟล์ซิงค์ไม่ได้ โปรดให้ฝ่ายขาย ผู้จัดการ หรือเจ้าของกิจการเป็นผู้ดำเนินการ"
    ),
    "Only the owner or a manager can repair the clock.": "เฉพาะเจ้าของกิจการหรือผู้จัดการเท่านั้นที่ซ่อมนาฬิกาของข้อมูลได้",
    "Only the owner or a manager can change {what}.": "เฉพาะเจ้าของกิจการหรือผู้จัดการเท่านั้นที่แก้ไข{what}ได้",
    "Staff can read {what} but not change them; they add and change activities.": (
        "พนักงานดู{what}ได้แต่แก้ไขไม่ได้ (เพิ่มและแก้ไขได้เฉพาะกิจกรรม)"
    ),
    "Your role cannot change {what}.": "บทบาทของคุณแก้ไข{what}ไม่ได้",
    "This belongs to {name}: you can change only your own and unassigned {what}.": (
        "รายการนี้เป็นของ {name} คุณแก้ไขได้เฉพาะ{what}ของคุณเองและที่ยังไม่มีผู้รับผิดชอบ"
    ),
    "The person working on this copy is not on the list of people; choose who you are in Settings.": (
        "ผู้ใช้งานปัจจุบันไม่อยู่ในรายชื่อผู้ใช้ โปรดเลือกว่าคุณคือใครในหน้าการตั้งค่า"
    ),
    # the kinds of record a refusal names (roles.KINDS)
    "people": "รายชื่อผู้ใช้",
    "settings": "การตั้งค่า",
    "companies": "บริษัท",
    "contacts": "ผู้ติดต่อ",
    "special dates": "วันสำคัญ",
    "leads": "ลีด",
    "merges of duplicates": "การรวมรายการซ้ำ",
    "deals": "โอกาสการขาย",
    "quotations": "ใบเสนอราคา",
    "orders": "ใบสั่งขาย",
    "cases": "เรื่องบริการลูกค้า",
    "activities": "กิจกรรม",
    "reminders": "การเตือน",
    "forecasts": "การพยากรณ์ยอดขาย",
    "alerts": "การแจ้งเตือน",
    "products": "สินค้า",
    "pipeline stages": "ขั้นตอนการขาย",
    "lead scoring rules": "เกณฑ์การให้คะแนนลีด",
    "choice lists": "รายการตัวเลือก",
    "sales targets": "เป้าการขาย",
    "campaigns": "แคมเปญการตลาด",
    "segments": "กลุ่มลูกค้า",
    "alert rules": "กฎการแจ้งเตือน",
    "records": "ข้อมูลนี้",
    "A password has at least {count} characters.": "รหัสผ่านต้องมีอย่างน้อย {count} ตัวอักษร",
    "A password cannot begin or end with a space.": "รหัสผ่านขึ้นต้นหรือลงท้ายด้วยการเว้นวรรคไม่ได้",
    "Only an active person on the list can have a password.": "ตั้งรหัสผ่านได้เฉพาะผู้ใช้ที่ยังใช้งานอยู่ในรายชื่อ",
    "The current password is not right.": "รหัสผ่านปัจจุบันไม่ถูกต้อง",
    "Set your own password first: with logins on, nobody could log in as the owner.": (
        "โปรดตั้งรหัสผ่านของคุณเองก่อน มิฉะนั้นเมื่อเปิดการเข้าสู่ระบบแล้วจะไม่มีใครเข้าสู่ระบบในฐานะเจ้าของกิจการได้"
    ),
    "{name} is the only owner with a password and logins are on; give another owner a password first.": (
        "{name} เป็นเจ้าของกิจการคนเดียวที่มีรหัสผ่านขณะที่เปิดการเข้าสู่ระบบอยู่ โปรดตั้งรหัสผ่านให้เจ้าของกิจการคนอื่นก่อน"
    ),
    "This person cannot log in: the owner has not given them a password.": (
        "ผู้ใช้นี้ยังเข้าสู่ระบบไม่ได้ เพราะเจ้าของกิจการยังไม่ได้ตั้งรหัสผ่านให้"
    ),
    "Wrong password ({count} of {most} wrong tries; at {most} the account is locked for 15 minutes).": (
        "รหัสผ่านไม่ถูกต้อง (ผิดครั้งที่ {count} จาก {most} ครั้ง เมื่อครบ {most} ครั้ง บัญชีจะถูกล็อก 15 นาที)"
    ),
    "Too many wrong passwords: this account is locked until {time}.": (
        "ใส่รหัสผ่านผิดหลายครั้งเกินไป บัญชีนี้ถูกล็อกจนถึงเวลา {time} น."
    ),
    "This copy asks for a login: give --user NAME (or set CRM_DESKTOP_USER) and the password when asked "
    "(or in CRM_DESKTOP_PASSWORD).": (
        "ฐานข้อมูลชุดนี้ต้องเข้าสู่ระบบ โปรดระบุ --user ชื่อผู้ใช้ (หรือตั้งค่า CRM_DESKTOP_USER) "
        "แล้วใส่รหัสผ่านเมื่อถูกถาม (หรือใน CRM_DESKTOP_PASSWORD)"
    ),
    "Nobody active is called {name} (or several are); give the name as the list of people shows it.": (
        "ไม่มีผู้ใช้ที่ใช้งานอยู่ชื่อ {name} (หรือมีหลายคนที่ชื่อนี้) โปรดพิมพ์ชื่อตามที่แสดงในรายชื่อผู้ใช้"
    ),
    # services/cases (service cases: SLA, routing, status flow)
    "The office must close after it opens.": "เวลาปิดทำการต้องอยู่หลังเวลาเปิดทำการ",
    "Choose at least one working day.": "โปรดเลือกวันทำงานอย่างน้อยหนึ่งวัน",
    "No working day was found within ten years: check the office hours.": (
        "ไม่พบวันทำงานภายในสิบปีข้างหน้า โปรดตรวจสอบเวลาทำการ"
    ),
    "Give response and resolution hours for every priority.": (
        "โปรดกำหนดชั่วโมงตอบกลับและชั่วโมงแก้ไขเสร็จให้ครบทุกระดับความสำคัญ"
    ),
    "SLA hours must be a number.": "ชั่วโมง SLA ต้องเป็นตัวเลข",
    "An SLA of 0 hours cannot be met: give at least a few minutes ({priority}).": (
        "SLA 0 ชั่วโมงไม่มีทางทำได้ทัน โปรดให้เวลาอย่างน้อยสองสามนาที ({priority})"
    ),
    "An SLA is at most {max} working hours.": "SLA กำหนดได้ไม่เกิน {max} ชั่วโมงทำการ",
    "The first response cannot be due after the resolution ({priority}).": (
        "กำหนดตอบกลับครั้งแรกต้องไม่ช้ากว่ากำหนดแก้ไขเสร็จ ({priority})"
    ),
    "urgent priority": "ความสำคัญด่วนมาก",
    "high priority": "ความสำคัญสูง",
    "normal priority": "ความสำคัญปกติ",
    "low priority": "ความสำคัญต่ำ",
    "Only the owner or a manager can change the SLA and the routing of cases.": (
        "เฉพาะเจ้าของกิจการหรือผู้จัดการเท่านั้นที่เปลี่ยน SLA และการส่งต่อเรื่องบริการได้"
    ),
    "A routing rule matches a category or a province.": "กฎการส่งต่อต้องระบุหมวดหมู่หรือจังหวัด",
    "Routing rule {number} has no category or province.": "กฎการส่งต่อข้อ {number} ยังไม่ได้ระบุหมวดหมู่หรือจังหวัด",
    "Routing rule {number} names nobody to take its cases.": "กฎการส่งต่อข้อ {number} ยังไม่ได้ระบุผู้รับเรื่อง",
    "Routing rule {number} names a person who was removed.": "กฎการส่งต่อข้อ {number} ระบุผู้ใช้ที่ถูกลบไปแล้ว",
    "Routing rule {number} names {name}, who is deactivated: choose someone active.": (
        "กฎการส่งต่อข้อ {number} ระบุ {name} ซึ่งถูกปิดการใช้งานแล้ว โปรดเลือกผู้ที่ยังใช้งานอยู่"
    ),
    "Routing rule {number} names several people: give the team a name.": (
        "กฎการส่งต่อข้อ {number} ระบุหลายคน โปรดตั้งชื่อทีม"
    ),
    "Routing rule {number} names {names}, who is no longer active: ask a manager to change the rule.": (
        "กฎการส่งต่อข้อ {number} ระบุ {names} ซึ่งไม่ได้ใช้งานแล้ว โปรดแจ้งผู้จัดการให้แก้กฎ"
    ),
    "The chosen record was deleted meanwhile. Choose another.": "ระเบียนที่เลือกถูกลบไประหว่างนี้ โปรดเลือกใหม่",
    "{name} is deactivated: choose someone active to take the case.": (
        "{name} ถูกปิดการใช้งานแล้ว โปรดเลือกผู้ที่ยังใช้งานอยู่ให้รับเรื่อง"
    ),
    "A case is for a customer: choose a company or a contact.": "เรื่องบริการต้องมีลูกค้า โปรดเลือกบริษัทหรือผู้ติดต่อ",
    "{value} is not a channel of cases.": "{value} ไม่ใช่ช่องทางรับเรื่อง",
    "{value} is not a priority.": "{value} ไม่ใช่ระดับความสำคัญ",
    "{value} is not a status of cases.": "{value} ไม่ใช่สถานะของเรื่องบริการ",
    "The case was deleted by someone else. Refresh the list.": "เรื่องบริการนี้ถูกผู้อื่นลบไปแล้ว โปรดรีเฟรชรายการ",
    "A case cannot go back to new.": "เรื่องบริการย้อนกลับไปเป็น \"ใหม่\" ไม่ได้",
    "The case is resolved or closed: reopen it first.": "เรื่องนี้แก้ไขแล้วหรือปิดแล้ว โปรดเปิดเรื่องใหม่อีกครั้งก่อน",
    "A case already being worked on is not put back to assigned.": (
        "เรื่องที่กำลังดำเนินการอยู่แล้วจะย้อนกลับไปเป็น \"มอบหมายแล้ว\" ไม่ได้"
    ),
    "Give the case to someone first.": "โปรดมอบหมายเรื่องนี้ให้ผู้รับผิดชอบก่อน",
    "The case is still open.": "เรื่องนี้ยังเปิดอยู่",
    # services/alerts.py: alert rules and the alerts' messages
    "Unknown kind of alert rule: {kind}.": "ไม่รู้จักประเภทกฎการแจ้งเตือน: {kind}",
    "The amount is more than 0 baht and at most {most} baht.": "ยอดเงินต้องมากกว่า 0 บาท และไม่เกิน {most} บาท",
    "The number of days is a whole number from {low} to {high}.": (
        "จำนวนวันต้องเป็นจำนวนเต็มตั้งแต่ {low} ถึง {high} วัน"
    ),
    "The number of hours is a whole number from {low} to {high}.": (
        "จำนวนชั่วโมงต้องเป็นจำนวนเต็มตั้งแต่ {low} ถึง {high} ชั่วโมง"
    ),
    "A customer who spent over an amount this month": "ลูกค้าที่ซื้อเกินยอดที่กำหนดในเดือนนี้",
    "A top customer with no contact for some days": "ลูกค้าคนสำคัญที่ไม่ได้ติดต่อมาหลายวัน",
    "A deal in the same stage for some days": "ดีลที่ค้างอยู่ขั้นเดิมหลายวัน",
    "A quotation expiring within some days": "ใบเสนอราคาที่ใกล้หมดอายุ",
    "An order late for delivery": "คำสั่งซื้อที่ส่งของล่าช้า",
    "A case near or past its SLA": "เรื่องบริการที่ใกล้ถึงหรือเลยกำหนด SLA",
    "A top customer's birthday within some days": "วันเกิดของลูกค้าคนสำคัญที่ใกล้จะถึง",
    "{customer} bought {amount} baht this month": "{customer} ซื้อไปแล้ว {amount} บาทในเดือนนี้",
    "Top customer {customer}: no contact since {last}": "ลูกค้าคนสำคัญ {customer} ไม่ได้ติดต่อเลยตั้งแต่ {last}",
    "Top customer {customer} has never been contacted": "ลูกค้าคนสำคัญ {customer} ยังไม่เคยได้รับการติดต่อ",
    "Deal {deal} has been in stage {stage} since {since}": "ดีล {deal} ค้างอยู่ที่ขั้น {stage} ตั้งแต่ {since}",
    "Quotation {number} for {customer} expires on {valid_until}": (
        "ใบเสนอราคา {number} ของ {customer} จะหมดอายุวันที่ {valid_until}"
    ),
    "Order {number} for {customer} was promised for {promised} and is not delivered": (
        "คำสั่งซื้อ {number} ของ {customer} นัดส่งวันที่ {promised} แต่ยังส่งไม่ครบ"
    ),
    "Case {number} ({subject}) is due by {due}": "เรื่องบริการ {number} ({subject}) ต้องแก้ไขให้เสร็จภายใน {due} น.",
    "Case {number} ({subject}) is past its SLA, due {due}": (
        "เรื่องบริการ {number} ({subject}) เลยกำหนด SLA แล้ว (กำหนด {due} น.)"
    ),
    "Case {number} ({subject}) needs a first response by {due}": (
        "เรื่องบริการ {number} ({subject}) ต้องตอบกลับลูกค้าครั้งแรกภายใน {due} น."
    ),
    "Case {number} ({subject}) is past its first-response time, due {due}": (
        "เรื่องบริการ {number} ({subject}) เลยกำหนดตอบกลับลูกค้าครั้งแรกแล้ว (กำหนด {due} น.)"
    ),
    "Birthday of top customer {customer} on {on}": "วันเกิดของลูกค้าคนสำคัญ {customer} วันที่ {on}",
}


def translate(template: str, lang: str) -> str:
    """Return the template in `lang`, falling back to English when no Thai text exists."""
    if lang == "th":
        return THAI.get(template, template)
    return template
