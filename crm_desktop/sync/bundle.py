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
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from crm_desktop.errors import DomainError, StorageError

FORMAT = "crm-desktop-sync"
VERSION = 1
MANIFEST = "manifest.json"
PAYLOAD = "changes.ndjson"


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
    version: int = VERSION
    hmac: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _signed_part(data: dict[str, Any]) -> bytes:
    unsigned = {k: v for k, v in data.items() if k != "hmac"}
    return json.dumps(unsigned, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def signature(data: dict[str, Any], key: str) -> str:
    return hmac.new(key.encode(), _signed_part(data), hashlib.sha256).hexdigest()


def write_bundle(path: Path, lines: Iterable[str], finish: Callable[[], Manifest], key: str | None) -> Manifest:
    """Stream `lines` into the zip, then the manifest `finish()` describes them with (checksum and
    signature added here). Memory stays flat however many changes there are. `path` is a temporary
    file of `db.output.output_file`, renamed into place by the caller: a reader never sees half a file."""
    try:
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
            digest = hashlib.sha256()
            with zf.open(PAYLOAD, "w", force_zip64=True) as out:
                for chunk in _chunks(lines):
                    digest.update(chunk)
                    out.write(chunk)
            data = asdict(finish())
            data["payload_sha256"] = digest.hexdigest()
            data["hmac"] = signature(data, key) if key else None
            zf.writestr(MANIFEST, json.dumps(data, ensure_ascii=False, indent=1))
    except OSError as exc:
        raise StorageError("Could not write the sync file {path}: {reason}", path=str(path), reason=exc) from exc
    return Manifest(**data)


def _chunks(lines: Iterable[str], size: int = 1 << 20) -> Iterator[bytes]:
    buffer: list[str] = []
    length = 0
    for line in lines:
        buffer.append(line)
        length += len(line)
        if length >= size:
            yield ("\n".join(buffer) + "\n").encode()
            buffer, length = [], 0
    if buffer:
        yield ("\n".join(buffer) + "\n").encode()


_DAMAGED = "The file {name} is damaged or incomplete (it may have been cut off while copying). Nothing was imported."


@contextmanager
def _opened(path: Path) -> Iterator[zipfile.ZipFile]:
    """The zip, with every way it can fail to be read turned into a clear refusal."""
    name = path.name
    try:
        with zipfile.ZipFile(path) as zf:
            if set(zf.namelist()) != {MANIFEST, PAYLOAD}:
                raise BundleRefused("The file {name} is not a sync file of this program. Nothing was imported.",
                                    name=name)
            yield zf
    except FileNotFoundError as exc:
        raise BundleRefused("The file {name} does not exist.", name=str(path)) from exc
    except OSError as exc:
        raise StorageError("Could not read {path}: {reason}", path=str(path), reason=exc) from exc
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise BundleRefused(_DAMAGED, name=name) from exc


def _read_manifest(zf: zipfile.ZipFile, name: str) -> dict[str, Any]:
    try:
        data = json.loads(zf.read(MANIFEST))
    except (ValueError, UnicodeDecodeError) as exc:
        raise BundleRefused(_DAMAGED, name=name) from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BundleRefused("The file {name} is not a sync file of this program. Nothing was imported.", name=name)
    return data


BLOCK = 1 << 20  # bytes of payload read at a time: lines are handled a block's worth at once


def payload_blocks(path: Path, expected_sha256: str) -> Iterator[list[bytes]]:
    """The payload's lines (without the newline), a list per block read; checks the checksum at the
    end, so a file changed since it was verified fails before the caller commits."""
    digest = hashlib.sha256()
    pending: list[bytes] = []  # the start of a line that continues in the next block
    with _opened(path) as zf, zf.open(PAYLOAD) as stream:
        while block := stream.read(BLOCK):
            digest.update(block)
            parts = block.split(b"\n")
            if len(parts) == 1:
                pending.append(block)
                continue
            parts[0] = b"".join([*pending, parts[0]])
            pending = [parts.pop()]
            yield parts
    last = b"".join(pending)
    if last:
        yield [last]
    if digest.hexdigest() != expected_sha256:
        raise BundleRefused(_ALTERED, name=path.name)


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
    vector_ok = isinstance(manifest.vector, dict) and all(
        isinstance(k, str) and isinstance(v, int) for k, v in manifest.vector.items()
    )
    if not (isinstance(manifest.from_site, str) and manifest.from_site and isinstance(manifest.schema, str)
            and vector_ok and isinstance(manifest.changes, int)):
        raise BundleRefused(_DAMAGED, name=name)
    return manifest


def read_bundle(
    path: Path, *, key: str | None, own_site: str, schema_head: str, on_lines: Callable[[int, list[bytes]], None]
) -> Manifest:
    """The manifest of a sync file that passed every check, or BundleRefused.

    The payload is streamed once for its checksum; `on_lines(number, lines)` sees the lines on the
    way, a block at a time (`number` is the first one's).
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
    number = 1
    for lines in payload_blocks(path, manifest.payload_sha256):
        on_lines(number, lines)
        number += len(lines)
    return manifest
