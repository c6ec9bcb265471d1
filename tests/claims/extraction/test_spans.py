"""Claim spans end at the quotation or clause boundary: no quotation cut open, no narration, no own attribution."""

import pytest

from .helpers import claims_of, find


def test_a_quotation_inside_a_claim_is_never_cut_open():
    text = 'Councillor Ruth Okafor admitted that the repair bill was "far from small" but said the work was urgent.'
    claims = claims_of(text)
    assert [c.text for c in claims] == ['the repair bill was "far from small"', "the work was urgent"]


def test_a_claim_ending_in_a_partial_quotation_keeps_its_closing_mark():
    text = 'The auditor said the council had "lost track of its own spending."'
    assert find(claims_of(text), "lost track").text == 'the council had "lost track of its own spending."'


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        (
            "The minister said the hospital would open in June, despite there being no money for nurses.",
            "the hospital would open in June",
        ),
        (
            "The firm insisted its dam was safe, although engineers had found cracks in April.",
            "its dam was safe",
        ),
        (
            "Union leaders said they would return to talks, but the employers continued to refuse any meeting.",
            "they would return to talks",
        ),
        (
            "Most members said they trusted the board, compared with a third of members last year.",
            "they trusted the board",
        ),
        (
            "The minister said the harbour was safe, even as divers were still searching the wreck.",
            "the harbour was safe",
        ),
    ],
)
def test_trailing_narration_is_not_part_of_the_claim(text, claim):
    assert find(claims_of(text), claim[:12]).text == claim


def test_a_closing_attribution_is_not_part_of_an_infinitive_claim():
    text = 'The allies pledged to "defend every inch of the border", officials said.'
    c = find(claims_of(text), "defend every inch")
    assert "officials said" not in c.text
    assert c.text.endswith('border"')


def test_the_sign_of_a_number_is_kept():
    text = "The weather service said -5 degrees would be the lowest reading of the winter."
    assert find(claims_of(text), "degrees").text.startswith("-5 degrees")


def test_a_participle_clause_before_a_name_is_the_reporters_not_the_statement():
    text = "The lawyer said the man had his hands in the air, contradicting Tulsa police's earlier account."
    assert find(claims_of(text), "the man had his hands in the air").text == "the man had his hands in the air"


def test_an_according_to_source_ends_before_the_reporters_adjunct():
    text = "The four winners will meet in a play-off for the last place according to UEFA as part of the draw."
    assert find(claims_of(text), "The four winners will meet").source == "UEFA"


def test_a_quotation_in_doubled_single_quotes_is_not_cut_at_its_comma():
    text = "Mr. Wilson said he had served ''for the nation's rights, knowing that at home we had none.''"
    assert find(claims_of(text), "served").text.startswith(
        "he had served ''for the nation's rights, knowing that at home we had none"
    )


def test_a_quoted_sentence_after_the_cue_ends_where_it_closes():
    text = "Mr. Hale said, “That makes me smart,” when his rival mocked him for paying no tax."
    assert find(claims_of(text), "smart").text == "That makes me smart"


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "The coach said the squad was tired and urged fans to keep faith with the team.",
            "the squad was tired",
            "fans to keep faith with the team",
        ),
        (
            "The inspector says the tunnel is sound, but insists the lighting must be replaced before winter.",
            "the tunnel is sound",
            "the lighting must be replaced before winter",
        ),
        (
            "The mayor said the fountain would be repaired and criticized the contractor for the long delay.",
            "the fountain would be repaired",
            None,
        ),
        (
            "The treasurer said the club had paid its debts and called on the league to lift the ban.",
            "the club had paid its debts",
            "the league to lift the ban",
        ),
    ],
)
def test_a_second_speech_act_of_the_same_source_ends_the_first_claim(text, first, second):
    claims = claims_of(text)
    assert find(claims, first[:12]).text == first
    if second:
        assert second in find(claims, second[:12]).text


def test_a_narrated_action_after_and_stays_in_the_claim():
    text = "The ranger said the hikers crossed the ridge and found the missing dog near the lake."
    claim = find(claims_of(text), "hikers").text
    assert claim == "the hikers crossed the ridge and found the missing dog near the lake"


def test_the_scene_before_a_parenthetical_attribution_is_the_reporters():
    text = "As the floodwater rose over the weekend, the old dam, the engineer said, would hold for another week."
    c = find(claims_of(text), "old dam")
    assert c.text.startswith("the old dam, the engineer said, would hold")
    assert "engineer" in c.source_mention


def test_a_quotation_after_a_scene_and_a_speaker_is_the_claim():
    text = "When asked about the delays at the depot, the mayor said, “We are working on it every single day.”"
    assert find(claims_of(text), "working on it").text == "We are working on it every single day"


@pytest.mark.parametrize(
    "text",
    [
        "“The ferry leaves at noon. That’s it,” the harbour master said.",
        '"We lost." "Fair enough," the harbour master said.',
        "''We lost.'' ''Fair enough,'' the harbour master said.",
    ],
)
def test_a_short_last_sentence_of_a_quotation_keeps_its_speaker(text):
    claims = claims_of(text)
    assert any(c.text in ("That’s it", "Fair enough") and "harbour master" in c.source_mention for c in claims)


def test_the_whole_quotation_is_attributed_when_its_last_sentence_is_short():
    text = "“The ferry leaves at noon. That’s it,” the harbour master said."
    assert "harbour master" in find(claims_of(text), "The ferry leaves").source_mention


def test_another_sources_statement_joined_on_ends_the_first_claim():
    text = "Most residents said the bus service was poor, and one in four said the trams were always late."
    claims = claims_of(text)
    assert find(claims, "bus service").text == "the bus service was poor"
    assert find(claims, "trams").text == "the trams were always late"


def test_a_speaker_described_by_a_relative_clause_after_the_quotation():
    text = "“It will be hard to finish the bridge by spring,” said an engineer who has worked on the project for years."
    c = find(claims_of(text), "finish the bridge")
    assert c.text == "It will be hard to finish the bridge by spring"
    assert "engineer" in c.source_mention


def test_a_parenthetical_attribution_before_a_negated_contraction():
    text = "Now, she said, the two villages don't trade with each other any more."
    assert find(claims_of(text), "villages").source_mention == "she"


def test_a_quotation_resumed_after_a_multi_sentence_quotation_keeps_its_speaker():
    text = (
        '"The bridge is old. The question is whether we can afford it," the mayor said. '
        '"We will find the money somewhere in the budget. Nobody should doubt that."'
    )
    quoted = {c.text: (c.source_mention, c.is_direct_quote) for c in claims_of(text)}
    assert quoted["The question is whether we can afford it"] == ("the mayor", True)
    assert quoted["We will find the money somewhere in the budget"] == ("the mayor", True)


def test_a_second_source_after_a_comma_gets_its_own_claim():
    text = "Some residents say the new bus lane is a waste of money, others say it has cut their journey in half."
    said = {c.text: c.source_mention for c in claims_of(text)}
    assert said == {
        "the new bus lane is a waste of money": "Some residents",
        "it has cut their journey in half": "others",
    }


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        (
            "When the mayor said the bridge was finally safe, a man in the crowd shouted at her.",
            "the bridge was finally safe",
        ),
        ("While he says the budget is balanced, the deficit has grown every year.", "the budget is balanced"),
        ("When she said “we will win this race,” the crowd cheered.", "we will win this race"),
        ("But when the mayor said the bridge was safe, the crowd booed her.", "the bridge was safe"),
    ],
)
def test_a_statement_in_an_opening_subordinate_clause_ends_at_its_comma(text, claim):
    assert find(claims_of(text), claim[:10]).text == claim


def test_a_second_speech_act_introducing_a_quotation_ends_the_first_claim():
    text = 'The coach said the team had trained hard, and added: "We are ready for anyone."'
    claims = claims_of(text)
    assert find(claims, "trained hard").text == "the team had trained hard"
    assert find(claims, "ready for anyone").text == "We are ready for anyone"


def test_a_closing_dash_of_an_aside_does_not_end_the_claim():
    text = "The analyst said that the files — which included research notes — had been altered before the leak."
    claim = find(claims_of(text), "the files").text
    assert claim == "the files — which included research notes — had been altered before the leak"
