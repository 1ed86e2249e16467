"""Sign-in events and staff account changes, each audited."""

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from access.policy import actor_for_user
from audit.chain import append_event
from audit.log import record
from audit.models import AuditAction
from partnership.models import ApiKey, User
from partnership.rules import lockout_after_failure


@transaction.atomic
def do_record_failed_sign_in(user: User) -> None:
    User.objects.filter(pk=user.pk).update(failed_sign_ins=F("failed_sign_ins") + 1)
    user.refresh_from_db(fields=["failed_sign_ins", "locked_until"])
    locked_until = lockout_after_failure(
        user.failed_sign_ins,
        timezone.now(),
        max_failures=settings.SIGN_IN_MAX_FAILURES,
        minutes=settings.SIGN_IN_LOCKOUT_MINUTES,
    )
    action = AuditAction.SIGN_IN_FAILED
    if locked_until is not None:
        user.locked_until = locked_until
        user.failed_sign_ins = 0
        user.save(update_fields=["locked_until", "failed_sign_ins"])
        action = AuditAction.LOCKED_OUT
    append_event(action=action, object_type="partnership.user", object_id=user.pk, actor_label="sign-in form")


@transaction.atomic
def do_record_sign_in(user: User) -> None:
    user.failed_sign_ins = 0
    user.locked_until = None
    user.save(update_fields=["failed_sign_ins", "locked_until"])
    record(actor_for_user(user), AuditAction.SIGN_IN, user)


@transaction.atomic
def do_issue_api_key(*, agency_id: int, name: str, acting_user: User) -> tuple[ApiKey, str]:
    from partnership.models import Agency

    key, plain = ApiKey.issue(agency=Agency.objects.get(pk=agency_id), name=name, created_by=acting_user)
    record(actor_for_user(acting_user), AuditAction.CREATE, key)
    return key, plain


@transaction.atomic
def do_revoke_api_key(*, key: ApiKey, acting_user: User) -> None:
    key.revoked_at = timezone.now()
    key.save(update_fields=["revoked_at"])
    record(actor_for_user(acting_user), AuditAction.UPDATE, key, reason="revoked")
