"""The web pages: the review loop, articles and claims, adjudication, the dashboard and matches."""

from django.urls import path

from web.views import account, articles, browser, claim_fix, extraction, guidelines, jobs, matches, review

urlpatterns = [
    path("", review.home, name="home"),
    path("review/", review.review, name="review"),
    path("review/label/", review.review_submit, name="review_submit"),
    path("review/skip/", review.review_skip_view, name="review_skip"),
    path("review/undo/", review.review_undo, name="review_undo"),
    path("adjudicate/", review.adjudicate, name="adjudicate"),
    path("adjudicate/verdict/", review.adjudicate_submit, name="adjudicate_submit"),
    path("claims/<int:pk>/reopen/", review.claim_reopen_view, name="claim_reopen"),
    path("dashboard/", review.dashboard, name="dashboard"),
    path("articles/", articles.article_list, name="article_list"),
    path("articles/new/", articles.article_new, name="article_new"),
    path("articles/upload/", articles.article_upload, name="article_upload"),
    path("articles/<int:pk>/", articles.article_detail, name="article_detail"),
    path("articles/<int:pk>/claims/new/", articles.claim_new, name="claim_new"),
    path("claims/<int:pk>/", articles.claim_detail, name="claim_detail"),
    path("claims/<int:pk>/flag/", articles.claim_flag_view, name="claim_flag"),
    path("claims/<int:pk>/source/", articles.claim_source_view, name="claim_source"),
    path("matches/<int:pk>/decide/", matches.match_decide, name="match_decide"),
    path("matches/<int:pk>/same-verdict/", matches.match_apply_verdict, name="match_apply_verdict"),
    path("clusters/", matches.clusters, name="cluster_list"),
    path("extraction/", extraction.extraction_report, name="extraction_report"),
    # The reviewers' workspace (issue 14).
    path("claims/", browser.claim_browser, name="claim_browser"),
    path("claims/bulk/", browser.claims_bulk, name="claims_bulk"),
    path("claims/mine/", browser.claims_mine, name="claims_mine"),
    path("claims/<int:pk>/fix/", claim_fix.claim_fix, name="claim_fix"),
    path("proposals/<int:pk>/decide/", claim_fix.proposal_decide, name="proposal_decide"),
    path("guidelines/", guidelines.guidelines, name="guidelines"),
    path("guidelines/edit/", guidelines.guidelines_edit, name="guidelines_edit"),
    path("account/token/", account.token_page, name="account_token"),
    path("account/token/new/", account.token_create_view, name="account_token_create"),
    path("account/token/revoke/", account.token_revoke_view, name="account_token_revoke"),
    path("jobs/", jobs.job_list, name="job_list"),
    path("jobs/start/", jobs.job_start, name="job_start"),
    path("jobs/<int:pk>/", jobs.job_detail, name="job_detail"),
    path("jobs/<int:pk>/cancel/", jobs.job_cancel_view, name="job_cancel"),
]
