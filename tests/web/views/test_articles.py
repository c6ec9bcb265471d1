import json
from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from annotations.models import Verdict
from annotations.services import annotation_submit
from claims.models import Article, Claim, ClaimOrigin, Source
from tests.claims.factories import ArticleFactory, ClaimFactory, SourceFactory, claims_in_one_article
from tests.html import article_body_text

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("get", "/articles/"),
        ("get", "/articles/1/"),
        ("get", "/articles/new/"),
        ("post", "/articles/upload/"),
        ("get", "/articles/1/claims/new/"),
        ("post", "/claims/1/flag/"),
        ("post", "/claims/1/source/"),
    ],
)
def test_anonymous_users_are_sent_to_sign_in(client, method, url):
    response = getattr(client, method)(url)
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("login"))


# ---- article list -------------------------------------------------------------------------------------------


def test_article_list_shows_progress_per_article(annotator_client, annotator, second_annotator, settings):
    settings.LABELS_PER_CLAIM = 2
    claims = claims_in_one_article(3, title="Bridge report")
    annotation_submit(claim=claims[0], annotator=annotator, verdict=Verdict.VERIFIED)
    annotation_submit(claim=claims[0], annotator=second_annotator, verdict=Verdict.VERIFIED)
    annotation_submit(claim=claims[1], annotator=second_annotator, verdict=Verdict.VERIFIED)
    page = annotator_client.get(reverse("article_list")).content.decode()
    assert "Bridge report" in page
    assert "labelled by you: <strong>1</strong> of 3 claims" in page
    assert "complete: <strong>1</strong> of 3" in page


def test_article_list_searches_title_and_text_and_filters_by_publisher(annotator_client):
    ArticleFactory(title="Drones over Kyiv", publisher="Wire A")
    ArticleFactory(title="Harvest news", body="Grain exports rose, the minister said.", publisher="Wire B")
    by_title = annotator_client.get(reverse("article_list"), {"q": "drones"}).content.decode()
    assert "Drones over Kyiv" in by_title
    assert "Harvest news" not in by_title
    by_text = annotator_client.get(reverse("article_list"), {"q": "grain"}).content.decode()
    assert "Harvest news" in by_text
    assert "Drones over Kyiv" not in by_text
    by_publisher = annotator_client.get(reverse("article_list"), {"publisher": "Wire A"}).content.decode()
    assert "Drones over Kyiv" in by_publisher
    assert "Harvest news" not in by_publisher
    unknown = annotator_client.get(reverse("article_list"), {"publisher": "nope"})
    assert unknown.status_code == HTTPStatus.OK


def test_article_list_paginates(annotator_client):
    for _ in range(25):
        ArticleFactory()
    first = annotator_client.get(reverse("article_list")).content.decode()
    assert "Page 1 of 2" in first
    assert 'rel="next"' in first
    second = annotator_client.get(reverse("article_list"), {"page": "2"}).content.decode()
    assert second.count('class="article-row"') == 5
    assert annotator_client.get(reverse("article_list"), {"page": "x"}).status_code == HTTPStatus.OK


# ---- article page --------------------------------------------------------------------------------------------


def test_article_page_marks_every_claim_in_place_with_a_link_and_a_text_status(annotator_client):
    claims = claims_in_one_article(2, title="Bridge report", url="https://example.com/b")
    page = annotator_client.get(reverse("article_detail", args=[claims[0].article_id])).content.decode()
    for number, claim in enumerate(claims, start=1):
        assert f'href="{reverse("review")}?claim={claim.pk}"' in page
        assert f'id="claim-{claim.pk}"' in page
        assert f'data-label="{number} · needs your label"' in page
    assert "needs your label" in page
    assert article_body_text(page) == claims[0].article.body


def test_article_page_keeps_crlf_bodies_intact_for_offsets(annotator_client):
    article = ArticleFactory(body="Title\r\nThe mayor said the bridge is safe.\r\n")
    ClaimFactory(article=article, start=7, end=38)
    page = annotator_client.get(reverse("article_detail", args=[article.pk])).content.decode()
    assert article_body_text(page) == article.body


def test_article_page_escapes_user_text(annotator_client):
    article = ArticleFactory(title="<i>t</i>", body="T\n<script>alert(1)</script> said the man.")
    ClaimFactory(article=article, start=2, end=27)
    page = annotator_client.get(reverse("article_detail", args=[article.pk])).content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<i>t</i>" not in page


def test_article_page_shows_an_annotator_only_their_own_verdicts(client, annotator, second_annotator, settings):
    settings.LABELS_PER_CLAIM = 2
    first, second, third = claims_in_one_article(3)
    annotation_submit(claim=first, annotator=annotator, verdict=Verdict.DISPUTED)
    annotation_submit(claim=second, annotator=second_annotator, verdict=Verdict.UNVERIFIED)
    annotation_submit(claim=third, annotator=annotator, verdict=Verdict.VERIFIED)
    annotation_submit(claim=third, annotator=second_annotator, verdict=Verdict.VERIFIED)
    client.force_login(second_annotator)
    page = client.get(reverse("article_detail", args=[first.article_id])).content.decode()
    assert "labelled by you: unverified" in page
    assert "labelled by you: verified" in page
    assert "disputed" not in page.lower().replace("disputed ·", "")
    # No count of the other annotator's label on a claim I have not labelled (issue 11).
    assert "needs your label" in page
    assert "1 of 2" not in page
    assert "agreed" not in page


def test_article_page_shows_reviewers_the_consensus(reviewer_client, annotator, second_annotator, settings):
    settings.LABELS_PER_CLAIM = 2
    first, second = claims_in_one_article(2)
    for user in (annotator, second_annotator):
        annotation_submit(claim=first, annotator=user, verdict=Verdict.VERIFIED)
    annotation_submit(claim=second, annotator=annotator, verdict=Verdict.VERIFIED)
    annotation_submit(claim=second, annotator=second_annotator, verdict=Verdict.DISPUTED)
    page = reviewer_client.get(reverse("article_detail", args=[first.article_id])).content.decode()
    assert "agreed: verified" in page
    assert "conflicting labels" in page


def test_article_page_for_an_unknown_article_is_404(annotator_client):
    assert annotator_client.get("/articles/999999/").status_code == HTTPStatus.NOT_FOUND


@pytest.mark.parametrize("n", [5, 50])
def test_article_page_queries_are_bounded(annotator_client, annotator, django_assert_max_num_queries, n):
    claims = claims_in_one_article(n)
    for claim in claims[::2]:
        annotation_submit(claim=claim, annotator=annotator, verdict=Verdict.VERIFIED)
    with django_assert_max_num_queries(12):
        annotator_client.get(reverse("article_detail", args=[claims[0].article_id]))
    with django_assert_max_num_queries(12):
        annotator_client.get(reverse("article_list"))


def test_article_page_queries_do_not_grow_withclaims_in_one_article(annotator_client):
    def queries_for(article_id):
        with CaptureQueriesContext(connection) as captured:
            annotator_client.get(reverse("article_detail", args=[article_id]))
        return len(captured)

    small, large = claims_in_one_article(5)[0].article_id, claims_in_one_article(50)[0].article_id
    queries_for(small)
    assert queries_for(small) == queries_for(large)


# ---- adding articles -----------------------------------------------------------------------------------------


def test_annotators_cannot_add_articles(annotator_client):
    assert annotator_client.get(reverse("article_new")).status_code == HTTPStatus.FORBIDDEN
    response = annotator_client.post(reverse("article_new"), {"body": "Some text, he said."})
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert not Article.objects.exists()
    upload = SimpleUploadedFile("a.txt", b"Title\nText.")
    assert annotator_client.post(reverse("article_upload"), {"files": upload}).status_code == HTTPStatus.FORBIDDEN
    assert b"Add articles" not in annotator_client.get(reverse("article_list")).content


def test_reviewer_pastes_an_article_and_sees_itsclaims_in_one_article(reviewer_client, reviewer):
    assert reviewer_client.get(reverse("article_new")).status_code == HTTPStatus.OK
    body = "Dam holds, say officials\r\n“The dam is safe,” the regional governor said on Monday.\r\n"
    response = reviewer_client.post(
        reverse("article_new"),
        {
            "title": "",
            "body": body,
            "url": "https://example.com/dam",
            "publisher": "Wire",
            "published_at": "2024-05-01",
        },
    )
    article = Article.objects.get()
    assert response["Location"] == reverse("article_detail", args=[article.pk])
    assert article.title == "Dam holds, say officials"
    assert "\r" not in article.body
    assert (article.created_by, article.publisher, article.published_at.date().isoformat()) == (
        reviewer,
        "Wire",
        "2024-05-01",
    )
    page = reviewer_client.get(response["Location"]).content.decode()
    assert "Article added with" in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"body": "Some text.", "url": "javascript:alert(1)"}, "Enter a valid http or https URL."),
        ({"body": "   "}, "The article text is empty."),
        ({"title": "No text"}, "This field is required."),
        ({"body": "Text.", "published_at": "yesterday"}, "Enter a valid date/time."),
    ],
)
def test_paste_shows_errors_in_the_form(reviewer_client, data, message):
    response = reviewer_client.post(reverse("article_new"), data)
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert message in response.content.decode()
    assert not Article.objects.exists()


def test_upload_imports_files_and_lists_errors_per_file_and_line(reviewer_client):
    lines = [
        json.dumps({"title": "One", "body": "The ministry said 40 drones were downed."}),
        "{not json",
        json.dumps({"title": "No body"}),
        json.dumps({"title": "Two", "body": "Officials said the port reopened.", "url": "ftp://x"}),
    ]
    files = [
        SimpleUploadedFile("batch.jsonl", "\n".join(lines).encode()),
        SimpleUploadedFile("story.txt", b"Storm report\nThe mayor said the roads are closed."),
        SimpleUploadedFile("notes.pdf", b"%PDF"),
    ]
    response = reviewer_client.post(reverse("article_upload"), {"files": files})
    page = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert sorted(Article.objects.values_list("title", flat=True)) == ["One", "Storm report"]
    assert "batch.jsonl:2: invalid JSON" in page
    assert "batch.jsonl:3: missing &#x27;body&#x27;" in page
    assert "batch.jsonl:4: url: Enter a valid http or https URL." in page
    assert "notes.pdf: unsupported file type" in page
    assert "1 new article, 0 already here" in page
    assert "/tmp" not in page


def _labelled_export_line() -> bytes:
    body = "Headline\nThe minister said that taxes will fall.\n"
    start = body.index("taxes")
    claim = {"text": "taxes will fall", "start": start, "end": start + 15, "source": None}
    claim["annotations"] = [{"annotator": "ann", "verdict": "disputed", "note": "", "evidence_url": ""}]
    claim["adjudication"] = None
    return json.dumps({"title": "Taxes", "body": body, "claims": [claim]}).encode()


def test_an_upload_of_labelled_claims_is_a_line_error_for_a_reviewer_and_imported_whole_for_an_admin(
    reviewer_client, client, admin_user, annotator
):
    response = reviewer_client.post(
        reverse("article_upload"), {"files": SimpleUploadedFile("export.jsonl", _labelled_export_line())}
    )
    assert response.status_code == HTTPStatus.OK
    assert "export.jsonl:1: claims: claim 0 carries labels or an adjudication, and only admins may import them" in (
        response.content.decode()
    )
    assert not Article.objects.exists()
    client.force_login(admin_user)
    response = client.post(
        reverse("article_upload"), {"files": SimpleUploadedFile("export.jsonl", _labelled_export_line())}
    )
    claim = Claim.objects.get()
    assert response["Location"] == reverse("article_detail", args=[claim.article_id])
    assert list(claim.annotations.values_list("annotator__username", "verdict")) == [("ann", "disputed")]


def test_upload_of_one_article_goes_straight_to_it(reviewer_client):
    upload = SimpleUploadedFile("story.txt", b"Storm report\nThe mayor said the roads are closed.")
    response = reviewer_client.post(reverse("article_upload"), {"files": upload})
    assert response["Location"] == reverse("article_detail", args=[Article.objects.get().pk])


def test_reloading_the_import_report_goes_back_to_the_add_page(reviewer_client):
    # The report of an import with errors is shown at /articles/upload/; reloading it was a blank 405 page.
    response = reviewer_client.get(reverse("article_upload"))
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("article_new")


def test_upload_message_counts_claims_in_good_english(reviewer_client):
    upload = SimpleUploadedFile("story.txt", b"Storm report\nThe mayor said the roads are closed.")
    response = reviewer_client.post(reverse("article_upload"), {"files": upload}, follow=True)
    assert Claim.objects.count() == 1
    assert "Imported with 1 extracted claim." in response.content.decode()


def test_paste_message_counts_claims_in_good_english(reviewer_client):
    body = "Dam holds\nThe regional governor said on Monday that the dam is safe."
    response = reviewer_client.post(reverse("article_new"), {"body": body}, follow=True)
    assert Claim.objects.count() == 1
    assert "Article added with 1 extracted claim." in response.content.decode()


def test_paste_errors_and_help_are_tied_to_their_fields(reviewer_client):
    page = reviewer_client.post(reverse("article_new"), {"body": "Text.", "url": "javascript:x"}).content.decode()
    assert 'aria-describedby="id_url_error"' in page
    assert '<span class="field-error" id="id_url_error">' in page
    assert 'aria-describedby="id_title_helptext"' in page
    assert 'id="id_title_helptext"' in page


def test_article_page_legend_matches_the_reviewers_badges(reviewer_client):
    article = ArticleFactory()
    page = reviewer_client.get(reverse("article_detail", args=[article.pk])).content.decode()
    assert 'data-label="conflicting labels"' in page
    assert 'data-label="labelled by you"' not in page


def test_article_page_legend_for_an_annotator_shows_their_states(annotator_client):
    article = ArticleFactory()
    page = annotator_client.get(reverse("article_detail", args=[article.pk])).content.decode()
    assert 'data-label="labelled by you"' in page
    assert 'data-label="conflicting labels"' not in page


def test_upload_without_files_shows_the_error(reviewer_client):
    response = reviewer_client.post(reverse("article_upload"), {})
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert "This field is required." in response.content.decode()


# ---- fixing extraction ---------------------------------------------------------------------------------------


def test_annotator_adds_a_missed_claim_by_offsets(annotator_client, annotator):
    article = ArticleFactory(body="Title\nThe mayor said the bridge is safe. Nobody was hurt, police said.")
    start = article.body.index("Nobody")
    end = article.body.index(", police")
    assert annotator_client.get(reverse("claim_new", args=[article.pk])).status_code == HTTPStatus.OK
    response = annotator_client.post(
        reverse("claim_new", args=[article.pk]),
        {"start": start, "end": end, "text": "Nobody was hurt", "source_name": "police"},
    )
    claim = Claim.objects.get()
    assert response["Location"] == f"{reverse('article_detail', args=[article.pk])}#claim-{claim.pk}"
    assert (claim.text, claim.origin, claim.created_by, claim.source.name) == (
        "Nobody was hurt",
        ClaimOrigin.MANUAL,
        annotator,
        "police",
    )
    assert claim.history.first().history_user == annotator


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"start": 6, "end": 9, "text": "xyz"}, "does not match the article text"),
        ({"start": 60, "end": 900, "text": "x"}, "does not lie inside the article text"),
        ({"start": "a", "end": 9, "text": "The"}, "Enter a whole number."),
    ],
)
def test_adding_a_claim_shows_errors(annotator_client, data, message):
    article = ArticleFactory(body="Title\nThe mayor said the bridge is safe.")
    response = annotator_client.post(reverse("claim_new", args=[article.pk]), data)
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert message in response.content.decode()
    assert not Claim.objects.exists()


def test_users_without_a_role_cannot_changeclaims_in_one_article(client):
    from tests.factories import UserFactory

    claim = ClaimFactory()
    client.force_login(UserFactory())
    assert client.post(reverse("claim_flag", args=[claim.pk]), {"flagged": "1"}).status_code == HTTPStatus.FORBIDDEN
    response = client.post(reverse("claim_new", args=[claim.article_id]), {"start": 0, "end": 1, "text": "H"})
    assert response.status_code == HTTPStatus.FORBIDDEN


def test_flag_and_unflag_a_claim_records_who(annotator_client, annotator):
    claim = ClaimFactory()
    response = annotator_client.post(reverse("claim_flag", args=[claim.pk]), {"flagged": "1", "next": "/review/"})
    assert response["Location"] == "/review/"
    claim.refresh_from_db()
    assert claim.is_flagged_not_claim
    assert claim.updated_by == annotator
    assert claim.history.first().history_user == annotator
    response = annotator_client.post(
        reverse("claim_flag", args=[claim.pk]), {"flagged": "0", "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("article_detail", args=[claim.article_id])
    claim.refresh_from_db()
    assert not claim.is_flagged_not_claim


def test_flag_of_an_unknown_claim_is_404(annotator_client):
    assert annotator_client.post("/claims/999999/flag/", {"flagged": "1"}).status_code == HTTPStatus.NOT_FOUND


def test_change_a_claims_source_to_an_existing_or_a_new_one(annotator_client, annotator):
    claim = ClaimFactory()
    other = SourceFactory(name="Governor Ivanov")
    ClaimFactory(article=claim.article, source=other, start=0, end=5, text=claim.article.body[:5])
    annotator_client.post(reverse("claim_source", args=[claim.pk]), {"source": other.pk, "kind": "unknown"})
    claim.refresh_from_db()
    assert claim.source == other
    assert claim.updated_by == annotator
    annotator_client.post(reverse("claim_source", args=[claim.pk]), {"new_name": "Mayor Klitschko", "kind": "person"})
    claim.refresh_from_db()
    assert claim.source.name == "Mayor Klitschko"
    assert Source.objects.filter(name="Mayor Klitschko").count() == 1


def test_change_source_without_a_choice_says_what_is_missing(annotator_client):
    claim = ClaimFactory()
    before = claim.source_id
    response = annotator_client.post(
        reverse("claim_source", args=[claim.pk]), {"kind": "unknown", "next": "/review/"}, follow=True
    )
    assert "Pick a source or type the name of a new one." in response.content.decode()
    claim.refresh_from_db()
    assert claim.source_id == before


# ---- the claim page ---------------------------------------------------------------------------------------------


def _disagreement(claim, first, second):
    annotation_submit(claim=claim, annotator=first, verdict=Verdict.VERIFIED, note="first's reasoning")
    annotation_submit(claim=claim, annotator=second, verdict=Verdict.DISPUTED, note="second's reasoning")
    return claim


def test_claim_page_for_a_reviewer_shows_every_label_the_final_verdict_and_the_history(
    reviewer_client, reviewer, annotator, second_annotator
):
    from annotations.services import claim_adjudicate

    claim = _disagreement(claims_in_one_article(2, title="Dam report")[1], annotator, second_annotator)
    claim_adjudicate(claim=claim, reviewer=reviewer, verdict=Verdict.DISPUTED, rationale="Satellite images differ.")
    claim_adjudicate(claim=claim, reviewer=reviewer, verdict=Verdict.UNVERIFIED, rationale="Images inconclusive.")
    page = reviewer_client.get(reverse("claim_detail", args=[claim.pk])).content.decode()
    assert "Dam report" in page
    assert '<span class="claim-focus" id="focus-claim">Claim number 1</span>' in page
    assert "first&#x27;s reasoning" in page
    assert "second&#x27;s reasoning" in page
    assert "Images inconclusive." in page
    assert "Reopen: withdraw this verdict" in page
    history = page.split('id="history-heading"')[1]
    assert history.count('class="history-event') == 5  # the claim, two labels, the verdict and its change
    assert '<span class="before">disputed</span>' in history
    assert '<span class="after">unverified</span>' in history
    assert "rev</strong> changed the adjudication" in history
    assert 'data-verdict-keys="2 d"' in page
    assert 'value="claim"' in page  # the form comes back here, without htmx


def test_claim_page_for_an_annotator_shows_only_their_own_label(annotator_client, annotator, second_annotator):
    claim = _disagreement(claims_in_one_article(1)[0], annotator, second_annotator)
    page = annotator_client.get(reverse("claim_detail", args=[claim.pk])).content.decode()
    assert "first&#x27;s reasoning" in page
    assert "second&#x27;s reasoning" not in page
    assert "ann2" not in page
    assert "History" not in page
    assert "conflicting" not in page  # the status an annotator sees never tells how others voted
    assert "Final verdict" not in page


def test_claim_page_hides_a_settled_verdict_from_an_annotator_who_did_not_label_it(annotator_client, reviewer):
    from annotations.services import claim_adjudicate

    claim = claims_in_one_article(1)[0]
    claim_adjudicate(claim=claim, reviewer=reviewer, verdict=Verdict.VERIFIED, rationale="Confirmed by the UN.")
    page = annotator_client.get(reverse("claim_detail", args=[claim.pk])).content.decode()
    assert "final verdict: <strong" not in page
    assert "Confirmed by the UN." not in page
    assert "You have not labelled this claim. A reviewer has settled this claim" in page
    assert "Label it now" not in page


def test_claim_page_shows_an_annotator_the_final_consensus_once_they_labelled(annotator_client, annotator, reviewer):
    from annotations.services import claim_adjudicate

    claim = claims_in_one_article(1)[0]
    annotation_submit(claim=claim, annotator=annotator, verdict=Verdict.DISPUTED)
    claim_adjudicate(claim=claim, reviewer=reviewer, verdict=Verdict.VERIFIED, rationale="Confirmed by the UN.")
    page = annotator_client.get(reverse("claim_detail", args=[claim.pk])).content.decode()
    assert "final verdict: <strong" in page
    assert "Confirmed by the UN." not in page


def test_claim_page_is_404_for_an_unknown_claim(annotator_client):
    assert annotator_client.get(reverse("claim_detail", args=[999999])).status_code == HTTPStatus.NOT_FOUND


@pytest.mark.parametrize("n", [5, 50])
def test_claim_page_queries_are_bounded(reviewer_client, annotator, second_annotator, django_assert_max_num_queries, n):
    claims = claims_in_one_article(n)
    for claim in claims:
        _disagreement(claim, annotator, second_annotator)
    with django_assert_max_num_queries(20):
        reviewer_client.get(reverse("claim_detail", args=[claims[-1].pk]))
