from django.urls import path

from claims import views

urlpatterns = [
    path("articles/", views.article_list, name="article_list"),
    path("articles/new/", views.article_new, name="article_new"),
    path("articles/upload/", views.article_upload, name="article_upload"),
    path("articles/<int:pk>/", views.article_detail, name="article_detail"),
    path("articles/<int:pk>/claims/new/", views.claim_new, name="claim_new"),
    path("claims/<int:pk>/", views.claim_detail, name="claim_detail"),
    path("claims/<int:pk>/flag/", views.claim_flag_view, name="claim_flag"),
    path("claims/<int:pk>/source/", views.claim_source_view, name="claim_source"),
]
