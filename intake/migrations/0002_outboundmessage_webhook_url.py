from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("intake", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="outboundmessage",
            name="url",
            field=models.URLField(blank=True, max_length=500),
        ),
        migrations.AlterField(
            model_name="outboundmessage",
            name="channel",
            field=models.CharField(default="email", help_text="email, or webhook (a JSON POST)", max_length=16),
        ),
    ]
