"""The offer form filled in from its address: a bridge's "Weigh it as an offer" (Your next job)."""

from careers.prefill import occupation_prefill, skill_names
from jobs.forms import GAINED, USED, target_skills
from jobs.offer_forms import OfferForm


def offer_prefill(request):
    """Initial values of the offer form from its address (a bridge's "Weigh it as an
    offer"): the title and occupation, the skills it would teach (`teach`) and use (`use`).
    A target skill of the person's directions is ticked as taught or used; the others are
    typed in. Nothing is saved until the person saves. 1 query when skills are asked."""
    initial = occupation_prefill(request)
    teach = skill_names(request, "teach")
    taught = {name.casefold() for name in teach}
    use = [name for name in skill_names(request, "use") if name.casefold() not in taught]
    if not (teach or use):
        return initial
    ticked = set()
    groups, _ = target_skills(request.user)  # the skills the form offers to tick
    for skill in (skill for _, skills in groups for skill in skills):
        folded = skill.name.casefold()
        if folded in taught or folded in {name.casefold() for name in use}:
            initial[OfferForm.target_field(skill)] = GAINED if folded in taught else USED
            ticked.add(folded)
    initial["skills_gained"] = ", ".join(n for n in teach if n.casefold() not in ticked)
    initial["skills_used"] = ", ".join(n for n in use if n.casefold() not in ticked)
    return initial
