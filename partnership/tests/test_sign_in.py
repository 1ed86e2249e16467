"""Staff sign-in: password, then a TOTP second factor; lockout, idle expiry, sign-out, safe redirects and
password reset."""

import os
import re
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from audit.models import AuditAction, AuditEvent
from conftest import PASSWORD, make_user, signed_in_client
from intake.models import DeliveryState, OutboundMessage
from partnership.forms import SIGN_IN_ERROR
from partnership.middleware import LAST_SEEN_KEY
from partnership.models import Agency, AgencyKind, Role, User
from partnership.views import NEXT_KEY

SIGN_IN = reverse("partnership:sign_in")
SECOND_FACTOR = reverse("partnership:second_factor")
SIGN_OUT = reverse("partnership:sign_out")
DASHBOARD = reverse("core:dashboard")
PASSWORD_RESET = reverse("partnership:password_reset")
PASSWORD_RESET_SENT = reverse("partnership:password_reset_sent")
PASSWORD_RESET_COMPLETE = reverse("partnership:password_reset_complete")
AUTH_SESSION_KEY = "_auth_user_id"


@pytest.fixture
def practitioner(db) -> User:  # noqa: ANN001
    agency = Agency.objects.create(name="Sign-in Council", kind=AgencyKind.COUNCIL)
    return make_user("sam.practitioner@council.test", agency, Role.PRACTITIONER)


@pytest.fixture
def administrator(db) -> User:  # noqa: ANN001
    agency = Agency.objects.create(name="Admin Council", kind=AgencyKind.COUNCIL)
    return make_user("alex.admin@council.test", agency, Role.ADMINISTRATOR)


def current_code(device: TOTPDevice) -> str:
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift)
    return f"{code:0{device.digits}d}"


def wrong_code(device: TOTPDevice) -> str:
    """A well-formed code that is valid in none of the time steps the device tolerates (and one more)."""
    window = range(-device.tolerance - 1, device.tolerance + 2)
    valid = {totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift + d)
             for d in window}
    candidate = 0
    while candidate in valid:
        candidate += 1
    return f"{candidate:0{device.digits}d}"


def password_sign_in(client: Client, email: str, password: str = PASSWORD, next_url: str | None = None):  # noqa: ANN201
    url = SIGN_IN if next_url is None else f"{SIGN_IN}?{urlencode({'next': next_url})}"
    return client.post(url, {"email": email, "password": password})


def events(action: str, user: User | None = None) -> list[AuditEvent]:
    found = AuditEvent.objects.filter(action=action)
    if user is not None:
        found = found.filter(object_type="partnership.user", object_id=str(user.pk))
    return list(found)


def is_signed_in(client: Client) -> bool:
    return AUTH_SESSION_KEY in client.session


# --- Password, then the second factor -------------------------------------------------------------------


def test_correct_password_signs_in_and_redirects_to_the_second_factor_page(client: Client, practitioner: User):
    response = password_sign_in(client, practitioner.email)

    assert response.status_code == 302
    assert response["Location"] == SECOND_FACTOR
    assert client.session[AUTH_SESSION_KEY] == str(practitioner.pk)
    assert len(events(AuditAction.SIGN_IN)) == 1


def test_sign_in_email_is_case_insensitive(client: Client, practitioner: User):
    response = password_sign_in(client, practitioner.email.upper())

    assert response.status_code == 302
    assert response["Location"] == SECOND_FACTOR


def test_first_sign_in_shows_an_enrolment_qr_code_and_the_secret(client: Client, practitioner: User):
    password_sign_in(client, practitioner.email)

    response = client.get(SECOND_FACTOR)

    assert response.status_code == 200
    html = response.content.decode()
    assert "<svg" in html
    device = TOTPDevice.objects.get(user=practitioner)
    assert device.confirmed is False
    assert device.bin_key.hex() in html
    # Showing the page again does not create a second device (and so a second secret).
    client.get(SECOND_FACTOR)
    assert TOTPDevice.objects.filter(user=practitioner).count() == 1


def test_valid_code_confirms_the_device_and_reaches_the_dashboard(client: Client, practitioner: User):
    password_sign_in(client, practitioner.email)
    client.get(SECOND_FACTOR)
    device = TOTPDevice.objects.get(user=practitioner)

    response = client.post(SECOND_FACTOR, {"code": current_code(device)})

    assert response.status_code == 302
    assert response["Location"] == DASHBOARD
    device.refresh_from_db()
    assert device.confirmed is True
    assert client.get(DASHBOARD).status_code == 200


def test_returning_user_is_asked_for_a_code_without_being_shown_the_secret_again(
    client: Client, practitioner: User
):
    device = TOTPDevice.objects.create(user=practitioner, name="phone", confirmed=True)
    password_sign_in(client, practitioner.email)

    response = client.get(SECOND_FACTOR)

    assert response.status_code == 200
    html = response.content.decode()
    assert "<svg" not in html
    assert device.bin_key.hex() not in html

    response = client.post(SECOND_FACTOR, {"code": current_code(device)})

    assert response.status_code == 302
    assert client.get(DASHBOARD).status_code == 200


def test_wrong_code_shows_the_error_summary_and_does_not_verify(client: Client, practitioner: User):
    password_sign_in(client, practitioner.email)
    client.get(SECOND_FACTOR)
    device = TOTPDevice.objects.get(user=practitioner)

    response = client.post(SECOND_FACTOR, {"code": wrong_code(device)})

    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert "The code is not right" in html
    device.refresh_from_db()
    assert device.confirmed is False
    dashboard = client.get(DASHBOARD)
    assert dashboard.status_code == 302
    assert dashboard["Location"] == SECOND_FACTOR


@pytest.mark.parametrize("code", ["12a456", "abcdef", "12 456", "1234567", "12345", ""])
def test_malformed_code_is_rejected(client: Client, practitioner: User, code: str):
    password_sign_in(client, practitioner.email)
    client.get(SECOND_FACTOR)

    response = client.post(SECOND_FACTOR, {"code": code})

    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert TOTPDevice.objects.get(user=practitioner).confirmed is False
    assert client.get(DASHBOARD)["Location"] == SECOND_FACTOR


def test_staff_pages_redirect_to_the_code_page_until_the_second_factor_is_done(
    practitioner: User, administrator: User
):
    client = Client()
    client.force_login(practitioner)

    response = client.get(DASHBOARD)

    assert response.status_code == 302
    assert response["Location"] == SECOND_FACTOR

    admin_client = Client()
    admin_client.force_login(administrator)
    response = admin_client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert response["Location"] == SECOND_FACTOR


def test_demo_mode_lets_a_password_only_session_reach_staff_pages(settings, practitioner: User):  # noqa: ANN001
    settings.DEMO = True
    client = Client()
    client.force_login(practitioner)

    assert client.get(DASHBOARD).status_code == 200


def test_signed_in_client_with_confirmed_device_reaches_staff_pages(practitioner: User):
    assert signed_in_client(practitioner).get(DASHBOARD).status_code == 200


# --- Wrong passwords and lockout ------------------------------------------------------------------------


def test_wrong_password_shows_a_generic_error_and_counts_the_failure(client: Client, practitioner: User):
    response = password_sign_in(client, practitioner.email, "not the password")

    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert str(SIGN_IN_ERROR) in html
    assert not is_signed_in(client)
    practitioner.refresh_from_db()
    assert practitioner.failed_sign_ins == 1
    assert practitioner.locked_until is None
    failed = events(AuditAction.SIGN_IN_FAILED, practitioner)
    assert len(failed) == 1
    assert failed[0].actor_label == "sign-in form"


def test_account_locks_after_the_maximum_failures_and_refuses_even_the_right_password(
    client: Client, practitioner: User
):
    max_failures = django_settings.SIGN_IN_MAX_FAILURES
    for _ in range(max_failures - 1):
        password_sign_in(client, practitioner.email, "not the password")
    practitioner.refresh_from_db()
    assert practitioner.failed_sign_ins == max_failures - 1
    assert practitioner.locked_until is None

    before = timezone.now()
    response = password_sign_in(client, practitioner.email, "still not the password")

    assert str(SIGN_IN_ERROR) in response.content.decode()
    practitioner.refresh_from_db()
    assert practitioner.is_locked()
    lock = timedelta(minutes=django_settings.SIGN_IN_LOCKOUT_MINUTES)
    assert before + lock <= practitioner.locked_until <= timezone.now() + lock
    assert len(events(AuditAction.LOCKED_OUT, practitioner)) == 1
    assert len(events(AuditAction.SIGN_IN_FAILED, practitioner)) == max_failures - 1

    refused = password_sign_in(client, practitioner.email, PASSWORD)

    assert refused.status_code == 200
    assert refused.context["form"].non_field_errors() == response.context["form"].non_field_errors()
    assert not is_signed_in(client)
    assert events(AuditAction.SIGN_IN) == []


def test_sign_in_works_again_once_the_lock_expires_and_resets_the_counter(client: Client, practitioner: User):
    practitioner.locked_until = timezone.now() - timedelta(seconds=1)
    practitioner.failed_sign_ins = 3
    practitioner.save()

    response = password_sign_in(client, practitioner.email)

    assert response.status_code == 302
    assert response["Location"] == SECOND_FACTOR
    practitioner.refresh_from_db()
    assert practitioner.failed_sign_ins == 0
    assert practitioner.locked_until is None
    assert len(events(AuditAction.SIGN_IN)) == 1


def test_unknown_email_gets_the_same_message_and_writes_nothing_about_any_user(
    client: Client, practitioner: User
):
    known = password_sign_in(client, practitioner.email, "not the password")
    events_before = AuditEvent.objects.count()

    unknown = password_sign_in(client, "nobody@council.test", "not the password")

    assert unknown.status_code == known.status_code == 200
    assert unknown.context["form"].non_field_errors() == known.context["form"].non_field_errors()
    assert AuditEvent.objects.count() == events_before
    assert not User.objects.filter(email="nobody@council.test").exists()
    assert not is_signed_in(client)


def test_blank_email_and_password_each_get_their_own_error_and_nothing_is_saved(
    client: Client, practitioner: User
):
    response = client.post(SIGN_IN, {"email": "", "password": ""})

    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert "Enter your email address" in html
    assert "Enter your password" in html
    assert AuditEvent.objects.count() == 0
    practitioner.refresh_from_db()
    assert practitioner.failed_sign_ins == 0


def test_blank_password_for_a_known_email_is_not_counted_as_a_failed_sign_in(
    client: Client, practitioner: User
):
    response = client.post(SIGN_IN, {"email": practitioner.email, "password": ""})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Enter your password" in html
    assert "Enter your email address" not in html
    practitioner.refresh_from_db()
    assert practitioner.failed_sign_ins == 0
    assert AuditEvent.objects.count() == 0


# --- Sessions ---------------------------------------------------------------------------------------


def _set_last_seen(client: Client, seconds_ago: int) -> None:
    session = client.session
    session[LAST_SEEN_KEY] = int(time.time()) - seconds_ago
    session.save()


def test_idle_session_is_signed_out_and_sent_to_sign_in(practitioner: User):
    client = signed_in_client(practitioner)
    assert client.get(DASHBOARD).status_code == 200
    _set_last_seen(client, django_settings.SESSION_IDLE_MINUTES * 60 + 5)

    response = client.get(DASHBOARD)

    assert response.status_code == 302
    assert response["Location"].startswith(SIGN_IN)
    assert not is_signed_in(client)
    sign_in_page = client.get(response["Location"])
    assert "You were signed out because you had not done anything for a while" in sign_in_page.content.decode()


def test_idle_time_follows_the_setting(settings, practitioner: User):  # noqa: ANN001
    settings.SESSION_IDLE_MINUTES = 1
    client = signed_in_client(practitioner)
    client.get(DASHBOARD)
    _set_last_seen(client, 30)

    assert client.get(DASHBOARD).status_code == 200

    _set_last_seen(client, 90)

    assert client.get(DASHBOARD).status_code == 302
    assert not is_signed_in(client)


def test_active_session_is_kept(practitioner: User):
    client = signed_in_client(practitioner)
    _set_last_seen(client, django_settings.SESSION_IDLE_MINUTES * 60 - 60)

    assert client.get(DASHBOARD).status_code == 200
    assert is_signed_in(client)


def test_sign_out_is_post_only_and_ends_the_session(practitioner: User):
    client = signed_in_client(practitioner)

    assert client.get(SIGN_OUT).status_code == 405
    assert client.get(DASHBOARD).status_code == 200

    response = client.post(SIGN_OUT)

    assert response.status_code == 302
    assert response["Location"] == SIGN_IN
    assert not is_signed_in(client)
    assert client.get(DASHBOARD)["Location"].startswith(SIGN_IN)


def test_sign_out_needs_the_csrf_token(practitioner: User):
    client = Client(enforce_csrf_checks=True)
    client.force_login(practitioner)

    assert client.post(SIGN_OUT).status_code == 403
    assert is_signed_in(client)


# --- Where sign-in goes next -------------------------------------------------------------------------


def test_next_path_on_this_site_is_followed_after_the_second_factor(client: Client, practitioner: User):
    device = TOTPDevice.objects.create(user=practitioner, name="phone", confirmed=True)
    cases = reverse("core:case_list")

    password_sign_in(client, practitioner.email, next_url=cases)
    response = client.post(SECOND_FACTOR, {"code": current_code(device)})

    assert response.status_code == 302
    assert response["Location"] == cases


@pytest.mark.parametrize(
    "next_url",
    [
        "https://evil.example/",
        "http://evil.example/staff/",
        "//evil.example/",
        "/\\evil.example/",
        "https:evil.example",
        "javascript:alert(1)",
    ],
)
def test_next_pointing_off_site_goes_to_the_dashboard(client: Client, practitioner: User, next_url: str):
    device = TOTPDevice.objects.create(user=practitioner, name="phone", confirmed=True)

    password_sign_in(client, practitioner.email, next_url=next_url)
    assert client.session[NEXT_KEY] == DASHBOARD
    response = client.post(SECOND_FACTOR, {"code": current_code(device)})

    assert response.status_code == 302
    assert response["Location"] == DASHBOARD


def test_next_pointing_off_site_goes_to_the_dashboard_in_demo_mode_too(
    settings, client: Client, practitioner: User  # noqa: ANN001
):
    settings.DEMO = True

    response = password_sign_in(client, practitioner.email, next_url="https://evil.example/")

    assert response.status_code == 302
    assert response["Location"] == DASHBOARD


# --- Password reset ---------------------------------------------------------------------------------


def _reset_link(body: str) -> str:
    match = re.search(r"https?://testserver(/password-reset/[^\s]+/)", body)
    assert match, body
    return match.group(1)


def test_password_reset_for_a_known_email_queues_and_sends_exactly_one_message(
    client: Client, practitioner: User, django_capture_on_commit_callbacks  # noqa: ANN001
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(PASSWORD_RESET, {"email": practitioner.email})

    assert response.status_code == 302
    assert response["Location"] == PASSWORD_RESET_SENT
    message = OutboundMessage.objects.get()
    assert message.purpose == "password_reset"
    assert message.to == practitioner.email
    message.refresh_from_db()
    assert message.state == DeliveryState.SENT
    assert message.sent_at is not None
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [practitioner.email]
    assert "/password-reset/" in _reset_link(mail.outbox[0].body)


def test_password_reset_for_an_unknown_email_sends_nothing_but_looks_the_same(
    client: Client, practitioner: User, django_capture_on_commit_callbacks  # noqa: ANN001
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(PASSWORD_RESET, {"email": "nobody@council.test"})

    assert response.status_code == 302
    assert response["Location"] == PASSWORD_RESET_SENT
    assert OutboundMessage.objects.count() == 0
    assert mail.outbox == []
    assert "Check your email" in client.get(PASSWORD_RESET_SENT).content.decode()


def test_password_reset_link_lets_the_user_choose_a_new_password_that_meets_the_rules(
    client: Client, practitioner: User, django_capture_on_commit_callbacks  # noqa: ANN001
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(PASSWORD_RESET, {"email": practitioner.email})
    link = _reset_link(mail.outbox[0].body)

    landing = client.get(link)
    assert landing.status_code == 302  # Django moves the token out of the URL into the session
    form_url = landing["Location"]
    assert client.get(form_url).status_code == 200

    too_short = client.post(form_url, {"new_password1": "Sh0rt!", "new_password2": "Sh0rt!"})

    assert too_short.status_code == 200
    html = too_short.content.decode()
    assert "There is a problem" in html
    assert "This password is too short" in html
    practitioner.refresh_from_db()
    assert practitioner.check_password(PASSWORD)

    new_password = "a much longer passphrase 42"
    done = client.post(form_url, {"new_password1": new_password, "new_password2": new_password})

    assert done.status_code == 302
    assert done["Location"] == PASSWORD_RESET_COMPLETE
    practitioner.refresh_from_db()
    assert practitioner.check_password(new_password)
    assert not practitioner.check_password(PASSWORD)
    # The link works once only.
    assert "This link has expired" in Client().get(link, follow=True).content.decode()


# --- Password storage --------------------------------------------------------------------------------


def test_argon2_is_the_password_hasher_outside_tests(tmp_path: Path):
    """Tests swap in a fast hasher (settings.TESTING); a normally started process must hash with Argon2."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CSPHUB_", "PYTEST_"))}
    env.update(DJANGO_SETTINGS_MODULE="csphub.settings", SECRET_KEY="x" * 50, CSPHUB_VAR_DIR=str(tmp_path))
    script = (
        "import django; django.setup(); "
        "from django.conf import settings; from django.contrib.auth.hashers import make_password; "
        "print(settings.TESTING, settings.PASSWORD_HASHERS[0], make_password('p').split('$')[0])"
    )

    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60,
        cwd=django_settings.BASE_DIR, check=False,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "django.contrib.auth.hashers.Argon2PasswordHasher", "argon2"]


@pytest.mark.parametrize(
    ("persona", "landing"),
    [("practitioner_a", "core:dashboard"), ("analyst", "core:figures"), ("board", "core:figures"),
     ("administrator", "audit:viewer"), ("centre_staff", "home")],
)
def test_signing_in_lands_on_the_page_for_the_role(world, settings, persona: str, landing: str) -> None:  # noqa: ANN001
    from django.test import Client
    from django.urls import reverse

    settings.DEMO = True  # password only, so the landing page is the next response
    user = world.users_by_persona()[persona]
    response = Client().post(reverse("partnership:sign_in"), {"email": user.email, "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == reverse(landing)
