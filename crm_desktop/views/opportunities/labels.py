"""The labels the pipeline screens share: default stage names and sales channels in the UI language
(the deal form, the board, the reports, the timeline), apart from the form and its imports."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from crm_desktop.queries.stages import StageRow

CHANNELS = ("direct", "line", "facebook", "website", "dealer")
# The names the default stages are created with: while a stage keeps it, the UI translates it.
DEFAULT_STAGE_NAMES = {
    "prospecting": "Prospecting", "qualification": "Qualification", "quotation": "Quotation",
    "negotiation": "Negotiation", "won": "Won", "lost": "Lost",
}


def stage_labels() -> dict[str, str]:
    return {
        "prospecting": QCoreApplication.translate("PipelineLabels", "Prospecting"),
        "qualification": QCoreApplication.translate("PipelineLabels", "Qualification"),
        "quotation": QCoreApplication.translate("PipelineLabels", "Quotation"),
        "negotiation": QCoreApplication.translate("PipelineLabels", "Negotiation"),
        "won": QCoreApplication.translate("PipelineLabels", "Won"),
        "lost": QCoreApplication.translate("PipelineLabels", "Lost"),
    }


def stage_label(stage: StageRow) -> str:
    """A default stage's name in the UI language while unrenamed, else the name the owner gave."""
    if stage.default_key and stage.name == DEFAULT_STAGE_NAMES.get(stage.default_key):
        return stage_labels().get(stage.default_key, stage.name)
    return stage.name


def channel_labels() -> dict[str, str]:
    return {
        "direct": QCoreApplication.translate("PipelineLabels", "Direct sale"),
        "line": QCoreApplication.translate("PipelineLabels", "LINE"),
        "facebook": QCoreApplication.translate("PipelineLabels", "Facebook"),
        "website": QCoreApplication.translate("PipelineLabels", "Website"),
        "dealer": QCoreApplication.translate("PipelineLabels", "Dealer"),
    }


def channel_label(key: str) -> str:
    return channel_labels().get(key, key)
