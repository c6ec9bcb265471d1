"""API helpers every app's API may use: role permissions, stable cursor pages and strict input fields."""

from __future__ import annotations

from django.db import models
from rest_framework import exceptions, serializers
from rest_framework.pagination import Cursor, CursorPagination
from rest_framework.permissions import BasePermission

from core.roles import can_add_articles, is_admin, is_annotator, is_reviewer


class IsAnnotator(BasePermission):
    """Any ClaimDesk role: annotators, reviewers and admins."""

    message = "You need an annotator, reviewer or admin account."

    def has_permission(self, request, view) -> bool:
        return is_annotator(request.user)


class IsReviewer(BasePermission):
    message = "Only reviewers and admins can do this."

    def has_permission(self, request, view) -> bool:
        return is_reviewer(request.user)


class IsAdmin(BasePermission):
    message = "Only admins can do this."

    def has_permission(self, request, view) -> bool:
        return is_admin(request.user)


class CanAddArticle(BasePermission):
    message = "Only reviewers and admins can add articles."

    def has_permission(self, request, view) -> bool:
        return request.method != "POST" or can_add_articles(request.user)


MAX_ID = 2**63 - 1  # the largest id any database stores; a larger number in a query is refused, not a 500


class IdCursorPagination(CursorPagination):
    """Stable pages over any number of rows: the cursor is the last id, so page 10,000 is as fast as page 1.

    To resume after a failure, keep the last `next` link you received and follow it: pages are by id, so no row
    is skipped or repeated, and rows added meanwhile come at the end.

    A cursor that does not decode to an id is a 400 on `cursor` (DRF answers 404, or 500 for a crafted position).
    """

    ordering = "id"
    page_size_query_param = "page_size"
    max_page_size = 500
    cursor_query_description = "Where the page starts: copy it from the `next` or `previous` link, never build it."
    page_size_query_description = f"Results per page: 50 unless given, at most {max_page_size}."

    def get_page_size(self, request) -> int:
        """`page_size` from 1 to max_page_size; anything else is a 400 (DRF quietly used 50 for `abc`)."""
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        if not (raw.isascii() and raw.isdigit() and 1 <= int(raw) <= self.max_page_size):
            message = f"A whole number from 1 to {self.max_page_size}."
            raise exceptions.ValidationError({self.page_size_query_param: [message]})
        return int(raw)

    def decode_cursor(self, request) -> Cursor | None:
        message = "Invalid cursor: follow the `next` and `previous` links as they are."
        try:
            cursor = super().decode_cursor(request)
        except exceptions.NotFound as exc:
            raise exceptions.ValidationError({self.cursor_query_param: [message]}) from exc
        if cursor is not None and cursor.position is not None:
            try:
                position = int(cursor.position)
            except ValueError:
                position = -1
            if not 0 <= position <= MAX_ID:
                raise exceptions.ValidationError({self.cursor_query_param: [message]})
        return cursor


class StrictCharField(serializers.CharField):
    """A text field that takes only a string: DRF's CharField quietly turns 123 or true into "123" or "True"."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictPrimaryKeyRelatedField(serializers.PrimaryKeyRelatedField):
    """An id that is an integer (or a string of digits, as a form sends it); DRF takes 3.7 as 3."""

    def to_internal_value(self, data):
        digits = isinstance(data, str) and data.isascii() and data.isdigit()
        if isinstance(data, bool) or not (isinstance(data, int) or digits):
            self.fail("incorrect_type", data_type=type(data).__name__)
        if not 0 < int(data) <= MAX_ID:
            self.fail("does_not_exist", pk_value=data)
        return super().to_internal_value(data)


class NoUnknownFieldsSerializer(serializers.Serializer):
    """Input that names a field we do not have is a 400 on that field, not silently ignored (a typo such as
    `evidence` for `evidence_url` would otherwise lose data without a word)."""

    ignored = frozenset({"csrfmiddlewaretoken"})  # a session-authenticated HTML form sends it

    def to_internal_value(self, data):
        if hasattr(data, "keys"):
            unknown = sorted(str(key) for key in data if key not in self.fields and key not in self.ignored)
            if unknown:
                known = ", ".join(name for name, field in self.fields.items() if not field.read_only)
                message = f"Unknown field. The fields are: {known}."
                raise serializers.ValidationError({key: [message] for key in unknown})
        return super().to_internal_value(data)


class URLAsTextModelSerializer(serializers.ModelSerializer):
    """A missing link is stored as "", which OpenAPI's `uri` format forbids: URLs are documented as plain strings."""

    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.URLField: serializers.CharField,
    }
