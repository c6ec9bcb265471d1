from django.urls import include, path

from annotations import views

urlpatterns = [
    path("", views.home, name="home"),
    path("review/", views.review, name="review"),
    path("review/label/", views.review_submit, name="review_submit"),
    path("review/skip/", views.review_skip_view, name="review_skip"),
    path("review/undo/", views.review_undo, name="review_undo"),
    path("adjudicate/", views.adjudicate, name="adjudicate"),
    path("adjudicate/verdict/", views.adjudicate_submit, name="adjudicate_submit"),
    path("claims/<int:pk>/reopen/", views.claim_reopen_view, name="claim_reopen"),
    path("dashboard/", views.dashboard, name="dashboard"),
    # Claim matching's pages live in the matching app; config/urls.py is the lead's, so they come in here.
    path("", include("matching.urls")),
]
