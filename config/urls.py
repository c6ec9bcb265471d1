from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from two_factor.views import LoginView

urlpatterns = [
    path("admin/", admin.site.urls),
    # security (issue 17): sign-in through the second factor, before contrib.auth's password-only login
    path("accounts/login/", LoginView.as_view(), name="login"),
    path("accounts/", include("security.urls")),
    path("accounts/", include("django.contrib.auth.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # security (issue 17): the split view serves its start-up script as a file, so the CSP needs no inline script
    path(
        "api/docs/",
        SpectacularSwaggerSplitView.as_view(url_name="api-schema", template_name="api/swagger_ui.html"),
        name="api-docs",
    ),
    path("api/", include("web.api.urls")),
    path("", include("web.urls")),
]
