from http import HTTPStatus

import pytest
import yaml
from django.core.management import call_command
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_openapi_schema_generates_and_validates_without_warnings(tmp_path):
    path = tmp_path / "schema.yml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(path))
    schema = yaml.safe_load(path.read_text())
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) == {
        "/api/agreement/",
        "/api/annotations/",
        "/api/annotations/{id}/",
        "/api/articles/",
        "/api/articles/{id}/",
        "/api/claims/",
        "/api/claims/{id}/",
        "/api/claims/{id}/adjudication/",
        "/api/claims/{id}/claimreview/",
        "/api/export/claimreview.jsonl",
        "/api/export/claims.csv",
        "/api/export/claims.jsonl",
        "/api/review/next/",
        "/api/sources/",
        "/api/sources/{id}/",
    }
    claims_params = {p["name"] for p in schema["paths"]["/api/claims/"]["get"]["parameters"]}
    export_params = {p["name"] for p in schema["paths"]["/api/export/claims.jsonl"]["get"]["parameters"]}
    assert claims_params - {"cursor", "page_size"} == export_params - {"history"}
    assert {"article", "source", "verdict", "status", "created_after", "published_before", "search"} <= export_params


def test_schema_is_served_as_openapi_3(client):
    response = client.get(reverse("api-schema"), HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == HTTPStatus.OK
    assert response.json()["info"]["title"] == "ClaimDesk API"


def test_swagger_ui_is_served_from_local_static_files_not_a_cdn(client):
    response = client.get(reverse("api-docs"))
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in html
    assert "cdn." not in html
    assert "unpkg" not in html
