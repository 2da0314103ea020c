"""The verbs and fit phrases a score's sentences are made of: of a job held, and of an offer."""

# The verbs of a job held, and of an offer (what it would do). A skill a job *used* is one
# the person already had; one it *taught* them (ticked "gained") they learned there: both
# count the same.
VERBS = {
    False: {
        "use": "used",
        "teach": "taught you",
        "none": "used none",
        "advance": "advanced",
        "not_advance": "did not advance",
        "give": "gave",
        "not_give": "did not give",
        "fit": "you rated how well it fitted who you are",
        "no_fit": (
            "not counted: you have not rated how well it fitted who you are, so it is "
            "scored out of the points the other parts can give, scaled up to 100"
        ),
    },
    True: {
        "use": "would use",
        "teach": "would teach you",
        "none": "would use none",
        "advance": "would advance",
        "not_advance": "would not advance",
        "give": "would give",
        "not_give": "would not give",
        "fit": "you expect it to fit who you are",
        "no_fit": (
            "not counted: you have not said how well you expect it to fit who you are, so "
            "it is scored out of the points the other parts can give, scaled up to 100"
        ),
    },
}


# Of a held job that goes on, in the present: "uses Public speaking", "advances none of …".
VERBS_NOW = {
    "use": "uses",
    "teach": "has taught you",
    "none": "uses none",
    "advance": "advances",
    "not_advance": "does not advance",
    "give": "gives",
    "not_give": "does not give",
    "fit": "you rated how well it fits who you are",
    "no_fit": (
        "not counted: you have not rated how well it fits who you are, so it is scored out "
        "of the points the other parts can give, scaled up to 100"
    ),
}


# How well a job fitted who the person is, by their rating (1-5), in words that fit the
# rating: a 2 is not praise. Of a job held, and of an offer.
FIT_SAID = {
    False: {
        1: "did not fit who you are",
        2: "fitted who you are only a little",
        3: "fitted who you are in part",
        4: "fitted who you are",
        5: "fitted who you are",
    },
    True: {
        1: "would not fit who you are",
        2: "would fit who you are only a little",
        3: "would fit who you are in part",
        4: "would fit who you are",
        5: "would fit who you are",
    },
}
# Of a job that goes on, in the present: "does not fit who you are", "fits who you are …".
FITS_NOW = {
    n: said.replace("did not", "does not").replace("fitted", "fits")
    for n, said in FIT_SAID[False].items()
}
