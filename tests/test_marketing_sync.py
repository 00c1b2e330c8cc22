"""Segments, static lists, campaign members and their responses travel between copies: the same person
added to a campaign on two copies is one member, and a response set on one copy arrives on the other."""

from __future__ import annotations

from pathlib import Path

from crm_desktop.clock import FixedClock
from crm_desktop.models.marketing import member_id
from crm_desktop.queries.campaign_results import response_counts
from crm_desktop.queries.segments import Who, saved_segments, segment_ids
from crm_desktop.segment_filter import SegmentFilter
from crm_desktop.services.app import AppContext
from crm_desktop.services.campaign_members import add_members, set_response
from crm_desktop.services.campaigns import CampaignInput, create_campaign
from crm_desktop.services.contacts import ContactInput, create_contact
from crm_desktop.services.segments import SegmentInput, freeze_segment, save_segment
from crm_desktop.sync.files import export_bundle, import_bundle
from tests.sync_helpers import dump, new_copy
from tests.time_helpers import TODAY


def send(src: AppContext, dst: AppContext, folder: Path) -> None:
    path = folder / f"{src.database.site_id[0]}-{len(list(folder.iterdir()))}.zip"
    export_bundle(src.database, path, everything=True)
    import_bundle(dst.database, dst.user_id, path)


def test_segments_members_and_responses_sync_and_converge(template: Path, tmp_path: Path, clock: FixedClock) -> None:
    files = tmp_path / "files"
    files.mkdir()
    a, b = (new_copy(template, tmp_path, name, clock, site=name * 16) for name in "AB")
    try:
        people = [create_contact(a.uow(), ContactInput(first_name=n, mobile=f"081111111{i}", province="น่าน",
                                                      marketing_consent=True), TODAY).created[0]
                  for i, n in enumerate(("อนงค์", "บุญ"))]
        save_segment(a.uow(), SegmentInput("คนน่าน", SegmentFilter(regions=("north",))))
        freeze_segment(a.uow(), "คนน่าน พ.ย.", "contacts", people)
        campaign = create_campaign(a.uow(), CampaignInput(name="เที่ยวน่าน")).created[0]
        add_members(a.uow(), campaign, people[:1])
        send(a, b, files)
        add_members(b.uow(), campaign, people)  # B adds both, A's member among them: the same row
        set_response(a.uow(), [member_id(campaign, people[0])], "replied", TODAY)
        send(b, a, files)
        send(a, b, files)
        for ctx in (a, b):
            assert response_counts(ctx.database, campaign) == {"replied": 1, "added": 1}
            assert sorted(s.name for s in saved_segments(ctx.database)) == ["คนน่าน", "คนน่าน พ.ย."]
            static = next(s for s in saved_segments(ctx.database) if s.static)
            assert sorted(segment_ids(ctx.database, Who.of(static), TODAY)) == sorted(people)
        assert dump(a) == dump(b)
    finally:
        a.close()
        b.close()
