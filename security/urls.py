"""Sign-in with a second factor (django-two-factor-auth's views) under /accounts/.

Routed here rather than through `two_factor.urls` so the sign-in keeps its address (/accounts/login/, the URL name
"login") and the enrolment pages sit beside it. The names are two-factor's own, which its views reverse.
"""

from django.urls import path
from two_factor.views import (
    BackupTokensView,
    DisableView,
    LoginView,
    ProfileView,
    QRGeneratorView,
    SetupCompleteView,
    SetupView,
)

app_name = "two_factor"

urlpatterns = [
    path("login/", LoginView.as_view(), name="login"),
    path("two-factor/", ProfileView.as_view(), name="profile"),
    path("two-factor/setup/", SetupView.as_view(), name="setup"),
    path("two-factor/qrcode/", QRGeneratorView.as_view(), name="qr"),
    path("two-factor/setup/complete/", SetupCompleteView.as_view(), name="setup_complete"),
    path("two-factor/backup-codes/", BackupTokensView.as_view(), name="backup_tokens"),
    path("two-factor/disable/", DisableView.as_view(), name="disable"),
]
