"""Who may do what: the four roles, which kinds of record each may change, and the actions that are
not rows (settings, people, restore, erase, backups, imports, sync). Pure rules: `db/access.py`
applies them to every row a unit of work flushes and to the explicit action checks, so no service
can forget them (docs/ARCHITECTURE.md, "Logins and roles").
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from crm_desktop.errors import DomainError
from crm_desktop.messages import translate


class Role(StrEnum):
    OWNER = "owner"
    MANAGER = "manager"
    SALES = "sales"
    STAFF = "staff"


EVERYONE = frozenset(Role)
SELLERS = frozenset((Role.OWNER, Role.MANAGER, Role.SALES))
MANAGERS = frozenset((Role.OWNER, Role.MANAGER))
OWNER_ONLY = frozenset((Role.OWNER,))
# Held to their own and unassigned records of the OWNED kinds (sales: customers, leads, deals,
# documents; staff: activities, the only kind they write).
LIMITED = frozenset((Role.SALES, Role.STAFF))


@dataclass(frozen=True)
class Kind:
    """Who may write one kind of record, and its plural as a refusal names it."""

    writers: frozenset[Role]
    plural: str
    owned: bool = False  # has owner_id: LIMITED roles change only their own and unassigned rows


# Every synced table (tests/test_roles.py checks that none is missing). Lines, histories and yearly
# dates follow the kind they belong to; rows any action writes as a side effect (reminder states,
# the forecast frozen at start, alerts) are everyone's.
KINDS: dict[str, Kind] = {
    "user": Kind(OWNER_ONLY, "people"),
    "setting": Kind(OWNER_ONLY, "settings"),
    "account": Kind(SELLERS, "companies", owned=True),
    "contact": Kind(SELLERS, "contacts", owned=True),
    "contact_link": Kind(SELLERS, "contacts"),
    "consent_event": Kind(SELLERS, "contacts"),
    "anniversary": Kind(SELLERS, "special dates"),
    "lead": Kind(SELLERS, "leads", owned=True),
    "merge_log": Kind(SELLERS, "merges of duplicates"),
    "opportunity": Kind(SELLERS, "deals", owned=True),
    "opportunity_line": Kind(SELLERS, "deals"),
    "stage_history": Kind(SELLERS, "deals"),
    "quotation": Kind(SELLERS, "quotations", owned=True),
    "quotation_line": Kind(SELLERS, "quotations"),
    "sales_order": Kind(SELLERS, "orders", owned=True),
    "sales_order_line": Kind(SELLERS, "orders"),
    "case": Kind(EVERYONE, "cases", owned=True),  # a technician (staff) works the cases given to them
    "case_status_history": Kind(EVERYONE, "cases"),
    "activity": Kind(EVERYONE, "activities", owned=True),
    "activity_exception": Kind(EVERYONE, "activities"),
    "reminder": Kind(EVERYONE, "reminders"),
    "forecast_snapshot": Kind(EVERYONE, "forecasts"),
    "alert": Kind(EVERYONE, "alerts"),
    "alert_dismissal": Kind(EVERYONE, "alerts"),  # each person's own: services/alerts writes the acting person's
    "product": Kind(MANAGERS, "products"),
    "stage": Kind(MANAGERS, "pipeline stages"),
    "lead_scoring_rule": Kind(MANAGERS, "lead scoring rules"),
    "pick_list": Kind(MANAGERS, "choice lists"),
    "target": Kind(MANAGERS, "sales targets"),
    "campaign": Kind(MANAGERS, "campaigns"),
    "campaign_member": Kind(MANAGERS, "campaigns"),
    "segment": Kind(MANAGERS, "segments"),
    "segment_member": Kind(MANAGERS, "segments"),
    "alert_rule": Kind(MANAGERS, "alert rules"),
}

# Settings are the owner's, but for these keys (by prefix): a copy's claim to number quotations is
# written by whoever makes the first one; a saved import mapping goes with imports; the SLA and routing
# of cases are the managers'.
SETTING_WRITERS: tuple[tuple[str, frozenset[Role]], ...] = (
    ("numbering_office_claim.", EVERYONE),
    ("import_mapping:", MANAGERS),
    ("case_", MANAGERS),  # the SLA, office hours and routing rules of service cases
)


@dataclass(frozen=True)
class Action:
    """Something a person does that is not a row of its own (or not through the flush)."""

    allowed: frozenset[Role]
    refusal: str
    # Once allowed, the rows the action writes are not checked one by one: a sync import applies what
    # other copies' people did (checked where they did it) and the repairs that follow from it.
    covers_rows: bool = False


SETTINGS = Action(OWNER_ONLY, "Only the owner can change settings.")
USERS = Action(OWNER_ONLY, "Only the owner can add or change people and their passwords.")
RESTORE = Action(MANAGERS, "Only the owner or a manager can restore a backup.")
RESTORE_SERVER = Action(OWNER_ONLY, "Only the owner can restore the office server: it replaces the data of every "
                        "desk.")
ERASE = Action(MANAGERS, "Only the owner or a manager can erase a person's data.")
BACKUP = Action(MANAGERS, "Only the owner or a manager can make a backup by hand.")
IMPORT = Action(MANAGERS, "Only the owner or a manager can import records from a file or undo an import.")
SYNC = Action(SELLERS, "Staff cannot exchange sync files; ask someone in sales, a manager or the owner.",
              covers_rows=True)
CASE_RULES = Action(MANAGERS, "Only the owner or a manager can change the SLA and the routing of cases.")
REPAIR = Action(MANAGERS, "Only the owner or a manager can repair the clock.", covers_rows=True)


class Refused(DomainError):
    """The acting person's role does not allow this; nothing was saved. `what` (a kind's plural) is
    translated with the template."""

    def text(self, lang: str = "en") -> str:
        params = dict(self.params)
        if "what" in params:
            params["what"] = translate(str(params["what"]), lang)
        return translate(self.template, lang).format(**params)


def setting_writers(key: str) -> frozenset[Role]:
    return next((roles for prefix, roles in SETTING_WRITERS if key.startswith(prefix)), OWNER_ONLY)


def refuse_kind(role: Role, kind: Kind) -> Refused:
    """Why `role` may not write any row of `kind`."""
    if kind is KINDS["setting"]:
        return Refused(SETTINGS.refusal)
    if kind is KINDS["user"]:
        return Refused(USERS.refusal)
    if kind.writers == MANAGERS:
        return Refused("Only the owner or a manager can change {what}.", what=kind.plural)
    if role is Role.STAFF:
        return Refused("Staff can read {what} but not change them; they add and change activities.",
                       what=kind.plural)
    return Refused("Your role cannot change {what}.", what=kind.plural)


def refuse_others(kind: Kind, holder: str) -> Refused:
    """A LIMITED role changing a row that belongs to someone else."""
    return Refused("This belongs to {name}: you can change only your own and unassigned {what}.",
                   name=holder, what=kind.plural)


def check_action(role: Role, action: Action) -> None:
    if role not in action.allowed:
        raise Refused(action.refusal)
