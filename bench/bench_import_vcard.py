"""vCard reading benchmark: 10,000 generated cards through exchange/vcard.py, beside raw baselines.

    python bench/bench_import_vcard.py [--cards 10000] [--photos 0.1]

The file mixes what phones and mail programs write: 2.1 with quoted-printable UTF-8 Thai and bare
TEL;CELL params, 3.0 with raw UTF-8 Thai and itemN labels, 4.0 with tel: URIs and --MMDD birthdays;
a share of the cards carries a folded base64 PHOTO (about 30 KB). Baselines in the same run: the file
streamed line by line doing nothing, and the whole file read, decoded and split into lines. Time is
the best of 3; peak memory is traced (tracemalloc) in a separate run, so it does not slow the timing.
The whole import's target is under 3 s and 300 MB for 10,000 cards; reading should be a small part.

Measured 2026-12-07 03:01 UTC, 10,000 cards (35.9 MB, a tenth with a photo), load average 1.7 on 2
shared CPUs, main 97b2c5e -> branch h-vcard (the reader's heads parsed once per distinct head, one loop
over the lines, a photo's folded lines passed over a buffer at a time):
    read_vcards, one card at a time      967 -> 688 ms  (wall, best of 3)
    read_vcards into a list             1120 -> 720 ms  peak traced 20.1 -> 18.8 MB
    CPU of the list, best of 10         1096 -> 678 ms  (without the photos 904 -> 580 ms)
"""

from __future__ import annotations

import argparse
import base64
import random
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import best_of, ms

from crm_desktop.exchange.vcard import read_vcards

FIRST = ["สมชาย", "สมหญิง", "วิชัย", "มาลี", "John", "Anong", "ประเสริฐ", "กัญญา"]
LAST = ["ใจดี", "รักไทย", "ศรีสุข", "Smith", "วงศ์สวัสดิ์", "ทองมา"]
COMPANIES = ["บริษัท สยามการค้า จำกัด", "ห้างหุ้นส่วนจำกัด ทองดี", "Acme Co., Ltd.", ""]


def _qp(text: str) -> str:
    return "".join(f"={b:02X}" for b in text.encode())


def _photo(rng: random.Random) -> str:
    data = base64.b64encode(rng.randbytes(22_500)).decode("ascii")
    return "PHOTO;ENCODING=b;TYPE=JPEG:" + "\r\n ".join(data[i:i + 74] for i in range(0, len(data), 74))


def card(i: int, rng: random.Random, photo_share: float) -> str:
    first, last, company = rng.choice(FIRST), rng.choice(LAST), rng.choice(COMPANIES)
    mobile = f"08{rng.randrange(10**8):08d}"
    version = ("2.1", "3.0", "4.0")[i % 3]
    lines = ["BEGIN:VCARD", f"VERSION:{version}"]
    if version == "2.1":
        lines += [f"N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{_qp(last)};{_qp(first)};;;",
                  f"FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{_qp(f'{first} {last}')}",
                  f"TEL;CELL;PREF:{mobile}", "TEL;WORK;VOICE:02-123-4567", f"EMAIL;INTERNET:c{i}@example.co.th",
                  f"BDAY:19{rng.randrange(50, 99)}0{rng.randrange(1, 9)}1{rng.randrange(0, 9)}"]
    elif version == "3.0":
        lines += [f"N:{last};{first};;คุณ;", f"FN:คุณ{first} {last}", f"ORG:{company};ฝ่ายขาย", "TITLE:ผู้จัดการ",
                  f"item1.TEL;TYPE=CELL:{mobile}", "item1.X-ABLabel:มือถือ", f"EMAIL;TYPE=INTERNET,WORK:c{i}@example.com",
                  "ADR;TYPE=WORK:;;99/1 ถนนสุขุมวิท\\, ซอย 3;คลองเตย;กรุงเทพมหานคร;10110;ไทย",
                  f"NOTE:ลูกค้าประจำ\\nโทรก่อนเข้าพบ {i}", "X-SOCIALPROFILE;TYPE=line:somchai"]
    else:
        lines += [f"N:{last};{first};;;", f"FN:{first} {last}", f"ORG:{company}",
                  f'TEL;VALUE=uri;TYPE="cell,voice";PREF=1:tel:+66-{mobile[1:]}',
                  f"EMAIL;TYPE=work:c{i}@example.org", f"BDAY:--{rng.randrange(1, 13):02d}{rng.randrange(1, 29):02d}"]
    if rng.random() < photo_share:
        lines.append(_photo(rng))
    lines.append("END:VCARD")
    return "\r\n".join(lines) + "\r\n"


def peak_of(fn: Callable[[], object]) -> int:
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=10_000)
    parser.add_argument("--photos", type=float, default=0.1, help="share of cards with a ~30 KB photo")
    args = parser.parse_args()
    rng = random.Random(15)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "contacts.vcf"
        start = time.perf_counter()
        path.write_text("".join(card(i, rng, args.photos) for i in range(args.cards)), encoding="utf-8", newline="")
        made = time.perf_counter() - start
        size = path.stat().st_size

        def stream_lines() -> None:
            with path.open("rb") as stream:
                for _ in stream:
                    pass

        def split_text() -> None:
            path.read_bytes().decode("utf-8").splitlines()

        def read_cards() -> int:
            return sum(1 for _ in read_vcards(path))

        def read_into_list() -> None:
            list(read_vcards(path))

        count = read_cards()
        assert count == args.cards, count
        print(f"{args.cards:,} cards, {size / 1e6:.1f} MB, {args.photos:.0%} with a photo (made in {made:.2f} s)")
        print(f"{'':34}{'time':>11}  {'peak traced':>12}")
        for name, fn in (("baseline: stream lines", stream_lines), ("baseline: read+decode+splitlines", split_text),
                         ("read_vcards, one card at a time", read_cards), ("read_vcards into a list", read_into_list)):
            seconds = best_of(3, fn)
            print(f"{name:34}{ms(seconds)}  {peak_of(fn) / 1e6:9.2f} MB   ({args.cards / seconds:,.0f} cards/s)")


if __name__ == "__main__":
    main()
