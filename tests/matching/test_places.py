"""Country, capital and demonym equivalence: no database."""

import pytest

from matching import places


@pytest.mark.parametrize(
    ("alias", "country"),
    [("berlin", "@germany"), ("germans", "@germany"), ("kyiv", "@ukraine"), ("kiev", "@ukraine"),
     ("kremlin", "@russia"), ("chinese", "@china"), ("seoul", "@southkorea"), ("ankara", "@turkey")],
)  # fmt: skip
def test_places_fold_capitals_demonyms_and_metonyms_to_the_country(alias, country):
    assert places.places()[alias] == country


def test_multiword_places_become_one_token_only_when_capitalised():
    assert places.fold_multiword("the White House said").split() == ["the", "Xplaceunitedstates", "said"]
    assert places.fold_multiword("in the valley") == "in the valley"


def test_aliases_file_rejects_a_line_without_a_country(tmp_path):
    path = tmp_path / "aliases.tsv"
    path.write_text("# comment\nKremlin\tRussia\nNowhere\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 3"):
        places.load_aliases(path)


def test_places_are_spelled_as_their_country_for_embedding_only_when_capitalised():
    folded = places.fold_to_country_names("Berlin's envoy met Ukrainians and the White House near the valley")
    assert folded.split() == [
        "Germany",
        "envoy",
        "met",
        "Ukraine",
        "and",
        "the",
        "United",
        "States",
        "near",
        "the",
        "valley",
    ]


def test_officeholders_name_their_country_and_office():
    assert places.officeholders()["scholz"] == ("@germany", "chancellor")


def test_officeholders_file_rejects_a_line_without_an_office(tmp_path):
    path = tmp_path / "officeholders.tsv"
    path.write_text("# comment\nScholz\tGermany\tchancellor\nNobody\tGermany\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 3"):
        places.load_officeholders(path)


def test_the_vatican_is_vatican_city():
    assert places.places()["vatican"] == places.places()["vatican city"]
