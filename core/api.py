"""What every endpoint of the API shares: the error schema (`{"detail": …}`) and the pages of a
list (`page`, `page_size`, `{"items": […], "count": N}`)."""

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Schema
from ninja.pagination import PageNumberPagination


class Error(Schema):
    """What every error of the API answers, with its status."""

    detail: str = Field(examples=["No such direction."])


# Every operation may answer these: no or a bad token (401), too many requests (429).
REFUSED = {401: Error, 429: Error}


class Pages(PageNumberPagination):
    """ninja's pages, counted first: a page past the last is the empty page the API promises
    (`{"items": [], "count": N}`) without asking the database for it, so that a page number
    far beyond any list (`?page=99999999999999999999`) never reaches the database as an
    offset it cannot hold."""

    def paginate_queryset(
        self,
        queryset: QuerySet,
        pagination: PageNumberPagination.Input,
        request: HttpRequest,
        **params: Any,
    ) -> dict[str, Any]:
        size = self._get_page_size(pagination.page_size)
        count = self._items_count(queryset)
        offset = (pagination.page - 1) * size
        items = queryset[offset : offset + size] if offset < count else []
        return {self.items_attribute: items, "count": count}
