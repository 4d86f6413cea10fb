"""The reports' definitions, without a database: periods, sums, rates, tables and points."""

from __future__ import annotations

import datetime as dt

import pytest

from app.core.reports import (
    Confusion,
    DayFigures,
    Period,
    Report,
    ReportKind,
    confusions_table,
    error_rate,
    nice_top,
    orders_per_hour,
    period,
    report_table,
    series,
    with_refusals,
)

D1, D2, D3 = dt.date(2026, 4, 1), dt.date(2026, 4, 2), dt.date(2026, 4, 3)


def test_a_period_is_whole_japan_days_in_utc() -> None:
    start, end = Period(D1, D2).bounds()
    assert start == dt.datetime(2026, 3, 31, 15, tzinfo=dt.UTC)
    assert end == dt.datetime(2026, 4, 2, 15, tzinfo=dt.UTC)
    assert Period(D1, D3).days() == [D1, D2, D3]


def test_a_period_defaults_to_thirty_days_up_to_today_and_never_runs_backwards() -> None:
    assert period(None, None, D3) == Period(D3 - dt.timedelta(days=29), D3)
    assert period(D1, None, D3) == Period(D1, D3)
    with pytest.raises(ValueError, match="after --until"):
        period(D3, D1, D3)


def test_rates_are_none_without_anything_to_divide_by() -> None:
    assert error_rate(0, 0) is None
    assert error_rate(1, 4) == 0.25
    assert orders_per_hour(3, 0) is None
    assert orders_per_hour(30, 2) == 15.0


def test_refusals_on_a_day_without_other_figures_get_a_row_and_hours_add_up() -> None:
    days = [DayFigures("Hanako", D1, 2, 6, 8, 2, 1)]
    rows = with_refusals(
        days,
        [
            ("Hanako", D1, "not_on_order", 2),
            ("Hanako", D2, "not_logged_in", 1),
            ("Hanako", D2, "some_new_reason", 1),
        ],
    )
    report = Report(ReportKind.PACKERS, Period(D1, D3), rows)

    assert report.reasons() == ["not_logged_in", "not_on_order", "some_new_reason"]
    table = report_table(report)
    assert table.rows == [["Hanako", 2, 6, 8, 2, 0.25, 1, 2.0, 1, 2, 1]]
    assert [p.error_rate for p in series(report)] == [0.25, None, None]
    assert report.floor().packs == 2


def test_confused_pairs_as_a_table() -> None:
    table = confusions_table([Confusion("TEA", "緑茶", "TEA-H", "ほうじ茶", 4)])
    assert table.header[-1] == "times"
    assert table.rows == [["TEA", "緑茶", "TEA-H", "ほうじ茶", 4]]


def test_a_charts_top_is_a_round_number_above_the_highest_value() -> None:
    assert nice_top(0) == 1.0
    assert nice_top(0.375) == 0.4
    assert nice_top(27.5) == 30
    assert nice_top(140) == 200
