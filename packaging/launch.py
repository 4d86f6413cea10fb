"""Entry point of the packaged app: the same `kenpin` command."""

import sys

from app.cli import main

sys.exit(main())
