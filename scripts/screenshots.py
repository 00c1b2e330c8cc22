"""Render the main tabs and dialogs to PNG files without a display (offscreen Qt).

    python scripts/screenshots.py --out docs/screenshots [--db PATH] [--lang th en]

Without --db a temporary database is filled with the medium sample data. Settings are kept in a
temporary file, so your own preferences are never touched.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
import time as time_module
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QPoint, QSettings
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication, QWidget

from crm_desktop import cli
from crm_desktop.clock import FixedClock, office_time
from crm_desktop.models import (
    Activity,
    ContactLink,
    Product,
    Quotation,
    QuotationLine,
    SalesOrder,
    SalesOrderLine,
)
from crm_desktop.queries.activities.reminders import scan_reminders
from crm_desktop.queries.sales.documents import DocumentFilter, document_count, document_keys, document_rows
from crm_desktop.services.accounts import AccountInput, account_input, create_account, update_account
from crm_desktop.services.activities.edit import ActivityInput, create_activity
from crm_desktop.services.activities.reminders import snooze_reminders, snooze_until
from crm_desktop.services.app import AppContext, database_path, open_app
from crm_desktop.services.backups import back_up_now, check_and_back_up
from crm_desktop.services.cases.cases import CaseInput, create_case, move_case
from crm_desktop.services.cases.routing import RoutingRule, set_routing_rules
from crm_desktop.services.contacts import ContactInput, contact_input, create_contact, delete_contacts, update_contact
from crm_desktop.services.opportunities import move_to_stage, set_deal_lines
from crm_desktop.services.products import ProductInput, create_product, product_input, update_product
from crm_desktop.services.sales.documents import OrderInput, OrderLineInput, QuotationInput
from crm_desktop.services.sales.lines import LineInput
from crm_desktop.services.sales.numbers import become_office
from crm_desktop.services.sales.orders import (
    Delivery,
    confirm_order,
    create_order,
    order_from_quotation,
    record_delivery,
)
from crm_desktop.services.sales.quotations import accept_quotation, create_quotation, send_quotation
from crm_desktop.services.stages import default_stage_id
from crm_desktop.sync.files import export_bundle, import_bundle
from crm_desktop.ui.crash import error_dialog
from crm_desktop.ui.prefs import Prefs
from crm_desktop.views.activities.dialog import ActivityDialog
from crm_desktop.views.app import build_main_window
from crm_desktop.views.main_window import MainWindow
from crm_desktop.views.sync.tab import PreviewDialog

SIZE = (1440, 900)
SHOT_TIME = datetime(2026, 11, 23, 3, 0)  # the images show the same dates whenever they are made
# Reports tab shots: (analysis, file name, period); an analysis not in the catalog is skipped.
REPORT_SHOTS = (("key_figures", "reports-key-figures", "last_month"), ("sales_by_rep", "reports", "last_month"),
                ("sales_by_product", "reports-products", "this_year"), ("forecast", "reports-forecast", "this_month"))


def settle(app: QApplication, rounds: int = 5) -> None:
    for _ in range(rounds):
        app.processEvents()


def save(widget: QWidget, path: Path, app: QApplication) -> None:
    settle(app)
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(path)


def shoot(ctx: AppContext, lang: str, out: Path, settings_file: Path, sync_file: Path | None = None,
          timeline_account: str | None = None, deal_with_lines: str | None = None) -> None:
    prefs = Prefs(QSettings(str(settings_file), QSettings.Format.IniFormat))
    prefs.language = lang
    window: MainWindow = build_main_window(ctx, prefs=prefs, lang=lang)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window.resize(*SIZE)
    window.show()
    settle(app)

    def tab_shot(index: int, name: str) -> None:
        window.tabs.setCurrentIndex(index)
        tab = window.current_tab()
        # Mid-list: names sort Latin before Thai, and most sample customers have Thai names.
        row = tab.model.rowCount() // 2
        tab.table.selectRow(row)
        tab.table.scrollTo(tab.model.index(row, 0))
        save(window, out / f"{lang}-{name}.png", app)

    tab_shot(window.tabs.indexOf(window.accounts_tab), "accounts")
    tab_shot(window.tabs.indexOf(window.contacts_tab), "contacts")

    def dialog_shot(name: str, opener: Callable[[], QWidget | None]) -> None:
        dialog = opener()
        if dialog is None:
            raise SystemExit(f"{name}: nothing to show")
        dialog.resize(dialog.sizeHint().expandedTo(dialog.size()))
        save(dialog, out / f"{lang}-{name}.png", app)
        dialog.close()
        settle(app)

    if timeline_account is not None:  # an account's detail pane scrolled to its timeline
        window.tabs.setCurrentIndex(window.tabs.indexOf(window.accounts_tab))
        window.accounts_tab.show_record(timeline_account)
        settle(app)
        window.accounts_tab.detail_area.ensureWidgetVisible(window.accounts_tab.timeline, 0, 0)
        save(window, out / f"{lang}-account-timeline.png", app)

    if timeline_account is not None:  # the customer 360 page of the same account, with its sales
        page = window.open_customer_360("account", timeline_account)
        assert page is not None
        for _ in range(200):
            if page.data is not None and page.task is None:
                break
            settle(app, 1)
            time_module.sleep(0.02)
        save(window, out / f"{lang}-customer360.png", app)
        page.close_requested.emit()

    window.tabs.setCurrentIndex(window.tabs.indexOf(window.accounts_tab))
    dialog_shot("account-dialog", window.accounts_tab.edit_record)
    window.tabs.setCurrentIndex(window.tabs.indexOf(window.contacts_tab))
    dialog_shot("contact-dialog", window.contacts_tab.edit_record)
    dialog_shot("settings", window.open_settings)

    def backups_page() -> QWidget | None:
        dialog = window.open_settings()
        if dialog is not None:
            dialog.pages.setCurrentWidget(dialog.backups)
        return dialog

    dialog_shot("backups", backups_page)

    def users_page() -> QWidget | None:
        dialog = window.open_settings()
        if dialog is not None:
            dialog.pages.setCurrentWidget(dialog.users_page)
        return dialog

    dialog_shot("users", users_page)
    dialog_shot("connect-server", window.open_connect)
    dialog_shot("about", window.show_about)
    dialog_shot("error-report", lambda: error_sample(window))
    leads_tab = getattr(window, "leads_tab", None)
    if leads_tab is not None:  # the Leads tab, once the main window has it
        tab_shot(window.tabs.indexOf(leads_tab), "leads")
        dialog_shot("lead-dialog", leads_tab.edit_record)
        dialog_shot("scoring-rules", leads_tab.open_scoring_rules)
        dialog_shot("campaigns", leads_tab.open_campaigns)
    opportunities_tab = getattr(window, "opportunities_tab", None)
    if opportunities_tab is not None:  # the Deals tab: its list, its board and the deal dialog
        opportunities_tab.show_list()
        tab_shot(window.tabs.indexOf(opportunities_tab), "opportunities")
        dialog_shot("opportunity-dialog", opportunities_tab.edit_record)
        opportunities_tab.show_board()
        save(window, out / f"{lang}-board.png", app)
        opportunities_tab.show_list()
    products_tab = getattr(window, "products_tab", None)
    if products_tab is not None:  # the Products tab: a product with a price history, its form
        if deal_with_lines is None:
            tab_shot(window.tabs.indexOf(products_tab), "products")
        else:
            window.tabs.setCurrentWidget(products_tab)
            products_tab.show_record(products_tab_pick(ctx))
            save(window, out / f"{lang}-products.png", app)
        dialog_shot("product-dialog", products_tab.edit_record)
        if deal_with_lines is not None and opportunities_tab is not None:
            window.tabs.setCurrentWidget(opportunities_tab)
            opportunities_tab.show_record(deal_with_lines)
            dialog_shot("deal-lines", opportunities_tab.edit_lines)

    orders_tab = getattr(window, "orders_tab", None)
    if orders_tab is not None:  # the Orders tab: quotations, sales orders (late ones marked), their forms
        window.tabs.setCurrentWidget(orders_tab)
        for page, name in ((orders_tab.quotations, "quotations"), (orders_tab.orders, "orders")):
            orders_tab.reveal(page)
            page.refresh()
            if page.model.rowCount():  # the orders page shows its oldest order: late, marked in red
                page.table.selectRow(page.model.rowCount() - 1 if page is orders_tab.orders else 0)
            save(window, out / f"{lang}-{name}.png", app)
        orders_tab.reveal(orders_tab.quotations)
        dialog_shot("quotation-dialog", lambda: orders_tab.quotations.edit_record(
            first_document(window, "quotation", "draft")))
        orders_tab.reveal(orders_tab.orders)
        orders_tab.orders.show_record(first_document(window, "sales_order", "partly_delivered"))
        dialog_shot("delivery-dialog", orders_tab.orders.record_delivery)

    cases_tab = getattr(window, "cases_tab", None)
    if cases_tab is not None:  # the Cases tab: open cases (late ones in red), the board, a case, SLA and routing
        window.tabs.setCurrentWidget(cases_tab)
        cases_tab.refresh()
        late = [r for r in range(cases_tab.model.rowCount())
                if (row := cases_tab.model.row_at(r)) is not None and row.breached(ctx.now())]
        cases_tab.table.selectRow(late[min(3, len(late) - 1)] if late else 0)  # newer late ones above it, red
        save(window, out / f"{lang}-cases.png", app)
        cases_tab.board_button.setChecked(True)
        save(window, out / f"{lang}-cases-board.png", app)
        cases_tab.board_button.setChecked(False)
        # The sample case with its history where the samples were made (a file); else the selected one.
        dialog_shot("case-dialog", lambda: cases_tab.edit_record(
            cases_sample_pick(ctx) if timeline_account is not None else None))
        dialog_shot("case-rules", cases_tab.open_rules)

    window.tabs.setCurrentWidget(window.activities_tab)
    save(window, out / f"{lang}-activities.png", app)
    today = window.activities_tab.rows("today")
    if today:
        window.activities_tab.select(today[0].activity_id, today[0].occurrence)

        def complete_dialog() -> QWidget | None:
            dialog = window.activities_tab.mark_done()
            if dialog is not None:
                dialog.outcome.setPlainText("ลูกค้าสนใจรุ่นใหม่ ขอใบเสนอราคา 20 ชุด" if lang == "th"
                                            else "Interested in the new model; wants a quotation for 20 sets")
                dialog.next_box.setChecked(True)
            return dialog

        dialog_shot("activity-done", complete_dialog)
        dialog_shot("activity-hand-over", window.activities_tab.hand_over)

    window.tabs.setCurrentWidget(window.calendar_tab)
    for mode in ("week", "month", "agenda"):  # the activity calendar on the clock's week and month
        window.calendar_tab.set_mode(mode)
        save(window, out / f"{lang}-calendar-{mode}.png", app)
    window.calendar_tab.set_mode("week")

    anniversaries_tab = getattr(window, "anniversaries_tab", None)
    if anniversaries_tab is not None:  # the month of birthdays and founding days, the next 30 days
        window.tabs.setCurrentWidget(anniversaries_tab)
        anniversaries_tab.show_this_month()
        anniversaries_tab.list.selectRow(0)
        save(window, out / f"{lang}-anniversaries.png", app)
        window.tabs.setCurrentIndex(window.tabs.indexOf(window.contacts_tab))
        dialog_shot("special-date", window.contacts_tab.dates_box.add_date)
    alerts_tab = getattr(window, "alerts_tab", None)
    if alerts_tab is not None:  # what the rules find in the sample data, the count on the tab; the rule editor
        window.alerts.scan()
        wait_until(app, lambda: not window.alerts.scanning, seconds=60)
        window.tabs.setCurrentWidget(alerts_tab)
        alerts_tab.reload()
        alerts_tab.table.selectRow(0)
        save(window, out / f"{lang}-alerts.png", app)
        dialog_shot("alert-rules", window.open_alert_rules)
    reports_tab = getattr(window, "reports_tab", None)
    if reports_tab is not None:  # the Reports tab: analyses with their charts, and the monthly report page
        window.tabs.setCurrentWidget(reports_tab)
        for key, name, period in REPORT_SHOTS:
            if reports_tab.choose(key):
                period_combo = reports_tab.filters.period
                period_combo.setCurrentIndex(period_combo.findData(period))
                wait_until(app, lambda: reports_tab.task is None)
                save(window, out / f"{lang}-{name}.png", app)
        reports_tab.open_monthly_report("2026-10")
        wait_until(app, lambda: reports_tab.monthly.task is None, seconds=60)
        save(window, out / f"{lang}-monthly-report.png", app)
        reports_tab.pages.setCurrentIndex(0)
    window.tabs.setCurrentIndex(window.tabs.indexOf(window.accounts_tab))
    dialog_shot("activity-dialog", window.accounts_tab.new_activity)  # New activity on the account shown
    dialog_shot("activity-dialog-series", lambda: ActivityDialog(window.env, window, preset=weekly_meeting(window)))

    marketing_shots(window, app, lang, out, dialog_shot)

    # The reminder window as it comes up at start: what fell due in the morning, one of them snoozed.
    window.reminders.since = SHOT_TIME - timedelta(hours=12)
    dialog_shot("reminders", lambda: window.reminders.check() and window.reminders.window)

    window.tabs.setCurrentWidget(window.sync_tab)
    window.sync_tab.reload()
    save(window, out / f"{lang}-sync.png", app)
    if sync_file is not None:
        preview = import_bundle(ctx.database, ctx.user_id, sync_file, dry_run=True)
        dialog_shot("sync-preview", lambda: PreviewDialog(preview, window.env, window))

    window.focus_search()
    window.search_edit.setText("ศรี" if lang == "th" else "gmail")
    window.search_popup.run_search()
    settle(app)
    # The results list is a separate pop-up window: paint it where it sits over the main window.
    shot = window.grab()
    painter = QPainter(shot)
    popup = window.search_popup.list
    painter.drawPixmap(window.mapFromGlobal(popup.mapToGlobal(QPoint(0, 0))), popup.grab())
    painter.end()
    path = out / f"{lang}-search.png"
    if not shot.save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(path)
    window.close()
    if window.language is not None:
        window.language.apply("en")  # take this language's translators off, or the next one speaks it too
    settle(app)


def marketing_shots(window: MainWindow, app: QApplication, lang: str, out: Path,
                    dialog_shot: Callable[[str, Callable[[], QWidget | None]], None]) -> None:
    """The Marketing tab on a campaign that has run (members by response, its ROI), the segments list and
    the segment editor on the owner's example, its live count done."""
    from crm_desktop.views.marketing.tab import MarketingTab

    tab = window.slots["marketing"].content()
    assert isinstance(tab, MarketingTab)
    window.tabs.setCurrentWidget(tab)
    ran = next((i for i, c in enumerate(tab.campaign_rows) if c.status == "done"), 0)
    tab.campaign_table.selectRow(ran)
    settle(app)
    save(window, out / f"{lang}-marketing.png", app)
    tab.pages.setCurrentIndex(1)
    tab.segment_table.selectRow(next((i for i, s in enumerate(tab.segments) if "30-45" in s.name), 0))
    settle(app)
    save(window, out / f"{lang}-segments.png", app)

    def editor() -> QWidget | None:
        opened = tab.open_segment()
        if opened is not None:
            wait_until(app, lambda: opened.counted is not None and opened.count_task is None)
        return opened

    dialog_shot("segment-editor", editor)
    tab.pages.setCurrentIndex(0)


def error_sample(window: MainWindow) -> QWidget:
    """The dialog of an unexpected error, as a failing save shows it."""
    try:
        raise RuntimeError("a sample failure")
    except RuntimeError as exc:
        box = error_dialog(window, exc, QCoreApplication.translate(
            "ErrorDialogs", "The action failed and nothing was saved."))
    box.show()
    return box


def wait_until(app: QApplication, done: Callable[[], bool], seconds: float = 20) -> None:
    """Let background work (an analysis, a PDF) finish, painting meanwhile."""
    end = time_module.monotonic() + seconds
    while not done() and time_module.monotonic() < end:
        settle(app, 1)
        time_module.sleep(0.02)
    settle(app)


def first_document(window: MainWindow, kind: str, status: str) -> str:
    """The newest quotation or order in `status` (the sample data has one of each)."""
    db = window.env.db
    keys = document_keys(db, kind, DocumentFilter(status=status))
    return document_rows(db, kind, keys[:1])[0].id


def weekly_meeting(window: MainWindow) -> ActivityInput:
    """A filled activity form: a weekly meeting with a customer, a reminder and an end to the series."""
    preset = window.accounts_tab.activity_preset()
    return ActivityInput(
        kind="meeting", subject="ประชุมติดตามงานติดตั้งแอร์ประจำสัปดาห์", location="ห้องประชุมชั้น 3",
        details="สรุปงานที่ติดตั้งแล้ว ปัญหาหน้างาน และนัดช่างรอบถัดไป", priority="high",
        starts_at=datetime(2026, 11, 24, 9, 30), ends_at=datetime(2026, 11, 24, 10, 30), remind_minutes=15,
        rrule="FREQ=WEEKLY;BYDAY=TU,TH;COUNT=12", account_id=preset.account_id if preset else None,
    )


def reminder_sample(ctx: AppContext, clock: FixedClock) -> None:
    """Activities of this user whose reminders fell due this morning (one snoozed at 09:00 for an
    hour) and a customer's birthday, for the reminder window."""
    with sqlite3.connect(ctx.database.path) as conn:
        accounts = [r[0] for r in conn.execute("SELECT id FROM account WHERE deleted_at IS NULL ORDER BY name LIMIT 3")]
    office = office_time(SHOT_TIME)
    plans = [("call", "โทรยืนยันใบเสนอราคา", timedelta(minutes=15), 15), ("meeting", "ประชุมสรุปยอดสั่งซื้อ",
             timedelta(hours=1), 60), ("visit", "เยี่ยมลูกค้าที่สาขาบางนา", timedelta(hours=2), 3 * 60)]
    for (kind, subject, start, before), account in zip(plans, accounts + [None] * 3, strict=False):
        create_activity(ctx.uow(), ActivityInput(kind=kind, subject=subject, starts_at=office + start,
                                                 ends_at=office + start + timedelta(minutes=45),
                                                 remind_minutes=before, account_id=account))
    create_contact(ctx.uow(), ContactInput(prefix="คุณ", first_name="วิภา", last_name="ศรีสุข", owner_id=ctx.user_id,
                                           birthday=date(1981, 11, 26)), ctx.today())  # reminds 3 days before
    moment = clock.moment
    clock.set(SHOT_TIME - timedelta(hours=1))
    due = scan_reminders(ctx.database, ctx.user_id, SHOT_TIME - timedelta(hours=12), clock.now()).due
    snooze_reminders(ctx.uow(), ctx.user_id, [due[0].key], snooze_until("1h", clock.now()))
    clock.set(moment)


def sync_sample(ctx: AppContext, folder: Path) -> Path:
    """A branch copy that received everything, both copies changing one phone: history and a conflict.

    Returns a second file from the branch (new and changed records) for the import preview."""
    branch = open_app(folder / "branch.sqlite3", clock=ctx.clock)
    try:
        export_bundle(ctx.database, folder / "crm-sync-office.zip", everything=True)
        import_bundle(branch.database, branch.user_id, folder / "crm-sync-office.zip")
        with sqlite3.connect(ctx.database.path) as conn:
            account_id = conn.execute("SELECT id FROM account ORDER BY name LIMIT 1 OFFSET 40").fetchone()[0]
        for copy, phone in ((ctx, "053111222"), (branch, "053999888")):
            data = account_input(copy.uow(), account_id)
            data.phone = phone
            update_account(copy.uow(), account_id, data, copy.today())
        export_bundle(branch.database, folder / "crm-sync-branch.zip", user_id=branch.user_id)
        import_bundle(ctx.database, ctx.user_id, folder / "crm-sync-branch.zip")
        with sqlite3.connect(branch.database.path) as conn:
            people = [r[0] for r in conn.execute("SELECT id FROM contact ORDER BY id LIMIT 12")]
        for name in ("ร้านข้าวซอยลำดวน", "Chiang Rai Tea House", "หจก. แม่ริมการเกษตร"):
            create_account(branch.uow(), AccountInput(name=name, province="เชียงใหม่"), branch.today())
        delete_contacts(branch.uow(), people[:2])
        for contact_id in people[2:]:
            data = contact_input(branch.uow(), contact_id)
            data.notes = "นัดเยี่ยมลูกค้าเดือนหน้า"
            update_contact(branch.uow(), contact_id, data, branch.today())
        export_bundle(branch.database, folder / "crm-sync-branch-2.zip", user_id=branch.user_id)
    finally:
        branch.close()
    return folder / "crm-sync-branch-2.zip"


def timeline_sample(ctx: AppContext) -> str:
    """An account with a deal and a contact, some calls and meetings, a deal move and an edit: returns its id."""
    with sqlite3.connect(ctx.database.path) as conn:
        account_id, contact_id, deal_id, rep_id = conn.execute(
            "SELECT o.account_id, c.id, o.id, u.id FROM opportunity o JOIN contact c ON c.account_id = o.account_id "
            "JOIN user u ON u.id = o.owner_id JOIN stage s ON s.id = o.stage_id "
            "WHERE o.deleted_at IS NULL AND s.kind = 'open' ORDER BY o.name LIMIT 1").fetchone()
    day = timedelta(days=1)
    with ctx.uow() as uow:
        for kind, subject, outcome, links, when in (
            ("call", "โทรแนะนำสินค้าใหม่", "สนใจ ขอใบเสนอราคา", {"contact_id": contact_id}, -20 * day),
            ("visit", "เยี่ยมโรงงานที่ลำพูน", "ดูไลน์ผลิตแล้ว ต้องการ 2 เครื่อง", {"account_id": account_id}, -12 * day),
            ("email", "ส่งใบเสนอราคา", "", {"opportunity_id": deal_id}, -10 * day),
            ("call", "โทรติดตามใบเสนอราคา", "ลูกค้าขอส่วนลดเพิ่ม 5%", {"contact_id": contact_id}, -3 * day),
            ("meeting", "ประชุมสรุปสเปกและราคา", "", {"opportunity_id": deal_id}, 4 * day),
        ):
            status = "done" if when < timedelta(0) else "planned"
            uow.activities.add(Activity(kind=kind, subject=subject, outcome=outcome, status=status,
                                        starts_at=SHOT_TIME + when, owner_id=rep_id, assignee_id=rep_id, **links))
        uow.commit()
    move_to_stage(ctx.uow(), deal_id, default_stage_id("negotiation"), ctx.now())
    data = account_input(ctx.uow(), account_id)
    data.phone, data.segment = "053111222", "ลูกค้าหลัก"
    update_account(ctx.uow(), account_id, data, ctx.today())
    return str(account_id)


def sales_sample(ctx: AppContext, account_id: str) -> None:
    """Two years of an air-conditioning shop's sales for the 360 page: the account buys cleaning and
    gas every few months, other customers buy around it, a quotation waits, an order is late."""
    import random

    rnd = random.Random(360)
    catalogue = [("AC-12K", "แอร์ติดผนัง Inverter 12,000 BTU", "เครื่อง", 1_890_000),
                 ("CLEAN-1", "ล้างแอร์ประจำปี (ต่อเครื่อง)", "ครั้ง", 60_000),
                 ("R32-1", "เติมน้ำยาแอร์ R32", "ครั้ง", 120_000),
                 ("PIPE-4", "ท่อน้ำยาแอร์ 4 หุน พร้อมฉนวน", "เมตร", 35_000),
                 ("REMOTE", "รีโมทแอร์อเนกประสงค์", "ชิ้น", 45_000),
                 ("FAN-16", "พัดลมตั้งพื้น 16 นิ้ว", "เครื่อง", 129_000),
                 ("FILTER", "แผ่นกรองฝุ่น PM2.5 สำหรับแอร์", "แผ่น", 39_000),
                 ("GIFT-NY", "กระเช้าของขวัญปีใหม่", "ชุด", 150_000)]
    with sqlite3.connect(ctx.database.path) as conn:
        others = [r[0] for r in conn.execute(
            "SELECT id FROM account WHERE deleted_at IS NULL AND id != ? ORDER BY id LIMIT 40", (account_id,))]
        people = [r[0] for r in conn.execute(
            "SELECT id FROM contact WHERE account_id = ? AND deleted_at IS NULL ORDER BY id LIMIT 2", (account_id,))]
    with ctx.uow() as uow:
        ids = {}
        for sku, name, unit, price in catalogue:
            product = uow.products.add(Product(sku=sku, name_th=name, unit=unit, price_satang=price))
            uow.session.flush()
            ids[sku] = (product.id, name, unit, price)
        number = 0

        def order(customer: str, issued: date, status: str, items: list[tuple[str, int]],
                  promised: date | None = None) -> None:
            nonlocal number
            number += 1
            row = uow.orders.add(SalesOrder(number=f"SO2569-{number:04d}", issued_on=issued, status=status,
                                            account_id=customer))
            uow.session.flush()
            for position, (sku, qty) in enumerate(items):
                pid, name, unit, price = ids[sku]
                uow.order_lines.add(SalesOrderLine(order_id=row.id, product_id=pid, description=name, unit=unit,
                                                   quantity_milli=qty * 1000, unit_price_satang=price,
                                                   position=position, promised_on=promised))

        today = ctx.today()
        for months in range(24, 0, -3):  # every three months: cleaning, sometimes gas and filters
            day = today - timedelta(days=30 * months + rnd.randrange(5))
            items = [("CLEAN-1", 8)] + ([("R32-1", 2)] if months % 6 == 0 else [])
            items += [("FILTER", 8)] if months % 2 else []
            order(account_id, day, "invoiced", items)
        order(account_id, today - timedelta(days=400), "invoiced", [("AC-12K", 4), ("PIPE-4", 20)])
        order(account_id, today - timedelta(days=20), "confirmed", [("AC-12K", 2), ("PIPE-4", 10)],
              promised=today - timedelta(days=5))
        for i, other in enumerate(others):
            basket = [("CLEAN-1", 2), ("R32-1", 1)] if i % 2 else [("AC-12K", 1), ("PIPE-4", 6)]
            extra = [("REMOTE", 1)] if i % 3 == 0 else [("FAN-16", 2)] if i % 5 == 0 else []
            order(other, today - timedelta(days=rnd.randrange(30, 600)), "delivered", basket + extra)
        quotation = uow.quotations.add(Quotation(number="QT2569-0042", issued_on=today - timedelta(days=6),
                                                 status="sent", valid_until=today + timedelta(days=24),
                                                 account_id=account_id))
        uow.session.flush()
        for position, (sku, qty) in enumerate((("AC-12K", 6), ("PIPE-4", 30), ("CLEAN-1", 6))):
            pid, name, unit, price = ids[sku]
            uow.quotation_lines.add(QuotationLine(quotation_id=quotation.id, product_id=pid, description=name,
                                                  unit=unit, quantity_milli=qty * 1000, unit_price_satang=price,
                                                  discount_bp=500, position=position))
        if len(people) == 2:
            uow.contact_links.add(ContactLink(contact_id=people[0], other_contact_id=people[1], kind="colleague"))
        uow.commit()


PRODUCTS = (  # sku, Thai name, English name, category, unit, price, cost (baht), VAT-able
    ("AC-09INV", "แอร์ติดผนังอินเวอร์เตอร์ 9,000 BTU", "Inverter wall air conditioner 9,000 BTU", "เครื่องปรับอากาศ",
     "เครื่อง", 13_900, 10_500, True),
    ("AC-12INV", "แอร์ติดผนังอินเวอร์เตอร์ 12,000 BTU", "Inverter wall air conditioner 12,000 BTU",
     "เครื่องปรับอากาศ", "เครื่อง", 15_900, 12_000, True),
    ("AC-18INV", "แอร์ติดผนังอินเวอร์เตอร์ 18,000 BTU", "Inverter wall air conditioner 18,000 BTU",
     "เครื่องปรับอากาศ", "เครื่อง", 22_500, 17_800, True),
    ("AC-36CS", "แอร์แขวนใต้ฝ้า 36,000 BTU", "Ceiling suspended air conditioner 36,000 BTU", "เครื่องปรับอากาศ",
     "เครื่อง", 48_900, 39_000, True),
    ("FAN-16S", "พัดลมตั้งพื้น 16 นิ้ว", "Stand fan 16 inch", "เครื่องใช้ไฟฟ้า", "เครื่อง", 1_290, 850, True),
    ("FAN-AC18", "พัดลมไอเย็น 18 ลิตร", "Evaporative air cooler 18 L", "เครื่องใช้ไฟฟ้า", "เครื่อง", 4_590, 3_300, True),
    ("PRN-LJ01", "เครื่องพิมพ์เลเซอร์ขาวดำ", "Mono laser printer", "อุปกรณ์สำนักงาน", "เครื่อง", 5_990, 4_700, True),
    ("PPR-A4", "กระดาษถ่ายเอกสาร A4 80 แกรม", "Copy paper A4 80 gsm", "อุปกรณ์สำนักงาน", "กล่อง", 590, 455, True),
    ("GFT-NY01", "กระเช้าของขวัญปีใหม่ ผลไม้รวม", "New Year fruit gift basket", "ของขวัญ", "ชุด", 1_500, 980, True),
    ("GFT-NY02", "กระเช้าของขวัญปีใหม่ พรีเมียม", "New Year premium gift basket", "ของขวัญ", "ชุด", 2_900, 2_050, True),
    ("SV-CLN", "ค่าบริการล้างแอร์", "Air conditioner cleaning", "บริการ", "ครั้ง", 600, 250, True),
    ("SV-INST", "ค่าติดตั้งแอร์พร้อมท่อ 4 เมตร", "Air conditioner installation with 4 m piping", "บริการ", "ครั้ง",
     3_500, 2_200, True),
    ("SV-MA-Y", "สัญญาบำรุงรักษารายปี", "Yearly maintenance contract", "บริการ", "เดือน", 1_200, 400, True),
    ("SP-CMP1", "คอมเพรสเซอร์ รุ่นเล็ก", "Compressor, small", "อะไหล่", "ชิ้น", 7_800, 6_100, True),
    ("RICE-HM5", "ข้าวหอมมะลิ 5 กิโลกรัม", "Jasmine rice 5 kg", "ของขวัญ", "ถุง", 245, 190, False),
)


def products_sample(ctx: AppContext) -> str:
    """The price list, one product repriced twice (its price history), and a deal quoting three lines:
    returns the deal's id."""
    ids = {}
    for sku, name_th, name_en, category, unit, price, cost, vatable in PRODUCTS:
        ids[sku] = create_product(ctx.uow(), ProductInput(
            sku=sku, name_th=name_th, name_en=name_en, category=category, unit=unit, price_satang=price * 100,
            cost_satang=cost * 100, vatable=vatable)).created[0]
    for price, cost in ((16_500, 12_400), (15_900, 12_400)):
        data = product_input(ctx.uow(), ids["AC-12INV"])
        data.price_satang, data.cost_satang = price * 100, cost * 100
        update_product(ctx.uow(), ids["AC-12INV"], data)
    with sqlite3.connect(ctx.database.path) as conn:
        deal_id = conn.execute("SELECT o.id FROM opportunity o JOIN stage s ON s.id = o.stage_id "
                               "WHERE o.deleted_at IS NULL AND s.kind = 'open' ORDER BY o.name LIMIT 1").fetchone()[0]
    set_deal_lines(ctx.uow(), deal_id, [
        LineInput("แอร์ติดผนังอินเวอร์เตอร์ 12,000 BTU", 4000, 15_900_00, ids["AC-12INV"], "เครื่อง", discount_bp=500),
        LineInput("ค่าติดตั้งแอร์พร้อมท่อ 4 เมตร", 4000, 3_500_00, ids["SV-INST"], "ครั้ง"),
        LineInput("ค่าบริการล้างแอร์ (ปีแรก)", 4000, 0, ids["SV-CLN"], "ครั้ง", price_zero_confirmed=True),
    ])
    return str(deal_id)


def cases_sample(ctx: AppContext, account_id: str) -> None:
    """Routing rules (a team for repairs, one person for Chiang Mai) and a case of the sample account
    that went through a few steps: its history and time per status."""
    with sqlite3.connect(ctx.database.path) as conn:
        reps = [r[0] for r in conn.execute("SELECT id FROM user WHERE role = 'sales' AND active ORDER BY name LIMIT 3")]
    set_routing_rules(ctx.uow(), [RoutingRule("province", "เชียงใหม่", (reps[0],)),
                                  RoutingRule("category", "ซ่อมแซม", tuple(reps), "ทีมช่างแอร์")])
    clock = ctx.database.time
    clock.set(SHOT_TIME - timedelta(days=3, hours=20))  # type: ignore[attr-defined]  # Thursday 14:00
    case_id = create_case(ctx.uow(), CaseInput(
        subject="แอร์ห้องประชุมชั้น 3 ไม่เย็น มีน้ำหยด", account_id=account_id, channel="line", category="ซ่อมแซม",
        priority="high", description="ลูกค้าแจ้งทาง LINE OA พร้อมรูปถ่าย แอร์อายุ 2 ปี ยังอยู่ในประกัน")).case_id
    for hours, status in ((1.5, "in_progress"), (20, "waiting"), (45, "in_progress")):
        clock.advance(timedelta(hours=hours))  # type: ignore[attr-defined]
        move_case(ctx.uow(), case_id, status)
    clock.set(SHOT_TIME)  # type: ignore[attr-defined]


def cases_sample_pick(ctx: AppContext) -> str:
    with sqlite3.connect(ctx.database.path) as conn:
        return str(conn.execute('SELECT id FROM "case" WHERE subject LIKE \'แอร์ห้องประชุม%\'').fetchone()[0])


def products_tab_pick(ctx: AppContext) -> str:
    """The product repriced in `products_sample`, to show its price history."""
    with sqlite3.connect(ctx.database.path) as conn:
        return str(conn.execute("SELECT id FROM product WHERE sku = 'AC-12INV'").fetchone()[0])


def my_day_sample(ctx: AppContext) -> None:
    """The owner's day: something late, today's calls and visits, the week ahead (Thai subjects)."""
    with sqlite3.connect(ctx.database.path) as conn:
        accounts = [r[0] for r in conn.execute("SELECT id FROM account WHERE deleted_at IS NULL ORDER BY id LIMIT 6")]
    today = office_time(ctx.now()).date()
    plan = (
        (-1, 16, "call", "โทรตามใบแจ้งหนี้ที่เลยกำหนด", "high"),
        (0, 9, "meeting", "ประชุมทีมขายประจำสัปดาห์", "normal"),
        (0, 13, "visit", "เยี่ยมลูกค้า นำเสนอแคตตาล็อกใหม่", "high"),
        (0, 15, "call", "โทรยืนยันวันส่งสินค้า", "normal"),
        (1, 10, "email", "ส่งใบเสนอราคาพร้อมส่วนลด", "normal"),
        (3, 14, "visit", "ตรวจงานติดตั้งที่สาขาเชียงใหม่", "low"),
    )
    for (days, hour, kind, subject, priority), account_id in zip(plan, accounts, strict=False):
        starts = datetime.combine(today + timedelta(days=days), time(hour))
        create_activity(ctx.uow(), ActivityInput(
            kind=kind, subject=subject, starts_at=starts, ends_at=starts + timedelta(hours=1), owner_id=ctx.user_id,
            assignee_id=ctx.user_id, priority=priority, account_id=account_id))
    create_activity(ctx.uow(), ActivityInput(kind="task", subject="สรุปยอดขายส่งผู้จัดการ", due_on=today,
                                             all_day=True, owner_id=ctx.user_id, assignee_id=ctx.user_id))


def orders_sample(ctx: AppContext) -> None:
    """Quotations in each state and orders along their way, one of them late, when the data has none."""
    if document_count(ctx.database, "quotation", DocumentFilter()):
        return
    become_office(ctx.uow())  # the office's own numbers, without a copy code
    with sqlite3.connect(ctx.database.path) as conn:
        accounts = [r[0] for r in conn.execute("SELECT id FROM account WHERE deleted_at IS NULL ORDER BY id LIMIT 8")]
    today, day = ctx.today(), timedelta(days=1)
    with sqlite3.connect(ctx.database.path) as conn:  # the sample price list's products, when it is there
        skus = dict(conn.execute("SELECT sku, id FROM product WHERE deleted_at IS NULL"))
    aircon = LineInput("แอร์ติดผนังอินเวอร์เตอร์ 12,000 BTU", 4000, 1_590_000, skus.get("AC-12INV"), "เครื่อง")
    install = LineInput("ค่าติดตั้งแอร์พร้อมท่อ 4 เมตร", 4000, 350_000, skus.get("SV-INST"), "ครั้ง")
    clean = LineInput("ล้างแอร์ประจำปี (สัญญา 12 เดือน)", 12_000, 60_000, unit="ครั้ง", discount_bp=1000)
    steps = ("draft", "sent", "accepted", "sent", "draft", "accepted")
    for i, (account_id, step) in enumerate(zip(accounts, steps, strict=False)):
        lines = [aircon, install] if i % 2 == 0 else [clean]
        data = QuotationInput(account_id=account_id, issued_on=today - (12 - i) * day, lines=lines,
                              payment_terms="เครดิต 30 วัน", remarks="ราคานี้รวมค่าขนส่งในเขตกรุงเทพฯ")
        quotation = create_quotation(ctx.uow(), data, today).created[0]
        if step != "draft":
            send_quotation(ctx.uow(), quotation, today, ctx.now())
        if step == "accepted":
            accept_quotation(ctx.uow(), quotation, today)
            order = order_from_quotation(ctx.uow(), quotation, today).created[0]
            confirm_order(ctx.uow(), order, today, ctx.now())
    for n, account_id in enumerate(accounts[5:8]):
        promised = [today - (3 - n) * day, today + 7 * day]
        lines = [OrderLineInput("ตู้แช่เครื่องดื่ม 2 ประตู", 2000, 2_450_000, unit="ตู้", promised_on=promised[0]),
                 OrderLineInput("พัดลมไอเย็น 40 ลิตร", 6000, 590_000, unit="เครื่อง", promised_on=promised[1])]
        order = create_order(ctx.uow(), OrderInput(account_id=account_id, issued_on=today - 10 * day, lines=lines),
                             today).created[0]
        confirm_order(ctx.uow(), order, today, ctx.now())
        if n:
            first = order_lines(ctx, order)[:n]
            record_delivery(ctx.uow(), order, [Delivery(line, 2000, today - day, "DN-0412") for line in first],
                            today)


def order_lines(ctx: AppContext, order_id: str) -> list[str]:
    with sqlite3.connect(ctx.database.path) as conn:
        return [r[0] for r in conn.execute("SELECT id FROM sales_order_line WHERE order_id = ? ORDER BY position",
                                           (order_id,))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--db", help="a database file or an office server's URL")
    parser.add_argument("--lang", nargs="+", default=["th", "en"], choices=("th", "en"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = database_path(args.db) if args.db else Path(tmp) / "screenshots.sqlite3"
        clock = FixedClock(SHOT_TIME, step=timedelta(milliseconds=1))
        ctx = open_app(db, clock=clock)
        try:
            if cli.is_empty(ctx):
                cli.fill_demo(ctx, "medium")
            sync_file = timeline_account = deal_with_lines = None
            if args.db is None:  # backups and sync history to show (never in someone's own folder)
                check_and_back_up(ctx, ctx.today())
                back_up_now(ctx.database.path, now=ctx.now())
                sync_file = sync_sample(ctx, Path(tmp))
                timeline_account = timeline_sample(ctx)
                sales_sample(ctx, timeline_account)
                my_day_sample(ctx)
                reminder_sample(ctx, clock)
                deal_with_lines = products_sample(ctx)
                orders_sample(ctx)
                cases_sample(ctx, timeline_account)
            for lang in args.lang:
                shoot(ctx, lang, args.out, Path(tmp) / "settings.ini", sync_file, timeline_account, deal_with_lines)
        finally:
            ctx.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
