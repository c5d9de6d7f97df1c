"""Dates of stops given apart from the place: after an origin, in a later sentence, by a stay's end."""

from __future__ import annotations

from extract.itinerary_helpers import brief, stops


def test_the_date_after_an_origin_is_the_arrival() -> None:
    text = "The envoys arrived in Lisbon from Madrid on Sunday after two days of talks."
    found = stops(text, [("Sunday", "2031-05-04")], "2031-05-06")
    assert brief(found) == [("Lisbon", "PT", "2031-05-04", "2031-05-04", "past")]


def test_a_stay_runs_until_a_day_given_in_a_later_sentence() -> None:
    text = (
        "Minister Hana Ruiz arrives in Prague on Monday. The delegation stays in the Czech capital until "
        "Thursday, when it heads to Vienna."
    )
    dates = [("Monday", "2031-05-05"), ("Thursday", "2031-05-08")]
    found = stops(text, dates, "2031-05-01")
    assert brief(found)[0] == ("Prague", "CZ", "2031-05-05", "2031-05-08", "planned")


def test_a_departure_in_a_later_sentence_ends_the_stay() -> None:
    text = "Senator Ola Brandt lands in Nairobi on Tuesday for talks on trade. He leaves on Friday."
    dates = [("Tuesday", "2031-05-06"), ("Friday", "2031-05-09")]
    found = stops(text, dates, "2031-05-01")
    assert brief(found) == [("Nairobi", "KE", "2031-05-06", "2031-05-09", "planned")]


def test_a_stay_is_not_run_on_by_another_place_or_a_far_day() -> None:
    text = (
        "Minister Hana Ruiz arrives in Prague on Monday. Farmers in Brno will stay on strike until Friday. "
        "Talks in Prague are set to last until the end of June."
    )
    dates = [("Monday", "2031-05-05"), ("Friday", "2031-05-09"), ("June", "2031-06")]
    found = stops(text, dates, "2031-05-01")
    assert brief(found) == [("Prague", "CZ", "2031-05-05", "2031-05-05", "planned")]


def test_a_place_that_comes_next_is_a_stop_dated_by_its_meetings() -> None:
    text = (
        "The trade mission spent Monday in Lyon. Turin comes next, with meetings at the chamber of commerce "
        "on Wednesday and Thursday, and Oslo is next week's host of the fair."
    )
    dates = [
        ("Monday", "2031-05-05"),
        ("Wednesday", "2031-05-07"),
        ("Thursday", "2031-05-08"),
        ("next week", "2031-W20"),
    ]
    found = stops(text, dates, "2031-05-06")
    assert [(s.place, s.start, s.end) for s in found] == [
        ("Lyon", "2031-05-05", "2031-05-05"),
        ("Turin", "2031-05-07", "2031-05-08"),
    ]


def test_a_date_after_an_apposition_of_the_place_is_its_date() -> None:
    text = "The last leg takes her to Tbilisi, the Georgian capital, on 9 June."
    found = stops(text, [("9 June", "2031-06-09")], "2031-06-01")
    assert brief(found) == [("Tbilisi", "GE", "2031-06-09", "2031-06-09", "planned")]


def test_the_following_day_at_the_same_stop_runs_the_stay_on() -> None:
    text = (
        "The tour ends in Dublin, where the minister is due at the parliament on 12 June and will address "
        "students at Trinity College the following day."
    )
    found = stops(text, [("12 June", "2031-06-12"), ("the following day", "2031-06-13")], "2031-06-01")
    assert brief(found) == [("Dublin", "IE", "2031-06-12", "2031-06-13", "planned")]


def test_the_last_day_of_that_leg_is_the_last_day_of_the_stop_before() -> None:
    text = (
        "President Ana Ruiz is due in Chile from Sunday until Tuesday. After talks in Santiago, she will "
        "spend the last day of that leg in the Atacama region. On the first day of the trip she meets students."
    )
    found = stops(text, [("Sunday", "2031-05-04"), ("Tuesday", "2031-05-06")], "2031-05-01")
    assert brief(found) == [
        ("Chile", "CL", "2031-05-04", "2031-05-06", "planned"),
        ("the Atacama region", None, "2031-05-06", "2031-05-06", "planned"),
    ]


def test_a_date_that_a_when_clause_hangs_on_dates_the_visit() -> None:
    text = "Governor Ines Abad last went abroad in May 2029, when she visited Morocco."
    found = stops(text, [("May 2029", "2029-05")], "2031-05-01")
    assert brief(found) == [("Morocco", "MA", "2029-05", "2029-05", "past")]


def test_a_departure_date_dates_the_first_stop_of_the_verb_after_it() -> None:
    text = (
        "Bishop Karl Lund flies out late next month and will spend a week in Tanzania. "
        "He signs the lease on Monday and will visit Kenya."
    )
    found = stops(text, [("late next month", "2031-06"), ("Monday", "2031-05-05")], "2031-05-01")
    assert brief(found) == [
        ("Tanzania", "TZ", "2031-06", "2031-06", "planned"),
        ("Kenya", "KE", None, None, "planned"),
    ]


def test_a_time_of_day_is_a_time_of_the_day_last_named() -> None:
    text = (
        "Minister Ailsa Grant will visit Harris on Friday. She will arrive at Tarbert in the afternoon. "
        "She is due in Aberdeen on the evening of 14 June."
    )
    dates = [("Friday", "2031-06-13"), ("the afternoon", "2031-06-13TAF"), ("the evening", "2031-06-10TEV")]
    dates.append(("14 June", "2031-06-14"))
    found = stops(text, dates, "2031-06-10")
    assert [(s.place, s.start, s.end) for s in found] == [
        ("Harris", "2031-06-13", "2031-06-13"),
        ("Tarbert", "2031-06-13", "2031-06-13"),
        ("Aberdeen", "2031-06-14", "2031-06-14"),
    ]


def test_one_unknown_word_visited_on_a_day_is_a_place() -> None:
    # (one word only: "Acme Robotics" may be a company, and a bare name of two words with no place
    # word is not taken)
    text = "The minister will visit Colonsay tomorrow. The prince will visit Acme Robotics on Monday."
    found = stops(text, [("tomorrow", "2031-06-11"), ("Monday", "2031-06-16")], "2031-06-10")
    assert [(s.place, s.start) for s in found] == [("Colonsay", "2031-06-11")]


def test_the_days_after_the_weekend_of_date_the_stop() -> None:
    text = "Bishop Ruth Kerr flies out on 3 June. On the weekend of 7 and 8 June she will be in Lilongwe."
    dates = [("3 June", "2031-06-03"), ("the weekend", "2031-W18-WE"), ("8 June", "2031-06-08")]
    found = stops(text, dates, "2031-05-01")
    assert brief(found) == [("Lilongwe", "MW", "2031-06-07", "2031-06-08", "planned")]


def test_an_undated_stop_takes_the_date_opening_the_next_sentence_about_the_traveller() -> None:
    text = (
        "Bishop Ruth Kerr will then travel to Lilongwe. On Saturday she preaches at the cathedral.\n\n"
        "Minister Jon Berg will visit Zomba. On Sunday, protesters marched in the capital.\n\n"
        "Envoy Ana Roth will fly to Blantyre. On Monday she said the talks would be hard."
    )
    dates = [("Saturday", "2031-06-07"), ("Sunday", "2031-06-08"), ("Monday", "2031-06-02")]
    found = stops(text, dates, "2031-06-01")
    assert brief(found) == [
        ("Lilongwe", "MW", "2031-06-07", "2031-06-07", "planned"),
        ("Zomba", "MW", None, None, "planned"),
        ("Blantyre", "MW", None, None, "planned"),
    ]


def test_ordinal_days_date_stops_through_the_usual_paths() -> None:
    text = (
        "President Lena Ahl will stop in Tashkent on Wednesday, Oct. 1, and in the old city of Samarkand "
        "on the 2nd. The final leg takes her to Bishkek, the Kyrgyz capital, on the 3rd. "
        "On the weekend of the 11th and 12th she will be in Almaty."
    )
    dates = [
        ("Wednesday, Oct. 1", "2031-10-01"),
        ("the 2nd", "2031-10-02"),
        ("the 3rd", "2031-10-03"),
        ("the weekend", "2031-W40-WE"),
        ("the 11th", "2031-10-11"),
        ("12th", "2031-10-12"),
    ]
    found = stops(text, dates, "2031-09-24")
    assert [(s.place, s.start, s.end) for s in found] == [
        ("Tashkent", "2031-10-01", "2031-10-01"),
        ("Samarkand", "2031-10-02", "2031-10-02"),
        ("Bishkek", "2031-10-03", "2031-10-03"),
        ("Almaty", "2031-10-11", "2031-10-12"),
    ]


def test_ordinal_days_joined_by_and_before_the_month() -> None:
    text = "The envoy Sara Lind will be in Accra on the 11th and 12th of June."
    found = stops(text, [("12th of June", "2031-06-12")], "2031-06-01")
    assert brief(found) == [("Accra", "GH", "2031-06-11", "2031-06-12", "planned")]


def test_a_stay_is_not_run_on_by_things_that_stay_open_or_an_office_left() -> None:
    text = (
        "Minister Eva Holm arrives in Rome on Monday. The exhibition is open until Thursday. "
        "She leaves office on Friday."
    )
    dates = [("Monday", "2031-05-05"), ("Thursday", "2031-05-08"), ("Friday", "2031-05-09")]
    found = stops(text, dates, "2031-05-01")
    assert brief(found) == [("Rome", "IT", "2031-05-05", "2031-05-05", "planned")]


def test_the_end_of_a_stay_counts_from_the_weekday_set_by_the_tense() -> None:
    text = "Minister Eva Holm arrives in Rome on Monday. The ministers are in the Italian capital until Wednesday."
    # the tagger put the bare "Monday" behind the reference date; the planned trip puts it ahead
    found = stops(text, [("Monday", "2031-04-28"), ("Wednesday", "2031-05-07")], "2031-05-01")
    assert brief(found) == [("Rome", "IT", "2031-05-05", "2031-05-07", "planned")]


def test_a_place_that_comes_next_outside_a_trip_or_next_in_line_is_no_stop() -> None:
    assert stops("Germany comes next in the medal table, with Spain third.") == []
    text = "Minister Eva Holm arrives in Rome on Monday. Spain is next in line for the presidency."
    assert [s.place for s in stops(text, [("Monday", "2031-05-05")], "2031-05-01")] == ["Rome"]


def test_a_weekday_after_a_dated_stop_of_the_same_trip_lies_after_it() -> None:
    text = (
        "President Lena Ahl will stop in Lima on Wednesday, Oct. 1, and in the old city of Cusco on Thursday. "
        "The final leg takes her to La Paz, the Bolivian capital, on Friday. "
        "Minister Jon Berg flies to Quito on Thursday."
    )
    # the tagger put each bare weekday in the week of the reference date (a Wednesday)
    dates = [("Wednesday, Oct. 1", "2031-10-01"), ("Thursday", "2031-09-25"), ("Friday", "2031-09-26")]
    dates.append(("Thursday", "2031-09-25"))
    found = stops(text, dates, "2031-09-24")
    assert [(s.place, s.start) for s in found] == [
        ("Lima", "2031-10-01"),
        ("Cusco", "2031-10-02"),
        ("La Paz", "2031-10-03"),
        ("Quito", "2031-09-25"),
    ]


def test_a_departure_for_home_on_a_bare_weekday_ends_the_stay_after_its_start() -> None:
    text = "Prime Minister Ana Ruiz flies to Nairobi on Monday. She departs for home on Thursday."
    # the tagger put the weekdays in the week of the reference date (a Thursday)
    found = stops(text, [("Monday", "2031-04-28"), ("Thursday", "2031-05-01")], "2031-05-01")
    assert brief(found) == [("Nairobi", "KE", "2031-05-05", "2031-05-08", "planned")]
