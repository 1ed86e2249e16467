from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VawgConfig(AppConfig):
    name = "vawg"

    def ready(self) -> None:
        from access.policy import Actor, register_global_rule, register_object_rules
        from analytics.assessment import register_assessment_section
        from analytics.sources import register_point_source
        from analytics.trends import register_monthly_source
        from csphub.context_processors import NavEntry, register_navigation
        from intake.status import register_status_source
        from partnership.models import Role
        from vawg.assessment import safer_spaces_section
        from vawg.models import Venue
        from vawg.queries import unsafe_place_months, unsafe_place_points

        def view(actor: Actor) -> bool:
            return actor.has_role(Role.PRACTITIONER, Role.COORDINATOR, Role.ANALYST, Role.BOARD)

        def manage_venues(actor: Actor) -> bool:
            return actor.has_role(Role.PRACTITIONER, Role.COORDINATOR)

        def venue_rules(actor: Actor, action: str, venue: Venue) -> bool:
            return {"view_venue": view, "edit_venue": manage_venues}.get(action, lambda _a: False)(actor)

        register_global_rule("view_safer_spaces", view)
        register_global_rule("manage_venues", manage_venues)
        register_global_rule("manage_campaigns", lambda actor: actor.has_role(Role.COORDINATOR))
        register_object_rules(Venue, venue_rules)
        register_point_source("unsafe_place", unsafe_place_points)
        register_monthly_source("unsafe_place", unsafe_place_months)
        register_assessment_section(safer_spaces_section)
        # Reports are anonymous and promise no follow-up, so their references have no status to look up.
        register_status_source("USP", lambda reference, secret: None)
        register_navigation(NavEntry(_("Safer spaces"), "vawg:unsafe_places",
                                     frozenset({"analyst", "board", "coordinator", "practitioner"}), order=55))
