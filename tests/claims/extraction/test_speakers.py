from claims.extraction import extract_claims, source_key, source_surname_key
from claims.extraction.speakers import ArticleSpeakers, kind_of


def test_source_key_strips_honorifics_and_roles():
    assert source_key("Mr. Peskov") == "peskov"
    assert source_key("Dmitry Peskov") == "dmitry peskov"
    assert source_key("Kremlin spokesman Dmitry Peskov") == "dmitry peskov"
    assert source_key("the Kremlin") == "kremlin"
    assert source_key("President Volodymyr Zelenskyy") == "volodymyr zelenskyy"
    assert source_key("Dr. José Núñez") == "jose nunez"


def test_surname_key():
    assert source_surname_key("Dmitry Peskov") == "peskov"
    assert source_surname_key("Kremlin spokesman Dmitry Peskov") == "peskov"
    assert source_surname_key("Kremlin") == "kremlin"


def test_kinds():
    assert kind_of("the Kremlin") == "government"
    assert kind_of("Moscow") == "government"
    assert kind_of("Russia's Defense Ministry") == "military"
    assert kind_of("the Ukrainian military") == "military"
    assert kind_of("AFP") == "media"
    assert kind_of("NATO") == "organisation"
    assert kind_of("the United Nations") == "organisation"
    assert kind_of("Dmitry Peskov") == "person"


def test_longest_full_name_within_article():
    text = "Kremlin spokesman Dmitry Peskov spoke.\nMr. Peskov said so."
    sp = ArticleSpeakers(text, [(0, len(text))])
    assert sp.resolve("Mr. Peskov", 50).source == "Dmitry Peskov"
    assert sp.resolve("the Kremlin spokesman", 60).source == "Dmitry Peskov"
    assert sp.resolve("he", 70).source == "Dmitry Peskov"


def test_unresolved_role_is_kept_as_source():
    sp = ArticleSpeakers("Nothing here.", [(0, 13)])
    r = sp.resolve("the regional governor", 5)
    assert r.source == "regional governor"
    assert r.kind == "person"


def test_a_share_of_a_group_is_its_own_mention_not_a_person():
    """'One in three said', 'Most said': the poll's respondents, not a person called One or Most."""
    text = "Voters were asked about prices. One in three said they were worse off. Most said rents had risen."
    sp = ArticleSpeakers(text, [(0, len(text))])
    for mention in ("One in three", "Most", "Two of the five judges", "a majority of voters"):
        resolved = sp.resolve(mention, 40)
        assert (resolved.source, resolved.kind) == (mention, "unknown")
    # Names that start like a quantifier stay names.
    assert sp.resolve("Five Guys", 40).source == "Five Guys"


def test_a_cue_opening_the_sentence_is_not_part_of_the_speakers_name():
    text = "Said Ana Ruiz, who has fished the bay for forty years, “The water has never been this warm.”"
    assert [c.source for c in extract_claims(text)] == ["Ana Ruiz"]
