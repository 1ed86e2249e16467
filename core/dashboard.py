"""What the dashboard's "My overdue actions" lists: the shared case file's actions and any other app's work that
is past due for this person (for example a high-tension incident's response actions, due in hours).

An app registers a source from its ``AppConfig.ready``::

    from core.dashboard import register_overdue_source

    register_overdue_source(my_overdue_things)  # (actor) -> iterable of OverdueItem

A source returns only what the person may see: it filters by the same access rules as the app's own pages.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time

from django.utils import timezone

from access.policy import Actor
from core.queries import my_overdue_actions


@dataclass(frozen=True)
class OverdueItem:
    title: str
    url: str
    link_text: str  # what the link to the record says, e.g. the case reference
    due: date | datetime  # a date for work due by a day, a datetime for work due by the hour

    @property
    def due_has_time(self) -> bool:
        return isinstance(self.due, datetime)

    def sort_key(self) -> datetime:
        if isinstance(self.due, datetime):
            return self.due
        return timezone.make_aware(datetime.combine(self.due, time.min))


OverdueSource = Callable[[Actor], Iterable[OverdueItem]]
_SOURCES: list[OverdueSource] = []


def register_overdue_source(source: OverdueSource) -> None:
    if source not in _SOURCES:
        _SOURCES.append(source)


def overdue_items(actor: Actor) -> list[OverdueItem]:
    """Everything overdue for this person across the apps, longest overdue first. Each source gives at most its
    20 longest overdue, and the list is not cut again, so work due by the hour is never pushed off by old dates."""
    items = [item for source in _SOURCES for item in source(actor)]
    return sorted(items, key=OverdueItem.sort_key)


def case_actions(actor: Actor) -> list[OverdueItem]:
    return [
        OverdueItem(action.title, action.case.get_absolute_url(), action.case.reference, action.due_on)
        for action in my_overdue_actions(actor)[:20]
    ]
