"""Hot spot runs on stored data: points from the sources, Gi* on the grid, cells ready for a page or a file."""

import calendar
import csv
import io
import json
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from analytics.config import hotspot_defaults, suppress
from analytics.geo import to_wgs84
from analytics.hotspots import gi_star, kernel_density, make_grid
from analytics.sources import CATEGORY_SETS, TIME_WINDOWS, points_for


@dataclass(frozen=True)
class HotspotQuery:
    category: str = "vawg"
    start: date = date(2000, 1, 1)
    end: date = date(2100, 12, 31)
    window: str = ""
    cell: float = 0.0  # 0 = the configured default
    band: float = 0.0
    fdr_q: float = 0.0


@dataclass
class HotspotCell:
    easting: float
    northing: float
    longitude: float
    latitude: float
    count: int
    z: float
    p: float
    confidence: int
    classification: str
    density: float
    corners: list[list[float]] = field(default_factory=list)  # [lat, lon] of the cell's corners

    @property
    def shown_count(self) -> str:
        return suppress(self.count)

    @property
    def grid_reference(self) -> str:
        return f"{int(self.easting)}, {int(self.northing)}"


@dataclass
class HotspotRun:
    query: HotspotQuery
    points: int
    cells_in_study_area: int
    cells: list[HotspotCell]  # significant cells only, hottest first
    notes: list[str]
    cell: float
    band: float
    fdr_q: float


def month_end(day: date) -> date:
    return date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])


def run_hotspots(query: HotspotQuery, *, include_all: bool = False) -> HotspotRun:
    defaults = hotspot_defaults()
    cell, band = query.cell or defaults.cell_metres, query.band or defaults.band_metres
    fdr_q = query.fdr_q or defaults.fdr_q
    category = CATEGORY_SETS[query.category]
    points = points_for(category, query.start, month_end(query.end), TIME_WINDOWS.get(query.window))
    if points.easting.size < 2:
        notes = [*points.notes, "There are too few records in this selection to look for hot spots."]
        return HotspotRun(query, int(points.easting.size), 0, [], notes, cell, band, fdr_q)
    grid = make_grid(points.easting, points.northing, cell)
    result = gi_star(grid, band, fdr_q=fdr_q)
    density = kernel_density(grid, band)[result.rows, result.cols]
    keep = np.ones(result.z.size, dtype=bool) if include_all else result.confidence > 0
    order = np.nonzero(keep)[0][np.argsort(-result.z[keep], kind="stable")]
    cells = _cells(grid, result, density, order)
    return HotspotRun(query, int(points.easting.size), int(result.z.size), cells, points.notes, cell, band, fdr_q)


def _cells(grid, result, density, order) -> list[HotspotCell]:  # noqa: ANN001
    east, north = grid.centres(result.rows[order], result.cols[order])
    lon, lat = to_wgs84(east, north)
    half = grid.cell / 2
    corner_e = np.concatenate([east - half, east + half, east + half, east - half])
    corner_n = np.concatenate([north - half, north - half, north + half, north + half])
    corner_lon, corner_lat = to_wgs84(corner_e, corner_n)
    k = order.size
    classes = result.classes[order]
    cells = []
    for i, index in enumerate(order.tolist()):
        corners = [[round(float(corner_lat[i + j * k]), 6), round(float(corner_lon[i + j * k]), 6)] for j in range(4)]
        cells.append(HotspotCell(float(east[i]), float(north[i]), round(float(lon[i]), 6), round(float(lat[i]), 6),
                                 int(result.counts[index]), float(result.z[index]), float(result.p[index]),
                                 int(result.confidence[index]), str(classes[i]), float(density[index]), corners))
    return cells


CSV_COLUMNS = ["easting", "northing", "longitude", "latitude", "count", "z", "p", "confidence", "class",
               "density_per_km2"]


def cells_as_csv(run: HotspotRun) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for c in run.cells:
        writer.writerow([c.easting, c.northing, c.longitude, c.latitude, c.shown_count, f"{c.z:.6f}",
                         f"{c.p:.6g}", c.confidence, c.classification, f"{c.density:.1f}"])
    return out.getvalue()


def cells_as_geojson(run: HotspotRun) -> str:
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Polygon",
                         "coordinates": [[[lon, lat] for lat, lon in [*c.corners, c.corners[0]]]]},
            "properties": {"easting": c.easting, "northing": c.northing, "count": c.shown_count,
                           "z": round(c.z, 6), "p": c.p, "confidence": c.confidence, "class": c.classification,
                           "density_per_km2": round(c.density, 1)},
        }
        for c in run.cells
    ]
    return json.dumps({"type": "FeatureCollection", "features": features})
