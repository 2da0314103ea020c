"""Words the alignment templates say of a direction: {{ direction.title|career }} is "your
professional wrestler career" (alignment.wording.career), so a page does not use a direction's
title as if it were a person's name."""

from django import template

from alignment.wording import career as career_of

register = template.Library()


@register.filter
def career(title: str) -> str:
    return career_of(title)
