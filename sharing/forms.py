"""The forms that make a share link and an access token (the secret itself is never a field)."""

from crispy_forms.layout import Layout, Submit
from django import forms

from core.forms import LIVE_LIMIT, OwnedModelForm
from sharing.models import ShareLink


class ShareLinkForm(OwnedModelForm):
    """A new read-only link: who it is for, how long it opens, whether it names contacts."""

    days = forms.TypedChoiceField(
        label="Opens for",
        choices=list(ShareLink.LIFETIMES.items()),
        coerce=int,
        initial=ShareLink.DEFAULT_DAYS,
        help_text="It stops opening after that; you can revoke it sooner at any time.",
    )

    class Meta:
        model = ShareLink
        fields = ["label", "days", "show_contacts"]
        labels = {"label": "Who is it for?", "show_contacts": "Show the names of people I met"}
        help_texts = {"label": "Only you see it, beside the link's dates."}
        widgets = {"label": forms.TextInput(attrs={"placeholder": "for my mentor"})}

    def get_layout(self):
        return Layout("label", "days", "show_contacts", Submit("create", "Create the link"))

    def clean(self):
        cleaned = super().clean()
        if ShareLink.objects.owned_by(self.owner).live().count() >= LIVE_LIMIT:
            raise forms.ValidationError(
                f"You have {LIVE_LIMIT} links that still open, the most Bearing keeps at once: "
                "revoke one you no longer need first."
            )
        return cleaned
