from django.urls import path

from annotations import views

urlpatterns = [
    path("", views.home, name="home"),
    path("review/", views.review, name="review"),
    path("review/label/", views.review_submit, name="review_submit"),
    path("review/skip/", views.review_skip_view, name="review_skip"),
    path("review/undo/", views.review_undo, name="review_undo"),
]
