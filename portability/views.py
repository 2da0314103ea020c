"""The export and import pages: download a history (JSON, CSV, JSON Resume), upload one,
match a spreadsheet's columns, preview, confirm, and describe the jobs that came in bare."""

import re
from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_POST

from accounts.models import Profile
from core.limits import over_limit
from portability import export, resume
from portability.forms import UPLOADS_PER_HOUR, ImportForm, MatchingForm
from portability.limits import WEB
from portability.merge import apply_import, plan_import
from portability.models import PendingImport
from portability.problems import Rejected
from portability.reading import Upload
from portability.spreadsheet import Built, Table
from portability.uploads import SizeLimitedUpload


def attachment(body: str, *, content_type: str, filename: str) -> HttpResponse:
    """A download: never cached (it is the person's whole history), saved under `filename`."""
    response = HttpResponse(body, content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = cast(str, content_disposition_header(True, filename))
    return response


def stamped(request: HttpRequest, name: str, extension: str) -> str:
    return f"{name}-{request.user.get_username()}-{timezone.localdate().isoformat()}.{extension}"


@never_cache
@require_GET
def export_json(request: HttpRequest) -> HttpResponse:
    """Everything the person entered, as a bearing-export document."""
    body = export.export_json(cast(User, request.user))
    return attachment(
        body, content_type="application/json", filename=stamped(request, "bearing", "json")
    )


@never_cache
@require_GET
def export_csv(request: HttpRequest) -> HttpResponse:
    """The person's jobs as a spreadsheet, one a row."""
    # The byte-order mark tells spreadsheet programs the file is UTF-8.
    body = "\ufeff" + export.jobs_csv(cast(User, request.user))
    return attachment(body, content_type="text/csv", filename=stamped(request, "jobs", "csv"))


@never_cache
@require_GET
def export_resume(request: HttpRequest) -> HttpResponse:
    """The person's held jobs, learning and skills as a JSON Resume."""
    body = export.dumps(resume.resume_document(cast(User, request.user)))
    return attachment(body, content_type="application/json", filename="resume.json")


@csrf_exempt
def import_upload(request: HttpRequest) -> HttpResponse:
    """Upload a file; a file that passes every check waits (PendingImport) for the preview.

    The upload handler is swapped before the body is read, which is why CSRF is checked
    below, after it, and not by the middleware (which reads the body first).
    """
    handler = SizeLimitedUpload(request)
    if request.method == "POST":
        request.upload_handlers = [handler]
        if handler_refuses_unread(request, handler):
            # Nothing was read and nothing changes: the page only says the file is too large.
            form = ImportForm(data={}, user=cast(User, request.user), too_large=True)
            form.is_valid()
            return render(request, "portability/import.html", {"form": form, "limits": WEB})
    return checked_import_upload(request, handler)


def handler_refuses_unread(request: HttpRequest, handler: SizeLimitedUpload) -> bool:
    """Parse the request's body through the handler; true when it was too large to read."""
    request.POST  # noqa: B018 - reading it runs the upload handler
    return handler.too_large and not request.POST


@csrf_protect
def checked_import_upload(request: HttpRequest, handler: SizeLimitedUpload) -> HttpResponse:
    posted = request.method == "POST"
    # Counted once the CSRF check has passed, so that no other site can use up the count.
    too_many = posted and over_limit(
        request, "import", limit=UPLOADS_PER_HOUR, seconds=3600, key=str(request.user.pk)
    )
    form = ImportForm(
        request.POST if posted else None,
        request.FILES if posted else None,
        user=cast(User, request.user),
        too_large=handler.too_large,
        too_many=too_many,
    )
    if too_many:
        form.is_valid()  # the message beside the file; the file itself is not read
        context = {"form": form, "limits": WEB}
        return render(request, "portability/import.html", context, status=429)
    if posted and form.is_valid():
        PendingImport.keep(owner=cast(User, request.user), upload=cast(Upload, form.upload))
        return redirect("account_import_preview")
    return render(request, "portability/import.html", {"form": form, "limits": WEB})


def import_preview(request: HttpRequest) -> HttpResponse:
    """What the waiting file would add, checked again against the account as it is now."""
    pending = PendingImport.objects.live().filter(owner=request.user).first()
    if pending is None:
        messages.info(request, "Nothing is waiting to be imported: choose a file first.")
        return redirect("account_import")
    upload = pending.upload
    if upload.table is not None:
        return spreadsheet_preview(request, pending, upload)
    try:
        plan = plan_import(user=cast(User, request.user), document=upload.checked())
    except Rejected as rejected:
        pending.delete()
        return refused(request, rejected)
    return render(
        request,
        "portability/import_preview.html",
        {"upload": upload, "plan": plan, "token": pending.token},
    )


def spreadsheet_preview(
    request: HttpRequest,
    pending: PendingImport,
    upload: Upload,
    form: MatchingForm | None = None,
    kept: bool = True,
    built: Built | None = None,
) -> HttpResponse:
    """A spreadsheet's preview: the matching of its columns (which the person can change),
    its first rows as they will be saved, and what it adds, or what stands in the way.

    `kept` is false when the matching the form shows was refused: the rows are then those of
    the matching last kept, and nothing can be confirmed. `built`: upload.build(), when the
    caller has it already."""
    if built is None:
        built = upload.build(currency=Profile.for_user(request.user).currency)
    plan, problems, more = None, built.problems, built.more
    if built.ok and kept:
        try:
            plan = plan_import(
                user=cast(User, request.user),
                document=cast(dict[str, Any], built.document),
                by_name=upload.by_name,
            )
        except Rejected as rejected:
            problems, more = rejected.problems, rejected.more
    if form is None:
        form = MatchingForm(
            table=cast(Table, upload.table),  # a spreadsheet's preview: it has its table
            matching=cast(dict[str, Any], upload.matching),
            token=pending.token,
            built=built,
        )
    return render(
        request,
        "portability/import_preview.html",
        {
            "upload": upload,
            "plan": plan,
            "token": pending.token,
            "sheet": built,
            "matching_form": form,
            "matching_version": pending.matching_version,
            "problems": problems if kept else [],
            "more_problems": more,
            "matching_kept": kept,
        },
    )


@require_POST
def import_matching(request: HttpRequest) -> HttpResponse:
    """Keep the matching of a waiting spreadsheet's columns, as the person chose it."""
    token = request.POST.get("token", "")
    pending = PendingImport.objects.live().filter(owner=request.user, token=waiting(token)).first()
    if pending is None or not pending.table:
        messages.warning(
            request,
            "That preview is no longer the file waiting to be imported, so its matching was "
            "not kept. Upload the file again.",
        )
        return redirect("account_import")
    upload = pending.upload
    form = MatchingForm(
        request.POST, table=upload.table, matching=upload.matching, token=pending.token
    )
    if not form.is_valid():
        # Nothing is kept, and nothing can be confirmed, until the matching is one. The form
        # is shown again as posted, with the question about dates if the file raises it.
        built = upload.build(currency=Profile.for_user(request.user).currency)
        form = MatchingForm(
            request.POST,
            table=upload.table,
            matching=upload.matching,
            token=pending.token,
            built=built,
        )
        return spreadsheet_preview(request, pending, upload, form=form, kept=False, built=built)
    pending.change_matching(form.matching())
    return redirect(reverse("account_import_preview") + "#rows")


class NotWaiting(Exception):  # noqa: N818 - reads as what happened
    """The confirmation names no file that is waiting; `message` says why."""


class MatchingChanged(Exception):  # noqa: N818
    """The spreadsheet's matching changed since the preview the confirmation came from."""


@require_POST
def import_confirm(request: HttpRequest) -> HttpResponse:
    """Write the waiting file, all of it or nothing, and show the history it added to.

    The waiting row is locked for the whole import and marked imported in the same
    transaction: a second confirmation, even one posted at the same moment, finds it
    imported and adds nothing.
    """
    try:
        with transaction.atomic():
            pending = confirmed_pending(request)
            upload = pending.upload
            if upload.table is not None and (
                request.POST.get("matching") != pending.matching_version
            ):
                raise MatchingChanged
            plan = apply_import(
                user=cast(User, request.user),
                document=upload.checked(currency=Profile.for_user(request.user).currency),
                by_name=upload.by_name,
                leave_out=unticked_look_alikes(request),
            )
            pending.mark_imported()
    except NotWaiting as not_waiting:
        messages.warning(request, str(not_waiting))
        return redirect("account_import")
    except MatchingChanged:
        messages.warning(
            request,
            "The matching of the columns changed since that page was shown (in another tab?), "
            "so nothing was imported. Check the rows below and confirm again.",
        )
        return redirect("account_import_preview")
    except Rejected as rejected:
        PendingImport.objects.filter(owner=cast(User, request.user)).delete()
        return refused(request, rejected)
    except IntegrityError:
        messages.error(
            request,
            "Your data changed while the file was being imported, so nothing was saved. "
            "Look at the preview again and confirm.",
        )
        return redirect("account_import_preview")
    if plan.left_out:
        count = len(plan.left_out)
        messages.info(
            request,
            f"As you chose, {count} job{'s' if count != 1 else ''} that looked like "
            f"{'ones' if count != 1 else 'one'} you have already {'were' if count != 1 else 'was'} "
            "left out.",
        )
    if plan.adds_anything:
        messages.success(request, f"Imported from the {upload.source}: {plan.summary()}.")
    else:
        messages.info(request, "Nothing was added: everything in the file is already here.")
    if plan.undescribed:
        # The first dashboard after an import should already mean something.
        return redirect("account_import_complete")
    return redirect("alignment:dashboard")


def unticked_look_alikes(request: HttpRequest) -> frozenset[str]:
    """The look-alike jobs whose "import it too" box the person unticked: the preview posts
    each box it offered as `offered` and each ticked one as `look_alike` (file keys)."""
    return frozenset(request.POST.getlist("offered")) - set(request.POST.getlist("look_alike"))


def confirmed_pending(request: HttpRequest) -> PendingImport:
    """The person's waiting import that this confirmation names, locked; NotWaiting if none."""
    token = waiting(request.POST.get("token", ""))
    pending = (
        PendingImport.objects.select_for_update().filter(owner=request.user, token=token).first()
    )
    if pending is not None and pending.imported_at is not None:
        raise NotWaiting(
            "This file was imported already, when you first confirmed it; nothing was "
            "imported again."
        )
    if pending is None or pending.expires_at <= timezone.now():
        raise NotWaiting(
            "That preview is no longer the file waiting to be imported, so nothing was "
            "imported. Upload the file again."
        )
    return pending


def waiting(token: str) -> str:
    """A posted token as a waiting import's, or "" when it is not a token Bearing makes (a
    NUL would even upset PostgreSQL)."""
    return token if re.fullmatch(r"[\w-]{1,64}", token, flags=re.ASCII) else ""


def refused(request: HttpRequest, rejected: Rejected) -> HttpResponse:
    form = ImportForm(user=cast(User, request.user))
    form.problems, form.more_problems = rejected.problems, rejected.more
    return render(
        request, "portability/import.html", {"form": form, "rechecked": True, "limits": WEB}
    )


@require_POST
def import_cancel(request: HttpRequest) -> HttpResponse:
    PendingImport.objects.filter(owner=cast(User, request.user)).delete()
    messages.info(request, "Import cancelled; nothing was saved.")
    return redirect("account")
