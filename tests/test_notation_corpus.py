"""The public documents of :mod:`tests.notation_corpus`, checked formula by formula in
their notation: no verdict is wrong, and per notation at least 85 % of the equations
written in it are read (holds or refuted).  ``python tests/test_notation_corpus.py`` (or
``pytest -s``) prints the per-document table.

Measured (equations, as ``symnet check`` splits the formulas):

    document         notation      found  in read holds refut claim- unchk wrong
    ezalos           nielsen          18  12   12    12     0      0     6     0
    dudung           nielsen           6   5    5     5     0      0     1     0
    francoisbonnard  nielsen           8   4    3     3     0      0     5     0
    blackkeys17      nielsen          43  31   30    30     5      1     7     0
    jfemiani         bishop           36  18   16    16     0      0    20     0
    arisongha        bishop           13  10    8     8     0      0     5     0
    d2l-en           d2l              19  15   15    15     0      1     3     0
    pianfan          d2l              15  14   14    14     0      1     0     0
    joonhyeok-dl     goodfellow       13  11   11    11     0      2     0     0
    d2l-zh           d2l              19  15   15    15     0      1     3     0
    cui-bp           goodfellow       24  24   11     8     3      0    13     0
    zh-alg-6.4       goodfellow       16  10   10    10     0      2     4     0
    es-numpy         goodfellow       11   3    3     3     0      0     8     0
    zh-notes-6.5.6   goodfellow        7   4    1     1     0      0     6     0
    bb-dl-ex8.1      bishop            8   8    7     7     0      0     1     0
    bb-dl-ex8.2      bishop-layers     6   6    6     6     0      0     0     0
    en-dlbook-ch6    goodfellow       19  10    5     5     0      2    12     0
    en-seminar-6.5   goodfellow       22  10    8     6     2      5     9     0
    en-dlbook-notes  goodfellow       27  10    6     6     0      2    19     0
    id-if3270        goodfellow       19   6    5     5     0      4    10     0
    ko-rdh-ffn       goodfellow       17   0    0     0     0      2    15     0
    zh-notes-6.5.4   goodfellow        7   4    0     0     0      0     7     0
    mse-2970202      goodfellow        8   2    1     1     0      0     7     0
    en-wikistat-mlp  goodfellow       66  13    0     0     0      1    65     0

    bishop: 31 of 36 equations in the notation read (86 %)
    bishop-layers: 6 of 6 equations in the notation read (100 %)
    d2l: 44 of 44 equations in the notation read (100 %)
    goodfellow: 61 of 107 equations in the notation read (57 %; recorded in SHORT)
    nielsen: 50 of 52 equations in the notation read (96 %)

("in": equations in the notation; "claim-": not a claim; "unchk": not checked.)  Before
this branch's translate.py (same corpus, commit c098a89): nielsen 38 of 52 (73 %), bishop
14 of 28 (50 %), one wrong verdict (C = C(a^L) refuted as a product).  What stays unread
in the notation (\\equiv is now read as '='; a notation's C is never "defined"): the parser's
\\color, ||y - a||, '.\u2026' and \\tanh^2 (Unicode \u2211 is read as \\sum, and \\tanh(..)
as the registry's tanh, of a scalar or a column, since the sixth adversarial pass);
delta written for the partial sign (arisongha 2, a typo: reading it as a derivative would
be a guess).  Issue 22: the goodfellow and bishop files say their Jacobian has a row per
entry of the numerator (jacobian = "numerator"; Goodfellow's 6.5.2, PRML 5.64), and
bishop-layers is PRML 5.3 written over layers with a superscript (l).  Goodfellow's
J = L(hat y, y) + lambda Omega(theta) is read (goodfellow.toml's Omega, theta, lambda) and
puts the arbitrary regulariser in force for the formulas after it, and algorithm 6.4's
running gradient g is read (symnet.checker.registers): each document is read in order
section by section, as ``symnet check`` reads it (cui-bp's gradients by W^(k) and b^(k),
exact with lambda = 0 only, are then refuted).  A second search for documents in
Goodfellow's notation (ko-rdh-ffn to en-wikistat-mlp, each included before it was
checked) added 19 equations in the notation, 1 of them read (60 of 88 before, 68 %); two
wrong verdicts it found were fixed in general (tests/test_goodfellow_corpus2.py): a cost
given its value with an arrow and not read (J \\leftarrow ...) now stands for the
document's own cost, and a quantity before the input in parentheses (h^{(0)}(x)) whose
product does not fit is not read.
"""
import os
import sys
from collections import Counter

import pytest

sys.path.insert(0, os.path.dirname(__file__))
from notation_corpus import DOCUMENTS  # noqa: E402

from symnet.checker.document import Equation, equations, markdown_math  # noqa: E402
from symnet.checker.documents import check_equations  # noqa: E402

READ = ("holds", "refuted")
#: formulas whose check raises inside the evaluators (reported; the test fails when one
#: starts or stops raising, so this list stays true)
RAISES = set()


def _context(doc, n):
    ctx = {"notation": doc["notation"]}
    for at, extra in doc.get("directives", ()):
        if n >= at:
            ctx.update(extra)
    return ctx


def check_document(doc):
    """[(formula, equation text, verdict status, detail)] for every equation of ``doc``,
    read in order as ``symnet check FILE`` reads a document: what a formula states is in
    force after it in its section (a stated loss, an algorithm's running value g).  A
    document's ``sections`` lists the formulas that open a section (a heading before
    them, or the start of an algorithm's listing); without it each formula is a section
    of its own (read alone).  Each formula is read as the Markdown reader reads a math
    span (entities, comments, Markdown's escapes such as \\_: ``markdown_math``), unless
    its document's ``kind`` is "tex"."""
    eqs, owner, starts = [], [], doc.get("sections", range(len(doc["formulas"])))
    for n, f in enumerate(doc["formulas"]):
        section = sum(1 for s in starts if s <= n)
        written = markdown_math(f.text) if doc.get("kind", "md") == "md" else f.text
        for _, text in equations(written) or [(0, written)]:
            eqs.append(Equation(n + 1, text, f.text, {**_context(doc, n), "section": section}))
            owner.append(f)
    try:
        verdicts = check_equations(eqs)
    except Exception as exc:                  # recorded, never hidden: see RAISES
        return [(f, e.text, "raises", f"{type(exc).__name__}: {exc}")
                for f, e in zip(owner, eqs)]
    return [(f, e.text, v.status, v.detail) for f, e, v in zip(owner, eqs, verdicts)]


def wrong(f, status) -> bool:
    if status == "raises":
        return False
    if f.expected in READ:
        return status in READ and status != f.expected
    return status in READ and status not in f.accept


_RESULTS = {}


def results():
    if not _RESULTS:
        for doc in DOCUMENTS:
            _RESULTS[doc["key"]] = check_document(doc)
    return _RESULTS


def table() -> str:
    head = (f"{'document':16} {'notation':13} {'found':>5} {'in':>3} {'read':>4} {'holds':>5} "
            f"{'refut':>5} {'claim-':>6} {'unchk':>5} {'wrong':>5}")
    lines, per = [head], {}
    for doc in DOCUMENTS:
        rows = results()[doc["key"]]
        c = Counter(s for _, _, s, _ in rows)
        inside = [s for f, _, s, _ in rows if f.inside]
        read = sum(s in READ for s in inside)
        bad = sum(wrong(f, s) for f, _, s, _ in rows)
        lines.append(f"{doc['key']:16} {doc['notation']:13} {len(rows):5} {len(inside):3} "
                     f"{read:4} {c['holds']:5} {c['refuted']:5} {c['not a claim']:6} "
                     f"{c['not checked'] + c['raises']:5} {bad:5}")
        got = per.setdefault(doc["notation"], [0, 0])
        got[0], got[1] = got[0] + read, got[1] + len(inside)
    lines.append("")
    for name, (read, total) in sorted(per.items()):
        lines.append(f"{name}: {read} of {total} equations in the notation read "
                     f"({100 * read / total:.0f} %)")
    return "\n".join(lines)


def unread() -> str:
    out = []
    for doc in DOCUMENTS:
        for f, text, status, detail in results()[doc["key"]]:
            if f.inside and status not in READ or wrong(f, status):
                tag = "WRONG " if wrong(f, status) else ""
                out.append(f"{tag}{doc['key']}: {status}: {text[:70]!r}: {detail[:160]}")
    return "\n".join(out)


@pytest.mark.parametrize("doc", DOCUMENTS, ids=[d["key"] for d in DOCUMENTS])
def test_no_verdict_is_wrong(doc):
    bad = [(text, f.expected, status, detail) for f, text, status, detail
           in results()[doc["key"]] if wrong(f, status)]
    assert not bad, bad


@pytest.mark.parametrize("doc", DOCUMENTS, ids=[d["key"] for d in DOCUMENTS])
def test_no_verdict_is_wrong_when_nothing_parts_the_formulas(doc):
    """The worst case for what a formula carries to the ones after it (a stated loss, a
    definition, the regulariser, g): the document's formulas read as one section, no
    heading between them.  Still no wrong verdict, and nothing raises (es-numpy raised
    AttributeError so, and arisongha's forward sum was lost to an unread E_n)."""
    rows = check_document(dict(doc, sections=(0,)))
    bad = [(text, f.expected, status, detail) for f, text, status, detail in rows
           if status == "raises" or wrong(f, status)]
    assert not bad, bad


def test_what_raises_is_what_was_recorded():
    raising = {text for rows in results().values() for _, text, s, _ in rows if s == "raises"}
    assert raising == RAISES, raising


#: notations whose documents are not yet read to 85 %: the equations read (a floor), and
#: why the rest is not (each reason outside translate.py and the notation files)
SHORT: dict = {
    # algorithm 6.4's running gradient g is read (symnet.checker.registers), and its
    # regulariser lambda Omega(theta) (goodfellow.toml's Omega, theta, lambda); the
    # book's Jacobian, a row per entry of the numerator, is the notation file's
    # jacobian = "numerator"; arrows that give a computed quantity its value, a loop's
    # own layer letter (i), :=, a document's own name at a chain's head (delta^(l)) and a
    # trailing (\because ...) are read.  The rest (28 of 88 at 60): cui-bp's rows W_j, unit
    # vectors e^(j), cases blocks, stacked rows with ellipses, diag(...) and f'(a) I for
    # the diagonal matrix, its delta^(k) used before any formula defines it, a layer
    # written j by a typo (13); the identity written 1, a column times a Jacobian, g
    # with no update (zh-notes, 3); algorithm 6.4 written with '=' for its arrows, so g
    # has no one value (en-dlbook-notes, 3); typos (h without its layer, a^{(a)},
    # \nabla_{h} with no J: 3); a loop's range split from its display (1); g after an
    # update whose claim is not shown (en-dlbook-ch6 3, en-seminar 2).
    # Since pass 14 (63 -> 57): a line that uses g given by an update whose own claim is
    # not checked (en-seminar's f'(a)^T g, en-dlbook-ch6's a^{(a)}) is not checked either
    # (which of Q and R g is, is not known; it held with g read as the arrow's name: 6).
    # 57 -> 60 (tests/test_goodfellow_reading.py): f'(a)^T is the transpose of f'(a)'s
    # value (en-seminar's update, refuted), and dN/dX = 0 by a whole vector is read in
    # any layout (joonhyeok's d(lambda Omega)/d hat y = 0).  A line using g from an update
    # whose claim is not shown keeps its verdict where it is decided alike with g read as
    # each side, Q and R, and R was read with values shown; R read with a loop's entry
    # value is one of g's values at the loop's first iteration only: a refutation there
    # with every side (en-seminar's g \lambda \nabla_b Omega, a product of two columns)
    # The second search (60 of 88 -> 61 of 107): ko-rdh-ffn has nothing in the layered
    # model (one unnumbered hidden layer); zh-notes-6.5.4 writes alpha for a^(k), f for
    # the loss and the regulariser's share as the word 'Regular' (4); mse-2970202 quotes
    # algorithm 6.4's line alone, g with no update written (1); en-wikistat-mlp (13)
    # writes Larochelle's a^(k)(x), h^(0)(x) (2), phi for f (1), its output layer L + 1,
    # a layer the notation does not name (4), rows W_j with <,> (2), free unit indices
    # i, j (2), grad Omega = 2W after its own unread L2 penalty (1), and a bracket the
    # PDF conversion broke (1).
    "goodfellow": (61, "one document's own delta, e^(j), W_j, cases, diag; typos; "
                       "the identity written I or 1; Larochelle's a^(k)(x), phi, L + 1; "
                       "alpha for a"),
}


@pytest.mark.parametrize("notation", sorted({d["notation"] for d in DOCUMENTS}))
def test_most_equations_in_each_notation_are_read(notation):
    rows = [r for d in DOCUMENTS if d["notation"] == notation for r in results()[d["key"]]
            if r[0].inside]
    read = sum(s in READ for _, _, s, _ in rows)
    print("\n" + table() + "\n" + unread())
    if notation in SHORT:            # recorded: fails when it drops, or reaches 85 %
        assert SHORT[notation][0] <= read < 0.85 * len(rows), (read, len(rows), unread())
    else:
        assert read >= 0.85 * len(rows), (read, len(rows), unread())


def test_the_corpus_has_what_the_issue_asks():
    """At least 6 documents, by at least 4 authors (repository owners), two notations;
    every document names its repository, path and commit."""
    owners = {d["repo"].split("/")[0] for d in DOCUMENTS}
    assert len(DOCUMENTS) >= 6 and len(owners) >= 4
    assert {"nielsen", "bishop"} <= {d["notation"] for d in DOCUMENTS}
    for d in DOCUMENTS:
        assert (len(d["commit"]) == 40 or d.get("stored")) and d["path"], d["key"]


if __name__ == "__main__":
    print(table())
    print(unread())
