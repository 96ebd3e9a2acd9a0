import sys
from pathlib import Path

# the tests run against the checkout even when the package is not installed
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
