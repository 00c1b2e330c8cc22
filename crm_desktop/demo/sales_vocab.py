"""Words and shapes of the sample sales: what a Thai office and shop supplier sells, when and how.

Each category names its items (Thai and English, the unit from the product-unit pick list, a typical
price in baht and the usual quantity of a line), the brands and variants that make ~2,000 products
out of them, its share of order lines, its month weights (aircon peaks in the hot season, March to
May; gifts and diaries in December, for New Year), and for consumables the days after which a
regular customer usually buys again.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Item:
    th: str
    en: str
    unit: str  # one of services.picklists.PRODUCT_UNITS
    price: int  # typical price in baht, before VAT
    quantity: tuple[int, int]  # usual units on a line (from, to)


@dataclass(frozen=True)
class Category:
    key: str
    th: str
    en: str
    sku: str  # SKU prefix
    share: int  # of all order lines, in a month of average weight
    months: tuple[int, ...]  # weight of each month, January first (100 = an average month)
    repurchase_days: int  # 0: bought now and then; else a regular buyer's usual interval
    brands: tuple[str, ...]
    variants: tuple[tuple[str, str, float], ...]  # (Thai, English, price factor)
    items: tuple[Item, ...]


FLAT = (100,) * 12
HOT_SEASON = (70, 90, 190, 230, 200, 110, 80, 70, 70, 70, 60, 60)  # aircon and fans: March to May
NEW_YEAR = (80, 60, 60, 60, 60, 60, 60, 70, 80, 100, 170, 340)  # gifts: November and above all December
YEAR_END_BUDGET = (80, 90, 100, 90, 90, 100, 100, 100, 110, 100, 110, 130)  # offices spend what is left

CATEGORIES = (
    Category(
        "aircon", "เครื่องปรับอากาศ", "Air conditioners", "AC", 6, HOT_SEASON, 0,
        ("Daikin", "Mitsubishi Electric", "Carrier", "Panasonic", "Samsung", "LG", "Haier", "Saijo Denki", "Midea",
         "Sharp", "Toshiba", "Gree"),
        (("9,000 BTU", "9,000 BTU", 0.8), ("12,000 BTU", "12,000 BTU", 1.0), ("18,000 BTU", "18,000 BTU", 1.45),
         ("24,000 BTU", "24,000 BTU", 1.9), ("30,000 BTU", "30,000 BTU", 2.5)),
        (Item("แอร์ติดผนัง อินเวอร์เตอร์", "Inverter wall-mounted air conditioner", "เครื่อง", 16_900, (1, 4)),
         Item("แอร์ติดผนัง ธรรมดา", "Fixed-speed wall-mounted air conditioner", "เครื่อง", 12_500, (1, 4)),
         Item("แอร์ตั้งแขวน", "Ceiling/floor air conditioner", "เครื่อง", 24_000, (1, 3)),
         Item("แอร์สี่ทิศทาง ฝังฝ้า", "Cassette air conditioner", "เครื่อง", 32_000, (1, 3)),
         Item("แอร์เคลื่อนที่", "Portable air conditioner", "เครื่อง", 9_900, (1, 2))),
    ),
    Category(
        "aircon_service", "อะไหล่และบริการแอร์", "Aircon parts and service", "AS", 5, HOT_SEASON, 180,
        ("", "Daikin", "Mitsubishi Electric", "Carrier"),
        (("", "", 1.0), ("ขนาดใหญ่", "large units", 1.6)),
        (Item("ล้างแอร์ประจำปี", "Annual aircon cleaning", "ครั้ง", 600, (1, 12)),
         Item("เติมน้ำยาแอร์ R32", "R32 refrigerant top-up", "ครั้ง", 900, (1, 6)),
         Item("ติดตั้งแอร์ พร้อมท่อ 4 เมตร", "Aircon installation with 4 m piping", "ครั้ง", 2_500, (1, 4)),
         Item("คาปาซิเตอร์คอมเพรสเซอร์", "Compressor capacitor", "ชิ้น", 450, (1, 4)),
         Item("ท่อน้ำยาแอร์", "Refrigerant pipe", "เมตร", 180, (4, 20)),
         Item("รีโมทแอร์", "Aircon remote control", "อัน", 390, (1, 5)),
         Item("สัญญาบำรุงรักษาแอร์", "Aircon maintenance contract", "เดือน", 1_500, (1, 12))),
    ),
    Category(
        "appliance", "เครื่องใช้ไฟฟ้า", "Electrical appliances", "EA", 8, (90, 90, 130, 150, 130, 90, 90, 90, 90, 90, 100,
                                                                            110), 0,
        ("Hatari", "Sharp", "Panasonic", "Toshiba", "Electrolux", "Philips", "Tefal", "Mitsubishi Electric"),
        (("รุ่นมาตรฐาน", "standard", 1.0), ("รุ่นพรีเมียม", "premium", 1.5)),
        (Item("พัดลมตั้งพื้น 16 นิ้ว", "16-inch standing fan", "เครื่อง", 1_290, (1, 10)),
         Item("พัดลมติดผนัง 18 นิ้ว", "18-inch wall fan", "เครื่อง", 1_590, (1, 10)),
         Item("พัดลมไอเย็น", "Evaporative air cooler", "เครื่อง", 4_990, (1, 4)),
         Item("ตู้เย็น 2 ประตู", "Two-door refrigerator", "เครื่อง", 11_900, (1, 2)),
         Item("ตู้แช่เครื่องดื่ม 1 ประตู", "Single-door beverage cooler", "เครื่อง", 15_900, (1, 2)),
         Item("ไมโครเวฟ", "Microwave oven", "เครื่อง", 3_290, (1, 3)),
         Item("กาต้มน้ำไฟฟ้า", "Electric kettle", "เครื่อง", 790, (1, 5)),
         Item("เครื่องทำน้ำอุ่น", "Water heater", "เครื่อง", 4_590, (1, 4)),
         Item("เครื่องฟอกอากาศ", "Air purifier", "เครื่อง", 6_990, (1, 4)),
         Item("เครื่องทำน้ำเย็น", "Water dispenser", "เครื่อง", 5_490, (1, 2))),
    ),
    Category(
        "office", "เครื่องเขียนและอุปกรณ์สำนักงาน", "Office supplies", "OS", 22, YEAR_END_BUDGET, 30,
        ("Double A", "Quality", "Pentel", "Horse", "Elephant", "Max", "Faber-Castell", "Deli"),
        (("", "", 1.0), ("แพ็คใหญ่", "bulk pack", 4.6)),
        (Item("กระดาษถ่ายเอกสาร A4 80 แกรม", "A4 copy paper 80 gsm", "แพ็ค", 125, (5, 50)),
         Item("ปากกาลูกลื่น สีน้ำเงิน", "Blue ballpoint pens", "กล่อง", 95, (1, 20)),
         Item("แฟ้มสันกว้าง 3 นิ้ว", "3-inch lever arch file", "อัน", 85, (5, 40)),
         Item("แม็กเย็บกระดาษ เบอร์ 10", "No. 10 stapler", "อัน", 65, (2, 20)),
         Item("ลวดเย็บกระดาษ", "Staples", "กล่อง", 25, (5, 50)),
         Item("ซองน้ำตาล A4", "Brown A4 envelopes", "แพ็ค", 120, (2, 30)),
         Item("เทปใส 1 นิ้ว", "1-inch clear tape", "ม้วน", 20, (10, 100)),
         Item("กระดาษโน้ตกาวในตัว", "Sticky notes", "แพ็ค", 55, (5, 40)),
         Item("หมึกพิมพ์เลเซอร์", "Laser toner cartridge", "ชิ้น", 1_850, (1, 10)),
         Item("หมึกอิงค์เจ็ท", "Inkjet ink bottle", "ชิ้น", 260, (2, 16)),
         Item("ปากกาไวท์บอร์ด", "Whiteboard markers", "กล่อง", 180, (1, 10)),
         Item("สมุดบัญชี", "Account book", "อัน", 45, (5, 50))),
    ),
    Category(
        "it", "อุปกรณ์ไอที", "IT equipment", "IT", 12, YEAR_END_BUDGET, 0,
        ("HP", "Dell", "Lenovo", "Acer", "Asus", "Canon", "Epson", "Brother", "TP-Link", "APC", "Hikvision",
         "Logitech"),
        (("รุ่นมาตรฐาน", "standard", 1.0), ("รุ่นธุรกิจ", "business", 1.35), ("รุ่นประหยัด", "value", 0.8)),
        (Item("โน้ตบุ๊ก 14 นิ้ว", "14-inch notebook", "เครื่อง", 21_900, (1, 10)),
         Item("คอมพิวเตอร์ตั้งโต๊ะ", "Desktop computer", "เครื่อง", 18_500, (1, 10)),
         Item("จอมอนิเตอร์ 24 นิ้ว", "24-inch monitor", "เครื่อง", 4_290, (1, 10)),
         Item("เครื่องพิมพ์เลเซอร์", "Laser printer", "เครื่อง", 6_900, (1, 4)),
         Item("เครื่องพิมพ์มัลติฟังก์ชัน", "Multifunction printer", "เครื่อง", 9_900, (1, 3)),
         Item("เราเตอร์ไวไฟ", "Wi-Fi router", "เครื่อง", 2_190, (1, 5)),
         Item("เครื่องสำรองไฟ UPS 1000VA", "1000VA UPS", "เครื่อง", 3_490, (1, 6)),
         Item("ฮาร์ดดิสก์ภายนอก 2TB", "2 TB external hard disk", "ชิ้น", 2_390, (1, 6)),
         Item("เมาส์และคีย์บอร์ดไร้สาย", "Wireless keyboard and mouse", "ชุด", 890, (1, 20)),
         Item("กล้องวงจรปิด IP", "IP CCTV camera", "ชุด", 2_990, (2, 16)),
         Item("ลิขสิทธิ์ซอฟต์แวร์สำนักงาน", "Office software licence", "ชุด", 4_990, (1, 20))),
    ),
    Category(
        "gift", "ของขวัญและของพรีเมียม", "Gifts and premiums", "GP", 7, NEW_YEAR, 0,
        ("", "Zebra", "Tiger", "Lock&Lock", "Moleskine"),
        (("สกรีนโลโก้", "with logo print", 1.25), ("", "", 1.0)),
        (Item("กระเช้าของขวัญปีใหม่", "New Year gift basket", "ชุด", 1_290, (5, 100)),
         Item("ชุดของขวัญชา กาแฟ", "Tea and coffee gift set", "ชุด", 590, (10, 200)),
         Item("แก้วน้ำเก็บความเย็น", "Insulated tumbler", "ชิ้น", 350, (20, 300)),
         Item("ร่มพับ", "Folding umbrella", "ชิ้น", 220, (20, 300)),
         Item("สมุดไดอารี่", "Diary", "ชิ้น", 250, (20, 500)),
         Item("ปฏิทินตั้งโต๊ะ", "Desk calendar", "ชิ้น", 95, (50, 1000)),
         Item("ถุงผ้าพรีเมียม", "Premium tote bag", "ชิ้น", 120, (50, 500)),
         Item("พาวเวอร์แบงก์", "Power bank", "ชิ้น", 490, (10, 200))),
    ),
    Category(
        "cleaning", "ผลิตภัณฑ์ทำความสะอาด", "Cleaning supplies", "CL", 14, FLAT, 21,
        ("Magiclean", "Sunlight", "Dettol", "Scott", "Kleenex", "Spaclean", ""),
        (("", "", 1.0), ("ขนาดประหยัด", "economy size", 2.8)),
        (Item("น้ำยาถูพื้น", "Floor cleaner", "ลิตร", 85, (4, 40)),
         Item("น้ำยาล้างจาน", "Dishwashing liquid", "ลิตร", 65, (4, 30)),
         Item("สบู่เหลวล้างมือ", "Liquid hand soap", "ลิตร", 120, (2, 20)),
         Item("กระดาษชำระม้วนใหญ่", "Jumbo toilet roll", "แพ็ค", 420, (2, 20)),
         Item("กระดาษเช็ดมือ", "Hand towels", "แพ็ค", 180, (2, 30)),
         Item("ถุงขยะดำ 30x40 นิ้ว", "Black garbage bags 30x40 in", "กิโลกรัม", 75, (5, 50)),
         Item("แอลกอฮอล์เจล", "Alcohol hand gel", "ลิตร", 150, (2, 20)),
         Item("ไม้ม็อบถูพื้น", "Floor mop", "อัน", 190, (1, 10))),
    ),
    Category(
        "furniture", "เฟอร์นิเจอร์สำนักงาน", "Office furniture", "FN", 5, YEAR_END_BUDGET, 0,
        ("Bewell", "Modernform", "Index", "Smart Office", "Lucky"),
        (("สีดำ", "black", 1.0), ("สีเทา", "grey", 1.0), ("ลายไม้", "wood finish", 1.15)),
        (Item("เก้าอี้สำนักงาน", "Office chair", "ชิ้น", 2_490, (1, 20)),
         Item("เก้าอี้ผู้บริหาร", "Executive chair", "ชิ้น", 6_900, (1, 4)),
         Item("โต๊ะทำงาน 120 ซม.", "120 cm office desk", "ชิ้น", 3_990, (1, 20)),
         Item("ตู้เอกสาร 4 ลิ้นชัก", "Four-drawer filing cabinet", "ชิ้น", 4_590, (1, 10)),
         Item("ชั้นวางของเหล็ก 5 ชั้น", "Five-tier steel shelf", "ชิ้น", 1_890, (1, 10)),
         Item("โต๊ะประชุม 8 ที่นั่ง", "Eight-seat meeting table", "ชุด", 14_900, (1, 2)),
         Item("พาร์ทิชันสำนักงาน", "Office partition", "ชุด", 5_900, (1, 12))),
    ),
    Category(
        "electrical", "อุปกรณ์ไฟฟ้า", "Electrical supplies", "EL", 11, FLAT, 60,
        ("Philips", "Panasonic", "Haco", "Chang", "Toshiba", "Schneider", "Bticino"),
        (("", "", 1.0), ("แพ็ค 10", "pack of 10", 9.0)),
        (Item("หลอดไฟ LED 9 วัตต์", "9 W LED bulb", "ชิ้น", 65, (10, 100)),
         Item("หลอดไฟ LED ยาว 18 วัตต์", "18 W LED tube", "ชิ้น", 120, (10, 100)),
         Item("สายไฟ VAF 2x2.5", "VAF 2x2.5 cable", "ม้วน", 1_650, (1, 10)),
         Item("ปลั๊กพ่วง 4 ช่อง", "Four-way power strip", "อัน", 390, (2, 30)),
         Item("สวิตช์ไฟ", "Light switch", "ชิ้น", 45, (10, 100)),
         Item("เบรกเกอร์ลูกย่อย", "Miniature circuit breaker", "ชิ้น", 180, (2, 30)),
         Item("โคมไฟดาวน์ไลท์", "Downlight", "ชิ้น", 290, (4, 60)),
         Item("ไฟฉุกเฉิน", "Emergency light", "เครื่อง", 1_290, (1, 20))),
    ),
    Category(
        "pantry", "น้ำดื่มและของใช้ในครัว", "Drinking water and pantry", "PN", 10, (90, 90, 110, 120, 110, 100, 100,
                                                                                  100, 100, 90, 90, 100), 14,
        ("Singha", "Crystal", "Nescafe", "Mitr Phol", "Lipton", "Coffee-mate"),
        (("", "", 1.0), ("ยกลัง", "by the case", 5.5)),
        (Item("น้ำดื่ม 600 มล. แพ็ค 12", "Drinking water 600 ml, pack of 12", "แพ็ค", 60, (5, 100)),
         Item("น้ำดื่มถัง 18.9 ลิตร", "Drinking water 18.9 l bottle", "ชิ้น", 75, (4, 60)),
         Item("กาแฟสำเร็จรูป 3in1", "3-in-1 instant coffee", "แพ็ค", 150, (2, 40)),
         Item("ชาซอง", "Tea bags", "กล่อง", 95, (2, 20)),
         Item("น้ำตาลทราย", "Sugar", "กิโลกรัม", 28, (5, 50)),
         Item("ครีมเทียม", "Coffee creamer", "แพ็ค", 110, (2, 20)),
         Item("แก้วกระดาษ", "Paper cups", "แพ็ค", 65, (5, 50))),
    ),
)

ORDER_CHANNELS_B2B = (("direct", 40), ("phone", 25), ("line", 20), ("email", 10), ("website", 5))
ORDER_CHANNELS_B2C = (("walk_in", 35), ("line", 25), ("facebook", 20), ("website", 10), ("marketplace", 10))
PAYMENT_TERMS = ("ชำระเงินสด", "เครดิต 30 วัน", "เครดิต 45 วัน", "เครดิต 60 วัน", "โอนก่อนส่งสินค้า")
PAYMENT_TERMS_EN = ("Cash", "30 days credit", "45 days credit", "60 days credit", "Transfer before delivery")
CANCEL_REASONS = ("ลูกค้ายกเลิกการสั่งซื้อ", "สินค้าหมดสต็อก", "ลูกค้าเปลี่ยนรุ่น", "งบประมาณไม่อนุมัติ",
                  "สั่งซ้ำ ยกเลิกใบเดิม")
DELIVERY_NOTES = ("ส่งครบ", "ส่งโดยรถบริษัท", "ส่งทางขนส่งเอกชน", "ลูกค้ารับเองที่ร้าน", "ติดตั้งเรียบร้อย")
QUOTATION_REMARKS = ("ราคานี้รวมค่าขนส่งในเขตกรุงเทพฯ และปริมณฑล", "รับประกันสินค้า 1 ปี",
                     "ราคาอาจเปลี่ยนแปลงตามราคาตลาด", "ติดตั้งฟรีภายใน 7 วันหลังสั่งซื้อ", "")
