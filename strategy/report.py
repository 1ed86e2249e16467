"""Building the figures for the strategy pages and the quarterly board report. Aggregates only, never names."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Prefetch

from strategy import rules
from strategy.indicators import get_computed
from strategy.models import Indicator, Narrative, Priority

SMALL_NUMBER = 5
QUARTERS_SHOWN = 4


def shown(value: Decimal | float | None, indicator: Indicator) -> str:
    """The figure as the board sees it: counts of people from 1 to 4 are "fewer than 5"."""
    if value is None:
        return "–"
    if indicator.is_count_of_people and 0 < value < SMALL_NUMBER:
        return "fewer than 5"
    number = Decimal(str(value)).normalize()
    text = f"{number:f}"
    return f"{text}%" if indicator.unit == Indicator.Unit.PERCENT else text


def value_for(indicator: Indicator, start: date, manual: dict[date, Decimal]) -> Decimal | None:
    computed = get_computed(indicator.code)
    if computed is not None:
        result = computed.compute(start, rules.quarter_end(start))
        return None if result is None else Decimal(str(result))
    return manual.get(start)


@dataclass
class IndicatorRow:
    indicator: Indicator
    computed: bool
    series: list[tuple[str, Decimal | None, str]]  # quarter label, value, shown
    value: Decimal | None
    shown: str
    rag: str
    trend: str
    source: str = ""
    chart: dict = field(default_factory=dict)


def _chart(series: list[tuple[str, Decimal | None, str]], suppressed: bool) -> dict:
    """Bar positions for a small server-side SVG chart. Suppressed small counts are drawn as no bar."""
    width, height, gap = 60, 100, 20
    values = [v for _, v, text in series if v is not None and text != "fewer than 5"]
    top = max(values, default=Decimal(0)) or Decimal(1)
    bars = []
    for index, (label, value, text) in enumerate(series):
        drawable = value is not None and text != "fewer than 5"
        h = int(height * value / top) if drawable else 0
        bars.append({"x": 10 + index * (width + gap), "y": 20 + height - h, "h": h, "w": width, "label": label,
                     "text": text, "text_y": 20 + height - h - 4, "label_y": height + 36})
    # Nothing above zero to draw: the template says so in words rather than showing an empty frame.
    empty = not any(value > 0 for value in values)
    return {"bars": bars, "width": 10 + len(series) * (width + gap), "height": height + 46, "empty": empty}


def indicator_row(indicator: Indicator, start: date) -> IndicatorRow:
    computed_by = get_computed(indicator.code)
    if computed_by is not None:  # the registry's wording is the definition of what is computed
        indicator.label, indicator.definition = computed_by.label, computed_by.definition
    manual_values = {v.quarter_start: v for v in indicator.values.all()}
    manual = {q: v.value for q, v in manual_values.items()}
    quarters = rules.last_quarters(start, QUARTERS_SHOWN)
    values = [value_for(indicator, q, manual) for q in quarters]
    series = [(rules.quarter_label(q), v, shown(v, indicator)) for q, v in zip(quarters, values, strict=True)]
    current, previous = values[-1], values[-2]
    entry = manual_values.get(start)
    computed = get_computed(indicator.code) is not None
    source = f"{entry.source}, {entry.source_date:%d %b %Y}" if entry else ""
    if computed:
        source = "csphub (computed live)"
    return IndicatorRow(
        indicator=indicator, computed=computed, series=series, value=current, shown=shown(current, indicator),
        rag=rules.rag(current, indicator.target, higher_is_better=indicator.higher_is_better,
                      amber_margin_percent=indicator.amber_margin_percent),
        trend=rules.trend(current, previous, higher_is_better=indicator.higher_is_better),
        source=source, chart=_chart(series, indicator.is_count_of_people),
    )


def breakdown(indicator: Indicator, start: date) -> dict | None:
    """The computed indicator's figure split by area or group for one quarter, shown as the board sees it."""
    computed = get_computed(indicator.code)
    if computed is None or computed.breakdown is None:
        return None
    rows = [(label, shown(value, indicator)) for label, value in computed.breakdown(start, rules.quarter_end(start))]
    return {"heading": computed.breakdown_heading, "rows": rows}


def board_report(start: date) -> list[dict]:
    """Per priority: its measures (with plan actions), indicator rows and narrative for the quarter."""
    indicators = Indicator.objects.prefetch_related("values")
    priorities = Priority.objects.prefetch_related(
        Prefetch("measures__indicators", queryset=indicators), "measures__actions__owner_agency",
        "measures__owner_agency")
    narratives = {n.priority_id: n for n in Narrative.objects.filter(quarter_start=start)}
    report = []
    for priority in priorities:
        measures = []
        for measure in priority.measures.all():
            rows = [indicator_row(i, start) for i in measure.indicators.all()]
            measures.append({"measure": measure, "rows": rows, "actions": list(measure.actions.all())})
        report.append({"priority": priority, "measures": measures, "narrative": narratives.get(priority.pk)})
    return report
