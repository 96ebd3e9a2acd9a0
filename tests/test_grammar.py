"""The notation's grammar (symnet/checker/grammar/notes.lark): it agrees with the notation
table, it is LALR(1) as shipped, and it reads the forms people write the same way."""
import re

import pytest

from symnet.checker.parse import MAX_DEPTH, ParseError, grammar_text, normalise, parse
from symnet.checker.tree import same_tree
from symnet.core.notation import ACCENTS, FUNCTIONS, GREEK


def _alternatives(terminal: str) -> set:
    line = re.search(rf"^{terminal}: /\\\\\((.*?)\)", grammar_text(), re.M).group(1)
    return set(line.split("|"))


def test_the_grammar_names_what_the_notation_table_names():
    assert _alternatives("GREEK") == set(GREEK)
    assert _alternatives("ACCENT") == set(ACCENTS)
    assert _alternatives("FUNCTION") | {"sqrt", "abs"} == set(FUNCTIONS)


def test_normalising_keeps_every_position():
    for text in [r"\left( a \right) \, \big| x \big|", r"f^{\prime}(x)", r"\lVert v \rVert^2",
                 "f\u2019(x)", r"\left\{ a \right."]:
        assert len(normalise(text)) == len(text)


@pytest.mark.parametrize("written,plain", [
    (r"\dfrac{1}{2} x", r"\frac{1}{2} x"),
    (r"\frac12 x", r"\frac{1}{2} x"),
    (r"\tfrac 1 2 x", r"\frac{1}{2} x"),
    (r"f^{\prime}(x)", r"f'(x)"),
    (r"f^\prime(x)", r"f'(x)"),
    ("f\u2019(x)", r"f'(x)"),
    (r"\left( a \right) \big[ b \big]", r"(a) [b]"),
    (r"\lVert v \rVert^2", r"\|v\|^2"),
    (r"\sum^{l}_{j=1} g_j", r"\sum_{j=1}^{l} g_j"),
    (r"a \times b", r"a \cdot b"),
    (r"a \circ b", r"a \odot b"),
    (r"x^\intercal", r"x^\top"),
    (r"\sigma (x)", r"\sigma(x)"),
    (r"\boldsymbol{\Delta} w", r"\Delta w"),
])
def test_the_same_formula_written_two_ways_gives_one_tree(written, plain):
    assert same_tree(parse(written + " = 0"), parse(plain + " = 0"))


@pytest.mark.parametrize("text,tree", [
    (r"f(x) = 1", "chain(call(name('f',), group[(](name('x',),)), num('1',))"),
    (r"f_1(x) = 1", "chain(mul[cdot](script[_](name('f',), num('1',)), group[(](name('x',),)), num('1',))"),
    (r"a / b c = 1", "chain(mul[cdot](frac(name('a',), name('b',)), name('c',)), num('1',))"),
    (r"\sum_j a_j b = 1", "chain(sum(name('j',), None, mul[cdot](script[_](name('a',), name('j',)), name('b',))), num('1',))"),
    (r"|x| |y| = 1", "chain(mul[cdot](func[abs](name('x',),), func[abs](name('y',),)), num('1',))"),
    (r"-a b = 1", "chain(neg(mul[cdot](name('a',), name('b',)),), num('1',))"),
])
def test_precedence_as_a_reader_takes_it(text, tree):
    assert repr(parse(text)) == tree


@pytest.mark.parametrize("text,message", [
    (r"\sum x = 1", "a \\sum without limits: write its index"),
    (r"\frac{a} = 1", "expected an argument"),
    (r"g = (1", "expected ')'"),
    (r"a = b)", "expected an operator or the end"),
    (r"\begin{cases} a \end{cases} = 1", "the environment 'cases'"),
    (r"\begin{bmatrix} a & b \\ c \end{bmatrix} = 1", "different lengths"),
    (r"x_{ = 1", "character"),
    (r"D = \{1\}", r"unknown command \{"),
    (r"a = 1 \wedge b", r"unknown command \wedge"),
    (r"\mathrm f(x) = 1", "applied"),
])
def test_what_cannot_be_read_is_named_with_its_position(text, message):
    with pytest.raises(ParseError, match="at character") as info:
        parse(text)
    assert message in str(info.value)


def test_nesting_is_bounded_without_recursion_errors():
    with pytest.raises(ParseError, match="nested too deeply"):
        parse("a \\cdot " + "- " * 900 + "b = 1")
    assert MAX_DEPTH >= 100
    parse("(" * 20 + "x" + ")" * 20 + " = 1")
