"""The content a share link shows: the owner's dashboard and career story, read-only.

The same builders and templates as the owner's own pages (alignment.dashboard and
alignment.story), with
`read_only` on: the templates leave out every way to change, export or import anything, and
the links that would lead into the owner's signed-in pages point within the shared page
instead (a job's bar to its explanation).
"""

from django.template.loader import render_to_string

from alignment import dashboard, story


def read_only_dashboard(owner, today):
    """alignment.dashboard.dashboard's context, with its links kept inside the shared page."""
    context = dashboard.dashboard(owner, today)
    explained = {view.job.id for view in context["explained"] + context["offers"]}
    for view in context["charted"] + context["offers"]:
        view.url = f"#job-{view.job.id}-title" if view.job.id in explained else "#timeline-heading"
    for row in (context["timeline"] or {}).get("rows", []):
        if "view" in row:  # a job's row; the direction's has no link
            row["url"] = row["view"].url
    return context


def owner_name(owner):
    """What a shared page calls its owner: the name they gave, else "the owner" (never their
    log-in username, which is half of what a password guesser needs)."""
    return owner.get_full_name() or "the owner"


def shared_body(owner, today, *, names):
    """The shared page's content: 7 queries for the dashboard, 1 more for the story. `names`:
    whether the story names the people met."""
    shown = {"user": owner, "read_only": True, "names": names, "owner_name": owner_name(owner)}
    board = {**read_only_dashboard(owner, today), **shown}
    # The story of the history the dashboard has read and scored already.
    told = {**story.story(owner, today, names=names, reading=board["reading"]), **shown}
    return render_to_string(
        "sharing/_shared_body.html",
        {
            **board,
            "dashboard_html": render_to_string("alignment/_dashboard_body.html", board),
            "story_html": render_to_string("alignment/_story_body.html", told),
        },
    )
