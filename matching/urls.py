from django.urls import path

from matching import views

urlpatterns = [
    path("matches/<int:pk>/decide/", views.match_decide, name="match_decide"),
    path("matches/<int:pk>/same-verdict/", views.match_apply_verdict, name="match_apply_verdict"),
    path("clusters/", views.clusters, name="cluster_list"),
]
