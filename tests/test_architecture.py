"""The import graph: one direction, no cycle, no upward import (README, "Architecture").

Every ``import``/``from ... import`` of symnet and derivations is read with ``ast``,
including the ones inside functions (a lazy import is still an arrow)."""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: lower number = lower layer; a module may import its own layer or any lower one
LAYERS = {
    "symnet.core": 0, "symnet.prove": 1, "derivations": 2, "symnet.checker": 2,
    "symnet.numeric": 2, "symnet.runner": 3, "symnet.define": 3, "symnet.derive": 3,
    "symnet.report": 4, "symnet.bench": 5,
    "symnet.extend": 6, "symnet.api": 6, "symnet.cli": 6, "symnet.__main__": 7, "symnet": 7,
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def layer(module: str) -> int:
    best = max((k for k in LAYERS if module == k or module.startswith(k + ".")), key=len)
    return LAYERS[best]


def arrows():
    """(importer, imported) for every import of our own modules."""
    out = []
    for path in sorted([*ROOT.glob("symnet/**/*.py"), *ROOT.glob("derivations/*.py")]):
        if "generated" in path.parts:
            continue
        here = module_name(path)
        package = here if path.name == "__init__.py" else here.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text())):
            targets = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(anchor + ([base] if base else []))
                targets = [base]
                if node.module is None or base == "symnet":     # from symnet import x
                    targets = [f"{base}.{a.name}" for a in node.names]
            for t in targets:
                if t.split(".")[0] in ("symnet", "derivations") and t != "symnet.__version__":
                    out.append((here, t))
    return out


def test_no_upward_import():
    upward = [f"{a} -> {b}" for a, b in arrows() if layer(b) > layer(a)]
    assert not upward, "imports against the layering:\n" + "\n".join(upward)


def _resolve(target, modules):
    while target and target not in modules:
        target = target.rpartition(".")[0]
    return target


def test_no_import_cycle():
    edges = {}
    found = arrows()
    modules = {a for a, _ in found}
    for a, b in found:
        b = _resolve(b, modules)
        if b and b != a and not a.startswith(b + "."):       # a package's own __init__
            edges.setdefault(a, set()).add(b)
    state, stack = {}, []

    def visit(node):
        state[node] = "open"
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == "open":
                raise AssertionError("import cycle: " + " -> ".join(
                    stack[stack.index(nxt):] + [nxt]))
            if nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = "done"

    for node in sorted(edges):
        if node not in state:
            visit(node)


def test_the_checker_sees_a_planted_cycle(monkeypatch):
    """The cycle test can fail: plant core -> verify -> core."""
    planted = arrows() + [("symnet.core.claims", "symnet.runner")]
    import sys
    monkeypatch.setattr(sys.modules[__name__], "arrows", lambda: planted)
    try:
        test_no_import_cycle()
    except AssertionError as exc:
        assert "symnet.core.claims" in str(exc)
    else:
        raise AssertionError("a planted cycle went unnoticed")
    try:
        test_no_upward_import()
    except AssertionError as exc:
        assert "symnet.core.claims -> symnet.runner" in str(exc)
    else:
        raise AssertionError("a planted upward import went unnoticed")


def test_arrow_count_is_reported():
    """The count of import arrows between our modules (the closing note quotes it)."""
    count = len({(a, b) for a, b in arrows()})
    assert count > 50


def test_only_the_registry_types_an_activations_derivative():
    """f'(z) = a (1 - a) (and every other closed form of an activation's derivative) is
    written once, in its registry row; everything else reads ``fprime_closed`` from the
    row.  A product x * (1 - x) of one quantity in package code outside the registry (the
    generated kernels are printed from the row) is such a copy."""
    import re
    pattern = re.compile(r"([\w.]+(?:\[[^\]]*\])*)\s*\*\s*\(1\s*-\s*\1\)"
                         r"|\(1\s*-\s*([\w.]+(?:\[[^\]]*\])*)\)\s*\*\s*\2\b")
    copies = []
    for path in sorted((ROOT / "symnet").rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if relative == "symnet/core/registry.py" or "/generated/" in relative:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            if pattern.search(code) and not code.lstrip().startswith(('"', "'")):
                copies.append(f"{relative}:{number}: {line.strip()}")
    assert not copies, "\n".join(copies)


def long_functions(folder: Path, limit: int = 50):
    """(module, function, lines) for every function of ``folder`` longer than ``limit``."""
    found = []
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                lines = node.end_lineno - node.lineno + 1
                if lines > limit:
                    found.append((path.name, node.name, lines))
    return found


def test_no_checker_function_is_longer_than_50_lines(tmp_path):
    assert long_functions(ROOT / "symnet" / "checker") == []
    planted = tmp_path / "planted.py"
    planted.write_text("def big():\n" + "    x = 1\n" * 60)
    assert long_functions(tmp_path) == [("planted.py", "big", 61)]
