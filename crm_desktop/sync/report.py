"""Plain-text accounts of a sync import and of this copy's sync state (for the command line)."""

from __future__ import annotations

from crm_desktop.messages import translate
from crm_desktop.services.app import AppContext
from crm_desktop.sync.apply import COUNT_KINDS, ApplyReport
from crm_desktop.sync.clocks import HOURS, clock_warning
from crm_desktop.sync.files import ImportResult
from crm_desktop.sync.repair import ClockRepair
from crm_desktop.sync.state import status


def import_summary(result: ImportResult, lang: str = "en") -> str:
    report = result.report
    head = translate("Dry run, nothing was saved" if result.dry_run else "Imported", lang)
    lines = [f"{head}: {news_text(report, result.manifest.from_site, lang)}"]
    rows = [(e, c) for e, c in sorted(report.entities.items()) if any(getattr(c, k) for k in COUNT_KINDS)]
    if rows:
        lines.append("kind\t" + "\t".join(COUNT_KINDS))
        lines += [f"{e}\t" + "\t".join(str(getattr(c, k)) for k in COUNT_KINDS) for e, c in rows]
    renumbered = sum(report.renumbered.values())
    if renumbered:
        lines.append(translate("This copy is the office: {count} document(s) whose number clashed or carried a copy "
                               "code got an office number.", lang).format(count=f"{renumbered:,}"))
    if result.backup is not None:
        lines.append(translate("Backup made before the import: {path}", lang).format(path=result.backup))
    return "\n".join(lines)


def news_text(report: ApplyReport, site: str, lang: str) -> str:
    """What a file brought: how many of its changes were new, and plainly when none was."""
    new, old = report.received - report.already_had, report.already_had
    if report.received == 0:
        template = "nothing new from copy {site} (the file holds no changes)."
    elif new == 0:
        template = "nothing new from copy {site} (all {old} change(s) in the file were already here)."
    elif old == 0:
        template = "{new} new change(s) from copy {site}."
    else:
        template = "{new} new change(s) from copy {site}; {old} more were already here."
    return translate(template, lang).format(new=f"{new:,}", old=f"{old:,}", site=site)


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
    warning = clock_warning(ctx.database)
    if warning is not None:
        lines.append(warning.text("en"))
    return "\n".join(lines)


def repair_summary(result: ClockRepair) -> str:
    if not result.needed:
        return f"Nothing to repair: no change is dated more than {HOURS} hours ahead of this computer's clock."
    head, write, fix = (("Dry run, nothing was saved: the repair would take", "write", "correct") if result.dry_run
                        else ("Repaired: took", "wrote", "corrected"))
    newest = f"{result.newest:%Y-%m-%d %H:%M} UTC" if result.newest is not None else "-"
    lines = [f"{head} {result.removed:,} changes dated up to {newest} out of the log, {write} the values they gave "
             f"{result.rows:,} records again as new changes, and {fix} {result.peers:,} other copies' vectors and "
             f"{result.conflicts:,} conflicts."]
    if result.backup is not None:
        lines.append(f"Backup made before the repair: {result.backup}")
    return "\n".join(lines)
