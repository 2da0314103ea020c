"""Template tags for the O*NET reference: the attribution its licence asks for."""

from django import template

from careers import occupations

register = template.Library()


@register.inclusion_tag("includes/_onet_attribution.html")
def onet_attribution(short=False):
    """The attribution, with a link to the About the data page: put it wherever a
    suggestion or a bridge from O*NET is shown ({% load occupations %}{% onet_attribution %}).
    `short=True` gives one line naming the source and licence, linked to the full text
    (which the licence allows), for a sentence inside another block."""
    return {
        "attribution": occupations.attribution(),
        "database": occupations.source().split(" (")[0],  # "O*NET 28.2 Database"
        "short": short,
    }
