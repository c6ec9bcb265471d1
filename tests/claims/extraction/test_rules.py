"""Every rule and veto of the extractor does what its own examples say, and nothing on its counter-examples."""

import pytest

from claims.extraction.engine import Rule, prioritize_higher_rules, prioritize_longer_spans, priority_table
from claims.extraction.explain import explain
from claims.extraction.records import Attribution
from claims.extraction.rules import RULES

from .helpers import claims_of

UMBRELLA = {"cue-verb"}  # applies the cue rules, which carry the examples


def _examples():
    for rule in RULES:
        for i, ex in enumerate(rule.examples):
            yield pytest.param(rule, ex, id=f"{rule.id}-{i}")


def _counter_examples():
    for rule in RULES:
        for i, text in enumerate(rule.counter_examples):
            yield pytest.param(rule, text, id=f"{rule.id}-not-{i}")


def test_every_rule_has_examples_and_a_description():
    for rule in RULES:
        assert rule.matches, rule.id
        if rule.id not in UMBRELLA and rule.id != "quoted-sentence-inside":
            assert rule.examples, f"{rule.id} has no example"


@pytest.mark.parametrize(("rule", "example"), list(_examples()))
def test_rule_example(rule, example):
    if rule.kind == "veto":
        ex = explain(example.text)
        fired = [d for d in ex.dropped if d.rule_id == rule.id and d.outcome == "vetoed"]
        assert any(example.content in d.cue for d in fired), (rule.id, ex.dropped)
        return
    claims = [c for c in claims_of(example.text) if c.rule_id == rule.id and example.content in c.text]
    assert claims, f"{rule.id} made no claim holding {example.content!r}: {explain(example.text)}"
    c = claims[0]
    if example.source:
        assert example.source in f"{c.source_mention} | {c.source}", (c.source_mention, c.source)
    if example.cue:
        assert example.cue in c.cue


@pytest.mark.parametrize(("rule", "text"), list(_counter_examples()))
def test_rule_counter_example(rule, text):
    ex = explain(text)
    if rule.kind == "veto":
        assert not [d for d in ex.dropped if d.rule_id == rule.id], ex.dropped
        assert ex.claims, f"{rule.id} must not stop the claim in {text!r}"
    else:
        assert not [c for c in ex.claims if c.rule_id == rule.id], [c.text for c in ex.claims]


def test_every_claim_names_the_rule_that_made_it(seeds):
    ids = {r.id for r in RULES}
    for text in seeds.values():
        for c in claims_of(text):
            assert c.rule_id in ids, c


def test_priority_table_refuses_duplicate_ids_and_tied_priorities():
    a = Rule("a", "attribution", "sentence", 1, "a")
    with pytest.raises(ValueError, match="duplicate"):
        priority_table([a, Rule("a", "attribution", "sentence", 2, "b")])
    with pytest.raises(ValueError, match="share a priority"):
        priority_table([a, Rule("b", "attribution", "sentence", 1, "b")])


def _cand(start, end, rule_id):
    return Attribution(start, end, "X", 0, "said", "speech", 0, rule_id=rule_id)


def test_overlap_policies_are_swappable_and_differ_on_long_spans():
    short_high = _cand(0, 10, "high")
    long_low = _cand(0, 30, "low")
    priorities = {"high": 1, "low": 2}
    kept, dropped = prioritize_higher_rules([long_low, short_high], priorities)
    assert kept == [short_high]
    assert dropped == [long_low]
    kept, dropped = prioritize_longer_spans([long_low, short_high], priorities)
    assert kept == [long_low]
    assert dropped == [short_high]


def test_the_default_policy_keeps_a_statement_nested_in_another_with_its_own_speaker():
    outer = Attribution(10, 60, "The mayor", 0, "said", "speech", 0, rule_id="high")
    nested = Attribution(30, 60, "the chief", 10, "told", "speech", 0, rule_id="high")  # speaker inside outer
    reread = Attribution(30, 60, "a clerk", 70, "said", "speech", 0, rule_id="high")  # speaker elsewhere
    kept, dropped = prioritize_higher_rules([outer, nested, reread], {"high": 1})
    assert kept == [outer, nested]
    assert dropped == [reread]
