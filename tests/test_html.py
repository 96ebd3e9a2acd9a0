"""The HTML edition: one self-contained page per language, every formula MathML; loaded in
a real headless browser (Chromium through playwright) with no console error, no raw LaTeX
and no MathML error, and a screenshot written as an artefact."""
import os
import re
import shutil
from pathlib import Path

import pytest

from symnet.report.build import report
from symnet.report.html import HtmlError, math, prose

PAGES = ("chapter5.html", "chapter5-zh.html")


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    out = tmp_path_factory.mktemp("html")
    assert report(out, html=True, log=lambda line: None) == 0
    return out


def test_pages_are_self_contained(pages):
    for name in PAGES:
        text = (pages / name).read_text(encoding="utf-8")
        assert "<script" not in text and "http://" not in text.replace(
            "http://www.w3.org/1998/Math/MathML", "") and "https://" not in text
        assert text.count("<math") > 300 and "data:image/png;base64," in text
        visible = re.sub(r"<math.*?</math>", "", text, flags=re.S)
        assert not re.findall(r"\\(?:frac|sum|left|hat|tilde|partial|emph)\b", visible)


def test_formulas_convert_or_refuse():
    assert "<mfrac>" in math(r"\frac{a}{b}")
    assert "<em>x</em>" in prose(r"\emph{x}") and "<math" in prose("a $x^2$ b")
    with pytest.raises(HtmlError):
        math(r"\begin{aligned}[t] x \end{aligned}")


def _browser():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    return None


@pytest.mark.skipif(_browser() is None, reason="no Chromium installed (apt-get install chromium)")
def test_pages_render_in_a_real_browser(pages):
    playwright = pytest.importorskip("playwright.sync_api",
                                     reason="playwright not installed (pip install playwright)")
    artefacts = Path(os.environ.get("SYMNET_ARTIFACTS", pages))
    artefacts.mkdir(parents=True, exist_ok=True)
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=_browser(), args=["--no-sandbox"])
        try:
            for name in PAGES:
                page = browser.new_page(viewport={"width": 1000, "height": 1400})
                errors = []
                page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
                page.on("pageerror", lambda e: errors.append(str(e)))
                page.goto((pages / name).as_uri())
                assert not errors, errors[:3]
                formulas = page.evaluate("document.querySelectorAll('math').length")
                assert formulas > 300
                assert page.evaluate("document.querySelectorAll('merror').length") == 0
                drawn = page.evaluate("Array.from(document.querySelectorAll('math'))"
                                      ".filter(m => m.getBoundingClientRect().width > 0).length")
                assert drawn == formulas                   # every formula has a size on screen
                text = page.evaluate("document.body.innerText")
                assert not re.findall(r"\\[A-Za-z]+", text), "raw LaTeX on the page"
                page.screenshot(path=str(artefacts / name.replace(".html", ".png")),
                                full_page=False)
                assert (artefacts / name.replace(".html", ".png")).stat().st_size > 10_000
        finally:
            browser.close()
