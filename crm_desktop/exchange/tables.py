"""Read a CSV/TSV or xlsx file into a header and a stream of rows, ready for column mapping.

Files come from other programs (Thai Excel, Google, Outlook, Thunderbird), so everything is
detected rather than asked: the encoding, the delimiter, the sheet and the header row, which may
sit under a title. Nothing here knows what a phone or a tax id is: text stays text, a whole number
stays its integer digits, and the mapping layer decides what a column means.

Large files stream: detection reads a sample, rows are yielded one by one. Sizes are capped as they
are read (columns per row, characters per cell). Every problem is a `TableError` with Thai text,
raised before the row it concerns is yielded; an import collects all rows before it writes, so an
error anywhere leaves nothing half-imported.

xlsx is read with python-calamine (Rust), not openpyxl: on 100,000 rows x 11 columns calamine read
the sheet in 1.2 s (peak 168 MB, 112 over the interpreter: it holds the whole sheet), openpyxl
read_only in 17 s (peak 71 MB, it streams) -- over the whole 15 s import budget by itself
(bench/bench_import_read.py). The memory is bounded by refusing sheets over MAX_XLSX_CELLS. Calamine turns formula
error cells into empty strings silently, so the sheet's XML is scanned for error cells first
(`_first_error_cell`) and the file is refused naming the cell: an empty value where the sheet
shows #DIV/0! would import a wrong record without a word.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path, PurePosixPath
from typing import Any, Literal
from xml.etree import ElementTree

from crm_desktop.errors import DomainError
from crm_desktop.messages import translate

Cell = str | int | Decimal | bool | date | datetime | None

MAX_COLUMNS = 1_000  # a contact list has dozens; more is a broken or hostile file
MAX_CELL_CHARS = 32_767  # Excel's own limit for one cell
MAX_XLSX_CELLS = 2_000_000  # 200,000 rows x 10: ~200 MB in calamine, the import's memory budget is 300 MB
SAMPLE_BYTES = 64 * 1024  # enough for hundreds of rows to detect the encoding and the delimiter
SAMPLE_ROWS = 200
DELIMITERS = (",", ";", "\t", "|")
_BOMS = (  # longest first: the UTF-32 LE BOM begins with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97-2003 .xls (and other Office files)
_XLSX_SUFFIXES = {".xlsx", ".xlsm"}
# Code pages a detector may name, replaced by the superset Windows really writes (Thai Excel: cp874
# has the euro sign and curly quotes that TIS-620 lacks).
_SUPERSETS = {"tis_620": "cp874", "iso8859_11": "cp874", "shift_jis": "cp932", "euc_kr": "cp949", "gb2312": "gb18030"}
# Thai vowels and tone marks written above or below a letter
_THAI_MARKS = frozenset(map(chr, [0x0E31, *range(0x0E34, 0x0E3B), *range(0x0E47, 0x0E4F)]))
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


class TableError(DomainError):
    """The file cannot be read as a table; nothing was imported."""


class EmptyFile(TableError):
    def __init__(self) -> None:
        super().__init__("The file is empty: there is nothing to import.")


class NotText(TableError):
    def __init__(self) -> None:
        super().__init__("This file is not a text table (CSV): it looks like a program or a picture renamed .csv.")


class NotXlsx(TableError):
    def __init__(self) -> None:
        super().__init__("This file is not an Excel workbook (.xlsx) although its name says so.")


class OldExcel(TableError):
    def __init__(self) -> None:
        super().__init__("This is an old Excel file (.xls): open it in Excel and save it as .xlsx, then import that.")


class UndecodableRow(TableError):
    def __init__(self, row: int, encoding: str) -> None:
        super().__init__("Row {row} cannot be read as {encoding}, the encoding of the rows above it.",
                         row=row, encoding=encoding)


class TooManyColumns(TableError):
    def __init__(self, row: int, count: int) -> None:
        super().__init__("Row {row} has {count} columns; at most {limit} can be imported.",
                         row=row, count=count, limit=MAX_COLUMNS)


class CellTooLarge(TableError):
    def __init__(self, row: int) -> None:
        super().__init__("Row {row} has a cell longer than {limit} characters.", row=row, limit=MAX_CELL_CHARS)


class SheetNotFound(TableError):
    def __init__(self, sheet: str, sheets: tuple[str, ...]) -> None:
        super().__init__("There is no sheet {sheet} in this workbook; it has: {sheets}.",
                         sheet=sheet, sheets=", ".join(sheets))


class SheetTooLarge(TableError):
    def __init__(self, sheet: str, rows: int) -> None:
        super().__init__("Sheet {sheet} is too large to import at once ({rows} rows): split it, or save it as CSV, "
                         "which is read row by row.", sheet=sheet, rows=f"{rows:,}")


class FormulaErrorCell(TableError):
    def __init__(self, sheet: str, cell: str, error: str) -> None:
        super().__init__("Cell {cell} of sheet {sheet} shows the formula error {error}: correct it in Excel and "
                         "import again.", cell=cell, sheet=sheet, error=error)


@dataclass(frozen=True)
class Notice:
    """A warning about the file or a row, translated when shown (never printed here)."""

    template: str
    params: dict[str, object] = field(default_factory=dict)

    def text(self, lang: str = "en") -> str:
        return translate(template=self.template, lang=lang).format(**self.params)


@dataclass(frozen=True)
class TableFormat:
    """What `sniff` found; the wizard shows it and may pass a corrected copy back to `read_table`."""

    kind: Literal["csv", "xlsx"]
    header_row: int  # 1-based, as Excel numbers the rows (a quoted newline stays in one row)
    encoding: str | None = None  # csv: a Python codec name
    delimiter: str | None = None  # csv
    sheets: tuple[str, ...] = ()  # xlsx: every sheet, in workbook order
    sheet: str | None = None  # xlsx: the sheet read


@dataclass(frozen=True)
class SourceRow:
    """One data row: its row number as Excel shows it, and one cell per header column."""

    number: int
    cells: tuple[Cell, ...]
    warnings: tuple[Notice, ...] = ()


@dataclass
class Table:
    """A header and the rows under it; `rows` is a one-pass stream (close it to release the file)."""

    format: TableFormat
    header: list[str]
    rows: Iterator[SourceRow]

    def close(self) -> None:
        close = getattr(self.rows, "close", None)
        if close is not None:
            close()


def sniff(path: Path, *, sheet: str | None = None) -> TableFormat:
    """The format of `path`, detected from its content (a .csv that is really a workbook is read as one)."""
    return _sniff(path, sheet)[0]


def read_table(path: Path, *, sheet: str | None = None, fmt: TableFormat | None = None) -> Table:
    """The header and the row stream of `path` (a CSV/TSV or one sheet of an xlsx)."""
    loaded = None
    if fmt is None:
        fmt, loaded = _sniff(path, sheet)
    records = _xlsx_records(path, fmt, loaded) if fmt.kind == "xlsx" else _csv_records(path, fmt)
    header: list[str] = []
    for number, cells in records:
        if number == fmt.header_row:
            header = ["" if cell is None else str(cell).strip() for cell in cells]
            break
    while header and not header[-1]:
        header.pop()
    return Table(format=fmt, header=header, rows=_fitted(records, len(header)))


def _sniff(path: Path, sheet: str | None) -> tuple[TableFormat, Any]:
    """The format, and for an xlsx the sheet calamine loaded for it (reading it again costs a second)."""
    with path.open("rb") as f:
        head = f.read(SAMPLE_BYTES + 1)
    if head.startswith(_ZIP_MAGIC):
        return _sniff_xlsx(path, sheet)
    if path.suffix.lower() in _XLSX_SUFFIXES:
        raise EmptyFile() if not head else NotXlsx()
    if head.startswith(_OLE_MAGIC):
        raise OldExcel()
    complete = len(head) <= SAMPLE_BYTES
    encoding, text = _detect_encoding(head[:SAMPLE_BYTES], complete)
    if not text.strip("".join(DELIMITERS) + " \r\n"):
        raise EmptyFile()
    delimiter = _detect_delimiter(text, complete)
    rows = _sample_records(text, complete, delimiter)
    fmt = TableFormat(kind="csv", header_row=_header_index(rows) + 1, encoding=encoding, delimiter=delimiter)
    return fmt, None


def _fitted(records: Iterator[tuple[int, list[Cell]]], width: int) -> Iterator[SourceRow]:
    """Rows cut or padded to the header's width; blank rows skipped; cells beyond the header warned of."""
    try:
        for number, cells in records:
            count = len(cells)
            if cells.count(None) == count:
                continue
            warnings: tuple[Notice, ...] = ()
            if count > width and (extra := count - width - cells[width:].count(None)):
                warnings = (Notice("Row {row} has {count} filled cells beyond the last named column; they are "
                                   "ignored.", {"row": number, "count": extra}),)
            padded = tuple(cells) if count == width else tuple(cells[:width]) + (None,) * (width - count)
            yield SourceRow(number=number, cells=padded, warnings=warnings)
    finally:
        close = getattr(records, "close", None)
        if close is not None:
            close()


# --- CSV ---------------------------------------------------------------------------------------------


def _detect_encoding(sample: bytes, complete: bool) -> tuple[str, str]:
    """The codec and the decoded sample: a BOM first, then UTF-16 without one, UTF-8, Thai cp874, the detector."""
    for bom, codec in _BOMS:
        if sample.startswith(bom):
            return codec, _decode_sample(sample, codec, complete)
    if not sample.strip():
        raise EmptyFile()
    if b"\x00" in sample:
        codec = _utf16_without_bom(sample)
        if codec is None:
            raise NotText()
        return codec, _decode_sample(sample, codec, complete)
    for codec in ("utf-8", "cp874"):
        try:
            text = _decode_sample(sample, codec, complete)
        except UnicodeDecodeError:
            continue
        if codec == "utf-8" or _reads_as_thai(text):
            return codec, text
    from charset_normalizer import from_bytes

    for match in from_bytes(sample):
        codec = _SUPERSETS.get(match.encoding, match.encoding)
        if codec == "cp949" and not _decodes(sample, "euc_kr", complete):
            continue  # only the rare UHC syllables fit: this is Shift_JIS (or another CJK code page), not Korean
        try:
            return codec, _decode_sample(sample, codec, complete)
        except (UnicodeDecodeError, LookupError):
            continue
    raise NotText()


def _reads_as_thai(text: str) -> bool:
    """Whether cp874 gave Thai words: Thai letters, and the vowel and tone marks on them.

    Tried before the detector, which needs more text than a short Thai sheet has (one name and a
    province come out as cp1252). A Latin-1 "café" read as cp874 puts a tone mark on an "f": refused."""
    marks = [i for i, c in enumerate(text) if c in _THAI_MARKS]
    if not any("\u0e01" <= c <= "\u0e5b" for c in text):
        return False
    on_letters = sum(i > 0 and "\u0e01" <= text[i - 1] <= "\u0e4e" for i in marks)
    return on_letters * 10 >= len(marks) * 9


def _utf16_without_bom(sample: bytes) -> str | None:
    """utf-16-le/-be when the NUL bytes sit on one side of the byte pairs (ASCII in UTF-16), else None."""
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    pairs = len(sample) // 2
    if odd > pairs // 10 and even == 0:
        return "utf-16-le"
    if even > pairs // 10 and odd == 0:
        return "utf-16-be"
    return None


def _decodes(sample: bytes, codec: str, complete: bool) -> bool:
    try:
        _decode_sample(sample, codec, complete)
    except UnicodeDecodeError:
        return False
    return True


def _decode_sample(sample: bytes, codec: str, complete: bool) -> str:
    """`sample` decoded strictly, a character cut at its end forgiven; refused if it holds control bytes."""
    decoder = codecs.getincrementaldecoder(codec)()
    text = decoder.decode(sample, final=complete)
    if len(_CONTROL.findall(text)) > len(text) // 200 or "\x00" in text:
        raise NotText()
    return text


def _sample_records(text: str, complete: bool, delimiter: str) -> list[list[str]]:
    """The sample's first records, the last one dropped when the sample was cut (it may be cut short)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records: list[list[str]] = []
    try:
        for record in reader:
            records.append(record)
            if len(records) > SAMPLE_ROWS:
                break
    except csv.Error:
        pass  # an unclosed quote cut by the sample's end
    if not complete and len(records) > 1:
        records.pop()
    return records


def _detect_delimiter(text: str, complete: bool) -> str:
    """The delimiter that splits most rows into the same number of cells (more than one).

    csv.Sniffer guesses from character frequencies and fails on Thai text and on title rows; here each
    candidate parses the sample and the one with the most consistent width wins, ties to the wider."""
    best, best_score = ",", (0.0, 0)
    for delimiter in DELIMITERS:
        widths = [len(r) for r in _sample_records(text, complete, delimiter) if any(c.strip() for c in r)]
        if not widths:
            continue
        width, count = Counter(widths).most_common(1)[0]
        score = (count / len(widths) if width > 1 else 0.0, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _csv_records(path: Path, fmt: TableFormat) -> Iterator[tuple[int, list[Cell]]]:
    """(row number, cells) for every record, streamed; "" becomes None."""
    assert fmt.encoding is not None and fmt.delimiter is not None
    number = 0
    with path.open(encoding=fmt.encoding, newline="") as f:
        reader = csv.reader(f, delimiter=fmt.delimiter)
        while True:
            try:
                record = next(reader, None)
            except UnicodeDecodeError:
                raise UndecodableRow(number + 1, fmt.encoding) from None
            except csv.Error as e:
                if "field larger" in str(e):
                    raise CellTooLarge(number + 1) from None
                raise NotText() from None
            if record is None:
                return
            number += 1
            if len(record) > MAX_COLUMNS:
                raise TooManyColumns(number, len(record))
            whole = "".join(record)  # one C-level check for the row; the cells only when it is long
            if "\x00" in whole:
                raise NotText()
            if len(whole) > MAX_CELL_CHARS and max(map(len, record)) > MAX_CELL_CHARS:
                raise CellTooLarge(number)
            yield number, [cell or None for cell in record]


# --- header ------------------------------------------------------------------------------------------


def _header_index(rows: list[list[str]]) -> int:
    """The index of the header among the first rows: the first mostly non-numeric row with as many
    filled cells as the rows usually have (a title row above it, even "Report, printed 5/12/2569",
    has fewer); failing that, the first with at least half as many; failing that, the first row."""
    filled = [[c.strip() for c in row if c.strip()] for row in rows]
    widths = [len(cells) for cells in filled if cells]
    if not widths:
        return 0
    usual = Counter(widths).most_common(1)[0][0]
    for need in (usual, (usual + 1) // 2):
        for index, cells in enumerate(filled):
            if len(cells) >= max(need, min(usual, 2)) and sum(map(_numeric, cells)) * 2 < len(cells):
                return index
    return next(i for i, cells in enumerate(filled) if cells)


def _numeric(text: str) -> bool:
    return bool(re.fullmatch(r"[-+]?[\d.,/: ]+", text))


# --- xlsx --------------------------------------------------------------------------------------------


def _open_workbook(path: Path) -> Any:  # python_calamine.CalamineWorkbook (imported when an xlsx comes)
    import python_calamine

    try:
        return python_calamine.CalamineWorkbook.from_path(str(path))
    except python_calamine.CalamineError:
        raise NotXlsx() from None


def _first_row(data: Any) -> int:  # python_calamine.CalamineSheet
    """The row number of the sheet's first row with data: calamine's rows begin there, not at row 1."""
    return data.start[0] + 1 if data.start else 1


def _load_sheet(path: Path, workbook: Any, sheet: str) -> Any:
    """`sheet` loaded by calamine (all of it: calamine does not stream), refused first if its declared
    size would take the memory an import has (about 100 bytes a cell)."""
    if sheet not in workbook.sheet_names:
        raise SheetNotFound(sheet, tuple(workbook.sheet_names))
    head = b""
    with zipfile.ZipFile(path) as z:
        part = _sheet_part(z, sheet)
        if part is not None:
            with z.open(part) as f:
                head = f.read(4096)
    dimension = _DIMENSION.search(head)
    if dimension is not None and dimension.group(3):
        rows = int(dimension.group(4)) - int(dimension.group(2)) + 1
        cells = rows * (_column_number(dimension.group(3)) - _column_number(dimension.group(1)) + 1)
        if cells > MAX_XLSX_CELLS:
            raise SheetTooLarge(sheet, rows)
    return workbook.get_sheet_by_name(sheet)


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - ord("A") + 1
    return number


def _sniff_xlsx(path: Path, sheet: str | None) -> tuple[TableFormat, Any]:
    workbook = _open_workbook(path)
    sheets = tuple(workbook.sheet_names)
    if sheet is None:
        visible = [m.name for m in workbook.sheets_metadata if str(m.visible).endswith("Visible")]
        sheet = (visible or list(sheets) or [""])[0]
    data = _load_sheet(path, workbook, sheet)
    first = _first_row(data)
    sample: list[list[str]] = []
    for cells in data.iter_rows():
        sample.append(["" if c is None else str(c) for c in cells])
        if len(sample) >= SAMPLE_ROWS:
            break
    if not any(any(c.strip() for c in row) for row in sample):
        raise EmptyFile()
    return TableFormat(kind="xlsx", header_row=first + _header_index(sample), sheets=sheets, sheet=sheet), data


def _xlsx_records(path: Path, fmt: TableFormat, data: Any = None) -> Iterator[tuple[int, list[Cell]]]:
    assert fmt.sheet is not None
    error = _first_error_cell(path, fmt.sheet)
    if error is not None:
        raise FormulaErrorCell(fmt.sheet, *error)
    if data is None:
        data = _load_sheet(path, _open_workbook(path), fmt.sheet)
    first = _first_row(data)
    if data.width > MAX_COLUMNS:
        raise TooManyColumns(first, data.width)
    for offset, cells in enumerate(data.iter_rows()):
        yield first + offset, [(c or None) if type(c) is str else _cell(c) for c in cells]  # text inline, as _cell


def _cell(value: object) -> Cell:
    """A calamine value as the mapping layer wants it: whole numbers as int (a phone typed as a number
    keeps all its digits: 812345678, never 8.12345678e8), other numbers as the Decimal Excel shows
    (15 significant digits, so 0.1+0.2 is 0.3)."""
    if type(value) is str:
        return value or None
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 2**53:
            return int(value)
        return Decimal(format(value, ".15g"))
    if isinstance(value, time | timedelta):
        return str(value)
    assert value is None or isinstance(value, int | date)
    return value


_DIMENSION = re.compile(rb'<dimension ref="([A-Z]+)([0-9]+)(?::([A-Z]+)([0-9]+))?"')
_ERROR_CELL = re.compile(rb'<c\b[^>]*?\bt="e"[^>]*>(?:<f\b[^>]*/>|<f\b[^>]*>[^<]*</f>)?<v>([^<]*)</v>')
_CELL_REF = re.compile(rb'\br="([A-Z]+[0-9]+)"')
_NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_NS_PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def _first_error_cell(path: Path, sheet: str) -> tuple[str, str] | None:
    """(cell, error) of the first formula error cached in `sheet`'s XML, streamed in chunks: a plain
    search for the error type t="e", the cell's markup parsed only where it is found."""
    with zipfile.ZipFile(path) as z:
        part = _sheet_part(z, sheet)
        if part is None:
            return None
        tail = b""
        with z.open(part) as f:
            while chunk := f.read(1 << 20):
                text = tail + chunk
                at = text.find(b't="e"')
                while at >= 0:
                    start = text.rfind(b"<c ", 0, at)
                    found = _ERROR_CELL.match(text, start) if start >= 0 else None
                    if found is not None:
                        ref = _CELL_REF.search(found.group(0))
                        return (ref.group(1).decode() if ref else "?"), found.group(1).decode(errors="replace")
                    at = text.find(b't="e"', at + 1)
                tail = text[-4096:]
    return None


def _sheet_part(z: zipfile.ZipFile, sheet: str) -> str | None:
    """The zip member holding `sheet`, from workbook.xml and its relationships."""
    workbook = ElementTree.fromstring(z.read("xl/workbook.xml"))
    rel_id = next((s.get(f"{_NS_REL}id") for s in workbook.iter(f"{_NS_MAIN}sheet") if s.get("name") == sheet), None)
    rels = ElementTree.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    target = next((r.get("Target") for r in rels.iter(f"{_NS_PKG}Relationship") if r.get("Id") == rel_id), None)
    if target is None:
        return None
    return target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
