import pytest

from pipeline.explorer.filters import BadFilter, ViewFilters


def test_filters_round_trip_through_the_url():
    f = ViewFilters.from_query({"source": "vestnik", "language": "ru", "since": "2026-11-01",
                                "grain": "day", "until": ""})
    assert f == ViewFilters(source="vestnik", language="ru", since="2026-11-01", grain="day")
    assert ViewFilters.from_query(dict(x.split("=") for x in f.query_string().split("&"))) == f


def test_the_default_grain_stays_out_of_the_url():
    assert ViewFilters().query_string() == ""
    assert ViewFilters().query_string(view="dyads", member=None) == "view=dyads"


@pytest.mark.parametrize("query, message", [
    ({"since": "20 Nov"}, "not a date"),
    ({"grain": "month"}, "use week or day"),
    ({"source": "x' or 1=1"}, "not an id"),
])
def test_bad_filters_say_what_is_wrong(query, message):
    with pytest.raises(BadFilter, match=message):
        ViewFilters.from_query(query)
