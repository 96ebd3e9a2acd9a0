"""Pictures of the networks, drawn from data: one :class:`Diagram` (units, connections,
labels, in centimetres) per network, set as TikZ in the PDF and as SVG in the HTML page,
so that both editions show the same picture.

- :func:`single_layer`: the book's figure 5.7, d inputs x_i, q hidden units b_h with
  thresholds gamma_h, l outputs yhat_j with thresholds theta_j, weights v_ih and w_hj;
- :func:`layered`: the notes' 3-4-4-3 network, units a^(k)_i, a unit -1 per layer that
  feeds the thresholds (row 0 of Theta~^(kl)), one Theta~^(kl) label per layer pair.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from html import escape


@dataclass(frozen=True)
class Unit:
    key: str
    x: float
    y: float
    label: str                 # LaTeX
    kind: str = "unit"         # unit | bias (the constant -1) | dots (no circle)


@dataclass(frozen=True)
class Link:
    start: str
    end: str
    label: str = ""            # LaTeX, set at the middle of the link
    kind: str = "plain"        # plain | strong (the weights the labels name) | dashed


@dataclass(frozen=True)
class Note:
    x: float
    y: float
    label: str                 # LaTeX, or text when ``text`` is set
    anchor: str = "center"     # center | west | east
    text: bool = False


@dataclass
class Diagram:
    units: list
    links: list
    notes: list = field(default_factory=list)

    def unit(self, key: str) -> Unit:
        return next(u for u in self.units if u.key == key)


def single_layer(words: dict) -> Diagram:
    """Figure 5.7: inputs at the bottom, outputs at the top; ``words`` names the layers
    (keys input, hidden, output) in the edition's language."""
    rows = [("x", 0.0, ["x_{1}", "x_{i}", "x_{d}"], [1.5, 4.5, 7.5]),
            ("b", 2.2, ["b_{1}", "b_{h}", "b_{q}"], [1.5, 4.5, 7.5]),
            ("y", 4.4, [r"\hat{y}_{1}", r"\hat{y}_{j}", r"\hat{y}_{l}"], [1.5, 4.5, 7.5])]
    units, links = [], []
    for name, y, labels, xs in rows:
        for n, (label, x) in enumerate(zip(labels, xs)):
            units.append(Unit(f"{name}{n}", x, y, label))
        units += [Unit(f"{name}dots{n}", (xs[n] + xs[n + 1]) / 2, y, r"\cdots", "dots")
                  for n in range(2)]
    for lower, upper in (("x", "b"), ("b", "y")):
        for a in range(3):
            for b in range(3):
                links.append(Link(f"{lower}{a}", f"{upper}{b}"))
    links = [link for link in links if (link.start, link.end) not in {("x1", "b1"), ("b1", "y1")}]
    links += [Link("x1", "b1", "v_{ih}", "strong"), Link("b1", "y1", "w_{hj}", "strong")]
    notes = [Note(5.2, 2.55, r"\gamma_{h}", "west"), Note(5.2, 4.75, r"\theta_{j}", "west"),
             Note(8.3, 2.2, r"\alpha_{h} = \sum_{i=1}^{d} v_{ih} x_{i}", "west"),
             Note(8.3, 4.4, r"\beta_{j} = \sum_{h=1}^{q} w_{hj} b_{h}", "west"),
             Note(0.6, 0.0, words["input"], "east", text=True),
             Note(0.6, 2.2, words["hidden"], "east", text=True),
             Note(0.6, 4.4, words["output"], "east", text=True)]
    return Diagram(units, links, notes)


def layered(widths=(3, 4, 4, 3)) -> Diagram:
    """The notes' network: layer k (left to right) holds a^(k)_1 .. a^(k)_{s_k}; every
    layer but the last has a unit -1 on top, whose links (dashed) carry the thresholds."""
    units, links, notes = [], [], []
    for k, width in enumerate(widths, 1):
        x = 2.6 * (k - 1)
        for i in range(1, width + 1):
            units.append(Unit(f"a{k}{i}", x, 0.95 * (width / 2 - i + 0.5), f"a^{{({k})}}_{{{i}}}"))
        if k < len(widths):
            units.append(Unit(f"a{k}0", x, 0.95 * (width / 2 + 0.9), "-1", "bias"))
    for k, (width, nxt) in enumerate(zip(widths, widths[1:]), 1):
        for i in range(width + 1):
            for j in range(1, nxt + 1):
                links.append(Link(f"a{k}{i}", f"a{k + 1}{j}", kind="dashed" if i == 0 else "plain"))
        notes.append(Note(2.6 * (k - 1) + 1.3, 0.95 * (max(widths) / 2 + 1.7),
                          rf"\tilde{{\Theta}}^{{({k}{k + 1})}}"))
    return Diagram(units, links, notes)


# ---------------------------------------------------------------------------------------
# TikZ (the PDF)

def tikz(diagram: Diagram) -> str:
    """The diagram as a tikzpicture (coordinates in cm)."""
    lines = [r"\begin{tikzpicture}[unit/.style={circle, draw, minimum size=8mm, inner sep=0pt},"
             r" bias/.style={rectangle, draw, dashed, minimum size=6mm, inner sep=0pt},"
             r" dots/.style={inner sep=0pt}, >=stealth]"]
    for u in diagram.units:
        lines.append(rf"\node[{u.kind}] ({u.key}) at ({u.x:.2f}, {u.y:.2f}) {{${u.label}$}};")
    for link in diagram.links:
        style = {"plain": "->, gray!60", "strong": "->, thick", "dashed": "->, gray!60, dashed"}
        label = rf" node[midway, fill=white, inner sep=1pt] {{\small ${link.label}$}}" \
            if link.label else ""
        lines.append(rf"\draw[{style[link.kind]}] ({link.start}) --{label} ({link.end});")
    for note in diagram.notes:
        anchor = "" if note.anchor == "center" else f"anchor={note.anchor}"
        body = note.label if note.text else f"${note.label}$"
        lines.append(rf"\node[{anchor}] at ({note.x:.2f}, {note.y:.2f}) {{\small {body}}};")
    lines.append(r"\end{tikzpicture}")
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------
# SVG (the HTML page)

SCALE = 52                  # pixels per centimetre
_RADIUS = {"unit": 0.4, "bias": 0.3, "dots": 0.0}


def svg(diagram: Diagram, math, text=lambda words: escape(words)) -> str:
    """The diagram as an inline SVG: circles and arrows drawn by SVG, every label as
    MathML (``math``: LaTeX -> MathML) in a foreignObject; scales with the page."""
    xs = [u.x for u in diagram.units] + [n.x for n in diagram.notes]
    ys = [u.y for u in diagram.units] + [n.y for n in diagram.notes]
    east = any(n.anchor == "east" for n in diagram.notes)
    west = any(n.anchor == "west" for n in diagram.notes)
    left, right = min(xs) - (2.6 if east else 0.8), max(xs) + (4.2 if west else 0.8)
    low, high = min(ys) - 0.8, max(ys) + 0.8
    width, height = (right - left) * SCALE, (high - low) * SCALE

    def at(x, y):
        return (x - left) * SCALE, (high - y) * SCALE
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
           f'width="{width:.0f}" role="img" class="diagram">',
           '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" '
           'markerHeight="6" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#666"/></marker>'
           '</defs>']
    for link in diagram.links:
        a, b = diagram.unit(link.start), diagram.unit(link.end)
        (x1, y1), (x2, y2) = at(a.x, a.y), at(b.x, b.y)
        length = ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5
        ra, rb = _RADIUS[a.kind] * SCALE, _RADIUS[b.kind] * SCALE
        x1, y1 = x1 + (x2 - x1) * ra / length, y1 + (y2 - y1) * ra / length
        x2, y2 = x2 - (x2 - x1) * rb / length, y2 - (y2 - y1) * rb / length
        stroke = {"plain": 'stroke="#bbb"', "strong": 'stroke="#222" stroke-width="2"',
                  "dashed": 'stroke="#bbb" stroke-dasharray="4 3"'}[link.kind]
        out.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" {stroke} '
                   'marker-end="url(#arrow)"/>')
        if link.label:
            out.append(_label((x1 + x2) / 2, (y1 + y2) / 2, math(link.label), "center", True))
    for u in diagram.units:
        x, y = at(u.x, u.y)
        if u.kind == "unit":
            out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{0.4 * SCALE:.1f}" '
                       'fill="white" stroke="#222"/>')
        elif u.kind == "bias":
            side = 0.6 * SCALE
            out.append(f'<rect x="{x - side / 2:.1f}" y="{y - side / 2:.1f}" width="{side:.1f}" '
                       f'height="{side:.1f}" fill="white" stroke="#222" stroke-dasharray="4 3"/>')
        out.append(_label(x, y, math(u.label), "center"))
    for note in diagram.notes:
        x, y = at(note.x, note.y)
        out.append(_label(x, y, text(note.label) if note.text else math(note.label), note.anchor))
    out.append("</svg>")
    return "\n".join(out)


def _label(x: float, y: float, body: str, anchor: str, backed: bool = False) -> str:
    """A foreignObject holding ``body`` (MathML or text), centred on (x, y) or starting
    (west) / ending (east) there."""
    box_w, box_h = 220, 40
    left = {"center": x - box_w / 2, "west": x, "east": x - box_w}[anchor]
    align = {"center": "center", "west": "left", "east": "right"}[anchor]
    back = "background:white;padding:0 2px;" if backed else ""
    return (f'<foreignObject x="{left:.1f}" y="{y - box_h / 2:.1f}" width="{box_w}" '
            f'height="{box_h}"><div xmlns="http://www.w3.org/1999/xhtml" style="display:flex;'
            f'height:100%;align-items:center;justify-content:{_JUSTIFY[align]};font-size:15px">'
            f'<span style="{back}">{body}</span></div></foreignObject>')


_JUSTIFY = {"center": "center", "left": "flex-start", "right": "flex-end"}
