import pytest

from .helpers import claims_of

# (seed, fragment of the claim text, expected source)
EXPECTED = [
    ("000", "The AMRAAM rockets", "British defence ministry"),
    ("000", "These weapons will help Ukraine defend its skies", "Ben Wallace"),
    ("000", "stand with Ukraine", "G7"),
    ("000", "The Turks are offering their mediation", "Ushakov"),
    ("000", "If any talks take place", "Ushakov"),
    ("000", "they had captured two villages", "Russian-backed separatist forces"),
    ("000", "liberated Opytine and Ivangrad", "separatist authorities"),
    ("000", "it had repelled Russian attacks", "Ukrainian military"),
    ("000", "a five-story residential building was hit", "Oleksandr Sienkevych"),
    ("000", "An 11-year-old boy was recovered", "Oleksandr Sienkevych"),
    ("001", "control of a town near Bakhmut", "Pro-Russian separatists"),
    ("001", "the towns of Bakhmut and Soledar were holding out", "Volodymyr Zelensky"),
    ("001", "Our soldiers are repelling", "Volodymyr Zelensky"),
    ("001", "killed a 60-year-old woman", "Oleh Synehubov"),
    ("001", "The Kremlin has absolute confidence", "Dmitry Peskov"),
    ("001", "the main source of information is the Defense Ministry", "Dmitry Peskov"),
    ("001", "Western military aid", "Moscow"),
    ("001", "These renditions can only prolong", "Dmitry Peskov"),
    ("001", "it does not plan to send Leopard 2 tanks", "Germany"),
    ("002", "didn’t represent a turning point", "Dmitry Peskov"),
    ("002", "No one said that the sides have made headway", "Dmitry Peskov"),
    ("002", "We can’t point to anything particularly promising", "Dmitry Peskov"),
    ("002", "Russia would limit military operations near Kyiv", "Vladimir Medinsky"),
    ("002", "Moscow remained committed to peace talks", "Sergei Lavrov"),
    ("002", "Ukraine had shown a willingness", "Vladimir Medinsky"),
    ("002", "There’s no reason to worry", "Ramzan Kadyrov"),
    ("002", "Chechen volunteers were seizing villages", "Ramzan Kadyrov"),
    ("002", "more than four million people have fled", "United Nations"),
    ("002", "the U.S. would provide $500 million", "Biden"),
    ("002", "Freedom should be armed no worse than tyranny", "Volodymyr Zelensky"),
    ("002", "it destroyed Ukrainian military equipment", "Russia’s Defense Ministry"),
    ("002", "The situation has not become easier", "Volodymyr Zelensky"),
    ("002", "This is the system we would like", "David Arakhamia"),
    ("002", "We want an international mechanism", "David Arakhamia"),
    ("002", "So Kyiv is very much under threat", "John Kirby"),
    ("002", "In fact the enemy roamed Chernihiv all night", "Vyacheslav Chaus"),
    ("002", "We believe that Putin is being misinformed", "Kate Bedingfield"),
    ("002", "might be returning to Belarus", "British Defense Ministry"),
    ("002", "an hour-long phone call", "Dmitry Peskov"),
    ("002", "We have no Stalingrads on our calendar", "Dmitry Peskov"),
    ("003", "There is a realistic possibility", "Ministry of Defence"),
    ("003", "Its forces are likely pausing", "Ministry of Defence"),
    ("003", "gradual advances in the south-western Kherson sector", "Ministry of Defence"),
    ("003", "It was not us who abandoned contact", "Sergei Lavrov"),
    ("003", "We are not running after anybody", "Sergei Lavrov"),
    ("003", "prospects for any negotiation would grow dimmer", "Putin"),
    ("003", "The further it goes", "Putin"),
    ("003", "There hasn’t been a day this week without shelling", "Pavlo Kyrylenko"),
    ("003", "So, once again, the main advice is to evacuate", "Pavlo Kyrylenko"),
    ("003", "it recognises the sovereignty", "Syria"),
]

FURNITURE = [
    "Android App",
    "Source link",
    "Read Full Article",
    "sign-up",
    "[REVEAL]",
    "[INSIGHT]",
    "Follow me",
    "comments section",
    "admin in:",
    "Dimitar Dilkoff",
    "Clodagh Kilcoyne",
    "First modification",
    "with AFP",
    "Great article",
    "viagra",
    "DON’T MISS",
    "A local resident pushes",
]


@pytest.mark.parametrize(("seed", "fragment", "source"), EXPECTED)
def test_seed_claim_found_with_source(seeds, seed, fragment, source):
    claims = claims_of(seeds[seed])
    hits = [c for c in claims if fragment in c.text]
    assert hits, fragment
    assert hits[0].source == source


def test_seed_offsets_and_no_furniture(seeds):
    for text in seeds.values():
        for c in claims_of(text):
            assert not any(f in c.text for f in FURNITURE), c.text


def test_seeds_yield_many_claims(seeds):
    assert sum(len(claims_of(t)) for t in seeds.values()) >= 70
