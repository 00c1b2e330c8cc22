"""The customer 360 page and how the main window opens it (`open_customer_360`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QStyle, QTabBar, QTabWidget, QToolButton, QWidget

from crm_desktop.views.common import ViewEnv

if TYPE_CHECKING:  # the page and its queries load when the first one opens, not with the window
    from crm_desktop.queries.customer360 import Kind
    from crm_desktop.views.customer360.page import Customer360Page

__all__ = ["close_customer_pages", "open_customer_360", "open_customer_pages"]


class Host(Protocol):
    """What the page needs of the window it lives in (the main window)."""

    tabs: QTabWidget
    env: ViewEnv

    def open_record(self, kind: str, record_id: str) -> bool: ...

    def window(self) -> QWidget: ...


def open_customer_pages(host: Host) -> list[Customer360Page]:
    from crm_desktop.views.customer360.page import Customer360Page

    return [w for i in range(host.tabs.count()) if isinstance(w := host.tabs.widget(i), Customer360Page)]


def open_customer_360(host: Host, kind: str, record_id: str) -> Customer360Page | None:
    """Show the customer's 360 page: the tab already open for it, else a new closable tab after the
    fixed ones. `kind` is "account" or "contact"; other kinds open nothing."""
    if kind not in ("account", "contact"):
        return None
    from crm_desktop.views.customer360.page import Customer360Page

    for page in open_customer_pages(host):
        if (page.kind, page.record_id) == (kind, record_id):
            host.tabs.setCurrentWidget(page)
            return page
    chosen: Kind = "account" if kind == "account" else "contact"
    page = Customer360Page(host.env, chosen, record_id)
    index = host.tabs.addTab(page, QCoreApplication.translate("Customer360", "360"))
    close = QToolButton()
    close.setObjectName("c360CloseTab")
    close.setAutoRaise(True)
    close.setIcon(page.style().standardIcon(QStyle.StandardPixmap.SP_TitleBarCloseButton))
    close.setToolTip(QCoreApplication.translate("Customer360", "Close this page (Ctrl+W)"))
    close.clicked.connect(lambda: _close(host, page))
    host.tabs.tabBar().setTabButton(index, QTabBar.ButtonPosition.RightSide, close)
    page.close_requested.connect(lambda: _close(host, page))
    page.loaded.connect(lambda: _retitle(host, page))
    page.open_record.connect(host.open_record)
    page.open_customer.connect(lambda k, i: open_customer_360(host, k, i))
    host.tabs.setCurrentWidget(page)
    return page


def _retitle(host: Host, page: Customer360Page) -> None:
    index = host.tabs.indexOf(page)
    if index >= 0:
        name = page.title_text()
        short = name if len(name) <= 24 else name[:23] + "…"
        text = QCoreApplication.translate("Customer360", "360: %1").replace("%1", short)
        host.tabs.setTabText(index, text if name else QCoreApplication.translate("Customer360", "360"))
        host.tabs.setTabToolTip(index, name)


def _close(host: Host, page: Customer360Page) -> None:
    index = host.tabs.indexOf(page)
    if index < 0:  # closed already (Ctrl+W twice before the page was gone)
        return
    host.tabs.removeTab(index)
    page.env.bus.changed.disconnect(page.on_changes)
    page.deleteLater()


def close_customer_pages(host: Host) -> list[tuple[str, str]]:
    """Close every 360 page (before the window rebuilds its tabs); returns what they showed."""
    shown = []
    for page in open_customer_pages(host):
        shown.append((page.kind, page.record_id))
        _close(host, page)
    return shown
