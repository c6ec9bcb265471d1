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
        "/api/export/articles.jsonl",
        "/api/export/claimreview.jsonl",
        "/api/export/claims.csv",
        "/api/export/claims.jsonl",
        "/api/exports/",
        "/api/imports/",
        "/api/jobs/",
        "/api/jobs/{id}/",
        "/api/jobs/{id}/cancel/",
        "/api/jobs/{id}/file/",
        "/api/export/claims.parquet",
        "/api/review/next/",
        "/api/sources/",
        "/api/sources/{id}/",
        "/api/webhooks/",
        "/api/webhooks/{id}/",
        "/api/webhooks/{id}/deliveries/",
    }
    claims_params = {p["name"] for p in schema["paths"]["/api/claims/"]["get"]["parameters"]}
    export_params = {p["name"] for p in schema["paths"]["/api/export/claims.jsonl"]["get"]["parameters"]}
    assert claims_params - {"cursor", "page_size"} == export_params - {"history", "trailer"}
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


def _schema(tmp_path) -> dict:
    path = tmp_path / "schema.yml"
    call_command("spectacular", "--file", str(path))
    return yaml.safe_load(path.read_text())


def _operations(schema):
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            yield path, method, operation


def test_every_operation_is_summarised_and_every_parameter_described(tmp_path):
    schema = _schema(tmp_path)
    for path, method, operation in _operations(schema):
        assert operation.get("summary"), (path, method)
        for parameter in operation.get("parameters", []):
            assert parameter.get("description"), (path, method, parameter["name"])
    assert all(tag.get("description") for tag in schema["tags"])
    # The User model's help text ("Required. 150 characters or fewer...") described the adjudication's reviewer.
    assert "150 characters" not in schema["components"]["schemas"]["Adjudication"]["properties"]["reviewer"].get(
        "description", ""
    )


def test_every_error_response_documents_its_json_body(tmp_path):
    """Views that reworded an error ("Field errors.") lost its body's schema; a client could not parse a 400."""
    for path, method, operation in _operations(_schema(tmp_path)):
        for code, response in operation["responses"].items():
            if code.startswith("4"):
                assert "application/json" in response.get("content", {}), (path, method, code)


def test_only_operations_with_a_body_document_413_and_415(tmp_path):
    for path, method, operation in _operations(_schema(tmp_path)):
        has_body = "requestBody" in operation
        assert ("413" in operation["responses"]) == has_body, (path, method)
        assert ("415" in operation["responses"]) == has_body, (path, method)
        if "413" in operation["responses"] and path != "/api/articles/":
            assert "article" not in operation["responses"]["413"]["description"]


def test_review_next_takes_no_request_body(tmp_path):
    """It was documented as requiring a whole claim (ClaimRequest) as its body."""
    operation = _schema(tmp_path)["paths"]["/api/review/next/"]["post"]
    assert "requestBody" not in operation
    assert operation["operationId"] == "review_next"


def test_ids_are_integers_in_paths_and_filters(tmp_path):
    """Router paths said `string` matching ^\\d+$ and `cluster` said `number` (1.5 was taken)."""
    schema = _schema(tmp_path)
    for path, method, operation in _operations(schema):
        for parameter in operation.get("parameters", []):
            if parameter["in"] == "path" or parameter["name"] in {"article", "source", "claim", "cluster"}:
                assert parameter["schema"]["type"] == "integer", (path, method, parameter["name"])
    aliases = schema["components"]["schemas"]["Source"]["properties"]["aliases"]
    assert aliases["type"] == "array"


def test_write_operations_show_an_example_body(tmp_path):
    paths = _schema(tmp_path)["paths"]
    for path in ("/api/annotations/", "/api/articles/", "/api/claims/{id}/adjudication/", "/api/webhooks/"):
        assert paths[path]["post"]["requestBody"]["content"]["application/json"]["examples"], path


def test_webhooks_are_documented_with_their_events_and_the_secret_only_on_create(tmp_path):
    schema = _schema(tmp_path)
    components, paths = schema["components"]["schemas"], schema["paths"]
    assert components["WebhookEventEnum"]["enum"][:2] == ["claim.created", "claim.updated"]
    created = paths["/api/webhooks/"]["post"]["responses"]["201"]["content"]["application/json"]["schema"]
    assert created["$ref"].endswith("/WebhookCreated")
    assert "secret" in components["WebhookCreated"]["required"]
    assert "secret" not in components["Webhook"]["properties"]
    assert set(paths["/api/webhooks/{id}/"]) == {"get", "patch", "delete"}
    log = {p["name"] for p in paths["/api/webhooks/{id}/deliveries/"]["get"]["parameters"]}
    assert log == {"id", "cursor", "page_size", "status", "event"}
