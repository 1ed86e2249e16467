"""GOV.UK Frontend components for Django forms and pages.

Pages load this library with ``{% load govuk %}`` and never paste component
markup. The markup follows GOV.UK Frontend 6 (the version in package.json);
templates live in ``csphub/templates/govuk/``.

Tags and filters:

* ``{% govuk_error_summary form %}``: a form, a formset or a list of them.
* ``{% govuk_field form.field heading=False classes="" autocomplete="" %}``
* ``{% govuk_button "Save" secondary=False name="" value="" href="" start=False %}``
* ``{{ value|govuk_tag:"risk" }}``, ``{% risk_tag value label %}``, ``{% status_tag value label %}``
* ``{% govuk_pagination page_obj request param="page" %}``

Field help text is rendered as HTML, as Django's own form templates do: it is
written by developers, never by users.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Any

from django import forms, template
from django.core.paginator import Page
from django.forms import widgets
from django.forms.boundfield import BoundField
from django.forms.utils import flatatt
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from csphub.date_input import PART_NAMES, DatePartsInput, parts_of

register = template.Library()

# Attributes the component templates set themselves, or that GOV.UK patterns
# leave out: the browser's own "required" validation is replaced by the error
# summary and error messages, which are consistent and screen-reader friendly.
_CONTROLLED_ATTRS = {"id", "class", "aria-describedby", "required", "cols"}

# GOV.UK advises against <input type="number"> (it silently alters some values
# and scroll-wheels change them), so numbers are text with a numeric keyboard.
_NUMBER_ONLY_ATTRS = {"min", "max", "step"}

_NO_SPELLCHECK_TYPES = {"email", "password", "url", "tel"}


# Error summary ---------------------------------------------------------------


def field_anchor(bound_field: BoundField) -> str:
    """Return the id the field's first control carries, the error summary's link target."""
    return bound_field.field.widget.attrs.get("id") or bound_field.auto_id or bound_field.html_name


def _forms_in(forms_or_formsets: Any) -> list[Any]:
    """Flatten a form, a formset or a list of either into forms and formsets."""
    if isinstance(forms_or_formsets, forms.BaseForm | forms.BaseFormSet):
        return [forms_or_formsets]
    found: list[Any] = []
    for item in forms_or_formsets or []:
        found.extend(_forms_in(item))
    return found


def _form_error_items(form: forms.BaseForm) -> list[dict[str, str]]:
    items = [{"text": str(error), "href": ""} for error in form.non_field_errors()]
    for bound_field in form:
        # Hidden fields have nothing a user can move to, so they get no link.
        href = "" if bound_field.is_hidden else "#" + field_anchor(bound_field)
        items.extend({"text": str(error), "href": href} for error in bound_field.errors)
    return items


def error_items(forms_or_formsets: Any) -> list[dict[str, str]]:
    """List every error of the given forms in page order, each with its link."""
    items: list[dict[str, str]] = []
    for form in _forms_in(forms_or_formsets):
        if isinstance(form, forms.BaseFormSet):
            items.extend({"text": str(error), "href": ""} for error in form.non_form_errors())
            items.extend(error_items(list(form)))
        else:
            items.extend(_form_error_items(form))
    return items


@register.simple_tag
def govuk_error_summary(forms_or_formsets: Any) -> str:
    items = error_items(forms_or_formsets)
    if not items:
        return ""
    return render_to_string("govuk/error_summary.html", {"errors": items})


# Fields ------------------------------------------------------------------------

# Checked in order: several of these widgets subclass one another.
_WIDGET_KINDS: tuple[tuple[type[widgets.Widget], str], ...] = (
    (DatePartsInput, "date_parts"),
    (widgets.CheckboxSelectMultiple, "checkboxes"),
    (widgets.RadioSelect, "radios"),
    (widgets.Select, "select"),
    (widgets.Textarea, "textarea"),
    (widgets.CheckboxInput, "checkbox"),
    (widgets.FileInput, "file_upload"),
    (widgets.HiddenInput, "hidden"),
    (widgets.Input, "input"),
)

_DATE_INPUT_TYPES: tuple[tuple[type[widgets.Widget], str, str], ...] = (
    (widgets.DateTimeInput, "datetime-local", "%Y-%m-%dT%H:%M"),
    (widgets.DateInput, "date", "%Y-%m-%d"),
    (widgets.TimeInput, "time", "%H:%M"),
)


def _widget_kind(widget: widgets.Widget) -> str:
    for widget_class, kind in _WIDGET_KINDS:
        if isinstance(widget, widget_class):
            return kind
    raise template.TemplateSyntaxError(f"govuk_field cannot render a {type(widget).__name__}")


def _extra_attrs(bound_field: BoundField, *, drop: Iterable[str] = ()) -> dict[str, Any]:
    widget = bound_field.field.widget
    attrs = bound_field.build_widget_attrs(widget.attrs)
    dropped = _CONTROLLED_ATTRS.union(drop)
    return {key: value for key, value in attrs.items() if key not in dropped}


def _base_context(bound_field: BoundField, heading: bool, classes: str) -> dict[str, Any]:
    anchor = field_anchor(bound_field)
    hint_id = f"{anchor}-hint" if bound_field.help_text else ""
    error_id = f"{anchor}-error" if bound_field.errors else ""
    return {
        "id": anchor,
        "name": bound_field.html_name,
        "label": bound_field.label,
        "heading": heading,
        "hint": bound_field.help_text,
        "hint_id": hint_id,
        "errors": bound_field.errors,
        "error_id": error_id,
        "described_by": " ".join(part for part in (hint_id, error_id) if part),
        "classes": classes,
    }


def _date_value(value: Any, fmt: str) -> Any:
    """Format dates as the ISO text that date and time inputs require, whatever the locale."""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    if isinstance(value, datetime.date | datetime.time):
        return value.strftime(fmt)
    return value  # Submitted text is shown back exactly as typed.


def _input_type_and_value(bound_field: BoundField) -> tuple[str, Any]:
    widget = bound_field.field.widget
    for widget_class, input_type, fmt in _DATE_INPUT_TYPES:
        if isinstance(widget, widget_class):
            return input_type, _date_value(bound_field.value(), fmt)
    if isinstance(widget, widgets.PasswordInput) and not widget.render_value:
        return widget.input_type, None
    return widget.input_type, widget.format_value(bound_field.value())


def _input_context(bound_field: BoundField, autocomplete: str) -> dict[str, Any]:
    input_type, value = _input_type_and_value(bound_field)
    attrs: dict[str, Any] = {}
    drop: set[str] = set()
    if input_type == "number":
        input_type, drop = "text", _NUMBER_ONLY_ATTRS
        # DecimalField and FloatField subclass IntegerField, so ask for them first.
        fractional = isinstance(bound_field.field, forms.DecimalField | forms.FloatField)
        attrs["inputmode"] = "decimal" if fractional else "numeric"
    if input_type in _NO_SPELLCHECK_TYPES:
        attrs["spellcheck"] = "false"
    attrs.update(_extra_attrs(bound_field, drop=drop))
    if autocomplete:
        attrs["autocomplete"] = autocomplete
    return {"type": input_type, "value": value, "attrs": flatatt(attrs)}


def _textarea_context(bound_field: BoundField, autocomplete: str) -> dict[str, Any]:
    attrs = _extra_attrs(bound_field, drop={"rows"})
    if autocomplete:
        attrs["autocomplete"] = autocomplete
    widget = bound_field.field.widget
    return {
        "value": widget.format_value(bound_field.value()),
        "rows": widget.attrs.get("rows", 5),
        "attrs": flatatt(attrs),
    }


def _choice_groups(bound_field: BoundField) -> list[dict[str, Any]]:
    widget = bound_field.field.widget
    value = widget.format_value(bound_field.value())
    return [
        {
            "name": group_name,
            "options": [
                {"value": str(option["value"]), "label": option["label"], "selected": option["selected"]}
                for option in options
            ],
        }
        for group_name, options, _index in widget.optgroups(bound_field.html_name, value)
    ]


def _select_context(bound_field: BoundField, autocomplete: str) -> dict[str, Any]:
    attrs = _extra_attrs(bound_field)
    if autocomplete:
        attrs["autocomplete"] = autocomplete
    return {
        "groups": _choice_groups(bound_field),
        "multiple": bound_field.field.widget.allow_multiple_selected,
        "attrs": flatatt(attrs),
    }


def _choice_items_context(bound_field: BoundField, autocomplete: str) -> dict[str, Any]:
    anchor = field_anchor(bound_field)
    options = [option for group in _choice_groups(bound_field) for option in group["options"]]
    # A blank choice ("---------") is how a select says "nothing chosen yet";
    # as a radio or checkbox it would be a meaningless answer.
    options = [option for option in options if option["value"] != ""]
    for number, option in enumerate(options, start=1):
        # The first item keeps the plain id so the error summary can link to it.
        option["id"] = anchor if number == 1 else f"{anchor}-{number}"
    disabled = flatatt({"disabled": bound_field.field.disabled})
    return {"options": options, "attrs": disabled}


def _checkbox_context(bound_field: BoundField, autocomplete: str) -> dict[str, Any]:
    widget = bound_field.field.widget
    return {"checked": widget.check_test(bound_field.value()), "attrs": flatatt(_extra_attrs(bound_field))}


def _file_upload_context(bound_field: BoundField, autocomplete: str) -> dict[str, Any]:
    widget = bound_field.field.widget
    attrs = _extra_attrs(bound_field)
    attrs["multiple"] = widget.allow_multiple_selected
    return {"attrs": flatatt(attrs)}


def _date_parts_context(bound_field: BoundField, autocomplete: str) -> dict[str, Any]:
    anchor = field_anchor(bound_field)
    typed = parts_of(bound_field.value())
    widths = {"day": 2, "month": 2, "year": 4}
    labels = {"day": _("Day"), "month": _("Month"), "year": _("Year")}
    return {
        "items": [
            {"id": anchor if part == "day" else f"{anchor}-{part}", "name": f"{bound_field.html_name}-{part}",
             "label": labels[part], "value": getattr(typed, part), "width": widths[part]}
            for part in PART_NAMES
        ],
        "attrs": flatatt({"disabled": bound_field.field.disabled}),
    }


_KIND_CONTEXTS = {
    "date_parts": _date_parts_context,
    "input": _input_context,
    "textarea": _textarea_context,
    "select": _select_context,
    "radios": _choice_items_context,
    "checkboxes": _choice_items_context,
    "checkbox": _checkbox_context,
    "file_upload": _file_upload_context,
}


@register.simple_tag
def govuk_field(bound_field: BoundField, *, heading: bool = False, classes: str = "", autocomplete: str = "") -> str:
    """Render a form field as the GOV.UK component that matches its widget."""
    kind = _widget_kind(bound_field.field.widget)
    if kind == "hidden":
        return bound_field.as_widget()
    context = _base_context(bound_field, heading, classes)
    context.update(_KIND_CONTEXTS[kind](bound_field, autocomplete))
    return render_to_string(f"govuk/{kind}.html", context)


# Buttons -----------------------------------------------------------------------


@register.simple_tag
def govuk_button(
    text: str,
    *,
    secondary: bool = False,
    warning: bool = False,
    name: str = "",
    value: str = "",
    href: str = "",
    start: bool = False,
) -> str:
    """A submit button (or, with href, a link styled as a button, e.g. a start button)."""
    modifiers = [("secondary", secondary), ("warning", warning), ("start", start)]
    classes = " ".join(f"govuk-button--{modifier}" for modifier, wanted in modifiers if wanted)
    context = {"text": text, "classes": classes, "name": name, "value": value, "href": href, "start": start}
    return render_to_string("govuk/button.html", context)


# Tags --------------------------------------------------------------------------

# Colours carry no meaning on their own: every tag also shows its label.
# "blue" is GOV.UK Frontend's default tag colour, which has no modifier class.
RISK_COLOURS = {"high": "red", "medium": "orange", "standard": "green", "not_assessed": "grey"}
STATUS_COLOURS = {
    "open": "blue",
    "on_hold": "yellow",
    "closed": "grey",
    "done": "green",
    "cancelled": "grey",
    "overdue": "red",
}
TAG_COLOURS: Mapping[str, Mapping[str, str]] = {
    "risk": RISK_COLOURS,
    "status": STATUS_COLOURS,
    "action": STATUS_COLOURS,
}

# Labels for raw values, so a tag reads well even without get_FOO_display().
TAG_LABELS = {
    "high": _("High"),
    "medium": _("Medium"),
    "standard": _("Standard"),
    "not_assessed": _("Not assessed"),
    "open": _("Open"),
    "on_hold": _("On hold"),
    "closed": _("Closed"),
    "done": _("Done"),
    "cancelled": _("Cancelled"),
    "overdue": _("Overdue"),
}


def _raw(value: Any) -> str:
    # TextChoices members compare and print as their value; keep that value.
    return str(getattr(value, "value", value) or "")


def render_tag(value: Any, kind: str, label: Any = None) -> str:
    """Render a GOV.UK tag for a raw value of the given kind ("risk", "status", "action")."""
    raw = _raw(value)
    if not raw:
        return ""
    colour = TAG_COLOURS.get(kind, {}).get(raw, "grey")
    css = "govuk-tag" if colour == "blue" else f"govuk-tag govuk-tag--{colour}"
    text = label or TAG_LABELS.get(raw) or raw.replace("_", " ").capitalize()
    return format_html('<strong class="{}">{}</strong>', css, text)


@register.filter
def govuk_tag(value: Any, kind: str) -> str:
    return render_tag(value, kind)


@register.simple_tag
def risk_tag(value: Any, label: Any = None) -> str:
    return render_tag(value, "risk", label)


@register.simple_tag
def status_tag(value: Any, label: Any = None) -> str:
    return render_tag(value, "status", label)


# Pagination --------------------------------------------------------------------


def _page_href(request: HttpRequest, param: str, number: int) -> str:
    # Keep filters and sort order: only the page number changes.
    query = request.GET.copy()
    query[param] = str(number)
    return "?" + query.urlencode()


@register.simple_tag
def govuk_pagination(page_obj: Page, request: HttpRequest, param: str = "page") -> str:
    """Render GOV.UK pagination for a Django page, or nothing when there is one page."""
    paginator = page_obj.paginator
    if paginator.num_pages <= 1:
        return ""
    items = []
    for number in paginator.get_elided_page_range(page_obj.number, on_each_side=1, on_ends=1):
        if number == paginator.ELLIPSIS:
            items.append({"ellipsis": True})
        else:
            href = _page_href(request, param, number)
            items.append({"number": number, "href": href, "current": number == page_obj.number})
    context = {
        "items": items,
        "previous": _page_href(request, param, page_obj.number - 1) if page_obj.has_previous() else "",
        "next": _page_href(request, param, page_obj.number + 1) if page_obj.has_next() else "",
    }
    return render_to_string("govuk/pagination.html", context)


# Page --------------------------------------------------------------------------


@register.filter
def html_lang(language_code: str) -> str:
    """Write a Django language code the way BCP 47 does in lang attributes (en-gb → en-GB)."""
    language, _sep, region = language_code.partition("-")
    return f"{language}-{region.upper()}" if region else language
