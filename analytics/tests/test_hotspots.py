"""Gi* against PySAL esda, the FDR step on a worked example, and the grid and kernel shapes."""

import csv
import warnings

import numpy as np
import pytest

from analytics.geo import to_bng
from analytics.hotspots import band_kernel, benjamini_hochberg, fdr_confidence, gi_star, make_grid, neighbour_lists
from analytics.tests.data import STREET_CSV, needs_police_data


def esda_z(grid, band: float) -> np.ndarray:  # noqa: ANN001
    from esda.getisord import G_Local
    from libpysal.weights import W

    rows, cols = np.nonzero(grid.mask)
    weights = W(neighbour_lists(grid, band), silence_warnings=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return G_Local(grid.counts[rows, cols], weights, transform="B", star=True, permutations=0).Zs


@pytest.mark.parametrize(("cell", "band", "expected"), [(250, 500, 13), (250, 250, 5), (100, 250, 21), (250, 400, 9)])
def test_band_kernel_counts_the_cell_and_its_neighbours(cell: float, band: float, expected: int) -> None:
    assert band_kernel(cell, band).sum() == expected


def test_gi_star_matches_esda_on_clustered_points() -> None:
    rng = np.random.default_rng(6)
    background = rng.uniform(0, 10_000, size=(2_000, 2))
    cluster = rng.normal(6_000, 400, size=(400, 2))
    points = np.vstack([background, cluster])
    grid = make_grid(points[:, 0], points[:, 1], 250)
    ours = gi_star(grid, 500)
    assert np.max(np.abs(ours.z - esda_z(grid, 500))) < 1e-6
    hot = ours.classes[(ours.rows == 24) & (ours.cols == 24)]
    assert hot[0] == "hot-99"


def test_gi_star_matches_esda_with_a_study_area_mask() -> None:
    rng = np.random.default_rng(7)
    points = rng.uniform(0, 5_000, size=(1_500, 2))
    mask = np.ones((20, 20), dtype=bool)
    mask[:8, :8] = False  # an L-shaped area: edge cells have fewer neighbours
    grid = make_grid(points[:, 0], points[:, 1], 250, mask=mask, origin=(0, 0), shape=(20, 20))
    assert np.max(np.abs(gi_star(grid, 500).z - esda_z(grid, 500))) < 1e-6


@needs_police_data
def test_gi_star_matches_esda_on_the_shipped_police_month() -> None:
    with STREET_CSV.open(newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["Longitude"] and r["LSOA name"].startswith("Carlisle")]
    easting, northing = to_bng([float(r["Longitude"]) for r in rows], [float(r["Latitude"]) for r in rows])
    grid = make_grid(easting, northing, 250)
    assert grid.counts.sum() == 794
    ours = gi_star(grid, 500)
    assert np.max(np.abs(ours.z - esda_z(grid, 500))) < 1e-6
    assert (ours.classes != "none").any()


# Benjamini and Hochberg (1995), section 3.2: fifteen p-values; at q = 0.05 the first four are rejected.
BH_1995 = np.array([0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.3240, 0.4262,
                    0.5719, 0.6528, 0.7590, 1.0000])


@pytest.mark.parametrize(
    ("p", "q", "kept"),
    [
        (BH_1995, 0.05, 4),
        (np.array([0.01, 0.04, 0.03, 0.005, 0.2]), 0.05, 4),  # 0.04 <= 4/5 * 0.05: step-up keeps all four
        (np.array([0.02, 0.03, 0.04]), 0.05, 3),
        (np.array([0.2, 0.3]), 0.05, 0),
        (np.array([]), 0.05, 0),
    ],
)
def test_benjamini_hochberg_worked_examples(p: np.ndarray, q: float, kept: int) -> None:
    assert benjamini_hochberg(p, q).sum() == kept


def test_benjamini_hochberg_keeps_a_p_value_above_its_own_threshold_when_a_later_one_passes() -> None:
    kept = benjamini_hochberg(np.array([0.011, 0.012, 0.013]), 0.05)
    # 0.011 > 1/3 * 0.05, yet it is kept because 0.013 <= 3/3 * 0.05 (the step-up rule).
    assert kept.tolist() == [True, True, True]


def test_confidence_is_the_strictest_level_passed() -> None:
    assert fdr_confidence(np.array([0.0001, 0.02, 0.06, 0.5])).tolist() == [99, 95, 90, 0]


def test_flat_counts_give_zero_z_and_no_hot_spots() -> None:
    grid = make_grid(np.arange(10) * 250.0 + 1, np.zeros(10) + 1, 250)
    result = gi_star(grid, 500)
    assert np.all(result.z == 0) and np.all(result.classes == "none")
