"""``python -m quoteattr``: the command line (see ``quoteattr --help``)."""

from __future__ import annotations

from ._front.cli import main

raise SystemExit(main())
