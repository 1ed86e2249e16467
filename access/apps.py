from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccessConfig(AppConfig):
    name = "access"
    verbose_name = "Access policy"

    def ready(self) -> None:
        from access.agreements import status_of
        from access.models import SharingAgreement
        from access.policy import CASEWORK_ROLES, Actor, register_global_rule, register_object_rules
        from access.rules import AgreementStatus
        from csphub.context_processors import NavEntry, register_navigation
        from partnership.models import Role

        def read_register(actor: Actor) -> bool:
            return actor.has_role(*CASEWORK_ROLES)

        def manage_register(actor: Actor) -> bool:
            return actor.user is not None and actor.has_role(Role.COORDINATOR)

        def agreement_rules(actor: Actor, action: str, agreement: SharingAgreement) -> bool:
            match action:
                case "view_sharing_agreement":
                    return read_register(actor)
                case "edit_sharing_agreement":
                    return manage_register(actor)
                case "end_sharing_agreement":
                    return manage_register(actor) and status_of(agreement) != AgreementStatus.ENDED
                case _:
                    return False

        # Agreements hold no personal data: every caseworker may read the register; coordinators keep it.
        register_global_rule("view_sharing_agreements", read_register)
        register_global_rule("manage_sharing_agreements", manage_register)
        register_object_rules(SharingAgreement, agreement_rules)
        register_navigation(
            NavEntry(
                _("Sharing agreements"), "access:agreement_list", frozenset({"coordinator", "practitioner"}), order=75
            )
        )
