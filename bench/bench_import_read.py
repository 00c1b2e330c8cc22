"""Import, first step: reading a 100,000-row CSV and xlsx into header + rows (exchange/tables.py).

    python bench/bench_import_read.py [--rows 100000] [--fresh] [--no-openpyxl]

Writes contact-like files once (UTF-8 with BOM and cp874 CSV, an xlsx with Thai headers, text phones
and tax ids, dates and amounts), then reads each to the end in its own process, so that each peak
memory (maxrss) is its own: our reader (detection + typed cells) beside the raw baseline in the
same run -- the csv module on the decoded file, python-calamine and openpyxl (read_only) bare.
"Into rows" is the import's whole read phase (exchange/rows.read_import_file): the table read, its
columns guessed, every cell parsed by its field's rule into neutral rows.
"Base" is the process's peak memory after the imports, before reading. Targets are for the whole import
(read, map, check duplicates, write): CSV >= 30,000 rows/s, xlsx < 15 s, peak < 300 MB.

Measured 2026-12-07 03:00-03:05 UTC, 100,000 rows, load average 1.6-1.9 on 2 shared CPUs, CPU seconds
(wall within 0.1 s), main bf80d87 -> this branch; "into rows" the least of three alternating runs:
    CSV UTF-8 BOM: ours         0.80 -> 0.46    (csv module bare 0.19-0.20)
    CSV UTF-8 BOM: into rows    3.22 -> 1.93    peak 132 MB both
    CSV cp874: ours             0.68 -> 0.48
    xlsx: ours (calamine)       2.25 -> 2.18    (calamine bare 1.3-1.9 on this busy machine: most of it)
    xlsx: into rows             4.70 -> 3.70    peak 204 -> 202 MB
Of the xlsx CLI import (bench_import_memory.py's file, phases timed inside the command, 02:58 UTC):
reading 4.3 -> 3.2 s of 15.0 -> 13.4 s whole; the preview takes 1.4 s, the write 7.0-7.4 s, the
interpreter and the command line's imports the rest. Reading is calamine parsing the sheet (1.2-1.3 s
on a quiet machine), the formula-error scan of the sheet's XML (0.2 s, mostly zlib), cells to
SourceRows (0.35 s) and the field rules (1.0 s: phones and e-mails are distinct in every row).
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this tree's code, not an installed copy's

from common import DEFAULT_DIR

FIRST = ("สมชาย", "สมหญิง", "วิชัย", "มาลี", "ประเสริฐ", "Somchai", "Anan", "กิตติ", "นภา", "John")
LAST = ("ใจดี", "รักไทย", "ศรีสุข", "วงศ์ใหญ่", "แสงทอง", "Smith", "ทองคำ", "บุญมา")
PROVINCES = ("กรุงเทพมหานคร", "เชียงใหม่", "ขอนแก่น", "ชลบุรี", "ภูเก็ต", "นนทบุรี")
HEADER = ["คำนำหน้า", "ชื่อ", "นามสกุล", "เบอร์โทร", "อีเมล", "บริษัท", "เลขประจำตัวผู้เสียภาษี", "ที่อยู่",
          "จังหวัด", "วันเกิด", "ยอดซื้อ"]


def contact(i: int) -> list[object]:
    """One row; every 50th address has a comma and a newline (quoted in CSV)."""
    address = f"{i % 999} ถนนสุขุมวิท" + (",\nแขวงคลองเตย" if i % 50 == 0 else " แขวงคลองเตย")
    return [("นาย", "นาง", "นางสาว", "คุณ")[i % 4], FIRST[i % len(FIRST)], LAST[i % len(LAST)], f"08{i:08d}",
            f"user{i}@example.co.th", f"บริษัท ตัวอย่าง {i % 700} จำกัด", f"0105{i:09d}", address,
            PROVINCES[i % len(PROVINCES)], date(1960, 1, 1) + timedelta(days=i % 15_000), round(i * 1.37, 2)]


def write_files(folder: Path, rows: int, fresh: bool) -> dict[str, Path]:
    import openpyxl

    folder.mkdir(parents=True, exist_ok=True)
    files = {"csv": folder / f"contacts-{rows}.csv", "cp874": folder / f"contacts-{rows}-cp874.csv",
             "xlsx": folder / f"contacts-{rows}.xlsx"}
    if fresh or not all(p.exists() for p in files.values()):
        for key, encoding in (("csv", "utf-8-sig"), ("cp874", "cp874")):
            with files[key].open("w", encoding=encoding, newline="") as f:
                writer = csv.writer(f)
                writer.writerow(HEADER)
                for i in range(rows):
                    cells = contact(i)
                    cells[9] = f"{cells[9]:%d/%m}/{cells[9].year + 543}"  # type: ignore[union-attr]
                    writer.writerow(cells)
        workbook = openpyxl.Workbook(write_only=True)
        sheet = workbook.create_sheet("ลูกค้า")
        sheet.append(HEADER)
        for i in range(rows):
            sheet.append(contact(i))
        workbook.save(files["xlsx"])
    return files


def peak_mb() -> float:
    """This process's peak resident memory: VmHWM on Linux (ru_maxrss keeps the forking parent's)."""
    status = Path("/proc/self/status")
    if status.exists():
        line = next(x for x in status.read_text().splitlines() if x.startswith("VmHWM:"))
        return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def read_once(case: str, path: Path) -> dict[str, float]:
    """Read `path` to the end as `case` does, in this process; rows, seconds and memory."""
    if case.startswith("ours"):
        from crm_desktop.exchange.tables import read_table
    elif case == "rows":
        from crm_desktop.exchange.rows import read_import_file
    elif case == "calamine":
        import python_calamine
    elif case == "openpyxl":
        import openpyxl
    base = peak_mb()
    start, cpu = time.perf_counter(), time.process_time()
    count = 0
    if case.startswith("ours"):
        table = read_table(path)
        for _ in table.rows:
            count += 1
    elif case == "rows":
        count = len(read_import_file(path, "contacts").rows)
    elif case == "csv-module":
        with path.open(encoding="utf-8-sig", newline="") as f:
            for _ in csv.reader(f):
                count += 1
    elif case == "calamine":
        for _ in python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).iter_rows():
            count += 1
    elif case == "openpyxl":
        for _ in openpyxl.load_workbook(path, read_only=True, data_only=True).worksheets[0].iter_rows(
                values_only=True):
            count += 1
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    peak = peak_mb()
    return {"rows": count, "seconds": seconds, "cpu": cpu, "base_mb": base, "peak_mb": peak}


def measure(case: str, path: Path) -> dict[str, float]:
    out = subprocess.run([sys.executable, __file__, "--one", case, str(path)], check=True, stdout=subprocess.PIPE,
                         text=True).stdout
    return json.loads(out)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--fresh", action="store_true")
    parser.add_argument("--no-openpyxl", action="store_true", help="skip the slow openpyxl baseline")
    parser.add_argument("--one", nargs=2, metavar=("CASE", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(read_once(args.one[0], Path(args.one[1]))))
        return
    start = time.perf_counter()
    files = write_files(DEFAULT_DIR / "import", args.rows, args.fresh)
    print(f"files ready in {time.perf_counter() - start:.1f} s: "
          + ", ".join(f"{p.name} {p.stat().st_size / 1e6:.1f} MB" for p in files.values()))
    cases = [("CSV UTF-8 BOM: ours", "ours", files["csv"]), ("CSV UTF-8 BOM: into rows", "rows", files["csv"]),
             ("CSV UTF-8 BOM: csv module", "csv-module", files["csv"]), ("CSV cp874: ours", "ours", files["cp874"]),
             ("xlsx: ours (calamine)", "ours", files["xlsx"]), ("xlsx: into rows", "rows", files["xlsx"]),
             ("xlsx: calamine bare", "calamine", files["xlsx"])]
    if not args.no_openpyxl:
        cases.append(("xlsx: openpyxl read_only bare", "openpyxl", files["xlsx"]))
    print(f"{'':<32} {'rows':>8} {'seconds':>8} {'cpu s':>6} {'rows/s':>9} {'base MB':>8} {'peak MB':>8}")
    for label, case, path in cases:
        m = measure(case, path)
        print(f"{label:<32} {m['rows']:>8.0f} {m['seconds']:>8.2f} {m['cpu']:>6.2f} {m['rows'] / m['seconds']:>9,.0f} "
              f"{m['base_mb']:>8.0f} {m['peak_mb']:>8.0f}")
    print("targets (whole import): CSV >= 30,000 rows/s; xlsx < 15 s; peak < 300 MB")


if __name__ == "__main__":
    main()
