"""Where bundled files live (the rule itself is in the shared kernel, `crm_desktop.bundled`)."""

from __future__ import annotations

from crm_desktop.bundled import RESOURCES_DIR, resource_path, resources_root

__all__ = ["RESOURCES_DIR", "resource_path", "resources_root"]
