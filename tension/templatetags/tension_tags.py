"""Showing tension levels, indicators and platforms by their configured labels."""

from django import template
from django.template.loader import render_to_string

from tension import config, rules

register = template.Library()


@register.simple_tag
def level_tag(code: str) -> str:
    if not code:
        return ""
    return render_to_string("tension/_level_tag.html", {"rank": rules.rank(code), "label": config.level_label(code)})


@register.filter
def indicator_labels(codes: list[str]) -> str:
    labels = dict(config.indicator_choices())
    return ", ".join(str(labels.get(code, code)) for code in codes or [])


@register.filter
def platform_labels(codes: list[str]) -> str:
    labels = dict(config.platform_choices())
    return ", ".join(str(labels.get(code, code)) for code in codes or [])


@register.simple_tag
def trend_text(trend: str) -> str:
    return {"rising": "↑ Rising", "falling": "↓ Falling", "steady": "→ Steady"}.get(trend, trend)


@register.filter
def level_name(code: str) -> str:
    return config.level_label(code) if code else ""
