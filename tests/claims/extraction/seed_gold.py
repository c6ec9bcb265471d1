"""Independent gold for the four seed articles: every sourced claim a careful fact-checker would log.

Written from the article text (not from the extractor's output).  One row per claim:
``(seed, fragment, sources)`` or ``(seed, fragment, sources, xfail_reason)`` where

* ``seed`` is the first three characters of the seed file name (``seeds/000_*.txt``);
* ``fragment`` is a distinctive piece of the claim *content* as it appears in the article;
* ``sources`` is the canonical source name, or a set of acceptable names (compared with ``source_key``);
* ``xfail_reason`` names the construction the engine still cannot handle (the test is a strict xfail).

``FURNITURE`` lists fragments of page furniture lines: no claim may overlap them.
"""

from __future__ import annotations

PUTIN = "Vladimir Putin"
ZELENSKY = "Volodymyr Zelensky"
PESKOV = "Dmitry Peskov"
MEDINSKY = "Vladimir Medinsky"
KADYROV = "Ramzan Kadyrov"
MOD_UK = {"Ministry of Defence", "MoD", "Ministry of Defence (MoD)"}
SEPARATISTS = {"Pro-Russian separatists", "separatists", "Pro-Russian separatists from the Donetsk region"}

GOLD: list[tuple] = [
    # ---------------------------------------------------------------- 000: AFP wrap, allies pledge air defence
    # headline "Ukraine allies pledge air defence, Russia inches towards Bakhmut": removed from the gold (was
    # ("000", "air defence, Russia inches", {"Ukraine allies", "allies"})).  A pledge of a noun phrase is an
    # action report, not a checkable statement, and the old span crossed into the second headline clause;
    # see test_headlines.py for the rule.  The body claims of 000 are unchanged.
    ("000", "Turkish leader Recep Tayyip Erdogan would offer to mediate", "Kremlin"),
    (
        "000",
        "they had inched closer to the industrial city",
        {"separatists forces", "separatist forces", "separatists forces in the east"},
    ),
    (
        "000",
        "to supply Ukraine with air defence missiles",
        {"Britian", "Britain"},
        "noun cue with a to-infinitive: X's announcement ... to VP",
    ),
    ("000", "to rapidly deliver equipment to Ukraine", "Western allies"),
    ("000", "The AMRAAM rockets", {"British defence ministry"}),
    ("000", "These weapons will help Ukraine defend its skies", "Ben Wallace"),
    ("000", "stand with Ukraine for as long as it takes", "G7"),
    (
        "000",
        "moving with you in the direction of a strong Ukraine",
        "Kristalina Georgieva",
        "'X pledged <noun phrase> for the sake of \"Y\"': cue verb with a noun-phrase object, quote in an adjunct",
    ),
    ("000", "The Turks are offering their mediation", "Ushakov"),
    ("000", "If any talks take place", "Ushakov"),
    ("000", "they had captured two villages", "Russian-backed separatist forces"),
    ("000", "liberated Opytine and Ivangrad", "separatist authorities"),
    ("000", "it had repelled Russian attacks", "Ukrainian military"),
    ("000", "they were still outgunned by Russian artillery", {"Ukraine troops", "Ukrainian troops"}),
    ("000", "positions in the village of Torske were under fire", {"Ukrainian soldier", "A Ukrainian soldier"}),
    ("000", "a five-story residential building was hit", "Oleksandr Sienkevych"),
    ("000", "An 11-year-old boy was recovered", "Oleksandr Sienkevych"),
    ("000", "a security guard was killed", "Oleksandr Sienkevych"),
    # ---------------------------------------------------------------- 001: France24, Soledar / Kramatorsk
    ("001", "control of a town near Bakhmut", SEPARATISTS),  # headline "separatists claim control of ..."
    ("001", "to have taken control of a town near the city of Bakhmout", SEPARATISTS),
    (
        "001",
        "it killed 600 Ukrainian soldiers in a single attack",
        {"defense ministry", "Russian defense ministry", "Russia's defense ministry"},
    ),
    ("001", "handing over Western-provided vehicles will not change", "Kremlin"),
    ("001", "to have seized control of a town near the city of Bakhmut", SEPARATISTS),
    ("001", "has been liberated by the Russian armed forces", SEPARATISTS),
    ("001", "the towns of Bakhmut and Soledar were holding out", ZELENSKY),
    ("001", "Our soldiers are repelling", ZELENSKY),
    ("001", "things are “very difficult” in Soledar", ZELENSKY),
    ("001", "killed a 60-year-old woman", "Oleh Synehubov"),
    ("001", "Russian Attack That Would Have Killed 600 Ukrainian Soldiers", "Moscow"),  # headline noun cue
    ("001", "it was confident its defense ministry was right", "Kremlin"),
    (
        "001",
        "600 Ukrainian servicemen had been “destroyed”",
        {"defense ministry", "Russian defense ministry", "Kremlin"},
    ),
    ("001", "The Kremlin has absolute confidence", PESKOV),
    ("001", "the main source of information is the Defense Ministry", PESKOV),
    ("001", "the Russian attack did not reach its objectives", {"Reuters", "press agencies"}),
    ("001", "Western military aid “will only prolong", "Moscow"),  # headline "Moscow assures that ..."
    ("001", "Shipments of armored infantry and other weapons", "Kremlin"),
    ("001", "these renditions cannot and will not change anything", PESKOV),
    ("001", "These renditions can only prolong", PESKOV),
    ("001", "it wanted to send armored infantry", "United States"),
    ("001", "it was sending light tanks to Kyiv", "France"),
    ("001", "it does not plan to send Leopard 2 tanks", {"Germany", "German government spokesman"}),
    # ---------------------------------------------------------------- 002: WSJ, Istanbul talks
    ("002", "they would limit attacks there", "Russian forces"),  # "X did Z despite saying Y"
    ("002", "didn’t represent a turning point", PESKOV),
    ("002", "No one said that the sides have made headway", PESKOV),
    ("002", "We can’t point to anything particularly promising", PESKOV),
    ("002", "proposals from Kyiv in the negotiations as a constructive step", MEDINSKY),
    ("002", "Russia would limit military operations near Kyiv", MEDINSKY),
    ("002", "troop movements there as regrouping", "Russia"),
    ("002", "Moscow remained committed to peace talks", "Sergei Lavrov"),
    ("002", "Ukraine had shown a willingness", MEDINSKY),
    ("002", "we are not making any kind of retreat", KADYROV),
    ("002", "There’s no reason to worry", KADYROV),
    ("002", "Chechen volunteers were seizing villages", KADYROV),
    ("002", "if the mountain does not come to Muhammad", KADYROV),
    ("002", "it fought off Russian advances", "Ukrainian military"),
    ("002", "would be the new focus of its offensive", "Moscow"),  # relative clause: 'which Moscow has said ...'
    ("002", "more than four million people have fled", "United Nations"),
    ("002", "the U.S. would provide $500 million", "Biden"),
    ("002", "The two leaders also discussed efforts", "White House"),
    ("002", "right now is a turning point", ZELENSKY),
    ("002", "then we have a right to demand help", ZELENSKY),
    ("002", "Tanks, aircraft, artillery systems", ZELENSKY),
    ("002", "Freedom should be armed no worse than tyranny", ZELENSKY),
    ("002", "it destroyed Ukrainian military equipment", "Russia’s Defense Ministry"),
    ("002", "armed forces would remain on alert", ZELENSKY),
    ("002", "The situation has not become easier", ZELENSKY),
    ("002", "The scale of the challenges has not diminished", ZELENSKY),
    ("002", "The Russian army still has significant potential", ZELENSKY),
    ("002", "This is the system we would like", "David Arakhamia"),
    ("002", "We want an international mechanism", "David Arakhamia"),
    (
        "002",
        "they were opposed to a NATO-style defense pact",
        {"Officials", "Officials from the U.K., Germany and France"},
    ),
    ("002", "suggests a greater focus on securing", "Western officials"),
    ("002", "most Russian forces around Kyiv haven’t been redeployed", {"Pentagon", "Pentagon assessment"}),
    ("002", "The airstrikes have not stopped", "John Kirby"),
    ("002", "So Kyiv is very much under threat", "John Kirby"),
    ("002", "it saw signs that Russian forces were regrouping", {"Ukraine’s military", "Ukrainian military"}),
    ("002", "Moscow had given up its efforts to take Kyiv", {"Ukraine’s military", "Ukrainian military"}),
    ("002", "may be little more than a rotation of units", {"Ukraine’s military", "Ukrainian military"}),
    ("002", "Russia bombardments hit an administrative center", "Vyacheslav Chaus"),
    ("002", "spent the whole night hitting Chernihiv", "Vyacheslav Chaus"),
    ("002", "In fact the enemy roamed Chernihiv all night", "Vyacheslav Chaus"),
    ("002", "withdrawal of some forces around Kyiv may be a tactical pause", "Western experts"),
    ("002", "might be returning to Belarus", "British Defense Ministry"),
    ("002", "We believe that Putin is being misinformed", "Kate Bedingfield"),
    ("002", "the Biden administration was declassifying information", "Kate Bedingfield"),
    ("002", "the civilian death toll in the city", "Local officials", "estimate idiom 'X put the toll at N'"),
    ("002", "an hour-long phone call", PESKOV),
    ("002", "conditions would improve when Ukrainian forces surrendered", {PUTIN, "TASS"}),
    ("002", "Russia had no plans to level cities", PESKOV),
    ("002", "We have no Stalingrads on our calendar", PESKOV),
    # ---------------------------------------------------------------- 003: Express, MoD intelligence report
    ("003", "UK is 'full square behind them", "Ben Wallace"),  # headline "X assures Ukraine Y"
    ("003", "There is a realistic possibility", MOD_UK),
    ("003", "Russia is likely concentrating equipment", MOD_UK),
    ("003", "Its forces are likely pausing", MOD_UK),
    ("003", "gradual advances in the south-western Kherson sector", MOD_UK),
    ("003", "he would not chase after the United States", "Sergei Lavrov"),
    ("003", "they saw no point in speaking to Lavrov", {"aides to Blinken", "aides"}),
    ("003", "It was not us who abandoned contact", "Sergei Lavrov"),
    ("003", "We are not running after anybody", "Sergei Lavrov"),
    ("003", "It clearly cannot be business as usual", {"senior US official", "US official"}),
    ("003", "prospects for any negotiation would grow dimmer", "Putin"),
    ("003", "we haven’t started anything yet in earnest", "Putin"),
    ("003", "The further it goes", "Putin"),
    ("003", "have been subjected to a “massive” Russian bombardment", "local officials"),
    ("003", "There hasn’t been a day this week without shelling", "Pavlo Kyrylenko"),
    ("003", "The enemy is shelling chaotically", "Pavlo Kyrylenko"),
    ("003", "So, once again, the main advice is to evacuate", "Pavlo Kyrylenko"),
    ("003", "it recognises the sovereignty", "Syria"),
    ("003", "its intention to build relations with the two breakaway republics", {"Syrian presidency"}),
]

# fragments of furniture lines (no claim may overlap them)
FURNITURE = [
    ("000", "Stay tuned with 24 News HD Android App"),
    ("001", "First modification:"),
    ("001", "A local resident pushes his bike"),
    ("001", "© Dimitar Dilkoff, AFP"),
    ("001", "A woman stands at the scene"),
    ("001", "© Clodagh Kilcoyne, Reuters"),
    ("001", "with AFP"),
    ("001", "Source link"),
    ("002", "admin in: How the Muslim Brotherhood"),
    ("002", "Great article with insight"),
    ("002", "viagrapascherfr"),
    ("002", "Hello there, just became aware of your blog"),
    ("003", "We use your sign-up to provide content"),
    ("003", "DON’T MISS:"),
    ("003", "has been spent already’ [REVEAL]"),
    ("003", "British anti-tank weapon success [INSIGHT]"),
    ("003", "Iran, China and Russia to challenge"),
    ("003", "Scroll down to our comments section"),
    ("003", "Follow me @JamesLee_DE"),
    ("003", "Source: Read Full Article"),
]
