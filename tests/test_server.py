"""The office server (issue 17): a PostgreSQL database named by a URL, set up from the same migrations,
shared by several desks, searched as a file is. The `ctx` tests run on SQLite and on the server alike;
the others need CRM_TEST_SERVER (tests/server_helpers.py) and are skipped without it."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from crm_desktop.clock import FixedClock
from crm_desktop.db.engine import resolve_db_path
from crm_desktop.db.migrate import SCHEMA_HEAD
from crm_desktop.db.server import Server
from crm_desktop.db.server_backup import dump_program
from crm_desktop.errors import DomainError, StorageError
from crm_desktop.main import main
from crm_desktop.models import Contact
from crm_desktop.queries.accounts import AccountFilter, account_head
from crm_desktop.queries.search import search_all
from crm_desktop.services.accounts import AccountInput, create_account
from crm_desktop.services.app import OWNER_ID, AppContext, has_database, open_app
from crm_desktop.services.contacts import ContactInput, create_contact, delete_contacts
from crm_desktop.services.logins import set_first_password
from tests.plan_helpers import statements_of
from tests.server_helpers import create_database, drop_database, fetch, server_url
from tests.time_helpers import TODAY, make_clock

pytestmark = pytest.mark.server
needs_server = pytest.mark.skipif(server_url() is None, reason="CRM_TEST_SERVER names no PostgreSQL server")


@pytest.fixture
def empty_server(request: pytest.FixtureRequest) -> Iterator[str]:
    """The URL of a new, empty database on the test server; dropped after the test."""
    url = server_url()
    assert url is not None
    name = f"crm_test_empty_{request.node.name[:30].lower().replace('[', '_').replace(']', '')}"
    made = create_database(url, name)
    yield made
    drop_database(url, name)


def test_a_postgresql_url_names_a_server_and_a_path_names_a_file(tmp_path: Path) -> None:
    server = resolve_db_path("postgresql://crm:secret@office-server:5433/crm?sslmode=require")
    assert isinstance(server, Server)
    assert "secret" not in server.shown and "office-server:5433/crm" in server.shown
    assert "secret" not in str(server.folder)
    assert server.folder == Server("postgresql://crm:other@office-server:5433/crm?sslmode=require", server.base).folder
    assert resolve_db_path(str(tmp_path / "crm.sqlite3")) == tmp_path / "crm.sqlite3"
    with pytest.raises(StorageError, match="names no database"):
        Server("postgresql://crm@office-server", tmp_path)


@needs_server
def test_an_empty_server_is_set_up_to_head_and_matches_the_models(empty_server: str, tmp_path: Path,
                                                                    clock: FixedClock) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from crm_desktop.db.migrations.env_filters import include_object
    from crm_desktop.models import Base

    server = Server(empty_server, tmp_path)
    assert not has_database(server)
    with pytest.raises(StorageError, match="is empty"):
        open_app(server, clock=clock, create=False)
    ctx = open_app(server, clock=clock)
    try:
        assert fetch(ctx, "SELECT version_num FROM alembic_version") == [(SCHEMA_HEAD,)]
        assert fetch(ctx, "SELECT count(*) FROM \"user\" WHERE role = 'owner'") == [(1,)]
        with ctx.database.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"include_object": include_object})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        ctx.close()
    assert has_database(server)


@needs_server
def test_another_programs_database_is_refused_and_left_alone(empty_server: str, tmp_path: Path,
                                                             clock: FixedClock) -> None:
    engine = create_engine(make_url(empty_server).set(drivername="postgresql+psycopg"))
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE invoices (n integer)"))
    with pytest.raises(StorageError, match="another program"):
        open_app(Server(empty_server, tmp_path), clock=clock)
    with engine.connect() as conn:
        tables = set(conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).scalars())
    engine.dispose()
    assert tables == {"invoices"}


def test_an_unreachable_server_is_one_readable_error(tmp_path: Path, clock: FixedClock) -> None:
    server = Server("postgresql://crm:secret@127.0.0.1:1/crm?connect_timeout=2", tmp_path)
    with pytest.raises(StorageError) as caught:
        open_app(server, clock=clock)
    message = caught.value.text("en")
    assert message.startswith("Cannot reach the office server postgresql://crm:***@127.0.0.1:1/crm")
    assert "secret" not in message and "\n" not in message
    assert caught.value.text("th") != message


def _server_has_tls(url: str) -> bool:
    engine = create_engine(make_url(url).set(drivername="postgresql+psycopg"))
    try:
        with engine.connect() as conn:
            return bool(conn.exec_driver_sql("SHOW ssl").scalar() == "on")
    finally:
        engine.dispose()


@needs_server
def test_a_url_asking_for_tls_gets_an_encrypted_connection(empty_server: str, tmp_path: Path,
                                                            clock: FixedClock) -> None:
    """`?sslmode=require` (the Connect dialog's "encrypted" box) reaches the driver: every connection of
    the desk is encrypted; without it, the same server is reached in plain text (so the URL decides)."""
    if not _server_has_tls(empty_server):
        pytest.skip("the test server has no TLS certificate (.ci/run gives it one when openssl is installed)")
    asked = make_url(empty_server).update_query_dict({"sslmode": "require"}).render_as_string(hide_password=False)
    plain = make_url(empty_server).update_query_dict({"sslmode": "disable"}).render_as_string(hide_password=False)
    for url, encrypted in ((asked, True), (plain, False)):
        ctx = open_app(Server(url, tmp_path / str(encrypted)), clock=clock)
        try:
            create_account(ctx.uow(), AccountInput("บริษัท ฟ้าใส จำกัด"), TODAY)
            assert fetch(ctx, "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()") == [(encrypted,)]
        finally:
            ctx.close()


@needs_server
def test_two_desks_share_the_data_and_each_logs_under_its_own_site(empty_server: str, tmp_path: Path,
                                                                    clock: FixedClock) -> None:
    first = open_app(Server(empty_server, tmp_path / "desk1"), clock=clock)
    second = open_app(Server(empty_server, tmp_path / "desk2"), clock=clock)
    try:
        assert first.database.site_id != second.database.site_id
        made = create_account(first.uow(), AccountInput("บริษัท ฟ้าใส จำกัด"), TODAY).ids
        assert account_head(second.database, AccountFilter(), "name", False, 10)[1] == list(made)
        create_account(second.uow(), AccountInput("Sky Trading"), TODAY)
        sites = {site for (site,) in fetch(first, "SELECT site_id FROM change WHERE entity = 'account'")}
        assert sites == {first.database.site_id, second.database.site_id}
    finally:
        first.close()
        second.close()
    again = open_app(Server(empty_server, tmp_path / "desk1"), clock=clock)
    try:
        assert again.database.site_id == first.database.site_id  # a desk keeps its site from start to start
        # its clock starts past every desk's newest change (read site by site along the index)
        newest = fetch(again, "SELECT max(hlc) FROM change")[0][0]
        assert again.database.clock.last == newest
    finally:
        again.close()


@needs_server
def test_desks_writing_at_once_number_the_change_log_without_a_clash(empty_server: str, tmp_path: Path,
                                                                     clock: FixedClock) -> None:
    desks = [open_app(Server(empty_server, tmp_path / f"desk{n}"), clock=clock) for n in range(3)]
    failures: list[BaseException] = []
    start = threading.Barrier(len(desks))

    def work(ctx: AppContext, n: int) -> None:
        try:
            start.wait()
            for i in range(15):
                create_account(ctx.uow(), AccountInput(f"Desk {n} customer {i}"), TODAY)
        except BaseException as exc:  # reported below: a thread's exception would be lost
            failures.append(exc)

    threads = [threading.Thread(target=work, args=(ctx, n)) for n, ctx in enumerate(desks)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert failures == []
        rows = fetch(desks[0], "SELECT count(*), count(DISTINCT seq), count(DISTINCT site_id::text || hlc::text) "
                               "FROM change WHERE entity = 'account'")
        assert rows == [(45, 45, 45)]
    finally:
        for ctx in desks:
            ctx.close()


def _people(ctx: AppContext) -> dict[str, str]:
    company = next(iter(create_account(ctx.uow(), AccountInput("บริษัท ศรีสยามรุ่งเรือง จำกัด", phone="021234567"),
                                       TODAY).ids))
    made = {}
    for first, last, mobile in (("สมใจ", "ใจดี", "0812345678"), ("Anna", "Smith", "0898765432"),
                                ("มานี", "มีนา", "")):
        data = ContactInput(first, last_name=last, mobile=mobile, account_id=company)
        made[first] = next(iter(create_contact(ctx.uow(), data, TODAY).ids))
    return made


@pytest.mark.parametrize(("query", "found"), [
    ("ใจ", {"สมใจ"}),  # two characters
    ("ก", set()),  # one, found nowhere
    ("a", {"Anna"}),  # one, in any case
    ("SMI", {"Anna"}),  # three, in any case
    ("สมใจ ใจดี", {"สมใจ"}),  # across the first and last name
    ("081-234-5678", {"สมใจ"}),  # a phone as people type it
    ("+66812345678", {"สมใจ"}),
    ("มี", {"มานี"}),
    ("านี", {"มานี"}),  # a Thai mark inside: the server's index keeps the word whole
    ("ใจดี", {"สมใจ"}),
    ("านิ", set()),  # another mark in the same place
    ("%", set()),  # LIKE's wildcards are plain characters
    ("_", set()),
])
def test_search_finds_the_same_fragments_on_either_engine(ctx: AppContext, query: str, found: set[str]) -> None:
    people = _people(ctx)
    hits = search_all(ctx.database, query, kinds=("contact",))
    assert {name for name, id_ in people.items() if id_ in {h.id for h in hits}} == found
    assert len(hits) == len(found)


@pytest.mark.parametrize("candidates", [2, 1000])
@pytest.mark.parametrize("query", ["สมศรี", "somsri@", "081-555"])
def test_search_gives_the_oldest_matches_whether_a_fragment_is_rare_or_common(
        ctx: AppContext, monkeypatch: pytest.MonkeyPatch, candidates: int, query: str) -> None:
    """More matches than the limit: the oldest `limit` of them, in that order, whether the server sorts the
    few its index names (a rare fragment) or walks the ids in order (more than CANDIDATES: common)."""
    monkeypatch.setattr("crm_desktop.db.server_search.CANDIDATES", candidates)
    made = [next(iter(create_contact(ctx.uow(), ContactInput(f"สมศรี{n}", email=f"somsri@{n}.example",
                                                             mobile=f"081555000{n}"), TODAY).ids))
            for n in range(6)]
    create_contact(ctx.uow(), ContactInput("มานี", email="manee@example.com", mobile="0899999999"), TODAY)
    delete_contacts(ctx.uow(), [made[1]])
    assert [h.id for h in search_all(ctx.database, query, limit=3, kinds=("contact",))] == [made[0], *made[2:4]]
    assert [h.id for h in search_all(ctx.database, query, limit=10, kinds=("contact",))] == [made[0], *made[2:]]


@needs_server
@pytest.mark.parametrize("query", ["ต้นข้าว", "somsri@", "081-555"])
def test_the_server_looks_a_fragment_up_in_its_trigram_index(ctx: AppContext, query: str) -> None:
    """Both the search and the list filter ask the index (their text must be the index's expression, to
    the letter), Thai words with marks too."""
    if ctx.database.server is None:
        pytest.skip("a server's index")
    from crm_desktop.db.search_index import matching_ids
    from crm_desktop.db.server_search import search_rows

    made = next(iter(create_contact(ctx.uow(), ContactInput("ต้นข้าว", email="somsri@x.example",
                                                            mobile="0815550000"), TODAY).ids))
    with ctx.database.engine.begin() as conn:  # a table worth an index: 3,000 others, found by nothing asked
        conn.exec_driver_sql(
            "INSERT INTO contact SELECT (jsonb_populate_record(c, jsonb_build_object('id', 'other-' || n, "
            "'first_name', 'คนอื่น' || n, 'email', 'p' || n || '@example.com', 'mobile', '09' || (10000000 + n)))).* "
            "FROM contact c, generate_series(1, 3000) n WHERE c.id = %s", (made,))
    with ctx.database.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("VACUUM ANALYZE contact")  # (the new rows leave the GIN index's pending list)
    with ctx.database.engine.connect() as conn:
        plans = []
        for sql, params in statements_of(conn, lambda: search_rows(conn, query, 10, ["contact"])):
            plans.append(conn.exec_driver_sql(f"EXPLAIN {sql}", params).scalars().all())
        listed = select(Contact.id).where(Contact.id.in_(matching_ids(conn, "contact", query)))
        literal = listed.compile(conn, compile_kwargs={"literal_binds": True})
        plans.append(conn.exec_driver_sql(f"EXPLAIN {literal}").scalars().all())
    for plan in plans:
        assert any("ix_contact_search" in line for line in plan), "\n".join(plan)


def test_a_deleted_record_leaves_the_search_and_the_list_filter(ctx: AppContext) -> None:
    people = _people(ctx)
    assert [h.id for h in search_all(ctx.database, "ใจดี", kinds=("contact",))] == [people["สมใจ"]]
    delete_contacts(ctx.uow(), [people["สมใจ"]])
    assert search_all(ctx.database, "ใจดี", kinds=("contact",)) == []
    assert search_all(ctx.database, "ศรีสยาม", kinds=("account",))[0].title == "บริษัท ศรีสยามรุ่งเรือง จำกัด"
    count, keys = account_head(ctx.database, AccountFilter(text="รุ่งเรือง"), "name", False, 10)
    assert count == 1 and len(keys) == 1
    assert account_head(ctx.database, AccountFilter(text="021234567"), "name", False, 10)[0] == 1


@needs_server
def test_the_command_line_searches_checks_and_backs_up_a_server(empty_server: str, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # the desk's folder for the server
    server = resolve_db_path(empty_server)
    assert isinstance(server, Server) and server.folder.is_relative_to(tmp_path)
    ctx = open_app(server, clock=make_clock())
    try:
        create_account(ctx.uow(), AccountInput("บริษัท ศรีสยามรุ่งเรือง จำกัด"), TODAY)
        assert main(["--lang", "en", "--db", empty_server, "search", "ศรีสยาม"], make_clock()) == 1
        assert "Nobody can log in yet" in capsys.readouterr().err  # a server asks for a login; no owner has one
        set_first_password(ctx, OWNER_ID, "first-secret")
    finally:
        ctx.close()
    assert main(["--lang", "en", "--db", empty_server, "search", "ศรีสยาม"], make_clock()) == 1
    assert "--user NAME" in capsys.readouterr().err
    monkeypatch.setenv("CRM_DESKTOP_USER", "Owner")
    monkeypatch.setenv("CRM_DESKTOP_PASSWORD", "first-secret")
    assert main(["--lang", "en", "--db", empty_server, "search", "ศรีสยาม"], make_clock()) == 0
    assert "ศรีสยามรุ่งเรือง" in capsys.readouterr().out
    assert main(["--lang", "en", "--db", empty_server, "check"], make_clock()) == 0
    assert capsys.readouterr().out == "ok\n"
    if dump_program() is None:
        return
    assert main(["--lang", "en", "--db", empty_server, "backup"], make_clock()) == 0
    made = Path(capsys.readouterr().out.strip())
    assert made.parent == server.folder / "backups" and made.read_bytes()[:5] == b"PGDMP"
    assert main(["--lang", "en", "--db", empty_server, "restore", str(made)], make_clock()) == 0
    assert "The data it replaced is kept in" in capsys.readouterr().out


def test_a_pasted_control_character_is_dropped_from_what_is_looked_for(ctx: AppContext) -> None:
    people = _people(ctx)  # a NUL is no text a server may hold, nor one any record has
    assert [h.id for h in search_all(ctx.database, "ใจ\x00ดี")] == [people["สมใจ"]]  # every kind, documents too
    assert account_head(ctx.database, AccountFilter(text="\x00รุ่งเรือง\x1b"), "name", False, 10)[0] == 1


@needs_server
def test_a_new_server_asks_for_the_owners_first_password_then_for_logins(
        empty_server: str, tmp_path: Path, clock: FixedClock, qtbot: object) -> None:
    from crm_desktop.services.logins import log_in, login_required, needs_first_password
    from crm_desktop.views.login_dialog import FirstPasswordDialog

    ctx = open_app(Server(empty_server, tmp_path), clock=clock)
    try:
        assert login_required(ctx.database) and needs_first_password(ctx.database)
        ctx.user_id = "nobody yet"
        dialog = FirstPasswordDialog(ctx, "en")
        qtbot.addWidget(dialog)  # type: ignore[attr-defined]
        dialog.new_password.setText("first-secret")
        dialog.repeat.setText("first-secreT")
        assert not dialog.save() and "differ" in dialog.banner.text()
        dialog.repeat.setText("first-secret")
        assert dialog.save() and ctx.user_id == OWNER_ID == dialog.user_id
        assert not needs_first_password(ctx.database)
        with pytest.raises(DomainError, match="already has a password"):  # only the first one, only once
            set_first_password(ctx, OWNER_ID, "another-secret")
        assert log_in(ctx.database, OWNER_ID, "first-secret").user_id == OWNER_ID
    finally:
        ctx.close()


@needs_server
def test_a_change_committed_late_below_a_newer_number_still_reaches_the_other_desks(
        empty_server: str, tmp_path: Path, clock: FixedClock) -> None:
    """A sequence numbers changes when they are written: a slow desk's save, numbered before a quick
    desk's, commits after a look that saw the quick one; the next look still brings it."""
    from crm_desktop.models import Account
    from crm_desktop.services.changes import Entity
    from crm_desktop.services.desks import OTHER_DESKS, OtherDesks

    watcher, slow, quick = (open_app(Server(empty_server, tmp_path / name), clock=clock)
                            for name in ("watcher", "slow", "quick"))
    try:
        desks = OtherDesks(watcher.database)
        with slow.uow() as uow:
            late = uow.accounts.add(Account(name="Slow Trading"))
            uow.session.flush()  # its change is numbered now, and not committed
            early = create_account(quick.uow(), AccountInput("Quick Trading"), TODAY).ids[0]
            seen = desks.poll()
            assert seen is not None and seen[Entity.ACCOUNT].created == (early,)
            uow.commit()
        seen = desks.poll()
        assert seen is not None and seen.made_by(OTHER_DESKS) and seen[Entity.ACCOUNT].created == (late.id,)
        assert desks.poll() is None and desks.missing == {}
        create_account(watcher.uow(), AccountInput("Own Trading"), TODAY)
        assert desks.poll() is None  # the watcher's own save published itself
    finally:
        for ctx in (watcher, slow, quick):
            ctx.close()
