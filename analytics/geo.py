"""Coordinates: WGS84 longitude/latitude to British National Grid metres (EPSG:27700), and back."""

from functools import cache

import numpy as np
from pyproj import Transformer


@cache
def _to_bng() -> Transformer:
    return Transformer.from_crs("EPSG:4326", "EPSG:27700", always_xy=True)


@cache
def _from_bng() -> Transformer:
    return Transformer.from_crs("EPSG:27700", "EPSG:4326", always_xy=True)


def to_bng(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Eastings and northings in metres for arrays of longitude and latitude (vectorised)."""
    easting, northing = _to_bng().transform(np.asarray(lon, dtype=float), np.asarray(lat, dtype=float))
    return np.asarray(easting), np.asarray(northing)


def to_wgs84(easting: np.ndarray, northing: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    lon, lat = _from_bng().transform(np.asarray(easting, dtype=float), np.asarray(northing, dtype=float))
    return np.asarray(lon), np.asarray(lat)
