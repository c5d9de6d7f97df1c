"""Itinerary rules on invented sentences; dates are given by hand so these tests do not lean on the tagger."""

from __future__ import annotations

from extract.itinerary_helpers import brief, raw_article, stops
from hypothesis import given, settings
from hypothesis import strategies as st

from summarize.extract.itinerary import extract_itinerary


def test_stop_list_with_per_stop_dates_and_capitals_folded_in() -> None:
    text = (
        "Foreign Minister Ana Lindqvist will visit Peru (March 3-5), Chile (March 5-6) and "
        "the Argentine Republic (March 7-9), her office said.\n\n"
        "In Lima, she will meet the president. In Santiago, Lindqvist will sign a fisheries accord."
    )
    dates = [
        ("March 3-5", "2031-03-03", "2031-03-05"),
        ("March 5-6", "2031-03-05", "2031-03-06"),
        ("March 7-9", "2031-03-07", "2031-03-09"),
    ]
    found = stops(text, dates, "2031")
    assert brief(found) == [
        ("Peru", "PE", "2031-03-03", "2031-03-05", "planned"),
        ("Chile", "CL", "2031-03-05", "2031-03-06", "planned"),
        ("Argentine Republic", "AR", "2031-03-07", "2031-03-09", "planned"),
    ]
    assert {s.traveler for s in found} == {"Ana Lindqvist"}
    assert found[0].date_text == "March 3-5"


def test_past_visit_is_past_and_merely_mentioned_places_are_not_stops() -> None:
    text = (
        "Senator Paul Okonjo criticised trade policy towards Brazil. When he visited Madrid in 1999, "
        "he praised Spain's ports. Exports from Canada to Mexico fell."
    )
    found = stops(text, [("1999", "1999")], "2031-05-02")
    assert brief(found) == [("Madrid", "ES", "1999", "1999", "past")]
    assert found[0].traveler == "Paul Okonjo"


def test_negative_article_has_no_stops() -> None:
    text = (
        "Shares in the Norwegian shipping group rose in Oslo on Tuesday. Around 9,000 people visited "
        "the company's website after the Bank of England said inflation in Britain had eased. "
        "Analysts in Singapore and Tokyo expect further gains."
    )
    assert stops(text, [("Tuesday", "2031-05-06")], "2031-05-07") == []


def test_negated_trip_is_no_stop() -> None:
    text = "The prince will travel to Kenya next month but will not visit Uganda, aides said."
    assert [s.place for s in stops(text)] == ["Kenya"]


def test_city_with_country_qualifier_and_unknown_town() -> None:
    text = (
        "On Sunday, June 8, the envoy Mia Tanaka will travel to Kosice and Dolny Kubin, Slovakia, to meet local mayors."
    )
    found = stops(text, [("Sunday, June 8", "2031-06-08")], "2031-06-01")
    assert brief(found) == [
        ("Kosice", "SK", "2031-06-08", "2031-06-08", "planned"),
        ("Dolny Kubin", "SK", "2031-06-08", "2031-06-08", "planned"),
    ]


def test_venue_named_with_its_place_and_the_next_day() -> None:
    text = (
        "First Lady Rosa Quint will visit Fort Ashby Airbase in Poland on Friday. The next day she will fly to Warsaw."
    )
    found = stops(text, [("Friday", "2031-05-09"), ("The next day", "2031-05-10")], "2031-05-05")
    assert brief(found) == [
        ("Fort Ashby Airbase", "PL", "2031-05-09", "2031-05-09", "planned"),
        ("Warsaw", "PL", "2031-05-10", "2031-05-10", "planned"),
    ]
    assert found[1].traveler == "Rosa Quint"


def test_weekday_range_and_bare_weekday_ahead_of_a_planned_trip() -> None:
    text = "The delegation will be in Porto from Monday to Wednesday. Minister Eva Holm travels to Brussels on Monday."
    # The tagger resolved the bare "Monday" backwards; a planned trip puts it ahead.
    dates = [("Monday", "2031-05-05"), ("Wednesday", "2031-05-07"), ("Monday", "2031-04-28")]
    found = stops(text, dates, "2031-05-01")
    assert brief(found) == [
        ("Porto", "PT", "2031-05-05", "2031-05-07", "planned"),
        ("Brussels", "BE", "2031-05-05", "2031-05-05", "planned"),
    ]


def test_tour_frame_and_continuation() -> None:
    text = (
        "The tour opens in Accra, where the minister will hold talks on Monday. "
        "She then flies to Abuja before heading to Dakar."
    )
    found = stops(text, [("Monday", "2031-03-03")], "2031-03-01")
    assert [s.place for s in found] == ["Accra", "Abuja", "Dakar"]
    assert found[0].start == "2031-03-03"


def test_same_place_twice_keeps_the_dated_mention() -> None:
    text = (
        "The president will visit Rome and Vienna during a trip to Europe in June. "
        "He will be in Rome from June 3 to 6, officials said."
    )
    dates = [("June", "2031-06"), ("June 3 to 6", "2031-06-03", "2031-06-06")]
    found = stops(text, dates, "2031-03-01")
    assert brief(found) == [
        ("Vienna", "AT", None, None, "planned"),
        ("Rome", "IT", "2031-06-03", "2031-06-06", "planned"),
    ]


def test_going_home_is_no_stop() -> None:
    text = "The premier arrives in Hanoi on Nov. 10 and is due back in Canberra on Nov. 12."
    dates = [("Nov. 10", "2031-11-10"), ("Nov. 12", "2031-11-12")]
    assert [s.place for s in stops(text, dates, "2031-11-01")] == ["Hanoi"]


def test_place_modifying_a_noun_is_not_a_destination() -> None:
    text = "On the third day of his tour of Asia, the Japan envoy said talks would resume."
    assert all(s.place != "Japan" for s in stops(text))


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_never_raises_on_arbitrary_text(text: str) -> None:
    a = raw_article(text)
    for s in extract_itinerary(a, [], None):
        assert a.text[s.evidence.start : s.evidence.end] == s.evidence.text


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "She will visit",
                "Japan",
                "(Feb. 2-4),",
                "and",
                "then travel to",
                "Lima",
                "in Peru",
                "on Monday.",
                "He visited",
                "the Republic of Korea",
                "ü",
                "\n\n",
                "Paris,",
                "France",
                "the",
                "Airbase",
                "In Oslo,",
            ]
        ),
        max_size=30,
    )
)
def test_evidence_is_valid_on_trip_like_text(words: list[str]) -> None:
    text = " ".join(words) + "."
    a = raw_article(text)
    for s in extract_itinerary(a, [], "2031-01-01"):
        assert a.text[s.evidence.start : s.evidence.end] == s.evidence.text
        assert s.evidence.start <= s.evidence.end


def test_length_of_stay_runs_the_dates_on_and_a_day_inside_it_is_the_same_stop() -> None:
    text = (
        "Trade Secretary Lena Moss will spend three days in Oslo from May 4. "
        "She will visit the Fram Museum in Oslo on May 5 and fly to Bergen on May 7."
    )
    dates = [("May 4", "2031-05-04"), ("May 5", "2031-05-05"), ("May 7", "2031-05-07")]
    found = stops(text, dates, "2031-04-20")
    oslo = [(s.place, s.start, s.end) for s in found if s.place == "Oslo"]
    assert oslo == [("Oslo", "2031-05-04", "2031-05-06")]
    assert ("Bergen", "2031-05-07", "2031-05-07") in [(s.place, s.start, s.end) for s in found]


def test_a_two_day_visit_begun_on_a_day_covers_the_next_day_too() -> None:
    text = "President Aro Vale begins a two-day visit to Chile on Monday, his office said."
    found = stops(text, [("Monday", "2031-06-09")], "2031-06-05")
    assert brief(found) == [("Chile", "CL", "2031-06-09", "2031-06-10", "planned")]
    assert found[0].traveler == "Aro Vale"


def test_a_day_before_a_length_is_no_range_of_its_own() -> None:
    text = "The envoy will make a three-day trip to Ghana; on Monday she opens a clinic."
    found = stops(text, [("Monday", "2031-06-09")], "2031-06-05")
    assert brief(found) == [("Ghana", "GH", None, None, "planned")]


def test_trigger_words_inside_other_words_or_contractions_are_not_triggers() -> None:
    text = (
        "The revisited plan for the tour-operator market in Lima was praised. "
        "Analysts said pre-visit checks in Quito were slow."
    )
    assert stops(text) == []


def test_a_place_in_a_sentence_without_trigger_is_no_stop_but_a_lead_in_place_is() -> None:
    text = (
        "Envoy Sara Lind will travel to Kenya on June 2. Markets in Lagos rose. "
        "In Kampala, she will meet port officials."
    )
    found = stops(text, [("June 2", "2031-06-02")], "2031-05-20")
    assert [(s.place, s.country) for s in found] == [("Kenya", "KE"), ("Kampala", "UG")]
    assert found[1].traveler == "Sara Lind"


def test_a_date_after_a_coordinated_list_is_shared_by_the_list() -> None:
    text = "Foreign Minister Ines Kahl will visit Romania and Slovakia on May 5, her office said."
    found = stops(text, [("May 5", "2031-05-05")], "2031-04-20")
    assert brief(found) == [
        ("Romania", "RO", "2031-05-05", "2031-05-05", "planned"),
        ("Slovakia", "SK", "2031-05-05", "2031-05-05", "planned"),
    ]


def test_a_colon_after_a_trip_word_opens_its_list_of_stops() -> None:
    text = (
        "Secretary-General Hana Ito begins a three-nation tour on Sunday: Ghana (May 2-4), "
        "Togo (May 4-6) and Benin (May 7). Her itinerary: Accra, Lome and Cotonou."
    )
    dates = [
        ("Sunday", "2031-05-04"),
        ("May 2-4", "2031-05-02", "2031-05-04"),
        ("May 4-6", "2031-05-04", "2031-05-06"),
        ("May 7", "2031-05-07"),
    ]
    found = stops(text, dates, "2031-04-28")
    # the capitals of the second list are the same stops, folded into the dated countries
    assert brief(found) == [
        ("Ghana", "GH", "2031-05-02", "2031-05-04", "planned"),
        ("Togo", "TG", "2031-05-04", "2031-05-06", "planned"),
        ("Benin", "BJ", "2031-05-07", "2031-05-07", "planned"),
    ]
    assert {s.traveler for s in found} == {"Hana Ito"}


def test_a_colon_after_other_words_is_an_ordinary_clause_break() -> None:
    text = (
        "He summed up his visit in one word: Germany. "
        "The tour has a clear goal: France must pay, officials in Paris said."
    )
    assert stops(text) == []


def test_a_participle_after_the_place_dates_the_stay() -> None:
    text = "The delegation will spend two days in Nairobi, Kenya, starting March 14, and then fly to Addis Ababa."
    found = stops(text, [("March 14", "2031-03-14")], "2031-03-01")
    assert brief(found) == [
        ("Nairobi", "KE", "2031-03-14", "2031-03-15", "planned"),
        ("Addis Ababa", "ET", None, None, "planned"),
    ]


def test_two_days_before_one_month_and_meetings_with_people_in_a_city() -> None:
    text = (
        "Foreign Secretary Ruth Amara arrives in Lima on 12 October before heading to Quito. "
        "Amara will hold meetings with Ecuadorian ministers in Quito on 13 and 14 October."
    )
    dates = [("12 October", "2031-10-12"), ("14 October", "2031-10-14")]
    found = stops(text, dates, "2031-10-01")
    assert brief(found) == [
        ("Lima", "PE", "2031-10-12", "2031-10-12", "planned"),
        ("Quito", "EC", "2031-10-13", "2031-10-14", "planned"),
    ]
    assert found[1].date_text == "13 and 14 October"


def test_a_length_after_the_date_and_going_home_is_no_stop() -> None:
    text = (
        "President Tomas Ilves flies on to Seoul on Friday for a two-day visit, and will end his tour "
        "in Tokyo on Monday before returning to Tallinn."
    )
    dates = [("Friday", "2031-03-14"), ("Monday", "2031-03-17")]
    found = stops(text, dates, "2031-03-12")
    assert brief(found) == [
        ("Seoul", "KR", "2031-03-14", "2031-03-15", "planned"),
        ("Tokyo", "JP", "2031-03-17", "2031-03-17", "planned"),
    ]


def test_things_that_travel_make_no_trip() -> None:
    text = "After closing in Ghent in April, the exhibition will travel to Tokyo and then to Montreal."
    assert stops(text, [("April", "2031-04")], "2031-01-10") == []


def test_a_town_the_gazetteer_does_not_know_after_a_verb_of_movement() -> None:
    text = (
        "The transport minister, Fiona Baird, travels on to Kilbrannan on Saturday. "
        "The route carries many tourists heading to Staffa. Fans will travel to Oslo for the final. "
        "She will travel to West and East Africa later."
    )
    found = stops(text, [("Saturday", "2031-03-08")], "2031-03-06")
    assert [(s.place, s.country, s.start) for s in found] == [("Kilbrannan", None, "2031-03-08")]


def test_a_date_opening_the_sentence_does_not_override_the_dates_of_the_country() -> None:
    text = (
        "Minister Eva Holm will visit Ghana (May 2-4) and Togo (May 5-6), her ministry said. "
        "On Monday, a farmers' alliance urged Holm to raise cocoa prices when she meets officials in Lome."
    )
    dates = [("May 2-4", "2031-05-02", "2031-05-04"), ("May 5-6", "2031-05-05", "2031-05-06"), ("Monday", "2031-04-28")]
    found = stops(text, dates, "2031-04-26")
    assert brief(found) == [
        ("Ghana", "GH", "2031-05-02", "2031-05-04", "planned"),
        ("Togo", "TG", "2031-05-05", "2031-05-06", "planned"),
    ]


def test_a_programme_laid_out_as_dated_lines() -> None:
    text = (
        "Minister Aino Vale will visit East Africa next week, the ministry said.\n\n"
        "Programme\n\n"
        "2031-01-25 to 2031-01-26  Nairobi, Kenya: talks with the trade minister\n"
        "2031-01-28  Kigali, Rwanda: meeting with the ICT minister\n\n"
        "Press contact: Lauri Niemi, Helsinki\n"
    )
    dates = [
        ("next week", "2031-W04"),
        ("2031-01-25 to 2031-01-26", "2031-01-25", "2031-01-26"),
        ("2031-01-28", "2031-01-28"),
    ]
    found = stops(text, dates, "2031-01-15")
    assert brief(found) == [
        ("Nairobi", "KE", "2031-01-25", "2031-01-26", "planned"),
        ("Kigali", "RW", "2031-01-28", "2031-01-28", "planned"),
    ]
