"""Plain-text accounts of a sync import and of this copy's sync state (for the command line)."""

from __future__ import annotations

from crm_desktop.services.app import AppContext
from crm_desktop.sync.apply import COUNT_KINDS
from crm_desktop.sync.files import ImportResult
from crm_desktop.sync.state import status


def import_summary(result: ImportResult) -> str:
    report = result.report
    head = "Dry run, nothing was saved" if result.dry_run else "Imported"
    lines = [f"{head}: {report.received:,} changes from copy {result.manifest.from_site} "
             f"({report.already_had:,} already here)."]
    rows = [(e, c) for e, c in sorted(report.entities.items()) if any(getattr(c, k) for k in COUNT_KINDS)]
    if rows:
        lines.append("kind\t" + "\t".join(COUNT_KINDS))
        lines += [f"{e}\t" + "\t".join(str(getattr(c, k)) for k in COUNT_KINDS) for e, c in rows]
    if result.backup is not None:
        lines.append(f"Backup made before the import: {result.backup}")
    return "\n".join(lines)


def sync_status_text(ctx: AppContext) -> str:
    st = status(ctx.database)
    lines = [f"This copy: site {st.site_id}, {st.changes:,} changes in the log, "
             f"office key {'set' if st.signed else 'not set'}."]
    for site, peer in sorted(st.peers.items()):
        when = peer.last_import_at.strftime("%Y-%m-%d %H:%M") if peer.last_import_at else "never"
        name = f" ({peer.label})" if peer.label else ""
        lines.append(f"Copy {site}{name}: last file imported {when} UTC; it lacks {peer.lacking:,} of our changes.")
    if not st.peers:
        lines.append("No file from another copy was imported yet.")
    lines.append(f"Rows waiting for their parent record: {st.waiting:,}.")
    lines.append(f"Conflicts to review: {st.open_conflicts:,}.")
    return "\n".join(lines)
