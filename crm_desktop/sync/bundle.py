"""The sync file: a zip holding `manifest.json` and `changes.ndjson`, verified before it is used.

The manifest names the format and its version, the copy that wrote it, the schema it was written
with, the version vector it covers, counts, and the SHA-256 of the payload. With an office key the
manifest (and through the checksum, the payload) is signed with HMAC-SHA256.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from crm_desktop.db.hlc import fits
from crm_desktop.errors import DomainError, StorageError

FORMAT = "crm-desktop-sync"
# Format versions: 1, changes of records; 2, lines may also carry erasures (PDPA: a change of the
# entity "erasure" names an erased record, see services/erase.py). A file is written as 1 unless it
# holds an erasure, so copies of older versions keep reading every other file; a copy that cannot
# honour an erase refuses the file that carries it ("update this copy first") instead of keeping the data.
VERSION = 2  # the newest this program reads
ERASURE_VERSION = 2
MANIFEST = "manifest.json"
PAYLOAD = "changes.ndjson"
# What a sync file's parts may hold, checked before they are read (the sizes the zip declares) and
# while they are read (declared sizes can lie): a small zip can unpack to gigabytes.
MANIFEST_MAX = 1 << 20  # a vector of thousands of copies is tens of kilobytes
PAYLOAD_MAX = 2 << 30  # about 3 million changes: over six times the large demo's whole log
# One change: a record with 10,000-character notes is under 100 KB, a merge that moved 100,000
# references about 13 MB. A line is read whole before it is decoded, so this bounds the memory a
# line can take (half an import batch, apply.BATCH_TEXT).
LINE_MAX = 16 << 20
_MB = 1 << 20
MANIFEST_DEPTH = 2  # the manifest is an object of objects (vector, counts, extra) of plain values


class BundleRefused(DomainError):
    """A sync file that cannot be trusted or read; nothing was changed."""


@dataclass(frozen=True)
class Manifest:
    from_site: str
    created_at: str
    schema: str
    vector: dict[str, int]
    changes: int
    counts: dict[str, int]
    payload_sha256: str = ""
    format: str = FORMAT
    version: int = 1
    hmac: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _signed_part(data: dict[str, Any]) -> bytes:
    unsigned = {k: v for k, v in data.items() if k != "hmac"}
    return json.dumps(unsigned, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def signature(data: dict[str, Any], key: str) -> str:
    return hmac.new(key.encode(), _signed_part(data), hashlib.sha256).hexdigest()


def write_bundle(path: Path, lines: Iterable[bytes], finish: Callable[[], Manifest], key: str | None) -> Manifest:
    """Stream `lines` (UTF-8 pieces of whole lines, each line ending in a newline) into the zip, then the
    manifest `finish()` describes them with (checksum and
    signature added here). Memory stays flat however many changes there are. `path` is a temporary
    file of `db.output.output_file`, renamed into place by the caller: a reader never sees half a file."""
    try:
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
            digest = hashlib.sha256()
            with zf.open(PAYLOAD, "w", force_zip64=True) as out, ThreadPoolExecutor(1) as compressor:
                # zlib lets go of the GIL while it compresses a chunk: the next one is read meanwhile
                writing: Future[int] | None = None
                for chunk in _chunks(lines):
                    digest.update(chunk)
                    if writing is not None:
                        writing.result()
                    writing = compressor.submit(out.write, chunk)
                if writing is not None:
                    writing.result()
            data = asdict(finish())
            data["payload_sha256"] = digest.hexdigest()
            data["hmac"] = signature(data, key) if key else None
            zf.writestr(MANIFEST, json.dumps(data, ensure_ascii=False, indent=1))
    except OSError as exc:
        raise StorageError("Could not write the sync file {path}: {reason}", path=str(path), reason=exc) from exc
    return Manifest(**data)


def _chunks(lines: Iterable[bytes], size: int = 1 << 20) -> Iterator[bytes]:
    buffer: list[bytes] = []
    length = 0
    for piece in lines:
        buffer.append(piece)
        length += len(piece)
        if length >= size:
            yield b"".join(buffer)
            buffer, length = [], 0
    if buffer:
        yield b"".join(buffer)


_DAMAGED = "The file {name} is damaged or incomplete (it may have been cut off while copying). Nothing was imported."
_FOREIGN = "The file {name} is not a sync file of this program. Nothing was imported."
_TOO_BIG = ("The file {name} is too big for a sync file: its part {part} holds more than {limit} MB. "
            "Nothing was imported.")
_LIMITS = {MANIFEST: MANIFEST_MAX, PAYLOAD: PAYLOAD_MAX}


@contextmanager
def _opened(path: Path) -> Iterator[zipfile.ZipFile]:
    """The zip, with every way it can fail to be read turned into a clear refusal.

    Its parts must be stored or deflated as we write them (other methods unpack a whole chunk at
    once, however big), unencrypted, and no bigger than their limits say.
    """
    name = path.name
    try:
        with zipfile.ZipFile(path) as zf:
            if set(zf.namelist()) != {MANIFEST, PAYLOAD}:
                raise BundleRefused(_FOREIGN, name=name)
            for info in zf.infolist():
                if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) or info.flag_bits & 1:
                    raise BundleRefused(_FOREIGN, name=name)
                if info.file_size > _LIMITS[info.filename]:
                    raise BundleRefused(_TOO_BIG, name=name, part=info.filename,
                                        limit=_LIMITS[info.filename] // _MB)
            yield zf
    except FileNotFoundError as exc:
        raise BundleRefused("The file {name} does not exist.", name=str(path)) from exc
    except OSError as exc:
        raise StorageError("Could not read {path}: {reason}", path=str(path), reason=exc) from exc
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise BundleRefused(_DAMAGED, name=name) from exc


def _read_manifest(zf: zipfile.ZipFile, name: str) -> dict[str, Any]:
    with zf.open(MANIFEST) as stream:
        raw = stream.read(MANIFEST_MAX + 1)
    if len(raw) > MANIFEST_MAX:
        raise BundleRefused(_TOO_BIG, name=name, part=MANIFEST, limit=MANIFEST_MAX // _MB)
    try:
        data, deep = json.loads(raw), False
    except (ValueError, UnicodeDecodeError) as exc:
        raise BundleRefused(_DAMAGED, name=name) from exc
    except RecursionError:
        data, deep = None, True  # nested deeper than Python parses
    if deep or _deeper(data, MANIFEST_DEPTH):
        raise BundleRefused("The manifest of {name} holds values nested deeper than this program writes. "
                            "Nothing was imported.", name=name)
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BundleRefused(_FOREIGN, name=name)
    return data


def _deeper(value: Any, levels: int) -> bool:
    """Whether `value` nests objects or lists more than `levels` deep (a plain value is 0 deep)."""
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return levels == 0 or any(_deeper(v, levels - 1) for v in value)
    return False


BLOCK = 1 << 20  # bytes of payload read at a time: lines are handled a block's worth at once


def payload_blocks(path: Path, expected_sha256: str) -> Iterator[list[bytes]]:
    """The payload's lines (without the newline), a list per block read; checks the checksum at the
    end, so a file changed since it was verified fails before the caller commits.

    Memory stays flat whatever the file holds: the payload is refused past PAYLOAD_MAX bytes and a
    line past LINE_MAX, counted as they are read (before any line is decoded).
    """
    digest = hashlib.sha256()
    pending: list[bytes] = []  # the start of a line that continues in the next block
    waiting = 0  # its length
    number = 1  # the number of the first line not yielded yet
    total = 0
    with _opened(path) as zf, zf.open(PAYLOAD) as stream, ThreadPoolExecutor(1) as reader:
        # zlib lets go of the GIL while it unpacks: the next block is read while this one is handled
        ahead = reader.submit(stream.read, BLOCK)
        while block := ahead.result():
            ahead = reader.submit(stream.read, BLOCK)
            total += len(block)
            if total > PAYLOAD_MAX:
                raise BundleRefused(_TOO_BIG, name=path.name, part=PAYLOAD, limit=PAYLOAD_MAX // _MB)
            digest.update(block)
            parts = block.split(b"\n")
            if len(parts) == 1:
                pending.append(block)
                waiting += len(block)
                _check_line(waiting, number, path.name)
                continue
            parts[0] = b"".join([*pending, parts[0]])
            _check_line(len(parts[0]), number, path.name)
            pending = [parts.pop()]
            waiting = len(pending[0])
            yield parts
            number += len(parts)
    last = b"".join(pending)
    _check_line(len(last), number, path.name)
    if last:
        yield [last]
    if digest.hexdigest() != expected_sha256:
        raise BundleRefused(_ALTERED, name=path.name)


def _check_line(length: int, number: int, name: str) -> None:
    """Checked for the lines that span blocks: one inside a block is shorter than a block (BLOCK < LINE_MAX)."""
    if length > LINE_MAX:
        raise BundleRefused("Line {line} of {name} is longer than {limit} MB, longer than any change this "
                            "program writes. Nothing was imported.", line=number, name=name, limit=LINE_MAX // _MB)


def payload_lines(path: Path, expected_sha256: str) -> Iterator[bytes]:
    for block in payload_blocks(path, expected_sha256):
        yield from block


_ALTERED = ("The file {name} was altered or damaged after it was exported (checksum mismatch). "
            "Nothing was imported.")


def _manifest(data: dict[str, Any], name: str) -> Manifest:
    try:
        manifest = Manifest(**data)
    except TypeError as exc:
        raise BundleRefused(_DAMAGED, name=name) from exc
    if not (isinstance(manifest.from_site, str) and manifest.from_site and isinstance(manifest.schema, str)
            and isinstance(manifest.vector, dict) and all(isinstance(k, str) for k in manifest.vector)
            and isinstance(manifest.counts, dict) and all(map(fits, manifest.counts.values()))
            and fits(manifest.changes) and isinstance(manifest.extra, dict)):
        raise BundleRefused(_DAMAGED, name=name)
    if not all(map(fits, manifest.vector.values())):
        raise BundleRefused("The manifest of {name} holds a clock value no copy can have (not a whole number "
                            "from 0 to 2^63-1). Nothing was imported.", name=name)
    return manifest


LABEL_MAX = 400  # how a copy names itself: "user · company", at most 120 + 3 + 200 characters
# The manifest's texts and the longest a real copy writes; they are shown, compared and stored.
_TEXT_CAPS = {"from_site": 16, "created_at": 40, "schema": 32, "payload_sha256": 64, "hmac": 64}


def _check_texts(manifest: Manifest, name: str) -> None:
    """Refuse a manifest text no copy writes: of another kind, or longer than its cap (a 5 MB label)."""
    if not isinstance(manifest.extra, dict):
        raise BundleRefused(_DAMAGED, name=name)
    texts = [(key, getattr(manifest, key), cap) for key, cap in _TEXT_CAPS.items()]
    texts += [("vector", site, _TEXT_CAPS["from_site"]) for site in manifest.vector]
    if "label" in manifest.extra:
        texts.append(("label", manifest.extra["label"], LABEL_MAX))
    for key, value, cap in texts:
        if not (isinstance(value, str) and len(value) <= cap) and not (key == "hmac" and value is None):
            raise BundleRefused("The file {name} is refused: the {field} in its manifest is not a text of at most "
                                "{max_len} characters. Nothing was imported.", name=name, field=key, max_len=cap)


def read_manifest(path: Path, *, key: str | None, own_site: str, schema_head: str) -> Manifest:
    """The manifest of a sync file, checked (format, version, signature, sender, schema), or BundleRefused.

    The payload is not read: `read_payload` streams it and checks it against the manifest's checksum.
    """
    name = path.name
    with _opened(path) as zf:
        data = _read_manifest(zf, name)
        version = data.get("version")
        if not isinstance(version, int) or version < 1:
            raise BundleRefused(_DAMAGED, name=name)
        if version > VERSION:
            raise BundleRefused("The file {name} was made by a newer version of the program (sync format "
                                "{version}). Update this copy first.", name=name, version=version)
        manifest = _manifest(data, name)
        _check_texts(manifest, name)
    if key:
        if not manifest.hmac:
            raise BundleRefused("The file {name} is not signed, and this copy only accepts files signed with "
                                "the office key. Nothing was imported.", name=name)
        if not hmac.compare_digest(str(manifest.hmac), signature(data, key)):
            raise BundleRefused("The file {name} is signed with a different office key. Nothing was imported.",
                                name=name)
    if manifest.from_site == own_site:
        raise BundleRefused("The file {name} was exported from this copy itself; import it on another copy.",
                            name=name)
    if manifest.schema > schema_head:
        raise BundleRefused("The file {name} was made by a newer version of the program (database version "
                            "{version}). Update this copy first.", name=name, version=manifest.schema)
    return manifest


def read_payload(path: Path, manifest: Manifest, on_lines: Callable[[int, list[bytes]], None]) -> None:
    """Stream the payload once, checking it against the manifest's checksum (BundleRefused if it
    differs); `on_lines(number, lines)` sees the lines on the way, a block at a time (`number` is
    the first one's)."""
    number = 1
    for lines in payload_blocks(path, manifest.payload_sha256):
        on_lines(number, lines)
        number += len(lines)


def file_digest(path: Path) -> str:
    """SHA-256 of the whole file as it is on disk: the same digest is the same file, byte for byte."""
    try:
        with path.open("rb") as stream:
            return hashlib.file_digest(stream, "sha256").hexdigest()
    except OSError as exc:
        raise StorageError("Could not read {path}: {reason}", path=str(path), reason=exc) from exc
