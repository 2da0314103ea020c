"""Template tags for the O*NET reference: the attribution its licence asks for."""

from django import template

from careers import occupations

register = template.Library()


@register.inclusion_tag("includes/_onet_attribution.html")
def onet_attribution():
    """The attribution, with a link to the About the data page: put it wherever a
    suggestion from O*NET is shown ({% load occupations %}{% onet_attribution %})."""
    return {"attribution": occupations.attribution()}
