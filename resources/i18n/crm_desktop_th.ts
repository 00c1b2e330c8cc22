<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About</source>
        <translation>เกี่ยวกับโปรแกรม</translation>
    </message>
    <message>
        <source>CRM Desktop %1</source>
        <translation>CRM Desktop %1</translation>
    </message>
    <message>
        <source>An offline-first CRM for small Thai businesses: accounts, contacts and more, kept in one file on this computer.

Thai text uses the Sarabun font (SIL Open Font License).</source>
        <translation>โปรแกรม CRM สำหรับธุรกิจขนาดเล็กในไทย ใช้งานได้โดยไม่ต้องต่ออินเทอร์เน็ต เก็บข้อมูลบริษัท ผู้ติดต่อ และอื่น ๆ ไว้ในไฟล์เดียวบนคอมพิวเตอร์เครื่องนี้

ตัวอักษรภาษาไทยใช้ฟอนต์ Sarabun (SIL Open Font License)</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>ยังไม่ได้เชื่อมต่อ</translation>
    </message>
    <message>
        <source>Office server</source>
        <translation>เซิร์ฟเวอร์ของสำนักงาน</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>ฐานข้อมูล</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>โฟลเดอร์ข้อมูล</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>โฟลเดอร์สำรองข้อมูล</translation>
    </message>
    <message>
        <source>Log folder</source>
        <translation>โฟลเดอร์บันทึกการทำงาน</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>คัดลอก</translation>
    </message>
    <message>
        <source>Copy these facts as text, to send to whoever supports this program</source>
        <translation>คัดลอกข้อมูลเหล่านี้เป็นข้อความ เพื่อส่งให้ผู้ดูแลโปรแกรม</translation>
    </message>
    <message>
        <source>%1 (not created yet)</source>
        <translation>%1 (ยังไม่ได้สร้าง)</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>เปิดโฟลเดอร์</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>คัดลอกแล้ว</translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <source>New account</source>
        <translation>เพิ่มบริษัท</translation>
    </message>
    <message>
        <source>Edit account</source>
        <translation>แก้ไขข้อมูลบริษัท</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>ข้อมูลบริษัท</translation>
    </message>
    <message>
        <source>e.g. บริษัท สยามการค้า จำกัด</source>
        <translation>เช่น บริษัท สยามการค้า จำกัด</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>ชื่อบริษัท *</translation>
    </message>
    <message>
        <source>Tax ID</source>
        <translation>เลขประจำตัวผู้เสียภาษี</translation>
    </message>
    <message>
        <source>00000 = head office</source>
        <translation>00000 = สำนักงานใหญ่</translation>
    </message>
    <message>
        <source>5 digits from the tax registration; 00000 is the head office (สำนักงานใหญ่). Left empty with a tax ID, it means the head office.</source>
        <translation>เลข 5 หลักตามที่จดทะเบียนกับกรมสรรพากร 00000 คือสำนักงานใหญ่ ถ้ามีเลขประจำตัวผู้เสียภาษีแต่เว้นช่องนี้ไว้ จะถือเป็นสำนักงานใหญ่</translation>
    </message>
    <message>
        <source>Branch code</source>
        <translation>รหัสสาขา</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>ประเภทธุรกิจ</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>กลุ่มลูกค้า</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>โทรศัพท์</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>อีเมล</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>เว็บไซต์</translation>
    </message>
    <message>
        <source>Founded</source>
        <translation>วันก่อตั้ง</translation>
    </message>
    <message>
        <source>Type part of the parent company&apos;s name…</source>
        <translation>พิมพ์ชื่อบริษัทแม่บางส่วน…</translation>
    </message>
    <message>
        <source>No matching account</source>
        <translation>ไม่พบบริษัทที่ตรงกัน</translation>
    </message>
    <message>
        <source>Parent company</source>
        <translation>บริษัทแม่</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>(ไม่ระบุ)</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>ผู้รับผิดชอบ</translation>
    </message>
    <message>
        <source>comma-separated, e.g. VIP, ลูกค้าประจำ</source>
        <translation>คั่นด้วยจุลภาค เช่น VIP, ลูกค้าประจำ</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>แท็ก</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>หมายเหตุ</translation>
    </message>
    <message>
        <source>* required</source>
        <translation>* จำเป็นต้องกรอก</translation>
    </message>
    <message>
        <source>Choose the parent company from the list that appears while you type, or clear the field.</source>
        <translation>โปรดเลือกบริษัทแม่จากรายการที่ขึ้นมาขณะพิมพ์ หรือลบข้อความในช่องนี้ออก</translation>
    </message>
    <message>
        <source>Added account %1</source>
        <translation>เพิ่มบริษัท %1 แล้ว</translation>
    </message>
    <message>
        <source>Saved account %1</source>
        <translation>บันทึกข้อมูลบริษัท %1 แล้ว</translation>
    </message>
</context>
<context>
    <name>AccountsTab</name>
    <message>
        <source>Name</source>
        <translation>ชื่อบริษัท</translation>
    </message>
    <message>
        <source>Tax ID</source>
        <translation>เลขผู้เสียภาษี</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>สาขา</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>ประเภทธุรกิจ</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>กลุ่มลูกค้า</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>โทรศัพท์</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>อีเมล</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>จังหวัด</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>ผู้รับผิดชอบ</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>บริษัทแม่</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>แท็ก</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>แก้ไขล่าสุด</translation>
    </message>
    <message>
        <source>All provinces</source>
        <translation>ทุกจังหวัด</translation>
    </message>
    <message>
        <source>All segments</source>
        <translation>ทุกกลุ่มลูกค้า</translation>
    </message>
    <message>
        <source>All owners</source>
        <translation>ผู้รับผิดชอบทุกคน</translation>
    </message>
    <message>
        <source>Filter by name, tax ID, phone or e-mail…</source>
        <translation>กรองตามชื่อ เลขผู้เสียภาษี เบอร์โทร หรืออีเมล…</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s)</source>
        <translation>
            <numerusform>%Ln บริษัท</numerusform>
        </translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>บริษัท</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n account(s)?</source>
        <translation>
            <numerusform>ต้องการลบ %Ln บริษัทหรือไม่?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n account(s)</source>
        <translation>
            <numerusform>ลบ %Ln บริษัทแล้ว</numerusform>
        </translation>
    </message>
    <message>
        <source>Customer 360</source>
        <translation>ภาพรวมลูกค้า 360</translation>
    </message>
    <message>
        <source>Everything about this customer on one page: sales, what is open, what to offer next</source>
        <translation>ทุกอย่างของลูกค้ารายนี้ในหน้าเดียว: ยอดขาย งานที่ค้างอยู่ และสินค้าที่ควรเสนอต่อ</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>เว็บไซต์</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>ที่อยู่</translation>
    </message>
    <message>
        <source>Founded</source>
        <translation>วันก่อตั้ง</translation>
    </message>
    <message>
        <source>Parent company</source>
        <translation>บริษัทแม่</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>หมายเหตุ</translation>
    </message>
    <message>
        <source>Branches and subsidiaries</source>
        <translation>สาขาและบริษัทในเครือ</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>ผู้ติดต่อ</translation>
    </message>
    <message>
        <source>Add contact…</source>
        <translation>เพิ่มผู้ติดต่อ…</translation>
    </message>
    <message>
        <source>Double-click a contact to open it in the Contacts tab.</source>
        <translation>ดับเบิลคลิกที่ผู้ติดต่อเพื่อเปิดดูในแท็บผู้ติดต่อ</translation>
    </message>
    <message>
        <source>Select an account to see its details.</source>
        <translation>เลือกบริษัทเพื่อดูรายละเอียด</translation>
    </message>
    <message numerus="yes">
        <source>Contacts (%n)</source>
        <translation>
            <numerusform>ผู้ติดต่อ (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Head office</source>
        <translation>สำนักงานใหญ่</translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <source>New activity</source>
        <translation>เพิ่มกิจกรรม</translation>
    </message>
    <message>
        <source>Edit activity</source>
        <translation>แก้ไขกิจกรรม</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>กิจกรรม</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <source>e.g. โทรติดตามใบเสนอราคา, นัดดูหน้างาน</source>
        <translation>เช่น โทรติดตามใบเสนอราคา, นัดดูหน้างาน</translation>
    </message>
    <message>
        <source>Subject *</source>
        <translation>เรื่อง *</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>สิ้นสุด</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>สถานที่</translation>
    </message>
    <message>
        <source>No reminder</source>
        <translation>ไม่เตือน</translation>
    </message>
    <message>
        <source>minutes before</source>
        <translation>นาทีก่อนเริ่ม</translation>
    </message>
    <message>
        <source>hours before</source>
        <translation>ชั่วโมงก่อนเริ่ม</translation>
    </message>
    <message>
        <source>days before</source>
        <translation>วันก่อนเริ่ม</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>แจ้งเตือน</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>รายละเอียด</translation>
    </message>
    <message>
        <source>People and customer</source>
        <translation>ผู้รับผิดชอบและลูกค้า</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>เจ้าของงาน</translation>
    </message>
    <message>
        <source>Who does it</source>
        <translation>คนที่ลงมือทำกิจกรรมนี้</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>มอบหมายให้</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>ความสำคัญ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>บริษัท</translation>
    </message>
    <message>
        <source>Type part of the company&apos;s name…</source>
        <translation>พิมพ์ชื่อบริษัทบางส่วน…</translation>
    </message>
    <message>
        <source>No matching account</source>
        <translation>ไม่พบบริษัทที่ตรงกัน</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>ผู้ติดต่อ</translation>
    </message>
    <message>
        <source>Type part of the contact&apos;s name…</source>
        <translation>พิมพ์ชื่อผู้ติดต่อบางส่วน…</translation>
    </message>
    <message>
        <source>No matching contact</source>
        <translation>ไม่พบผู้ติดต่อที่ตรงกัน</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>ลีด</translation>
    </message>
    <message>
        <source>Type part of the lead&apos;s name…</source>
        <translation>พิมพ์ชื่อลีดบางส่วน…</translation>
    </message>
    <message>
        <source>No matching lead</source>
        <translation>ไม่พบลีดที่ตรงกัน</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>ดีล</translation>
    </message>
    <message>
        <source>Type part of the deal&apos;s name…</source>
        <translation>พิมพ์ชื่อดีลบางส่วน…</translation>
    </message>
    <message>
        <source>No matching deal</source>
        <translation>ไม่พบดีลที่ตรงกัน</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>ลบ…</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>(ถูกลบแล้ว)</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>(ไม่ระบุ)</translation>
    </message>
    <message>
        <source>%1 (no longer active)</source>
        <translation>%1 (เลิกใช้งานแล้ว)</translation>
    </message>
    <message>
        <source>No set time</source>
        <translation>ไม่ระบุเวลา</translation>
    </message>
    <message>
        <source>All day</source>
        <translation>ทั้งวัน</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>ครบกำหนด</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>วันที่</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>เริ่ม</translation>
    </message>
    <message>
        <source>Choose the record from the list that appears while you type, or clear the field.</source>
        <translation>เลือกรายการจากรายชื่อที่ขึ้นมาขณะพิมพ์ หรือลบข้อความในช่องนี้ออก</translation>
    </message>
    <message>
        <source>Save the changes to this repeating activity?</source>
        <translation>บันทึกการแก้ไขกิจกรรมที่ทำซ้ำนี้หรือไม่</translation>
    </message>
    <message>
        <source>Someone else is on it</source>
        <translation>มีคนอื่นดูแลลูกค้ารายนี้อยู่</translation>
    </message>
    <message>
        <source>Someone else already has an open activity with this customer:</source>
        <translation>เพื่อนร่วมงานมีกิจกรรมที่ยังไม่เสร็จกับลูกค้ารายนี้อยู่แล้ว:</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>บันทึกต่อไป</translation>
    </message>
    <message>
        <source>Open it</source>
        <translation>เปิดดูกิจกรรมนั้น</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>กลับไปแก้ไข</translation>
    </message>
    <message>
        <source>Added activity %1</source>
        <translation>เพิ่มกิจกรรม %1 แล้ว</translation>
    </message>
    <message>
        <source>Saved activity %1</source>
        <translation>บันทึกกิจกรรม %1 แล้ว</translation>
    </message>
    <message>
        <source>Delete this repeating activity?</source>
        <translation>ลบกิจกรรมที่ทำซ้ำนี้หรือไม่</translation>
    </message>
    <message>
        <source>Delete activity</source>
        <translation>ลบกิจกรรม</translation>
    </message>
    <message>
        <source>Delete this activity?</source>
        <translation>ลบกิจกรรมนี้หรือไม่</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>ลบ</translation>
    </message>
    <message>
        <source>Deleted activity %1</source>
        <translation>ลบกิจกรรม %1 แล้ว</translation>
    </message>
</context>
<context>
    <name>ActivityLabels</name>
    <message>
        <source>Task</source>
        <translation>งาน</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>ประชุม</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>โทร</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>อีเมล</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>เยี่ยมลูกค้า</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>ต่ำ</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>ปกติ</translation>
    </message>
    <message>
        <source>High</source>
        <translation>สูง</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>วางแผนไว้</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>เสร็จแล้ว</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>ยกเลิกแล้ว</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>วางแผนไว้</translation>
    </message>
    <message>
        <source>done</source>
        <translation>เสร็จแล้ว</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>ยกเลิก</translation>
    </message>
</context>
<context>
    <name>AddPeopleDialog</name>
    <message>
        <source>Add people to %1</source>
        <translation>เพิ่มรายชื่อเข้าแคมเปญ %1</translation>
    </message>
    <message>
        <source>Name, nickname, phone or e-mail</source>
        <translation>ชื่อ ชื่อเล่น เบอร์โทร หรืออีเมล</translation>
    </message>
    <message>
        <source>Tick the people to add; people already in the campaign stay as they are.</source>
        <translation>เลือกรายชื่อที่ต้องการเพิ่ม ผู้ที่อยู่ในแคมเปญแล้วจะคงไว้ตามเดิม</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>เพิ่ม</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
    <message>
        <source>%1 people added</source>
        <translation>เพิ่มแล้ว %1 คน</translation>
    </message>
</context>
<context>
    <name>AddressBox</name>
    <message>
        <source>Address</source>
        <translation>ที่อยู่</translation>
    </message>
    <message>
        <source>No., building, soi, road</source>
        <translation>เลขที่ อาคาร ซอย ถนน</translation>
    </message>
    <message>
        <source>Subdistrict (tambon/khwaeng)</source>
        <translation>ตำบล/แขวง</translation>
    </message>
    <message>
        <source>District (amphoe/khet)</source>
        <translation>อำเภอ/เขต</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>จังหวัด</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>รหัสไปรษณีย์</translation>
    </message>
</context>
<context>
    <name>AgendaView</name>
    <message>
        <source>Time</source>
        <translation>เวลา</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>เรื่อง</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>ลูกค้า</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>ผู้รับผิดชอบ</translation>
    </message>
    <message>
        <source>All day</source>
        <translation>ทั้งวัน</translation>
    </message>
</context>
<context>
    <name>AlertRulesDialog</name>
    <message>
        <source>Alert rules</source>
        <translation>กฎการแจ้งเตือน</translation>
    </message>
    <message>
        <source>New rule</source>
        <translation>เพิ่มกฎ</translation>
    </message>
    <message>
        <source>Checked at start and every 5 minutes</source>
        <translation>ตรวจเมื่อเปิดโปรแกรมและทุก 5 นาที</translation>
    </message>
    <message>
        <source>Also make a task for the record&apos;s owner</source>
        <translation>สร้างงานให้ผู้ดูแลข้อมูลนั้นด้วย</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ชื่อกฎ</translation>
    </message>
    <message>
        <source>Watch for</source>
        <translation>เฝ้าดู</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>ใช้งาน</translation>
    </message>
    <message>
        <source>Delete rule</source>
        <translation>ลบกฎ</translation>
    </message>
    <message>
        <source>Save rule</source>
        <translation>บันทึกกฎ</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
    <message>
        <source>Only the owner or a manager can change alert rules.</source>
        <translation>เฉพาะเจ้าของกิจการหรือผู้จัดการเท่านั้นที่แก้ไขกฎการแจ้งเตือนได้</translation>
    </message>
    <message>
        <source>%1 (off)</source>
        <translation>%1 (ปิดอยู่)</translation>
    </message>
    <message>
        <source>Over (baht)</source>
        <translation>เกิน (บาท)</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>จำนวนวัน</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>จำนวนชั่วโมง</translation>
    </message>
    <message>
        <source>A customer whose sales this month are over this amount (before VAT).</source>
        <translation>ลูกค้าที่มียอดซื้อในเดือนนี้เกินจำนวนนี้ (ก่อน VAT)</translation>
    </message>
    <message>
        <source>A customer in the top fifth by sales over the last 12 months with no activity marked done with them for this many days.</source>
        <translation>ลูกค้าที่มียอดซื้อ 12 เดือนล่าสุดอยู่ในกลุ่มสูงสุด 20% แต่ไม่มีกิจกรรมกับลูกค้าที่ทำเสร็จแล้วมาตามจำนวนวันนี้</translation>
    </message>
    <message>
        <source>An open deal that has not moved to another stage for this many days.</source>
        <translation>ดีลที่ยังเปิดอยู่และไม่ขยับไปขั้นอื่นมาแล้วตามจำนวนวันนี้</translation>
    </message>
    <message>
        <source>A sent quotation whose validity ends within this many days.</source>
        <translation>ใบเสนอราคาที่ส่งแล้วและจะหมดอายุภายในจำนวนวันนี้</translation>
    </message>
    <message>
        <source>An order with a line still not delivered this many days after the promised day.</source>
        <translation>คำสั่งซื้อที่ยังมีรายการส่งไม่ครบ เลยวันนัดส่งมาแล้วตามจำนวนวันนี้</translation>
    </message>
    <message>
        <source>An open case due within this many hours, or already past its due time.</source>
        <translation>เรื่องบริการที่ยังเปิดอยู่และจะถึงกำหนดภายในจำนวนชั่วโมงนี้ หรือเลยกำหนดไปแล้ว</translation>
    </message>
    <message>
        <source>The birthday of a top customer (or of someone at a top company) within this many days.</source>
        <translation>วันเกิดของลูกค้าคนสำคัญ (หรือผู้ติดต่อในบริษัทลูกค้าคนสำคัญ) ภายในจำนวนวันนี้</translation>
    </message>
    <message>
        <source>Alert rule saved</source>
        <translation>บันทึกกฎการแจ้งเตือนแล้ว</translation>
    </message>
    <message>
        <source>Delete the rule “%1”? Its alerts stay in the list until dismissed.</source>
        <translation>ลบกฎ “%1” หรือไม่ การแจ้งเตือนที่เกิดจากกฎนี้จะยังอยู่ในรายการจนกว่าจะปิด</translation>
    </message>
    <message>
        <source>Delete alert rule</source>
        <translation>ลบกฎการแจ้งเตือน</translation>
    </message>
    <message>
        <source>Alert rule deleted</source>
        <translation>ลบกฎการแจ้งเตือนแล้ว</translation>
    </message>
</context>
<context>
    <name>AlertWatcher</name>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>และอีก %Ln รายการ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new alert(s)</source>
        <translation>
            <numerusform>การแจ้งเตือนใหม่ %Ln รายการ</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AlertsTab</name>
    <message>
        <source>Only my records</source>
        <translation>เฉพาะข้อมูลของฉัน</translation>
    </message>
    <message>
        <source>Open record</source>
        <translation>เปิดข้อมูล</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>ปิดการแจ้งเตือน</translation>
    </message>
    <message>
        <source>Remove the selected alerts from your list (others still see them), on every copy after a sync</source>
        <translation>เอาการแจ้งเตือนที่เลือกออกจากรายการของคุณ (คนอื่นยังเห็นอยู่) มีผลทุกเครื่องหลังซิงค์</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>เตือนอีกครั้ง</translation>
    </message>
    <message>
        <source>For 1 hour</source>
        <translation>อีก 1 ชั่วโมง</translation>
    </message>
    <message>
        <source>Until tomorrow 09:00</source>
        <translation>พรุ่งนี้ 09:00 น.</translation>
    </message>
    <message>
        <source>Until next Monday 09:00</source>
        <translation>วันจันทร์หน้า 09:00 น.</translation>
    </message>
    <message>
        <source>Rules…</source>
        <translation>กฎ…</translation>
    </message>
    <message>
        <source>What the alerts watch for (the owner and managers change them)</source>
        <translation>สิ่งที่การแจ้งเตือนเฝ้าดู (เจ้าของกิจการและผู้จัดการแก้ไขได้)</translation>
    </message>
    <message>
        <source>Nothing needs attention now. The rules are checked at start and every 5 minutes.</source>
        <translation>ตอนนี้ยังไม่มีเรื่องที่ต้องดูแล โปรแกรมตรวจตามกฎเมื่อเปิดโปรแกรมและทุก 5 นาที</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>บริษัท</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>ผู้ติดต่อ</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>ดีล</translation>
    </message>
    <message>
        <source>Quotation</source>
        <translation>ใบเสนอราคา</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>คำสั่งซื้อ</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>เรื่องบริการ</translation>
    </message>
    <message>
        <source>When</source>
        <translation>เมื่อ</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>การแจ้งเตือน</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>ข้อมูล</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>ผู้ดูแล</translation>
    </message>
    <message numerus="yes">
        <source>%n open alert(s)</source>
        <translation>
            <numerusform>การแจ้งเตือนที่ยังเปิดอยู่ %Ln รายการ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s) dismissed</source>
        <translation>
            <numerusform>ปิดการแจ้งเตือนแล้ว %Ln รายการ</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Undo dismiss</source>
        <translation>เลิกทำการปิดการแจ้งเตือน(&amp;U)</translation>
    </message>
    <message>
        <source>Snoozed until %1</source>
        <translation>จะเตือนอีกครั้ง %1</translation>
    </message>
    <message>
        <source>&amp;Undo snooze</source>
        <translation>เลิกทำการเตือนอีกครั้ง(&amp;U)</translation>
    </message>
</context>
<context>
    <name>AnalysisView</name>
    <message>
        <source>Export to Excel…</source>
        <translation>ส่งออกเป็น Excel…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>ส่งออกเป็น CSV…</translation>
    </message>
    <message>
        <source>Comma-separated text (UTF-8) that Excel and other programs open</source>
        <translation>ไฟล์ข้อความคั่นด้วยจุลภาค (UTF-8) ที่ Excel และโปรแกรมอื่นเปิดได้</translation>
    </message>
    <message>
        <source>Weights…</source>
        <translation>น้ำหนัก…</translation>
    </message>
    <message>
        <source>How much recency, frequency and money count in the ranking</source>
        <translation>ความใหม่ ความถี่ และยอดเงิน มีน้ำหนักในการจัดอันดับเท่าใด</translation>
    </message>
    <message>
        <source>%1 · working…</source>
        <translation>%1 · กำลังคำนวณ…</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>กำลังคำนวณ…</translation>
    </message>
    <message>
        <source>Nothing in this period</source>
        <translation>ไม่มีข้อมูลในช่วงนี้</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>ส่งออกเป็น Excel</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>ส่งออกเป็น CSV</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>สมุดงาน Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>ไฟล์ CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>Anniversaries</name>
    <message>
        <source>Birthday</source>
        <translation>วันเกิด</translation>
    </message>
    <message>
        <source>Birthday, turns %n</source>
        <translation>วันเกิด อายุครบ %n ปี</translation>
    </message>
    <message>
        <source>Founding day</source>
        <translation>วันก่อตั้งบริษัท</translation>
    </message>
    <message>
        <source>Founded 1 year ago</source>
        <translation>ก่อตั้งครบ 1 ปี</translation>
    </message>
    <message>
        <source>Founded %n years ago</source>
        <translation>ก่อตั้งครบ %n ปี</translation>
    </message>
    <message>
        <source>%1, 1 year</source>
        <translation>%1 ครบ 1 ปี</translation>
    </message>
    <message>
        <source>%1, %n years</source>
        <translation>%1 ครบ %n ปี</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>วันนี้</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>พรุ่งนี้</translation>
    </message>
    <message>
        <source>In %n days</source>
        <translation>อีก %n วัน</translation>
    </message>
    <message>
        <source>Greeting: %1 — %2</source>
        <translation>ส่งคำอวยพร: %1 — %2</translation>
    </message>
</context>
<context>
    <name>AnniversariesTab</name>
    <message>
        <source>Previous month</source>
        <translation>เดือนก่อนหน้า</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>เดือนถัดไป</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>เดือนนี้</translation>
    </message>
    <message>
        <source>Reminders…</source>
        <translation>ตั้งเตือน…</translation>
    </message>
    <message>
        <source>How many days before each kind of date the reminder comes</source>
        <translation>ให้เตือนล่วงหน้ากี่วันสำหรับวันสำคัญแต่ละประเภท</translation>
    </message>
    <message>
        <source>Greeting task</source>
        <translation>งานส่งคำอวยพร</translation>
    </message>
    <message>
        <source>Plan a task for the customer&apos;s owner to send greetings on the day</source>
        <translation>สร้างงานให้ผู้ดูแลลูกค้าส่งคำอวยพรในวันนั้น</translation>
    </message>
    <message>
        <source>Greeting call</source>
        <translation>โทรอวยพร</translation>
    </message>
    <message>
        <source>Plan a call for the customer&apos;s owner on the day</source>
        <translation>นัดให้ผู้ดูแลลูกค้าโทรอวยพรในวันนั้น</translation>
    </message>
    <message>
        <source>Next %1 days (%2)</source>
        <translation>%1 วันข้างหน้า (%2 รายการ)</translation>
    </message>
    <message>
        <source>Planned: %1</source>
        <translation>สร้างแล้ว: %1</translation>
    </message>
</context>
<context>
    <name>BackupsPage</name>
    <message>
        <source>Daily</source>
        <translation>รายวัน</translation>
    </message>
    <message>
        <source>Made by hand</source>
        <translation>สำรองเอง</translation>
    </message>
    <message>
        <source>Before an upgrade</source>
        <translation>ก่อนอัปเกรด</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>ก่อนกู้คืน</translation>
    </message>
    <message>
        <source>Before an import</source>
        <translation>ก่อนนำเข้าข้อมูล</translation>
    </message>
    <message>
        <source>Before a sync import</source>
        <translation>ก่อนนำเข้าข้อมูลซิงค์</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>กู้คืน</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>กำลังกู้คืนข้อมูลสำรอง…</translation>
    </message>
    <message>
        <source>This copy&apos;s own settings could not be read from the damaged database, so those saved in the backup are in use. Check the office key on the Sync tab and the number of backups to keep.</source>
        <translation>อ่านการตั้งค่าเฉพาะของเครื่องนี้จากฐานข้อมูลที่เสียหายไม่ได้ จึงใช้การตั้งค่าที่บันทึกไว้ในไฟล์สำรองข้อมูลแทน โปรดตรวจสอบรหัสสำนักงานในแท็บซิงก์ข้อมูล และจำนวนไฟล์สำรองอัตโนมัติที่เก็บไว้</translation>
    </message>
    <message>
        <source>A backup is made every day when the program starts, and before upgrades, imports and restores; the oldest automatic ones are deleted. Backups you make yourself are kept until you delete them.</source>
        <translation>โปรแกรมจะสำรองข้อมูลทุกวันเมื่อเปิดโปรแกรม และก่อนอัปเกรด นำเข้าข้อมูล หรือกู้คืน โดยจะลบไฟล์สำรองอัตโนมัติที่เก่าที่สุดออก ส่วนไฟล์สำรองที่คุณสร้างเองจะเก็บไว้จนกว่าคุณจะลบเอง</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>เวลาที่สำรอง</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>ขนาด</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>สำรองข้อมูลตอนนี้</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>กู้คืน…</translation>
    </message>
    <message>
        <source>Restore from file…</source>
        <translation>กู้คืนจากไฟล์…</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>เปิดโฟลเดอร์</translation>
    </message>
    <message>
        <source>Automatic backups to keep</source>
        <translation>จำนวนไฟล์สำรองอัตโนมัติที่เก็บไว้</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 เมกะไบต์</translation>
    </message>
    <message>
        <source>Cancelled: no backup was made.</source>
        <translation>ยกเลิกแล้ว: ไม่ได้สำรองข้อมูล</translation>
    </message>
    <message>
        <source>Back up</source>
        <translation>สำรองข้อมูล</translation>
    </message>
    <message>
        <source>Backing up the database…</source>
        <translation>กำลังสำรองข้อมูล…</translation>
    </message>
    <message>
        <source>Backup saved: %1</source>
        <translation>สำรองข้อมูลแล้ว: %1</translation>
    </message>
    <message>
        <source>Backup of the office server saved by pg_dump: %1</source>
        <translation>สำรองข้อมูลของเซิร์ฟเวอร์สำนักงานด้วย pg_dump แล้ว: %1</translation>
    </message>
    <message>
        <source>Backup of the office server saved by this program&apos;s own export, as a database file (pg_dump is not installed on this computer): %1</source>
        <translation>สำรองข้อมูลของเซิร์ฟเวอร์สำนักงานด้วยการส่งออกของโปรแกรมนี้เองเป็นไฟล์ฐานข้อมูลแล้ว (เครื่องนี้ไม่มี pg_dump): %1</translation>
    </message>
    <message>
        <source>the backup of %1</source>
        <translation>ข้อมูลสำรองเมื่อ %1</translation>
    </message>
    <message>
        <source>Restore from file</source>
        <translation>กู้คืนจากไฟล์</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>กู้คืนข้อมูลสำรอง</translation>
    </message>
    <message>
        <source>Replace all the data in this database with %1?</source>
        <translation>ต้องการแทนที่ข้อมูลทั้งหมดในฐานข้อมูลนี้ด้วย %1 หรือไม่</translation>
    </message>
    <message>
        <source>Everything entered since that backup will be replaced. A backup of the current data is made first, so you can go back to it the same way.</source>
        <translation>ข้อมูลทั้งหมดที่บันทึกหลังจากสำรองครั้งนั้นจะถูกแทนที่ โปรแกรมจะสำรองข้อมูลปัจจุบันไว้ก่อน คุณจึงกู้คืนกลับมาได้ด้วยวิธีเดียวกัน</translation>
    </message>
    <message>
        <source>This is the office server: the data of every desk is replaced, and the other desks are told to start the program again.</source>
        <translation>นี่คือเซิร์ฟเวอร์สำนักงาน ข้อมูลของทุกเครื่องจะถูกแทนที่ และเครื่องอื่นจะได้รับแจ้งให้เปิดโปรแกรมใหม่</translation>
    </message>
</context>
<context>
    <name>CalendarTab</name>
    <message>
        <source>The dates shown…</source>
        <translation>ช่วงวันที่แสดงอยู่…</translation>
    </message>
    <message>
        <source>The next 12 months…</source>
        <translation>12 เดือนข้างหน้า…</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>วันนี้</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>ก่อนหน้า</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>ถัดไป</translation>
    </message>
    <message>
        <source>Go to date</source>
        <translation>ไปที่วันที่</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>วัน</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>สัปดาห์</translation>
    </message>
    <message>
        <source>Work week</source>
        <translation>สัปดาห์ทำงาน</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>เดือน</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>กำหนดการ</translation>
    </message>
    <message>
        <source>Colour by kind</source>
        <translation>สีตามประเภท</translation>
    </message>
    <message>
        <source>Colour by person</source>
        <translation>สีตามบุคคล</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>แยกคอลัมน์รายคน</translation>
    </message>
    <message>
        <source>Export .ics</source>
        <translation>ส่งออกไฟล์ .ics</translation>
    </message>
    <message>
        <source>A calendar file for Google Calendar, Outlook or Apple Calendar: the chosen person&apos;s activities (everyone&apos;s when none or several are chosen). Exporting again updates the same events.</source>
        <translation>ไฟล์ปฏิทินสำหรับ Google Calendar, Outlook หรือ Apple Calendar: กิจกรรมของคนที่เลือก (ของทุกคนเมื่อไม่ได้เลือกหรือเลือกหลายคน) ส่งออกซ้ำจะอัปเดตนัดเดิม ไม่เพิ่มซ้ำ</translation>
    </message>
    <message>
        <source>In the day view, one column for each chosen person</source>
        <translation>ในมุมมองรายวัน แยกคอลัมน์ให้แต่ละคนที่เลือก</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>ทุกคน</translation>
    </message>
    <message>
        <source>%1 people</source>
        <translation>%1 คน</translation>
    </message>
    <message>
        <source>Moved: %1</source>
        <translation>ย้ายแล้ว: %1</translation>
    </message>
    <message>
        <source>Move “%1”</source>
        <translation>ย้าย “%1”</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>ไฟล์ปฏิทิน (*.ics)</translation>
    </message>
    <message>
        <source>Writing the calendar file…</source>
        <translation>กำลังเขียนไฟล์ปฏิทิน…</translation>
    </message>
    <message>
        <source>%1 activities written to %2</source>
        <translation>เขียนกิจกรรม %1 รายการลงใน %2 แล้ว</translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message>
        <source>New campaign</source>
        <translation>เพิ่มแคมเปญ</translation>
    </message>
    <message>
        <source>Edit campaign</source>
        <translation>แก้ไขแคมเปญ</translation>
    </message>
    <message>
        <source>e.g. งานบ้านและสวนแฟร์ 2569</source>
        <translation>เช่น งานบ้านและสวนแฟร์ 2569</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>ชื่อแคมเปญ *</translation>
    </message>
    <message>
        <source>Where the campaign runs: pick a lead source or type your own</source>
        <translation>ช่องทางที่ใช้ทำแคมเปญ: เลือกจากแหล่งที่มาของลีด หรือพิมพ์เองก็ได้</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>ช่องทาง</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>วันเริ่มต้น</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>วันสิ้นสุด</translation>
    </message>
    <message>
        <source>Cost (baht)</source>
        <translation>ค่าใช้จ่าย (บาท)</translation>
    </message>
    <message>
        <source>Budget (baht)</source>
        <translation>งบประมาณ (บาท)</translation>
    </message>
    <message>
        <source>e.g. ข่าวดีสำหรับคุณ{ชื่อ}</source>
        <translation>เช่น ข่าวดีสำหรับคุณ{ชื่อ}</translation>
    </message>
    <message>
        <source>Message subject</source>
        <translation>หัวเรื่องข้อความ</translation>
    </message>
    <message>
        <source>Fields: {ชื่อ} {ชื่อเล่น} {บริษัท} {นามสกุล} {จังหวัด} (or {first_name} {nickname} {company}…)</source>
        <translation>ช่องข้อมูล: {ชื่อ} {ชื่อเล่น} {บริษัท} {นามสกุล} {จังหวัด} (หรือ {first_name} {nickname} {company}…)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>ข้อความ</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>หมายเหตุ</translation>
    </message>
    <message>
        <source>Campaign %1 saved</source>
        <translation>บันทึกแคมเปญ %1 แล้ว</translation>
    </message>
</context>
<context>
    <name>CampaignLabels</name>
    <message>
        <source>Planned</source>
        <translation>วางแผนไว้</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>กำลังดำเนินการ</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>เสร็จสิ้น</translation>
    </message>
</context>
<context>
    <name>CampaignsDialog</name>
    <message>
        <source>Campaigns</source>
        <translation>แคมเปญการตลาด</translation>
    </message>
    <message>
        <source>Choose a lead&apos;s campaign in the lead form; the Leads tab can filter by campaign. A campaign still linked to leads or deals cannot be deleted: mark it as done instead.</source>
        <translation>เลือกแคมเปญที่ทำให้ได้ลีดมาได้ในฟอร์มลีด และกรองรายการในแท็บลีดตามแคมเปญได้ แคมเปญที่ยังมีลีดหรือดีลเชื่อมโยงอยู่จะลบไม่ได้ ให้เปลี่ยนสถานะเป็น &quot;เสร็จสิ้น&quot; แทน</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>แคมเปญ</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>ช่องทาง</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>วันเริ่มต้น</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>วันสิ้นสุด</translation>
    </message>
    <message>
        <source>Cost (฿)</source>
        <translation>ค่าใช้จ่าย (฿)</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>ลีด</translation>
    </message>
    <message>
        <source>Delete campaign</source>
        <translation>ลบแคมเปญ</translation>
    </message>
    <message>
        <source>Delete the campaign %1?</source>
        <translation>ลบแคมเปญ %1 หรือไม่?</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>ลบ</translation>
    </message>
    <message>
        <source>Its %n member(s) and their responses go with it; orders stay as they are. Undo brings it all back. A campaign still linked to leads or deals cannot be deleted: mark it as done instead.</source>
        <translation>สมาชิก %n คนและการตอบรับของแต่ละคนจะถูกลบไปด้วย ส่วนคำสั่งซื้อยังอยู่เหมือนเดิม กดเลิกทำเพื่อเอาทั้งหมดกลับมาได้ แคมเปญที่ยังมีลีดหรือดีลเชื่อมโยงอยู่จะลบไม่ได้ ให้เปลี่ยนสถานะเป็น &quot;เสร็จสิ้น&quot; แทน</translation>
    </message>
    <message>
        <source>Deleted campaign %1</source>
        <translation>ลบแคมเปญ %1 แล้ว</translation>
    </message>
</context>
<context>
    <name>CaseBoard</name>
    <message>
        <source>Due %1</source>
        <translation>กำหนด %1</translation>
    </message>
    <message>
        <source>Past its SLA</source>
        <translation>เกิน SLA แล้ว</translation>
    </message>
</context>
<context>
    <name>CaseColumn</name>
    <message>
        <source>Move to %1</source>
        <translation>ย้ายไปที่ %1</translation>
    </message>
</context>
<context>
    <name>CaseDialog</name>
    <message>
        <source>New case</source>
        <translation>เปิดเรื่องบริการใหม่</translation>
    </message>
    <message>
        <source>Edit case</source>
        <translation>แก้ไขเรื่องบริการ</translation>
    </message>
    <message>
        <source>e.g. แอร์ไม่เย็น ห้องประชุมชั้น 3</source>
        <translation>เช่น แอร์ไม่เย็น ห้องประชุมชั้น 3</translation>
    </message>
    <message>
        <source>Subject *</source>
        <translation>เรื่อง *</translation>
    </message>
    <message>
        <source>Type part of the company&apos;s name…</source>
        <translation>พิมพ์บางส่วนของชื่อบริษัท…</translation>
    </message>
    <message>
        <source>No matching account</source>
        <translation>ไม่พบบริษัทที่ตรงกัน</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>บริษัท</translation>
    </message>
    <message>
        <source>The person who called, or the private customer…</source>
        <translation>ผู้ที่ติดต่อเข้ามา หรือลูกค้าบุคคล…</translation>
    </message>
    <message>
        <source>No matching contact</source>
        <translation>ไม่พบผู้ติดต่อที่ตรงกัน</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>ผู้ติดต่อ</translation>
    </message>
    <message>
        <source>The product concerned (optional)…</source>
        <translation>สินค้าที่เกี่ยวข้อง (ไม่บังคับ)…</translation>
    </message>
    <message>
        <source>No matching product</source>
        <translation>ไม่พบสินค้าที่ตรงกัน</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>สินค้า</translation>
    </message>
    <message>
        <source>The order number (optional)…</source>
        <translation>เลขที่ใบสั่งขาย (ไม่บังคับ)…</translation>
    </message>
    <message>
        <source>No matching order</source>
        <translation>ไม่พบใบสั่งขายที่ตรงกัน</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>ใบสั่งขาย</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>ความสำคัญ</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>ช่องทาง</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>หมวดหมู่</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>(ยังไม่มีผู้รับผิดชอบ)</translation>
    </message>
    <message>
        <source>By the routing rules</source>
        <translation>ตามกฎการส่งต่อ</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>ผู้รับผิดชอบ</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>รายละเอียด</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>ความคืบหน้า</translation>
    </message>
    <message>
        <source>Responded</source>
        <translation>ตอบกลับลูกค้าแล้ว</translation>
    </message>
    <message>
        <source>The customer got a first answer now</source>
        <translation>ลูกค้าได้รับการตอบกลับครั้งแรกแล้วตอนนี้</translation>
    </message>
    <message>
        <source>Start work</source>
        <translation>เริ่มดำเนินการ</translation>
    </message>
    <message>
        <source>Waiting for customer</source>
        <translation>รอลูกค้า</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>แก้ไขแล้ว</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>ปิดเรื่อง</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>เปิดเรื่องอีกครั้ง</translation>
    </message>
    <message>
        <source>When</source>
        <translation>เมื่อ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <source>Time in status</source>
        <translation>เวลาในสถานะ</translation>
    </message>
    <message>
        <source>By</source>
        <translation>โดย</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>สถานะ: %1</translation>
    </message>
    <message>
        <source>First response due %1</source>
        <translation>กำหนดตอบกลับครั้งแรก %1</translation>
    </message>
    <message>
        <source>answered %1</source>
        <translation>ตอบกลับเมื่อ %1</translation>
    </message>
    <message>
        <source>Resolution due %1</source>
        <translation>กำหนดแก้ไขเสร็จ %1</translation>
    </message>
    <message>
        <source>resolved %1</source>
        <translation>แก้ไขเสร็จเมื่อ %1</translation>
    </message>
    <message>
        <source>late</source>
        <translation>ล่าช้า</translation>
    </message>
    <message>
        <source>company</source>
        <translation>บริษัท</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>ผู้ติดต่อ</translation>
    </message>
    <message>
        <source>product</source>
        <translation>สินค้า</translation>
    </message>
    <message>
        <source>order</source>
        <translation>ใบสั่งขาย</translation>
    </message>
    <message>
        <source>Choose the %1 from the list, or clear the field.</source>
        <translation>โปรดเลือก%1จากรายการ หรือล้างช่องนี้</translation>
    </message>
    <message>
        <source>Routing</source>
        <translation>การส่งต่อเรื่อง</translation>
    </message>
    <message>
        <source>Opened case %1</source>
        <translation>เปิดเรื่องบริการ %1 แล้ว</translation>
    </message>
    <message>
        <source>Saved case %1</source>
        <translation>บันทึกเรื่องบริการ %1 แล้ว</translation>
    </message>
</context>
<context>
    <name>CaseLabels</name>
    <message>
        <source>New</source>
        <translation>ใหม่</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>มอบหมายแล้ว</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>กำลังดำเนินการ</translation>
    </message>
    <message>
        <source>Waiting for customer</source>
        <translation>รอลูกค้า</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>แก้ไขแล้ว</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>ปิดแล้ว</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>ด่วนมาก</translation>
    </message>
    <message>
        <source>High</source>
        <translation>สูง</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>ปกติ</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>ต่ำ</translation>
    </message>
    <message>
        <source>(not known)</source>
        <translation>(ไม่ทราบ)</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>โทรศัพท์</translation>
    </message>
    <message>
        <source>LINE</source>
        <translation>LINE</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>อีเมล</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>หน้าร้าน</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>เว็บไซต์</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>อื่น ๆ</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 วัน %2 ชม.</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 ชม. %2 นาที</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 นาที</translation>
    </message>
</context>
<context>
    <name>CaseRulesDialog</name>
    <message>
        <source>SLA and routing of cases</source>
        <translation>SLA และการส่งต่อเรื่องบริการ</translation>
    </message>
    <message>
        <source>SLA in working hours</source>
        <translation>SLA เป็นชั่วโมงทำการ</translation>
    </message>
    <message>
        <source>First response</source>
        <translation>ตอบกลับครั้งแรก</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>แก้ไขเสร็จ</translation>
    </message>
    <message>
        <source>h</source>
        <translation>ชม.</translation>
    </message>
    <message>
        <source>Office hours</source>
        <translation>เวลาทำการ</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>จ.</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>อ.</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>พ.</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>พฤ.</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>ศ.</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>ส.</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>อา.</translation>
    </message>
    <message>
        <source>Weekends off the office&apos;s days and the Thai public holidays of the calendar do not count. Cases already open keep their due times.</source>
        <translation>วันที่สำนักงานหยุดและวันหยุดราชการของไทยในปฏิทินไม่นับรวม เรื่องที่เปิดอยู่แล้วยังคงใช้กำหนดเวลาเดิม</translation>
    </message>
    <message>
        <source>Save SLA</source>
        <translation>บันทึก SLA</translation>
    </message>
    <message>
        <source>Routing rules (the first that matches decides)</source>
        <translation>กฎการส่งต่อเรื่อง (ใช้กฎข้อแรกที่ตรงกัน)</translation>
    </message>
    <message>
        <source>When</source>
        <translation>เงื่อนไข</translation>
    </message>
    <message>
        <source>Goes to</source>
        <translation>ส่งให้</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>ทีม</translation>
    </message>
    <message>
        <source>Category is</source>
        <translation>หมวดหมู่คือ</translation>
    </message>
    <message>
        <source>Province is</source>
        <translation>จังหวัดคือ</translation>
    </message>
    <message>
        <source>e.g. ซ่อมแอร์, or เชียงใหม่</source>
        <translation>เช่น ซ่อมแอร์ หรือ เชียงใหม่</translation>
    </message>
    <message>
        <source>Team name, when several people share the cases</source>
        <translation>ชื่อทีม เมื่อหลายคนรับเรื่องร่วมกัน</translation>
    </message>
    <message>
        <source>People (several: taken in turn)</source>
        <translation>ผู้รับเรื่อง (หลายคน: รับเรื่องตามลำดับ)</translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation>เพิ่มกฎ</translation>
    </message>
    <message>
        <source>Change rule</source>
        <translation>แก้ไขกฎ</translation>
    </message>
    <message>
        <source>Remove rule</source>
        <translation>ลบกฎ</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>เลื่อนขึ้น</translation>
    </message>
    <message>
        <source>Save rules</source>
        <translation>บันทึกกฎ</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
    <message>
        <source>Saved the SLA of cases</source>
        <translation>บันทึก SLA ของเรื่องบริการแล้ว</translation>
    </message>
    <message>
        <source>Category is %1</source>
        <translation>หมวดหมู่คือ %1</translation>
    </message>
    <message>
        <source>Province is %1</source>
        <translation>จังหวัดคือ %1</translation>
    </message>
    <message>
        <source>Saved the routing of cases</source>
        <translation>บันทึกการส่งต่อเรื่องบริการแล้ว</translation>
    </message>
</context>
<context>
    <name>CasesTab</name>
    <message>
        <source>late</source>
        <translation>ล่าช้า</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>เลขที่</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>เรื่อง</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>ลูกค้า</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>ความสำคัญ</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>หมวดหมู่</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>ช่องทาง</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>ผู้รับผิดชอบ</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>เปิดเมื่อ</translation>
    </message>
    <message>
        <source>Response due</source>
        <translation>กำหนดตอบกลับ</translation>
    </message>
    <message>
        <source>Resolution due</source>
        <translation>กำหนดแก้ไขเสร็จ</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>เรื่องที่ยังเปิดอยู่</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>ทุกสถานะ</translation>
    </message>
    <message>
        <source>All priorities</source>
        <translation>ทุกระดับความสำคัญ</translation>
    </message>
    <message>
        <source>My open cases</source>
        <translation>เรื่องที่เปิดอยู่ของฉัน</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>เลยกำหนด</translation>
    </message>
    <message>
        <source>Open cases past their resolution due time</source>
        <translation>เรื่องที่ยังเปิดอยู่และเลยกำหนดแก้ไขเสร็จแล้ว</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>บอร์ด</translation>
    </message>
    <message>
        <source>Show the cases as columns by status; drag a card to move it</source>
        <translation>แสดงเรื่องเป็นคอลัมน์ตามสถานะ ลากการ์ดเพื่อเปลี่ยนสถานะ</translation>
    </message>
    <message>
        <source>SLA and routing…</source>
        <translation>SLA และการส่งต่อ…</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>ทุกคน</translation>
    </message>
    <message>
        <source>Nobody yet</source>
        <translation>ยังไม่มีผู้รับผิดชอบ</translation>
    </message>
    <message>
        <source>Filter by number or subject…</source>
        <translation>กรองตามเลขที่หรือเรื่อง…</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n เรื่อง</numerusform>
        </translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>เรื่องบริการ</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n case(s)?</source>
        <translation>
            <numerusform>ลบ %n เรื่องหรือไม่</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n case(s)</source>
        <translation>
            <numerusform>ลบ %n เรื่องแล้ว</numerusform>
        </translation>
    </message>
    <message>
        <source>Moved a case to %1</source>
        <translation>ย้ายเรื่องไปที่ %1 แล้ว</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>สินค้า</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>ใบสั่งขาย</translation>
    </message>
    <message>
        <source>First response due</source>
        <translation>กำหนดตอบกลับครั้งแรก</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>รายละเอียด</translation>
    </message>
    <message>
        <source>Select a case to see its details.</source>
        <translation>เลือกเรื่องเพื่อดูรายละเอียด</translation>
    </message>
    <message>
        <source>(nobody yet)</source>
        <translation>(ยังไม่มีผู้รับผิดชอบ)</translation>
    </message>
</context>
<context>
    <name>ColumnsDialog</name>
    <message>
        <source>Columns</source>
        <translation>เลือกคอลัมน์</translation>
    </message>
    <message>
        <source>Show these columns:</source>
        <translation>แสดงคอลัมน์ต่อไปนี้:</translation>
    </message>
</context>
<context>
    <name>CompanyPage</name>
    <message>
        <source>as on the General page</source>
        <translation>ตามชื่อในหน้าทั่วไป</translation>
    </message>
    <message>
        <source>Name in Thai</source>
        <translation>ชื่อภาษาไทย</translation>
    </message>
    <message>
        <source>Name in English</source>
        <translation>ชื่อภาษาอังกฤษ</translation>
    </message>
    <message>
        <source>Address in Thai</source>
        <translation>ที่อยู่ภาษาไทย</translation>
    </message>
    <message>
        <source>Address in English</source>
        <translation>ที่อยู่ภาษาอังกฤษ</translation>
    </message>
    <message>
        <source>Tax ID</source>
        <translation>เลขประจำตัวผู้เสียภาษี</translation>
    </message>
    <message>
        <source>00000 = head office</source>
        <translation>00000 = สำนักงานใหญ่</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>สาขา</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>โทรศัพท์</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>อีเมล</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>เลือก…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>ลบ</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>โลโก้</translation>
    </message>
    <message>
        <source>Printed at the top of quotations. The Thai name falls back to the company name of the General page.</source>
        <translation>พิมพ์ที่หัวใบเสนอราคา หากไม่ได้กรอกชื่อภาษาไทย จะใช้ชื่อบริษัทในหน้าทั่วไป</translation>
    </message>
    <message>
        <source>Choose a logo</source>
        <translation>เลือกโลโก้</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>ไม่มีโลโก้</translation>
    </message>
</context>
<context>
    <name>CompleteDialog</name>
    <message>
        <source>Mark as done</source>
        <translation>บันทึกว่าเสร็จแล้ว</translation>
    </message>
    <message>
        <source>What came of it, e.g. “Customer wants a quotation for 20 units”</source>
        <translation>ผลเป็นอย่างไร เช่น “ลูกค้าขอใบเสนอราคา 20 ชิ้น”</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>ผลลัพธ์</translation>
    </message>
    <message>
        <source>Plan the next step</source>
        <translation>นัดขั้นตอนถัดไป</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>เรื่อง</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <source>All day</source>
        <translation>ทั้งวัน</translation>
    </message>
    <message>
        <source>When</source>
        <translation>เมื่อไร</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>ผู้รับผิดชอบ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>เสร็จแล้ว: %1</translation>
    </message>
</context>
<context>
    <name>ConflictBox</name>
    <message>
        <source>Changed by someone else</source>
        <translation>มีผู้อื่นแก้ไขแล้ว</translation>
    </message>
    <message>
        <source>Someone else saved this record after you opened it. Nothing of yours was saved yet.</source>
        <translation>มีผู้อื่นบันทึกระเบียนนี้หลังจากที่คุณเปิดขึ้นมา สิ่งที่คุณแก้ไขยังไม่ได้บันทึก</translation>
    </message>
    <message>
        <source>Their change:</source>
        <translation>สิ่งที่ผู้อื่นแก้ไข:</translation>
    </message>
    <message>
        <source>Their change is not in this copy&apos;s history.</source>
        <translation>ไม่พบการแก้ไขนั้นในประวัติของสำเนานี้</translation>
    </message>
    <message>
        <source>Keep editing their version</source>
        <translation>แก้ไขต่อจากฉบับของผู้อื่น</translation>
    </message>
    <message>
        <source>The form shows their version, with your changes where they did not change the same field.</source>
        <translation>แบบฟอร์มจะแสดงฉบับของผู้อื่น พร้อมสิ่งที่คุณแก้ไขในช่องที่ผู้อื่นไม่ได้แก้</translation>
    </message>
    <message>
        <source>Overwrite with mine</source>
        <translation>บันทึกทับด้วยของฉัน</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>deleted the record</source>
        <translation>ลบระเบียนนี้</translation>
    </message>
    <message>
        <source>restored the record</source>
        <translation>กู้คืนระเบียนนี้</translation>
    </message>
    <message>
        <source>created the record</source>
        <translation>สร้างระเบียนนี้</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect to an office server</source>
        <translation>เชื่อมต่อเซิร์ฟเวอร์ของสำนักงาน</translation>
    </message>
    <message>
        <source>Every desk of the office works on the same data at once. Ask whoever set up the server (PostgreSQL) for these details.</source>
        <translation>ทุกเครื่องในสำนักงานจะทำงานกับข้อมูลชุดเดียวกันพร้อมกัน ขอรายละเอียดเหล่านี้จากผู้ที่ติดตั้งเซิร์ฟเวอร์ (PostgreSQL)</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>เซิร์ฟเวอร์</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>พอร์ต</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>ฐานข้อมูล</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>ชื่อผู้ใช้</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>รหัสผ่าน</translation>
    </message>
    <message>
        <source>Encrypted connection (TLS)</source>
        <translation>เชื่อมต่อแบบเข้ารหัส (TLS)</translation>
    </message>
    <message>
        <source>Keep the password in this computer&apos;s keyring</source>
        <translation>เก็บรหัสผ่านไว้ในที่เก็บรหัสผ่านของเครื่องนี้</translation>
    </message>
    <message>
        <source>This computer has no keyring: the password is asked at each start.</source>
        <translation>เครื่องนี้ไม่มีที่เก็บรหัสผ่าน จะถามรหัสผ่านทุกครั้งที่เปิดโปรแกรม</translation>
    </message>
    <message>
        <source>Test the connection</source>
        <translation>ทดสอบการเชื่อมต่อ</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>เชื่อมต่อ</translation>
    </message>
    <message>
        <source>Use this computer&apos;s file</source>
        <translation>ใช้ไฟล์ในเครื่องนี้</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>กำลังเชื่อมต่อ…</translation>
    </message>
    <message>
        <source>Connected: the server holds this office&apos;s data.</source>
        <translation>เชื่อมต่อได้: เซิร์ฟเวอร์มีข้อมูลของสำนักงานนี้อยู่แล้ว</translation>
    </message>
    <message>
        <source>Connected: the database is empty; the first desk that opens it sets it up.</source>
        <translation>เชื่อมต่อได้: ฐานข้อมูลยังว่างอยู่ เครื่องแรกที่เปิดจะตั้งค่าให้</translation>
    </message>
</context>
<context>
    <name>Consent</name>
    <message>
        <source>(not recorded)</source>
        <translation>(ไม่ได้บันทึก)</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>พบด้วยตนเอง</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>โทรศัพท์</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>อีเมล</translation>
    </message>
    <message>
        <source>LINE</source>
        <translation>LINE</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>เว็บไซต์</translation>
    </message>
    <message>
        <source>Paper form</source>
        <translation>แบบฟอร์มกระดาษ</translation>
    </message>
    <message>
        <source>form</source>
        <translation>แบบฟอร์ม</translation>
    </message>
    <message>
        <source>import</source>
        <translation>นำเข้าไฟล์</translation>
    </message>
    <message>
        <source>lead converted</source>
        <translation>แปลงจากลีด</translation>
    </message>
    <message>
        <source>merge</source>
        <translation>รวมรายการซ้ำ</translation>
    </message>
    <message>
        <source>other copy&apos;s value kept</source>
        <translation>ใช้ค่าจากอีกเครื่อง (ซิงค์)</translation>
    </message>
    <message>
        <source>erase</source>
        <translation>ลบข้อมูลส่วนบุคคล</translation>
    </message>
    <message>
        <source>edit</source>
        <translation>แก้ไข</translation>
    </message>
    <message>
        <source>No consent: do not send marketing</source>
        <translation>ไม่ได้ให้ความยินยอม ห้ามส่งข่าวสารการตลาด</translation>
    </message>
    <message>
        <source>Agreed to receive marketing</source>
        <translation>ยินยอมรับข่าวสารการตลาด</translation>
    </message>
    <message>
        <source>Agreed to receive marketing on %1</source>
        <translation>ยินยอมรับข่าวสารการตลาดเมื่อ %1</translation>
    </message>
    <message>
        <source>Export personal data…</source>
        <translation>ส่งออกข้อมูลส่วนบุคคล…</translation>
    </message>
    <message>
        <source>Everything about this person as a PDF to read and a JSON file for programs (PDPA access request)</source>
        <translation>ข้อมูลทั้งหมดของบุคคลนี้ เป็นไฟล์ PDF สำหรับอ่าน และไฟล์ JSON สำหรับโปรแกรม (คำขอใช้สิทธิ์ตาม PDPA)</translation>
    </message>
    <message>
        <source>Export personal data</source>
        <translation>ส่งออกข้อมูลส่วนบุคคล</translation>
    </message>
    <message>
        <source>PDF, with the same data as JSON beside it (*.pdf)</source>
        <translation>PDF พร้อมไฟล์ JSON ข้อมูลเดียวกันวางไว้ข้างกัน (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ConsentEditor</name>
    <message>
        <source>Agrees to receive marketing</source>
        <translation>ยินยอมรับข่าวสารการตลาด</translation>
    </message>
    <message>
        <source>When the consent was given (PDPA); today if left empty.</source>
        <translation>วันที่ให้ความยินยอม (PDPA) ถ้าเว้นว่างจะใช้วันนี้</translation>
    </message>
    <message>
        <source>since</source>
        <translation>ตั้งแต่</translation>
    </message>
    <message>
        <source>What the person agreed to, e.g. news and offers by LINE</source>
        <translation>ข้อความที่ลูกค้ายินยอม เช่น รับข่าวสารและโปรโมชั่นทาง LINE</translation>
    </message>
    <message>
        <source>Given by</source>
        <translation>ช่องทางที่ให้ความยินยอม</translation>
    </message>
    <message>
        <source>Wording</source>
        <translation>ข้อความความยินยอม</translation>
    </message>
</context>
<context>
    <name>ConsentHistoryBox</name>
    <message>
        <source>Consent history</source>
        <translation>ประวัติความยินยอม</translation>
    </message>
    <message>
        <source>No change of consent recorded.</source>
        <translation>ยังไม่มีการบันทึกการเปลี่ยนแปลงความยินยอม</translation>
    </message>
    <message>
        <source>… and %1 earlier (all of them in Export personal data…)</source>
        <translation>… และก่อนหน้านี้อีก %1 รายการ (ดูทั้งหมดได้ในส่งออกข้อมูลส่วนบุคคล…)</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>ให้ความยินยอม</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>ถอนความยินยอม</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>(not given)</source>
        <translation>(ไม่ระบุ)</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>หญิง</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>ชาย</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>อื่น ๆ</translation>
    </message>
    <message>
        <source>under ฿%1 a month</source>
        <translation>ต่ำกว่า ฿%1 ต่อเดือน</translation>
    </message>
    <message>
        <source>฿%1 or more a month</source>
        <translation>฿%1 ขึ้นไปต่อเดือน</translation>
    </message>
    <message>
        <source>฿%1–%2 a month</source>
        <translation>฿%1–%2 ต่อเดือน</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>เพิ่มผู้ติดต่อ</translation>
    </message>
    <message>
        <source>Edit contact</source>
        <translation>แก้ไขข้อมูลผู้ติดต่อ</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>ข้อมูลบุคคล</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>คำนำหน้า</translation>
    </message>
    <message>
        <source>First name *</source>
        <translation>ชื่อ *</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>นามสกุล</translation>
    </message>
    <message>
        <source>e.g. ต้อม</source>
        <translation>เช่น ต้อม</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>ชื่อเล่น</translation>
    </message>
    <message>
        <source>Type part of the company&apos;s name (empty for a private customer)…</source>
        <translation>พิมพ์ชื่อบริษัทบางส่วน (เว้นว่างถ้าเป็นลูกค้าบุคคล)…</translation>
    </message>
    <message>
        <source>No matching account</source>
        <translation>ไม่พบบริษัทที่ตรงกัน</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>บริษัท</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>ตำแหน่ง</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>วันเกิด</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>เพศ</translation>
    </message>
    <message>
        <source>Income</source>
        <translation>รายได้</translation>
    </message>
    <message>
        <source>comma-separated, e.g. กอล์ฟ, ท่องเที่ยว</source>
        <translation>คั่นด้วยจุลภาค เช่น กอล์ฟ, ท่องเที่ยว</translation>
    </message>
    <message>
        <source>Interests</source>
        <translation>ความสนใจ</translation>
    </message>
    <message>
        <source>Contact details</source>
        <translation>ช่องทางติดต่อ</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>มือถือ</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>โทรศัพท์</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>อีเมล</translation>
    </message>
    <message>
        <source>LINE ID</source>
        <translation>LINE ID</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>ความยินยอม</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>(ไม่ระบุ)</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>ผู้รับผิดชอบ</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>แท็ก</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>หมายเหตุ</translation>
    </message>
    <message>
        <source>Choose the company from the list that appears while you type, or clear the field for a private customer.</source>
        <translation>โปรดเลือกบริษัทจากรายการที่ขึ้นมาขณะพิมพ์ หรือเว้นช่องนี้ว่างไว้ถ้าเป็นลูกค้าบุคคล</translation>
    </message>
    <message>
        <source>Added contact %1</source>
        <translation>เพิ่มผู้ติดต่อ %1 แล้ว</translation>
    </message>
    <message>
        <source>Saved contact %1</source>
        <translation>บันทึกข้อมูลผู้ติดต่อ %1 แล้ว</translation>
    </message>
</context>
<context>
    <name>ContactsTab</name>
    <message>
        <source>Name</source>
        <translation>ชื่อ-นามสกุล</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>ชื่อเล่น</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>บริษัท</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>ตำแหน่ง</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>มือถือ</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>อีเมล</translation>
    </message>
    <message>
        <source>LINE</source>
        <translation>LINE</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>จังหวัด</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>วันเกิด</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>ผู้รับผิดชอบ</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>แท็ก</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>แก้ไขล่าสุด</translation>
    </message>
    <message>
        <source>All contacts</source>
        <translation>ผู้ติดต่อทั้งหมด</translation>
    </message>
    <message>
        <source>At a company (B2B)</source>
        <translation>ผู้ติดต่อของบริษัท (B2B)</translation>
    </message>
    <message>
        <source>Private customers (B2C)</source>
        <translation>ลูกค้าบุคคล (B2C)</translation>
    </message>
    <message>
        <source>All provinces</source>
        <translation>ทุกจังหวัด</translation>
    </message>
    <message>
        <source>Marketing consent</source>
        <translation>ยินยอมรับข่าวสาร</translation>
    </message>
    <message>
        <source>Only contacts who agreed to receive marketing</source>
        <translation>แสดงเฉพาะผู้ที่ยินยอมรับข่าวสารการตลาด</translation>
    </message>
    <message>
        <source>Filter by name, nickname, phone, e-mail or LINE…</source>
        <translation>กรองตามชื่อ ชื่อเล่น เบอร์โทร อีเมล หรือ LINE…</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%Ln คน</numerusform>
        </translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>ผู้ติดต่อ</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n contact(s)?</source>
        <translation>
            <numerusform>ต้องการลบผู้ติดต่อ %Ln คนหรือไม่?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n contact(s)</source>
        <translation>
            <numerusform>ลบผู้ติดต่อ %Ln คนแล้ว</numerusform>
        </translation>
    </message>
    <message>
        <source>Customer 360</source>
        <translation>ภาพรวมลูกค้า 360</translation>
    </message>
    <message>
        <source>Everything about this customer on one page: sales, what is open, what to offer next</source>
        <translation>ทุกอย่างของลูกค้ารายนี้ในหน้าเดียว: ยอดขาย งานที่ค้างอยู่ และสินค้าที่ควรเสนอต่อ</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>โทรศัพท์</translation>
    </message>
    <message>
        <source>LINE ID</source>
        <translation>LINE ID</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>เพศ</translation>
    </message>
    <message>
        <source>Income</source>
        <translation>รายได้</translation>
    </message>
    <message>
        <source>Interests</source>
        <translation>ความสนใจ</translation>
    </message>
    <message>
        <source>Marketing</source>
        <translation>ความยินยอม</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>ที่อยู่</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>หมายเหตุ</translation>
    </message>
    <message>
        <source>Select a contact to see the details.</source>
        <translation>เลือกผู้ติดต่อเพื่อดูรายละเอียด</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Private customer</source>
        <translation>ลูกค้าบุคคล</translation>
    </message>
    <message>
        <source>%1 (age %2)</source>
        <translation>%1 (อายุ %2 ปี)</translation>
    </message>
</context>
<context>
    <name>ConvertDialog</name>
    <message>
        <source>Convert lead</source>
        <translation>แปลงลีดเป็นลูกค้า</translation>
    </message>
    <message>
        <source>Convert</source>
        <translation>แปลง</translation>
    </message>
    <message>
        <source>Converting %1 creates these customer records:</source>
        <translation>การแปลง %1 จะสร้างข้อมูลลูกค้าต่อไปนี้:</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>บริษัท</translation>
    </message>
    <message>
        <source>New company: %1</source>
        <translation>บริษัทใหม่: %1</translation>
    </message>
    <message>
        <source>No company (a private customer)</source>
        <translation>ไม่มีบริษัท (ลูกค้าบุคคล)</translation>
    </message>
    <message>
        <source>Attach to an existing company</source>
        <translation>ผูกกับบริษัทที่มีอยู่แล้ว</translation>
    </message>
    <message>
        <source>Type part of the company&apos;s name…</source>
        <translation>พิมพ์บางส่วนของชื่อบริษัท…</translation>
    </message>
    <message>
        <source>No matching account</source>
        <translation>ไม่พบบริษัทที่ตรงกัน</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>ผู้ติดต่อ</translation>
    </message>
    <message>
        <source>New contact: %1</source>
        <translation>ผู้ติดต่อใหม่: %1</translation>
    </message>
    <message>
        <source>The lead has no person&apos;s first name: add it to the lead before converting.</source>
        <translation>ลีดนี้ยังไม่มีชื่อผู้ติดต่อ กรุณาเพิ่มชื่อก่อนแปลง</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>ดีล</translation>
    </message>
    <message>
        <source>Also create a deal</source>
        <translation>สร้างดีลด้วย</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>ชื่อ *</translation>
    </message>
    <message>
        <source>Amount (฿)</source>
        <translation>มูลค่า (฿)</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>วันที่คาดว่าจะปิดการขาย</translation>
    </message>
    <message>
        <source>Choose the company from the list, or create a new one.</source>
        <translation>กรุณาเลือกบริษัทจากรายการ หรือสร้างบริษัทใหม่</translation>
    </message>
    <message>
        <source>Converted %1</source>
        <translation>แปลง %1 แล้ว</translation>
    </message>
</context>
<context>
    <name>CustomDateDialog</name>
    <message>
        <source>Special date</source>
        <translation>วันสำคัญ</translation>
    </message>
    <message>
        <source>Edit special date</source>
        <translation>แก้ไขวันสำคัญ</translation>
    </message>
    <message>
        <source>Wedding anniversary</source>
        <translation>วันครบรอบแต่งงาน</translation>
    </message>
    <message>
        <source>First order</source>
        <translation>วันที่สั่งซื้อครั้งแรก</translation>
    </message>
    <message>
        <source>Member since</source>
        <translation>วันที่เริ่มเป็นสมาชิก</translation>
    </message>
    <message>
        <source>Work anniversary</source>
        <translation>วันครบรอบการทำงาน</translation>
    </message>
    <message>
        <source>e.g. Wedding anniversary</source>
        <translation>เช่น วันครบรอบแต่งงาน</translation>
    </message>
    <message>
        <source>What</source>
        <translation>วันอะไร</translation>
    </message>
    <message>
        <source>Year (if known)</source>
        <translation>ปี (ถ้าทราบ)</translation>
    </message>
    <message>
        <source>The year it began, Buddhist Era (2560) or Christian Era (2017); leave it empty if you do not know it.</source>
        <translation>ปีที่เริ่ม เป็น พ.ศ. (2560) หรือ ค.ศ. (2017) ก็ได้ ถ้าไม่ทราบให้เว้นว่างไว้</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>วันที่</translation>
    </message>
    <message>
        <source>%1 days before</source>
        <translation>ล่วงหน้า %1 วัน</translation>
    </message>
    <message>
        <source>Remind</source>
        <translation>เตือน</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>บันทึกแล้ว: %1</translation>
    </message>
</context>
<context>
    <name>CustomDatesBox</name>
    <message>
        <source>Special dates</source>
        <translation>วันสำคัญ</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>เพิ่ม…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>แก้ไข…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>ลบ</translation>
    </message>
    <message>
        <source>None yet: add a wedding, first order or membership date.</source>
        <translation>ยังไม่มี: เพิ่มวันแต่งงาน วันสั่งซื้อครั้งแรก หรือวันเริ่มเป็นสมาชิกได้</translation>
    </message>
    <message>
        <source>Delete special date</source>
        <translation>ลบวันสำคัญ</translation>
    </message>
    <message>
        <source>Delete %1?</source>
        <translation>ลบ %1 หรือไม่?</translation>
    </message>
    <message>
        <source>Deleted: %1</source>
        <translation>ลบแล้ว: %1</translation>
    </message>
</context>
<context>
    <name>Customer360</name>
    <message>
        <source>360</source>
        <translation>ภาพรวมลูกค้า</translation>
    </message>
    <message>
        <source>Close this page (Ctrl+W)</source>
        <translation>ปิดหน้านี้ (Ctrl+W)</translation>
    </message>
    <message>
        <source>360: %1</source>
        <translation>ภาพรวม %1</translation>
    </message>
    <message>
        <source>knows</source>
        <translation>รู้จักกับ</translation>
    </message>
    <message>
        <source>colleague of</source>
        <translation>เพื่อนร่วมงานของ</translation>
    </message>
    <message>
        <source>family of</source>
        <translation>ครอบครัวของ</translation>
    </message>
    <message>
        <source>referred by</source>
        <translation>ได้รับการแนะนำจาก</translation>
    </message>
    <message>
        <source>reports to</source>
        <translation>รายงานต่อ</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>ร่าง</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>ส่งแล้ว</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>ยืนยันแล้ว</translation>
    </message>
    <message>
        <source>partly delivered</source>
        <translation>ส่งของบางส่วน</translation>
    </message>
</context>
<context>
    <name>Customer360Page</name>
    <message>
        <source>Loading…</source>
        <translation>กำลังโหลด…</translation>
    </message>
    <message>
        <source>Open record</source>
        <translation>เปิดข้อมูลลูกค้า</translation>
    </message>
    <message>
        <source>Show this customer in its list, with its details</source>
        <translation>แสดงลูกค้ารายนี้ในรายการ พร้อมรายละเอียด</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>รีเฟรช</translation>
    </message>
    <message>
        <source>Lifetime value</source>
        <translation>ยอดซื้อสะสม</translation>
    </message>
    <message>
        <source>All confirmed, delivered and invoiced orders, VAT included; drafts and cancelled orders do not count</source>
        <translation>ใบสั่งขายที่ยืนยัน ส่งของ หรือออกใบแจ้งหนี้แล้วทั้งหมด รวม VAT ไม่นับฉบับร่างและใบที่ยกเลิก</translation>
    </message>
    <message>
        <source>Average order</source>
        <translation>ยอดเฉลี่ยต่อใบสั่ง</translation>
    </message>
    <message>
        <source>Last order</source>
        <translation>สั่งซื้อล่าสุด</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>ติดต่อล่าสุด</translation>
    </message>
    <message>
        <source>The latest activity done with this customer, or a call, meeting or visit held with them</source>
        <translation>กิจกรรมล่าสุดที่ทำกับลูกค้ารายนี้เสร็จแล้ว หรือการโทร ประชุม หรือเข้าพบ</translation>
    </message>
    <message>
        <source>Open deals, quotations and orders</source>
        <translation>ดีล ใบเสนอราคา และใบสั่งขายที่ยังเปิดอยู่</translation>
    </message>
    <message>
        <source>What</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <source>Number or name</source>
        <translation>เลขที่หรือชื่อ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>วันที่</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>จำนวนเงิน</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>กำหนด</translation>
    </message>
    <message>
        <source>Double-click to open. Late ones are in red.</source>
        <translation>ดับเบิลคลิกเพื่อเปิด รายการที่เลยกำหนดแสดงเป็นสีแดง</translation>
    </message>
    <message>
        <source>Nothing open.</source>
        <translation>ไม่มีรายการที่เปิดอยู่</translation>
    </message>
    <message>
        <source>Purchase history</source>
        <translation>ประวัติการซื้อ</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>รหัสสินค้า</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>สินค้า</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>จำนวนครั้ง</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>จำนวน</translation>
    </message>
    <message>
        <source>Last bought</source>
        <translation>ซื้อล่าสุด</translation>
    </message>
    <message>
        <source>Usually every</source>
        <translation>ซื้อทุก ๆ</translation>
    </message>
    <message>
        <source>Amounts after line discounts, before VAT. Highlighted: due to be bought again within two weeks.</source>
        <translation>ยอดเงินหลังหักส่วนลดรายการ ก่อน VAT แถบสี: ถึงรอบซื้อซ้ำภายในสองสัปดาห์</translation>
    </message>
    <message>
        <source>No purchases yet.</source>
        <translation>ยังไม่มีการสั่งซื้อ</translation>
    </message>
    <message>
        <source>Next best offer</source>
        <translation>สินค้าที่ควรเสนอต่อ</translation>
    </message>
    <message>
        <source>Customers who bought the same things also bought:</source>
        <translation>ลูกค้าที่ซื้อสินค้าเดียวกันยังซื้อ:</translation>
    </message>
    <message>
        <source>Due to be bought again (their own rhythm):</source>
        <translation>ถึงรอบซื้อซ้ำ (ตามรอบการซื้อของลูกค้าเอง):</translation>
    </message>
    <message>
        <source>Contacts and relationships</source>
        <translation>ผู้ติดต่อและความสัมพันธ์</translation>
    </message>
    <message>
        <source>Double-click a person to open them in the Contacts tab.</source>
        <translation>ดับเบิลคลิกที่ชื่อเพื่อเปิดในแท็บผู้ติดต่อ</translation>
    </message>
    <message>
        <source>Who knows whom</source>
        <translation>ใครรู้จักใคร</translation>
    </message>
    <message>
        <source>Add link…</source>
        <translation>เพิ่มความสัมพันธ์…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>ลบ</translation>
    </message>
    <message>
        <source>Anniversaries in the next %1 days</source>
        <translation>วันสำคัญใน %1 วันข้างหน้า</translation>
    </message>
    <message>
        <source>This customer was deleted.</source>
        <translation>ลูกค้ารายนี้ถูกลบไปแล้ว</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>ที่ %1</translation>
    </message>
    <message>
        <source>Private customer</source>
        <translation>ลูกค้าบุคคล</translation>
    </message>
    <message>
        <source>Tax ID %1</source>
        <translation>เลขประจำตัวผู้เสียภาษี %1</translation>
    </message>
    <message>
        <source>Owner: %1</source>
        <translation>ผู้ดูแล: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s)</source>
        <translation>
            <numerusform>%Ln ใบสั่ง</numerusform>
        </translation>
    </message>
    <message>
        <source>today</source>
        <translation>วันนี้</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%Ln วันที่แล้ว</numerusform>
        </translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>ดีล</translation>
    </message>
    <message>
        <source>%1 (late)</source>
        <translation>%1 (เลยกำหนด)</translation>
    </message>
    <message>
        <source>Quotation</source>
        <translation>ใบเสนอราคา</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>ใบสั่งขาย</translation>
    </message>
    <message>
        <source>%1 rev %2</source>
        <translation>%1 ฉบับแก้ไขที่ %2</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%Ln วัน</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — bought by %2 of %3 customers who bought %4</source>
        <translation>%1 — ลูกค้า %2 จาก %3 รายที่ซื้อ %4 ซื้อสินค้านี้ด้วย</translation>
    </message>
    <message>
        <source>No suggestions yet: too few sales to compare.</source>
        <translation>ยังไม่มีคำแนะนำ: ยอดขายยังน้อยเกินกว่าจะเปรียบเทียบได้</translation>
    </message>
    <message numerus="yes">
        <source>due in %n day(s)</source>
        <translation>
            <numerusform>อีก %Ln วัน</numerusform>
        </translation>
    </message>
    <message>
        <source>due today</source>
        <translation>ถึงกำหนดวันนี้</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>เลยกำหนด %Ln วัน</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — usually every %2 days, last bought %3: %4</source>
        <translation>%1 — ซื้อทุก ๆ %2 วัน ซื้อล่าสุด %3: %4</translation>
    </message>
    <message>
        <source>Nothing due in the next two weeks.</source>
        <translation>ไม่มีรายการถึงรอบในสองสัปดาห์ข้างหน้า</translation>
    </message>
    <message>
        <source>Parent company: %1</source>
        <translation>บริษัทแม่: %1</translation>
    </message>
    <message>
        <source>Branches and subsidiaries: %1</source>
        <translation>สาขาและบริษัทในเครือ: %1</translation>
    </message>
    <message>
        <source>No contacts yet.</source>
        <translation>ยังไม่มีผู้ติดต่อ</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>วันเกิด</translation>
    </message>
    <message>
        <source>Founding day</source>
        <translation>วันก่อตั้งบริษัท</translation>
    </message>
    <message numerus="yes">
        <source>(%n year(s))</source>
        <translation>
            <numerusform>(%Ln ปี)</numerusform>
        </translation>
    </message>
    <message>
        <source>None coming up.</source>
        <translation>ไม่มีวันสำคัญเร็ว ๆ นี้</translation>
    </message>
    <message>
        <source>Relationship removed</source>
        <translation>ลบความสัมพันธ์แล้ว</translation>
    </message>
</context>
<context>
    <name>CustomerCasesBox</name>
    <message>
        <source>New case…</source>
        <translation>เปิดเรื่องบริการใหม่…</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>เลขที่</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>เรื่อง</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>ความสำคัญ</translation>
    </message>
    <message>
        <source>Resolution due</source>
        <translation>กำหนดแก้ไขเสร็จ</translation>
    </message>
    <message>
        <source>Double-click to open. Cases past their SLA are in red.</source>
        <translation>ดับเบิลคลิกเพื่อเปิด เรื่องที่เกิน SLA แสดงเป็นสีแดง</translation>
    </message>
    <message>
        <source>Service cases</source>
        <translation>เรื่องบริการลูกค้า</translation>
    </message>
    <message numerus="yes">
        <source>%n open case(s)</source>
        <translation>
            <numerusform>เปิดอยู่ %n เรื่อง</numerusform>
        </translation>
    </message>
    <message>
        <source>No cases yet.</source>
        <translation>ยังไม่มีเรื่องบริการ</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <source>dd/mm/yyyy (B.E.)</source>
        <translation>วว/ดด/ปปปป (พ.ศ.)</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>วว/ดด/ปปปป (ค.ศ.)</translation>
    </message>
    <message>
        <source>Type the day, month and year, e.g. 23/11/2569 (B.E.) or 23/11/2026 (A.D.).</source>
        <translation>พิมพ์วัน/เดือน/ปี เช่น 23/11/2569 (พ.ศ.) หรือ 23/11/2026 (ค.ศ.)</translation>
    </message>
    <message>
        <source>Pick from a calendar</source>
        <translation>เลือกจากปฏิทิน</translation>
    </message>
</context>
<context>
    <name>DealLinesDialog</name>
    <message>
        <source>Products of %1</source>
        <translation>สินค้าของดีล %1</translation>
    </message>
    <message>
        <source>Saved the products of %1</source>
        <translation>บันทึกสินค้าของดีล %1 แล้ว</translation>
    </message>
</context>
<context>
    <name>DeliveryDialog</name>
    <message>
        <source>Record delivery for %1</source>
        <translation>บันทึกการส่งของของ %1</translation>
    </message>
    <message>
        <source>Record delivery</source>
        <translation>บันทึกการส่งของ</translation>
    </message>
    <message>
        <source>Type how much of each line is handed over now. Lines left at 0 are not touched.</source>
        <translation>พิมพ์จำนวนที่ส่งมอบครั้งนี้ของแต่ละรายการ รายการที่เว้นไว้หรือเป็น 0 จะไม่ถูกแก้ไข</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>รายการ</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>จำนวนสั่ง</translation>
    </message>
    <message>
        <source>Delivered so far</source>
        <translation>ส่งแล้ว</translation>
    </message>
    <message>
        <source>Still to deliver</source>
        <translation>ค้างส่ง</translation>
    </message>
    <message>
        <source>Promised</source>
        <translation>กำหนดส่ง</translation>
    </message>
    <message>
        <source>Deliver now</source>
        <translation>ส่งครั้งนี้</translation>
    </message>
    <message>
        <source>Delivered on</source>
        <translation>วันที่ส่ง</translation>
    </message>
    <message>
        <source>e.g. delivery note DN-0456, received by คุณสมศรี</source>
        <translation>เช่น ใบส่งของ DN-0456 ผู้รับ คุณสมศรี</translation>
    </message>
    <message>
        <source>Delivery note</source>
        <translation>หมายเหตุการส่ง / เลขใบส่งของ</translation>
    </message>
    <message>
        <source>Everything still open</source>
        <translation>ส่งครบทุกรายการที่ค้าง</translation>
    </message>
    <message>
        <source>Line %1: %2 is not a quantity.</source>
        <translation>รายการที่ %1: %2 ไม่ใช่จำนวนที่ถูกต้อง</translation>
    </message>
    <message>
        <source>Type the quantity delivered now on at least one line.</source>
        <translation>พิมพ์จำนวนที่ส่งครั้งนี้อย่างน้อยหนึ่งรายการ</translation>
    </message>
    <message>
        <source>Recorded a delivery for %1</source>
        <translation>บันทึกการส่งของของ %1 แล้ว</translation>
    </message>
</context>
<context>
    <name>DisqualifyDialog</name>
    <message>
        <source>Disqualify lead</source>
        <translation>ตัดลีดออก</translation>
    </message>
    <message>
        <source>Disqualify</source>
        <translation>ตัดออก</translation>
    </message>
    <message>
        <source>Why is %1 disqualified?</source>
        <translation>ทำไมจึงตัด %1 ออก?</translation>
    </message>
    <message>
        <source>(choose a reason)</source>
        <translation>(เลือกเหตุผล)</translation>
    </message>
    <message>
        <source>Reason *</source>
        <translation>เหตุผล *</translation>
    </message>
    <message>
        <source>Lead disqualified</source>
        <translation>ตัดลีดออกแล้ว</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <source>Customer</source>
        <translation>ลูกค้า</translation>
    </message>
    <message>
        <source>Type part of the company&apos;s name (empty for a private customer)…</source>
        <translation>พิมพ์บางส่วนของชื่อบริษัท (เว้นว่างถ้าเป็นลูกค้าบุคคล)…</translation>
    </message>
    <message>
        <source>No matching account</source>
        <translation>ไม่พบบริษัทที่ตรงกัน</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>บริษัท</translation>
    </message>
    <message>
        <source>The person, or the private customer…</source>
        <translation>ผู้ติดต่อ หรือลูกค้าบุคคล…</translation>
    </message>
    <message>
        <source>No matching contact</source>
        <translation>ไม่พบผู้ติดต่อที่ตรงกัน</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>ผู้ติดต่อ</translation>
    </message>
    <message>
        <source>The deal this is for (optional)…</source>
        <translation>ดีลที่เกี่ยวข้อง (ไม่บังคับ)…</translation>
    </message>
    <message>
        <source>No matching deal</source>
        <translation>ไม่พบดีลที่ตรงกัน</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>ดีล</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>(ไม่ระบุ)</translation>
    </message>
    <message>
        <source>Sales rep</source>
        <translation>พนักงานขาย</translation>
    </message>
    <message>
        <source>(not known)</source>
        <translation>(ไม่ทราบ)</translation>
    </message>
    <message>
        <source>Sales channel</source>
        <translation>ช่องทางการขาย</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>เอกสาร</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>วันที่</translation>
    </message>
    <message>
        <source>Thai</source>
        <translation>ภาษาไทย</translation>
    </message>
    <message>
        <source>English</source>
        <translation>ภาษาอังกฤษ</translation>
    </message>
    <message>
        <source>Printout language</source>
        <translation>ภาษาของเอกสารที่พิมพ์</translation>
    </message>
    <message>
        <source>e.g. เครดิต 30 วัน</source>
        <translation>เช่น เครดิต 30 วัน</translation>
    </message>
    <message>
        <source>Payment terms</source>
        <translation>เงื่อนไขการชำระเงิน</translation>
    </message>
    <message>
        <source>Printed on the document, e.g. delivery within 7 days</source>
        <translation>พิมพ์ลงในเอกสาร เช่น จัดส่งภายใน 7 วัน</translation>
    </message>
    <message>
        <source>For the office only; never printed</source>
        <translation>ใช้ภายในสำนักงานเท่านั้น ไม่พิมพ์ลงเอกสาร</translation>
    </message>
    <message>
        <source>Remarks (printed)</source>
        <translation>หมายเหตุ (พิมพ์ในเอกสาร)</translation>
    </message>
    <message>
        <source>Internal notes</source>
        <translation>บันทึกภายใน</translation>
    </message>
    <message>
        <source>company</source>
        <translation>บริษัท</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>ผู้ติดต่อ</translation>
    </message>
    <message>
        <source>deal</source>
        <translation>ดีล</translation>
    </message>
    <message>
        <source>Choose the %1 from the list that appears while you type, or clear the field.</source>
        <translation>เลือก%1จากรายการที่ปรากฏขณะพิมพ์ หรือล้างช่องนี้</translation>
    </message>
</context>
<context>
    <name>DocumentPage</name>
    <message>
        <source>Edit…</source>
        <translation>แก้ไข…</translation>
    </message>
    <message>
        <source>Customer 360</source>
        <translation>ภาพรวมลูกค้า 360</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>ลบ…</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>ทุกสถานะ</translation>
    </message>
    <message>
        <source>Customer…</source>
        <translation>ลูกค้า…</translation>
    </message>
    <message>
        <source>No matching customer</source>
        <translation>ไม่พบลูกค้าที่ตรงกัน</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>ทุกช่องทาง</translation>
    </message>
    <message>
        <source>Month of the document&apos;s date</source>
        <translation>เดือนของวันที่ในเอกสาร</translation>
    </message>
    <message>
        <source>Any month</source>
        <translation>ทุกเดือน</translation>
    </message>
    <message>
        <source>All reps</source>
        <translation>พนักงานขายทุกคน</translation>
    </message>
    <message>
        <source>#</source>
        <translation>ลำดับ</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>รายละเอียด</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>จำนวน</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>หน่วย</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>ราคาต่อหน่วย</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>ส่วนลด</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>จำนวนเงิน</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>รายการสินค้า</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>ลูกค้า</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>เรียน</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>ดีล</translation>
    </message>
    <message>
        <source>Sales rep</source>
        <translation>พนักงานขาย</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>วันที่</translation>
    </message>
    <message>
        <source>Sales channel</source>
        <translation>ช่องทางการขาย</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>ราคา</translation>
    </message>
    <message>
        <source>Payment terms</source>
        <translation>เงื่อนไขการชำระเงิน</translation>
    </message>
    <message>
        <source>Remarks (printed)</source>
        <translation>หมายเหตุ (พิมพ์ในเอกสาร)</translation>
    </message>
    <message>
        <source>Internal notes</source>
        <translation>บันทึกภายใน</translation>
    </message>
    <message>
        <source>Tax ID %1</source>
        <translation>เลขประจำตัวผู้เสียภาษี %1</translation>
    </message>
    <message>
        <source>include VAT</source>
        <translation>รวมภาษีมูลค่าเพิ่ม</translation>
    </message>
    <message>
        <source>exclude VAT</source>
        <translation>ไม่รวมภาษีมูลค่าเพิ่ม</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>รวมเป็นเงิน</translation>
    </message>
    <message>
        <source>Before line discounts</source>
        <translation>ก่อนหักส่วนลดรายการ</translation>
    </message>
    <message>
        <source>Line discounts</source>
        <translation>ส่วนลดรายการ</translation>
    </message>
    <message>
        <source>Bill discount</source>
        <translation>ส่วนลดท้ายบิล</translation>
    </message>
    <message>
        <source>Amount before VAT</source>
        <translation>มูลค่าก่อนภาษี</translation>
    </message>
    <message>
        <source>VAT %1 %</source>
        <translation>ภาษีมูลค่าเพิ่ม %1 %</translation>
    </message>
    <message>
        <source>Grand total</source>
        <translation>ยอดรวมทั้งสิ้น</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <source>How new document numbers look. {year} is the Buddhist Era year of the document&apos;s date, {yy} its last two digits, {ce} the year A.D., {month} the month, {seq} the running number (needed, once) and {copy} where another copy puts its code.</source>
        <translation>รูปแบบเลขที่ของเอกสารใหม่ {year} คือปี พ.ศ. ของวันที่ในเอกสาร {yy} คือเลขสองหลักท้ายของปีนั้น {ce} คือปี ค.ศ. {month} คือเดือน {seq} คือเลขลำดับ (ต้องมี หนึ่งครั้ง) และ {copy} คือตำแหน่งที่สำเนาเครื่องอื่นใส่รหัสของตน</translation>
    </message>
    <message>
        <source>Quotations</source>
        <translation>ใบเสนอราคา</translation>
    </message>
    <message>
        <source>Sales orders</source>
        <translation>ใบสั่งขาย</translation>
    </message>
    <message>
        <source>Service cases</source>
        <translation>เรื่องบริการลูกค้า</translation>
    </message>
    <message>
        <source>A new pattern applies to documents made from now on; numbers already given stay. The running number continues from the highest one given with the same beginning.</source>
        <translation>รูปแบบใหม่ใช้กับเอกสารที่ออกต่อจากนี้ เลขที่ที่ออกไปแล้วไม่เปลี่ยน เลขลำดับจะต่อจากเลขสูงสุดที่เคยออกด้วยส่วนต้นเดียวกัน</translation>
    </message>
    <message>
        <source>e.g. %1 (on another copy: %2)</source>
        <translation>เช่น %1 (บนสำเนาเครื่องอื่น: %2)</translation>
    </message>
</context>
<context>
    <name>DropZone</name>
    <message>
        <source>Drop a card here when the customer has agreed</source>
        <translation>ลากการ์ดมาวางที่นี่เมื่อลูกค้าตกลงซื้อ</translation>
    </message>
    <message>
        <source>Drop a card here when the deal fell through</source>
        <translation>ลากการ์ดมาวางที่นี่เมื่อดีลไม่สำเร็จ</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>Find duplicates</source>
        <translation>ค้นหาข้อมูลซ้ำ</translation>
    </message>
    <message>
        <source>Look among</source>
        <translation>ค้นหาใน</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>เก็บ</translation>
    </message>
    <message>
        <source>and merge into it</source>
        <translation>และรวมรายการนี้เข้าไป</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>ช่องข้อมูล</translation>
    </message>
    <message>
        <source>Kept record</source>
        <translation>รายการที่เก็บไว้</translation>
    </message>
    <message>
        <source>Merged record</source>
        <translation>รายการที่จะรวม</translation>
    </message>
    <message>
        <source>Tick a value of the merged record to keep it instead:</source>
        <translation>ติ๊กค่าของรายการที่จะรวม หากต้องการใช้ค่านั้นแทน:</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>รวมรายการ</translation>
    </message>
    <message>
        <source>Undo last merge</source>
        <translation>เลิกทำการรวมล่าสุด</translation>
    </message>
    <message>
        <source>Looking for duplicates…</source>
        <translation>กำลังค้นหาข้อมูลซ้ำ…</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 (%n records)</source>
        <translation>
            <numerusform>%1: %2 (%n รายการ)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s) found</source>
        <translation>
            <numerusform>พบ %n กลุ่ม</numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>นามสกุล</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>คำนำหน้า</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>ชื่อเล่น</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>บริษัท</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>ตำแหน่ง</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>มือถือ</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>โทรศัพท์</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>อีเมล</translation>
    </message>
    <message>
        <source>LINE ID</source>
        <translation>LINE ID</translation>
    </message>
    <message>
        <source>Tax ID</source>
        <translation>เลขประจำตัวผู้เสียภาษี</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>สาขา</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>เว็บไซต์</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>ที่อยู่</translation>
    </message>
    <message>
        <source>Subdistrict</source>
        <translation>ตำบล/แขวง</translation>
    </message>
    <message>
        <source>District</source>
        <translation>อำเภอ/เขต</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>จังหวัด</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>รหัสไปรษณีย์</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>วันเกิด</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>แท็ก</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>หมายเหตุ</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>ประเภทธุรกิจ</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>กลุ่มลูกค้า</translation>
    </message>
    <message>
        <source>Interest</source>
        <translation>สิ่งที่สนใจ</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>ผู้รับผิดชอบ</translation>
    </message>
    <message>
        <source>Merged %1 into %2</source>
        <translation>รวม %1 เข้ากับ %2 แล้ว</translation>
    </message>
    <message>
        <source>Merged. You can undo it.</source>
        <translation>รวมรายการแล้ว เลิกทำได้</translation>
    </message>
    <message>
        <source>Merge undone</source>
        <translation>เลิกทำการรวมรายการแล้ว</translation>
    </message>
    <message>
        <source>Merge undone. Find duplicates again to see the group.</source>
        <translation>เลิกทำการรวมแล้ว กดค้นหาข้อมูลซ้ำอีกครั้งเพื่อดูกลุ่มนี้</translation>
    </message>
</context>
<context>
    <name>EraseFlow</name>
    <message>
        <source>Erase this person (PDPA)…</source>
        <translation>ลบข้อมูลบุคคลนี้ (PDPA)…</translation>
    </message>
    <message>
        <source>Their personal data is removed for good: name, phones, e-mail, LINE ID, address, birthday, notes and the like, from the record and from its change history.</source>
        <translation>ข้อมูลส่วนบุคคลจะถูกลบถาวร ได้แก่ ชื่อ เบอร์โทร อีเมล LINE ID ที่อยู่ วันเกิด บันทึก และอื่น ๆ ทั้งในระเบียนนี้และในประวัติการแก้ไข</translation>
    </message>
    <message>
        <source>Their orders, deals and activities stay, with their amounts and dates; where these name the person, the name is replaced by an anonymous mark.</source>
        <translation>คำสั่งซื้อ ดีล และกิจกรรมยังอยู่ครบพร้อมยอดเงินและวันที่ ส่วนที่ระบุชื่อบุคคลนี้จะถูกแทนด้วยเครื่องหมายนิรนาม</translation>
    </message>
    <message>
        <source>The other copies of this database erase the same data at their next sync.</source>
        <translation>เครื่องอื่นที่ใช้ฐานข้อมูลชุดเดียวกันจะลบข้อมูลเดียวกันนี้เมื่อซิงก์ครั้งถัดไป</translation>
    </message>
    <message>
        <source>This cannot be undone.</source>
        <translation>ย้อนกลับไม่ได้</translation>
    </message>
    <message>
        <source>Backups made before now still hold the data until they are rotated away; backups made by hand are never rotated, so delete them yourself if the person asked for it.</source>
        <translation>ไฟล์สำรองที่ทำไว้ก่อนหน้านี้ยังมีข้อมูลอยู่จนกว่าจะถูกหมุนเวียนลบออก ส่วนไฟล์สำรองที่ทำเองจะไม่ถูกลบอัตโนมัติ หากเจ้าของข้อมูลร้องขอ โปรดลบไฟล์เหล่านั้นด้วยตนเอง</translation>
    </message>
    <message>
        <source>Erase this person (PDPA)</source>
        <translation>ลบข้อมูลบุคคลนี้ (PDPA)</translation>
    </message>
    <message>
        <source>Erase %1 under PDPA?</source>
        <translation>ลบข้อมูลของ %1 ตาม PDPA หรือไม่?</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>ลบข้อมูล</translation>
    </message>
    <message>
        <source>Erased %1 (PDPA)</source>
        <translation>ลบข้อมูลของ %1 แล้ว (PDPA)</translation>
    </message>
    <message>
        <source>Compact the database file</source>
        <translation>บีบอัดไฟล์ฐานข้อมูล</translation>
    </message>
    <message>
        <source>Compact the database file now?</source>
        <translation>บีบอัดไฟล์ฐานข้อมูลตอนนี้เลยหรือไม่?</translation>
    </message>
    <message>
        <source>Compact now</source>
        <translation>บีบอัดตอนนี้</translation>
    </message>
    <message>
        <source>The file holds %1 MB: compacting it may take several minutes, and nothing can be saved meanwhile. Until it is compacted, traces of earlier edits of this person may remain in unused space inside the file (the program no longer shows or sends them).</source>
        <translation>ไฟล์มีขนาด %1 MB การบีบอัดอาจใช้เวลาหลายนาที และระหว่างนั้นจะบันทึกข้อมูลใด ๆ ไม่ได้ จนกว่าจะบีบอัด ร่องรอยการแก้ไขเก่าของบุคคลนี้อาจยังค้างอยู่ในพื้นที่ว่างภายในไฟล์ (โปรแกรมไม่แสดงและไม่ส่งข้อมูลเหล่านั้นอีกแล้ว)</translation>
    </message>
    <message>
        <source>Removing the erased data from the database file…</source>
        <translation>กำลังล้างข้อมูลที่ลบออกจากไฟล์ฐานข้อมูล…</translation>
    </message>
</context>
<context>
    <name>ErrorDialogs</name>
    <message>
        <source>Cannot do that</source>
        <translation>ทำรายการนี้ไม่ได้</translation>
    </message>
    <message>
        <source>Action failed</source>
        <translation>ทำรายการไม่สำเร็จ</translation>
    </message>
    <message>
        <source>You can try again. If it keeps failing, copy the report and send it to whoever supports this program. Nothing is sent from this computer, and the report holds no names, phones or e-mails.</source>
        <translation>ลองทำอีกครั้งได้ หากยังไม่สำเร็จ โปรดคัดลอกรายงานแล้วส่งให้ผู้ดูแลโปรแกรม ไม่มีข้อมูลใดถูกส่งออกจากคอมพิวเตอร์เครื่องนี้ และรายงานไม่มีชื่อ เบอร์โทรศัพท์ หรืออีเมล</translation>
    </message>
    <message>
        <source>The report is also kept in %1</source>
        <translation>รายงานนี้เก็บไว้ที่ %1 ด้วย</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>คัดลอกรายงาน</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>คัดลอกแล้ว</translation>
    </message>
    <message>
        <source>Something went wrong. What you were doing may not have been saved.</source>
        <translation>เกิดข้อผิดพลาด สิ่งที่คุณกำลังทำอยู่อาจยังไม่ได้บันทึก</translation>
    </message>
    <message>
        <source>The action failed and nothing was saved.</source>
        <translation>ทำรายการไม่สำเร็จ และยังไม่มีการบันทึกข้อมูลใด ๆ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
</context>
<context>
    <name>FieldLabels</name>
    <message>
        <source>Name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>คำนำหน้า</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>นามสกุล</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>ชื่อเล่น</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>บริษัท</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>ตำแหน่ง</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>โทรศัพท์</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>มือถือ</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>อีเมล</translation>
    </message>
    <message>
        <source>LINE ID</source>
        <translation>LINE ID</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>เว็บไซต์</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>ที่อยู่</translation>
    </message>
    <message>
        <source>Subdistrict</source>
        <translation>ตำบล/แขวง</translation>
    </message>
    <message>
        <source>District</source>
        <translation>อำเภอ/เขต</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>จังหวัด</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>รหัสไปรษณีย์</translation>
    </message>
    <message>
        <source>Tax ID</source>
        <translation>เลขประจำตัวผู้เสียภาษี</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>สาขา</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>ประเภทธุรกิจ</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>กลุ่มลูกค้า</translation>
    </message>
    <message>
        <source>Founded</source>
        <translation>วันก่อตั้ง</translation>
    </message>
    <message>
        <source>Parent company</source>
        <translation>บริษัทแม่</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>วันเกิด</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>เพศ</translation>
    </message>
    <message>
        <source>Income</source>
        <translation>รายได้</translation>
    </message>
    <message>
        <source>Interests</source>
        <translation>ความสนใจ</translation>
    </message>
    <message>
        <source>Interested in</source>
        <translation>สนใจ</translation>
    </message>
    <message>
        <source>Marketing consent</source>
        <translation>ยินยอมรับข่าวสาร</translation>
    </message>
    <message>
        <source>Consent given on</source>
        <translation>วันที่ให้ความยินยอม</translation>
    </message>
    <message>
        <source>Consent given by</source>
        <translation>ช่องทางที่ให้ความยินยอม</translation>
    </message>
    <message>
        <source>Consent wording</source>
        <translation>ข้อความความยินยอม</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>งบประมาณ</translation>
    </message>
    <message>
        <source>Buying timeframe</source>
        <translation>ช่วงเวลาที่จะซื้อ</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>แหล่งที่มา</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>แคมเปญ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <source>Disqualify reason</source>
        <translation>เหตุผลที่ตัดออก</translation>
    </message>
    <message>
        <source>Duplicate of</source>
        <translation>ซ้ำกับ</translation>
    </message>
    <message>
        <source>Converted to company</source>
        <translation>แปลงเป็นบริษัท</translation>
    </message>
    <message>
        <source>Converted to contact</source>
        <translation>แปลงเป็นผู้ติดต่อ</translation>
    </message>
    <message>
        <source>Converted to deal</source>
        <translation>แปลงเป็นดีล</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>ผู้ดูแล</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>ผู้ติดต่อ</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>ลีด</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>ขั้นตอน</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>มูลค่า</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>โอกาสปิดการขาย</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>คาดว่าจะปิดการขาย</translation>
    </message>
    <message>
        <source>Sales channel</source>
        <translation>ช่องทางการขาย</translation>
    </message>
    <message>
        <source>Competitor</source>
        <translation>คู่แข่ง</translation>
    </message>
    <message>
        <source>Loss reason</source>
        <translation>เหตุผลที่ไม่สำเร็จ</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>หมายเหตุ</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>แท็ก</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>ลบแล้ว</translation>
    </message>
    <message>
        <source>Product code</source>
        <translation>รหัสสินค้า</translation>
    </message>
    <message>
        <source>Name (Thai)</source>
        <translation>ชื่อ (ภาษาไทย)</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>ชื่อ (ภาษาอังกฤษ)</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>หมวดหมู่</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>หน่วย</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>ราคา</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>ต้นทุน</translation>
    </message>
    <message>
        <source>Subject to VAT</source>
        <translation>มีภาษีมูลค่าเพิ่ม</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>ใช้งานอยู่</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>รายละเอียด</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>เรื่อง</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>รายละเอียด</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>สถานที่</translation>
    </message>
    <message>
        <source>All day</source>
        <translation>ทั้งวัน</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>เริ่ม</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>สิ้นสุด</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>กำหนดเสร็จ</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>ความสำคัญ</translation>
    </message>
    <message>
        <source>Reminder (minutes before)</source>
        <translation>แจ้งเตือนล่วงหน้า (นาที)</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>การทำซ้ำ</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose a file</source>
        <translation>เลือกไฟล์</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>เลือกไฟล์…</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>ชีต:</translation>
    </message>
    <message>
        <source>Import:</source>
        <translation>นำเข้า:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>ไฟล์:</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>นำเข้าข้อมูล</translation>
    </message>
    <message>
        <source>CSV or tab-separated text, an Excel workbook (.xlsx), vCards (.vcf) or a calendar (.ics).</source>
        <translation>ไฟล์ CSV หรือข้อความคั่นด้วยแท็บ ไฟล์ Excel (.xlsx) ไฟล์ vCard (.vcf) หรือไฟล์ปฏิทิน (.ics)</translation>
    </message>
    <message>
        <source>Files to import (%1)</source>
        <translation>ไฟล์ที่นำเข้าได้ (%1)</translation>
    </message>
    <message>
        <source>Choose the file to import.</source>
        <translation>เลือกไฟล์ที่ต้องการนำเข้า</translation>
    </message>
    <message>
        <source>There is no file %1.</source>
        <translation>ไม่พบไฟล์ %1</translation>
    </message>
    <message>
        <source>vCard file: names, phones, e-mails and birthdays are read from each card.</source>
        <translation>ไฟล์ vCard: อ่านชื่อ เบอร์โทร อีเมล และวันเกิดจากรายชื่อแต่ละรายการ</translation>
    </message>
    <message>
        <source>Calendar file: each event becomes an activity, with its time, place, reminder and repeats.</source>
        <translation>ไฟล์ปฏิทิน: แต่ละนัดหมายจะเป็นกิจกรรมหนึ่งรายการ พร้อมเวลา สถานที่ การแจ้งเตือน และการทำซ้ำ</translation>
    </message>
    <message>
        <source>Excel workbook, sheet “%1”; the header is on row %2.</source>
        <translation>ไฟล์ Excel ชีต “%1” หัวตารางอยู่ที่แถว %2</translation>
    </message>
    <message>
        <source>commas</source>
        <translation>จุลภาค (,)</translation>
    </message>
    <message>
        <source>semicolons</source>
        <translation>อัฒภาค (;)</translation>
    </message>
    <message>
        <source>tabs</source>
        <translation>แท็บ</translation>
    </message>
    <message>
        <source>vertical bars</source>
        <translation>เส้นตั้ง (|)</translation>
    </message>
    <message>
        <source>Thai Windows (cp874 / TIS-620)</source>
        <translation>ภาษาไทยแบบ Windows (cp874 / TIS-620)</translation>
    </message>
    <message>
        <source>Text file in %1, values separated by %2; the header is on row %3.</source>
        <translation>ไฟล์ข้อความรหัส %1 คั่นค่าด้วย%2 หัวตารางอยู่ที่แถว %3</translation>
    </message>
    <message>
        <source>The file has no header row with column names.</source>
        <translation>ไฟล์นี้ไม่มีแถวหัวตารางที่บอกชื่อคอลัมน์</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>This month</source>
        <translation>เดือนนี้</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>เดือนที่แล้ว</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>ไตรมาสนี้</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>ปีนี้</translation>
    </message>
    <message>
        <source>Days from… to…</source>
        <translation>กำหนดช่วงวันที่…</translation>
    </message>
    <message>
        <source>to</source>
        <translation>ถึง</translation>
    </message>
    <message>
        <source>Any product…</source>
        <translation>ทุกสินค้า…</translation>
    </message>
    <message>
        <source>No matching product</source>
        <translation>ไม่พบสินค้า</translation>
    </message>
    <message>
        <source>All provinces</source>
        <translation>ทุกจังหวัด</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>ช่วงเวลา</translation>
    </message>
    <message>
        <source>All reps</source>
        <translation>พนักงานขายทุกคน</translation>
    </message>
    <message>
        <source>%1 (inactive)</source>
        <translation>%1 (เลิกใช้งาน)</translation>
    </message>
    <message>
        <source>(no rep)</source>
        <translation>(ไม่มีพนักงานขาย)</translation>
    </message>
    <message>
        <source>All segments</source>
        <translation>ทุกกลุ่มลูกค้า</translation>
    </message>
    <message>
        <source>(no company)</source>
        <translation>(ไม่มีบริษัท)</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>ทุกช่องทาง</translation>
    </message>
    <message>
        <source>(not known)</source>
        <translation>(ไม่ทราบ)</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>ทุกหมวดหมู่</translation>
    </message>
</context>
<context>
    <name>FirstPasswordDialog</name>
    <message>
        <source>Everyone logs in to this office server. Choose the password of %1, the owner: the owner then gives the others theirs in Settings › Users.</source>
        <translation>ทุกคนต้องเข้าสู่ระบบเซิร์ฟเวอร์ของสำนักงานนี้ ตั้งรหัสผ่านของ %1 ซึ่งเป็นเจ้าของ แล้วเจ้าของจะตั้งรหัสผ่านให้คนอื่นๆ ได้ที่ ตั้งค่า › ผู้ใช้งาน</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <source>Welcome</source>
        <translation>ยินดีต้อนรับ</translation>
    </message>
    <message>
        <source>This database is empty. Load sample data to try the program?</source>
        <translation>ฐานข้อมูลนี้ยังว่างอยู่ ต้องการโหลดข้อมูลตัวอย่างเพื่อทดลองใช้โปรแกรมหรือไม่?</translation>
    </message>
    <message>
        <source>Sample data adds Thai and English companies and contacts so you can see how everything works. For real work, start with an empty database file.</source>
        <translation>ข้อมูลตัวอย่างจะเพิ่มบริษัทและผู้ติดต่อทั้งชื่อไทยและชื่ออังกฤษ ให้เห็นว่าโปรแกรมทำงานอย่างไร ถ้าจะใช้งานจริง ควรเริ่มจากไฟล์ฐานข้อมูลว่าง</translation>
    </message>
    <message>
        <source>Load sample data</source>
        <translation>โหลดข้อมูลตัวอย่าง</translation>
    </message>
    <message>
        <source>Start empty</source>
        <translation>เริ่มแบบว่าง</translation>
    </message>
    <message>
        <source>Sample data</source>
        <translation>ข้อมูลตัวอย่าง</translation>
    </message>
    <message>
        <source>Creating sample companies and contacts…</source>
        <translation>กำลังสร้างบริษัทและผู้ติดต่อตัวอย่าง…</translation>
    </message>
    <message>
        <source>Sample data loaded</source>
        <translation>โหลดข้อมูลตัวอย่างแล้ว</translation>
    </message>
    <message>
        <source>Loading sample data was cancelled</source>
        <translation>ยกเลิกการโหลดข้อมูลตัวอย่างแล้ว</translation>
    </message>
</context>
<context>
    <name>ForecastText</name>
    <message>
        <source>Seasonal average with trend</source>
        <translation>ค่าเฉลี่ยตามฤดูกาลร่วมกับแนวโน้ม</translation>
    </message>
    <message>
        <source>Trend only</source>
        <translation>แนวโน้มเท่านั้น</translation>
    </message>
    <message>
        <source>Average month</source>
        <translation>ค่าเฉลี่ยต่อเดือน</translation>
    </message>
    <message>
        <source>Not enough history</source>
        <translation>ประวัติไม่พอ</translation>
    </message>
    <message>
        <source>How it was made: %1.</source>
        <translation>วิธีพยากรณ์: %1</translation>
    </message>
    <message>
        <source>History: %1 months of sales since %2.</source>
        <translation>ใช้ประวัติยอดขาย %1 เดือน ตั้งแต่%2</translation>
    </message>
    <message>
        <source>Trend: %1 a month.</source>
        <translation>แนวโน้ม %1 ต่อเดือน</translation>
    </message>
    <message>
        <source>The usual shape of the year and the trend say what an ordinary month brings (baseline); open deals expected to close in the month, each counted at its probability, only add what goes beyond that.</source>
        <translation>ยอดฐานคำนวณจากรูปแบบตามฤดูกาลของแต่ละเดือนและแนวโน้มยอดขาย ดีลที่เปิดอยู่และคาดว่าจะปิดในเดือนนั้น (คิดตามความน่าจะเป็น) จะเพิ่มเฉพาะส่วนที่เกินยอดฐาน</translation>
    </message>
    <message>
        <source>Past forecasts were off by %1 % on average (MAPE, %2 months); the range is that much either way.</source>
        <translation>การพยากรณ์ที่ผ่านมาคลาดเคลื่อนเฉลี่ย %1% (MAPE จาก %2 เดือน) ช่วงคาดการณ์จึงบวกลบเท่านั้น</translation>
    </message>
</context>
<context>
    <name>HandOverDialog</name>
    <message>
        <source>Hand over</source>
        <translation>ส่งต่องาน</translation>
    </message>
    <message>
        <source>Now with</source>
        <translation>ผู้รับผิดชอบตอนนี้</translation>
    </message>
    <message>
        <source>Hand over to</source>
        <translation>ส่งต่อให้</translation>
    </message>
    <message>
        <source>Why, and what to know, e.g. “On leave until Monday; price agreed”</source>
        <translation>เหตุผลและสิ่งที่ควรรู้ เช่น “ลาถึงวันจันทร์ ตกลงราคากับลูกค้าแล้ว”</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>หมายเหตุ</translation>
    </message>
    <message>
        <source>There is nobody else to hand over to. Add people in Settings › Users.</source>
        <translation>ยังไม่มีคนอื่นให้ส่งต่องาน เพิ่มผู้ใช้ได้ที่ ตั้งค่า › ผู้ใช้</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>Handed over to %1: %2</source>
        <translation>ส่งต่อให้ %1 แล้ว: %2</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Contacts</source>
        <translation>ผู้ติดต่อ</translation>
    </message>
    <message>
        <source>Companies</source>
        <translation>บริษัท</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>ลูกค้าเป้าหมาย</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>สินค้า</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>กิจกรรม</translation>
    </message>
    <message>
        <source>Full name (split into prefix, first and last name)</source>
        <translation>ชื่อ-นามสกุล (แยกเป็นคำนำหน้า ชื่อ และนามสกุล)</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>บริษัท</translation>
    </message>
    <message>
        <source>Company&apos;s tax ID</source>
        <translation>เลขประจำตัวผู้เสียภาษีของบริษัท</translation>
    </message>
    <message>
        <source>Owner (name or e-mail)</source>
        <translation>ผู้ดูแล (ชื่อหรืออีเมล)</translation>
    </message>
    <message>
        <source>Customer (name of a company, contact, lead or deal)</source>
        <translation>ลูกค้า (ชื่อบริษัท ผู้ติดต่อ ลีด หรือดีล)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>วันที่</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>เวลาเริ่ม</translation>
    </message>
    <message>
        <source>End time</source>
        <translation>เวลาสิ้นสุด</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>นำเข้าข้อมูล</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; ย้อนกลับ</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>ถัดไป &gt;</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
</context>
<context>
    <name>LeadDialog</name>
    <message>
        <source>New lead</source>
        <translation>เพิ่มลีดใหม่</translation>
    </message>
    <message>
        <source>Edit lead</source>
        <translation>แก้ไขลีด</translation>
    </message>
    <message>
        <source>Person and company</source>
        <translation>ผู้ติดต่อและบริษัท</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>คำนำหน้า</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>นามสกุล</translation>
    </message>
    <message>
        <source>e.g. บริษัท สยามการค้า จำกัด</source>
        <translation>เช่น บริษัท สยามการค้า จำกัด</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>บริษัท</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>ตำแหน่ง</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>มือถือ</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>โทรศัพท์</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>อีเมล</translation>
    </message>
    <message>
        <source>LINE ID</source>
        <translation>LINE ID</translation>
    </message>
    <message>
        <source>Tax ID</source>
        <translation>เลขประจำตัวผู้เสียภาษี</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>จังหวัด</translation>
    </message>
    <message>
        <source>Interest</source>
        <translation>ความสนใจ</translation>
    </message>
    <message>
        <source>comma-separated, e.g. แอร์, ติดตั้ง</source>
        <translation>คั่นด้วยจุลภาค เช่น แอร์, ติดตั้ง</translation>
    </message>
    <message>
        <source>Interested in</source>
        <translation>สนใจ</translation>
    </message>
    <message>
        <source>Budget (baht)</source>
        <translation>งบประมาณ (บาท)</translation>
    </message>
    <message>
        <source>(not known)</source>
        <translation>(ไม่ทราบ)</translation>
    </message>
    <message>
        <source>Buying timeframe</source>
        <translation>ช่วงเวลาที่จะซื้อ</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>แหล่งที่มา</translation>
    </message>
    <message>
        <source>The campaign that brought this lead</source>
        <translation>แคมเปญที่ทำให้ได้ลีดรายนี้มา</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>แคมเปญ</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>(ไม่ระบุ)</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>ผู้รับผิดชอบ</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>ความยินยอม</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>หมายเหตุ</translation>
    </message>
    <message>
        <source>Enter at least the person&apos;s first name or the company name.</source>
        <translation>กรอกอย่างน้อยชื่อผู้ติดต่อหรือชื่อบริษัท</translation>
    </message>
    <message>
        <source>(no campaign)</source>
        <translation>(ไม่มีแคมเปญ)</translation>
    </message>
    <message>
        <source>Added lead %1</source>
        <translation>เพิ่มลีด %1 แล้ว</translation>
    </message>
    <message>
        <source>Saved lead %1</source>
        <translation>บันทึกลีด %1 แล้ว</translation>
    </message>
</context>
<context>
    <name>LeadLabels</name>
    <message>
        <source>New</source>
        <translation>ใหม่</translation>
    </message>
    <message>
        <source>Contacted</source>
        <translation>ติดต่อแล้ว</translation>
    </message>
    <message>
        <source>Qualified</source>
        <translation>ผ่านการคัดกรอง</translation>
    </message>
    <message>
        <source>Disqualified</source>
        <translation>ตัดออก</translation>
    </message>
    <message>
        <source>Converted</source>
        <translation>เป็นลูกค้าแล้ว</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>เดินเข้ามาที่ร้าน</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>โทรศัพท์เข้ามา</translation>
    </message>
    <message>
        <source>LINE</source>
        <translation>LINE</translation>
    </message>
    <message>
        <source>Facebook</source>
        <translation>เฟซบุ๊ก</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>เว็บไซต์</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>มีผู้แนะนำ</translation>
    </message>
    <message>
        <source>Trade show</source>
        <translation>งานแสดงสินค้า</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>แคมเปญ</translation>
    </message>
    <message>
        <source>Immediately</source>
        <translation>ทันที</translation>
    </message>
    <message>
        <source>Within 1 month</source>
        <translation>ภายใน 1 เดือน</translation>
    </message>
    <message>
        <source>Within 3 months</source>
        <translation>ภายใน 3 เดือน</translation>
    </message>
    <message>
        <source>Within 6 months</source>
        <translation>ภายใน 6 เดือน</translation>
    </message>
    <message>
        <source>Within 12 months</source>
        <translation>ภายใน 12 เดือน</translation>
    </message>
    <message>
        <source>Later than 12 months</source>
        <translation>นานกว่า 12 เดือน</translation>
    </message>
</context>
<context>
    <name>LeadsTab</name>
    <message>
        <source>Score</source>
        <translation>คะแนน</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>สร้างเมื่อ</translation>
    </message>
    <message>
        <source>Scoring rules…</source>
        <translation>เกณฑ์ให้คะแนน…</translation>
    </message>
    <message>
        <source>Reasons…</source>
        <translation>เหตุผล…</translation>
    </message>
    <message>
        <source>Edit the disqualify reasons and the loss reasons</source>
        <translation>แก้ไขเหตุผลที่ตัดออกและเหตุผลที่ดีลไม่สำเร็จ</translation>
    </message>
    <message>
        <source>Campaigns…</source>
        <translation>แคมเปญ…</translation>
    </message>
    <message>
        <source>Add and edit the marketing campaigns leads come from</source>
        <translation>เพิ่มและแก้ไขแคมเปญการตลาดที่เป็นที่มาของลีด</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ชื่อ-นามสกุล</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>บริษัท</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>มือถือ</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>แหล่งที่มา</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>ผู้รับผิดชอบ</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>จังหวัด</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>อีเมล</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>ทุกสถานะ</translation>
    </message>
    <message>
        <source>lowest</source>
        <translation>ต่ำสุด</translation>
    </message>
    <message>
        <source>highest</source>
        <translation>สูงสุด</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>ทุกแหล่งที่มา</translation>
    </message>
    <message>
        <source>All owners</source>
        <translation>ผู้รับผิดชอบทุกคน</translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation>ทุกแคมเปญ</translation>
    </message>
    <message>
        <source>Filter by name, company, phone or e-mail…</source>
        <translation>กรองตามชื่อ บริษัท โทรศัพท์ หรืออีเมล…</translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s)</source>
        <translation>
            <numerusform>%Ln ลีด</numerusform>
        </translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>ลีด</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n lead(s)?</source>
        <translation>
            <numerusform>ต้องการลบ %Ln ลีดหรือไม่?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n lead(s)</source>
        <translation>
            <numerusform>ลบ %Ln ลีดแล้ว</numerusform>
        </translation>
    </message>
    <message>
        <source>Mark contacted</source>
        <translation>บันทึกว่าติดต่อแล้ว</translation>
    </message>
    <message>
        <source>Qualify…</source>
        <translation>ผ่านการคัดกรอง…</translation>
    </message>
    <message>
        <source>Disqualify…</source>
        <translation>ตัดออก…</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>เปิดใหม่</translation>
    </message>
    <message>
        <source>Add follow-up task…</source>
        <translation>เพิ่มงานติดตาม…</translation>
    </message>
    <message>
        <source>Convert…</source>
        <translation>แปลงเป็นลูกค้า…</translation>
    </message>
    <message>
        <source>Turn this qualified lead into a company, a contact and a deal</source>
        <translation>แปลงลีดที่ผ่านการคัดกรองนี้เป็นบริษัท ผู้ติดต่อ และดีล</translation>
    </message>
    <message>
        <source>Disqualify reason</source>
        <translation>เหตุผลที่ตัดออก</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>ตำแหน่ง</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>โทรศัพท์</translation>
    </message>
    <message>
        <source>LINE ID</source>
        <translation>LINE ID</translation>
    </message>
    <message>
        <source>Tax ID</source>
        <translation>เลขผู้เสียภาษี</translation>
    </message>
    <message>
        <source>Interested in</source>
        <translation>สนใจ</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>งบประมาณ</translation>
    </message>
    <message>
        <source>Buying timeframe</source>
        <translation>ช่วงเวลาที่จะซื้อ</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>แคมเปญ</translation>
    </message>
    <message>
        <source>Converted to</source>
        <translation>แปลงเป็น</translation>
    </message>
    <message>
        <source>Marketing</source>
        <translation>ความยินยอม</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>หมายเหตุ</translation>
    </message>
    <message>
        <source>Follow-up tasks</source>
        <translation>งานติดตาม</translation>
    </message>
    <message>
        <source>Select a lead to see its details.</source>
        <translation>เลือกลีดเพื่อดูรายละเอียด</translation>
    </message>
    <message>
        <source>Score %1</source>
        <translation>คะแนน %1</translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>รวม: %1</translation>
    </message>
    <message>
        <source>No active scoring rules.</source>
        <translation>ยังไม่มีเกณฑ์ให้คะแนนที่ใช้งานอยู่</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>รวม</translation>
    </message>
    <message>
        <source>Marked %1 as contacted</source>
        <translation>บันทึกว่าติดต่อ %1 แล้ว</translation>
    </message>
    <message>
        <source>Reopened %1</source>
        <translation>เปิด %1 ใหม่แล้ว</translation>
    </message>
</context>
<context>
    <name>LinesEditor</name>
    <message>
        <source>Add a product: type its SKU or name…</source>
        <translation>เพิ่มสินค้า: พิมพ์รหัสหรือชื่อสินค้า…</translation>
    </message>
    <message>
        <source>No active product matches</source>
        <translation>ไม่พบสินค้าที่ใช้งานอยู่</translation>
    </message>
    <message>
        <source>Add text line</source>
        <translation>เพิ่มรายการพิมพ์เอง</translation>
    </message>
    <message>
        <source>A line without a product: a service, a fee, anything typed</source>
        <translation>รายการที่ไม่ใช่สินค้าในระบบ เช่น ค่าบริการ ค่าธรรมเนียม หรือข้อความที่พิมพ์เอง</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>ลบรายการ</translation>
    </message>
    <message>
        <source>Move the line up</source>
        <translation>เลื่อนรายการขึ้น</translation>
    </message>
    <message>
        <source>Move the line down</source>
        <translation>เลื่อนรายการลง</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>รหัสสินค้า</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>รายละเอียด</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>จำนวน</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>หน่วย</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>ราคาต่อหน่วย</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>ส่วนลด</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>ภาษี</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>จำนวนเงิน</translation>
    </message>
    <message>
        <source>A percentage (10 %) or an amount in baht (500) off this line</source>
        <translation>ส่วนลดของรายการนี้ เป็นเปอร์เซ็นต์ (10 %) หรือเป็นบาท (500)</translation>
    </message>
    <message>
        <source>Prices include VAT</source>
        <translation>ราคารวมภาษีมูลค่าเพิ่มแล้ว</translation>
    </message>
    <message>
        <source>Bill discount (baht)</source>
        <translation>ส่วนลดท้ายบิล (บาท)</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>รวมเป็นเงิน</translation>
    </message>
    <message>
        <source>Bill discount</source>
        <translation>ส่วนลดท้ายบิล</translation>
    </message>
    <message>
        <source>Amount before VAT</source>
        <translation>ยอดก่อนภาษีมูลค่าเพิ่ม</translation>
    </message>
    <message>
        <source>VAT %1 %</source>
        <translation>ภาษีมูลค่าเพิ่ม %1 %</translation>
    </message>
    <message>
        <source>Grand total</source>
        <translation>จำนวนเงินรวมทั้งสิ้น</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>รายการที่ %1: %2</translation>
    </message>
    <message>
        <source>a quantity has at most 3 decimals.</source>
        <translation>จำนวนมีทศนิยมได้ไม่เกิน 3 ตำแหน่ง</translation>
    </message>
    <message>
        <source>the quantity is not a number.</source>
        <translation>จำนวนไม่ใช่ตัวเลข</translation>
    </message>
    <message>
        <source>the quantity must be more than 0.</source>
        <translation>จำนวนต้องมากกว่า 0</translation>
    </message>
    <message>
        <source>the unit price is not an amount of money.</source>
        <translation>ราคาต่อหน่วยไม่ใช่จำนวนเงินที่ถูกต้อง</translation>
    </message>
    <message>
        <source>the unit price must be from 0 to 10,000,000 baht.</source>
        <translation>ราคาต่อหน่วยต้องอยู่ระหว่าง 0 ถึง 10,000,000 บาท</translation>
    </message>
    <message>
        <source>write the discount as a percentage (10 %) or an amount in baht (500).</source>
        <translation>ใส่ส่วนลดเป็นเปอร์เซ็นต์ (10 %) หรือเป็นจำนวนบาท (500)</translation>
    </message>
    <message>
        <source>Free of charge?</source>
        <translation>แถมฟรีหรือไม่?</translation>
    </message>
    <message>
        <source>Line %1 has the price 0. Is it given free of charge?</source>
        <translation>รายการที่ %1 ราคาเป็น 0 เป็นรายการแถมฟรีใช่หรือไม่?</translation>
    </message>
    <message>
        <source>Yes, free</source>
        <translation>ใช่ แถมฟรี</translation>
    </message>
    <message>
        <source>The discount is more than the line&apos;s amount.</source>
        <translation>ส่วนลดมากกว่ายอดเงินของรายการ</translation>
    </message>
    <message>
        <source>No price yet: enter it, or confirm the line is free.</source>
        <translation>ยังไม่มีราคา: ใส่ราคา หรือยืนยันว่าเป็นรายการแถมฟรี</translation>
    </message>
    <message>
        <source>the discount is more than the line&apos;s amount.</source>
        <translation>ส่วนลดมากกว่ายอดเงินของรายการ</translation>
    </message>
    <message>
        <source>The bill discount is not an amount of money.</source>
        <translation>ส่วนลดท้ายบิลไม่ใช่จำนวนเงินที่ถูกต้อง</translation>
    </message>
    <message>
        <source>The bill discount is more than the lines&apos; total.</source>
        <translation>ส่วนลดท้ายบิลมากกว่ายอดรวมของรายการ</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <source>Add a relationship</source>
        <translation>เพิ่มความสัมพันธ์</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>บุคคล</translation>
    </message>
    <message>
        <source>Is</source>
        <translation>เป็น</translation>
    </message>
    <message>
        <source>Type a name, phone or e-mail…</source>
        <translation>พิมพ์ชื่อ เบอร์โทร หรืออีเมล…</translation>
    </message>
    <message>
        <source>No such contact</source>
        <translation>ไม่พบผู้ติดต่อ</translation>
    </message>
    <message>
        <source>Of</source>
        <translation>ของ</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>หมายเหตุ</translation>
    </message>
    <message>
        <source>Choose the person from the list.</source>
        <translation>โปรดเลือกบุคคลจากรายการ</translation>
    </message>
    <message>
        <source>Relationship added</source>
        <translation>เพิ่มความสัมพันธ์แล้ว</translation>
    </message>
</context>
<context>
    <name>ListEditorDialog</name>
    <message>
        <source>Add…</source>
        <translation>เพิ่ม…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>แก้ไข…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>ลบ</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
</context>
<context>
    <name>ListExport</name>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>สมุดงาน Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV, UTF-8 for Excel (*.csv)</source>
        <translation>CSV แบบ UTF-8 สำหรับ Excel (*.csv)</translation>
    </message>
    <message>
        <source>vCard contacts (*.vcf)</source>
        <translation>รายชื่อผู้ติดต่อ vCard (*.vcf)</translation>
    </message>
    <message>
        <source>Export list</source>
        <translation>ส่งออกรายการ</translation>
    </message>
    <message>
        <source>Export cancelled: no file was written</source>
        <translation>ยกเลิกการส่งออกแล้ว ไม่ได้เขียนไฟล์ใด</translation>
    </message>
    <message>
        <source>%n row(s) written to %1</source>
        <translation>เขียน %Ln แถวลงใน %1 แล้ว</translation>
    </message>
    <message>
        <source>Writing %n row(s)…</source>
        <translation>กำลังเขียน %Ln แถว…</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in</source>
        <translation>เข้าสู่ระบบ</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>ผู้ใช้</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>รหัสผ่าน</translation>
    </message>
    <message>
        <source>The owner set your password: choose your own now.</source>
        <translation>เจ้าของกิจการเป็นผู้ตั้งรหัสผ่านนี้ให้ โปรดตั้งรหัสผ่านของคุณเองตอนนี้</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>รหัสผ่านใหม่</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>ยืนยันรหัสผ่านใหม่</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>ออกจากโปรแกรม</translation>
    </message>
    <message>
        <source>The two new passwords differ; type them again.</source>
        <translation>รหัสผ่านใหม่ทั้งสองช่องไม่ตรงกัน โปรดพิมพ์อีกครั้ง</translation>
    </message>
</context>
<context>
    <name>LossDialog</name>
    <message>
        <source>Deal lost</source>
        <translation>ดีลไม่สำเร็จ</translation>
    </message>
    <message>
        <source>Why was %1 lost?</source>
        <translation>ทำไมดีล %1 จึงไม่สำเร็จ?</translation>
    </message>
    <message>
        <source>(choose a reason)</source>
        <translation>(เลือกเหตุผล)</translation>
    </message>
    <message>
        <source>Reason *</source>
        <translation>เหตุผล *</translation>
    </message>
    <message>
        <source>Who won the deal, if you know</source>
        <translation>ผู้ที่ได้งานนี้ไป (ถ้าทราบ)</translation>
    </message>
    <message>
        <source>Competitor</source>
        <translation>คู่แข่ง</translation>
    </message>
    <message>
        <source>Mark as lost</source>
        <translation>บันทึกว่าไม่สำเร็จ</translation>
    </message>
    <message>
        <source>Deal marked as lost</source>
        <translation>บันทึกดีลว่าไม่สำเร็จแล้ว</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Settings…</source>
        <translation>ตั้งค่า(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>ออกจากโปรแกรม(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>เพิ่มใหม่(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>แก้ไข(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>ลบ(&amp;D)</translation>
    </message>
    <message>
        <source>Search customers, leads, deals, products, orders, cases (Ctrl+K)</source>
        <translation>ค้นหาลูกค้า ลีด โอกาสการขาย สินค้า เอกสารขาย เรื่องบริการ (Ctrl+K)</translation>
    </message>
    <message>
        <source>&amp;Undo delete</source>
        <translation>เลิกทำการลบ(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>รีเฟรช</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>นำเข้าข้อมูล(&amp;I)…</translation>
    </message>
    <message>
        <source>Connect to an office &amp;server…</source>
        <translation>เชื่อมต่อเซิร์ฟเวอร์ของสำนักงาน(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Filter</source>
        <translation>กรองรายการ(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Columns…</source>
        <translation>เลือกคอลัมน์(&amp;C)…</translation>
    </message>
    <message>
        <source>Find &amp;duplicates…</source>
        <translation>ค้นหาข้อมูลซ้ำ(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>ค้นหา(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>เกี่ยวกับโปรแกรม(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Export list…</source>
        <translation>&amp;ส่งออกรายการ…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ไฟล์(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>มุมมอง(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ช่วยเหลือ(&amp;H)</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>ไม่พบข้อมูล</translation>
    </message>
    <message>
        <source>Enter opens the record · Shift+Enter opens the Customer 360 page</source>
        <translation>Enter เปิดข้อมูล · Shift+Enter เปิดหน้าภาพรวมลูกค้า 360</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>เลิกทำ</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>บริษัท</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>ผู้ติดต่อ</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>ลีด</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>โอกาสการขาย</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>สินค้า</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>เอกสารขาย</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>กิจกรรม</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>ปฏิทินนัดหมาย</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>เรื่องบริการ</translation>
    </message>
    <message>
        <source>Anniversaries</source>
        <translation>ปฏิทินวันสำคัญ</translation>
    </message>
    <message>
        <source>Marketing</source>
        <translation>การตลาด</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>รายงาน</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>ซิงก์ข้อมูล</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>การแจ้งเตือน</translation>
    </message>
    <message>
        <source>Restored: %1</source>
        <translation>เลิกทำแล้ว: %1</translation>
    </message>
    <message>
        <source>Undone: %1</source>
        <translation>เลิกทำแล้ว: %1</translation>
    </message>
    <message>
        <source>the database file on this computer</source>
        <translation>ไฟล์ฐานข้อมูลในเครื่องนี้</translation>
    </message>
    <message>
        <source>Connect to an office server</source>
        <translation>เชื่อมต่อเซิร์ฟเวอร์ของสำนักงาน</translation>
    </message>
    <message>
        <source>crm_desktop works on {where} from its next start. Restart it now?</source>
        <translation>ครั้งถัดไปที่เปิด crm_desktop จะทำงานกับ {where} เปิดโปรแกรมใหม่เลยไหม</translation>
    </message>
    <message>
        <source>Settings saved</source>
        <translation>บันทึกการตั้งค่าแล้ว</translation>
    </message>
    <message>
        <source>Accounts: %1 · Contacts: %2</source>
        <translation>บริษัท: %1 · ผู้ติดต่อ: %2</translation>
    </message>
    <message>
        <source>User: %1</source>
        <translation>ผู้ใช้: %1</translation>
    </message>
    <message>
        <source>Backup restored; the data it replaced was backed up first</source>
        <translation>กู้คืนข้อมูลสำรองแล้ว (ข้อมูลเดิมถูกสำรองไว้ก่อน)</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Match the columns</source>
        <translation>จับคู่คอลัมน์</translation>
    </message>
    <message>
        <source>Choose the field each column goes to. The guess comes from the headers and the values.</source>
        <translation>เลือกช่องข้อมูลสำหรับแต่ละคอลัมน์ โปรแกรมเดาให้จากหัวตารางและค่าในไฟล์</translation>
    </message>
    <message>
        <source>Save mapping as…</source>
        <translation>บันทึกการจับคู่เป็น…</translation>
    </message>
    <message>
        <source>Saved mapping:</source>
        <translation>การจับคู่ที่บันทึกไว้:</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>คอลัมน์</translation>
    </message>
    <message>
        <source>Values in the file</source>
        <translation>ค่าในไฟล์</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>ช่องข้อมูล</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>หมายเหตุ</translation>
    </message>
    <message>
        <source>most values do not fit it, e.g. %1</source>
        <translation>ค่าส่วนใหญ่ไม่ตรงกับช่องนี้ เช่น %1</translation>
    </message>
    <message>
        <source>Not matched, though the header names “%1”: %2</source>
        <translation>ไม่ได้จับคู่ แม้หัวคอลัมน์จะระบุ “%1”: %2</translation>
    </message>
    <message>
        <source>Column %1</source>
        <translation>คอลัมน์ %1</translation>
    </message>
    <message>
        <source>— not imported —</source>
        <translation>— ไม่นำเข้า —</translation>
    </message>
    <message>
        <source>(none: as guessed)</source>
        <translation>(ไม่ใช้: ตามที่โปรแกรมเดา)</translation>
    </message>
    <message>
        <source>Using the saved mapping “%1”.</source>
        <translation>ใช้การจับคู่ที่บันทึกไว้ “%1”</translation>
    </message>
    <message>
        <source>Save mapping</source>
        <translation>บันทึกการจับคู่</translation>
    </message>
    <message>
        <source>Name of this column mapping:</source>
        <translation>ชื่อของการจับคู่คอลัมน์นี้:</translation>
    </message>
    <message>
        <source>Saved as “%1”.</source>
        <translation>บันทึกเป็น “%1” แล้ว</translation>
    </message>
    <message>
        <source>Choose a field for at least one column.</source>
        <translation>โปรดเลือกช่องข้อมูลให้อย่างน้อยหนึ่งคอลัมน์</translation>
    </message>
    <message>
        <source>Each field can come from one column only: %1.</source>
        <translation>ช่องข้อมูลหนึ่งรับค่าได้จากคอลัมน์เดียวเท่านั้น: %1</translation>
    </message>
</context>
<context>
    <name>Marketing</name>
    <message>
        <source>Added</source>
        <translation>เพิ่มแล้ว</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>ส่งแล้ว</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>เปิดอ่าน</translation>
    </message>
    <message>
        <source>Replied</source>
        <translation>ตอบกลับ</translation>
    </message>
    <message>
        <source>Interested</source>
        <translation>สนใจ</translation>
    </message>
    <message>
        <source>Bought</source>
        <translation>ซื้อแล้ว</translation>
    </message>
    <message>
        <source>Unsubscribed</source>
        <translation>ขอยกเลิกรับข่าวสาร</translation>
    </message>
</context>
<context>
    <name>MarketingTab</name>
    <message>
        <source>Campaigns</source>
        <translation>แคมเปญ</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>กลุ่มเป้าหมาย</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>แคมเปญ</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>ช่องทาง</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <source>Cost (฿)</source>
        <translation>ค่าใช้จ่าย (฿)</translation>
    </message>
    <message>
        <source>New campaign…</source>
        <translation>แคมเปญใหม่…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>แก้ไข…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>ลบ…</translation>
    </message>
    <message>
        <source>Delete the campaign with its members and their responses (Undo brings it back)</source>
        <translation>ลบแคมเปญพร้อมสมาชิกและการตอบรับ (กดเลิกทำเพื่อเอากลับมาได้)</translation>
    </message>
    <message>
        <source>Members:</source>
        <translation>สมาชิก:</translation>
    </message>
    <message>
        <source>all responses</source>
        <translation>ทุกผลตอบรับ</translation>
    </message>
    <message>
        <source>Add people…</source>
        <translation>เพิ่มรายชื่อ…</translation>
    </message>
    <message>
        <source>Set response…</source>
        <translation>บันทึกผลตอบรับ…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>นำออก</translation>
    </message>
    <message>
        <source>Mail merge…</source>
        <translation>จดหมายเวียน…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>ชื่อเล่น</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>บริษัท</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>อีเมล</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>ผลตอบรับ</translation>
    </message>
    <message>
        <source>On</source>
        <translation>วันที่</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>ยินยอม</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ใช่</translation>
    </message>
    <message>
        <source>no</source>
        <translation>ไม่</translation>
    </message>
    <message>
        <source>No campaign yet: add one with New campaign.</source>
        <translation>ยังไม่มีแคมเปญ: กด แคมเปญใหม่ เพื่อเพิ่ม</translation>
    </message>
    <message>
        <source>Members %1 (%2) · Leads %3 · Deals %4 · Orders %5</source>
        <translation>สมาชิก %1 (%2) · ลีด %3 · โอกาสการขาย %4 · ใบสั่งขาย %5</translation>
    </message>
    <message>
        <source>Budget %1 · Cost %2 · Sales %3 · Margin %4 · &lt;b&gt;ROI %5&lt;/b&gt;</source>
        <translation>งบประมาณ %1 · ค่าใช้จ่าย %2 · ยอดขาย %3 · กำไรขั้นต้น %4 · &lt;b&gt;ผลตอบแทน (ROI) %5&lt;/b&gt;</translation>
    </message>
    <message>
        <source>ROI = (margin from attributed orders − cost) / cost. Attributed: sales orders of the campaign&apos;s deals, and orders of members marked Bought from the campaign&apos;s start to 30 days after its end. Margin = sales before VAT less the products&apos; cost prices.</source>
        <translation>ROI = (กำไรขั้นต้นจากใบสั่งขายที่นับให้แคมเปญ − ค่าใช้จ่าย) / ค่าใช้จ่าย ใบสั่งขายที่นับให้แคมเปญ: ใบสั่งขายของโอกาสการขายที่มาจากแคมเปญ และใบสั่งขายของสมาชิกที่บันทึกว่าซื้อแล้ว ตั้งแต่วันเริ่มแคมเปญจนถึง 30 วันหลังวันสิ้นสุด กำไรขั้นต้น = ยอดขายก่อน VAT หักราคาทุนของสินค้า</translation>
    </message>
    <message>
        <source>%1 order lines (%2 of sales) have no cost price and are left out of the margin.</source>
        <translation>มี %1 รายการสินค้า (ยอดขาย %2) ที่ไม่มีราคาทุน จึงไม่นำมาคิดกำไรขั้นต้น</translation>
    </message>
    <message>
        <source>Enter the campaign&apos;s cost to see its ROI.</source>
        <translation>กรอกค่าใช้จ่ายของแคมเปญเพื่อดูผลตอบแทน (ROI)</translation>
    </message>
    <message>
        <source>Select the members first.</source>
        <translation>โปรดเลือกสมาชิกก่อน</translation>
    </message>
    <message>
        <source>Set response</source>
        <translation>บันทึกผลตอบรับ</translation>
    </message>
    <message>
        <source>Response of the %1 selected members:</source>
        <translation>ผลตอบรับของสมาชิก %1 คนที่เลือก:</translation>
    </message>
    <message>
        <source>Responses saved</source>
        <translation>บันทึกผลตอบรับแล้ว</translation>
    </message>
    <message>
        <source>Remove members</source>
        <translation>นำสมาชิกออก</translation>
    </message>
    <message>
        <source>Remove the %1 selected members from the campaign?</source>
        <translation>นำสมาชิก %1 คนที่เลือกออกจากแคมเปญหรือไม่</translation>
    </message>
    <message>
        <source>Members removed</source>
        <translation>นำสมาชิกออกแล้ว</translation>
    </message>
    <message>
        <source>E-mail: one .eml file per member in a new folder</source>
        <translation>อีเมล: ไฟล์ .eml หนึ่งไฟล์ต่อสมาชิกหนึ่งคน ในโฟลเดอร์ใหม่</translation>
    </message>
    <message>
        <source>LINE Official Account: one CSV for a broadcast</source>
        <translation>LINE Official Account: ไฟล์ CSV หนึ่งไฟล์สำหรับบรอดแคสต์</translation>
    </message>
    <message>
        <source>Mail merge</source>
        <translation>จดหมายเวียน</translation>
    </message>
    <message>
        <source>Write:</source>
        <translation>สร้างเป็น:</translation>
    </message>
    <message>
        <source>Folder to write the messages in</source>
        <translation>โฟลเดอร์ที่จะเก็บข้อความ</translation>
    </message>
    <message>
        <source>LINE broadcast file</source>
        <translation>ไฟล์บรอดแคสต์ LINE</translation>
    </message>
    <message>
        <source>Writing the messages…</source>
        <translation>กำลังสร้างข้อความ…</translation>
    </message>
    <message>
        <source>%1 messages written to %2. Left out: %3 without marketing consent, %4 without an address.</source>
        <translation>สร้างข้อความ %1 รายการไว้ที่ %2 ไม่รวม: %3 คนที่ไม่ได้ยินยอมรับข่าวสาร และ %4 คนที่ไม่มีที่อยู่ติดต่อ</translation>
    </message>
    <message>
        <source>A segment is a saved filter of contacts or companies: who they are, where they live, what they bought and when they were last contacted. Open one to see how many it holds, add them to a campaign or export them.</source>
        <translation>กลุ่มเป้าหมายคือเงื่อนไขที่บันทึกไว้สำหรับเลือกผู้ติดต่อหรือบริษัท: เป็นใคร อยู่ที่ไหน ซื้ออะไร และติดต่อครั้งล่าสุดเมื่อไร เปิดดูเพื่อทราบจำนวน เพิ่มเข้าแคมเปญ หรือส่งออกรายชื่อ</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>กลุ่มเป้าหมาย</translation>
    </message>
    <message>
        <source>Of</source>
        <translation>ของ</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>ชนิด</translation>
    </message>
    <message>
        <source>New segment…</source>
        <translation>กลุ่มเป้าหมายใหม่…</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>เปิด…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>ลบ</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>ผู้ติดต่อ</translation>
    </message>
    <message>
        <source>Companies</source>
        <translation>บริษัท</translation>
    </message>
    <message>
        <source>Static list</source>
        <translation>รายชื่อคงที่</translation>
    </message>
    <message>
        <source>Dynamic filter</source>
        <translation>เงื่อนไขอัปเดตอัตโนมัติ</translation>
    </message>
    <message>
        <source>Deleted segment %1</source>
        <translation>ลบกลุ่มเป้าหมาย %1 แล้ว</translation>
    </message>
</context>
<context>
    <name>MoneyEdit</name>
    <message>
        <source>In baht, e.g. 150,000 or 1,250.50</source>
        <translation>หน่วยเป็นบาท เช่น 150,000 หรือ 1,250.50</translation>
    </message>
</context>
<context>
    <name>MonthGrid</name>
    <message>
        <source>Mon</source>
        <translation>จ.</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>อ.</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>พ.</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>พฤ.</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>ศ.</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>ส.</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>อา.</translation>
    </message>
    <message>
        <source>+%n more</source>
        <translation>+อีก %n คน</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>วันนี้</translation>
    </message>
</context>
<context>
    <name>MonthOfferBar</name>
    <message>
        <source>The monthly report for %1 is ready to view and print.</source>
        <translation>รายงานประจำเดือน%1 พร้อมให้ดูและพิมพ์แล้ว</translation>
    </message>
    <message>
        <source>Open the report</source>
        <translation>เปิดรายงาน</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>ไว้ทีหลัง</translation>
    </message>
</context>
<context>
    <name>MonthView</name>
    <message>
        <source>+%1 more</source>
        <translation>อีก %1 รายการ</translation>
    </message>
</context>
<context>
    <name>MonthlyReportPage</name>
    <message>
        <source>%1 (so far)</source>
        <translation>%1 (ถึงวันนี้)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>แสดงตัวอย่าง</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>พิมพ์…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>บันทึกเป็น PDF…</translation>
    </message>
    <message>
        <source>Choose a month and press Preview to see the report as it prints.</source>
        <translation>เลือกเดือนแล้วกด แสดงตัวอย่าง เพื่อดูรายงานตามที่จะพิมพ์ออกมา</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>เดือน</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>ภาษา</translation>
    </message>
    <message>
        <source>Monthly report</source>
        <translation>รายงานประจำเดือน</translation>
    </message>
    <message>
        <source>Making the report for %1…</source>
        <translation>กำลังสร้างรายงานเดือน%1…</translation>
    </message>
    <message>
        <source>%1: %2 pages</source>
        <translation>%1: %2 หน้า</translation>
    </message>
    <message>
        <source>Monthly report %1</source>
        <translation>รายงานประจำเดือน %1</translation>
    </message>
    <message>
        <source>Save the monthly report as PDF</source>
        <translation>บันทึกรายงานประจำเดือนเป็น PDF</translation>
    </message>
</context>
<context>
    <name>MyDayTab</name>
    <message>
        <source>When</source>
        <translation>เวลา</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>เรื่อง</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>ลูกค้า</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>ผู้รับผิดชอบ</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>ความสำคัญ</translation>
    </message>
    <message>
        <source>Whose activities</source>
        <translation>กิจกรรมของใคร</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>ทุกประเภท</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>ทุกสถานะ</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>ตั้งแต่วันที่</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>ถึงวันที่</translation>
    </message>
    <message>
        <source>Customer or deal…</source>
        <translation>ลูกค้าหรือดีล…</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>ไม่พบรายการ</translation>
    </message>
    <message>
        <source>My activities</source>
        <translation>กิจกรรมของฉัน</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>ทุกคน</translation>
    </message>
    <message>
        <source>New activity</source>
        <translation>กิจกรรมใหม่</translation>
    </message>
    <message>
        <source>Done…</source>
        <translation>เสร็จแล้ว…</translation>
    </message>
    <message>
        <source>Hand over…</source>
        <translation>ส่งต่องาน…</translation>
    </message>
    <message>
        <source>Cancel activity</source>
        <translation>ยกเลิกกิจกรรม</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>เปิดอีกครั้ง</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>ลบ</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>ส่งออก…</translation>
    </message>
    <message>
        <source>Write the activities shown to an Excel or CSV file</source>
        <translation>เขียนกิจกรรมที่แสดงอยู่ลงไฟล์ Excel หรือ CSV</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>เลยกำหนด</translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation>วันนี้ %1</translation>
    </message>
    <message>
        <source>Next 7 days</source>
        <translation>7 วันข้างหน้า</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 ถึง %2</translation>
    </message>
    <message>
        <source>%1 (%2, the newest %3 shown)</source>
        <translation>%1 (%2 รายการ แสดงล่าสุด %3 รายการ)</translation>
    </message>
    <message>
        <source>%1 (%2, the first %3 shown)</source>
        <translation>%1 (%2 รายการ แสดง %3 รายการแรก)</translation>
    </message>
    <message>
        <source>more than %1</source>
        <translation>มากกว่า %1</translation>
    </message>
    <message>
        <source>Nothing here</source>
        <translation>ไม่มีรายการ</translation>
    </message>
    <message numerus="yes">
        <source>%n activities</source>
        <translation>
            <numerusform>%n กิจกรรม</numerusform>
        </translation>
    </message>
    <message>
        <source>Part of a repeating series</source>
        <translation>เป็นส่วนหนึ่งของกิจกรรมที่ทำซ้ำ</translation>
    </message>
    <message>
        <source>all day</source>
        <translation>ทั้งวัน</translation>
    </message>
    <message>
        <source>due</source>
        <translation>ครบกำหนด</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>กิจกรรม</translation>
    </message>
    <message>
        <source>Cancelled: %1</source>
        <translation>ยกเลิกแล้ว: %1</translation>
    </message>
    <message>
        <source>Reopened: %1</source>
        <translation>เปิดอีกครั้งแล้ว: %1</translation>
    </message>
    <message>
        <source>Delete the activity “%1”?</source>
        <translation>ลบกิจกรรม “%1” ใช่ไหม</translation>
    </message>
    <message>
        <source>Deleted: %1</source>
        <translation>ลบแล้ว: %1</translation>
    </message>
</context>
<context>
    <name>OpportunitiesTab</name>
    <message>
        <source>List</source>
        <translation>รายการ</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>บอร์ด</translation>
    </message>
    <message>
        <source>Stages…</source>
        <translation>ขั้นตอนการขาย…</translation>
    </message>
    <message>
        <source>Add, rename, reorder or delete the pipeline stages</source>
        <translation>เพิ่ม เปลี่ยนชื่อ จัดลำดับ หรือลบขั้นตอนการขาย</translation>
    </message>
    <message>
        <source>Targets…</source>
        <translation>เป้าหมาย…</translation>
    </message>
    <message>
        <source>Monthly sales targets, attainment and commission per rep</source>
        <translation>เป้ายอดขายรายเดือน ผลงานเทียบเป้า และค่าคอมมิชชันของพนักงานขายแต่ละคน</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>ดีล</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>ลูกค้า</translation>
    </message>
    <message>
        <source>Amount (฿)</source>
        <translation>มูลค่า (฿)</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>โอกาสปิด</translation>
    </message>
    <message>
        <source>Weighted (฿)</source>
        <translation>มูลค่าถ่วงน้ำหนัก (฿)</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>คาดว่าจะปิด</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>ขั้นตอน</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>ผู้ดูแล</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>ช่องทาง</translation>
    </message>
    <message>
        <source>Days in stage</source>
        <translation>วันในขั้นตอน</translation>
    </message>
    <message>
        <source>Expected close month</source>
        <translation>เดือนที่คาดว่าจะปิดการขาย</translation>
    </message>
    <message>
        <source>Any close month</source>
        <translation>ทุกเดือนที่คาดปิด</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>ทุกช่องทาง</translation>
    </message>
    <message>
        <source>All owners</source>
        <translation>ผู้ดูแลทั้งหมด</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>ทุกขั้นตอน</translation>
    </message>
    <message>
        <source>Filter by deal or customer…</source>
        <translation>กรองตามชื่อดีลหรือลูกค้า…</translation>
    </message>
    <message numerus="yes">
        <source>%n deal(s)</source>
        <translation>
            <numerusform>%Ln ดีล</numerusform>
        </translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>โอกาสการขาย</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n deal(s)?</source>
        <translation>
            <numerusform>ต้องการลบ %Ln ดีลหรือไม่?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n deal(s)</source>
        <translation>
            <numerusform>ลบ %Ln ดีลแล้ว</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Open pipeline: %n deal(s)</source>
        <translation>
            <numerusform>ดีลที่กำลังดำเนินการ: %Ln ดีล</numerusform>
        </translation>
    </message>
    <message>
        <source>total %1</source>
        <translation>มูลค่ารวม %1</translation>
    </message>
    <message>
        <source>weighted %1</source>
        <translation>มูลค่าถ่วงน้ำหนัก %1</translation>
    </message>
    <message>
        <source>Loss reason</source>
        <translation>เหตุผลที่ไม่สำเร็จ</translation>
    </message>
    <message>
        <source>Competitor</source>
        <translation>คู่แข่ง</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>ผู้ติดต่อ</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>มูลค่า</translation>
    </message>
    <message>
        <source>Weighted amount</source>
        <translation>มูลค่าถ่วงน้ำหนัก</translation>
    </message>
    <message>
        <source>Sales channel</source>
        <translation>ช่องทางการขาย</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>แคมเปญ</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>หมายเหตุ</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>สินค้า</translation>
    </message>
    <message>
        <source>Edit products…</source>
        <translation>แก้ไขสินค้า…</translation>
    </message>
    <message>
        <source>Stage history</source>
        <translation>ประวัติขั้นตอนการขาย</translation>
    </message>
    <message>
        <source>Select a deal to see its details.</source>
        <translation>เลือกดีลเพื่อดูรายละเอียด</translation>
    </message>
    <message>
        <source>Customer 360</source>
        <translation>ภาพรวมลูกค้า 360</translation>
    </message>
    <message>
        <source>Products (none)</source>
        <translation>สินค้า (ยังไม่มี)</translation>
    </message>
    <message numerus="yes">
        <source>Products (%n)</source>
        <translation>
            <numerusform>สินค้า (%Ln รายการ)</numerusform>
        </translation>
    </message>
    <message>
        <source>(now)</source>
        <translation>(ปัจจุบัน)</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%Ln วัน</numerusform>
        </translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>เข้าขั้นตอน</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>ออกจากขั้นตอน</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>ระยะเวลา</translation>
    </message>
    <message>
        <source>By</source>
        <translation>โดย</translation>
    </message>
</context>
<context>
    <name>OpportunityDialog</name>
    <message>
        <source>New deal</source>
        <translation>ดีลใหม่</translation>
    </message>
    <message>
        <source>Edit deal</source>
        <translation>แก้ไขดีล</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>ดีล</translation>
    </message>
    <message>
        <source>e.g. แอร์ 10 เครื่อง สำนักงานใหม่</source>
        <translation>เช่น แอร์ 10 เครื่อง สำนักงานใหม่</translation>
    </message>
    <message>
        <source>Deal name *</source>
        <translation>ชื่อดีล *</translation>
    </message>
    <message>
        <source>Type part of the company&apos;s name (empty for a private customer)…</source>
        <translation>พิมพ์บางส่วนของชื่อบริษัท (เว้นว่างสำหรับลูกค้าบุคคล)…</translation>
    </message>
    <message>
        <source>No matching account</source>
        <translation>ไม่พบบริษัทที่ตรงกัน</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>ลูกค้า</translation>
    </message>
    <message>
        <source>Type part of the contact&apos;s name (optional)…</source>
        <translation>พิมพ์บางส่วนของชื่อผู้ติดต่อ (ไม่บังคับ)…</translation>
    </message>
    <message>
        <source>No matching contact</source>
        <translation>ไม่พบผู้ติดต่อที่ตรงกัน</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>ผู้ติดต่อ</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>(ไม่มี)</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>ผู้ดูแล</translation>
    </message>
    <message>
        <source>(not known)</source>
        <translation>(ไม่ทราบ)</translation>
    </message>
    <message>
        <source>Sales channel</source>
        <translation>ช่องทางการขาย</translation>
    </message>
    <message>
        <source>The marketing campaign this deal is credited to</source>
        <translation>แคมเปญการตลาดที่ทำให้ได้ดีลนี้มา</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>แคมเปญ</translation>
    </message>
    <message>
        <source>Competitor</source>
        <translation>คู่แข่ง</translation>
    </message>
    <message>
        <source>Stage and value</source>
        <translation>ขั้นตอนและมูลค่า</translation>
    </message>
    <message>
        <source>Stage *</source>
        <translation>ขั้นตอนการขาย *</translation>
    </message>
    <message>
        <source>(choose a reason)</source>
        <translation>(เลือกเหตุผล)</translation>
    </message>
    <message>
        <source>Loss reason *</source>
        <translation>เหตุผลที่ไม่สำเร็จ *</translation>
    </message>
    <message>
        <source>Amount (baht)</source>
        <translation>มูลค่า (บาท)</translation>
    </message>
    <message>
        <source>Set from the stage when the stage changes; you may adjust it.</source>
        <translation>ตั้งตามขั้นตอนการขายเมื่อเปลี่ยนขั้นตอน และปรับเองได้</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>โอกาสปิดการขาย</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>คาดว่าจะปิดการขาย</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>หมายเหตุ</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>สินค้า</translation>
    </message>
    <message>
        <source>With product lines, the deal&apos;s amount is their grand total.</source>
        <translation>เมื่อมีรายการสินค้า มูลค่าดีลจะเท่ากับยอดรวมทั้งสิ้นของรายการ</translation>
    </message>
    <message>
        <source>(no campaign)</source>
        <translation>(ไม่มีแคมเปญ)</translation>
    </message>
    <message>
        <source>Choose the customer from the list that appears while you type, or clear the field.</source>
        <translation>เลือกลูกค้าจากรายการที่แสดงขณะพิมพ์ หรือล้างช่องนี้</translation>
    </message>
    <message>
        <source>Choose the contact from the list that appears while you type, or clear the field.</source>
        <translation>เลือกผู้ติดต่อจากรายการที่แสดงขณะพิมพ์ หรือล้างช่องนี้</translation>
    </message>
    <message>
        <source>Added deal %1</source>
        <translation>เพิ่มดีล %1 แล้ว</translation>
    </message>
    <message>
        <source>Saved deal %1</source>
        <translation>บันทึกดีล %1 แล้ว</translation>
    </message>
</context>
<context>
    <name>OrderDialog</name>
    <message>
        <source>New sales order</source>
        <translation>ใบสั่งขายใหม่</translation>
    </message>
    <message>
        <source>Edit sales order %1</source>
        <translation>แก้ไขใบสั่งขาย %1</translation>
    </message>
    <message>
        <source>A confirmed order&apos;s lines no longer change; its promised dates do.</source>
        <translation>รายการของใบสั่งขายที่ยืนยันแล้วแก้ไขไม่ได้ แต่ยังเปลี่ยนวันนัดส่งได้</translation>
    </message>
    <message>
        <source>Empty: the customer&apos;s address</source>
        <translation>เว้นว่าง: ใช้ที่อยู่ของลูกค้า</translation>
    </message>
    <message>
        <source>Deliver to</source>
        <translation>ที่อยู่จัดส่ง</translation>
    </message>
    <message>
        <source>Promised delivery dates</source>
        <translation>วันที่นัดส่งของ</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>รายการ</translation>
    </message>
    <message>
        <source>Promised by</source>
        <translation>นัดส่งภายใน</translation>
    </message>
    <message>
        <source>Each line&apos;s promised date; a line not delivered in full by then shows as late.</source>
        <translation>วันที่นัดส่งของแต่ละรายการ รายการที่ยังส่งไม่ครบเมื่อเลยวันนั้นจะแสดงว่าล่าช้า</translation>
    </message>
    <message>
        <source>Saved the sales order</source>
        <translation>บันทึกใบสั่งขายแล้ว</translation>
    </message>
    <message>
        <source>Saved sales order %1</source>
        <translation>บันทึกใบสั่งขาย %1 แล้ว</translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <source>Number</source>
        <translation>เลขที่</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>วันที่</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>ลูกค้า</translation>
    </message>
    <message>
        <source>Sales rep</source>
        <translation>พนักงานขาย</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <source>Grand total</source>
        <translation>ยอดรวมทั้งสิ้น</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>ส่งแล้ว</translation>
    </message>
    <message>
        <source>Late only</source>
        <translation>เฉพาะที่ล่าช้า</translation>
    </message>
    <message>
        <source>Orders with a line whose promised delivery date has passed</source>
        <translation>ใบสั่งขายที่มีรายการเลยวันนัดส่งแล้ว</translation>
    </message>
    <message>
        <source>Filter by number, customer or deal…</source>
        <translation>กรองตามเลขที่ ลูกค้า หรือดีล…</translation>
    </message>
    <message numerus="yes">
        <source>%n sales order(s)</source>
        <translation>
            <numerusform>ใบสั่งขาย %Ln ใบ</numerusform>
        </translation>
    </message>
    <message>
        <source>Sales orders</source>
        <translation>ใบสั่งขาย</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n sales order(s)?</source>
        <translation>
            <numerusform>ต้องการลบใบสั่งขาย %Ln ใบหรือไม่?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n sales order(s)</source>
        <translation>
            <numerusform>ลบใบสั่งขาย %Ln ใบแล้ว</numerusform>
        </translation>
    </message>
    <message>
        <source>New sales order without a quotation (Ctrl+N)</source>
        <translation>ใบสั่งขายใหม่โดยไม่มีใบเสนอราคา (Ctrl+N)</translation>
    </message>
    <message>
        <source>Select a sales order to see its lines and deliveries.</source>
        <translation>เลือกใบสั่งขายเพื่อดูรายการและการส่งของ</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>รายละเอียด</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>จำนวน</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>จำนวนเงิน</translation>
    </message>
    <message>
        <source>Promised</source>
        <translation>กำหนดส่ง</translation>
    </message>
    <message>
        <source>Delivered</source>
        <comment>quantity</comment>
        <translation>ส่งแล้ว</translation>
    </message>
    <message>
        <source>Delivered on</source>
        <translation>วันที่ส่ง</translation>
    </message>
    <message>
        <source>Delivery note</source>
        <translation>ใบส่งของ</translation>
    </message>
    <message>
        <source>Confirmed on</source>
        <translation>ยืนยันเมื่อ</translation>
    </message>
    <message>
        <source>Invoiced on</source>
        <translation>ออกใบแจ้งหนี้เมื่อ</translation>
    </message>
    <message>
        <source>Cancelled because</source>
        <translation>เหตุผลที่ยกเลิก</translation>
    </message>
    <message>
        <source>Deliver to</source>
        <translation>ที่อยู่จัดส่ง</translation>
    </message>
    <message>
        <source>From quotation</source>
        <translation>จากใบเสนอราคา</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>ยืนยัน</translation>
    </message>
    <message>
        <source>The customer confirmed the order; its deal is marked won</source>
        <translation>ลูกค้ายืนยันคำสั่งซื้อแล้ว ดีลจะถูกบันทึกว่าปิดการขายได้</translation>
    </message>
    <message>
        <source>Record delivery…</source>
        <translation>บันทึกการส่งของ…</translation>
    </message>
    <message>
        <source>What was handed over today: quantities, date and delivery note</source>
        <translation>สิ่งที่ส่งมอบ: จำนวน วันที่ และเลขใบส่งของ</translation>
    </message>
    <message>
        <source>Mark invoiced</source>
        <translation>ออกใบแจ้งหนี้แล้ว</translation>
    </message>
    <message>
        <source>The invoice for this order was issued</source>
        <translation>ออกใบแจ้งหนี้ของใบสั่งขายนี้แล้ว</translation>
    </message>
    <message>
        <source>Cancel order…</source>
        <translation>ยกเลิกใบสั่งขาย…</translation>
    </message>
    <message>
        <source>Cancel the order, saying why</source>
        <translation>ยกเลิกใบสั่งขาย พร้อมระบุเหตุผล</translation>
    </message>
    <message>
        <source>Confirmed %1</source>
        <translation>ยืนยัน %1 แล้ว</translation>
    </message>
    <message>
        <source>%1 invoiced</source>
        <translation>%1 ออกใบแจ้งหนี้แล้ว</translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation>ยกเลิกใบสั่งขาย</translation>
    </message>
    <message>
        <source>Why is %1 cancelled?</source>
        <translation>ยกเลิก %1 เพราะอะไร?</translation>
    </message>
    <message>
        <source>Keep the order</source>
        <translation>ไม่ยกเลิก</translation>
    </message>
    <message>
        <source>Cancelled %1</source>
        <translation>ยกเลิก %1 แล้ว</translation>
    </message>
</context>
<context>
    <name>OrdersTab</name>
    <message>
        <source>Quotations</source>
        <translation>ใบเสนอราคา</translation>
    </message>
    <message>
        <source>Sales orders</source>
        <translation>ใบสั่งขาย</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Password of %1</source>
        <translation>รหัสผ่านของ %1</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>รหัสผ่านปัจจุบัน</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>รหัสผ่านใหม่</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>ยืนยันรหัสผ่านใหม่</translation>
    </message>
    <message>
        <source>%1 chooses their own password at their next login.</source>
        <translation>%1 จะตั้งรหัสผ่านของตัวเองเมื่อเข้าสู่ระบบครั้งถัดไป</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>The two new passwords differ; type them again.</source>
        <translation>รหัสผ่านใหม่ทั้งสองช่องไม่ตรงกัน โปรดพิมพ์อีกครั้ง</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>Quotation %1</source>
        <translation>ใบเสนอราคา %1</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>พิมพ์…</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>บันทึกเป็น…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>ภาษา</translation>
    </message>
    <message>
        <source>Save the quotation as PDF</source>
        <translation>บันทึกใบเสนอราคาเป็น PDF</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>เริ่มการพิมพ์ไม่ได้</translation>
    </message>
</context>
<context>
    <name>PicklistDialog</name>
    <message>
        <source>Disqualify reasons (leads)</source>
        <translation>เหตุผลที่ตัดออก (ลีด)</translation>
    </message>
    <message>
        <source>Loss reasons (deals)</source>
        <translation>เหตุผลที่ไม่สำเร็จ (ดีล)</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>เหตุผล</translation>
    </message>
    <message>
        <source>Removing a reason keeps it on the records that already use it.</source>
        <translation>การลบเหตุผลจะไม่กระทบข้อมูลที่ใช้เหตุผลนั้นอยู่แล้ว</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>ลบ</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>เลื่อนขึ้น</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>เลื่อนลง</translation>
    </message>
    <message>
        <source>A new reason…</source>
        <translation>เหตุผลใหม่…</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>เพิ่ม</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
    <message>
        <source>Reason added</source>
        <translation>เพิ่มเหตุผลแล้ว</translation>
    </message>
    <message>
        <source>Removed reason %1</source>
        <translation>ลบเหตุผล %1 แล้ว</translation>
    </message>
</context>
<context>
    <name>PipelineBoard</name>
    <message numerus="yes">
        <source>%n deal(s)</source>
        <translation>
            <numerusform>%Ln ดีล</numerusform>
        </translation>
    </message>
    <message>
        <source>weighted %1</source>
        <translation>ถ่วงน้ำหนัก %1</translation>
    </message>
    <message>
        <source>close %1</source>
        <translation>คาดปิด %1</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) in stage</source>
        <translation>
            <numerusform>อยู่ในขั้นตอนนี้ %Ln วัน</numerusform>
        </translation>
    </message>
    <message>
        <source>(no customer)</source>
        <translation>(ไม่ระบุลูกค้า)</translation>
    </message>
    <message>
        <source>Deal moved to %1</source>
        <translation>ย้ายดีลไปที่ %1 แล้ว</translation>
    </message>
</context>
<context>
    <name>PipelineLabels</name>
    <message>
        <source>Prospecting</source>
        <translation>หาลูกค้า</translation>
    </message>
    <message>
        <source>Qualification</source>
        <translation>คัดกรอง</translation>
    </message>
    <message>
        <source>Quotation</source>
        <translation>เสนอราคา</translation>
    </message>
    <message>
        <source>Negotiation</source>
        <translation>เจรจาต่อรอง</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>ปิดการขายได้</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>ไม่สำเร็จ</translation>
    </message>
    <message>
        <source>Direct sale</source>
        <translation>ขายตรง</translation>
    </message>
    <message>
        <source>LINE</source>
        <translation>LINE</translation>
    </message>
    <message>
        <source>Facebook</source>
        <translation>เฟซบุ๊ก</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>เว็บไซต์</translation>
    </message>
    <message>
        <source>Dealer</source>
        <translation>ตัวแทนจำหน่าย</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Import sync file</source>
        <translation>นำเข้าไฟล์ซิงก์</translation>
    </message>
    <message>
        <source>%1 change(s) from copy %2, made %3: all of them are already here, nothing is new.</source>
        <translation>มีการเปลี่ยนแปลง %1 รายการจากเครื่อง %2 สร้างเมื่อ %3 ทั้งหมดมีอยู่ในเครื่องนี้แล้ว ไม่มีข้อมูลใหม่</translation>
    </message>
    <message>
        <source>%1 changes from copy %2, made %3. %4 of them are already here.</source>
        <translation>มีการเปลี่ยนแปลง %1 รายการจากเครื่อง %2 สร้างเมื่อ %3 ในจำนวนนี้มีอยู่ในเครื่องนี้แล้ว %4 รายการ</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <source>Nothing in this file is new to this copy.</source>
        <translation>ไม่มีข้อมูลใหม่สำหรับเครื่องนี้ในไฟล์นี้</translation>
    </message>
    <message>
        <source>The database is backed up before the import. Conflicts keep the later change and are listed on the Sync tab, where you can choose the other value.</source>
        <translation>ระบบจะสำรองฐานข้อมูลก่อนนำเข้า หากข้อมูลขัดแย้งกัน จะเก็บค่าที่แก้ไขทีหลังไว้ และแสดงรายการในแท็บซิงก์ข้อมูล ให้คุณเลือกใช้อีกค่าหนึ่งได้</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>นำเข้า</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Row</source>
        <translation>แถว</translation>
    </message>
    <message>
        <source>Would be</source>
        <translation>ผลที่จะเกิด</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>รายการ</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>เหตุผล</translation>
    </message>
    <message>
        <source>Check before importing</source>
        <translation>ตรวจสอบก่อนนำเข้า</translation>
    </message>
    <message>
        <source>Nothing has been written yet. Duplicates are found by phone, e-mail, tax ID and name.</source>
        <translation>ยังไม่มีการบันทึกข้อมูลใด ๆ ข้อมูลซ้ำตรวจจากเบอร์โทร อีเมล เลขประจำตัวผู้เสียภาษี และชื่อ</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>นำเข้า</translation>
    </message>
    <message>
        <source>Likely duplicates</source>
        <translation>รายการที่น่าจะซ้ำ</translation>
    </message>
    <message>
        <source>Update the record (only the fields the file has)</source>
        <translation>อัปเดตข้อมูลเดิม (เฉพาะช่องที่มีในไฟล์)</translation>
    </message>
    <message>
        <source>Skip the row</source>
        <translation>ข้ามแถวนั้น</translation>
    </message>
    <message>
        <source>Create a new record anyway</source>
        <translation>สร้างรายการใหม่อยู่ดี</translation>
    </message>
    <message>
        <source>Rows with errors</source>
        <translation>แถวที่มีข้อผิดพลาด</translation>
    </message>
    <message>
        <source>Leave them out and import the rest</source>
        <translation>ข้ามแถวเหล่านั้นและนำเข้าที่เหลือ</translation>
    </message>
    <message>
        <source>Import nothing</source>
        <translation>ไม่นำเข้าเลย</translation>
    </message>
    <message>
        <source>New</source>
        <translation>ใหม่</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>อัปเดต</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>ซ้ำ</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>ผิดพลาด</translation>
    </message>
    <message>
        <source>tax ID</source>
        <translation>เลขผู้เสียภาษี</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>อีเมล</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>เบอร์โทร</translation>
    </message>
    <message>
        <source>name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <source>product code</source>
        <translation>รหัสสินค้า</translation>
    </message>
    <message>
        <source>Duplicate of row %1 of the file (same %2)</source>
        <translation>ซ้ำกับแถว %1 ของไฟล์ (%2ตรงกัน)</translation>
    </message>
    <message>
        <source>Updates %1 (same %2)</source>
        <translation>อัปเดต %1 (%2ตรงกัน)</translation>
    </message>
    <message>
        <source>Duplicate of %1 (same %2)</source>
        <translation>ซ้ำกับ %1 (%2ตรงกัน)</translation>
    </message>
    <message>
        <source>%1 rows: %2 new, %3 update a record, %4 likely duplicates, %5 with errors.</source>
        <translation>ทั้งหมด %1 แถว: ใหม่ %2 อัปเดตข้อมูลเดิม %3 น่าจะซ้ำ %4 มีข้อผิดพลาด %5</translation>
    </message>
    <message>
        <source>Warnings (%1)</source>
        <translation>คำเตือน (%1)</translation>
    </message>
    <message>
        <source>Reading the file and looking for duplicates…</source>
        <translation>กำลังอ่านไฟล์และตรวจหาข้อมูลซ้ำ…</translation>
    </message>
    <message>
        <source>The first %1 rows are shown; the counts cover all of them.</source>
        <translation>แสดง %1 แถวแรก ส่วนจำนวนนับรวมทุกแถว</translation>
    </message>
    <message>
        <source>The file could not be read.</source>
        <translation>อ่านไฟล์ไม่ได้</translation>
    </message>
</context>
<context>
    <name>ProductDialog</name>
    <message>
        <source>New product</source>
        <translation>เพิ่มสินค้า</translation>
    </message>
    <message>
        <source>Edit product</source>
        <translation>แก้ไขสินค้า</translation>
    </message>
    <message>
        <source>e.g. AC-12000</source>
        <translation>เช่น AC-12000</translation>
    </message>
    <message>
        <source>The product&apos;s code; no two products in the list share one.</source>
        <translation>รหัสสินค้า ห้ามซ้ำกับสินค้าอื่นในรายการ</translation>
    </message>
    <message>
        <source>SKU *</source>
        <translation>รหัสสินค้า *</translation>
    </message>
    <message>
        <source>e.g. แอร์ติดผนัง 12,000 BTU</source>
        <translation>เช่น แอร์ติดผนัง 12,000 BTU</translation>
    </message>
    <message>
        <source>Name (Thai) *</source>
        <translation>ชื่อ (ไทย) *</translation>
    </message>
    <message>
        <source>Printed on English quotations</source>
        <translation>ใช้พิมพ์ในใบเสนอราคาภาษาอังกฤษ</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>ชื่อ (อังกฤษ)</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>หมวดหมู่</translation>
    </message>
    <message>
        <source>Choose a unit from the list or type another one.</source>
        <translation>เลือกหน่วยจากรายการ หรือพิมพ์หน่วยอื่น</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>หน่วย</translation>
    </message>
    <message>
        <source>Price (baht)</source>
        <translation>ราคา (บาท)</translation>
    </message>
    <message>
        <source>Cost (baht)</source>
        <translation>ต้นทุน (บาท)</translation>
    </message>
    <message>
        <source>Subject to VAT 7 %</source>
        <translation>คิดภาษีมูลค่าเพิ่ม 7 %</translation>
    </message>
    <message>
        <source>Active (offered when adding lines)</source>
        <translation>ใช้งานอยู่ (แสดงให้เลือกเมื่อเพิ่มรายการ)</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>รายละเอียด</translation>
    </message>
    <message>
        <source>* required</source>
        <translation>* จำเป็นต้องกรอก</translation>
    </message>
    <message>
        <source>Added product %1</source>
        <translation>เพิ่มสินค้า %1 แล้ว</translation>
    </message>
    <message>
        <source>Saved product %1</source>
        <translation>บันทึกสินค้า %1 แล้ว</translation>
    </message>
</context>
<context>
    <name>ProductsTab</name>
    <message>
        <source>Yes</source>
        <translation>ใช่</translation>
    </message>
    <message>
        <source>No</source>
        <translation>ไม่</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>รหัสสินค้า</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>ชื่อภาษาอังกฤษ</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>หมวดหมู่</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>หน่วย</translation>
    </message>
    <message>
        <source>Price (baht)</source>
        <translation>ราคา (บาท)</translation>
    </message>
    <message>
        <source>Cost (baht)</source>
        <translation>ต้นทุน (บาท)</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>ภาษี</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>ใช้งานอยู่</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>แก้ไขล่าสุด</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>เลิกใช้งาน</translation>
    </message>
    <message>
        <source>Active and inactive</source>
        <translation>ทั้งที่ใช้งานและเลิกใช้งาน</translation>
    </message>
    <message>
        <source>With and without VAT</source>
        <translation>ทั้งมีและไม่มี VAT</translation>
    </message>
    <message>
        <source>With VAT</source>
        <translation>มี VAT</translation>
    </message>
    <message>
        <source>VAT exempt</source>
        <translation>ยกเว้น VAT</translation>
    </message>
    <message>
        <source>Price from</source>
        <translation>ราคาตั้งแต่</translation>
    </message>
    <message>
        <source>to</source>
        <translation>ถึง</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>ทุกหมวดหมู่</translation>
    </message>
    <message>
        <source>Filter by SKU or name…</source>
        <translation>กรองตามรหัสหรือชื่อสินค้า…</translation>
    </message>
    <message numerus="yes">
        <source>%n product(s)</source>
        <translation>
            <numerusform>สินค้า %Ln รายการ</numerusform>
        </translation>
    </message>
    <message>
        <source>Products</source>
        <translation>สินค้า</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n product(s)?</source>
        <translation>
            <numerusform>ต้องการลบสินค้า %Ln รายการหรือไม่?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n product(s)</source>
        <translation>
            <numerusform>ลบสินค้า %Ln รายการแล้ว</numerusform>
        </translation>
    </message>
    <message>
        <source>Price</source>
        <translation>ราคา</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>ต้นทุน</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>กำไรขั้นต้น</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>รายละเอียด</translation>
    </message>
    <message>
        <source>Price history</source>
        <translation>ประวัติราคา</translation>
    </message>
    <message>
        <source>When</source>
        <translation>เมื่อ</translation>
    </message>
    <message>
        <source>By</source>
        <translation>โดย</translation>
    </message>
    <message>
        <source>Select a product to see its details.</source>
        <translation>เลือกสินค้าเพื่อดูรายละเอียด</translation>
    </message>
    <message>
        <source>VAT 7 %</source>
        <translation>ภาษีมูลค่าเพิ่ม 7 %</translation>
    </message>
    <message>
        <source>Inactive: not offered for new lines</source>
        <translation>เลิกใช้งาน: ไม่แสดงให้เลือกในรายการใหม่</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>เลิกใช้งาน</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>เปิดใช้งาน</translation>
    </message>
    <message>
        <source>Deactivated product %1</source>
        <translation>เลิกใช้งานสินค้า %1 แล้ว</translation>
    </message>
    <message>
        <source>Activated product %1</source>
        <translation>เปิดใช้งานสินค้า %1 แล้ว</translation>
    </message>
</context>
<context>
    <name>ProvinceCombo</name>
    <message>
        <source>Province</source>
        <translation>จังหวัด</translation>
    </message>
</context>
<context>
    <name>QGnomeTheme</name>
    <message>
        <source>&amp;OK</source>
        <translation>ตกลง(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>บันทึก(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>ยกเลิก(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>ปิด(&amp;C)</translation>
    </message>
    <message>
        <source>Close without Saving</source>
        <translation>ปิดโดยไม่บันทึก</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>เลิกทำ(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>ทำซ้ำ(&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>ตัด(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>คัดลอก(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>วาง(&amp;P)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>ลบ</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>เลือกทั้งหมด</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>แสดงรายละเอียด...</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>ซ่อนรายละเอียด...</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>ตกลง</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>บันทึกทั้งหมด</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>เปิด</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>ใช่(&amp;Y)</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>ใช่ทั้งหมด(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>ไม่(&amp;N)</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>ไม่ทั้งหมด(&amp;O)</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>ยุติ</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>ลองอีกครั้ง</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>ข้าม</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>ไม่บันทึก</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>วิธีใช้</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>นำไปใช้</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>รีเซ็ต</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>คืนค่าเริ่มต้น</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>เลิกทำ(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>ทำซ้ำ(&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>ตัด(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>คัดลอก(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>วาง(&amp;P)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>ลบ</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>เลือกทั้งหมด</translation>
    </message>
</context>
<context>
    <name>QualifyDialog</name>
    <message>
        <source>Qualify lead</source>
        <translation>ลีดผ่านการคัดกรอง</translation>
    </message>
    <message>
        <source>Qualify</source>
        <translation>ผ่านการคัดกรอง</translation>
    </message>
    <message>
        <source>Hand %1 to a sales rep:</source>
        <translation>ส่งต่อ %1 ให้พนักงานขาย:</translation>
    </message>
    <message>
        <source>Round-robin (the next rep in turn)</source>
        <translation>เวียนตามคิว (พนักงานขายคนถัดไป)</translation>
    </message>
    <message>
        <source>Sales rep</source>
        <translation>พนักงานขาย</translation>
    </message>
    <message>
        <source>Lead qualified</source>
        <translation>ลีดผ่านการคัดกรองแล้ว</translation>
    </message>
</context>
<context>
    <name>QuotationDialog</name>
    <message>
        <source>New quotation</source>
        <translation>ใบเสนอราคาใหม่</translation>
    </message>
    <message>
        <source>Edit quotation %1</source>
        <translation>แก้ไขใบเสนอราคา %1</translation>
    </message>
    <message>
        <source>Empty: 30 days after the date</source>
        <translation>เว้นว่าง: 30 วันหลังวันที่ในเอกสาร</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>ยืนราคาถึง</translation>
    </message>
    <message>
        <source>Saved the quotation</source>
        <translation>บันทึกใบเสนอราคาแล้ว</translation>
    </message>
    <message>
        <source>Saved quotation %1</source>
        <translation>บันทึกใบเสนอราคา %1 แล้ว</translation>
    </message>
</context>
<context>
    <name>QuotationsPage</name>
    <message>
        <source>Number</source>
        <translation>เลขที่</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>วันที่</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>ลูกค้า</translation>
    </message>
    <message>
        <source>Sales rep</source>
        <translation>พนักงานขาย</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <source>Grand total</source>
        <translation>ยอดรวมทั้งสิ้น</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>ยืนราคาถึง</translation>
    </message>
    <message>
        <source>Filter by number, customer or deal…</source>
        <translation>กรองตามเลขที่ ลูกค้า หรือดีล…</translation>
    </message>
    <message numerus="yes">
        <source>%n quotation(s)</source>
        <translation>
            <numerusform>ใบเสนอราคา %Ln ใบ</numerusform>
        </translation>
    </message>
    <message>
        <source>Quotations</source>
        <translation>ใบเสนอราคา</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n quotation(s)?</source>
        <translation>
            <numerusform>ต้องการลบใบเสนอราคา %Ln ใบหรือไม่?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n quotation(s)</source>
        <translation>
            <numerusform>ลบใบเสนอราคา %Ln ใบแล้ว</numerusform>
        </translation>
    </message>
    <message>
        <source>New quotation (Ctrl+N)</source>
        <translation>ใบเสนอราคาใหม่ (Ctrl+N)</translation>
    </message>
    <message>
        <source>Select a quotation to see its lines and totals.</source>
        <translation>เลือกใบเสนอราคาเพื่อดูรายการและยอดรวม</translation>
    </message>
    <message>
        <source>Revisions and orders</source>
        <translation>ฉบับแก้ไขและใบสั่งขาย</translation>
    </message>
    <message>
        <source>Revisions: %1</source>
        <translation>ฉบับแก้ไข: %1</translation>
    </message>
    <message>
        <source>Sales orders: %1</source>
        <translation>ใบสั่งขาย: %1</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>ส่ง</translation>
    </message>
    <message>
        <source>Mark the quotation as sent to the customer; its deal moves to the quotation stage</source>
        <translation>บันทึกว่าส่งใบเสนอราคาให้ลูกค้าแล้ว ดีลจะย้ายไปขั้นเสนอราคา</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>ลูกค้าตอบรับ</translation>
    </message>
    <message>
        <source>The customer accepted this quotation</source>
        <translation>ลูกค้าตอบรับใบเสนอราคานี้</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>ปฏิเสธ</translation>
    </message>
    <message>
        <source>The customer declined this quotation</source>
        <translation>ลูกค้าปฏิเสธใบเสนอราคานี้</translation>
    </message>
    <message>
        <source>Make revision</source>
        <translation>ทำฉบับแก้ไข</translation>
    </message>
    <message>
        <source>A new draft with the same number and the next revision; this one stays as sent</source>
        <translation>ฉบับร่างใหม่ เลขที่เดิม ครั้งที่แก้ไขถัดไป ฉบับนี้คงไว้ตามที่ส่ง</translation>
    </message>
    <message>
        <source>Make sales order</source>
        <translation>ออกใบสั่งขาย</translation>
    </message>
    <message>
        <source>A sales order with this quotation&apos;s lines, opened on the Sales orders page</source>
        <translation>ใบสั่งขายที่มีรายการเดียวกับใบเสนอราคานี้ เปิดในหน้าใบสั่งขาย</translation>
    </message>
    <message>
        <source>PDF / Print…</source>
        <translation>PDF / พิมพ์…</translation>
    </message>
    <message>
        <source>The printed quotation: look at it, print it or save it as a PDF</source>
        <translation>ใบเสนอราคาฉบับพิมพ์: ดูตัวอย่าง พิมพ์ หรือบันทึกเป็นไฟล์ PDF</translation>
    </message>
    <message>
        <source>Edit quotation</source>
        <translation>แก้ไขใบเสนอราคา</translation>
    </message>
    <message>
        <source>%1 is %2: what the customer has must stay as it is. Make a revision to change it?</source>
        <translation>%1 อยู่ในสถานะ %2: ฉบับที่ลูกค้าได้รับต้องคงไว้ตามเดิม ต้องการทำฉบับแก้ไขเพื่อเปลี่ยนหรือไม่?</translation>
    </message>
    <message>
        <source>Sent %1</source>
        <translation>ส่ง %1 แล้ว</translation>
    </message>
    <message>
        <source>%1 accepted</source>
        <translation>ลูกค้าตอบรับ %1</translation>
    </message>
    <message>
        <source>%1 rejected</source>
        <translation>ลูกค้าปฏิเสธ %1</translation>
    </message>
    <message>
        <source>Made a revision of %1</source>
        <translation>ทำฉบับแก้ไขของ %1 แล้ว</translation>
    </message>
    <message>
        <source>Made a sales order from %1</source>
        <translation>ออกใบสั่งขายจาก %1 แล้ว</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>Company</source>
        <translation>บริษัท</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>ผู้ติดต่อ</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>ลีด</translation>
    </message>
    <message>
        <source>same tax ID</source>
        <translation>เลขผู้เสียภาษีเดียวกัน</translation>
    </message>
    <message>
        <source>same e-mail</source>
        <translation>อีเมลเดียวกัน</translation>
    </message>
    <message>
        <source>same phone</source>
        <translation>เบอร์โทรเดียวกัน</translation>
    </message>
    <message>
        <source>same name</source>
        <translation>ชื่อเดียวกัน</translation>
    </message>
    <message>
        <source>similar name</source>
        <translation>ชื่อคล้ายกัน</translation>
    </message>
    <message>
        <source>Read only: your role cannot change this record.</source>
        <translation>อ่านอย่างเดียว: บทบาทของคุณแก้ไขรายการนี้ไม่ได้</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>อาจเป็นข้อมูลซ้ำ</translation>
    </message>
    <message>
        <source>This may already be in the CRM:</source>
        <translation>ข้อมูลนี้อาจมีอยู่ใน CRM แล้ว:</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>บันทึกต่อไป</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>ปิดโดยไม่บันทึก?</translation>
    </message>
    <message>
        <source>You have changed this form. Close it without saving?</source>
        <translation>มีการแก้ไขข้อมูลในฟอร์มนี้ ต้องการปิดโดยไม่บันทึกหรือไม่?</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>ไม่บันทึก</translation>
    </message>
</context>
<context>
    <name>RecordTab</name>
    <message>
        <source>New</source>
        <translation>เพิ่มใหม่</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>แก้ไข</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>ลบ</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>ส่งออก…</translation>
    </message>
    <message>
        <source>Write the rows shown, with the columns shown, to an Excel or CSV file</source>
        <translation>เขียนแถวและคอลัมน์ที่แสดงอยู่ลงไฟล์ Excel หรือ CSV</translation>
    </message>
    <message>
        <source>Filter…</source>
        <translation>กรอง…</translation>
    </message>
    <message>
        <source>New activity…</source>
        <translation>เพิ่มกิจกรรม…</translation>
    </message>
    <message>
        <source>Plan a call, meeting, visit or task with this record</source>
        <translation>นัดโทร ประชุม เยี่ยม หรือสร้างงานสำหรับรายการนี้</translation>
    </message>
    <message>
        <source>New quotation…</source>
        <translation>ใบเสนอราคาใหม่…</translation>
    </message>
    <message>
        <source>A quotation for this customer or deal, filled in from it</source>
        <translation>ใบเสนอราคาสำหรับลูกค้าหรือดีลนี้ กรอกข้อมูลให้จากรายการที่เลือก</translation>
    </message>
    <message>
        <source>%n record(s)</source>
        <translation>%Ln รายการ</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>รายการ</translation>
    </message>
    <message>
        <source>Delete %n record(s)?</source>
        <translation>ต้องการลบ %Ln รายการหรือไม่?</translation>
    </message>
    <message>
        <source>Deleted %n record(s)</source>
        <translation>ลบ %Ln รายการแล้ว</translation>
    </message>
    <message>
        <source>This record was deleted meanwhile; it is no longer in the list.</source>
        <translation>ข้อมูลนี้ถูกลบไปก่อนหน้านี้แล้ว จึงไม่อยู่ในรายการ</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>แก้ไข…</translation>
    </message>
    <message>
        <source>Export list…</source>
        <translation>ส่งออกรายการ…</translation>
    </message>
    <message>
        <source>…and %n more</source>
        <translation>…และอีก %Ln รายการ</translation>
    </message>
    <message>
        <source>You can undo this with Ctrl+Z or the Undo button in the status bar.</source>
        <translation>เลิกทำได้ด้วย Ctrl+Z หรือปุ่ม &quot;เลิกทำ&quot; ที่แถบสถานะด้านล่าง</translation>
    </message>
</context>
<context>
    <name>RecordTable</name>
    <message>
        <source>Columns…</source>
        <translation>เลือกคอลัมน์…</translation>
    </message>
</context>
<context>
    <name>RecurrenceEditor</name>
    <message>
        <source>Repeat</source>
        <translation>ทำซ้ำ</translation>
    </message>
    <message>
        <source>Does not repeat</source>
        <translation>ไม่ทำซ้ำ</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>ทุกวัน</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>ทุกสัปดาห์</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>ทุกเดือน</translation>
    </message>
    <message>
        <source>Yearly</source>
        <translation>ทุกปี</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>ทุก</translation>
    </message>
    <message>
        <source>On</source>
        <comment>weekdays of a weekly rule</comment>
        <translation>ในวัน</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>สิ้นสุด</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>ไม่มีกำหนด</translation>
    </message>
    <message>
        <source>On</source>
        <comment>the date a series ends</comment>
        <translation>ในวันที่</translation>
    </message>
    <message>
        <source>After</source>
        <translation>เมื่อครบ</translation>
    </message>
    <message>
        <source> times</source>
        <translation> ครั้ง</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>จ.</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>อ.</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>พ.</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>พฤ.</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>ศ.</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>ส.</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>อา.</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>วันจันทร์</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>วันอังคาร</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>วันพุธ</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>วันพฤหัสบดี</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>วันศุกร์</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>วันเสาร์</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>วันอาทิตย์</translation>
    </message>
    <message>
        <source>On day %1</source>
        <translation>วันที่ %1 ของเดือน</translation>
    </message>
    <message>
        <source>1st</source>
        <translation>แรก</translation>
    </message>
    <message>
        <source>2nd</source>
        <translation>ที่สอง</translation>
    </message>
    <message>
        <source>3rd</source>
        <translation>ที่สาม</translation>
    </message>
    <message>
        <source>4th</source>
        <translation>ที่สี่</translation>
    </message>
    <message>
        <source>last</source>
        <translation>สุดท้าย</translation>
    </message>
    <message>
        <source>On the %1 %2</source>
        <translation>%2%1ของเดือน</translation>
    </message>
    <message>
        <source>day(s)</source>
        <translation>วัน</translation>
    </message>
    <message>
        <source>week(s)</source>
        <translation>สัปดาห์</translation>
    </message>
    <message>
        <source>month(s)</source>
        <translation>เดือน</translation>
    </message>
    <message>
        <source>year(s)</source>
        <translation>ปี</translation>
    </message>
</context>
<context>
    <name>RemindDialog</name>
    <message>
        <source>Anniversary reminders</source>
        <translation>การเตือนวันสำคัญ</translation>
    </message>
    <message>
        <source>Remind the customer&apos;s owner this many days before each date.</source>
        <translation>เตือนผู้ดูแลลูกค้าล่วงหน้าตามจำนวนวันนี้ก่อนถึงวันสำคัญแต่ละประเภท</translation>
    </message>
    <message>
        <source>Birthdays</source>
        <translation>วันเกิด</translation>
    </message>
    <message>
        <source>Founding days</source>
        <translation>วันก่อตั้งบริษัท</translation>
    </message>
    <message>
        <source>New special dates</source>
        <translation>วันสำคัญที่เพิ่มใหม่</translation>
    </message>
    <message>
        <source>%1 days before</source>
        <translation>ล่วงหน้า %1 วัน</translation>
    </message>
    <message>
        <source>Each special date keeps its own number; this is what a new one starts with.</source>
        <translation>วันสำคัญแต่ละรายการตั้งจำนวนวันของตัวเองได้ ค่านี้ใช้เป็นค่าเริ่มต้นเมื่อเพิ่มรายการใหม่</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>Reminder days saved</source>
        <translation>บันทึกจำนวนวันเตือนแล้ว</translation>
    </message>
</context>
<context>
    <name>ReminderNotifier</name>
    <message>
        <source>Reminder</source>
        <translation>แจ้งเตือน</translation>
    </message>
</context>
<context>
    <name>ReminderWindow</name>
    <message>
        <source>5 minutes</source>
        <translation>อีก 5 นาที</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>อีก 1 ชั่วโมง</translation>
    </message>
    <message>
        <source>Tomorrow at 09:00</source>
        <translation>พรุ่งนี้ 09:00 น.</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>การแจ้งเตือน</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>เวลาเตือน</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>ลูกค้า</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>เรื่อง</translation>
    </message>
    <message>
        <source>On</source>
        <translation>วันเวลา</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>เปิด</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>เตือนอีกครั้ง</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>ปิดการเตือน</translation>
    </message>
    <message>
        <source>Dismiss all</source>
        <translation>ปิดการเตือนทั้งหมด</translation>
    </message>
    <message>
        <source>Reminders due: %1</source>
        <translation>ถึงเวลาเตือน %1 รายการ</translation>
    </message>
    <message>
        <source>No reminders due</source>
        <translation>ไม่มีการเตือนในตอนนี้</translation>
    </message>
    <message>
        <source>%1 (snoozed)</source>
        <translation>%1 (เลื่อนเตือน)</translation>
    </message>
</context>
<context>
    <name>ReportLabels</name>
    <message>
        <source>฿%1M</source>
        <translation>%1 ล้านบาท</translation>
    </message>
    <message>
        <source>฿%1k</source>
        <translation>%1 พันบาท</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>ภาพรวม</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>ยอดขาย</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>ลูกค้า</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>ไปป์ไลน์การขาย</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>ลีด</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>กิจกรรม</translation>
    </message>
    <message>
        <source>Deliveries</source>
        <translation>การจัดส่ง</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>ยอดพยากรณ์</translation>
    </message>
    <message>
        <source>Profitability</source>
        <translation>กำไร</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>ตัวเลขสำคัญ</translation>
    </message>
    <message>
        <source>Sales by rep against target</source>
        <translation>ยอดขายรายพนักงานเทียบเป้า</translation>
    </message>
    <message>
        <source>Top customers</source>
        <translation>ลูกค้ายอดซื้อสูงสุด</translation>
    </message>
    <message>
        <source>Sales by segment</source>
        <translation>ยอดขายตามกลุ่มลูกค้า</translation>
    </message>
    <message>
        <source>Sales by product</source>
        <translation>ยอดขายตามสินค้า</translation>
    </message>
    <message>
        <source>Sales by category</source>
        <translation>ยอดขายตามหมวดสินค้า</translation>
    </message>
    <message>
        <source>Sales by channel</source>
        <translation>ยอดขายตามช่องทาง</translation>
    </message>
    <message>
        <source>Sales by province</source>
        <translation>ยอดขายตามจังหวัด</translation>
    </message>
    <message>
        <source>Gross margin by customer</source>
        <translation>กำไรขั้นต้นตามลูกค้า</translation>
    </message>
    <message>
        <source>Gross margin by product</source>
        <translation>กำไรขั้นต้นตามสินค้า</translation>
    </message>
    <message>
        <source>Gross margin by rep</source>
        <translation>กำไรขั้นต้นตามพนักงานขาย</translation>
    </message>
    <message>
        <source>Customer ranking (RFM)</source>
        <translation>จัดอันดับลูกค้า (RFM)</translation>
    </message>
    <message>
        <source>Pipeline by stage</source>
        <translation>ไปป์ไลน์ตามขั้นตอนการขาย</translation>
    </message>
    <message>
        <source>Weighted pipeline</source>
        <translation>มูลค่าดีลถ่วงน้ำหนัก</translation>
    </message>
    <message>
        <source>Deals won and lost</source>
        <translation>ดีลที่ปิดได้และไม่สำเร็จ</translation>
    </message>
    <message>
        <source>Why deals were lost</source>
        <translation>เหตุผลที่ดีลไม่สำเร็จ</translation>
    </message>
    <message>
        <source>Deals lost to competitors</source>
        <translation>ดีลที่เสียให้คู่แข่ง</translation>
    </message>
    <message>
        <source>New leads by source</source>
        <translation>ลีดใหม่ตามแหล่งที่มา</translation>
    </message>
    <message>
        <source>New leads by campaign</source>
        <translation>ลีดใหม่ตามแคมเปญ</translation>
    </message>
    <message>
        <source>Activities per rep</source>
        <translation>กิจกรรมของพนักงานขายแต่ละคน</translation>
    </message>
    <message>
        <source>Late deliveries</source>
        <translation>การส่งของล่าช้า</translation>
    </message>
    <message>
        <source>Sales forecast</source>
        <translation>พยากรณ์ยอดขาย</translation>
    </message>
    <message>
        <source>Forecast accuracy</source>
        <translation>ความแม่นยำของการพยากรณ์</translation>
    </message>
    <message>
        <source>Deals won</source>
        <translation>ดีลที่ปิดได้</translation>
    </message>
    <message>
        <source>Amount won</source>
        <translation>มูลค่าที่ปิดได้</translation>
    </message>
    <message>
        <source>Amount lost</source>
        <translation>มูลค่าที่ไม่สำเร็จ</translation>
    </message>
    <message>
        <source>Still to deliver</source>
        <translation>ค้างส่ง</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>เดือนนี้</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>เดือนก่อน</translation>
    </message>
    <message>
        <source>Same month last year</source>
        <translation>เดือนเดียวกันปีก่อน</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>ลูกค้า</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>กลุ่มลูกค้า</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>สินค้า</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>รหัสสินค้า</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>หมวดสินค้า</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>ช่องทางการขาย</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>จังหวัด</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>เดือน</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>จำนวนคำสั่งซื้อ</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>สัดส่วน</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>เป้ายอดขาย</translation>
    </message>
    <message>
        <source>Attainment</source>
        <translation>% ทำได้ตามเป้า</translation>
    </message>
    <message>
        <source>Commission</source>
        <translation>ค่าคอมมิชชัน</translation>
    </message>
    <message>
        <source>Average deal</source>
        <translation>มูลค่าดีลเฉลี่ย</translation>
    </message>
    <message>
        <source>Sales rep</source>
        <translation>พนักงานขาย</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>จำนวน</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>ต้นทุน</translation>
    </message>
    <message>
        <source>Gross margin</source>
        <translation>กำไรขั้นต้น</translation>
    </message>
    <message>
        <source>Margin %</source>
        <translation>% กำไรขั้นต้น</translation>
    </message>
    <message>
        <source>Days since last order</source>
        <translation>จำนวนวันตั้งแต่ซื้อครั้งล่าสุด</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>ช่วงเวลา</translation>
    </message>
    <message>
        <source>From</source>
        <translation>ตั้งแต่</translation>
    </message>
    <message>
        <source>To</source>
        <translation>ถึง</translation>
    </message>
    <message>
        <source>Sales (before VAT)</source>
        <translation>ยอดขาย (ก่อน VAT)</translation>
    </message>
    <message>
        <source>Sales change</source>
        <translation>ยอดขายเปลี่ยนแปลง</translation>
    </message>
    <message>
        <source>Orders change</source>
        <translation>คำสั่งซื้อเปลี่ยนแปลง</translation>
    </message>
    <message>
        <source>New customers change</source>
        <translation>ลูกค้าใหม่เปลี่ยนแปลง</translation>
    </message>
    <message>
        <source>Win rate change</source>
        <translation>อัตราปิดการขายเปลี่ยนแปลง</translation>
    </message>
    <message>
        <source>Average deal change</source>
        <translation>มูลค่าดีลเฉลี่ยเปลี่ยนแปลง</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>อันดับ</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>กลุ่ม</translation>
    </message>
    <message>
        <source>Last order</source>
        <translation>สั่งซื้อล่าสุด</translation>
    </message>
    <message>
        <source>Service cases</source>
        <translation>เรื่องบริการลูกค้า</translation>
    </message>
    <message>
        <source>Service cases by priority</source>
        <translation>เรื่องบริการลูกค้าตามระดับความสำคัญ</translation>
    </message>
    <message>
        <source>Sales with a cost</source>
        <translation>ยอดขายที่มีต้นทุน</translation>
    </message>
    <message>
        <source>Sales without a cost</source>
        <translation>ยอดขายที่ไม่มีต้นทุน</translation>
    </message>
    <message>
        <source>Lines without a cost</source>
        <translation>รายการที่ไม่มีต้นทุน</translation>
    </message>
    <message>
        <source>R (recency)</source>
        <translation>R (ความใหม่)</translation>
    </message>
    <message>
        <source>F (frequency)</source>
        <translation>F (ความถี่)</translation>
    </message>
    <message>
        <source>M (money)</source>
        <translation>M (ยอดเงิน)</translation>
    </message>
    <message>
        <source>Score (of 100)</source>
        <translation>คะแนน (เต็ม 100)</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>ขั้นตอน</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>ดีล</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>มูลค่า</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>โอกาสปิดการขาย</translation>
    </message>
    <message>
        <source>Weighted amount</source>
        <translation>มูลค่าถ่วงน้ำหนัก</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>ปิดได้</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>ไม่สำเร็จ</translation>
    </message>
    <message>
        <source>Loss reason</source>
        <translation>เหตุผลที่ไม่สำเร็จ</translation>
    </message>
    <message>
        <source>Share of deals lost</source>
        <translation>สัดส่วนของดีลที่ไม่สำเร็จ</translation>
    </message>
    <message>
        <source>Still open</source>
        <translation>ยังดำเนินการ</translation>
    </message>
    <message>
        <source>Qualified</source>
        <translation>ผ่านการคัดกรอง</translation>
    </message>
    <message>
        <source>Disqualified</source>
        <translation>ตัดออก</translation>
    </message>
    <message>
        <source>Tasks done</source>
        <translation>งานที่เสร็จ</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>ประชุม</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>โทร</translation>
    </message>
    <message>
        <source>E-mails</source>
        <translation>อีเมล</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>เยี่ยมลูกค้า</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <source>Done in all</source>
        <translation>เสร็จทั้งหมด</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>วางแผนไว้</translation>
    </message>
    <message>
        <source>Promised</source>
        <translation>กำหนดส่ง</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>ส่งครบเมื่อ</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>ความสำคัญ</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>เปิดใหม่</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>ปิดแล้ว</translation>
    </message>
    <message>
        <source>Past SLA</source>
        <translation>เกิน SLA</translation>
    </message>
    <message>
        <source>Median hours to resolve</source>
        <translation>ค่ามัธยฐานชั่วโมงที่ใช้แก้ไข</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>หน่วย</translation>
    </message>
    <message>
        <source>Baseline (history)</source>
        <translation>ยอดฐาน (จากประวัติ)</translation>
    </message>
    <message>
        <source>From the pipeline</source>
        <translation>ส่วนเพิ่มจากดีล</translation>
    </message>
    <message>
        <source>Made on</source>
        <translation>วันที่บันทึก</translation>
    </message>
    <message>
        <source>Kept as</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <source>Absolute error</source>
        <translation>ความคลาดเคลื่อนสัมบูรณ์</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>ช่วงนี้</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>ช่วงก่อนหน้า</translation>
    </message>
    <message>
        <source>Same period last year</source>
        <translation>ช่วงเดียวกันปีก่อน</translation>
    </message>
    <message>
        <source>Top customer</source>
        <translation>ลูกค้าชั้นนำ</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>เสี่ยงหาย</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>โทรศัพท์</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>อีเมล</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>หน้าร้าน</translation>
    </message>
    <message>
        <source>Marketplace</source>
        <translation>มาร์เก็ตเพลส</translation>
    </message>
    <message>
        <source>Frozen at month start</source>
        <translation>บันทึกเมื่อต้นเดือน</translation>
    </message>
    <message>
        <source>Back-test (computed later)</source>
        <translation>ทดสอบย้อนหลัง (คำนวณภายหลัง)</translation>
    </message>
    <message>
        <source>Average (bias / MAPE)</source>
        <translation>เฉลี่ย (ความเอนเอียง / MAPE)</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>ด่วนมาก</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>ปกติ</translation>
    </message>
    <message>
        <source>Targets and commission need all of a rep&apos;s sales: clear the segment, channel, product, category and province filters to see them.</source>
        <translation>เป้าและค่าคอมมิชชันคิดจากยอดขายทั้งหมดของพนักงาน: ล้างตัวกรองกลุ่มลูกค้า ช่องทาง สินค้า หมวด และจังหวัดเพื่อดู</translation>
    </message>
    <message>
        <source>The total is every customer&apos;s, not only those listed.</source>
        <translation>ยอดรวมเป็นของลูกค้าทุกราย ไม่ใช่เฉพาะที่แสดง</translation>
    </message>
    <message>
        <source>Lines without a cost price (free-text lines, products without a cost) are left out of the margin and shown apart.</source>
        <translation>รายการที่ไม่มีราคาทุน (รายการพิมพ์เอง สินค้าที่ไม่ได้ใส่ต้นทุน) ไม่นำมาคิดกำไรขั้นต้น และแสดงแยกไว้</translation>
    </message>
    <message>
        <source>As the pipeline stood at the end of the period (rebuilt from the stage history).</source>
        <translation>ไปป์ไลน์ ณ สิ้นงวด (คำนวณย้อนจากประวัติการเปลี่ยนขั้นตอน)</translation>
    </message>
    <message>
        <source>The pipeline as it is today.</source>
        <translation>ไปป์ไลน์ ณ วันนี้</translation>
    </message>
    <message>
        <source>Some of the chosen filters do not apply to this table and were left out.</source>
        <translation>ตัวกรองบางตัวที่เลือกไม่เกี่ยวกับตารางนี้ จึงไม่ได้นำมาใช้</translation>
    </message>
    <message>
        <source>Under 3 months of sales history: no forecast yet.</source>
        <translation>มีประวัติยอดขายไม่ถึง 3 เดือน จึงยังพยากรณ์ไม่ได้</translation>
    </message>
    <message>
        <source>Under 6 months of history: the forecast is the average month.</source>
        <translation>มีประวัติไม่ถึง 6 เดือน ยอดพยากรณ์ใช้ค่าเฉลี่ยต่อเดือน</translation>
    </message>
    <message>
        <source>Under 12 months of history: trend only, no seasonal pattern.</source>
        <translation>มีประวัติไม่ถึง 12 เดือน ใช้เฉพาะแนวโน้ม ไม่คิดฤดูกาล</translation>
    </message>
    <message>
        <source>No range yet: fewer than 3 past months have a kept forecast.</source>
        <translation>ยังไม่มีช่วงคาดการณ์ เพราะมีการพยากรณ์ที่บันทึกไว้ไม่ถึง 3 เดือน</translation>
    </message>
    <message>
        <source>Fewer than 3 months with a kept forecast: no MAPE yet.</source>
        <translation>มีการพยากรณ์ที่บันทึกไว้ไม่ถึง 3 เดือน จึงยังไม่คำนวณ MAPE</translation>
    </message>
    <message>
        <source>The period is not over yet: its figures are so far.</source>
        <translation>ช่วงเวลานี้ยังไม่สิ้นสุด ตัวเลขเป็นยอดถึงปัจจุบัน</translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation>อัตราปิดการขาย</translation>
    </message>
    <message>
        <source>Competitor</source>
        <translation>คู่แข่ง</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>แหล่งที่มา</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>แคมเปญ</translation>
    </message>
    <message>
        <source>New leads</source>
        <translation>ลีดใหม่</translation>
    </message>
    <message>
        <source>Converted</source>
        <translation>เป็นลูกค้าแล้ว</translation>
    </message>
    <message>
        <source>Conversion rate</source>
        <translation>อัตราการเปลี่ยนเป็นลูกค้า</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>เลยกำหนด</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>ใบสั่งขาย</translation>
    </message>
    <message>
        <source>Days late</source>
        <translation>ล่าช้า (วัน)</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>ต่ำสุด</translation>
    </message>
    <message>
        <source>High</source>
        <translation>สูงสุด</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>ยอดจริง</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>ความคลาดเคลื่อน</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>ลูกค้าใหม่</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ไม่ระบุ)</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>รวม</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>อื่น ๆ</translation>
    </message>
</context>
<context>
    <name>ReportsTab</name>
    <message>
        <source>Analyses</source>
        <translation>การวิเคราะห์</translation>
    </message>
    <message>
        <source>Monthly report</source>
        <translation>รายงานประจำเดือน</translation>
    </message>
    <message>
        <source>No analyses are available.</source>
        <translation>ยังไม่มีการวิเคราะห์ให้เลือก</translation>
    </message>
    <message>
        <source>The forecast looks ahead from this month; of the filters, only the rep applies.</source>
        <translation>การพยากรณ์มองไปข้างหน้าตั้งแต่เดือนนี้ และใช้เฉพาะตัวกรองพนักงานขาย</translation>
    </message>
    <message>
        <source>This analysis could not be made: %1</source>
        <translation>คำนวณการวิเคราะห์นี้ไม่สำเร็จ: %1</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <source>Done</source>
        <translation>เสร็จแล้ว</translation>
    </message>
    <message>
        <source>Rows left out:</source>
        <translation>แถวที่ไม่ได้นำเข้า:</translation>
    </message>
    <message>
        <source>Save errors as CSV…</source>
        <translation>บันทึกข้อผิดพลาดเป็น CSV…</translation>
    </message>
    <message>
        <source>Nothing was imported: %1 rows have errors.</source>
        <translation>ไม่ได้นำเข้าข้อมูลใด ๆ: มี %1 แถวที่มีข้อผิดพลาด</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>แถว %1: %2</translation>
    </message>
    <message>
        <source>Save errors as CSV</source>
        <translation>บันทึกข้อผิดพลาดเป็น CSV</translation>
    </message>
</context>
<context>
    <name>RfmWeightsDialog</name>
    <message>
        <source>Customer ranking weights</source>
        <translation>น้ำหนักการจัดอันดับลูกค้า</translation>
    </message>
    <message>
        <source>How much each measure counts in a customer&apos;s score, from 0 (not at all) to %1. Recency: how lately they bought; frequency: how many orders; money: how much they bought.</source>
        <translation>แต่ละตัววัดมีน้ำหนักในคะแนนของลูกค้าเท่าใด ตั้งแต่ 0 (ไม่นับเลย) ถึง %1 ความใหม่: ซื้อครั้งล่าสุดเมื่อไร ความถี่: สั่งซื้อกี่ครั้ง ยอดเงิน: ซื้อไปมากเท่าใด</translation>
    </message>
    <message>
        <source>Recency</source>
        <translation>ความใหม่</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>ความถี่</translation>
    </message>
    <message>
        <source>Money</source>
        <translation>ยอดเงิน</translation>
    </message>
    <message>
        <source>Customer ranking weights saved</source>
        <translation>บันทึกน้ำหนักการจัดอันดับลูกค้าแล้ว</translation>
    </message>
</context>
<context>
    <name>RuleDialog</name>
    <message>
        <source>New scoring rule</source>
        <translation>เพิ่มเกณฑ์ให้คะแนน</translation>
    </message>
    <message>
        <source>Edit scoring rule</source>
        <translation>แก้ไขเกณฑ์ให้คะแนน</translation>
    </message>
    <message>
        <source>e.g. มาจากการแนะนำ</source>
        <translation>เช่น มาจากการแนะนำ</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>ชื่อเกณฑ์</translation>
    </message>
    <message>
        <source>Lead field</source>
        <translation>ข้อมูลลีด</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>เงื่อนไข</translation>
    </message>
    <message>
        <source>For &quot;is one of&quot;, separate the values with commas.</source>
        <translation>สำหรับ &quot;เป็นหนึ่งใน&quot; ให้คั่นค่าด้วยจุลภาค</translation>
    </message>
    <message>
        <source>(choose a campaign)</source>
        <translation>(เลือกแคมเปญ)</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>ค่า</translation>
    </message>
    <message>
        <source>Points added to the score when the rule matches (negative: taken off).</source>
        <translation>คะแนนที่บวกเพิ่มเมื่อตรงเกณฑ์ (ติดลบ = หักคะแนน)</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>คะแนน</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>ใช้งาน</translation>
    </message>
    <message>
        <source>Saving rescores every lead.</source>
        <translation>เมื่อบันทึก ระบบจะคิดคะแนนลีดทั้งหมดใหม่</translation>
    </message>
    <message>
        <source>Scoring rule saved; every lead was rescored</source>
        <translation>บันทึกเกณฑ์ให้คะแนนแล้ว และคิดคะแนนลีดทั้งหมดใหม่แล้ว</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>Importing</source>
        <translation>กำลังนำเข้า</translation>
    </message>
    <message>
        <source>A backup is made first; the import is all or nothing.</source>
        <translation>สำรองข้อมูลก่อนเสมอ การนำเข้าจะสำเร็จทั้งหมดหรือไม่บันทึกอะไรเลย</translation>
    </message>
    <message>
        <source>Cancel the import</source>
        <translation>ยกเลิกการนำเข้า</translation>
    </message>
    <message>
        <source>Importing %1 rows…</source>
        <translation>กำลังนำเข้า %1 แถว…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>กำลังยกเลิก…</translation>
    </message>
    <message>
        <source>Imported %1 (%2 records)</source>
        <translation>นำเข้า %1 แล้ว (%2 รายการ)</translation>
    </message>
    <message>
        <source>Undo import of %1 (%2 records)</source>
        <translation>เลิกนำเข้า %1 (%2 รายการ)</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was written.</source>
        <translation>ยกเลิกการนำเข้าแล้ว ไม่มีข้อมูลใดถูกบันทึก</translation>
    </message>
    <message>
        <source>The import failed; nothing was written.</source>
        <translation>นำเข้าไม่สำเร็จ ไม่มีข้อมูลใดถูกบันทึก</translation>
    </message>
</context>
<context>
    <name>SalesLabels</name>
    <message>
        <source>Draft</source>
        <translation>ร่าง</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>ส่งแล้ว</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>ลูกค้าตอบรับ</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>ปฏิเสธ</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>หมดอายุ</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>ยืนยันแล้ว</translation>
    </message>
    <message>
        <source>Partly delivered</source>
        <translation>ส่งของบางส่วน</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>ส่งของครบ</translation>
    </message>
    <message>
        <source>Invoiced</source>
        <translation>ออกใบแจ้งหนี้แล้ว</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>%1 rev %2</source>
        <translation>%1 ฉบับแก้ไขครั้งที่ %2</translation>
    </message>
    <message>
        <source>%1/%2 lines, %3 %</source>
        <translation>%1/%2 รายการ, %3 %</translation>
    </message>
    <message>
        <source>late</source>
        <translation>ล่าช้า</translation>
    </message>
</context>
<context>
    <name>ScopeQuestion</name>
    <message>
        <source>This one</source>
        <translation>เฉพาะครั้งนี้</translation>
    </message>
    <message>
        <source>This and following</source>
        <translation>ครั้งนี้และครั้งต่อ ๆ ไป</translation>
    </message>
    <message>
        <source>All</source>
        <translation>ทุกครั้ง</translation>
    </message>
    <message>
        <source>Repeating activity</source>
        <translation>กิจกรรมที่ทำซ้ำ</translation>
    </message>
    <message>
        <source>This activity is one of a series. Which ones?</source>
        <translation>กิจกรรมนี้เป็นส่วนหนึ่งของชุดที่ทำซ้ำ ต้องการให้มีผลกับครั้งไหนบ้าง</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
</context>
<context>
    <name>ScoringLabels</name>
    <message>
        <source>Source</source>
        <translation>แหล่งที่มา</translation>
    </message>
    <message>
        <source>Budget (baht)</source>
        <translation>งบประมาณ (บาท)</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>จังหวัด</translation>
    </message>
    <message>
        <source>Buying timeframe</source>
        <translation>ช่วงเวลาที่จะซื้อ</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>ตำแหน่ง</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>บริษัท</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>อีเมล</translation>
    </message>
    <message>
        <source>Any phone</source>
        <translation>โทรศัพท์ (เบอร์ใดก็ได้)</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>มือถือ</translation>
    </message>
    <message>
        <source>Interested in</source>
        <translation>สนใจ</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>แคมเปญ</translation>
    </message>
    <message>
        <source>Tax ID</source>
        <translation>เลขผู้เสียภาษี</translation>
    </message>
    <message>
        <source>equals</source>
        <translation>เท่ากับ</translation>
    </message>
    <message>
        <source>does not equal</source>
        <translation>ไม่เท่ากับ</translation>
    </message>
    <message>
        <source>at least</source>
        <translation>ตั้งแต่</translation>
    </message>
    <message>
        <source>at most</source>
        <translation>ไม่เกิน</translation>
    </message>
    <message>
        <source>contains</source>
        <translation>มีคำว่า</translation>
    </message>
    <message>
        <source>is one of</source>
        <translation>เป็นหนึ่งใน</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>ว่าง</translation>
    </message>
    <message>
        <source>is given</source>
        <translation>มีข้อมูล</translation>
    </message>
    <message>
        <source>Bangkok and vicinity</source>
        <translation>กรุงเทพฯ และปริมณฑล</translation>
    </message>
</context>
<context>
    <name>ScoringRulesDialog</name>
    <message>
        <source>Lead scoring rules</source>
        <translation>เกณฑ์ให้คะแนนลีด</translation>
    </message>
    <message>
        <source>A lead&apos;s score is the sum of the weights of the active rules it matches.</source>
        <translation>คะแนนของลีดคือผลรวมคะแนนของเกณฑ์ที่ใช้งานอยู่และลีดนั้นตรงตามเกณฑ์</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>ชื่อเกณฑ์</translation>
    </message>
    <message>
        <source>Lead field</source>
        <translation>ข้อมูลลีด</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>เงื่อนไข</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>ค่า</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>คะแนน</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>ใช้งาน</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>ลบ</translation>
    </message>
    <message>
        <source>Delete rule</source>
        <translation>ลบเกณฑ์</translation>
    </message>
    <message>
        <source>Delete the rule %1? Every lead is rescored.</source>
        <translation>ต้องการลบเกณฑ์ %1 หรือไม่? ระบบจะคิดคะแนนลีดทั้งหมดใหม่</translation>
    </message>
    <message>
        <source>Deleted scoring rule %1</source>
        <translation>ลบเกณฑ์ให้คะแนน %1 แล้ว</translation>
    </message>
</context>
<context>
    <name>SegmentEditor</name>
    <message>
        <source>Segment</source>
        <translation>กลุ่มเป้าหมาย</translation>
    </message>
    <message>
        <source>New segment</source>
        <translation>กลุ่มเป้าหมายใหม่</translation>
    </message>
    <message>
        <source>e.g. ผู้หญิง กทม.-นนทบุรี 30-45 ซื้อสกินแคร์</source>
        <translation>เช่น ผู้หญิง กทม.-นนทบุรี 30-45 ซื้อสกินแคร์</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <source>Contacts (people)</source>
        <translation>ผู้ติดต่อ (บุคคล)</translation>
    </message>
    <message>
        <source>Companies</source>
        <translation>บริษัท</translation>
    </message>
    <message>
        <source>Segment of</source>
        <translation>กลุ่มของ</translation>
    </message>
    <message>
        <source>any</source>
        <translation>ไม่ระบุ</translation>
    </message>
    <message>
        <source>Age from / to</source>
        <translation>อายุตั้งแต่ / ถึง</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>เพศ</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>ภาค</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>จังหวัด</translation>
    </message>
    <message>
        <source>Income band</source>
        <translation>ช่วงรายได้</translation>
    </message>
    <message>
        <source>any of, comma-separated</source>
        <translation>ข้อใดข้อหนึ่ง คั่นด้วยจุลภาค</translation>
    </message>
    <message>
        <source>Interests</source>
        <translation>ความสนใจ</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>แท็ก</translation>
    </message>
    <message>
        <source>anyone</source>
        <translation>ทุกคน</translation>
    </message>
    <message>
        <source>agreed to marketing</source>
        <translation>ยินยอมรับข่าวสารการตลาด</translation>
    </message>
    <message>
        <source>not agreed</source>
        <translation>ไม่ได้ยินยอม</translation>
    </message>
    <message>
        <source>Marketing consent</source>
        <translation>ความยินยอมด้านการตลาด</translation>
    </message>
    <message>
        <source>Lead source</source>
        <translation>แหล่งที่มาของลีด</translation>
    </message>
    <message>
        <source>in the last</source>
        <translation>ภายใน</translation>
    </message>
    <message>
        <source> months</source>
        <translation> เดือนล่าสุด</translation>
    </message>
    <message>
        <source>Bought</source>
        <translation>เคยซื้อ</translation>
    </message>
    <message>
        <source>product codes (SKU), comma-separated (empty: anything)</source>
        <translation>รหัสสินค้า (SKU) คั่นด้วยจุลภาค (เว้นว่าง: สินค้าใดก็ได้)</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>สินค้า</translation>
    </message>
    <message>
        <source>product categories, comma-separated (empty: anything)</source>
        <translation>หมวดสินค้า คั่นด้วยจุลภาค (เว้นว่าง: สินค้าใดก็ได้)</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>หมวดสินค้า</translation>
    </message>
    <message>
        <source>any amount</source>
        <translation>ยอดเท่าใดก็ได้</translation>
    </message>
    <message>
        <source>Spent at least (฿)</source>
        <translation>ยอดซื้ออย่างน้อย (฿)</translation>
    </message>
    <message>
        <source>RFM class</source>
        <translation>กลุ่มลูกค้า (RFM)</translation>
    </message>
    <message>
        <source>any time</source>
        <translation>เมื่อใดก็ได้</translation>
    </message>
    <message>
        <source>contacted within</source>
        <translation>ติดต่อภายใน</translation>
    </message>
    <message>
        <source>not contacted for</source>
        <translation>ไม่ได้ติดต่อมาแล้ว</translation>
    </message>
    <message>
        <source> days</source>
        <translation> วัน</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>การติดต่อล่าสุด</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>ผู้ดูแล</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <source>Save as a static list…</source>
        <translation>บันทึกเป็นรายชื่อคงที่…</translation>
    </message>
    <message>
        <source>Add to campaign…</source>
        <translation>เพิ่มเข้าแคมเปญ…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>ส่งออก…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>กำลังนับ…</translation>
    </message>
    <message>
        <source>No one matches these conditions.</source>
        <translation>ไม่มีใครตรงกับเงื่อนไขนี้</translation>
    </message>
    <message>
        <source>%1 people match; %2 agreed to marketing</source>
        <translation>ตรงเงื่อนไข %1 คน ยินยอมรับข่าวสาร %2 คน</translation>
    </message>
    <message>
        <source>%1 companies match</source>
        <translation>ตรงเงื่อนไข %1 บริษัท</translation>
    </message>
    <message>
        <source>Segment %1 saved</source>
        <translation>บันทึกกลุ่มเป้าหมาย %1 แล้ว</translation>
    </message>
    <message>
        <source>Save as a static list</source>
        <translation>บันทึกเป็นรายชื่อคงที่</translation>
    </message>
    <message>
        <source>Name of the list (its members stay as they are now):</source>
        <translation>ชื่อรายชื่อ (สมาชิกจะคงไว้ตามปัจจุบัน):</translation>
    </message>
    <message>
        <source>Saving the list…</source>
        <translation>กำลังบันทึกรายชื่อ…</translation>
    </message>
    <message>
        <source>Campaign members are people: use a segment of contacts.</source>
        <translation>สมาชิกแคมเปญต้องเป็นบุคคล: โปรดใช้กลุ่มเป้าหมายของผู้ติดต่อ</translation>
    </message>
    <message>
        <source>There is no planned or active campaign. Add one in the Marketing tab.</source>
        <translation>ยังไม่มีแคมเปญที่วางแผนไว้หรือกำลังดำเนินการ โปรดเพิ่มในแท็บการตลาด</translation>
    </message>
    <message>
        <source>Add to campaign</source>
        <translation>เพิ่มเข้าแคมเปญ</translation>
    </message>
    <message>
        <source>Campaign:</source>
        <translation>แคมเปญ:</translation>
    </message>
    <message>
        <source>Adding the members…</source>
        <translation>กำลังเพิ่มสมาชิก…</translation>
    </message>
    <message>
        <source>Export segment</source>
        <translation>ส่งออกกลุ่มเป้าหมาย</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv);;vCard (*.vcf)</source>
        <translation>สมุดงาน Excel (*.xlsx);;CSV (*.csv);;vCard (*.vcf)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>กำลังส่งออก…</translation>
    </message>
    <message>
        <source>%1 records written to %2.</source>
        <translation>ส่งออก %1 รายการไปที่ %2 แล้ว</translation>
    </message>
    <message>
        <source>%1 people without marketing consent were left out.</source>
        <translation>ไม่รวม %1 คนที่ไม่ได้ยินยอมรับข่าวสารการตลาด</translation>
    </message>
</context>
<context>
    <name>Segments</name>
    <message>
        <source>North</source>
        <translation>ภาคเหนือ</translation>
    </message>
    <message>
        <source>Northeast</source>
        <translation>ภาคตะวันออกเฉียงเหนือ</translation>
    </message>
    <message>
        <source>Central</source>
        <translation>ภาคกลาง</translation>
    </message>
    <message>
        <source>East</source>
        <translation>ภาคตะวันออก</translation>
    </message>
    <message>
        <source>West</source>
        <translation>ภาคตะวันตก</translation>
    </message>
    <message>
        <source>South</source>
        <translation>ภาคใต้</translation>
    </message>
    <message>
        <source>Top customers</source>
        <translation>ลูกค้าชั้นดี</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>ลูกค้าดีที่เริ่มห่างหาย</translation>
    </message>
    <message>
        <source>Other customers</source>
        <translation>ลูกค้าอื่น ๆ</translation>
    </message>
    <message>
        <source>No purchase in 12 months</source>
        <translation>ไม่ได้ซื้อใน 12 เดือน</translation>
    </message>
    <message>
        <source>Women</source>
        <translation>ผู้หญิง</translation>
    </message>
    <message>
        <source>Men</source>
        <translation>ผู้ชาย</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>อื่น ๆ</translation>
    </message>
</context>
<context>
    <name>ServerStart</name>
    <message>
        <source>Office server</source>
        <translation>เซิร์ฟเวอร์ของสำนักงาน</translation>
    </message>
    <message>
        <source>Password for {address}:</source>
        <translation>รหัสผ่านสำหรับ {address}:</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>ลองอีกครั้ง</translation>
    </message>
    <message>
        <source>Connect elsewhere…</source>
        <translation>เชื่อมต่อที่อื่น…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>ออกจากโปรแกรม</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>ตั้งค่า</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>ภาษา</translation>
    </message>
    <message>
        <source>Show years in the Buddhist Era (e.g. 2569 instead of 2026)</source>
        <translation>แสดงปีเป็น พ.ศ. (เช่น 2569 แทน 2026)</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>วันที่</translation>
    </message>
    <message>
        <source>Company name</source>
        <translation>ชื่อกิจการ</translation>
    </message>
    <message>
        <source>I am</source>
        <translation>ผู้ใช้งาน</translation>
    </message>
    <message>
        <source>empty: sync files are not signed</source>
        <translation>เว้นว่าง: ไม่ลงนามไฟล์ซิงก์</translation>
    </message>
    <message>
        <source>The same secret on every copy of this office. Sync files are signed with it, and files not signed with it are refused.</source>
        <translation>รหัสลับเดียวกันที่ตั้งไว้ในทุกเครื่องของสำนักงาน ไฟล์ซิงก์จะถูกลงนามด้วยรหัสนี้ และไฟล์ที่ไม่ได้ลงนามด้วยรหัสนี้จะถูกปฏิเสธ</translation>
    </message>
    <message>
        <source>Office key for sync</source>
        <translation>รหัสสำนักงานสำหรับซิงก์</translation>
    </message>
    <message>
        <source>the same day only</source>
        <translation>เฉพาะวันเดียวกัน</translation>
    </message>
    <message>
        <source> day(s)</source>
        <translation> วัน</translation>
    </message>
    <message>
        <source>Before an activity is saved, warn when someone else already has an open activity with the same customer within this many days.</source>
        <translation>ก่อนบันทึกกิจกรรม ให้เตือนเมื่อเพื่อนร่วมงานมีกิจกรรมที่ยังไม่เสร็จกับลูกค้ารายเดียวกันภายในจำนวนวันนี้</translation>
    </message>
    <message>
        <source>Warn about clashes within</source>
        <translation>เตือนเมื่อนัดลูกค้าซ้อนกันภายใน</translation>
    </message>
    <message>
        <source>General</source>
        <translation>ทั่วไป</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>บริษัท</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>ผู้ใช้งาน</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>สำรองข้อมูล</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>เอกสาร</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>Choose a language.</source>
        <translation>โปรดเลือกภาษา</translation>
    </message>
    <message>
        <source>This user no longer exists; choose another.</source>
        <translation>ไม่พบผู้ใช้นี้แล้ว โปรดเลือกผู้ใช้อื่น</translation>
    </message>
    <message>
        <source>Company name saved</source>
        <translation>บันทึกชื่อกิจการแล้ว</translation>
    </message>
    <message>
        <source>Company details saved</source>
        <translation>บันทึกข้อมูลบริษัทแล้ว</translation>
    </message>
    <message>
        <source>Clash warning saved</source>
        <translation>บันทึกการเตือนนัดซ้อนแล้ว</translation>
    </message>
    <message>
        <source>Document numbers saved</source>
        <translation>บันทึกรูปแบบเลขที่เอกสารแล้ว</translation>
    </message>
</context>
<context>
    <name>StageDialog</name>
    <message>
        <source>New stage</source>
        <translation>เพิ่มขั้นตอน</translation>
    </message>
    <message>
        <source>Edit stage</source>
        <translation>แก้ไขขั้นตอน</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <source>The probability a deal gets when it is moved into this stage.</source>
        <translation>โอกาสปิดการขายที่ดีลจะได้รับเมื่อย้ายเข้าขั้นตอนนี้</translation>
    </message>
    <message>
        <source>Default probability</source>
        <translation>โอกาสปิดการขายเริ่มต้น</translation>
    </message>
    <message>
        <source>Won and lost stages close a deal; a deal in an open stage is in the pipeline.</source>
        <translation>ขั้นตอน &quot;ปิดการขายได้&quot; และ &quot;ไม่สำเร็จ&quot; คือการปิดดีล ส่วนดีลในขั้นตอนที่กำลังดำเนินการยังอยู่ในไปป์ไลน์</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <source>A new default probability applies to deals moved into the stage from now on.</source>
        <translation>โอกาสปิดการขายเริ่มต้นใหม่จะใช้กับดีลที่ย้ายเข้าขั้นตอนนี้นับจากนี้ไป</translation>
    </message>
    <message>
        <source>Stage %1 saved</source>
        <translation>บันทึกขั้นตอน %1 แล้ว</translation>
    </message>
</context>
<context>
    <name>StageLabels</name>
    <message>
        <source>Open</source>
        <translation>กำลังดำเนินการ</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>ปิดการขายได้</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>ไม่สำเร็จ</translation>
    </message>
</context>
<context>
    <name>StagesDialog</name>
    <message>
        <source>Pipeline stages</source>
        <translation>ขั้นตอนการขาย</translation>
    </message>
    <message>
        <source>The board shows open stages as columns in this order; won and lost stages are where deals are closed.</source>
        <translation>บอร์ดแสดงขั้นตอนที่กำลังดำเนินการเป็นคอลัมน์ตามลำดับนี้ ส่วนขั้นตอน &quot;ปิดการขายได้&quot; และ &quot;ไม่สำเร็จ&quot; ใช้ปิดดีล</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>ขั้นตอน</translation>
    </message>
    <message>
        <source>Default probability</source>
        <translation>โอกาสปิดการขายเริ่มต้น</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>ลบ</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>เลื่อนขึ้น</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>เลื่อนลง</translation>
    </message>
    <message>
        <source>Delete stage</source>
        <translation>ลบขั้นตอน</translation>
    </message>
    <message>
        <source>Delete the stage %1?</source>
        <translation>ลบขั้นตอน %1 หรือไม่?</translation>
    </message>
    <message>
        <source>Deleted stage %1</source>
        <translation>ลบขั้นตอน %1 แล้ว</translation>
    </message>
    <message>
        <source>Stage order changed</source>
        <translation>เปลี่ยนลำดับขั้นตอนแล้ว</translation>
    </message>
</context>
<context>
    <name>StartChecks</name>
    <message>
        <source>Daily backup saved</source>
        <translation>สำรองข้อมูลประจำวันแล้ว</translation>
    </message>
    <message>
        <source>Dates from the future</source>
        <translation>วันที่ล้ำอนาคต</translation>
    </message>
    <message>
        <source>Repair now? A backup is made first; the records stay as they are, and their changes get today&apos;s date.</source>
        <translation>ซ่อมตอนนี้เลยไหม โปรแกรมจะสำรองข้อมูลก่อน ข้อมูลในระเบียนยังเหมือนเดิม เพียงแต่รายการเปลี่ยนแปลงจะลงวันที่เป็นวันนี้</translation>
    </message>
    <message>
        <source>Repair now</source>
        <translation>ซ่อมตอนนี้</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>ไว้ทีหลัง</translation>
    </message>
    <message>
        <source>Clock repaired: %1 records got today&apos;s date</source>
        <translation>ซ่อมนาฬิกาแล้ว: %1 ระเบียนลงวันที่เป็นวันนี้</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>ซ่อมนาฬิกา</translation>
    </message>
    <message>
        <source>Repairing the dates…</source>
        <translation>กำลังซ่อมวันที่…</translation>
    </message>
    <message>
        <source>Database check</source>
        <translation>ตรวจสอบฐานข้อมูล</translation>
    </message>
    <message>
        <source>The database failed its check: some of its data may be damaged.</source>
        <translation>ฐานข้อมูลไม่ผ่านการตรวจสอบ ข้อมูลบางส่วนอาจเสียหาย</translation>
    </message>
    <message>
        <source>No backup passes the check either. You can keep working; make a copy of the database file and ask whoever supports this program for help.</source>
        <translation>ไม่มีไฟล์สำรองข้อมูลใดผ่านการตรวจสอบเช่นกัน คุณยังใช้งานต่อได้ แต่ควรคัดลอกไฟล์ฐานข้อมูลเก็บไว้ และติดต่อผู้ดูแลโปรแกรมเพื่อขอความช่วยเหลือ</translation>
    </message>
    <message>
        <source>Restore the newest good backup, made %1? A backup of the current data is made first. If you keep working instead, some records may fail to open or save.</source>
        <translation>ต้องการกู้คืนจากไฟล์สำรองล่าสุดที่ใช้งานได้ (สำรองเมื่อ %1) หรือไม่ โปรแกรมจะสำรองข้อมูลปัจจุบันไว้ก่อน หากเลือกใช้งานต่อ ข้อมูลบางรายการอาจเปิดหรือบันทึกไม่ได้</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>กู้คืนข้อมูลสำรอง</translation>
    </message>
    <message>
        <source>Keep working</source>
        <translation>ใช้งานต่อ</translation>
    </message>
    <message>
        <source>The database cannot be opened: it failed its check. Restore the newest good backup, made %1? The damaged file is kept as a backup first.</source>
        <translation>เปิดฐานข้อมูลไม่ได้เพราะไม่ผ่านการตรวจสอบ ต้องการกู้คืนจากไฟล์สำรองล่าสุดที่ใช้งานได้ (สำรองเมื่อ %1) หรือไม่ ไฟล์ที่เสียหายจะเก็บไว้เป็นไฟล์สำรองก่อน</translation>
    </message>
</context>
<context>
    <name>SyncLabels</name>
    <message>
        <source>Accounts</source>
        <translation>บริษัท</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>ผู้ติดต่อ</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>ลีด</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>ดีล</translation>
    </message>
    <message>
        <source>Pipeline stages</source>
        <translation>ขั้นตอนการขาย</translation>
    </message>
    <message>
        <source>Stage history</source>
        <translation>ประวัติขั้นตอนการขาย</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>กิจกรรม</translation>
    </message>
    <message>
        <source>Anniversaries</source>
        <translation>วันสำคัญ</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>แคมเปญการตลาด</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>ผู้ใช้</translation>
    </message>
    <message>
        <source>Sales targets</source>
        <translation>เป้ายอดขาย</translation>
    </message>
    <message>
        <source>Choice lists</source>
        <translation>รายการตัวเลือก</translation>
    </message>
    <message>
        <source>Scoring rules</source>
        <translation>กฎการให้คะแนน</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>การตั้งค่า</translation>
    </message>
    <message>
        <source>Merges</source>
        <translation>การรวมข้อมูลซ้ำ</translation>
    </message>
    <message>
        <source>People erased (PDPA)</source>
        <translation>บุคคลที่ลบข้อมูลแล้ว (PDPA)</translation>
    </message>
    <message>
        <source>Consent history</source>
        <translation>ประวัติความยินยอม</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>ลบแล้ว</translation>
    </message>
    <message>
        <source>Restored: one copy deleted it while another copy&apos;s records still used it.</source>
        <translation>นำกลับมาแล้ว: เครื่องหนึ่งลบไปขณะที่ข้อมูลในอีกเครื่องยังใช้อยู่</translation>
    </message>
    <message>
        <source>Restored: the pipeline needs an open, a won and a lost stage.</source>
        <translation>นำกลับมาแล้ว: ไปป์ไลน์ต้องมีขั้นตอนแบบกำลังดำเนินการ ปิดการขายได้ และไม่สำเร็จ อย่างละหนึ่งขั้นตอน</translation>
    </message>
    <message>
        <source>Restored: the data needs an active owner.</source>
        <translation>นำกลับมาแล้ว: ต้องมีผู้ใช้ระดับเจ้าของที่ยังใช้งานอยู่อย่างน้อยหนึ่งคน</translation>
    </message>
    <message>
        <source>Changed on two copies at once.</source>
        <translation>มีการแก้ไขจากสองเครื่องในช่วงเดียวกัน</translation>
    </message>
    <message>
        <source>New</source>
        <translation>ใหม่</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>แก้ไข</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>ขัดแย้ง</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>รอข้อมูลหลัก</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(ว่าง)</translation>
    </message>
</context>
<context>
    <name>SyncTab</name>
    <message>
        <source>This copy</source>
        <translation>เครื่องนี้</translation>
    </message>
    <message>
        <source>Office key…</source>
        <translation>รหัสสำนักงาน…</translation>
    </message>
    <message>
        <source>With an office key, files are signed, and files signed with another key (or not signed) are refused</source>
        <translation>เมื่อตั้งรหัสสำนักงาน ไฟล์ที่ส่งออกจะถูกลงนาม และไฟล์ที่ลงนามด้วยรหัสอื่น (หรือไม่ได้ลงนาม) จะถูกปฏิเสธ</translation>
    </message>
    <message>
        <source>Document numbers</source>
        <translation>เลขที่เอกสาร</translation>
    </message>
    <message>
        <source>This copy is the office</source>
        <translation>สำเนานี้คือสำนักงาน</translation>
    </message>
    <message>
        <source>Quotations and orders made on this copy get numbers without a copy code, and this copy gives office numbers to those of other copies</source>
        <translation>ใบเสนอราคาและใบสั่งขายที่ออกจากสำเนานี้จะได้เลขที่ที่ไม่มีรหัสสำเนา และสำเนานี้จะออกเลขที่ของสำนักงานให้เอกสารจากสำเนาอื่น</translation>
    </message>
    <message>
        <source>Renumber documents from other copies</source>
        <translation>ออกเลขที่ใหม่ให้เอกสารจากสำเนาอื่น</translation>
    </message>
    <message>
        <source>Give office numbers to the quotations and orders other copies numbered with their copy code; the first number stays findable</source>
        <translation>ออกเลขที่ของสำนักงานให้ใบเสนอราคาและใบสั่งขายที่สำเนาอื่นออกเลขพร้อมรหัสสำเนา เลขที่เดิมยังค้นหาได้</translation>
    </message>
    <message>
        <source>Export sync file…</source>
        <translation>ส่งออกไฟล์ซิงก์…</translation>
    </message>
    <message>
        <source>Import sync file…</source>
        <translation>นำเข้าไฟล์ซิงก์…</translation>
    </message>
    <message>
        <source>Conflicts to review</source>
        <translation>ข้อมูลขัดแย้งที่ต้องตรวจสอบ</translation>
    </message>
    <message>
        <source>Two copies changed the same field differently. The later change was kept; you may use the other value instead.</source>
        <translation>มีสองเครื่องแก้ไขข้อมูลช่องเดียวกันไม่ตรงกัน ระบบเก็บค่าที่แก้ไขทีหลังไว้ คุณเลือกใช้อีกค่าหนึ่งแทนได้</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>ระเบียน</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>ช่องข้อมูล</translation>
    </message>
    <message>
        <source>Kept value</source>
        <translation>ค่าที่เก็บไว้</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>แก้ไขโดย</translation>
    </message>
    <message>
        <source>Other value</source>
        <translation>อีกค่าหนึ่ง</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>เกิดอะไรขึ้น</translation>
    </message>
    <message>
        <source>Keep this value</source>
        <translation>ใช้ค่านี้ต่อไป</translation>
    </message>
    <message>
        <source>Use the other value</source>
        <translation>ใช้อีกค่าหนึ่ง</translation>
    </message>
    <message>
        <source>Exchange history</source>
        <translation>ประวัติการรับส่งไฟล์</translation>
    </message>
    <message>
        <source>When</source>
        <translation>เมื่อ</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>ทิศทาง</translation>
    </message>
    <message>
        <source>Other copy</source>
        <translation>เครื่องปลายทาง</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ไฟล์</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>การเปลี่ยนแปลง</translation>
    </message>
    <message>
        <source>set</source>
        <translation>ตั้งแล้ว</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>ยังไม่ได้ตั้ง</translation>
    </message>
    <message>
        <source>Copy code: %1 · %2 changes recorded · office key %3 · %4 record(s) waiting for a parent record</source>
        <translation>รหัสเครื่อง: %1 · บันทึกการเปลี่ยนแปลง %2 รายการ · รหัสสำนักงาน %3 · มี %4 ระเบียนที่รอข้อมูลหลัก</translation>
    </message>
    <message>
        <source>This copy is the office: its quotations and orders get numbers without a copy code.</source>
        <translation>สำเนานี้คือสำนักงาน: ใบเสนอราคาและใบสั่งขายที่ออกจากที่นี่จะได้เลขที่ที่ไม่มีรหัสสำเนา</translation>
    </message>
    <message>
        <source>Quotations and orders made on this copy carry its code %1 in their number until the office renumbers them.</source>
        <translation>ใบเสนอราคาและใบสั่งขายที่ออกจากสำเนานี้จะมีรหัส %1 อยู่ในเลขที่ จนกว่าสำนักงานจะออกเลขที่ใหม่ให้</translation>
    </message>
    <message>
        <source>copy %1</source>
        <translation>เครื่อง %1</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>ส่งออก</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>นำเข้า</translation>
    </message>
    <message>
        <source>all copies</source>
        <translation>ทุกเครื่อง</translation>
    </message>
    <message>
        <source>Changes the other copies do not have yet</source>
        <translation>เฉพาะข้อมูลที่เครื่องอื่นยังไม่มี</translation>
    </message>
    <message>
        <source>Everything (to start a new copy)</source>
        <translation>ทั้งหมด (สำหรับตั้งเครื่องใหม่)</translation>
    </message>
    <message>
        <source>Only for copy %1 (%2 changes)</source>
        <translation>เฉพาะเครื่อง %1 (%2 รายการ)</translation>
    </message>
    <message>
        <source>Export sync file</source>
        <translation>ส่งออกไฟล์ซิงก์</translation>
    </message>
    <message>
        <source>Writing the sync file…</source>
        <translation>กำลังเขียนไฟล์ซิงก์…</translation>
    </message>
    <message>
        <source>Exported %1 changes to %2</source>
        <translation>ส่งออก %1 รายการไปที่ %2 แล้ว</translation>
    </message>
    <message>
        <source>%1 changes were written to %2. Send this file to the other copy and import it there.</source>
        <translation>บันทึกการเปลี่ยนแปลง %1 รายการลงในไฟล์ %2 แล้ว ส่งไฟล์นี้ไปยังอีกเครื่องแล้วนำเข้าที่เครื่องนั้น</translation>
    </message>
    <message>
        <source>Import sync file</source>
        <translation>นำเข้าไฟล์ซิงก์</translation>
    </message>
    <message>
        <source>Checking the sync file…</source>
        <translation>กำลังตรวจสอบไฟล์ซิงก์…</translation>
    </message>
    <message>
        <source>Importing the sync file…</source>
        <translation>กำลังนำเข้าไฟล์ซิงก์…</translation>
    </message>
    <message>
        <source>Imported %1 changes from copy %2</source>
        <translation>นำเข้า %1 รายการจากเครื่อง %2 แล้ว</translation>
    </message>
    <message>
        <source>Nothing new from copy %2: all %1 change(s) in the file were already here.</source>
        <translation>ไม่มีข้อมูลใหม่จากเครื่อง %2: การเปลี่ยนแปลงทั้ง %1 รายการในไฟล์มีอยู่ในเครื่องนี้แล้ว</translation>
    </message>
    <message>
        <source>Nothing new from copy %2: the file holds no changes.</source>
        <translation>ไม่มีข้อมูลใหม่จากเครื่อง %2: ไฟล์นี้ไม่มีการเปลี่ยนแปลงใด ๆ</translation>
    </message>
    <message>
        <source>Make this copy the office? Only one copy should be: its documents get numbers without a copy code, and it renumbers the documents of the other copies after their files are imported.</source>
        <translation>ตั้งสำเนานี้เป็นสำนักงานหรือไม่? ควรมีเพียงสำเนาเดียว เอกสารของสำเนานี้จะได้เลขที่ที่ไม่มีรหัสสำเนา และสำเนานี้จะออกเลขที่ใหม่ให้เอกสารของสำเนาอื่นหลังนำเข้าไฟล์ของสำเนานั้น</translation>
    </message>
    <message>
        <source>This copy is now the office</source>
        <translation>สำเนานี้เป็นสำนักงานแล้ว</translation>
    </message>
    <message>
        <source>Renumbered %1 quotation(s) and %2 sales order(s) from other copies.</source>
        <translation>ออกเลขที่ใหม่ให้ใบเสนอราคา %1 ใบ และใบสั่งขาย %2 ใบจากสำเนาอื่นแล้ว</translation>
    </message>
    <message>
        <source>Office key</source>
        <translation>รหัสสำนักงาน</translation>
    </message>
    <message>
        <source>The same secret on every copy of this office. Leave empty to stop signing files.</source>
        <translation>รหัสลับเดียวกันที่ตั้งไว้ในทุกเครื่องของสำนักงาน เว้นว่างไว้หากไม่ต้องการลงนามไฟล์</translation>
    </message>
</context>
<context>
    <name>TargetsDialog</name>
    <message>
        <source>Targets and attainment</source>
        <translation>เป้าหมายและผลงาน</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>เดือน</translation>
    </message>
    <message>
        <source>Type a target in baht and a commission rate in percent, then Save. Won counts the deals moved into a won stage during the month.</source>
        <translation>ใส่เป้าหมายเป็นบาทและอัตราค่าคอมมิชชันเป็นเปอร์เซ็นต์ แล้วกดบันทึก ยอดที่ปิดได้นับจากดีลที่ย้ายเข้าขั้นตอน &quot;ปิดการขายได้&quot; ภายในเดือนนั้น</translation>
    </message>
    <message>
        <source>Sales rep</source>
        <translation>พนักงานขาย</translation>
    </message>
    <message>
        <source>Target (฿)</source>
        <translation>เป้าหมาย (฿)</translation>
    </message>
    <message>
        <source>Commission %</source>
        <translation>ค่าคอมมิชชัน %</translation>
    </message>
    <message>
        <source>Won (฿)</source>
        <translation>ยอดที่ปิดได้ (฿)</translation>
    </message>
    <message>
        <source>Deals won</source>
        <translation>ดีลที่ปิดได้</translation>
    </message>
    <message>
        <source>Attainment</source>
        <translation>ผลงานเทียบเป้า</translation>
    </message>
    <message>
        <source>Commission earned (฿)</source>
        <translation>ค่าคอมมิชชันที่ได้ (฿)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
    <message>
        <source>(no owner)</source>
        <translation>(ไม่มีผู้รับผิดชอบ)</translation>
    </message>
    <message>
        <source>Double-click or start typing to change it.</source>
        <translation>ดับเบิลคลิกหรือเริ่มพิมพ์เพื่อแก้ไข</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>ไม่บันทึกการเปลี่ยนแปลงหรือไม่?</translation>
    </message>
    <message>
        <source>You changed targets of this month. Switch month without saving?</source>
        <translation>คุณแก้ไขเป้าหมายของเดือนนี้แล้ว ต้องการเปลี่ยนเดือนโดยไม่บันทึกหรือไม่?</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>ไม่บันทึก</translation>
    </message>
    <message>
        <source>%1: a commission rate is a percentage from 0 to 100 with at most 2 decimals, for example 3.00.</source>
        <translation>%1: อัตราค่าคอมมิชชันต้องเป็นเปอร์เซ็นต์ตั้งแต่ 0 ถึง 100 ทศนิยมไม่เกิน 2 ตำแหน่ง เช่น 3.00</translation>
    </message>
    <message>
        <source>%1: a target cannot be negative.</source>
        <translation>%1: เป้าหมายติดลบไม่ได้</translation>
    </message>
    <message>
        <source>Removed the target of %1 for %2</source>
        <translation>ลบเป้าหมายของ %1 เดือน %2 แล้ว</translation>
    </message>
    <message>
        <source>Saved the target of %1 for %2</source>
        <translation>บันทึกเป้าหมายของ %1 เดือน %2 แล้ว</translation>
    </message>
    <message>
        <source>You changed targets without saving. Close anyway?</source>
        <translation>คุณแก้ไขเป้าหมายแล้วแต่ยังไม่ได้บันทึก ต้องการปิดหรือไม่?</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>กำลังยกเลิก…</translation>
    </message>
</context>
<context>
    <name>TimeGridView</name>
    <message>
        <source>+%1 more</source>
        <translation>อีก %1 รายการ</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>Timeline</source>
        <translation>ความเคลื่อนไหว</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>ทั้งหมด</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>กิจกรรม</translation>
    </message>
    <message>
        <source>Stage moves</source>
        <translation>การเปลี่ยนขั้นตอน</translation>
    </message>
    <message>
        <source>Edits</source>
        <translation>การแก้ไขข้อมูล</translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation>ยังไม่มีความเคลื่อนไหว</translation>
    </message>
    <message>
        <source>Show more</source>
        <translation>ดูเพิ่มเติม</translation>
    </message>
    <message>
        <source>Customer 360</source>
        <translation>ภาพรวมลูกค้า 360</translation>
    </message>
    <message>
        <source>%1 · with %2</source>
        <translation>%1 · กับ %2</translation>
    </message>
    <message>
        <source>Opened in %1</source>
        <translation>เปิดดีลที่ขั้นตอน %1</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>ขั้นตอน</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>สร้างข้อมูล</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>ลบข้อมูล</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>กู้คืนข้อมูล</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>แก้ไข</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(ว่าง)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ใช่</translation>
    </message>
    <message>
        <source>no</source>
        <translation>ไม่</translation>
    </message>
</context>
<context>
    <name>UpcomingModel</name>
    <message>
        <source>Date</source>
        <translation>วันที่</translation>
    </message>
    <message>
        <source>When</source>
        <translation>อีกกี่วัน</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>ลูกค้า</translation>
    </message>
    <message>
        <source>Occasion</source>
        <translation>โอกาส</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>ผู้ดูแล</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>New person</source>
        <translation>เพิ่มพนักงาน</translation>
    </message>
    <message>
        <source>Edit person</source>
        <translation>แก้ไขข้อมูลพนักงาน</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>ตำแหน่ง</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>อัตโนมัติ</translation>
    </message>
    <message>
        <source>Colour in the calendar</source>
        <translation>สีในปฏิทิน</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>อีเมล</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>โทรศัพท์</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>Owner</source>
        <translation>เจ้าของกิจการ</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>ผู้จัดการ</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>ฝ่ายขาย</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>พนักงาน</translation>
    </message>
    <message>
        <source>Everyone who works with the CRM. Someone who leaves is deactivated: their records and history keep their name, and they no longer appear in lists to choose from.</source>
        <translation>ทุกคนที่ใช้งาน CRM นี้ เมื่อมีคนลาออกให้ปิดการใช้งาน: ข้อมูลและประวัติยังคงชื่อเขาไว้ แต่จะไม่แสดงในรายการให้เลือกอีก</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>ตำแหน่ง</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>อีเมล</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>โทรศัพท์</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <source>Add person…</source>
        <translation>เพิ่มพนักงาน…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>แก้ไข…</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>ปิดการใช้งาน</translation>
    </message>
    <message>
        <source>Set password…</source>
        <translation>ตั้งรหัสผ่าน…</translation>
    </message>
    <message>
        <source>Require a login on this copy</source>
        <translation>ต้องเข้าสู่ระบบก่อนใช้งานฐานข้อมูลชุดนี้</translation>
    </message>
    <message>
        <source>Everyone then logs in with their password when the program starts. Give yourself a password first.</source>
        <translation>ทุกคนต้องใส่รหัสผ่านของตนเมื่อเปิดโปรแกรม โปรดตั้งรหัสผ่านของคุณเองก่อน</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>ใช้งานอยู่</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>ปิดการใช้งานแล้ว</translation>
    </message>
    <message>
        <source>Change my password…</source>
        <translation>เปลี่ยนรหัสผ่านของฉัน…</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>เปิดใช้งานอีกครั้ง</translation>
    </message>
    <message>
        <source>%1 reactivated</source>
        <translation>เปิดใช้งาน %1 อีกครั้งแล้ว</translation>
    </message>
    <message>
        <source>%1 deactivated</source>
        <translation>ปิดการใช้งาน %1 แล้ว</translation>
    </message>
</context>
</TS>
