"""The import's upload form, for a page of another app to show ({% load portability %}
{% import_form %}: the account page), which then needs to know nothing of the import."""

from django import template
from django.template import Context

from portability.forms import ImportForm

register = template.Library()


@register.inclusion_tag("portability/_upload.html", takes_context=True)
def import_form(context: Context) -> dict[str, ImportForm]:
    return {"import_form": ImportForm(user=context["request"].user)}
