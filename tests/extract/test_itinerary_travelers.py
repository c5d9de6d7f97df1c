"""Who travels: a person or a delegation makes a trip; things, vehicles, animals and events do not."""

from __future__ import annotations

from extract.itinerary_helpers import brief, stops


def test_a_vehicle_on_its_route_makes_no_trip() -> None:
    text = (
        "Harbour Lines will add an early boat from June. The new sailing leaves Portree at 7 a.m., "
        "calls at Kyle harbour and will then go on to Mallaig before returning to Portree."
    )
    assert stops(text) == []


def test_a_person_named_after_a_vehicle_in_the_same_sentence_still_travels() -> None:
    text = "The ferry leaves Oban at noon, and Minister Eilidh Ross will travel on to Stornoway on Friday."
    found = stops(text, [("Friday", "2031-05-09")], "2031-05-05")
    assert [(s.place, s.start) for s in found] == [("Stornoway", "2031-05-09")]


def test_animals_flown_somewhere_make_no_trip() -> None:
    text = (
        "Rangers reported a good season on the island. Nine chicks were raised by hand at the centre. "
        "Two were flown to Riverton Hospital for scans and returned the same week."
    )
    assert stops(text) == []


def test_a_bare_count_after_people_still_travels() -> None:
    text = "The ministers agreed a text on Monday. Two will fly to Oslo on Tuesday for further talks."
    found = stops(text, [("Monday", "2031-05-05"), ("Tuesday", "2031-05-06")], "2031-05-01")
    assert [(s.place, s.start) for s in found] == [("Oslo", "2031-05-06")]


def test_an_event_that_will_be_held_somewhere_is_no_stop() -> None:
    text = (
        "Bishop Anna Kerr flies to Ghana next month. A farewell service will be held in Dunblane Cathedral "
        "on Sunday, and a reception is to be held at the Old Hall."
    )
    found = stops(text, [("next month", "2031-06"), ("Sunday", "2031-05-11")], "2031-05-07")
    assert brief(found) == [("Ghana", "GH", "2031-06", "2031-06", "planned")]


def test_a_person_welcomed_somewhere_is_there() -> None:
    text = "The envoy Lena Hart will be welcomed in Lisbon on Monday by the foreign minister."
    found = stops(text, [("Monday", "2031-05-12")], "2031-05-07")
    assert brief(found) == [("Lisbon", "PT", "2031-05-12", "2031-05-12", "planned")]


def test_an_organisation_after_a_preposition_is_not_the_traveller() -> None:
    text = (
        "Minister Petra Lind will travel to Oslo on Monday. The delegation will hold meetings with "
        "Nordic Council officials before flying to Bergen."
    )
    found = stops(text, [("Monday", "2031-05-05")], "2031-05-01")
    assert [(s.place, s.traveler) for s in found] == [("Oslo", "Petra Lind"), ("Bergen", "Petra Lind")]


def test_a_traveller_named_by_title_is_the_person_given_that_title() -> None:
    text = (
        "The Right Rev Dr Ines Calder, installed as Moderator of the synod in May, spoke at the manse. "
        "The Moderator will then travel to Lilongwe. Foreign Minister Tomas Berg met donors on Monday. "
        "The Norwegian minister will fly to Nairobi on Friday."
    )
    found = stops(text, [("Monday", "2031-05-05"), ("Friday", "2031-05-09")], "2031-05-06")
    assert [(s.place, s.traveler) for s in found] == [("Lilongwe", "Ines Calder"), ("Nairobi", "Tomas Berg")]


def test_a_title_given_to_no_one_is_the_traveller_as_written() -> None:
    text = "Church leaders welcomed the plan. The Moderator will then travel to Lilongwe."
    assert [(s.place, s.traveler) for s in stops(text)] == [("Lilongwe", "The Moderator")]


def test_plural_people_opening_a_sentence_are_no_vehicle() -> None:
    text = "The Secret Service officers travel to Tallinn on Monday to prepare the visit."
    found = stops(text, [("Monday", "2031-05-05")], "2031-05-01")
    assert [(s.place, s.start) for s in found] == [("Tallinn", "2031-05-05")]
