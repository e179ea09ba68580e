"""Dates and ranges as reports write them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from ipcoop.ingest.normalize.dates import DateError, find_dates, parse_date, parse_range
from ipcoop.ingest.records import DateRange, PartialDate


def _r(start: str, end: str | None = None) -> DateRange:
    return DateRange(PartialDate(start), PartialDate(end) if end else None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("26 September 2022 - 30 September 2022", _r("2022-09-26", "2022-09-30")),
        ("February 17-18, 2014", _r("2014-02-17", "2014-02-18")),
        ("November 30 to December 2, 2010", _r("2010-11-30", "2010-12-02")),
        ("23-25 June, 2010", _r("2010-06-23", "2010-06-25")),
        ("March 2, 2011", _r("2011-03-02")),
        ("2008", _r("2008")),
        ("July 2011", _r("2011-07")),
        ("September, 2010", _r("2010-09")),
        ("01/06/2018", _r("2018-06-01")),
        ("FY2017", _r("2016-10", "2017-09")),
        ("mid-FY 2021", _r("2020-10", "2021-09")),
        ("From 26 to 30 September 2022", _r("2022-09-26", "2022-09-30")),
        ("From 28 November to 2 December 2022", _r("2022-11-28", "2022-12-02")),
        ("31 May 2023 - 2 June 2023", _r("2023-05-31", "2023-06-02")),
        ("June 9-11, 2009", _r("2009-06-09", "2009-06-11")),
        ("on 2-3 April, 2012", _r("2012-04-02", "2012-04-03")),
        ("1-2 September 2011", _r("2011-09-01", "2011-09-02")),
        ("September 2020-September 2021", _r("2020-09", "2021-09")),
        ("18 Aug 2016", _r("2016-08-18")),
        ("14-15 June 2023", _r("2023-06-14", "2023-06-15")),
        ("du 26 au 30 septembre 2022", _r("2022-09-26", "2022-09-30")),
        ("le 15 septembre 2021", _r("2021-09-15")),
        ("1er mars 2019", _r("2019-03-01")),
        ("juillet 2011", _r("2011-07")),
        ("del 26 al 30 de septiembre de 2022", _r("2022-09-26", "2022-09-30")),
        ("15 de septiembre de 2021", _r("2021-09-15")),
        ("julio de 2011", _r("2011-07")),
        ("de julio a septiembre de 2011", _r("2011-07", "2011-09")),
        ("2022-09-26", _r("2022-09-26")),
        ("Sept. 5, 2010", _r("2010-09-05")),
        ("Feb. 2011", _r("2011-02")),
        ("Jan 2020 - Mar 2020", _r("2020-01", "2020-03")),
        ("Tuesday, 26 September 2022", _r("2022-09-26")),
        ("the 26th of September 2022", _r("2022-09-26")),
        ("12 and 13 May 2011", _r("2011-05-12", "2011-05-13")),
        ("between 2009 and 2011", _r("2009", "2011")),
        ("01/06/2018 – 05/06/2018", _r("2018-06-01", "2018-06-05")),
        ("06/2018", _r("2018-06")),
    ],
)
def test_parse_range_reads_the_common_forms(text: str, expected: DateRange) -> None:
    assert parse_range(text) == expected


def test_precision_is_the_start_precision() -> None:
    assert parse_range("2008").precision == "year"
    assert parse_range("July 2011").precision == "month"
    assert parse_range("FY2017").precision == "month"
    assert parse_range("February 17-18, 2014").precision == "day"


def test_numeric_dates_follow_day_first() -> None:
    assert parse_date("01/06/2018").iso == "2018-06-01"
    assert parse_date("01/06/2018", day_first=False).iso == "2018-01-06"
    # 25 cannot be a month, so the only reading is taken whatever the preference.
    assert parse_date("06/25/2018").iso == "2018-06-25"


@pytest.mark.parametrize(
    "text",
    [
        "31/02/2020",
        "32 May 2020",
        "blah",
        "May",
        "",
        "2011-2009",
        "30 February 2021",
        "yesterday",
        "2 days ago",
    ],
)
def test_invalid_dates_raise_with_the_text_quoted(text: str) -> None:
    with pytest.raises(DateError) as error:
        parse_range(text)
    assert repr(text.strip()) in str(error.value) or text == ""


def test_parse_date_refuses_a_period() -> None:
    with pytest.raises(DateError, match="parse_range"):
        parse_date("1-2 September 2011")
    with pytest.raises(DateError, match="FY2017"):
        parse_date("FY2017")


def test_parse_date_falls_back_to_dateparser_for_other_shapes() -> None:
    assert parse_date("September the 26th, 2022").iso == "2022-09-26"
    assert parse_date("2022/09/26").iso == "2022-09-26"
    assert parse_date("le lundi 26 septembre 2022").iso == "2022-09-26"


def test_parse_date_keeps_month_and_year_precision() -> None:
    assert parse_date("julio de 2011") == PartialDate("2011-07")
    assert parse_date("in 2009") == PartialDate("2009")


def _spans(text: str) -> dict[str, DateRange]:
    return {text[start:end]: found for start, end, found in find_dates(text)}


def test_find_dates_in_prose() -> None:
    text = (
        "A workshop was held on July 20-23, 2009 in Honolulu, Hawaii. A course was held in "
        "Daejon, Korea in 2009, and another in July 2011. Meetings followed in February 2010; "
        "in September 2011 and in Sanya, China on November 30 to December 2, 2010."
    )
    spans = _spans(text)
    assert spans == {
        "July 20-23, 2009": _r("2009-07-20", "2009-07-23"),
        "2009": _r("2009"),
        "July 2011": _r("2011-07"),
        "February 2010": _r("2010-02"),
        "September 2011": _r("2011-09"),
        "November 30 to December 2, 2010": _r("2010-11-30", "2010-12-02"),
    }


def test_find_dates_is_longest_first_and_without_overlaps() -> None:
    text = "In 2010, from 28 November to 2 December 2022, then in 2011."
    hits = find_dates(text)
    assert [text[s:e] for s, e, _ in hits] == [
        "from 28 November to 2 December 2022",
        "2010",
        "2011",
    ]
    lengths = [end - start for start, end, _ in hits]
    assert lengths == sorted(lengths, reverse=True)


def test_find_dates_skips_counts_and_durations() -> None:
    assert find_dates("2000 participants attended a five-day course for 30 officials.") == []
    assert _spans("held in 2020 and 2021 to 2022") == {
        "2020": _r("2020"),
        "2021 to 2022": _r("2021", "2022"),
    }


def test_find_dates_in_french_and_spanish() -> None:
    assert _spans("L'atelier s'est tenu du 26 au 30 septembre 2022 à Vientiane.") == {
        "du 26 au 30 septembre 2022": _r("2022-09-26", "2022-09-30")
    }
    assert _spans("El taller se celebró el 15 de septiembre de 2021 en Lima.") == {
        "15 de septiembre de 2021": _r("2021-09-15")
    }


def test_find_dates_on_the_wcoseed(seed: Callable[[str], Path]) -> None:
    text = seed("003").read_text(encoding="utf-8")
    spans = [text[s:e] for s, e, _ in find_dates(text)]
    assert "From 31 May to 2 June 2023" in spans
    assert "26 September 2022 - 30 September 2022" in spans
    found = dict(zip(spans, (r for _, _, r in find_dates(text)), strict=True))
    assert found["From 31 May to 2 June 2023"] == _r("2023-05-31", "2023-06-02")
