from django.urls import include, path

from careers import views

app_name = "careers"


def crud(prefix, name, list_view, detail_view, create, update, delete):
    """The five pages of one kind of record, under /careers/<prefix>/."""
    return [
        path(f"{prefix}/", list_view, name=f"{name}_list"),
        path(f"{prefix}/add/", create.as_view(), name=f"{name}_add"),
        path(f"{prefix}/<int:pk>/", detail_view, name=f"{name}_detail"),
        path(f"{prefix}/<int:pk>/edit/", update.as_view(), name=f"{name}_edit"),
        path(f"{prefix}/<int:pk>/delete/", delete.as_view(), name=f"{name}_delete"),
    ]


# A person's own records, under /careers/.
pages = [
    *crud(
        "directions",
        "direction",
        views.direction_list,
        views.direction_detail,
        views.DirectionCreate,
        views.DirectionUpdate,
        views.DirectionDelete,
    ),
    *crud(
        "goals",
        "goal",
        views.goal_list,
        views.goal_detail,
        views.GoalCreate,
        views.GoalUpdate,
        views.GoalDelete,
    ),
    path("goals/<int:pk>/achieve/", views.goal_achieve, name="goal_achieve"),
    path(
        "directions/<int:pk>/add-skills/",
        views.direction_add_skills,
        name="direction_add_skills",
    ),
    *crud(
        "skills",
        "skill",
        views.skill_list,
        views.skill_detail,
        views.SkillCreate,
        views.SkillUpdate,
        views.SkillDelete,
    ),
    *crud(
        "learning",
        "learning",
        views.learning_list,
        views.learning_detail,
        views.LearningCreate,
        views.LearningUpdate,
        views.LearningDelete,
    ),
    *crud(
        "contacts",
        "contact",
        views.contact_list,
        views.contact_detail,
        views.ContactCreate,
        views.ContactUpdate,
        views.ContactDelete,
    ),
]

# The careers app is mounted at the root (config/urls.py): the person's records under
# /careers/, and the page about O*NET's data. Its API endpoints (careers.api) are served
# with the others under /api/v1/ (config.api).
urlpatterns = [
    path("careers/", include(pages)),
    path("about/data/", views.about_data, name="about_data"),
]
