"""`symnet check` on real public documents (tests/public_corpus.py: the layout skeletons
of eight chapter-5 documents by several authors, every equation judged by hand).  No
wrong verdict: a formula judged true or a statement judged not a claim is never refuted,
one judged false never holds; every layout the documents use is found."""
import re

import pytest

from public_corpus import DOCUMENTS
from symnet.checker.documents import check_document


def _verdicts(doc):
    first = doc.get("skeleton_first_line", 1)
    return check_document("\n" * (first - 1) + doc["source_math_layout"], "md")


def _key(text):
    return re.sub(r"\s+|\\[,;!: ]|\\_|_", "", text)


def _mine(verdicts, line, latex):
    """My verdicts on the statements of the span that starts at ``line``: near it, and
    written inside it."""
    span = latex.count("\n") + 2
    return [v for v in verdicts if line <= v.line <= line + span
            and _key(v.equation)[:12] in _key(latex)]


@pytest.mark.parametrize("doc", DOCUMENTS, ids=[d["id"] for d in DOCUMENTS])
def test_no_wrong_verdict_on_public_documents(doc):
    verdicts = _verdicts(doc)
    assert verdicts, "no equation found"
    for line, latex, judged, _, note in doc["equations"]:
        mine = {v.status for v in _mine(verdicts, line, latex)}
        if judged in ("holds", "not a claim"):
            assert "refuted" not in mine, (line, latex, note)
        if judged == "refuted":
            assert mine != {"holds"}, (line, latex, note)


def test_the_pumpkin_books_bp_formulas_are_all_read_and_hold():
    for doc in DOCUMENTS:
        if doc["id"].startswith("pumpkin"):
            assert [v.status for v in _verdicts(doc)] == ["holds"] * len(doc["equations"])
