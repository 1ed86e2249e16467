"""The partnership's own numbers replace the defaults everywhere they are used."""

from asb.models import AsbSettings
from asb.models.settings import current_config
from asb.rules.threshold import Complaint, ThresholdFacts, decide_threshold


def test_defaults_without_a_settings_row(db) -> None:  # noqa: ANN001
    config = current_config()
    assert (config.repeat_min_incidents, config.repeat_window_days, config.threshold_min_complaints) == (3, 365, 3)


def test_local_hate_threshold_from_settings(db) -> None:  # noqa: ANN001
    from datetime import date

    AsbSettings.objects.create(hate_threshold=1, threshold_min_complaints=4)
    config = current_config()
    one = (Complaint(date(2026, 5, 1), date(2026, 5, 2), "Police"),)
    assert decide_threshold(ThresholdFacts(date(2026, 6, 1), one, hate_motivated=True), config).met
    assert not decide_threshold(ThresholdFacts(date(2026, 6, 1), one), config).met
    assert decide_threshold(ThresholdFacts(date(2026, 6, 1), one), config).needed == 4
