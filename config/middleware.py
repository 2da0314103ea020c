"""Project-wide middleware."""

from django.utils.cache import patch_cache_control


class NoStoreForSignedInMiddleware:
    """Pages served to a signed-in person show their data: no cache may keep a copy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, no_store=True, private=True)
        return response
