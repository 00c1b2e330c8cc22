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


def write_bundle(path: Path, manifest: Manifest, payload: bytes, key: str | None) -> Manifest:
    """Write the zip next to `path` and rename it into place, so a reader never sees half a file."""
    data = asdict(manifest)
    data["payload_sha256"] = hashlib.sha256(payload).hexdigest()
    data["hmac"] = signature(data, key) if key else None
    tmp = path.with_name(path.name + ".part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
            zf.writestr(MANIFEST, json.dumps(data, ensure_ascii=False, indent=1))
            zf.writestr(PAYLOAD, payload)
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise StorageError("Could not write the sync file {path}: {reason}", path=str(path), reason=exc) from exc
    return Manifest(**data)


_DAMAGED = "The file {name} is damaged or incomplete (it may have been cut off while copying). Nothing was imported."


def _read_zip(path: Path) -> tuple[dict[str, Any], bytes]:
    name = path.name
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            if names != {MANIFEST, PAYLOAD}:
                raise BundleRefused("The file {name} is not a sync file of this program. Nothing was imported.",
                                    name=name)
            raw_manifest = zf.read(MANIFEST)
            payload = zf.read(PAYLOAD)
    except FileNotFoundError as exc:
        raise BundleRefused("The file {name} does not exist.", name=str(path)) from exc
    except OSError as exc:
        raise StorageError("Could not read {path}: {reason}", path=str(path), reason=exc) from exc
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise BundleRefused(_DAMAGED, name=name) from exc
    try:
        data = json.loads(raw_manifest)
    except (ValueError, UnicodeDecodeError) as exc:
        raise BundleRefused(_DAMAGED, name=name) from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BundleRefused("The file {name} is not a sync file of this program. Nothing was imported.", name=name)
    return data, payload


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


def read_bundle(path: Path, *, key: str | None, own_site: str, schema_head: str) -> tuple[Manifest, bytes]:
    """The manifest and payload of a sync file that passed every check, or BundleRefused."""
    name = path.name
    data, payload = _read_zip(path)
    version = data.get("version")
    if not isinstance(version, int) or version < 1:
        raise BundleRefused(_DAMAGED, name=name)
    if version > VERSION:
        raise BundleRefused("The file {name} was made by a newer version of the program (sync format {version}). "
                            "Update this copy first.", name=name, version=version)
    manifest = _manifest(data, name)
    if hashlib.sha256(payload).hexdigest() != manifest.payload_sha256:
        raise BundleRefused("The file {name} was altered or damaged after it was exported (checksum mismatch). "
                            "Nothing was imported.", name=name)
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
    return manifest, payload
