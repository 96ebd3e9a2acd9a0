"""`symnet check --html OUT.html DOC`: one self-contained page with the document's text,
every equation drawn (MathML) and marked; the document is untrusted (escaped, never run);
loaded in Chromium as a reader would see it, with a screenshot in the artefacts."""
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from browser import chromium

from symnet.checker.documents import check_document
from symnet.cli import main
from symnet.report.checked import _rebuilt, formula, page

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "chapter5-example.md"

HOSTILE = """# Notes <script>alert(1)</script>

An update <img src=x onerror="alert(2)"> that holds: $\\Delta w_{hj} = \\eta g_j b_h$,
one that does not: $\\Delta \\theta_j = \\eta g_j$.

<iframe src="https://example.com"></iframe> a condition $x_1 = 1$ and $a \\le b$.
"""


def _write(tmp_path, text, name="doc.md"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_document_is_text_never_markup():
    verdicts = check_document(HOSTILE, "md")
    html = page("doc.md", HOSTILE, verdicts)
    assert "<script" not in html and "<img" not in html and "<iframe" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "onerror=&quot;alert(2)&quot;" in html
    assert not re.search(r'<[^>]*\b(src|href)="(?!#)', html)        # nothing to fetch
    assert html.count('class="verdict ') == len(verdicts) == 4
    assert [m for m in ("holds", "refuted", "not-a-claim", "not-checked")
            if f'class="verdict {m}"' in html] == ["holds", "refuted", "not-a-claim",
                                                  "not-checked"]
    assert '<a href="#eq-2">line 4</a>' in html       # the summary links the refuted one


def test_mathml_is_rebuilt_from_allowed_elements_only():
    ns = 'xmlns="http://www.w3.org/1998/Math/MathML"'
    for bad in (f'<math {ns}><mi onclick="x()">a</mi></math>',
                f'<math {ns}><mrow><a href="javascript:x()">a</a></mrow></math>',
                f'<math {ns}><mi style="x">a</mi></math>'):
        with pytest.raises(ValueError):
            _rebuilt(ET.fromstring(bad))
    ok = formula(r"\frac{\partial E_k}{\partial w_{hj}} = -g_j b_h")
    assert ok.startswith("<math") and "<mfrac>" in ok
    # what latex2mathml cannot read is shown as its (escaped) source
    assert formula(r"\begin{aligned}[t] <x> \end{aligned}").startswith("<code>")
    assert "&lt;x&gt;" in formula(r"\begin{aligned}[t] <x> \end{aligned}")


def test_the_command_line(tmp_path, capsys):
    doc, out = _write(tmp_path, HOSTILE), tmp_path / "page.html"
    assert main(["check", str(doc), "--html", str(out)]) == 1          # one is refuted
    assert out.read_text(encoding="utf-8").count('class="verdict ') == 4
    capsys.readouterr()
    for args, words in ((["check", r"x_1 = 1", "--html", str(out)], "go with a document"),
                        (["check", str(doc), str(doc), "--html", str(out)], "one document"),
                        (["check", str(doc), "--html", str(tmp_path / "p.txt")], ".html"),
                        (["check", str(doc), "--html", str(tmp_path / "no" / "p.html")],
                         "--html")):
        assert main(args) == 2
        err = capsys.readouterr().err
        assert words in err and "Traceback" not in err and err.count("\n") == 1
    assert not (tmp_path / "no").exists() and not (tmp_path / "p.txt").exists()



_SEEN = """() => {
  const maths = Array.from(document.querySelectorAll('.verdict math'));
  return {
    verdicts: document.querySelectorAll('.verdict').length, formulas: maths.length,
    drawn: maths.filter(m => m.getBoundingClientRect().width > 0).length,
    marks: Array.from(document.querySelectorAll('.verdict .mark')).map(m => m.textContent),
    scripts: document.querySelectorAll('script, img, iframe').length,
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
    text: document.body.innerText,
    // a formula box that scrolls up and down (a nested scroll box with arrows beside a
    // fraction) is a defect of the page, not of the mathematics
    tallScrolls: Array.from(document.querySelectorAll('.verdict .formula'))
      .filter(f => f.scrollHeight > f.clientHeight + 1).length,
  };
}"""


@pytest.mark.skipif(chromium() is None, reason="no Chromium installed (apt-get install chromium)")
@pytest.mark.parametrize("width", [1100, 400])
def test_the_page_in_a_real_browser(tmp_path, width):
    """Every equation drawn and marked, the hostile text shown as text, nothing run and
    nothing fetched, no sideways scrolling at a phone's width; screenshots as artefacts."""
    playwright = pytest.importorskip("playwright.sync_api",
                                     reason="playwright not installed (pip install playwright)")
    artefacts = Path(os.environ.get("SYMNET_ARTIFACTS", tmp_path))
    artefacts.mkdir(parents=True, exist_ok=True)
    pages = {}
    for name, text in (("example", EXAMPLE.read_text(encoding="utf-8")), ("hostile", HOSTILE)):
        out = tmp_path / f"{name}.html"
        assert main(["check", str(_write(tmp_path, text, f"{name}.md")), "--html", str(out)]) \
            in (0, 1)
        pages[name] = (out, len(check_document(text, "md")))
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium(), args=["--no-sandbox"])
        try:
            for name, (out, count) in pages.items():
                page_ = browser.new_page(viewport={"width": width, "height": 900})
                events = []
                page_.on("dialog", lambda d: (events.append("dialog"), d.dismiss()))
                page_.on("request", lambda r: events.append(r.url) if r.url != out.as_uri()
                         else None)
                page_.on("pageerror", lambda e: events.append(str(e)))
                page_.goto(out.as_uri())
                seen = page_.evaluate(_SEEN)
                assert not events, events[:3]
                assert seen["verdicts"] == seen["formulas"] == seen["drawn"] == count
                assert all(re.match(r"[\u2713\u2717\u2013?] (holds|refuted|not a claim|"
                                    r"not checked)$", m) for m in seen["marks"])
                assert seen["scripts"] == 0
                assert seen["scrollWidth"] == seen["clientWidth"], (name, width)
                assert seen["tallScrolls"] == 0, (name, width)
                if name == "hostile":
                    assert "<script>alert(1)</script>" in seen["text"]
                    assert 'onerror="alert(2)"' in seen["text"]
                else:
                    page_.click("header a")                 # the refuted equation's link
                    assert page_.evaluate("location.hash").startswith("#eq-")
                shot = artefacts / f"check-{name}-{width}.png"
                page_.screenshot(path=str(shot), full_page=False)
                assert shot.stat().st_size > 10_000
        finally:
            browser.close()
