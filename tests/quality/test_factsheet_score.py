from factsheet_score import align, fold, issue_score, score_sheet, signatory_score, word_f1


def test_fold_drops_case_punctuation_and_leading_the():
    assert fold("The Red Cross.") == "red cross"
    assert fold("  THE  Republic-of Korea ") == "republic of korea"


def test_word_f1_ignores_stop_words():
    assert word_f1("censorship of the press", "press censorship") == 1.0
    assert word_f1("climate change", "trade") == 0.0


def test_signatory_groups_match_on_count():
    assert signatory_score({"name": None, "kind": "group", "count": 7}, {"name": None, "kind": "group", "count": 7})
    assert not signatory_score({"name": None, "count": 7}, {"name": None, "kind": "group", "count": 8})
    assert signatory_score({"name": "Oxfam", "aliases": ["Oxfam International"]}, {"name": "oxfam international"})


def test_optional_gold_costs_nothing_and_best_pairs_win():
    gold = [{"text": "water prices"}, {"text": "school meals", "optional": True}]
    pred = [{"text": "school meals"}, {"text": "rising water prices"}, {"text": "rising water"}]
    tally = align(gold, pred, issue_score)
    assert (tally.tp, tally.fp, tally.fn) == (1, 1, 0)
    assert tally.misses == [("spurious", {"text": "rising water"})]


def test_stops_need_dates_except_for_places():
    gold = {
        "itinerary": [
            {"place": "Kenya", "kind": "country", "country": "KE", "start": "2023-03-03", "end": "2023-03-05"}
        ]
    }
    pred = {"itinerary": [{"place": "Kenya", "country": "KE", "start": "2023-03-03", "end": "2023-03-04"}]}
    tallies = score_sheet(gold, pred)
    assert tallies["itinerary"].tp == 0
    assert tallies["itinerary places"].tp == 1
