from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewsConfig(AppConfig):
    name = "reviews"

    def ready(self) -> None:
        from access.policy import CASEWORK_ROLES, can, register_global_rule, register_object_rules
        from csphub.context_processors import NavEntry, register_navigation
        from partnership.models import Role
        from reviews.models import ChannelReferral, DomesticHomicideReview

        def casework(actor) -> bool:  # noqa: ANN001
            return actor.has_role(*CASEWORK_ROLES)

        def coordinator(actor) -> bool:  # noqa: ANN001
            return actor.user is not None and actor.has_role(Role.COORDINATOR)

        # Deaths are notified to the partnership, and Channel referrals received, by its coordinator.
        register_global_rule("notify_dhr", coordinator)
        register_global_rule("receive_channel_referral", coordinator)
        register_global_rule("view_reviews", casework)  # lists show only the records the actor may see
        register_global_rule("view_lessons", casework)
        register_global_rule("view_prevent", lambda a: a.has_role(Role.COORDINATOR, Role.ANALYST, Role.BOARD))
        register_global_rule("manage_prevent", coordinator)

        def record_rules(actor, action: str, obj) -> bool:  # noqa: ANN001
            """Restricted records follow their case: the panel members on its team see and work on them;
            the decision itself is for the lead agency or a coordinator on the team."""
            case_action = {"view_record": "view_case", "update_record": "add_to_case",
                           "decide_record": "edit_case"}.get(action)
            return case_action is not None and can(actor, case_action, obj.case)

        register_object_rules(DomesticHomicideReview, record_rules)
        register_object_rules(ChannelReferral, record_rules)

        from datetime import timedelta

        from intake.schedule import register_periodic
        from reviews.tasks import send_channel_reminders, send_dhr_reminders

        register_periodic("DHR deadline reminders", send_dhr_reminders, timedelta(hours=24))
        register_periodic("Channel review reminders", send_channel_reminders, timedelta(hours=24))

        casework_roles = frozenset({Role.COORDINATOR, Role.PRACTITIONER})
        register_navigation(
            NavEntry(_("Homicide reviews"), "reviews:dhr_dashboard", casework_roles, order=40),
            NavEntry(_("Channel"), "reviews:channel_dashboard", casework_roles, order=41),
            NavEntry(_("Prevent"), "reviews:prevent", frozenset({Role.COORDINATOR, Role.ANALYST, Role.BOARD}),
                     order=42),
        )
