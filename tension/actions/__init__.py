"""Every write in the tension app: one transaction each, with its audit event; alerts queued through the
outbox so a rolled-back change alerts nobody. Callers have passed the access gate already."""

from tension.actions.areas import do_create_area, do_review_report_sharing, do_set_area_level, do_submit_tension_report
from tension.actions.incidents import (
    do_add_partner_contact,
    do_add_response_action,
    do_add_timeline_entry,
    do_complete_response_action,
    do_declare_incident,
    do_escalate_incident,
    do_issue_sitrep,
    do_stand_down_incident,
)
from tension.actions.rumours import (
    do_approve_counter_message,
    do_change_rumour_status,
    do_record_rumour,
    do_update_rumour,
)

__all__ = [
    "do_add_partner_contact", "do_add_response_action", "do_add_timeline_entry", "do_approve_counter_message",
    "do_change_rumour_status", "do_complete_response_action", "do_create_area", "do_declare_incident",
    "do_escalate_incident", "do_issue_sitrep", "do_record_rumour", "do_review_report_sharing",
    "do_set_area_level", "do_stand_down_incident", "do_submit_tension_report", "do_update_rumour",
]
