"""Attribution constructions a fact-checker logs (every sentence here is written for these tests)."""

from .helpers import claims_of, find


def _by_text(claims, fragment):
    return [c for c in claims if fragment in c.text]


# ------------------------------------------------------------------ "Name: statement" lines
def test_colon_line_of_a_named_person_is_their_claim():
    text = (
        "Senator Ines Albright visited the plant on Friday.\n"
        "Ines Albright: The new rail line will cut commuting times in half. Nobody else has a plan.\n"
    )
    claims = claims_of(text)
    assert find(claims, "The new rail line will cut").source == "Ines Albright"
    assert find(claims, "Nobody else has a plan").source == "Ines Albright"
    c = find(claims, "The new rail line will cut")
    assert not c.text.startswith("Ines")


def test_headline_colon_line_with_a_surname_the_article_repeats():
    text = (
        "Okafor: Our Budget Will Balance Itself By Spring\n"
        "Finance minister Daniel Okafor spoke to reporters on Tuesday.\n"
    )
    c = find(claims_of(text), "Our Budget Will Balance")
    assert c.source == "Daniel Okafor"


def test_colon_labels_and_unknown_single_words_are_not_speakers():
    text = (
        "Update: The vote on the harbour bill was delayed again today.\n"
        "Weather: Heavy rain is expected across the region tonight.\n"
        "WASHINGTON: Lawmakers left the capital for the summer recess.\n"
    )
    assert claims_of(text) == []


def test_transcript_speakers_in_capitals_and_questions():
    text = (
        "Host Rita Moreno interviewed Governor Paul Lindqvist.\n"
        "MORENO: Do you think the tax cut will pass this year?\n"
        "LINDQVIST: I think the votes are there and the bill will pass.\n"
    )
    claims = claims_of(text)
    assert not _by_text(claims, "tax cut will pass")  # a question is not a claim
    assert find(claims, "the votes are there").source == "Paul Lindqvist"


# ------------------------------------------------------------------ attribution inside the sentence
def test_parenthetical_attribution_spans_the_whole_statement():
    text = "The harbour plan, the mayor said, will fail within a year."
    c = find(claims_of(text), "The harbour plan")
    assert "will fail within a year" in c.text
    assert c.source == "mayor"


def test_parenthetical_between_two_quoted_parts():
    text = "\u201cWe are ready,\u201d said the coach, \u201cand we will win on Sunday.\u201d"
    claims = claims_of(text)
    c = find(claims, "We are ready")
    assert "we will win on Sunday" in c.text
    assert c.source == "coach"


def test_parenthetical_with_short_first_part_and_adverbial_opening():
    claims = claims_of("At one point, she said, she was ready to quit the race.")
    assert find(claims, "she was ready to quit").cue == "said"
    claims = claims_of("In her district, Lopez said, most families rent their homes.")
    c = find(claims, "most families rent their homes")
    assert c.source == "Lopez"


def test_parenthetical_before_a_full_clause():
    text = "Unless donors step in, the director says, the museum will close by winter."
    c = find(claims_of(text), "the museum will close")
    assert "Unless donors step in" in c.text
    assert c.source == "director"


# ------------------------------------------------------------------ according to
def test_according_to_after_a_statement_with_its_own_cue():
    text = "The bridge will reopen in May, the mayor told reporters, according to a city statement."
    c = find(claims_of(text), "The bridge will reopen in May")
    assert c.source == "mayor"


def test_according_to_in_the_middle_keeps_only_the_statement_before_it():
    text = (
        "Turnout among young voters rose by a third, according to a survey by the Civic Trust, "
        "even as older voters stayed home."
    )
    claims = claims_of(text)
    c = find(claims, "Turnout among young voters rose")
    assert "older voters" not in c.text
    assert "Civic Trust" in c.source
    assert not _by_text(claims, "even as older voters")


def test_according_to_between_subject_and_verb():
    c = find(claims_of("The deal, according to two officials, will collapse before Friday."), "will collapse")
    assert c.text.startswith("The deal")
    assert c.source == "two officials"


def test_according_to_after_a_complementizer():
    text = "Analysts have warned that, according to their models, prices will double next year."
    claims = claims_of(text)
    assert find(claims, "prices will double").source_mention in ("Analysts", "their models")
    assert not any(c.text.startswith("Analysts have warned") for c in claims)


# ------------------------------------------------------------------ questions and evaluative claims
def test_questions_asked_are_not_claims():
    assert claims_of("She asked whether the plan would work at all.") == []
    assert claims_of("He asked reporters: \u201cWhy would anyone believe that story?\u201d") == []
    assert claims_of("The senator asked: \u201cWho will pay for the new stadium?\u201d") == []


def test_called_someone_something():
    claims = claims_of("Garcia called the budget a disgrace to the city.")
    c = find(claims, "the budget a disgrace")
    assert c.source == "Garcia"
    c = find(claims_of("The union leader called the offer \u201can insult to every nurse.\u201d"), "the offer")
    assert c.source == "union leader"
    c = find(claims_of("The mayor endorsed Ruiz on Monday, calling her \u201ca tireless reformer.\u201d"), "a tireless")
    assert c.source == "mayor"


def test_called_quotation_after_a_relative_pronoun():
    text = "The town finally shed what Senator Dana Webb called \u201ca reputation for gridlock.\u201d"
    c = find(claims_of(text), "a reputation for gridlock")
    assert c.source == "Dana Webb"


def test_accused_and_criticized_with_their_complements():
    c = find(claims_of("Okoye accused the regulator of hiding the test results."), "the regulator of hiding")
    assert c.source == "Okoye"
    c = find(claims_of("The governor criticized the council for wasting the relief funds."), "wasting the relief")
    assert c.source == "governor"


def test_calling_and_accusing_without_a_statement_are_not_claims():
    for text in (
        "The mayor called a press conference on Monday.",
        "The mayor called for calm after the storm.",
        "The senator called the police an hour later.",
        "The driver called the police and a neighbor.",
        "He was accused of fraud by two former partners.",
        "A village called Millbrook voted against the plan.",
    ):
        assert claims_of(text) == [], text


# ------------------------------------------------------------------ subjects and clause boundaries
def test_subject_does_not_span_a_subordinate_clause():
    text = "The council rejected the offer on Monday, while police cleared the square as they had promised."
    assert all(c.source is None or "while" not in c.source for c in claims_of(text))
    assert all("while" not in c.source_mention for c in claims_of(text))


def test_relative_clause_claim_takes_the_relative_subject():
    text = "Troops held the river crossing, which Eastland over the past few weeks has said would be its next target."
    c = find(claims_of(text), "would be its next target")
    assert c.source == "Eastland"


def test_statement_stops_before_the_reporters_narration():
    claims = claims_of("Mendez said the tax would hurt farmers, and she criticized the minister for ignoring them.")
    assert find(claims, "the tax would hurt farmers").text == "the tax would hurt farmers"
    text = "Dr. Rao said the fever spreads through ticks, which are common in the northern forests in summer."
    assert find(claims_of(text), "fever spreads").text == "the fever spreads through ticks"


# ------------------------------------------------------------------ quotations and headlines
def test_title_case_headline_with_a_final_period():
    c = find(claims_of("Mayor Says New Bridge Will Open In May."), "New Bridge Will Open")
    assert c.source_mention == "Mayor"


def test_quote_closed_by_a_period_then_a_short_attribution():
    text = "\u201cThe factory will stay open, and every job is safe.\u201d Okafor said."
    c = find(claims_of(text), "every job is safe")
    assert c.source == "Okafor"
    assert c.is_direct_quote


def test_short_quotation_and_quote_continued():
    c = find(claims_of("\u201cAbsolutely thrilled!\u201d she said after the vote."), "Absolutely thrilled")
    assert c.is_direct_quote
    text = (
        "\u201cThe levee held this time,\u201d the engineer said. \u201cIt will not hold next year.\u201d\n"
        "\u201cWe need the money now,\u201d she continued.\n"
    )
    claims = claims_of(text)
    assert find(claims, "We need the money now").cue == "continued"


def test_unattributed_quote_paragraph_after_a_quotation_is_the_same_speakers():
    text = (
        "\u201cThe harbour is safe again,\u201d Captain Ilse Brandt told reporters on Monday.\n"
        "\u201cThe ships can return. The cranes are working.\u201d\n"
        "The port reopened on Tuesday.\n"
        "\u201cIt was about time,\u201d a dock worker said.\n"
    )
    claims = claims_of(text)
    assert find(claims, "The ships can return").source == "Ilse Brandt"
    assert find(claims, "The cranes are working").source == "Ilse Brandt"
    assert find(claims, "It was about time").source == "dock worker"


def test_intro_line_ending_with_a_colon_attributes_the_next_quoted_paragraph():
    text = (
        "After the verdict, Judge Amal Haddad read the following statement:\n"
        "\u201cThe court has weighed every argument. The sentence is final.\u201d\n"
    )
    claims = claims_of(text)
    assert find(claims, "The court has weighed every argument").source == "Amal Haddad"
    assert find(claims, "The sentence is final").source == "Amal Haddad"


def test_unsplit_second_quotation_in_a_sentence():
    text = (
        "''The plan is dead,'' said Omar Reyes, a farmer from the valley who has opposed it for years. "
        "''Nobody in town wants it now.''"
    )
    claims = claims_of(text)
    assert find(claims, "Nobody in town wants it now").source == "Omar Reyes"


def test_inverted_subject_with_a_lowercase_appositive():
    text = "The new tariffs are reckless, said Nora Quinn, senior economist at the farm bureau."
    c = find(claims_of(text), "The new tariffs are reckless")
    assert c.source == "Nora Quinn"


def test_a_pronoun_clause_after_the_cue_is_not_an_inverted_subject():
    text = "Senator Lee Park (D-Ore.), one of the bill's authors, said he remembers the vote well."
    claims = claims_of(text)
    assert find(claims, "he remembers the vote well").source_mention != "he remembers the vote well"
    assert not _by_text(claims, "one of the bill")
