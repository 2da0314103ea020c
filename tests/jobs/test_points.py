"""The points a card gives each part of a job's score, to a tenth, adding up to the score
before it is rounded: by example on the page and by property (readers of rounds 41 and 42
could not tell from the words alone why one job outscored another). Only where every part
counts: with one left out, the others' shares ("3.7 of 22.2") could not be read (round 53)."""

import re
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from alignment import wording
from alignment.scoring import Components, round_half_up
from demo.elena import load_demo
from jobs.models import Job
from tests.helpers import text_of

DASHBOARD = reverse("alignment:dashboard")


@st.composite
def part(draw):
    """A component's weights (matched, total), or None when the direction lacks it."""
    if draw(st.booleans()) and draw(st.booleans()):
        return None
    total = draw(st.integers(min_value=1, max_value=15))
    return draw(st.integers(min_value=0, max_value=total)), total


@given(skills=part(), goals=part(), values=part(), fit=st.none() | st.integers(1, 5))
def test_the_points_add_up_to_the_score(skills, goals, values, fit):
    def ratio(weights):
        return None if weights is None else Fraction(*weights)

    parts = Components(
        ratio(skills),
        ratio(goals),
        ratio(values),
        None if fit is None else Fraction(fit - 1, 4),
        skills or (0, 0),
        goals or (0, 0),
        values or (0, 0),
    )
    counts = {"skills": (skills or (0, 1))[1], "goals": (goals or (0, 1))[1]}
    counts["values"] = (values or (0, 1))[1]
    lines = wording.component_lines(parts, counts, {"skills": [], "goals": [], "values": []})
    weighted = [(4, parts.skills), (3, parts.goals), (2, parts.values), (1, parts.identity)]
    defined = [(w, x) for w, x in weighted if x is not None]
    counted = [line for line in lines if line["counted"]]
    assert len(counted) == len(defined)
    if len(defined) < 4:
        # A part left out: the card says which, and gives no points.
        assert not any("points" in line for line in lines)
        return
    # DESIGN's score: 100 × Σ W·x ÷ Σ W over the parts; each part's points are its term,
    # 100 × W·x ÷ Σ W, out of 100 × W ÷ Σ W.
    whole = sum(w for w, _ in defined)
    score = round_half_up(100 * sum(w * x for w, x in defined) / whole)

    def tenth(value):
        said = Decimal(value.numerator) / Decimal(value.denominator)
        return said.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

    for line, (w, x) in zip(counted, defined, strict=True):
        assert Decimal(line["points"]) == tenth(Fraction(100 * w, whole) * x)
        assert Decimal(line["out_of"]) == tenth(Fraction(100 * w, whole))
        assert 0 <= Decimal(line["points"]) <= Decimal(line["out_of"])
        # No point for a part the job gave nothing of; a full part shows full.
        if line["ratio"] == 0:
            assert line["points"] == "0"
        if line["ratio"] == 1:
            assert line["points"] == line["out_of"]
    assert [line["out_of"] for line in counted] == ["40", "30", "20", "10"]
    # What the card shows adds up to the score, within the tenths it rounded.
    shown = sum(Decimal(line["points"]) for line in counted)
    assert abs(shown - score) <= Decimal("0.7")


@pytest.mark.django_db
def test_each_part_of_a_card_says_its_points(client):
    client.force_login(load_demo())
    text = text_of(client.get(DASHBOARD))
    waiter = text.split("Waiter · Rosa's Diner")[1].split("How the score of 13 is counted")[0]
    # (4 × 2/12 + 3 × 0/7 + 2 × 1/6 + 1 × 1/4) ÷ 10 × 100 = 12.50: 6.67 + 0 + 3.33 + 2.5.
    assert "Uses Public speaking (important): 1 of your 5 target skills 6.7 of 40 points" in waiter
    assert "Advances none of your 3 goals 0 of 30 points" in waiter
    assert (
        "Gives 1 of the 3 things you value from work: Money (nice to have) 3.3 of 20 points"
        in waiter
    )
    assert "2 of 5, a little like me 2.5 of 10 points" in waiter
    # Each thing named says how much it matters: two "1 of 3" that got different points say why.
    assert (
        "Gave all 3 of the things you value from work: Fulfillment (essential), Identity "
        "(important), Money (nice to have) 20 of 20 points"
    ) in text
    # One skill is worth the same on every card (whole numbers made to add up gave
    # Choreography 3 points on one and 4 on another, round 43).
    assert "Used Choreography (nice to have): 1 of your 5 target skills 3.3 of 40 points" in text
    assert (
        "Taught you Choreography (nice to have): 1 of your 5 target skills 3.3 of 40 points" in text
    )
    # An offer whose fit is not rated: no points (the others' shares, "3.7 of 22.2", could
    # not be read, round 53); its fit row says the score is out of the other parts.
    offer = text.split("Offers on the table")[1].split("How the score of 4 is counted")[0]
    assert "Would use none of your 5 target skills Goals" in offer
    assert not re.search(r"[\d.]+ of [\d.]+ points", offer)
    assert "so it is scored out of the points the other parts can give, scaled up to 100" in offer


@pytest.mark.django_db
def test_the_offer_page_compares_without_points(client):
    # Its scores are compared without fit: the job's points (with fit) would not add up.
    elena = load_demo()
    client.force_login(elena)
    offer = Job.objects.get(owner=elena, stage="offer")
    text = text_of(client.get(reverse("alignment:job_detail", args=[offer.pk])))
    assert "Uses Public speaking (important): 1 of your 5 target skills" in text
    assert "of 40 points" not in text
