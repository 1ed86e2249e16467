"""Shared personas for the test suite: agencies, staff in every role, and cases they may and may not see."""

from dataclasses import dataclass

import pytest
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from access.models import LawfulBasis, SharingPurpose
from access.policy import actor_for_user
from access.testing import make_sharing_agreement
from core.actions import do_add_participant, do_add_team_agency, do_create_case
from core.models import Case
from partnership.models import Agency, AgencyKind, Membership, Role, User

PASSWORD = "correct horse battery staple"
ALL_SHARING_PURPOSES = tuple(SharingPurpose.values)


def make_user(email: str, agency: Agency, role: str, panels: str = "") -> User:
    user = User.objects.create_user(email, PASSWORD, full_name=email.split("@")[0].replace(".", " ").title())
    Membership.objects.create(user=user, agency=agency, role=role, panels=panels)
    return user


def signed_in_client(user: User | None) -> Client:
    """A client signed in with password and a confirmed second factor, as a real session would be."""
    client = Client()
    if user is None:
        return client
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
        user=user, name="test", confirmed=True
    )
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


@dataclass
class World:
    council: Agency
    police: Agency
    charity: Agency
    fire: Agency
    centre: Agency
    practitioner_a: User  # council ASB officer
    practitioner_b: User  # police officer, MARAC panel member
    outsider: User  # fire practitioner on no team
    idva: User  # charity, MARAC panel
    coordinator: User
    analyst: User
    board: User
    administrator: User
    centre_staff: User
    case_a: Case  # ASB case led by the council, police not on team
    case_b: Case  # police-led case
    marac: Case  # restricted kind: charity leads, police on team

    def users_by_persona(self) -> dict[str, User | None]:
        return {
            "anonymous": None,
            "practitioner_a": self.practitioner_a,
            "practitioner_b": self.practitioner_b,
            "outsider": self.outsider,
            "idva": self.idva,
            "coordinator": self.coordinator,
            "analyst": self.analyst,
            "board": self.board,
            "administrator": self.administrator,
            "centre_staff": self.centre_staff,
        }


def _consented_participant(case: Case, acting_user: User, given: str, family: str, role: str = "victim") -> None:
    do_add_participant(
        case=case,
        person_fields={"given_name": given, "family_name": family, "address": "1 Example Street",
                       "postcode": "CA1 1AA", "phone": "07700 900123"},
        role=role,
        basis=LawfulBasis.CONSENT,
        basis_explanation="",
        acting=actor_for_user(acting_user),
    )


@pytest.fixture
def world(db) -> World:  # noqa: ANN001
    council = Agency.objects.create(name="Test Council", kind=AgencyKind.COUNCIL)
    police = Agency.objects.create(name="Test Police", kind=AgencyKind.POLICE)
    charity = Agency.objects.create(name="Test DA Charity", kind=AgencyKind.VOLUNTARY)
    fire = Agency.objects.create(name="Test Fire", kind=AgencyKind.FIRE)
    centre = Agency.objects.create(name="Test Reporting Centre", kind=AgencyKind.REPORTING_CENTRE)
    practitioner_a = make_user("asb.officer@council.test", council, Role.PRACTITIONER)
    practitioner_b = make_user("pc.officer@police.test", police, Role.PRACTITIONER, panels="marac")
    outsider = make_user("fire.officer@fire.test", fire, Role.PRACTITIONER)
    idva = make_user("idva@charity.test", charity, Role.PRACTITIONER, panels="marac")
    coordinator = make_user("coordinator@council.test", council, Role.COORDINATOR)
    analyst = make_user("analyst@council.test", council, Role.ANALYST)
    board = make_user("board@council.test", council, Role.BOARD)
    administrator = make_user("admin@council.test", council, Role.ADMINISTRATOR)
    centre_staff = make_user("staff@centre.test", centre, Role.REPORTING_CENTRE)

    case_a = do_create_case(acting=actor_for_user(practitioner_a), kind="asb", title="Noise and intimidation",
                            lead_agency=council, lead_officer=practitioner_a)
    _consented_participant(case_a, practitioner_a, "Alex", "Victimson")
    case_b = do_create_case(acting=actor_for_user(practitioner_b), kind="hate", title="Graffiti on shop",
                            lead_agency=police, lead_officer=practitioner_b)
    _consented_participant(case_b, practitioner_b, "Sam", "Shopkeeper")
    marac = do_create_case(acting=actor_for_user(idva), kind="marac", title="High-risk DA referral",
                           lead_agency=charity, lead_officer=idva, risk_level="high")
    _consented_participant(marac, idva, "Jo", "Survivor")
    # The partnership's agreement: fire and the reporting centre have not signed it.
    make_sharing_agreement(council, police, charity, purposes=ALL_SHARING_PURPOSES, reference="ISA-WORLD")
    do_add_team_agency(case=marac, agency=police, sensitive_access=False, acting=actor_for_user(idva))
    return World(council, police, charity, fire, centre, practitioner_a, practitioner_b, outsider, idva,
                 coordinator, analyst, board, administrator, centre_staff, case_a, case_b, marac)


@pytest.fixture
def as_user():
    return signed_in_client
