"""Sentence embeddings (all-MiniLM-L6-v2 fine-tuned on claim pairs, shipped in matching/data), word vectors
(WordLlama's wheel), SimHash keys and stored vectors: no database."""

import socket

import numpy as np
import pytest

from matching import embedding


def test_models_load_from_installed_packages_without_the_network(monkeypatch):
    embedding.sentence_model.cache_clear()
    embedding.word_model.cache_clear()

    def no_network(*args, **kwargs):
        raise AssertionError("the models must not be downloaded")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr("requests.get", no_network)
    assert embedding.embed(["Berlin has no plans to send tanks"]).shape == (1, embedding.DIMENSIONS)
    assert embedding.embed_words(["tanks"]).shape == (1, embedding.WORD_DIMENSIONS)


def test_a_model_file_that_is_not_the_pinned_one_is_refused(monkeypatch, tmp_path):
    other = tmp_path / "claims-int8.onnx"
    other.write_bytes(b"not the model")
    monkeypatch.setattr(embedding, "_MODEL", other)
    embedding.sentence_model.cache_clear()
    try:
        with pytest.raises(embedding.ModelError, match="not the claim model"):
            embedding.embed(["Berlin has no plans to send tanks"])
    finally:
        embedding.sentence_model.cache_clear()


def test_a_text_embeds_alike_alone_and_in_a_batch_of_longer_texts():
    claim = "the central bank raised interest rates to 5 per cent"
    alone = embedding.embed([claim])[0]
    batch = embedding.embed(["a much longer claim about the harvest, the weather and the price of wheat", claim])
    assert embedding.similarity(alone, batch[1]) > 0.9999


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


def test_lookup_probes_a_band_own_key_and_keys_one_uncertain_bit_away():
    (vector,) = embedding.embed(["the army seized power in a coup"])
    probes = embedding.simhash_probe_keys(vector[None, :], flips=2)[0].tolist()
    assert len(probes) == embedding.SIMHASH_BANDS * 3 == len(set(probes))  # every probe is another bucket
    assert set(embedding.simhash_keys(vector[None, :])[0].tolist()) <= set(probes)
    # A neighbour on the other side of band 0's least certain hyperplane (a paraphrase a few degrees away) shares no
    # band 0 key with it, and a probe finds it.
    planes = embedding._hyperplanes()[: embedding.SIMHASH_BITS]
    projections = planes @ vector
    bit = int(np.argmin(np.abs(projections)))
    plane = planes[bit]
    neighbour = vector - (projections[bit] + np.sign(projections[bit]) * 1e-3) * plane / (plane @ plane)
    neighbour /= np.linalg.norm(neighbour)
    assert embedding.similarity(vector, neighbour) > 0.99
    stored = embedding.simhash_keys(np.array([vector, neighbour]))
    assert stored[0, 0] != stored[1, 0]
    assert stored[1, 0] in probes


def test_a_stored_vector_keeps_its_cosines():
    vectors = embedding.embed(
        ["Syria recognised the two regions", "Syria recognises the sovereignty of the regions", "wheat prices jumped"]
    )
    blobs = embedding.pack(vectors)
    assert [len(blob) for blob in blobs] == [embedding.DIMENSIONS] * 3
    restored = embedding.unpack(blobs)
    assert np.allclose(np.linalg.norm(restored, axis=1), 1.0, atol=1e-5)
    assert np.abs(restored @ restored.T - vectors @ vectors.T).max() < 0.002


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
