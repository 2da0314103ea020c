from django.urls import include, path, reverse_lazy

from careers import views
from careers.forms import ContactForm, DirectionForm, GoalForm, LearningForm, SkillForm
from core.views import OwnedDeleteView

app_name = "careers"


def crud(prefix, name, list_view, detail_view, form_class, deleting, create=views.AddPage):
    """The five pages of one kind of record, under /careers/<prefix>/: its list and its own
    page, and the add, edit and delete pages of its form's model, whose Cancel and deletion
    go back to the list. `deleting` is what the delete page says goes with the record;
    `create`, the add page of a kind whose add page does more."""
    model = form_class._meta.model
    listed = reverse_lazy(f"careers:{name}_list")
    create = create.as_view(model=model, form_class=form_class, cancel_url=listed)
    update = views.EditPage.as_view(model=model, form_class=form_class)
    delete = OwnedDeleteView.as_view(model=model, success_url=listed, consequence=deleting)
    return [
        path(f"{prefix}/", list_view, name=f"{name}_list"),
        path(f"{prefix}/add/", create, name=f"{name}_add"),
        path(f"{prefix}/<int:pk>/", detail_view, name=f"{name}_detail"),
        path(f"{prefix}/<int:pk>/edit/", update, name=f"{name}_edit"),
        path(f"{prefix}/<int:pk>/delete/", delete, name=f"{name}_delete"),
    ]


# A person's own records, under /careers/.
pages = [
    *crud(
        "directions",
        "direction",
        views.direction_list,
        views.direction_detail,
        DirectionForm,
        views.DELETING_A_DIRECTION,
        create=views.DirectionCreate,
    ),
    *crud(
        "goals",
        "goal",
        views.goal_list,
        views.goal_detail,
        GoalForm,
        views.DELETING_A_GOAL,
        create=views.GoalCreate,
    ),
    path("goals/<int:pk>/achieve/", views.goal_achieve, name="goal_achieve"),
    path(
        "directions/<int:pk>/add-skills/",
        views.direction_add_skills,
        name="direction_add_skills",
    ),
    *crud(
        "skills", "skill", views.skill_list, views.skill_detail, SkillForm, views.DELETING_A_SKILL
    ),
    *crud(
        "learning",
        "learning",
        views.learning_list,
        views.learning_detail,
        LearningForm,
        views.DELETING_LEARNING,
        create=views.LearningCreate,
    ),
    *crud(
        "contacts",
        "contact",
        views.contact_list,
        views.contact_detail,
        ContactForm,
        views.DELETING_A_CONTACT,
    ),
]

# The careers app is mounted at the root (config/urls.py): the person's records under
# /careers/, and the page about O*NET's data. Its API endpoints (careers.api) are served
# with the others under /api/v1/ (config.api).
urlpatterns = [
    path("careers/", include(pages)),
    path("about/data/", views.about_data, name="about_data"),
]
