"""The Chromium the browser tests drive through playwright (None: not installed)."""
import shutil


def chromium():
    """The path of an installed Chromium or Chrome, or None."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    return None
