"""A trip's programme laid out as dated lines."""

from __future__ import annotations

from extract.itinerary_helpers import brief, stops


def test_a_programme_line_may_name_a_venue_the_gazetteer_does_not_know() -> None:
    text = (
        "Minister Aino Vale will visit East Africa next week, the ministry said.\n\n"
        "Programme\n\n"
        "2031-01-25  Nairobi, Kenya: talks with the trade minister\n"
        "2031-01-26  Dadaab refugee camp, Garissa County: visit to a clinic\n"
        "2031-01-27  Lodwar, Kenya: meeting with the county governor\n"
        "2031-01-28  Meeting with the Board: budget review\n"
    )
    dates = [
        ("next week", "2031-W04"),
        ("2031-01-25", "2031-01-25"),
        ("2031-01-26", "2031-01-26"),
        ("2031-01-27", "2031-01-27"),
        ("2031-01-28", "2031-01-28"),
    ]
    found = stops(text, dates, "2031-01-15")
    assert brief(found) == [
        ("Nairobi", "KE", "2031-01-25", "2031-01-25", "planned"),
        ("Dadaab refugee camp", "KE", "2031-01-26", "2031-01-26", "planned"),
        # a line that names no place is another day of the stay before
        ("Lodwar", "KE", "2031-01-27", "2031-01-28", "planned"),
    ]
