import pytest


@pytest.fixture(autouse=True)
def _hate_crime_urls(settings) -> None:  # noqa: ANN001
    settings.ROOT_URLCONF = "hate_crime.tests.urls"
