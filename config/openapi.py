"""OpenAPI post-processing: document the error answers every operation can give, in the shape they have.

drf-spectacular documents each view's success responses; the errors come from one exception handler
(config/exception_handlers.py) for every view alike, so they are added here once rather than on every view.
"""

ERROR = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
}
FIELD_ERRORS = {
    "type": "object",
    "description": "Field name (or `non_field_errors`, or `detail`) to a list of messages.",
    "additionalProperties": {
        "oneOf": [{"type": "array", "items": {"type": "string"}}, {"type": "string"}, {"type": "object"}]
    },
}
COMMON = {
    "400": ("The request is invalid: messages per field or query parameter.", "FieldErrors"),
    "401": ("No valid token or session.", "Error"),
    "403": ("Your role may not do this.", "Error"),
    "404": ("No such object.", "Error"),
    "405": ("This method is not allowed here.", "Error"),
    "406": ("The Accept header asks for a type this operation does not answer with (it answers JSON).", "Error"),
    "413": ("The request body is larger than the limit.", "FieldErrors"),
    "415": ("The Content-Type is not one this operation reads: send application/json.", "Error"),
    "429": ("Too many requests: slow down and retry after the time in Retry-After.", "Error"),
}
ONLY_FOR_WRITES = {"413", "415"}  # codes only an operation that reads a body can give
# Operations that answer with their own file type whatever the Accept header says, so never 406.
ANY_ACCEPT = {
    "export_claims_jsonl",
    "export_claims_csv",
    "export_claims_parquet",
    "export_articles_jsonl",
    "export_claimreview_jsonl",
    "claims_claimreview",
}


def add_error_responses(result, generator, request, public):
    components = result.setdefault("components", {}).setdefault("schemas", {})
    components.setdefault("Error", ERROR)
    components.setdefault("FieldErrors", FIELD_ERRORS)
    for operations in result.get("paths", {}).values():
        for method, operation in operations.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            _integer_path_ids(operation)
            responses = operation.setdefault("responses", {})
            for code, (description, schema) in COMMON.items():
                if code in ONLY_FOR_WRITES and "requestBody" not in operation:
                    continue
                if code == "406" and operation.get("operationId") in ANY_ACCEPT:
                    continue
                content = {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}}
                response = responses.setdefault(code, {"description": description})
                # A view documents its own wording for an error ("No such claim, or it has no consensus verdict
                # yet."); the body is still the one the exception handler gives every error.
                response.setdefault("content", content)
    return result


def _integer_path_ids(operation: dict) -> None:
    """Router views document `{id}` as a string matching ^\\d+$; it is a positive integer, as on the other paths."""
    for parameter in operation.get("parameters", []):
        if parameter.get("in") == "path" and parameter.get("schema", {}).get("pattern") == r"^\d+$":
            parameter["schema"] = {"type": "integer", "minimum": 1}
        if parameter.get("in") == "path" and parameter["name"] == "id" and not parameter.get("description"):
            parameter["description"] = "The object's id."
