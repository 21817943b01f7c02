"""``python -m capseg_desktop.cli``: the command line, as ``capseg``."""

import sys

from . import main

sys.exit(main())
