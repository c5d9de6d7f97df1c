"""Issues raised by rules (invented sentences)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from summarize.extract.issues import extract_issues
from summarize.ingest import read_text_article


def _issues(text: str) -> list[str]:
    article = read_text_article("Headline for the test\n\n" + text)
    return [i.text for i in extract_issues(article)]


def test_urged_to_make_a_topic_a_priority() -> None:
    text = "Unions urged the minister to make pension reform a top priority in her talks next week."
    assert _issues(text) == ["pension reform"]


def test_issue_lists_split_into_items() -> None:
    text = (
        "The groups list a number of issues they hope the envoy will raise, among them, the treatment of "
        "Kurdish and Yazidi villagers, censorship of local radio, torture and abuse of detained lawyers."
    )
    assert _issues(text) == [
        "the treatment of Kurdish and Yazidi villagers",
        "censorship of local radio",
        "torture",
        "abuse of detained lawyers",
    ]


def test_some_of_the_issues_are_and_from_to() -> None:
    text = (
        "Some of the issues are water shortages, rising rents and road safety. "
        "The mayor hopes to work with the region on a range of issues, from tackling air pollution and "
        "flood defences to the expansion of the tram network."
    )
    assert _issues(text) == [
        "water shortages",
        "rising rents",
        "road safety",
        "tackling air pollution",
        "flood defences",
        "the expansion of the tram network",
    ]


def test_calls_for_and_raised_by() -> None:
    text = "The Harbour Users Association called for a ban on night dredging and for stricter noise limits."
    article = read_text_article("Port row\n\n" + text)
    issues = extract_issues(article)
    assert [i.text for i in issues] == ["a ban on night dredging", "for stricter noise limits"]
    assert {i.raised_by for i in issues} == {"Harbour Users Association"}


def test_concern_and_agenda() -> None:
    text = (
        "Housing costs will be at the heart of the party's campaign, its leader said. "
        "Farmers are worried about the price of diesel."
    )
    assert _issues(text) == ["Housing costs", "the price of diesel"]


def test_plain_news_gives_nothing() -> None:
    text = (
        "The team won 3-1 on Saturday, with two goals in the second half. "
        "Demand for tickets was high, and the coach said he would focus on the next match. "
        "The company raised funds from investors and plans to open a factory."
    )
    assert _issues(text) == []


def test_duplicates_are_dropped() -> None:
    text = (
        "Critics called on the council to make road safety a priority. "
        "Residents also urged it to make road safety the main topic of the meeting."
    )
    assert _issues(text) == ["road safety"]


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_never_raises_and_evidence_is_valid(text: str) -> None:
    article = read_text_article("T\n\n" + text + " They called for reform, issues such as A and B.")
    for i in extract_issues(article):
        assert article.text[i.evidence.start : i.evidence.end] == i.evidence.text


def test_a_long_list_of_demands_is_kept_whole() -> None:
    text = (
        "The tenants' union called for a freeze on rents in the older blocks of the estate, "
        "a register of landlords open to public inspection, and repairs to the lifts that have "
        "been broken since the winter storms."
    )
    assert _issues(text) == [
        "a freeze on rents in the older blocks of the estate",
        "a register of landlords open to public inspection",
        "repairs to the lifts that have been broken since the winter storms",
    ]


def test_a_long_clause_after_a_call_is_still_cut() -> None:
    text = (
        "The ferry operators' guild, which has pressed for the new pier for more than a decade, hopes "
        "the council will approve it in March, a decision its chairman has called overdue, and says "
        "work could start soon."
    )
    assert _issues(text) == ["the new pier for more than a decade"]


def test_the_list_goes_on_after_a_purpose_clause() -> None:
    text = (
        "The nurses call for more beds on the children's wards so that fewer young patients wait in corridors, "
        "a limit of eight hours on shifts, and a bonus for staff who stay longer than five years."
    )
    assert _issues(text) == [
        "more beds on the children's wards",
        "a limit of eight hours on shifts",
        "a bonus for staff who stay longer than five years",
    ]


def test_things_someone_is_urged_to_raise_are_the_issues() -> None:
    text = (
        "Pressure groups urged the envoy to raise the closure of rural clinics and the pay of "
        "teachers in the north at his meetings."
    )
    assert _issues(text) == ["the closure of rural clinics", "the pay of teachers in the north"]


def test_what_is_not_asked_for_is_no_issue() -> None:
    text = '"We are not asking the ministry to scrap the exam overnight," the head teacher said.'
    assert _issues(text) == []


def test_a_gerund_describing_someone_is_no_demand() -> None:
    text = (
        "The poet was jailed for campaigning for land reform. Her brother was fined for writing "
        "pamphlets, organising strikes, lobbying for higher wages and speaking at rallies."
    )
    assert _issues(text) == []


def test_between_and_and_shared_objects_are_not_split() -> None:
    text = (
        "The residents call for a bus lane between the station and the harbour, a tax on the sale "
        "of sugar and salt for use in snacks, and cheaper tickets."
    )
    assert _issues(text) == [
        "a bus lane between the station and the harbour",
        "a tax on the sale of sugar and salt for use in snacks",
        "cheaper tickets",
    ]


def test_raising_little_is_no_topic() -> None:
    text = "Critics say the levy raised little and cost the region dearly in lost investment."
    assert _issues(text) == []


def test_vague_generic_objects_say_nothing() -> None:
    text = "Local fishermen have raised separate concerns. The mayor raised safety concerns about the old bridge."
    assert _issues(text) == ["safety concerns about the old bridge"]


def test_a_concern_adjective_needs_a_linking_verb() -> None:
    text = (
        "Parents anxious about the closure of the school gathered outside the town hall. "
        "Teachers say they are deeply worried about the loss of the music department."
    )
    assert _issues(text) == ["the loss of the music department"]


def test_an_including_list_of_grievances_inside_a_quoted_letter() -> None:
    text = (
        "The letter reads: “Year after year the board has neglected the valley's schools, including the "
        "closure of two village libraries, the loss of the school bus, and … the sale of the playing fields.” "
        "The board made changes, including new menus and a longer lunch break."
    )
    assert _issues(text) == [
        "the closure of two village libraries",
        "the loss of the school bus",
        "the sale of the playing fields",
    ]


def test_items_with_the_top_of_an_agenda() -> None:
    text = (
        "Ministers meet in Oslo on Monday, with fish quotas, the safety of offshore workers and the cost "
        "of ferry tickets at the top of an agenda that officials call crowded."
    )
    assert _issues(text) == ["fish quotas", "the safety of offshore workers", "the cost of ferry tickets"]


def test_speakers_who_are_asked_and_rhetorical_topics_raise_nothing() -> None:
    text = (
        '"We are asked to fill in forty forms to receive money for a new clinic," a nurse said. '
        '"You cannot talk about rural health and ignore the nurses," she added. '
        "The funds will be hard to raise at a time when budgets are shrinking."
    )
    assert _issues(text) == []


def test_appositives_specific_subjects_and_anaphoric_objects_are_no_items() -> None:
    text = (
        "Island states called for a ban on drift nets across the ocean, a proposal that has split the meeting. "
        '"The harbour measures are the most useful part," an adviser said. '
        "The envoy went to Peru in 2020 to examine similar problems in its mountain towns."
    )
    assert _issues(text) == ["a ban on drift nets across the ocean"]


def test_a_passive_call_still_names_the_demand() -> None:
    text = "The minister is being urged to make rail safety a priority after the crash."
    assert _issues(text) == ["rail safety"]


def test_a_participle_clause_after_the_demands_is_no_demand() -> None:
    text = "The auditors called for a new tender for the bridge repairs, citing errors in the first one."
    assert _issues(text) == ["a new tender for the bridge repairs"]


def test_a_document_or_a_pronoun_demanding_and_the_noun_demand() -> None:
    text = (
        "The petition demands an end to the night curfew. They demand a public inquiry. "
        "The demands grew louder as fuel demand rose."
    )
    assert _issues(text) == ["an end to the night curfew", "a public inquiry"]


def test_topics_or_an_agenda_that_will_include_a_list() -> None:
    text = (
        "Topics will include harbour dredging, ferry fares and pilot training. "
        "The agenda is expected to include port security. The agenda was set by the host."
    )
    assert _issues(text) == ["harbour dredging", "ferry fares", "pilot training", "port security"]


def test_demands_that_are_verbs_with_their_own_objects_split() -> None:
    text = (
        "The letter urges the council to cut the fares, extend the night service and reopen the stations. "
        "Unions urged ministers to protect workers and the environment. "
        "They asked the mayor why the city continues to close the baths and sell the parks."
    )
    assert _issues(text) == [
        "cut the fares",
        "extend the night service",
        "reopen the stations",
        "protect workers and the environment",
        "close the baths and sell the parks",
    ]


def test_a_bulleted_list_of_demands() -> None:
    text = (
        "In the statement, the unions call for:\n"
        "- a binding wage floor indexed to inflation;\n"
        "- enforceable fire safety agreements;\n"
        "- severance guarantees for workers.\n\n"
        "The brands did not comment."
    )
    assert _issues(text) == [
        "a binding wage floor indexed to inflation",
        "enforceable fire safety agreements",
        "severance guarantees for workers",
    ]


def test_lists_that_go_on_past_an_adjunct_or_an_occasion() -> None:
    text = (
        "The petition calls for a second ferry during the summer, guaranteed deck space at peak times and "
        "compensation for cancelled trips. The alliance urged the minister to raise farm incomes, child "
        "labour and river pollution when she meets officials in Accra."
    )
    assert _issues(text) == [
        "a second ferry",
        "guaranteed deck space at peak times",
        "compensation for cancelled trips",
        "farm incomes",
        "child labour",
        "river pollution",
    ]


def test_topics_discussed_somewhere_a_demand_pressed_on_someone_and_who_said_it() -> None:
    text = (
        "Topics discussed in Lima included port fees, fishing quotas and student visas, officials said. "
        "Agenda items in Quito include border controls and rail links, a ministry official said. "
        "Exporters pressed the officials for faster customs checks. He asked the waiter for the bill."
    )
    assert _issues(text) == [
        "port fees",
        "fishing quotas",
        "student visas",
        "border controls",
        "rail links",
        "faster customs checks",
    ]


def test_an_example_or_a_relative_clause_stays_with_its_item() -> None:
    text = (
        "Aid groups asked for details. We are asking for a review of specific tariffs, such as those on "
        "wheat and rice, that hurt poor families."
    )
    assert _issues(text) == ["a review of specific tariffs, such as those on wheat and rice, that hurt poor families"]


def test_bulleted_lists_after_a_call_on_someone_to_or_a_list_of_themes() -> None:
    text = (
        "The appeal calls on the regional council to:\n\n"
        "* reopen the night ward at Ardmore hospital;\n"
        "* publish waiting times every month.\n\n"
        "Main themes of the visit:\n"
        "- port fees for small trawlers\n"
        "- training for deckhands\n\n"
        "It asks the ministry for two things:\n\n"
        "1. a ferry on Sundays;\n"
        "2. a bus link to the airport.\n\n"
        "Press office of the Harbour Board, tel. 555 0100\n"
    )
    assert _issues(text) == [
        "reopen the night ward at Ardmore hospital",
        "publish waiting times every month",
        "port fees for small trawlers",
        "training for deckhands",
        "a ferry on Sundays",
        "a bus link to the airport",
    ]


def test_open_topic_verbs_need_no_topic_word_but_a_topic() -> None:
    text = (
        "The mill owners said they were ready to discuss shift patterns and training for new looms. "
        "The talks would centre on freight rates for wool. "
        "Growers also warned of a shortage of shearers. "
        "The envoy will discuss an expanding cooperative partnership. "
        "The lobby has a convention centre on the river. "
        "He had discussed all subjects, frankly and respectfully."
    )
    assert _issues(text) == [
        "shift patterns",
        "training for new looms",
        "freight rates for wool",
        "a shortage of shearers",
    ]


def test_semicolon_lists_counted_things_and_lists_a_relative_clause_interrupts() -> None:
    text = (
        "In the letter, the growers demand the return of the milk quota, which they say kept prices stable; "
        "the release of drought funds; and a ban on imported powder. "
        "The charter asks the council for three things: a night bus to the coast; cheaper parking, "
        "not only in summer; and a new pier. "
        "Among the concerns the fishers raise most often are falling catches, which many blame on trawlers, "
        "and the closure of the ice plant. "
        "The union demands higher pay; the company says it cannot afford it."
    )
    assert _issues(text) == [
        "the return of the milk quota",
        "the release of drought funds",
        "a ban on imported powder",
        "a night bus to the coast",
        "cheaper parking",
        "a new pier",
        "falling catches",
        "the closure of the ice plant",
        "higher pay",
    ]


def test_repeated_to_splits_demands_and_oil_demand_is_a_noun() -> None:
    text = (
        "The groups call on the province to keep the clinic open at night, to recruit two nurses, "
        "and to station an ambulance in the village. Oil demand rose sharply in May."
    )
    assert _issues(text) == [
        "keep the clinic open at night",
        "recruit two nurses",
        "station an ambulance in the village",
    ]


def test_money_raised_is_no_issue_raised() -> None:
    text = (
        "Parishioners have raised more than £6,000 towards a clinic roof. The firm raised 4 billion kronur "
        "in a share issue. She will raise the price of seed with ministers."
    )
    assert _issues(text) == ["the price of seed with ministers"]
