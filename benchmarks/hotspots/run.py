"""Gi* hot spots: ours against PySAL esda on the same grid and weights, then ours alone at national scale.

    .venv/bin/python benchmarks/hotspots/run.py [--incidents 100000] [--national-incidents 6000000]
        [--national-cells 2500000] [--skip-national]

Prints both times (weights plus statistic), the ratio esda/ours measured in this run, the largest difference
in z, and for national scale our time and peak memory next to a baseline in the same run (counting the
points into the grid with NumPy, the least any method must do). Synthetic points, no database.
"""

import argparse
import os
import resource
import sys
import time
import warnings
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "csphub.settings")

from analytics.hotspots import gi_star, make_grid  # noqa: E402

CELL, BAND = 250.0, 500.0


def points(rng: np.random.Generator, n: int, width: float, height: float) -> tuple[np.ndarray, np.ndarray]:
    """Town-like clusters over a uniform background, as crime is."""
    background = n // 3
    centres = rng.uniform((0, 0), (width, height), size=(60, 2))
    which = rng.integers(0, len(centres), n - background)
    clustered = centres[which] + rng.normal(0, 1_200, size=(n - background, 2))
    xy = np.vstack([rng.uniform((0, 0), (width, height), size=(background, 2)), clustered])
    xy = np.clip(xy, 0, (width - 1, height - 1))
    return xy[:, 0], xy[:, 1]


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def compare_with_esda(n: int) -> None:
    from esda.getisord import G_Local
    from libpysal.weights import DistanceBand

    rng = np.random.default_rng(6)
    side = np.sqrt(50_000) * CELL  # about 50,000 cells
    east, north = points(rng, n, side, side)

    start = time.perf_counter()
    grid = make_grid(east, north, CELL)
    ours = gi_star(grid, BAND)
    ours_s = time.perf_counter() - start

    start = time.perf_counter()
    rows, cols = np.nonzero(grid.mask)
    centres = np.column_stack(grid.centres(rows, cols))
    weights = DistanceBand(centres, threshold=BAND * (1 + 1e-9), binary=True, silence_warnings=True)
    weights_s = time.perf_counter() - start
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs = G_Local(grid.counts[rows, cols], weights, transform="B", star=True, permutations=0)
    esda_s = time.perf_counter() - start
    difference = float(np.max(np.abs(ours.z - theirs.Zs)))
    print(f"Same input: {n:,} incidents, {ours.z.size:,} cells of {CELL:.0f} m, band {BAND:.0f} m")
    print(f"  ours (grid + weights + Gi* + FDR):     {ours_s:8.3f} s")
    print(f"  esda (DistanceBand {weights_s:.2f} s + G_Local): {esda_s:8.3f} s")
    print(f"  ratio esda / ours:                      {esda_s / ours_s:8.1f}x  (target >= 30x)")
    print(f"  largest difference in z:                {difference:.2e}  (target <= 1e-6)")


def national(n: int, cells: int) -> None:
    """A 250 m grid with about ``cells`` cells in the study area (an ellipse standing in for the land of
    England and Wales inside its bounding box) and ``n`` incidents."""
    rng = np.random.default_rng(7)
    width, height = 660_000.0, 660_000.0  # England and Wales' bounding box on the grid, roughly
    east, north = points(rng, n, width, height)
    shape = (int(height / CELL), int(width / CELL))
    yy, xx = np.ogrid[: shape[0], : shape[1]]
    # An ellipse of the requested area: pi * a * b = cells.
    a = shape[1] / 2
    b = min(shape[0] / 2, cells / (np.pi * a))
    mask = ((xx - shape[1] / 2) / a) ** 2 + ((yy - shape[0] / 2) / b) ** 2 <= 1
    before = peak_rss_mib()

    start = time.perf_counter()
    np.bincount(np.floor(north / CELL).astype(np.int64) * shape[1] + np.floor(east / CELL).astype(np.int64),
                minlength=shape[0] * shape[1])
    baseline_s = time.perf_counter() - start

    start = time.perf_counter()
    grid = make_grid(east, north, CELL, mask=mask, origin=(0.0, 0.0), shape=shape)
    result = gi_star(grid, BAND)
    ours_s = time.perf_counter() - start
    hot = int(np.sum((result.confidence > 0) & (result.z > 0)))
    print(f"National scale: {n:,} incidents, {int(mask.sum()):,} cells in the study area ({shape[0]}x{shape[1]} grid)")
    print(f"  ours (grid + Gi* + FDR): {ours_s:8.2f} s  (target < 20 s); {hot:,} hot cells")
    print(f"  baseline (NumPy count of the points into the grid): {baseline_s:.2f} s; ratio {ours_s / baseline_s:.1f}x")
    print(f"  peak resident memory: {peak_rss_mib():,.0f} MiB (before the run {before:,.0f} MiB; target < 4096 MiB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--incidents", type=int, default=100_000)
    parser.add_argument("--national-incidents", type=int, default=6_000_000)
    parser.add_argument("--national-cells", type=int, default=2_500_000)
    parser.add_argument("--skip-national", action="store_true")
    options = parser.parse_args()
    compare_with_esda(options.incidents)
    if not options.skip_national:
        national(options.national_incidents, options.national_cells)


if __name__ == "__main__":
    main()
