"""The API's JSON parser: every malformed body is a 400 in JSON, and the body size is the view's to decide.

DRF's own JSONParser reads the request through `request.body`, which Django caps at DATA_UPLOAD_MAX_MEMORY_SIZE
(2.5 MB): an article under ARTICLE_MAX_BYTES but sent with JSON escapes (`json.dumps` writes Ж as \\u0416, six bytes
for two) was refused with a bare 413. It also let a deeply nested body (`[[[[...]]]]`) raise RecursionError, a 500.
This parser reads the stream itself, up to `max_bytes` (DATA_UPLOAD_MAX_MEMORY_SIZE unless the view sets
`request_max_bytes`), and turns both cases into a client error.
"""

from __future__ import annotations

import json

from django.conf import settings
from rest_framework import parsers
from rest_framework.exceptions import ParseError


class JSONParser(parsers.BaseParser):
    media_type = "application/json"

    def parse(self, stream, media_type=None, parser_context=None):
        parser_context = parser_context or {}
        view = parser_context.get("view")
        limit = getattr(view, "request_max_bytes", None) or settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if stream is None:
            return {}
        raw = stream.read(limit + 1) if limit else stream.read()
        if limit and len(raw) > limit:
            # Imported here: core.exception_handlers imports rest_framework.views, which imports this parser.
            from core.exception_handlers import PayloadTooLarge

            raise PayloadTooLarge(f"The request body is larger than the limit of {limit:,} bytes.")
        encoding = parser_context.get("encoding", settings.DEFAULT_CHARSET)
        try:
            text = raw.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise ParseError(f"JSON parse error - the body is not valid {encoding}: {exc}") from exc
        try:
            return json.loads(text, parse_constant=_refuse_constant)
        except RecursionError as exc:
            raise ParseError("JSON parse error - the body is nested too deeply.") from exc
        except ValueError as exc:
            raise ParseError(f"JSON parse error - {exc}") from exc


def _refuse_constant(name: str):
    raise ValueError(f"{name} is not valid JSON")
