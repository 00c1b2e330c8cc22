"""`crm-desktop sync …`: export, dry run, import, status; one line on stderr and status 1 on errors."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from crm_desktop.main import main
from crm_desktop.services.app import open_app
from crm_desktop.sync.apply import ApplyReport
from crm_desktop.sync.report import news_text
from tests.time_helpers import make_clock


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["--lang", "en", *argv], make_clock())
    out, err = capsys.readouterr()
    return code, out, err


def accounts(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [r[0] for r in conn.execute("SELECT name FROM account ORDER BY name")]


def test_a_new_copy_starts_from_a_full_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    office, rep, bundle = tmp_path / "office.db", tmp_path / "rep.db", tmp_path / "all.zip"
    assert run(capsys, "--db", str(office), "demo", "--size", "small")[0] == 0
    code, out, _ = run(capsys, "--db", str(office), "sync", "export", "--all", "--out", str(bundle))
    assert code == 0 and "changes to" in out
    code, out, _ = run(capsys, "--db", str(rep), "sync", "import", str(bundle), "--dry-run")
    assert code == 0 and out.startswith("Dry run, nothing was saved") and "account\t200\t" in out
    assert not rep.exists()  # a dry run into a new copy creates nothing
    code, out, _ = run(capsys, "--db", str(rep), "sync", "import", str(bundle))
    assert code == 0 and "Backup made before the import" in out
    assert accounts(rep) == accounts(office) and len(accounts(rep)) == 200
    code, out, _ = run(capsys, "--db", str(rep), "sync", "status")
    assert code == 0 and "last file imported" in out and "Conflicts to review: 0." in out
    assert "(Owner)" in out  # the other copy names itself: who works on it
    code, out, _ = run(capsys, "--db", str(rep), "sync", "import", str(bundle))
    assert code == 0 and "already here" in out and "Backup made" not in out


def test_errors_are_one_line_and_status_1(
    tmp_path: Path, new_database: Callable[[Path], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    db, bundle = tmp_path / "a.db", tmp_path / "a.zip"
    new_database(db)
    assert run(capsys, "--db", str(db), "sync", "export", "--out", str(bundle))[0] == 0
    code, out, err = run(capsys, "--db", str(db), "sync", "import", str(bundle))
    assert (code, out) == (1, "") and err.count("\n") == 1 and "exported from this copy itself" in err
    code, _, err = run(capsys, "--db", str(db), "sync", "export", "--for", "0123456789abcdef", "--out",
                       str(tmp_path / "b.zip"))
    assert code == 1 and "never received a file from copy 0123456789abcdef" in err
    (tmp_path / "junk.zip").write_bytes(b"not a zip")
    code, _, err = run(capsys, "--lang", "th", "--db", str(db), "sync", "import", str(tmp_path / "junk.zip"))
    assert code == 1 and "เสียหาย" in err


def test_the_office_key_signs_files(
    tmp_path: Path, new_database: Callable[[Path], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    office, rep, bundle = tmp_path / "office.db", tmp_path / "rep.db", tmp_path / "f.zip"
    new_database(office), new_database(rep)
    assert run(capsys, "--db", str(rep), "sync", "key", "ความลับ")[0] == 0
    run(capsys, "--db", str(office), "sync", "export", "--out", str(bundle))
    assert "not signed" in run(capsys, "--db", str(rep), "sync", "import", str(bundle))[2]
    run(capsys, "--db", str(office), "sync", "key", "ความลับ")
    assert run(capsys, "--db", str(office), "sync", "export", "--out", str(bundle), "--force")[0] == 0
    assert run(capsys, "--db", str(rep), "sync", "import", str(bundle))[0] == 0


def test_a_replayed_file_says_that_nothing_was_new(
    tmp_path: Path, new_database: Callable[[Path], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    office, rep, bundle = tmp_path / "office.db", tmp_path / "rep.db", tmp_path / "f.zip"
    ctx = open_app(new_database(office), clock=make_clock())
    site = ctx.database.site_id
    ctx.close()
    run(capsys, "--db", str(office), "sync", "export", "--out", str(bundle))
    code, out, _ = run(capsys, "--db", str(rep), "sync", "import", str(bundle))
    received = int(out.split(": ")[1].split(" ")[0].replace(",", ""))
    assert code == 0 and out.startswith(f"Imported: {received:,} new change(s) from copy {site}.\n") and received > 0
    code, out, _ = run(capsys, "--db", str(rep), "sync", "import", str(bundle), "--dry-run")
    assert out == (f"Dry run, nothing was saved: nothing new from copy {site} "
                   f"(all {received:,} change(s) in the file were already here).\n")
    code, out, _ = run(capsys, "--db", str(rep), "sync", "import", str(bundle))
    assert out == (f"Imported: nothing new from copy {site} "
                   f"(all {received:,} change(s) in the file were already here).\n")
    code, out, _ = run(capsys, "--lang", "th", "--db", str(rep), "sync", "import", str(bundle))
    assert out == (f"นำเข้าแล้ว: ไม่มีข้อมูลใหม่จากเครื่อง {site} "
                   f"(การเปลี่ยนแปลงทั้ง {received:,} รายการในไฟล์มีอยู่ในเครื่องนี้แล้ว)\n")


@pytest.mark.parametrize(("received", "already", "text"), [
    (0, 0, "nothing new from copy c1 (the file holds no changes)."),
    (1, 0, "1 new change(s) from copy c1."),
    (1_881, 1_881, "nothing new from copy c1 (all 1,881 change(s) in the file were already here)."),
    (1_881, 1_880, "1 new change(s) from copy c1; 1,880 more were already here."),
])
def test_what_a_file_brought_is_said_plainly(received: int, already: int, text: str) -> None:
    assert news_text(ApplyReport(received=received, already_had=already), "c1", "en") == text
    assert "c1" in news_text(ApplyReport(received=received, already_had=already), "c1", "th")
