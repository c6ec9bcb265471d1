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
    "413": ("The article text is larger than the configured limit.", "FieldErrors"),
    "429": ("Too many requests: slow down and retry after the time in Retry-After.", "Error"),
}


def add_error_responses(result, generator, request, public):
    components = result.setdefault("components", {}).setdefault("schemas", {})
    components.setdefault("Error", ERROR)
    components.setdefault("FieldErrors", FIELD_ERRORS)
    for operations in result.get("paths", {}).values():
        for method, operation in operations.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            responses = operation.setdefault("responses", {})
            for code, (description, schema) in COMMON.items():
                if code == "413" and method != "post":
                    continue
                responses.setdefault(
                    code,
                    {
                        "description": description,
                        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}},
                    },
                )
    return result
