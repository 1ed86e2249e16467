"""A starting schedule for the council to review and set (docs/retention.md says where each comes from).

There is no statutory retention period for community safety records, so the schedule is purpose-based.
Six years follows the police's MoPI minimum (records kept at least six years, then reviewed); MARAC
cases start there too, but follow each agency's own policy, which the partnership should agree.
"""

from django.db import migrations

MOPI = "Starting point: six years, as police records under MoPI are kept at least six years then reviewed."
DEFAULTS = [
    # record type, trigger, months, action, notes
    ("case.asb", "closure", 72, "anonymise", MOPI),
    ("case.hate", "closure", 72, "anonymise", MOPI),
    ("case.domestic_abuse", "closure", 72, "anonymise", MOPI),
    ("case.vawg", "closure", 72, "anonymise", MOPI),
    ("case.tension", "closure", 72, "anonymise", MOPI),
    ("case.general", "closure", 72, "anonymise", MOPI),
    ("case.marac", "closure", 72, "anonymise",
     "Starting point only: MARAC data follows each agency's own policy; agree the period at the MARAC steering group."),
    ("case.channel", "closure", 72, "anonymise", "Starting point: council to set with the Channel panel chair."),
    ("case.dhr", "closure", 120, "anonymise",
     "Starting point: reviews are published and their lessons tracked for years; council to set."),
    ("core.incident", "submission", 72, "anonymise", MOPI),
    ("core.attachment", "closure", 72, "delete", "Attachments go with their case: six years from its closure."),
    ("hate_crime.hatereport", "submission", 72, "anonymise", MOPI),
    ("asb.casereviewapplication", "closure", 72, "anonymise", MOPI),
    ("vawg.unsafeplacereport", "submission", 36, "anonymise",
     "Starting point: anonymous already; the words and exact pin are dropped after three years, the counts kept."),
    ("domestic_abuse.selfreferral", "submission", 36, "anonymise",
     "Starting point: contact details are only needed while help is arranged; the response-time figure is kept."),
    ("audit.auditevent", "submission", 84, "delete",
     "Starting point: seven years, one more than the longest record period, so every removal stays explained."),
]


def forwards(apps, schema_editor):
    RetentionRule = apps.get_model("retention", "RetentionRule")
    for record_type, trigger, months, action, notes in DEFAULTS:
        RetentionRule.objects.get_or_create(record_type=record_type, defaults={
            "trigger": trigger, "period_months": months, "action": action, "notes": notes})


def backwards(apps, schema_editor):
    RetentionRule = apps.get_model("retention", "RetentionRule")
    RetentionRule.objects.filter(record_type__in=[row[0] for row in DEFAULTS]).delete()


class Migration(migrations.Migration):
    dependencies = [("retention", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
