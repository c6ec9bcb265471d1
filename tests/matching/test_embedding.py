"""Sentence embeddings from the model shipped in the wordllama wheel, and their SimHash keys: no database."""

import numpy as np

from matching import embedding


def test_model_loads_from_the_installed_package_without_downloading(monkeypatch):
    embedding.model.cache_clear()

    def no_network(*args, **kwargs):
        raise AssertionError("the model must not be downloaded")

    monkeypatch.setattr("requests.get", no_network)
    assert embedding.embed(["Berlin has no plans to send tanks"]).shape == (1, embedding.DIMENSIONS)


def test_paraphrases_are_closer_than_unrelated_claims():
    a, b, c = embedding.embed(
        [
            "Syria said it recognised the independence of the two Moscow-backed regions",
            "Syria recognises the sovereignty of the two pro-Russian regions",
            "the central bank raised interest rates to 5 per cent",
        ]
    )
    assert embedding.similarity(a, b) > 0.7 > 0.3 > embedding.similarity(a, c)


def test_simhash_keys_are_stable_signed_64_bit_one_per_band():
    vectors = embedding.embed(["the army seized power", "the army seized power", "wheat prices jumped"])
    keys = embedding.simhash_keys(vectors)
    assert keys.shape == (3, embedding.SIMHASH_BANDS)
    assert keys.dtype == np.int64
    assert keys[0].tolist() == keys[1].tolist()
    assert not set(keys[0].tolist()) & set(keys[2].tolist())


def test_embedding_nothing_gives_no_rows():
    assert embedding.embed([]).shape == (0, embedding.DIMENSIONS)


def test_claims_are_embedded_with_places_as_their_country_and_without_attribution():
    prepared = embedding.prepare("Berlin's envoy told Kyiv prices rose 5 per cent, the White House states")
    assert prepared.split() == ["Germany", "envoy", "Ukraine", "prices", "rose", "5", "%,", "the", "United", "States"]
    a, b = embedding.embed_claims(
        ["Paris recalled its ambassador from Niamey", "France recalled its ambassador from Niger"]
    )
    assert embedding.similarity(a, b) > 0.99


def test_word_similarities_relate_synonyms_more_than_unrelated_words():
    similarities = embedding.word_similarities(["jail", "envoy"], ["prison", "ambassador", "wheat"])
    assert similarities.shape == (2, 3)
    assert similarities[0, 0] > similarities[0, 2]
    assert similarities[1, 1] > similarities[1, 2]


def test_a_leader_is_embedded_with_the_office_so_name_and_title_read_alike():
    assert embedding.prepare("Scholz visited Beijing") == "Germany chancellor Scholz visited China"
    assert embedding.prepare("the scholz family") == "the scholz family"
    named, titled = embedding.embed_claims(
        ["Meloni dissolved the cabinet on Friday", "the Italian prime minister dissolved the cabinet on Friday"]
    )
    # Without the office the name is a word the model barely places (0.63 here).
    assert embedding.similarity(named, titled) > 0.8
