"""The shipped police.uk month, read from ../shared/data relative to the repository (never copied in)."""

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
POLICE_UK = REPO_ROOT.parent / "shared" / "data" / "police-uk"
STREET_CSV = POLICE_UK / "2016-11-cumbria-street.csv"
OUTCOMES_CSV = POLICE_UK / "2016-11-cumbria-outcomes.csv"

needs_police_data = pytest.mark.skipif(
    not STREET_CSV.is_file(), reason=f"the police.uk sample is not at {POLICE_UK} (see its README)"
)
