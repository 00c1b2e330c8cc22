"""Row ids: unique across copies (UUID version 7) and, within one batch, in increasing order, so that
a bulk insert appends to the primary key's index instead of writing at random pages."""

import uuid

from crm_desktop.models.base import new_id, new_ids


def test_a_batch_of_ids_is_unique_uuid7_and_increasing() -> None:
    ids = new_ids(5_000)
    assert len(set(ids)) == len(ids)
    assert ids == sorted(ids)
    for text in (*ids[:50], new_id()):
        value = uuid.UUID(text)
        assert value.version == 7 and value.variant == uuid.RFC_4122
        assert str(value) == text
