from django import forms
from django.contrib.auth import authenticate
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from partnership.actions import do_record_failed_sign_in
from partnership.models import User

SIGN_IN_ERROR = _(
    "Enter a correct email address and password. After several failed attempts an account is locked "
    "for a while."
)


class SignInForm(forms.Form):
    email = forms.EmailField(label=_("Email address"), error_messages={"required": _("Enter your email address")})
    password = forms.CharField(
        label=_("Password"), widget=forms.PasswordInput, error_messages={"required": _("Enter your password")}
    )

    def __init__(self, request, *args, **kwargs) -> None:  # noqa: ANN001
        self.request = request
        self.user: User | None = None
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "username"
        self.fields["password"].widget.attrs["autocomplete"] = "current-password"

    def clean(self) -> dict:
        data = super().clean()
        if self.errors:
            return data
        candidate = User.objects.filter(email__iexact=data["email"]).first()
        # A locked account is refused before the password is even checked, with the same message.
        if candidate is not None and candidate.is_locked():
            raise forms.ValidationError(SIGN_IN_ERROR)
        self.user = authenticate(self.request, username=data["email"].lower(), password=data["password"])
        if self.user is None:
            if candidate is not None:
                do_record_failed_sign_in(candidate)
            raise forms.ValidationError(SIGN_IN_ERROR)
        return data


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from your authenticator app"),
        help_text=_("The 6-digit code the app shows now"),
        max_length=6,
        min_length=6,
        error_messages={
            "required": _("Enter the 6-digit code from your authenticator app"),
            "min_length": _("The code must be 6 digits"),
            "max_length": _("The code must be 6 digits"),
        },
    )

    def __init__(self, device: TOTPDevice, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        self.device = device
        super().__init__(*args, **kwargs)
        self.fields["code"].widget.attrs.update(
            {"autocomplete": "one-time-code", "inputmode": "numeric", "class": "govuk-input--width-5"}
        )

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].strip()
        if not code.isdigit() or not self.device.verify_token(code):
            raise forms.ValidationError(_("The code is not right. Check the app and enter the code it shows now"))
        return code
