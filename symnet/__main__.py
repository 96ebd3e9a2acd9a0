"""``python -m symnet``: the same as the ``symnet`` console script."""
import sys

from symnet.cli import main

sys.exit(main())
