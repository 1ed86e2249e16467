"""Charts as server-side SVG: no JavaScript, the same markup on the page and in the PDF. Every chart has a
<title> and <desc> and sits next to a table with the same numbers, which is its text alternative."""

import math
from collections.abc import Sequence
from html import escape

import numpy as np

from analytics.config import SMALL_NUMBER

COLOURS = {"line": "#1d70b8", "line2": "#b1b4b6", "axis": "#505a5f", "hot": "#d4351c", "cold": "#1d70b8",
           "none": "#f3f2f1"}
HEAT = ("#ffffff", "#fde0c5", "#facba6", "#f8b58b", "#f59e72", "#d4351c")


def _frame(width: int, height: int, title: str, desc: str, body: str) -> str:
    ident = abs(hash((title, desc))) % 10**8
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" role="img" '
            f'aria-labelledby="t{ident} d{ident}" class="csphub-chart"><title id="t{ident}">{escape(title)}</title>'
            f'<desc id="d{ident}">{escape(desc)}</desc>{body}</svg>')


def line_chart(labels: Sequence[str], series: Sequence[tuple[str, Sequence[float | None]]], *, title: str,
               desc: str, width: int = 640, height: int = 240) -> str:
    """Lines over the same labels (e.g. months). ``None`` leaves a gap, and so does a count from 1 to 4: a
    point's height would give away a suppressed count. The axis top is rounded up to a multiple of 5."""
    left, right, top, bottom = 48, 28, 12, 52
    series = [(name, [None if v is not None and 0 < v < SMALL_NUMBER else v for v in values])
              for name, values in series]
    peak = max([v for _, values in series for v in values if v is not None] + [1])
    peak = SMALL_NUMBER * math.ceil(peak / SMALL_NUMBER)
    step = (width - left - right) / max(1, len(labels) - 1)

    def y(v: float) -> float:
        return top + (height - top - bottom) * (1 - v / peak)

    parts = [f'<line x1="{left}" y1="{y(0):.1f}" x2="{width - right}" y2="{y(0):.1f}" stroke="{COLOURS["axis"]}"/>',
             f'<text x="{left - 6}" y="{y(peak) + 4:.1f}" text-anchor="end" font-size="11">{int(peak)}</text>',
             f'<text x="{left - 6}" y="{y(0) + 4:.1f}" text-anchor="end" font-size="11">0</text>']
    every = max(1, len(labels) // 8)
    for i, label in enumerate(labels):
        if i % every == 0:
            parts.append(f'<text x="{left + i * step:.1f}" y="{height - 32}" text-anchor="middle" '
                         f'font-size="11">{escape(label)}</text>')
    for n, (name, values) in enumerate(series):
        colour = COLOURS["line"] if n == 0 else COLOURS["line2"]
        for run in _runs(values):
            points = " ".join(f"{left + i * step:.1f},{y(v):.1f}" for i, v in run)
            parts.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2.5" points="{points}"/>')
            if len(run) == 1:
                i, v = run[0]
                parts.append(f'<circle cx="{left + i * step:.1f}" cy="{y(v):.1f}" r="3" fill="{colour}"/>')
        key_x = left + 150 * n
        parts.append(f'<line x1="{key_x}" y1="{height - 10}" x2="{key_x + 20}" y2="{height - 10}" '
                     f'stroke="{colour}" stroke-width="2.5"/>'
                     f'<text x="{key_x + 26}" y="{height - 6}" font-size="11">{escape(name)}</text>')
    return _frame(width, height, title, desc, "".join(parts))


def _runs(values: Sequence[float | None]) -> list[list[tuple[int, float]]]:
    """Unbroken stretches of values, so a gap is drawn as a gap and not a line across it."""
    runs: list[list[tuple[int, float]]] = [[]]
    for i, v in enumerate(values):
        if v is None:
            runs.append([])
        else:
            runs[-1].append((i, v))
    return [run for run in runs if run]


def heat_map(rows: Sequence[str], columns: Sequence[str], levels: Sequence[Sequence[int]], *, title: str,
             desc: str) -> str:
    """A grid of shaded cells (levels 0 to 5), e.g. weekday by hour."""
    cell, left, top = 22, 80, 20
    width, height = left + cell * len(columns) + 4, top + cell * len(rows) + 4
    parts = []
    for c, label in enumerate(columns):
        if c % 3 == 0:
            parts.append(f'<text x="{left + c * cell + cell / 2}" y="{top - 6}" text-anchor="middle" '
                         f'font-size="10">{escape(label)}</text>')
    for r, label in enumerate(rows):
        parts.append(f'<text x="{left - 6}" y="{top + r * cell + 15}" text-anchor="end" font-size="11">'
                     f'{escape(label)}</text>')
        for c, level in enumerate(levels[r]):
            parts.append(f'<rect x="{left + c * cell}" y="{top + r * cell}" width="{cell - 1}" height="{cell - 1}" '
                         f'fill="{HEAT[level]}" stroke="#b1b4b6" stroke-width="0.5"/>')
    return _frame(width, height, title, desc, "".join(parts))


def grid_map(eastings: np.ndarray, northings: np.ndarray, classes: Sequence[str], cell: float, *, title: str,
             desc: str, size: int = 420, labelled: int = 0) -> str:
    """Hot spot cells drawn on their British National Grid positions (no map tiles: a PDF has no network).
    The first ``labelled`` cells are numbered, to match the rows of the table that goes with the map."""
    if len(classes) == 0:
        return _frame(size, 40, title, desc, '<text x="8" y="24" font-size="12">No significant cells.</text>')
    x0, x1 = eastings.min() - cell, eastings.max() + cell
    y0, y1 = northings.min() - cell, northings.max() + cell
    scale = size / max(x1 - x0, y1 - y0)
    width, map_height = int((x1 - x0) * scale) + 2, int((y1 - y0) * scale) + 2
    height = map_height + 24  # a strip under the map for the scale bar, so it never covers a cell
    parts = [f'<rect width="{width}" height="{map_height}" fill="#f8f8f8" stroke="#b1b4b6"/>']
    for e, n, cls in zip(eastings.tolist(), northings.tolist(), classes, strict=True):
        colour = COLOURS["hot"] if cls.startswith("hot") else COLOURS["cold"]
        opacity = {"99": 1.0, "95": 0.7, "90": 0.45}.get(cls.rsplit("-", 1)[-1], 0.3)
        parts.append(f'<rect x="{(e - cell / 2 - x0) * scale:.1f}" y="{(y1 - n - cell / 2) * scale:.1f}" '
                     f'width="{max(cell * scale, 1.5):.1f}" height="{max(cell * scale, 1.5):.1f}" fill="{colour}" '
                     f'fill-opacity="{opacity}"/>')
    for rank, (e, n) in enumerate(zip(eastings[:labelled].tolist(), northings[:labelled].tolist(), strict=True)):
        parts.append(f'<text x="{(e - x0) * scale + 6:.1f}" y="{(y1 - n) * scale - 4:.1f}" font-size="10" '
                     f'font-weight="bold">{rank + 1}</text>')
    bar = 1000 * scale
    parts.append(f'<line x1="8" y1="{height - 10}" x2="{8 + bar:.1f}" y2="{height - 10}" stroke="#0b0c0c" '
                 f'stroke-width="2"/><text x="8" y="{height - 14}" font-size="10">1 km</text>')
    return _frame(width, height, title, desc, "".join(parts))
