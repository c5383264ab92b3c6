"""Dates in Danish, as staff write them: '12. marts 2026'."""

from __future__ import annotations

from datetime import date

from babel.dates import format_date

from .model import Period


def danish_date(value: date) -> str:
    return format_date(value, format="d. MMMM y", locale="da_DK")


def danish_period(value: Period) -> str:
    """A Period as text: 'ultimo 2019' stays as it is, '2019-12-18' becomes '18. december 2019'."""
    try:
        return danish_date(date.fromisoformat(value))
    except ValueError:
        return value
