"""`python -m app` runs the `kenpin` command."""

import sys

from app.cli import main

sys.exit(main())
