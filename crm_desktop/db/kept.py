"""Totals kept on records from other tables, by the database's own triggers (ARCHITECTURE.md, "Kept totals").

- `contact.last_contact_on`, `account.last_contact_on`: the office day (Asia/Bangkok, UTC+7, no summer
  time) of the latest *contact* with the person or the company, NULL when there is none. A contact is
  an activity marked done (`CONTACT`: live, not the row of a recurring series, whose done occurrences are
  rows of their own), linked to the record itself (a company's are those naming the company); its day
  is the office date of its start when it has one, else its due day. A done activity dated ahead
  (marked done early) counts on its own day. Segments ("no contact for N days", "contacted in the last
  N days") and the alert of a top customer gone quiet read this one value.
- `sales_order.lines_net_satang`: the sum of the order's live lines' `line_amounts.line_net` (after
  each line's own discount, before the bill discount and VAT): "bought for at least X" in segments, and
  the alerts' sales per customer with the bill discount and VAT worked out per order.

Why triggers: every writer (the ORM, the bulk loader, imports and their undo, the sync import, an
erasure, a restore, another desk on the server) keeps them in its own transaction without knowing of
them. They are derived columns (models.base.DERIVED_COLUMNS): never logged nor synced, each copy keeps
its own. An update or a delete recomputes the value of the records it touches (the activities through
the partial indexes `ix_activity_*_contacted_*`, an order's lines through the order's index); on a file
an insert only raises it (`sqlite_statements`). A record inserted after its children (a sync may
bring them first) computes its own on insert. On a server, every write recomputes, first locking the record's row
(`FOR NO KEY UPDATE`: a concurrent writer of the same record's activities waits until this transaction
ends, so neither recomputes without the other's row; desks inserting children elsewhere are not held
up), and writes the row only when the value changes. A bulk write that drops a table's indexes
(`DeferredIndexes`) drops these triggers with them and refills the values set-wise at the end (`refill`).
"""

from __future__ import annotations

from functools import cache

from sqlalchemy.dialects import postgresql, sqlite

from crm_desktop.db.line_amounts import line_net
from crm_desktop.models import SalesOrderLine
from crm_desktop.models.activity import CONTACTED

# An activity that counts as a contact: the partial indexes' terms (models/activity.py CONTACTED), spelled
# as theirs so the recompute is a step into them, and marked done.
CONTACT = f"{CONTACTED} AND status = 'done'"
PEOPLE = ("account", "contact")  # the tables keeping a last contact (each named by activity.<table>_id)
KEPT_TABLES = ("account", "contact", "sales_order")
CHILDREN = {"activity": ("account", "contact"), "sales_order_line": ("sales_order",)}
# the columns of a child whose change may change a kept value
ACTIVITY_COLUMNS = ("status", "deleted_at", "rrule", "starts_at", "due_on", "account_id", "contact_id")
LINE_COLUMNS = ("order_id", "deleted_at", "quantity_milli", "unit_price_satang", "discount_bp", "discount_satang")
PREFIX = "kept_"  # every trigger and function of this module is named so


@cache
def _net(engine: str) -> str:
    """`line_net` of a sales_order_line row as this engine's SQL text (the columns named by the table)."""
    dialect = sqlite.dialect() if engine == "sqlite" else postgresql.dialect()
    text = str(line_net(SalesOrderLine.__table__.c).compile(dialect=dialect, compile_kwargs={"literal_binds": True}))
    return text.replace("%%", "%")  # (escaped for the driver's parameters; the statements are run as plain text)


def _counted(row: str) -> str:
    """`row` (new / old) is a contact (`CONTACT`, the row's own columns)."""
    return f"({row}.deleted_at IS NULL AND {row}.rrule = '' AND {row}.status = 'done')"


def _latest(engine: str, table: str, record: str) -> tuple[str, str]:
    """(the office day of the latest timed contact, the latest dated one's day) of the `table` (account /
    contact) row whose id is `record`.

    Each is the first done row met walking the partial index of the record's contacts down from its latest
    time or day (most are done): a max() over them would read every contact of the record, thousands for
    a big customer, at each write."""
    link = f"activity.{table}_id = {record}"

    def latest(column: str, shown: str) -> str:
        timed = "IS NOT NULL" if column == "starts_at" else "IS NULL AND due_on IS NOT NULL"
        return (f"(SELECT {shown} FROM activity WHERE {link} AND {CONTACT} AND starts_at {timed} "
                f"ORDER BY {column} DESC LIMIT 1)")

    day = "date(starts_at, '+7 hours')" if engine == "sqlite" else "(starts_at + interval '7 hours')::date"
    return latest("starts_at", day), latest("due_on", "due_on")


def last_contact_sql(engine: str, table: str, record: str) -> str:
    """The office day of the last contact with the `table` (account / contact) row whose id is `record`."""
    timed, dated = _latest(engine, table, record)
    if engine == "sqlite":  # (the two days once each: `record` is a trigger's new.* or old.*)
        return f"(SELECT max(day) FROM (SELECT {timed} AS day UNION ALL SELECT {dated}))"
    return f"greatest({timed}, {dated})"  # (greatest ignores NULLs)


def lines_net_sql(engine: str, order: str) -> str:
    """The sum of the live lines' net of the order whose id is `order` (0 without lines)."""
    return (f"(SELECT coalesce(sum({_net(engine)}), 0) FROM sales_order_line "
            f"WHERE sales_order_line.order_id = {order} AND sales_order_line.deleted_at IS NULL)")


def _value_sql(engine: str, table: str, record: str) -> tuple[str, str]:
    """(the kept column of `table`, its value for the row `record`)."""
    if table == "sales_order":
        return "lines_net_satang", lines_net_sql(engine, record)
    return "last_contact_on", last_contact_sql(engine, table, record)


def _sqlite_recompute(table: str, record: str) -> str:
    column, value = _value_sql("sqlite", table, record)
    return f'UPDATE "{table}" SET {column} = {value} WHERE id = {record} AND {column} IS NOT {value}'


def _day(row: str) -> str:
    """The office day of the activity `row` (new / old) on SQLite."""
    return f"(CASE WHEN {row}.starts_at IS NOT NULL THEN date({row}.starts_at, '+7 hours') ELSE {row}.due_on END)"


def sqlite_statements() -> list[str]:
    """The triggers of a SQLite file. An insert only adds to the values it feeds (the later of the record's
    last contact and the new one's day; the order's total and the new line's net): a file has one writer,
    so the value before is the recompute's, and an insert pays a lookup by id per record, not a walk of
    the record's contacts. Updates and deletes recompute. (A bulk insert sets the insert triggers aside
    and recomputes the records its rows name at the end: `DeferredIndexes`, `touched_statements`.)"""
    act_cols, line_cols = ", ".join(ACTIVITY_COLUMNS), ", ".join(LINE_COLUMNS)
    people = [_sqlite_recompute(t, f"new.{t}_id") for t in PEOPLE]
    raised = [f'UPDATE "{t}" SET last_contact_on = {_day("new")} WHERE id = new.{t}_id AND '
              f'(last_contact_on IS NULL OR last_contact_on < {_day("new")})' for t in PEOPLE]
    added = (f'UPDATE sales_order SET lines_net_satang = lines_net_satang + '
             f'{_net("sqlite").replace("sales_order_line.", "new.")} WHERE id = new.order_id')
    were = [f"{_sqlite_recompute(t, f'old.{t}_id')} AND old.{t}_id IS NOT new.{t}_id" for t in PEOPLE]
    gone = [_sqlite_recompute(t, f"old.{t}_id") for t in PEOPLE]
    order = _sqlite_recompute("sales_order", "new.order_id")
    was_order = _sqlite_recompute("sales_order", "old.order_id")

    def body(statements: list[str]) -> str:
        return "BEGIN " + "; ".join(statements) + "; END"

    out = [
        f"CREATE TRIGGER kept_activity_ai AFTER INSERT ON activity WHEN {_counted('new')} {body(raised)}",
        f"CREATE TRIGGER kept_activity_au AFTER UPDATE OF {act_cols} ON activity "
        f"WHEN {_counted('old')} OR {_counted('new')} {body([*were, *people])}",
        f"CREATE TRIGGER kept_activity_ad AFTER DELETE ON activity WHEN {_counted('old')} {body(gone)}",
        f"CREATE TRIGGER kept_line_ai AFTER INSERT ON sales_order_line WHEN new.deleted_at IS NULL {body([added])}",
        f"CREATE TRIGGER kept_line_au AFTER UPDATE OF {line_cols} ON sales_order_line "
        f"WHEN old.deleted_at IS NULL OR new.deleted_at IS NULL "
        f"{body([f'{was_order} AND old.order_id IS NOT new.order_id', order])}",
        f"CREATE TRIGGER kept_line_ad AFTER DELETE ON sales_order_line WHEN old.deleted_at IS NULL {body([was_order])}",
    ]
    # A record inserted after its children (a sync import may bring them first) computes its own.
    out += [f'CREATE TRIGGER kept_{t}_ai AFTER INSERT ON "{t}" {body([_sqlite_recompute(t, "new.id")])}'
            for t in KEPT_TABLES]
    return out


def _server_recompute_function(table: str) -> str:
    """kept_<table>(id): lock the row, then write its value anew if it changed (statements of a volatile
    function see what other transactions committed before the lock was granted)."""
    column, value = _value_sql("postgresql", table, "record")
    kind = "bigint" if table == "sales_order" else "date"
    return (f"CREATE OR REPLACE FUNCTION kept_{table}(record varchar) RETURNS void LANGUAGE plpgsql AS $$\n"
            f"DECLARE fresh {kind};\nBEGIN\n"
            f"  IF record IS NULL THEN RETURN; END IF;\n"
            f'  PERFORM 1 FROM "{table}" WHERE id = record FOR NO KEY UPDATE;\n'
            f"  fresh := {value};\n"
            f'  UPDATE "{table}" SET {column} = fresh WHERE id = record AND {column} IS DISTINCT FROM fresh;\n'
            f"END $$")


def server_statements() -> list[str]:
    """The functions and triggers of a server database (PostgreSQL)."""
    out = [_server_recompute_function(t) for t in KEPT_TABLES]
    # Companies before people, each once: two transactions lock the rows they share in the same order.
    people = "".join(
        f"  IF TG_OP <> 'INSERT' AND {_counted('OLD')} THEN\n"
        f"    IF TG_OP = 'DELETE' OR OLD.{t}_id IS DISTINCT FROM NEW.{t}_id THEN "
        f"PERFORM kept_{t}(OLD.{t}_id); END IF;\n"
        "  END IF;\n"
        f"  IF TG_OP <> 'DELETE' THEN PERFORM kept_{t}(NEW.{t}_id); END IF;\n" for t in PEOPLE)
    out.append("CREATE OR REPLACE FUNCTION kept_activity_trigger() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n"
               f"{people}  RETURN NULL;\nEND $$")
    out.append(
        "CREATE OR REPLACE FUNCTION kept_line_trigger() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n"
        "  IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.order_id IS DISTINCT FROM NEW.order_id) THEN\n"
        "    PERFORM kept_sales_order(OLD.order_id);\n  END IF;\n"
        "  IF TG_OP <> 'DELETE' THEN PERFORM kept_sales_order(NEW.order_id); END IF;\n"
        "  RETURN NULL;\nEND $$")
    out.append("CREATE OR REPLACE FUNCTION kept_record_trigger() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n"
               "  EXECUTE format('SELECT kept_%s($1)', TG_TABLE_NAME) USING NEW.id;\n  RETURN NULL;\nEND $$")
    act_cols, line_cols = ", ".join(ACTIVITY_COLUMNS), ", ".join(LINE_COLUMNS)
    out += [
        f"CREATE TRIGGER kept_activity_ai AFTER INSERT ON activity FOR EACH ROW WHEN {_counted('NEW')} "
        "EXECUTE FUNCTION kept_activity_trigger()",
        f"CREATE TRIGGER kept_activity_au AFTER UPDATE OF {act_cols} ON activity FOR EACH ROW "
        f"WHEN ({_counted('OLD')} OR {_counted('NEW')}) EXECUTE FUNCTION kept_activity_trigger()",
        f"CREATE TRIGGER kept_activity_ad AFTER DELETE ON activity FOR EACH ROW WHEN {_counted('OLD')} "
        "EXECUTE FUNCTION kept_activity_trigger()",
        "CREATE TRIGGER kept_line_ai AFTER INSERT ON sales_order_line FOR EACH ROW WHEN (NEW.deleted_at IS NULL) "
        "EXECUTE FUNCTION kept_line_trigger()",
        f"CREATE TRIGGER kept_line_au AFTER UPDATE OF {line_cols} ON sales_order_line FOR EACH ROW "
        "WHEN (OLD.deleted_at IS NULL OR NEW.deleted_at IS NULL) EXECUTE FUNCTION kept_line_trigger()",
        "CREATE TRIGGER kept_line_ad AFTER DELETE ON sales_order_line FOR EACH ROW WHEN (OLD.deleted_at IS NULL) "
        "EXECUTE FUNCTION kept_line_trigger()",
    ]
    out += [f'CREATE TRIGGER kept_{t}_ai AFTER INSERT ON "{t}" FOR EACH ROW EXECUTE FUNCTION kept_record_trigger()'
            for t in KEPT_TABLES]
    return out


def create_statements(engine: str) -> list[str]:
    """The triggers (and a server's functions) keeping the totals, for a migration."""
    return sqlite_statements() if engine == "sqlite" else server_statements()


def drop_statements(engine: str) -> list[str]:
    """What `create_statements` made, dropped (a later migration that changes them drops, then creates)."""
    triggers = [("activity", n) for n in ("activity_ai", "activity_au", "activity_ad")]
    triggers += [("sales_order_line", n) for n in ("line_ai", "line_au", "line_ad")]
    triggers += [(t, f"{t}_ai") for t in KEPT_TABLES]
    if engine == "sqlite":
        return [f"DROP TRIGGER IF EXISTS kept_{name}" for _table, name in triggers]
    out = [f'DROP TRIGGER IF EXISTS kept_{name} ON "{table}"' for table, name in triggers]
    out += [f"DROP FUNCTION IF EXISTS {f}" for f in ("kept_activity_trigger()", "kept_line_trigger()",
                                                        "kept_record_trigger()")]
    return out + [f"DROP FUNCTION IF EXISTS kept_{t}(varchar)" for t in KEPT_TABLES]


def refill_statements(engine: str, tables: tuple[str, ...] = KEPT_TABLES) -> list[str]:
    """Every row's kept value of `tables` computed anew, set-wise (a migration's backfill, a bulk write's end).

    The last contacts: each record's latest timed and dated contact read once from the partial indexes
    (grouped, not a lookup per record), then one UPDATE from them; the orders' totals likewise from their
    lines in the order of the lines' index."""
    out = []
    for table in tables:
        if table == "sales_order":
            sums = (f"SELECT order_id AS id, sum({_net(engine)}) AS value FROM sales_order_line "
                    f"WHERE deleted_at IS NULL GROUP BY order_id")
            out += _refill_from(engine, table, "lines_net_satang", sums, "0")
            continue
        link = f"{table}_id"
        # On a file the table is read in one pass: through the partial index, each contact's row was a
        # random read for its status (20 s of the large demo's million activities, against 3 s).
        rows = "activity NOT INDEXED" if engine == "sqlite" else "activity"
        day = ("date(max(starts_at), '+7 hours')" if engine == "sqlite"
               else "(max(starts_at) + interval '7 hours')::date")
        days = (f"SELECT id, max(value) AS value FROM (SELECT {link} AS id, {day} AS value FROM {rows} "
                f"WHERE {link} IS NOT NULL AND {CONTACT} AND starts_at IS NOT NULL GROUP BY {link} "
                f"UNION ALL SELECT {link}, max(due_on) FROM {rows} WHERE {link} IS NOT NULL AND {CONTACT} "
                f"AND starts_at IS NULL GROUP BY {link}) AS days GROUP BY id")
        out += _refill_from(engine, table, "last_contact_on", days, "NULL")
    return out


def _refill_from(engine: str, table: str, column: str, values: str, none: str) -> list[str]:
    """Every row of `table` given its value from `values` (id, value), `none` where it has none, through a
    temporary table of the values; a row whose value is right already is not written."""
    t, differs = f'"{table}"', "IS NOT" if engine == "sqlite" else "IS DISTINCT FROM"
    made = ["CREATE TEMP TABLE kept_refill (id VARCHAR(36) PRIMARY KEY, value) WITHOUT ROWID",
            f"INSERT INTO kept_refill (id, value) {values}"] if engine == "sqlite" else \
        [f"CREATE TEMP TABLE kept_refill AS {values}", "ANALYZE kept_refill"]
    return [*made,
            f"UPDATE {t} SET {column} = v.value FROM kept_refill v WHERE v.id = {t}.id "
            f"AND {t}.{column} {differs} v.value",
            f"UPDATE {t} SET {column} = {none} WHERE {column} {differs} {none} "
            f"AND NOT EXISTS (SELECT 1 FROM kept_refill v WHERE v.id = {t}.id)",
            "DROP TABLE kept_refill"]


# The kept tables whose values each table's rows feed (a bulk write that drops that table's indexes
# suspends the triggers of the group and refills its kept tables at the end).
GROUPS = ((("activity", "account", "contact"), ("account", "contact")),
          (("sales_order_line", "sales_order"), ("sales_order",)))


def fed_by(table: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the tables whose kept triggers go together with `table`'s, the kept tables they keep); empty
    for a table that feeds none."""
    return next(((tables, kept) for tables, kept in GROUPS if table in tables), ((), ()))


def touched_statements(child: str, high: int) -> list[str]:
    """The kept values fed by the rows of `child` (activity, sales_order_line) above rowid `high` (a bulk
    insert's, its insert triggers set aside: `DeferredIndexes`), recomputed for the records those rows
    name only, in the order of their ids (SQLite)."""
    out = []
    for table in CHILDREN[child]:
        link = "order_id" if table == "sales_order" else f"{table}_id"
        if table == "sales_order":
            column, value = "lines_net_satang", lines_net_sql("sqlite", "kept_touched.id")
        else:  # (a column of the updated table may not be named in a subquery's FROM: the two days twice)
            timed, dated = _latest("sqlite", table, "kept_touched.id")
            column, value = "last_contact_on", f"max(coalesce({timed}, {dated}), coalesce({dated}, {timed}))"
        out += ["CREATE TEMP TABLE kept_touched (id VARCHAR(36) PRIMARY KEY, value) WITHOUT ROWID",
                f"INSERT OR IGNORE INTO kept_touched (id) SELECT {link} FROM {child} "
                f"WHERE rowid > {int(high)} AND {link} IS NOT NULL",
                f"UPDATE kept_touched SET value = {value}",
                f'UPDATE "{table}" SET {column} = v.value FROM kept_touched v WHERE v.id = "{table}".id '
                f'AND "{table}".{column} IS NOT v.value',
                "DROP TABLE kept_touched"]
    return out
