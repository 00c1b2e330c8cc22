"""What people call the fields of accounts, contacts, leads and deals, wherever a field is named on
its own: an edit on the timeline, a sync conflict."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def field_labels() -> dict[str, str]:
    # QCoreApplication.translate in full: lupdate does not follow an alias.
    return {
        "name": QCoreApplication.translate("FieldLabels", "Name"),
        "prefix": QCoreApplication.translate("FieldLabels", "Prefix"),
        "first_name": QCoreApplication.translate("FieldLabels", "First name"),
        "last_name": QCoreApplication.translate("FieldLabels", "Last name"),
        "nickname": QCoreApplication.translate("FieldLabels", "Nickname"),
        "company_name": QCoreApplication.translate("FieldLabels", "Company"),
        "position": QCoreApplication.translate("FieldLabels", "Position"),
        "phone": QCoreApplication.translate("FieldLabels", "Phone"),
        "mobile": QCoreApplication.translate("FieldLabels", "Mobile"),
        "email": QCoreApplication.translate("FieldLabels", "E-mail"),
        "line_id": QCoreApplication.translate("FieldLabels", "LINE ID"),
        "website": QCoreApplication.translate("FieldLabels", "Website"),
        "address_line": QCoreApplication.translate("FieldLabels", "Address"),
        "subdistrict": QCoreApplication.translate("FieldLabels", "Subdistrict"),
        "district": QCoreApplication.translate("FieldLabels", "District"),
        "province": QCoreApplication.translate("FieldLabels", "Province"),
        "postcode": QCoreApplication.translate("FieldLabels", "Postcode"),
        "tax_id": QCoreApplication.translate("FieldLabels", "Tax ID"),
        "branch_code": QCoreApplication.translate("FieldLabels", "Branch"),
        "industry": QCoreApplication.translate("FieldLabels", "Industry"),
        "segment": QCoreApplication.translate("FieldLabels", "Segment"),
        "founded_on": QCoreApplication.translate("FieldLabels", "Founded"),
        "parent_id": QCoreApplication.translate("FieldLabels", "Parent company"),
        "birthday": QCoreApplication.translate("FieldLabels", "Birthday"),
        "gender": QCoreApplication.translate("FieldLabels", "Gender"),
        "income_band": QCoreApplication.translate("FieldLabels", "Income"),
        "interests": QCoreApplication.translate("FieldLabels", "Interests"),
        "interest": QCoreApplication.translate("FieldLabels", "Interested in"),
        "marketing_consent": QCoreApplication.translate("FieldLabels", "Marketing consent"),
        "consent_on": QCoreApplication.translate("FieldLabels", "Consent given on"),
        "consent_channel": QCoreApplication.translate("FieldLabels", "Consent given by"),
        "consent_wording": QCoreApplication.translate("FieldLabels", "Consent wording"),
        "budget_satang": QCoreApplication.translate("FieldLabels", "Budget"),
        "timeframe": QCoreApplication.translate("FieldLabels", "Buying timeframe"),
        "source": QCoreApplication.translate("FieldLabels", "Source"),
        "campaign_id": QCoreApplication.translate("FieldLabels", "Campaign"),
        "status": QCoreApplication.translate("FieldLabels", "Status"),
        "disqualify_reason": QCoreApplication.translate("FieldLabels", "Disqualify reason"),
        "duplicate_of_id": QCoreApplication.translate("FieldLabels", "Duplicate of"),
        "converted_account_id": QCoreApplication.translate("FieldLabels", "Converted to company"),
        "converted_contact_id": QCoreApplication.translate("FieldLabels", "Converted to contact"),
        "converted_opportunity_id": QCoreApplication.translate("FieldLabels", "Converted to deal"),
        "owner_id": QCoreApplication.translate("FieldLabels", "Owner"),
        "account_id": QCoreApplication.translate("FieldLabels", "Company"),
        "contact_id": QCoreApplication.translate("FieldLabels", "Contact"),
        "lead_id": QCoreApplication.translate("FieldLabels", "Lead"),
        "stage_id": QCoreApplication.translate("FieldLabels", "Stage"),
        "amount_satang": QCoreApplication.translate("FieldLabels", "Amount"),
        "probability": QCoreApplication.translate("FieldLabels", "Probability"),
        "expected_close": QCoreApplication.translate("FieldLabels", "Expected close"),
        "channel": QCoreApplication.translate("FieldLabels", "Sales channel"),
        "competitor": QCoreApplication.translate("FieldLabels", "Competitor"),
        "loss_reason": QCoreApplication.translate("FieldLabels", "Loss reason"),
        "notes": QCoreApplication.translate("FieldLabels", "Notes"),
        "tags": QCoreApplication.translate("FieldLabels", "Tags"),
        "deleted_at": QCoreApplication.translate("FieldLabels", "Deleted"),
    }


def field_label(name: str) -> str:
    """A field's label; a field we have no label for keeps its stored name."""
    return field_labels().get(name, name)
