"""Demo data for safer spaces: licensed venues in the night-time economy with their schemes, three awareness
campaigns, and anonymous unsafe-place reports gathered around Carlisle, Workington and Whitehaven town
centres on Friday and Saturday nights, with more reports while a campaign runs.

Venue names are invented; streets are real. Writes go through the actions, as the pages do.

Call from core/demo.py's ``seed`` after ``build_partnership`` (any time before ``apply_backdating``)::

    from vawg.demo import seed as seed_vawg
    seed_vawg(rng, builder.actors, builder.now)

``actors`` must have a "coordinator" key (the CSP coordinator's Actor).
"""

import random
from datetime import date, datetime, timedelta

from access.policy import Actor
from vawg.actions import do_add_campaign, do_add_venue, do_record_unsafe_place_report
from vawg.models import Scheme, UnsafePlaceReport, UnsafeReason, VenueType

A4A, WAVE, BBN, HAVEN = Scheme.ASK_FOR_ANGELA, Scheme.WAVE, Scheme.BEST_BAR_NONE, Scheme.SAFE_HAVEN
# (name, street and town, type, lat, lon, hours, schemes) — invented venues on real streets.
VENUES = (
    ("The Citadel Tap", "Botchergate, Carlisle", VenueType.PUB, 54.8887, -2.9293, "11:00–01:00", [A4A, WAVE, BBN]),
    ("Foundry Nightclub", "Botchergate, Carlisle", VenueType.NIGHTCLUB, 54.8880, -2.9285, "22:00–03:00 Thu–Sat",
     [A4A, WAVE]),
    ("Caldew Cocktail Bar", "Devonshire Street, Carlisle", VenueType.BAR, 54.8926, -2.9332, "16:00–02:00",
     [A4A, BBN]),
    ("The Market Cross", "English Street, Carlisle", VenueType.PUB, 54.8922, -2.9347, "10:00–00:00", [BBN]),
    ("Eden Late Kitchen", "Botchergate, Carlisle", VenueType.TAKEAWAY, 54.8883, -2.9289, "17:00–04:00", []),
    ("Sands Music Hall", "Lowther Street, Carlisle", VenueType.VENUE, 54.8946, -2.9318, "Event nights", [WAVE]),
    ("Carlisle Safe Haven", "Lowther Street, Carlisle", VenueType.OTHER, 54.8943, -2.9322,
     "Fri–Sat 21:00–03:00", [HAVEN]),
    ("The Anchor", "Finkle Street, Workington", VenueType.PUB, 54.6431, -3.5502, "11:00–00:00", [A4A]),
    ("Derwent Rooms", "Pow Street, Workington", VenueType.NIGHTCLUB, 54.6441, -3.5486, "22:00–03:00 Fri–Sat",
     [A4A, WAVE, BBN]),
    ("Ironworks Bar", "Washington Street, Workington", VenueType.BAR, 54.6421, -3.5514, "12:00–01:00", []),
    ("Workington Safe Space", "Finkle Street, Workington", VenueType.OTHER, 54.6433, -3.5497,
     "Sat 21:00–03:00", [HAVEN]),
    ("The Harbour Lights", "King Street, Whitehaven", VenueType.PUB, 54.5491, -3.5879, "11:00–00:00", [A4A, BBN]),
    ("Beacon Club", "Duke Street, Whitehaven", VenueType.NIGHTCLUB, 54.5481, -3.5906, "22:00–03:00 Fri–Sat",
     [WAVE]),
    ("Rum Story Bar", "Tangier Street, Whitehaven", VenueType.BAR, 54.5503, -3.5867, "15:00–01:00", [A4A]),
    ("Quayside Grill", "King Street, Whitehaven", VenueType.RESTAURANT, 54.5488, -3.5884, "12:00–23:00", []),
)
# Places reports gather around: (place as a reporter might write it, lat, lon, weight).
REPORT_PLACES = (
    ("Botchergate", 54.8885, -2.9290, 6), ("the underpass by Carlisle station", 54.8905, -2.9335, 4),
    ("Devonshire Street", 54.8925, -2.9330, 2), ("Bitts Park", 54.8975, -2.9400, 3),
    ("Finkle Street, Workington", 54.6430, -3.5500, 3), ("Vulcans Park, Workington", 54.6395, -3.5560, 2),
    ("King Street, Whitehaven", 54.5490, -3.5880, 3), ("the harbour, Whitehaven", 54.5510, -3.5930, 2),
)
NIGHT_REASONS = (UnsafeReason.POOR_LIGHTING, UnsafeReason.FOLLOWED, UnsafeReason.VERBAL_HARASSMENT,
                 UnsafeReason.GROUPS, UnsafeReason.INTOXICATED, UnsafeReason.ISOLATED, UnsafeReason.VEHICLES,
                 UnsafeReason.NO_CCTV)
REPORTS = 160


def _campaigns(today: date) -> list[dict]:
    return [
        {"title": "Ask for Angela relaunch", "what": "Posters in venue toilets and staff briefings in 40 venues",
         "where": "Carlisle city centre", "starts_on": today - timedelta(days=300),
         "ends_on": today - timedelta(days=240), "reach": 12_000},
        {"title": "Safer nights out", "what": "Street pastors, social media films and a leaflet drop",
         "where": "Workington and Whitehaven", "starts_on": today - timedelta(days=160),
         "ends_on": today - timedelta(days=120), "reach": 8_500},
        {"title": "Report it, we listen", "what": "Bus-shelter adverts and school talks about the unsafe-place form",
         "where": "Cumberland", "starts_on": today - timedelta(days=60), "ends_on": today - timedelta(days=20),
         "reach": 20_000},
    ]


def _report_day(rng: random.Random, today: date, campaigns: list[dict]) -> date:
    """A day in the past year, more often a Friday or Saturday and more often while a campaign runs."""
    while True:
        day = today - timedelta(days=rng.randint(1, 364))
        weight = 2.5 if day.weekday() in (4, 5) else 1.0
        if any(c["starts_on"] <= day <= c["ends_on"] for c in campaigns):
            weight *= 2.0
        if rng.random() * 5.0 <= weight:
            return day


def seed(rng: random.Random, actors: dict[str, Actor], now: datetime) -> dict[str, int]:
    acting = actors["coordinator"]
    today = now.date()
    for name, address, kind, lat, lon, hours, schemes in VENUES:
        do_add_venue(acting=acting, name=name, address=address, venue_type=kind, latitude=lat, longitude=lon,
                     opening_hours=hours, schemes=[str(s) for s in schemes])
    campaigns = _campaigns(today)
    for fields in campaigns:
        do_add_campaign(acting=acting, **fields)
    places, weights = REPORT_PLACES, [p[3] for p in REPORT_PLACES]
    received: list[tuple[int, date]] = []
    for _ in range(REPORTS):
        place, lat, lon, _weight = rng.choices(places, weights)[0]
        pinned = rng.random() < 0.7  # most reporters drop a pin; others type the place
        day = _report_day(rng, today, campaigns)
        report = do_record_unsafe_place_report({
            "place_text": "" if pinned else place,
            "latitude": lat + rng.gauss(0, 0.0008) if pinned else None,
            "longitude": lon + rng.gauss(0, 0.0013) if pinned else None,
            "happened_on": day,
            "time_of_day": rng.choices(["morning", "afternoon", "evening", "night"], [1, 2, 5, 9])[0],
            "reasons": [str(r) for r in rng.sample(NIGHT_REASONS, rng.randint(1, 3))],
            "details": "",
        })
        received.append((report.pk, min(today, day + timedelta(days=rng.randint(0, 2)))))
    # Back-date when each report arrived (the audit events keep the time the seed ran, as they must).
    reports = {r.pk: r for r in UnsafePlaceReport.objects.filter(pk__in=[pk for pk, _ in received])}
    for pk, day in received:
        reports[pk].received_on = day
    UnsafePlaceReport.objects.bulk_update(reports.values(), ["received_on"], batch_size=500)
    return {"venues": len(VENUES), "campaigns": len(campaigns), "reports": REPORTS}
