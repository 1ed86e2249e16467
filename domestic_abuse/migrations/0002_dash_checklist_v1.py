"""Version 1 of the DASH checklist: 24 questions.

The topics follow the published list of DASH risk factors (../shared/domain/README.md, section 3); the
wording here is our own plain-English paraphrase, because the exact SafeLives wording was not available.
A partnership licensed to use the SafeLives wording adds it as version 2 (a new data migration, or the
admin site), leaving assessments made with version 1 unchanged.
"""

from django.db import migrations

QUESTIONS = [
    ("Has the latest incident left you injured?", "Include injuries that cannot be seen."),
    ("Are you very frightened?", ""),
    ("Are you afraid of being hurt again, or of being killed?", ""),
    ("Does the abuser stop you seeing family or friends, or do you feel alone?", "Isolation"),
    ("Are you feeling very low, or having thoughts of ending your life?", ""),
    ("Have you split up, or tried to split up, from the abuser in the past year?", "Separation"),
    ("Is there conflict about contact with the children?", ""),
    ("Does the abuser keep calling, texting, following or watching you?", "Stalking and harassment"),
    ("Are you pregnant, or have you had a baby in the last 18 months?", ""),
    ("Do children live with you who are not the abuser's?", ""),
    ("Has the abuser ever hurt, or threatened to hurt, the children?", ""),
    ("Has the abuser ever threatened or tried to kill themselves?", ""),
    ("Is the abuse happening more often?", "Escalation"),
    ("Is the abuse getting worse?", "Escalation"),
    ("Does the abuser try to control everything you do, or are they very jealous?", "Coercive control"),
    ("Has the abuser ever used a weapon or an object to hurt you?", ""),
    ("Has the abuser ever threatened to kill you or someone else?", ""),
    ("Has the abuser ever tried to strangle, choke, smother or drown you?", "Non-fatal strangulation"),
    ("Does the abuser do or say sexual things that hurt you or make you feel bad?", "Sexual abuse"),
    ("Is there anyone else who has threatened you, or who you are afraid of?", ""),
    ("Has the abuser hurt anyone else, or an animal or pet?", "Including family pets"),
    ("Are there money problems, or do you depend on the abuser for money?", "Economic abuse"),
    ("Has the abuser had problems with drugs, alcohol or mental health in the past year?", ""),
    ("Has the abuser ever broken bail, an order or an injunction, or been in trouble with the police?",
     "Breaches and criminal history"),
]


def add_version_1(apps, schema_editor):  # noqa: ANN001, ANN201
    DashQuestion = apps.get_model("domestic_abuse", "DashQuestion")
    for number, (text, hint) in enumerate(QUESTIONS, start=1):
        DashQuestion.objects.get_or_create(version=1, number=number, defaults={"text": text, "hint": hint})


def remove_version_1(apps, schema_editor):  # noqa: ANN001, ANN201
    apps.get_model("domestic_abuse", "DashQuestion").objects.filter(version=1).delete()


class Migration(migrations.Migration):
    dependencies = [("domestic_abuse", "0001_initial")]
    operations = [migrations.RunPython(add_version_1, remove_version_1)]
