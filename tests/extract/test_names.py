"""Organisation and person names by rules (invented sentences)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarize.extract.names import classify_name, find_names, find_organizations, find_people, resolve_person


def _orgs(text: str) -> list[str]:
    return [n.canonical for n in find_organizations(text)]


def _people(text: str) -> list[str]:
    return [n.canonical for n in find_people(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The letter was sent by Freedom House and the Lakeside Teachers Union on Monday.",
            ["Freedom House", "Lakeside Teachers Union"],
        ),
        ("Staff at Human Rights in Laos said the report was late.", ["Human Rights in Laos"]),
        (
            "A fellow at the Marlow Endowment for International Peace disagreed.",
            ["Marlow Endowment for International Peace"],
        ),
        ("The Committee to Protect Cartoonists praised the ruling.", ["Committee to Protect Cartoonists"]),
        (
            "Officials from the Bank of Ruritania and the Forum on the Future of Rivers met.",
            ["Bank of Ruritania", "Forum on the Future of Rivers"],
        ),
        ("Greenleaf Watch in Brussels said nothing.", ["Greenleaf Watch"]),
        ("Amnesty International's report came out on Tuesday.", ["Amnesty International"]),
        # known names that no rule could tell by their shape
        ("Save the Children and War on Want were not consulted.", ["Save the Children", "War on Want"]),
    ],
)
def test_organisations(text: str, expected: list[str]) -> None:
    assert _orgs(text) == expected


def test_acronym_in_parentheses_becomes_alias_and_later_mentions_resolve() -> None:
    text = "The Northern Rivers Authority (NRA) objected. Later the NRA withdrew."
    names = find_organizations(text)
    assert names[0].canonical == "Northern Rivers Authority"
    assert names[0].aliases == ("NRA",)
    assert names[-1].text == "NRA" and names[-1].canonical == "Northern Rivers Authority"


def test_people_with_titles_and_later_surnames() -> None:
    text = (
        "Deputy Foreign Minister Helena Varga met Mr. Otto Brandt in the capital. "
        "Varga said the talks went well, and Brandt agreed."
    )
    people = find_people(text)
    assert [p.text for p in people] == ["Helena Varga", "Otto Brandt", "Varga", "Brandt"]
    assert people[0].title == "Deputy Foreign Minister"
    assert [p.canonical for p in people[2:]] == ["Helena Varga", "Otto Brandt"]


def test_title_before_a_name_splits_off_an_organisation() -> None:
    text = "Harbour Party Co-Leader Nina Kask said the vote was close."
    names = find_names(text)
    assert [(n.canonical, n.kind) for n in names] == [("Harbour Party", "organization"), ("Nina Kask", "person")]


def test_a_title_alone_is_a_role() -> None:
    people = find_people("Earlier the Archbishop of Dunmore wrote to the parties.")
    assert [(p.text, p.role) for p in people] == [("Archbishop of Dunmore", True)]


def test_role_nouns_introduce_people_and_organisations() -> None:
    text = "The jury included sculptor Pella Quist, and aid charity Brightwater backed the plan."
    names = {n.canonical: n.kind for n in find_names(text)}
    assert names["Pella Quist"] == "person"
    assert names["Brightwater"] == "organization"


def test_places_and_weekdays_are_not_people() -> None:
    text = "In New Zealand on Friday, South Island farmers met. Japan and Kenya agreed."
    assert _people(text) == []


def test_headline_in_capitals_is_not_an_acronym() -> None:
    assert _orgs("MINISTERS AGREE ON BUDGET\nThe cabinet met.") == []


def test_names_do_not_cross_a_line_end() -> None:
    text = "Talks on Green Energy\nSeveral delegates left early."
    assert all("\n" not in n.text for n in find_names(text))


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Human Rights Watch", "organization"),
        ("UNHCR", "organization"),
        ("Mr Jo Bloggs", "person"),
        ("Helen Marsh", "person"),
        ("Japan", None),
        ("Monday", None),
        ("Secretary of State", "person"),
    ],
)
def test_classify_name(name: str, kind: str | None) -> None:
    assert classify_name(name) == kind


def test_resolve_person_finds_the_nearest_earlier_person() -> None:
    text = "Senator Ada Kroll arrived first. Then Governor Tom Reyes spoke. He thanked the crowd."
    found = resolve_person(text, text.index("He thanked"))
    assert found is not None and found.canonical == "Tom Reyes"


def test_spans_point_into_the_text() -> None:
    text = "The Refugee Council’s chief, Dr. Maya Lin, met Oxfam (OX) staff.\n"
    for n in find_names(text):
        assert text[n.start : n.end] == n.text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_never_raises_and_spans_are_valid(text: str) -> None:
    for n in find_names(text):
        assert 0 <= n.start <= n.end <= len(text)
        assert text[n.start : n.end] == n.text
    classify_name(text)


def test_plain_spans_built_fast_equal_the_dataclass() -> None:
    from dataclasses import fields

    from summarize.extract.names import NameSpan, _span

    fast = _span(3, 9, "Harbor", "organization", "Harbor", "cue", True)
    assert set(vars(fast)) == {f.name for f in fields(NameSpan)}
    assert fast == NameSpan(3, 9, "Harbor", "organization", "Harbor", "cue", possessive=True)
    assert hash(fast) == hash(NameSpan(3, 9, "Harbor", "organization", "Harbor", "cue", possessive=True))


def _orgs(text: str) -> list[str]:
    return [n.text for n in find_names(text) if n.kind == "organization"]


def test_foreign_names_keep_their_prepositions_and_elided_articles() -> None:
    text = (
        "Support came from the Fundación para la Memoria Rural, the Comitato degli Amici del Lago and "
        "the hut keepers of Rete dei Sentieri dell'Alto Po."
    )
    assert _orgs(text) == [
        "Fundación para la Memoria Rural",
        "Comitato degli Amici del Lago",
        "Rete dei Sentieri dell'Alto Po",
    ]


def test_a_possessive_inside_an_organisation_name() -> None:
    text = "The Dockers' Guild and the Ferrymen's Association of Port Ellin met the People's Party."
    assert _orgs(text) == ["Dockers' Guild", "Ferrymen's Association of Port Ellin", "People's Party"]
    # A country's possessive stays outside: the organisation is its own name.
    assert _orgs("It was Norway's Labour Party that objected.") == ["Labour Party"]


def test_and_inside_an_organisation_domain() -> None:
    text = "The Centre for Soil and Climate backed the Guild of Potters and Glassmakers of Varnby."
    assert _orgs(text) == ["Centre for Soil and Climate", "Guild of Potters and Glassmakers of Varnby"]
    # An organisation of its own after "and" stays apart, and so does the last item of a list.
    assert _orgs("The Institute of Tides and Amnesty International wrote.") == [
        "Institute of Tides",
        "Amnesty International",
    ]
    assert _orgs("Signers: Oxfam, the Institute of Tides and Greenpeace.") == [
        "Oxfam",
        "Institute of Tides",
        "Greenpeace",
    ]


def test_an_acronym_in_brackets_spells_out_a_name_no_rule_joins() -> None:
    text = "It was drafted by Zveza za zaščito gozdov Krasa (ZZGK) and the Society for Hill Sheep and Moorland (SHSM)."
    names = {n.text: n for n in find_names(text)}
    assert names["Zveza za zaščito gozdov Krasa"].kind == "organization"
    assert names["Society for Hill Sheep and Moorland"].aliases == ("SHSM",)
    # Letters that do not fit the words before leave the names as they were.
    assert "Board of Larks" in _orgs("The Board of Larks (XYZ) met.")
