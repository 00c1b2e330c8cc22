"""Composition root: the `crm-desktop` entry point chooses between a command and the desktop app.

It is the one module allowed to import both the command line and the Qt views.
"""

from __future__ import annotations

from collections.abc import Sequence

from crm_desktop import cli


def main(argv: Sequence[str] | None = None) -> int:
    args = cli.build_parser().parse_args(argv)
    if args.command is not None:
        return cli.run(args)
    from crm_desktop.views.app import launch  # Qt is imported only for the desktop app

    return launch(args)
