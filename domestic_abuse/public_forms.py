"""The public self-referral questions: plain English, one question per page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from domestic_abuse.models import SupportService
from intake.flow import Question, QuestionFlow

YES_NO = [("yes", _("Yes")), ("no", _("No"))]


class ServiceForm(forms.Form):
    service = forms.ChoiceField(label=_("Who would you like to help you?"), widget=forms.RadioSelect,
                                error_messages={"required": _("Choose who you would like to help you")})

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        services = SupportService.objects.filter(active=True, accepts_self_referral=True)
        self.fields["service"].choices = [(str(s.pk), s.name) for s in services]


class NameForm(forms.Form):
    name = forms.CharField(label=_("What should we call you?"), max_length=100,
                           help_text=_("You can use a first name only, or a made-up name."),
                           error_messages={"required": _("Enter a name we can call you")})


class ContactForm(forms.Form):
    contact_method = forms.ChoiceField(label=_("How should they contact you?"), widget=forms.RadioSelect,
                                       choices=[("phone", _("Phone")), ("email", _("Email"))],
                                       error_messages={"required": _("Choose phone or email")})
    contact_detail = forms.CharField(label=_("Phone number or email address"), max_length=200,
                                     help_text=_("Only give one that is safe. Someone else must not see it."),
                                     error_messages={"required": _("Enter a phone number or email address")})

    def clean(self) -> dict:
        data = super().clean()
        detail, method = data.get("contact_detail", ""), data.get("contact_method")
        if method == "email" and detail and "@" not in detail:
            self.add_error("contact_detail", _("Enter an email address, like name@example.com"))
        if method == "phone" and detail and sum(c.isdigit() for c in detail) < 10:
            self.add_error("contact_detail", _("Enter a phone number, like 07700 900 982"))
        return data


class SafetyForm(forms.Form):
    safe_times = forms.CharField(label=_("When is it safe to contact you?"), max_length=200, required=False,
                                 help_text=_("For example, weekdays after 10am"))
    leave_message = forms.ChoiceField(label=_("Is it safe to leave a message?"), choices=YES_NO,
                                      widget=forms.RadioSelect,
                                      error_messages={"required": _("Say if it is safe to leave a message")})


class MessageForm(forms.Form):
    message = forms.CharField(label=_("Is there anything you want them to know? (optional)"), required=False,
                              max_length=2000, widget=forms.Textarea(attrs={"rows": 5}))


class SelfReferralFlow(QuestionFlow):
    # The flow's URLs live inside this app's namespace, so its own name carries the prefix.
    name = "domestic_abuse:self_referral"
    kind = "da_self_referral"
    page_title = _("Ask for help")
    question_template = "domestic_abuse/public/question.html"
    check_template = "domestic_abuse/public/check_answers.html"
    done_template = "domestic_abuse/public/confirmation.html"
    questions = [
        Question("service", ServiceForm, _("Who would you like to help you?")),
        Question("name", NameForm, _("What should we call you?")),
        Question("contact", ContactForm, _("How should they contact you?")),
        Question("safety", SafetyForm, _("Keeping you safe")),
        Question("message", MessageForm, _("Anything else")),
    ]

    def create_record(self, answers: dict) -> tuple[str, dict]:
        from domestic_abuse.safeguarding_actions import create_self_referral

        return create_self_referral(answers)
