r"""A verdict taken back by a rule of the document (a definition below it, a value given
beside it, a model stated below it, ...) is "not checked" with the rule's reason, and no
proof or sizes remain: the JSON's "sizes" is empty, since they covered a claim that is no
longer made.  Before, some rules left the withdrawn proof's sizes in the JSON ("symbolic
d, q, l; ..." on a "not checked" line)."""
import json
import subprocess
import sys

from symnet.checker.documents import check_document
from symnet.checker.parse import ParseError
from symnet.checker.result import MeaningError, NotAClaim, refusal

DEFINED_BELOW = ("# Units\n\nThe output gradient is "
                 "$g_j = \\hat{y}_j^k (1 - \\hat{y}_j^k)(y_j^k - \\hat{y}_j^k)$.\n\n"
                 "Here $f(x) = \\tanh(x)$.\n")
MODEL_BELOW = ("# Cost\n\n$$ g_j = \\hat{y}_j (1-\\hat{y}_j)(y_j - \\hat{y}_j) $$\n\n"
               "$$ E_k = \\sum_{j=1}^{l} (\\hat{y}_j^k - y_j^k)^2 $$\n")


def test_a_definition_below_withdraws_the_proof_and_its_sizes(tmp_path):
    verdicts = check_document(DEFINED_BELOW, "md")
    assert [v.status for v in verdicts] == ["not checked", "not a claim"]
    assert "defined below it" in verdicts[0].detail
    assert verdicts[0].sizes == "" and verdicts[0].result is None
    path = tmp_path / "units.md"
    path.write_text(DEFINED_BELOW, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "symnet", "check", "--json", str(path)],
                         capture_output=True, text=True, timeout=300)
    first = json.loads(run.stdout)["equations"][0]
    assert first["verdict"] == "not checked" and first["sizes"] == ""


def test_every_withdrawn_verdict_has_no_sizes():
    for text in (DEFINED_BELOW, MODEL_BELOW):
        for verdict in check_document(text, "md"):
            if verdict.status == "not checked":
                assert verdict.sizes == "" and verdict.result is None, verdict


def test_the_proof_stands_without_the_definition():
    """The control: without the definition below, the same formula holds with its sizes."""
    verdict = check_document(DEFINED_BELOW.split("Here")[0], "md")[0]
    assert verdict.status == "holds" and "symbolic d, q, l" in verdict.sizes


def test_unread_is_a_position_in_the_text_not_a_message():
    """A statement that could not be read (a ParseError or MeaningError at a character)
    may be a condition; a refusal whose message says where, or a non-claim, was read."""
    assert ParseError("x", 3).position == 3 and MeaningError("x", 0).position == 0
    assert refusal("line 3: no").position is None and NotAClaim("a value").position is None
    unread = check_document("$$ \\eta g_j = {\\rm bad ( $$\n", "md")[0]
    assert unread.status == "not checked" and unread.unread
    read = check_document("$$ \\Delta w_{hj} = \\eta g_j b_h $$\n", "md")[0]
    assert read.status == "holds" and not read.unread
