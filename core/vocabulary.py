"""The words of DESIGN's vocabulary that the rules are written in, as the database and the
export keep them: plain Python, so that the pure scoring (alignment.scoring) and the models
(whose choices carry the labels) share one spelling of each."""

# Job stage: a job the person had or has, or one they are weighing.
HELD = "held"
OFFER = "offer"

# Direction status.
CURRENT = "current"
PAST = "past"
CONSIDERING = "considering"
# The directions a held job is set against by default: those the person has followed.
FOLLOWED = (CURRENT, PAST)

# Goal status.
PLANNED = "planned"
ACTIVE = "active"
ACHIEVED = "achieved"
DROPPED = "dropped"
# An open goal: one still to reach (neither achieved nor dropped).
OPEN_GOALS = (PLANNED, ACTIVE)

# The employment types that pay nothing by themselves, and the value a paid job gives.
UNPAID_TYPES = ("volunteer", "unpaid")
MONEY = "money"
