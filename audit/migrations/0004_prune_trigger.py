"""On PostgreSQL, let audit events be deleted only by a prune, only from the start of the chain.

A prune sets the transaction-local ``csphub.audit_prune`` to 'on' (``audit.prune``), moves the checkpoint
forward, then deletes events at or before it. Anything else is still rejected: every UPDATE, a DELETE
outside a prune or past the checkpoint, and a checkpoint moved backwards or outside a prune.
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('csphub.audit_prune', true) = 'on'
       AND OLD.sequence <= (SELECT last_pruned_sequence FROM audit_auditcheckpoint WHERE id = 1) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit events are append-only (% rejected)', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION audit_checkpoint_forward_only() RETURNS trigger AS $$
BEGIN
    IF current_setting('csphub.audit_prune', true) = 'on' THEN
        IF TG_OP = 'INSERT' THEN
            RETURN NEW;
        END IF;
        IF TG_OP = 'UPDATE' AND NEW.last_pruned_sequence >= OLD.last_pruned_sequence THEN
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION 'the audit checkpoint moves only forwards, and only in a prune (% rejected)', TG_OP;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_checkpoint_forward_only
    BEFORE INSERT OR UPDATE OR DELETE ON audit_auditcheckpoint
    FOR EACH ROW EXECUTE FUNCTION audit_checkpoint_forward_only();
"""

RESTORE = """
DROP TRIGGER IF EXISTS audit_checkpoint_forward_only ON audit_auditcheckpoint;
DROP FUNCTION IF EXISTS audit_checkpoint_forward_only();
CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit events are append-only (% rejected)', TG_OP;
END;
$$ LANGUAGE plpgsql;
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(RESTORE, params=None)


class Migration(migrations.Migration):
    dependencies = [("audit", "0003_prune_checkpoint")]
    operations = [migrations.RunPython(forwards, backwards)]
