"""Checks on values that every database must store: shared by the ingest service, the forms and the API filters."""

from datetime import UTC, datetime, timedelta

from django.core.exceptions import ValidationError

MAX_UTC_OFFSET = timedelta(hours=14)  # the widest offset in use (Kiribati); PostgreSQL refuses much beyond it


def validate_storable_datetime(value: datetime | None) -> None:
    """A date-time with a real-world UTC offset that converts to UTC without leaving the calendar."""
    if value is None:
        return
    offset = value.utcoffset()
    if offset is not None and abs(offset) > MAX_UTC_OFFSET:
        raise ValidationError("Use a UTC offset between -14:00 and +14:00.", code="offset")
    try:
        value.astimezone(UTC)
    except (OverflowError, ValueError):
        raise ValidationError("This date-time is out of range.", code="range") from None
