"""Create the database cache table (rate limits, one-time values) as part of `csphub migrate`, so no
deployment can forget `createcachetable`. It does nothing when the cache is not database-backed."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies: list = []
    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
