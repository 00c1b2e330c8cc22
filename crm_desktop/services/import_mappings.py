"""Column mappings saved by name, kept as office settings so they travel to every copy by sync.

One setting per mapping (the key names the kind and a hash of the name, within the setting key's
60 characters): two copies saving different mappings never overwrite each other. Names compare
without case, so saving "Customers" again replaces "customers".
"""

from __future__ import annotations

from hashlib import sha1

from crm_desktop.db.uow import UnitOfWork
from crm_desktop.errors import DomainError, NotFound, ValidationError
from crm_desktop.import_plans.mappings import Mapping
from crm_desktop.services import validation
from crm_desktop.services.changes import ChangeSet, Entity, change

PREFIX = "import_mapping:"
NAME_MAX = 100


def _key(kind: str, name: str) -> str:
    return f"{PREFIX}{kind}:{sha1(name.strip().casefold().encode()).hexdigest()[:24]}"


def save_mapping(uow: UnitOfWork, mapping: Mapping) -> ChangeSet:
    """Store `mapping` under its name (replacing one of the same kind and name)."""
    name = validation.optional_text(mapping.name, "name", NAME_MAX)
    if not name:
        raise ValidationError("name", "Give the column mapping a name.")
    key = _key(mapping.kind, name)
    with uow:
        uow.settings.set_value(key, Mapping(mapping.kind, name, mapping.signature, mapping.columns).to_json())
        uow.commit()
    return change(Entity.SETTING, updated=(key,))


def saved_mappings(uow: UnitOfWork, kind: str) -> list[Mapping]:
    """Every readable saved mapping of `kind`, by name (one damaged by hand or by sync is left out)."""
    with uow:
        stored = uow.settings.values_under(f"{PREFIX}{kind}:")
    found = []
    for text in stored.values():
        try:
            found.append(Mapping.from_json(text))
        except DomainError:
            continue
    return sorted((m for m in found if m.kind == kind), key=lambda m: m.name.casefold())


def mapping_named(uow: UnitOfWork, kind: str, name: str) -> Mapping:
    """The saved mapping of `kind` called `name` (without case); NotFound when there is none."""
    with uow:
        text = uow.settings.value(_key(kind, name))
    if not text:
        raise NotFound("No saved column mapping is named {name}.", name=name)
    return Mapping.from_json(text)
