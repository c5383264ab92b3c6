"""Dates and times in Danish, as staff write them ('12. marts 2026, kl. 13.00–15.30'), and the build's date."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, time
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_time

from vidensportal.data.model import Period


@lru_cache(maxsize=4096)  # babel is slow, and the same dates come back on many pages
def danish_date(value: date) -> str:
    return format_date(value, format="d. MMMM y", locale="da_DK")


def danish_period(value: Period) -> str:
    """A Period as text: 'ultimo 2019' stays as it is, '2019-12-18' becomes '18. december 2019'."""
    try:
        return danish_date(date.fromisoformat(value))
    except ValueError:
        return value


@lru_cache(maxsize=4096)
def danish_time(value: time) -> str:
    return format_time(value, "HH.mm", locale="da_DK")


def danish_when(day: date, start: time, end: time) -> str:
    """'12. marts 2026, kl. 13.00–15.30'."""
    return f"{danish_date(day)}, kl. {danish_time(start)}–{danish_time(end)}"


def build_moment() -> datetime:
    """The moment of this build: SOURCE_DATE_EPOCH when set (reproducible builds), otherwise now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC).replace(microsecond=0)


def local_day(moment: datetime) -> date:
    """The date in Copenhagen at `moment`."""
    return moment.astimezone(ZoneInfo("Europe/Copenhagen")).date()
