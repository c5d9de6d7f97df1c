"""Signatories by rules (invented sentences)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from summarize.extract.signatories import extract_signatories
from summarize.ingest import read_text_article


def _sigs(text: str) -> list[tuple[str | None, str, int | None, str | None]]:
    article = read_text_article("Headline for the test\n\n" + text)
    return [(s.name, s.kind, s.count, s.count_qualifier) for s in extract_signatories(article)]


def test_groups_which_include_named_organisations_and_a_counted_group() -> None:
    text = (
        "Five environmental groups are pressing the minister to act. "
        "In a letter to Minister Ana Duarte released on Monday, the groups, which include Friends of the Marsh "
        "and River Watch, said the dam should be halted. "
        "'We ask for a pause,' wrote the groups, which also included the Delta Fishers Union and Clean Water Now. "
        "The letter is signed by five environmental groups."
    )
    assert _sigs(text) == [
        ("Friends of the Marsh", "organization", None, None),
        ("River Watch", "organization", None, None),
        ("Delta Fishers Union", "organization", None, None),
        ("Clean Water Now", "organization", None, None),
        (None, "group", 5, "exact"),
    ]


def test_counted_signers_with_qualifiers_and_document() -> None:
    text = "A petition addressed to the Harbour Council, signed by more than 1,200 residents, asks for a new ferry."
    article = read_text_article("Ferry petition\n\n" + text)
    (sig,) = extract_signatories(article)
    assert (sig.kind, sig.count, sig.count_qualifier) == ("group", 1200, "more_than")
    assert sig.document == "petition addressed to the Harbour Council"


def test_named_people_who_signed_an_open_letter() -> None:
    text = (
        "Novelist Mara Quent and composer Ivo Lark have signed an open letter to the mayor. "
        "About 40 teachers added their names on Friday."
    )
    assert _sigs(text) == [
        ("Mara Quent", "person", None, None),
        ("Ivo Lark", "person", None, None),
        (None, "group", 40, "about"),
    ]


def test_joint_statement_signers_and_a_pronoun() -> None:
    text = (
        "Earlier the Bishop of Wexmoor wrote to the three parties. In an open letter, he urged them to be fair. "
        "In a joint statement, the Tidal Power Association and the Coastal Anglers Society said they would object."
    )
    names = [s[0] for s in _sigs(text)]
    assert names == ["Bishop of Wexmoor", "Tidal Power Association", "Coastal Anglers Society"]


def test_plain_statements_and_agreements_give_nothing_and_a_vague_group_has_no_count() -> None:
    text = (
        "Dozens of charities have signed a letter to the council. "
        "The company said in a statement that profits rose. "
        "The president signed a trade agreement with the visiting premier. "
        "The report ran to hundreds of pages."
    )
    assert _sigs(text) == [(None, "group", None, None)]


def test_same_signatory_twice_is_one_entry() -> None:
    text = (
        "In a joint statement, Harbour Watch and the Sea Trust said the port must close. "
        "The statement was also signed by Harbour Watch and by Dr. Lena Ostrova, a marine biologist."
    )
    assert [s[0] for s in _sigs(text)] == ["Harbour Watch", "Sea Trust", "Lena Ostrova"]


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_never_raises_and_evidence_is_valid(text: str) -> None:
    article = read_text_article("T\n\n" + text + " signed by 3 groups and the letter")
    for s in extract_signatories(article):
        assert article.text[s.evidence.start : s.evidence.end] == s.evidence.text


def test_a_plural_possessive_in_a_name_is_no_closing_quote() -> None:
    text = (
        "Before the hearing, the Valley Beekeepers’ Association, the Orchard Growers Council and 14 "
        "village councils sent a joint letter to the regional governor."
    )
    article = read_text_article("Bees and the governor\n\n" + text)
    names = [s.name or s.count for s in extract_signatories(article)]
    assert names == ["Valley Beekeepers’ Association", "Orchard Growers Council", 14]


def test_a_closing_quote_still_ends_the_quoted_part() -> None:
    text = "'We will not be silenced,' the Harbour Workers Union and the Dockers Guild said in a joint statement."
    article = read_text_article("Dock row\n\n" + text)
    assert [s.name for s in extract_signatories(article)] == ["Harbour Workers Union", "Dockers Guild"]


def test_a_plain_statement_signed_by_signers_is_a_signed_document() -> None:
    text = (
        "A statement signed by some 15 unions and Save the Children said the law was unjust. "
        "The company said in a statement, signed by its chief executive, that profits rose."
    )
    assert _sigs(text) == [(None, "group", 15, "about"), ("Save the Children", "organization", None, None)]


def test_signers_across_sentences_in_the_ways_reporters_add_them() -> None:
    text = (
        "More than 90 academics have signed an open letter to the regional council. The letter, published on "
        "Monday, is led by Dr Ines Kowal, a historian at the University of Gdansk, and Professor Ravi Menon of "
        "the Lakeside Institute. Nearly 20 groups have also put their names to the text, among them the "
        "Riverbank Tenants Network and Citizens' Air Watch. The Bremen-based Forum for Clean Ports and the "
        "Dutch group Stichting Schone Lucht joined the list on Tuesday, organisers said."
    )
    assert _sigs(text) == [
        (None, "group", 90, "more_than"),
        ("Ines Kowal", "person", None, None),
        ("Ravi Menon", "person", None, None),
        (None, "group", 20, "about"),
        ("Riverbank Tenants Network", "organization", None, None),
        ("Citizens' Air Watch", "organization", None, None),
        ("Forum for Clean Ports", "organization", None, None),
        ("Stichting Schone Lucht", "organization", None, None),
    ]


def test_signed_by_among_others_added_its_signature_and_places_after_a_group() -> None:
    text = (
        "Some 12 unions representing dock workers in Ghana, Togo and Benin today issued a joint statement. "
        "The statement was signed by, among others, the Tema Dockers' Union and the Lome Crane and Harbour "
        "Workers' Alliance. The Cotonou Port Workers' Federation added its signature on Monday."
    )
    assert [s[0] or s[2] for s in _sigs(text)] == [
        12,
        "Tema Dockers' Union",
        "Lome Crane and Harbour Workers' Alliance",
        "Cotonou Port Workers' Federation",
    ]


def test_a_letter_written_to_someone_and_a_sentence_opening_endorsed_by() -> None:
    text = (
        "A petition organised by islanders passed 3,000 signatures. Endorsed by the Harbour Traders "
        "Association, it calls for a second ferry. Separately, 11 hauliers have written to the minister "
        "asking for an early sailing. The minister wrote to her counterpart last week."
    )
    assert _sigs(text) == [
        (None, "group", 3000, "exact"),
        ("Harbour Traders Association", "organization", None, None),
        (None, "group", 11, "exact"),
    ]


def test_a_document_named_before_and_signed_by_it() -> None:
    text = (
        "A manifesto for the upper valleys was presented in Ostra on Saturday. "
        "By Monday it had been signed by two dozen mayors and about 1,500 residents. "
        "It is co-signed by the Valley Hut Keepers' Association."
    )
    assert _sigs(text) == [
        (None, "group", 24, "exact"),
        (None, "group", 1500, "about"),
        ("Valley Hut Keepers' Association", "organization", None, None),
    ]


def test_signing_without_an_object_and_so_did() -> None:
    text = (
        "The declaration on river dredging was published on Monday. "
        "Professor Ilse Varga, a hydrologist, and the novelist Petar Lund signed in a personal capacity. "
        "In May the Federation of Delta Boatmen, which has 900 members, added its name. "
        "So did the Lowland Anglers' Club. "
        "Dr Hana Roth, who advised on the text but has not signed it, said it was too cautious."
    )
    assert _sigs(text) == [
        ("Ilse Varga", "person", None, None),
        ("Petar Lund", "person", None, None),
        ("Federation of Delta Boatmen", "organization", None, None),
        ("Lowland Anglers' Club", "organization", None, None),
    ]


def test_signed_it_endorsed_the_text_and_one_of_the_signatories() -> None:
    text = (
        "Forty researchers published an open letter on grant cuts. "
        "The Chamber of Seed Growers has endorsed the text, and the poet Mira Sand signed it after a reading. "
        "The Farmers' Network said it backed the text. "
        '"We ask for nothing new," said Tom Ekwall, a chemist and one of the signatories. '
        "Another signatory, astronomer Lena Oskarsdottir, said telescopes were idle. "
        "The club signed two forwards on Friday."
    )
    assert _sigs(text) == [
        (None, "group", 40, "exact"),
        ("Chamber of Seed Growers", "organization", None, None),
        ("Mira Sand", "person", None, None),
        ("Farmers' Network", "organization", None, None),
        ("Tom Ekwall", "person", None, None),
        ("Lena Oskarsdottir", "person", None, None),
    ]


def test_signers_joined_by_together_with_and_a_place_that_goes_on() -> None:
    text = (
        "The appeal was drafted by the Orchard Trust together with the Beekeepers' Union and "
        "the growers' network Voćari Posavine from Bosnia and Herzegovina."
    )
    names = [s[0] for s in _sigs(text)]
    assert names[:2] == ["Orchard Trust", "Beekeepers' Union"]
    assert "Herzegovina" not in names


def test_foreign_names_run_on_through_their_lower_case_words() -> None:
    text = (
        "The open letter was signed by the Associazione amici della ferrovia di Cuneo, the Verein Bahn für alle "
        "and the Network for Rivers and Health. The Conseil des pêcheurs de Gaspé also signed it."
    )
    assert [s[0] for s in _sigs(text)] == [
        "Associazione amici della ferrovia di Cuneo",
        "Verein Bahn für alle",
        "Network for Rivers and Health",
        "Conseil des pêcheurs de Gaspé",
    ]


def test_a_list_of_signers_goes_on_after_a_relative_clause() -> None:
    text = (
        "The open letter was co-signed by Dr. Ana Ruiz, who has run the clinic for 20 years, and by Father "
        "Tomas Berg of the parish. Among the signatories were the novelist Ida Ferm, whose books are sold "
        "in 30 countries, and the poet Sir Karl Amsel. Dr Ola Lind, a chemist who has not signed the "
        "letter, was sceptical."
    )
    assert [s[0] for s in _sigs(text)] == ["Ana Ruiz", "Tomas Berg", "Ida Ferm", "Karl Amsel"]


def test_counts_through_heads_and_readers_and_goals_that_are_no_signers() -> None:
    text = (
        "We launched the petition in March, hoping to reach 5,000 signatures by summer. "
        "More than 18,000 of you have signed our petition. "
        "A letter signed by the principals of 23 island schools went to the minister. "
        "Senator Lia Moro, who signed on her first day back, will raise it in parliament."
    )
    assert _sigs(text) == [
        (None, "group", 18000, "more_than"),
        (None, "group", 23, "exact"),
        ("Lia Moro", "person", None, None),
    ]


def test_a_text_signed_on_a_date_by_a_count_that_names_its_members() -> None:
    text = (
        "Reporters met in Oaxaca in March. The short text that came out of it was first signed on 15 March "
        "by three collectives: the Red de Reporteros del Valle, the Colectivo Voces del Sur and Radio Lluvia. "
        "Its signatories include the Union des femmes pêcheuses de Mbour, which represents women who dry fish, "
        "the Association des mareyeurs de Rufisque and the Collectif des piroguiers de Hann. "
        "The imam of Mbour, Ousmane Diop, also put his name to the text, as did the Fishers' Guild of Yoff."
    )
    assert [s[0] for s in _sigs(text)] == [
        "Red de Reporteros del Valle",
        "Colectivo Voces del Sur",
        "Radio Lluvia",
        "Union des femmes pêcheuses de Mbour",
        "Association des mareyeurs de Rufisque",
        "Collectif des piroguiers de Hann",
        "Ousmane Diop",
        "Fishers' Guild of Yoff",
    ]
