"""Stage 2: page furniture filter, as named rules.

Marks the lines of a news page that are not article prose: menus and labels, bylines, timestamps, share rows,
app and newsletter promotions, consent text, captions and credits, teaser and headline lists, most-read blocks,
page titles, author bios and reader-comment sections (with everything after their header).

Each rule is a ``FurnitureRule``: an id, what it matches, a priority and its own examples (lines that must be
furniture by this rule) and counter-examples (lines that must not be furniture at all); one parametrised test runs
them all. The word lists the rules use live in ``data/furniture-*.txt``. Overlaps are resolved by one named policy,
``first_by_priority``: rules are tried in ascending priority and the first that matches names the line, so
``Line.furniture`` records the id of the rule that dropped it (``RULES_BY_ID`` describes it).

A rule either matches the line alone (``pattern``, searched in the stripped line; ``short`` rules only on lines
under ``SHORT_LINE`` characters that do not end as a sentence) or needs its neighbours (``context`` rules:
blocks under a header, captions, comment sections, runs of headlines); a context rule's examples are several
lines, and the last line is the one it must flag.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .records import Line

_I = re.IGNORECASE
DATA = Path(__file__).parent / "data"
SHORT_LINE = 160


def load_words(name: str) -> tuple[str, ...]:
    """Entries of ``data/furniture-<name>.txt``: one per line, multi-word entries whole, ``#`` lines are notes."""
    entries: list[str] = []
    for number, raw in enumerate((DATA / f"furniture-{name}.txt").read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        entry = raw.strip().lower()
        if entry != raw.lower() or "  " in entry:
            raise ValueError(f"furniture-{name}.txt:{number}: stray spaces in {raw!r}")
        if entry in entries:
            raise ValueError(f"furniture-{name}.txt:{number}: {entry!r} is listed twice")
        entries.append(entry)
    return tuple(entries)


def _alternation(words: tuple[str, ...]) -> str:
    """A regex alternation of ``words``, longest first, with any apostrophe (or none) where a word has one."""
    parts = [re.escape(w).replace("'", "[’'`]?").replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)]
    return "(?:" + "|".join(parts) + ")"


TEASER_HEADERS = load_words("teaser-headers")
COMMENT_HEADERS = load_words("comment-headers")
SHARE_TARGETS = load_words("share-targets")
AGENCIES = load_words("agencies")
STAMP_WORDS = frozenset(load_words("stamp-words"))
SUMMARY_HEADERS = load_words("summary-headers")


@dataclass(frozen=True, slots=True)
class FurnitureRule:
    """One kind of page furniture."""

    id: str
    description: str
    priority: int  # lower is tried first; the first rule that matches names the line (``first_by_priority``)
    pattern: re.Pattern | None = None  # searched in the stripped line; None for a context rule
    short: bool = False  # only on short lines that are not sentences, matched at the line start
    keys: tuple[str, ...] | None = None  # the pattern can only match a line holding one of these (lower case)
    examples: tuple[str, ...] = ()
    counter_examples: tuple[str, ...] = ()

    def matches(self, raw: str, low: str) -> bool:
        if self.pattern is None:
            return False
        if self.keys is not None and not any(k in low for k in self.keys):
            return False
        return (self.pattern.match if self.short else self.pattern.search)(raw) is not None


_AGENCY_NAMES = _alternation(AGENCIES)
_SHARE = _alternation(SHARE_TARGETS)

RULES: tuple[FurnitureRule, ...] = (
    # ------------------------------------------------------------------ context rules that end the article
    FurnitureRule(
        "after_article",
        "Everything after the start of a reader-comment section.",
        0,
        examples=(
            "Readers sent many comments.\nThe council voted on Monday to close the old bridge.\n"
            "The mayor said the vote was close.\nRepairs will cost $2 million, officials said.\n"
            "The mayor said the vote had been far closer than anyone expected.\n"
            "Engineers told the council that the bridge could not carry buses after its last inspection.\n"
            "12 Comments\njdoe\n3 hours ago\nThe mayor says it is safe, but I don't believe her",
        ),
        counter_examples=("Comments\nThe mayor said the bridge was safe.",),
    ),
    FurnitureRule(
        "reader_comments",
        "A comment-widget line '<author or url> in: <post title>'; comments follow it.",
        5,
        pattern=re.compile(r"^\S{1,80}\s+in:\s+\S"),
        examples=("jdoe in: Another unrelated post title",),
        counter_examples=("Prices rose in: food, fuel and rent, the agency said.",),
    ),
    FurnitureRule(
        "comment_author",
        "A reader comment's author line ('jdoe says:', 'Ann on May 2, 2019 at 4:47 pm said:').",
        6,
        pattern=re.compile(
            r"^\S.{0,60}?\s(?:says|said|wrote|commented|replied)\s*:\s*$"
            r"|^\S.{0,40}?\son\s.{3,30}?\d{4}\s+at\s+\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:said|says|wrote)?\s*:?\s*$",
            _I,
        ),
        keys=(":",),
        examples=(
            "The bridge reopened on Monday after two years of repairs, the council said.\n"
            "Traffic has already doubled, according to the transport office.\n"
            "mroklahoma says:\nNovember 19, 2019 at 8:13 am",
            "Ann Lee on September 12, 2018 at 4:47 pm said:",
        ),
        counter_examples=("The minister said:",),
    ),
    FurnitureRule(
        "comment_section",
        "The header of a reader-comment section ('12 Comments', 'Leave a Reply').",
        7,
        pattern=re.compile(rf"^(?:\d[\d,]*\s+)?{_alternation(COMMENT_HEADERS)}\s*(?:\(\d[\d,]*\))?\s*[:.]?\s*$", _I),
        examples=("12 Comments", "Leave a Reply", "Comments (3)", "Join the discussion"),
        counter_examples=("Comments from the minister drew criticism.",),
    ),
    # ------------------------------------------------------------------ line rules
    FurnitureRule(
        "app_promo",
        "App store promotions.",
        10,
        pattern=re.compile(
            r"\b(?:download|install|get|stay tuned with|available on)\b.{0,60}\b(?:app|apps|application)\b"
            r"|\b(?:android|ios|iphone)\s+app\b|\b(?:on|in|from|via)\s+(?:the\s+)?(?:app store|google play)\b",
            _I,
        ),
        keys=("app", "google play"),
        examples=("Download the Daily News app for breaking stories", "Stay tuned with 24 News HD Android App"),
        counter_examples=("The regulator said the app collected location data without consent.",),
    ),
    FurnitureRule(
        "source_trailer",
        "'Source link', 'Read more', 'This article first appeared on ...' trailers.",
        20,
        pattern=re.compile(
            r"^(?:source(?:\s+link)?|original(?:ly)? (?:published|source)|source\s*:.*|via\s*:.*"
            r"|read (?:the )?(?:full|more|original|rest)(?: (?:article|story|here))?.*|click here.*"
            r"|continue reading.*"
            r"|(?:this|the) (?:article|story) (?:was )?(?:originally )?(?:appeared|published) (?:on|in|at)\b.*)$",
            _I,
        ),
        examples=("Source link", "Click here to read more", "Source: Read Full Article"),
        counter_examples=("Sources said the deal was close.",),
    ),
    FurnitureRule(
        "consent",
        "Sign-up, newsletter, privacy and cookie text addressed to the reader.",
        30,
        pattern=re.compile(
            r"^(?=.*\b(?:you|your|we|our)\b).*\b(?:sign-?up|sign up|subscribe|unsubscribe|newsletter"
            r"|privacy (?:policy|notice|statement)"
            r"|cookie(?:s| policy| settings)|consented|terms (?:of use|and conditions|& conditions)"
            r"|personalis(?:e|ed) (?:content|ads)|advertis(?:ing|ements?) partners?)\b"
            r"|\bprocessing of (?:my|your) personal data\b"
            r"|^(?:please\s+)?enter (?:your\s+)?(?:e-?mail|zip|post(?:al)? ?code|city)\b",
            _I,
        ),
        keys=(
            "sign",
            "subscri",
            "newsletter",
            "privacy",
            "cookie",
            "consented",
            "terms",
            "personalis",
            "advertis",
            "personal data",
            "enter",
        ),
        examples=(
            "We use your sign-up to provide content in ways you've consented to",
            "I agree to the processing of my personal data for creating an account",
            "Enter City and State or Zip Code",
        ),
        counter_examples=("The company said it had never sold personal data.",),
    ),
    FurnitureRule(
        "teaser_header",
        "The header of a block of links to other stories ('Most read', 'Related stories').",
        40,
        pattern=re.compile(rf"^(?:{_alternation(TEASER_HEADERS)}|more from [\w ]{{1,30}})\s*[:.!-]?\s*$", _I),
        examples=("DON’T MISS:", "Most Read", "Related stories", "More from World News"),
        counter_examples=("Most read books this year were thrillers, the survey said.",),
    ),
    FurnitureRule(
        "teaser_line",
        "A teaser link tagged '[PICS]', '[VIDEO]'.",
        50,
        pattern=re.compile(r"\[(?:[A-Z][A-Z ]{1,20}|pics|video|photos?)\]\s*$"),
        keys=("[",),
        examples=("Ten things you missed this week [PICS]", "Why the summit failed [ANALYSIS]"),
        counter_examples=("The report [published on Monday] said the river was safe.",),
    ),
    FurnitureRule(
        "teaser_prefix",
        "A link with a teaser prefix ('Related: ...', 'Watch | ...').",
        60,
        pattern=re.compile(
            r"^(?i:related|read more|more|see also|also read|read also|watch|listen|recommended|"
            r"must read|also see|further reading|related coverage|more coverage|top story|"
            r"don[’']?t miss)\s*[:|]\s*\S"
        ),
        keys=(":", "|"),
        examples=("RELATED: Minister says the bridge is safe", "Watch | The storm hits the coast"),
        counter_examples=("Moreover: the minister said the bridge was safe.",),
    ),
    FurnitureRule(
        "social",
        "Follow-us lines, handles and rows of share buttons.",
        70,
        pattern=re.compile(
            r"^(?:follow (?:me|us|him|her|them)\b.*|like us on facebook.*|share (?:this|on)\b.*|share\s*$"
            r"|tweet\s*$|email\s*$|print\s*$|@\w+\s*$|copy(?:\s+the)?\s+link\b.{0,20}$|link copied\b.{0,5}$"
            rf"|(?:{_SHARE}\b[\s,|·•/]*){{2,}}$)",
            _I,
        ),
        examples=("Follow us @dailynews on Twitter", "Facebook Twitter Email", "Share"),
        counter_examples=("Facebook said it removed the posts.",),
    ),
    FurnitureRule(
        "comments_prompt",
        "Invitations to comment.",
        80,
        pattern=re.compile(
            r"\b(?:comments? section|leave a (?:comment|reply)|share your (?:views|thoughts|opinion)"
            r"|join the (?:debate|conversation|discussion)|have your say|post a comment|\d+ comments?)\b",
            _I,
        ),
        keys=("comment", "leave a", "share your", "join the", "have your say"),
        examples=("Scroll down to our comments section below to share your views on this story",),
        counter_examples=("The ministry said it would not comment.",),
    ),
    FurnitureRule(
        "credit",
        "Photo credits and copyright marks.",
        90,
        pattern=re.compile(
            r"[©℗]|\b(?:photo|image|picture|video|credit|photograph)s?\s*(?:credit|courtesy)?\s*:\s*\S"
            r"|\b(?:getty images|shutterstock|alamy|reuters/(?!ipsos\b)|afp/|ap photo|afp via getty)\b",
            _I,
        ),
        keys=(
            "©",
            "℗",
            "photo",
            "image",
            "picture",
            "video",
            "credit",
            "getty",
            "shutterstock",
            "alamy",
            "reuters/",
            "afp/",
            "ap photo",
            "afp via",
        ),
        examples=("A man walks past the ministry. © Jane Roe, Reuters", "Photo: Getty Images"),
        counter_examples=(
            "The agency said the photos were genuine.",
            "According to a Reuters/Ipsos poll, the two candidates are in a dead heat nationally.",
        ),
    ),
    FurnitureRule(
        "dateline",
        "'Updated: ...', 'First published ...' lines.",
        100,
        pattern=re.compile(
            r"^(?:first|last) (?:modification|modified|updated?|published)\b.*|^(?:updated|published|posted)"
            r"(?: on| at)?\s*:?\s*[\d(]?.{0,40}$|^(?:issued|updated) on\b.*",
            _I,
        ),
        examples=("Updated: 12 March 2024", "First modification:"),
        counter_examples=("Updated figures showed the economy grew, the ministry said.",),
    ),
    FurnitureRule(
        "agency_credit",
        "An agency credited alone ('with AFP', '(Reuters)').",
        110,
        pattern=re.compile(
            rf"^[(\[]?(?:with|by|from|and|—|-|–)?\s*(?:{_AGENCY_NAMES}(?:\s*(?:,|and|&)\s*{_AGENCY_NAMES})*)"
            r"[)\]]?\s*\.?$",
            _I,
        ),
        examples=("with AFP", "(Reuters)", "AFP and Reuters"),
        counter_examples=("Reuters reported the deal.",),
    ),
    FurnitureRule(
        "reporting_credit",
        "'Reporting by ...', edit notes, copyright and advertisement labels.",
        120,
        pattern=re.compile(
            r"^\(?(?:reporting|writing|editing|additional reporting|compiled) by\b.*"
            r"|^\(?(?:this|the) (?:story|article|report|interview|post|piece|conversation|transcript|content) "
            r"(?:has|had|was|is|may)(?: not)?(?: been| be| have been)? (?:edited|condensed|updated|corrected"
            r"|amended|auto-generated|generated|published|produced|syndicated|translated|lightly edited)\b.*"
            r"|^all rights reserved\b.*|^copyright\b.*|^advertisement\b.{0,40}$|^(?:skip|close|hide) (?:ad|advert)\w*$"
            r"|^sponsored(?: content)?$|^our standards\s*:.*|^this article is more than \w+ \w+ old\b.*"
            r"|^\(c\)\s*\d{4}|^(?:image|photo|media|video|picture) (?:caption|source|copyright)\b",
            _I,
        ),
        examples=("(Reporting by Jane Roe; Editing by John Doe)", "Advertisement"),
        counter_examples=("Reporters found that the mayor had lied, the court said.",),
    ),
    FurnitureRule(
        "trailer",
        "'All rights reserved', '... contributed to this report'.",
        130,
        pattern=re.compile(
            r"\ball rights reserved\b|\bcontributed (?:reporting )?to this (?:report|story|article)\b", _I
        ),
        keys=("rights reserved", "contributed"),
        examples=("Jane Roe in Paris contributed to this report.",),
        counter_examples=("The group said it contributed to the fund.",),
    ),
    FurnitureRule(
        "url",
        "A bare link.",
        140,
        pattern=re.compile(r"^\S*(?:https?://|www\.)\S*(?:\s.{0,120})?$", _I),
        examples=("https://example.com/story/123",),
        counter_examples=("The ministry said www addresses would change.",),
    ),
    FurnitureRule(
        "domain",
        "A bare site name under a teaser ('vox.com').",
        327,
        pattern=re.compile(r"(?:[\w-]+\.)+(?:com|org|net|co|uk|us|io|gov|edu|info|news|tv|in|au|ca|de|fr)\s*$", _I),
        short=True,
        examples=("vox.com", "news.example.co.uk"),
        counter_examples=("Shares of Example.com rose 5% after the report, analysts said.",),
    ),
    FurnitureRule(
        "truncated_teaser",
        "A teaser cut off with an ellipsis ('... the mayor said the […]').",
        150,
        pattern=re.compile(r"^.{0,200}(?:…|\.\.\.|\[…\]|\[\.\.\.\])\s*$"),
        keys=("…", "..."),
        examples=(
            "I haven’t read anything for a long time in the author’s […]",
            "Nifty forms Doji pattern, record high likely if index...",
        ),
        counter_examples=("“We will see…” she said.",),
    ),
    FurnitureRule(
        "author_bio",
        "A line about the writer ('Jane Doe is a reporter at ... covering ...').",
        160,
        pattern=re.compile(
            r"^(?:[A-Z][\w.’'-]+\s+){1,3}(?:is|has been|was)\s+(?:an?|the)\s+(?:[\w,’'-]+\s+){0,5}"
            r"(?:reporter|correspondent|writer|editor|journalist|columnist|contributor|producer|author|blogger"
            r"|freelancer|intern)\b(?!\s+(?:who|whose|said|says|told))",
            _I,
        ),
        keys=(
            "reporter",
            "correspondent",
            "writer",
            "editor",
            "journalist",
            "columnist",
            "contributor",
            "producer",
            "author",
            "blogger",
            "freelancer",
            "intern",
        ),
        examples=("Jane Doe is a senior reporter at the Daily News covering climate and energy.",),
        counter_examples=("Jane Doe is a reporter who said the police had beaten her.",),
    ),
    # ------------------------------------------------------------------ context rules on single lines
    FurnitureRule(
        "caption",
        "The caption after 'Image caption,' or duplicated just above a credited copy.",
        200,
        examples=("Image caption,\nRescue workers search the rubble in the old town",),
        counter_examples=("Rescue workers search the rubble in the old town",),
    ),
    FurnitureRule(
        "about_block",
        "The boilerplate paragraph under 'About Acme Corp' in a press release.",
        210,
        examples=("About Acme Corp\nAcme Corp makes bridges in 40 countries and employs 2,000 people.",),
        counter_examples=("Acme Corp makes bridges in 40 countries and employs 2,000 people.",),
    ),
    FurnitureRule(
        "author_bio_block",
        "The text under an 'About the author' header.",
        215,
        examples=("About the author\nJane writes about cities, trains and the people who run them.",),
        counter_examples=("Jane writes about cities, trains and the people who run them.",),
    ),
    # ------------------------------------------------------------------ short lines that are not sentences
    FurnitureRule(
        "timestamp",
        "A line holding only a date or time ('Wed 6 Mar 2024 18.30 GMT', 'Updated 2 hours ago').",
        300,
        examples=("Wed 6 Mar 2024 18.30 GMT", "January 5, 2024 4:12 PM GMT+1 Updated 2 hours ago"),
        counter_examples=("On 6 March 2024 the minister said the bridge would close.",),
    ),
    FurnitureRule(
        "breadcrumb",
        "Breadcrumbs and section paths ('Home > News > World', 'Sport | Football').",
        310,
        pattern=re.compile(r"(?:home|news|[\w’' &-]{1,25}\s[>»›/|])\s*[>»›/|]?\s*[^.!?]{0,120}$", _I),
        short=True,
        examples=("Home > News > World", "Sport | Football"),
        counter_examples=("Minister says talks will resume | World",),
    ),
    FurnitureRule(
        "byline",
        "Bylines ('By Jane Doe, Reuters', 'Health reporter, BBC News').",
        320,
        pattern=re.compile(
            r"(?:by|(?:interview|words|text|story|report|photos?|reporting|analysis) by)\s+[A-Z][^.!?]{0,100}$"
            r"|(?:[A-Z][\w.’'-]*\s+){1,3}[A-Z][\w.’'-]*\s*\|\s*[^|.!?]{2,60}$"
            r"|(?:[\w’'-]+\s+){0,5}(?:reporter|correspondent|editor|writer|columnist|contributor|producer|"
            r"journalist|staff|news desk)(?:\s*,\s*[\w’' &.-]{2,40})?\s*$",
            _I,
        ),
        short=True,
        examples=("By Jane Doe, Reuters", "Health reporter, BBC News"),
        counter_examples=("By Tuesday the minister said talks would resume",),
    ),
    FurnitureRule(
        "page_title",
        "A page title: headline then ' | Site' or ' - Site Name'.",
        325,
        pattern=re.compile(r"[^|“”\"]{12,}?\s(?:\||-)\s(?:[A-Z0-9][\w.&’'-]*\s?){1,5}$"),
        short=True,
        examples=(
            "Dramatic rescue of kidnapped girl in the city - NBC 5 Dallas-Fort Worth",
            "Storm batters coast, thousands without power | The Daily Post",
        ),
        counter_examples=("Talks will resume next week - and soon",),
    ),
    FurnitureRule(
        "page_chrome",
        "'Listen to this article', '3 min read', 'Skip to content', contact lines.",
        330,
        pattern=re.compile(
            r"(?:listen to (?:this )?(?:article|story|episode)|\d+\s*(?:min(?:ute)?s?)(?:\s+(?:read|listen))?"
            r"|skip to (?:main )?(?:content|navigation)|(?:accept|reject|manage|allow)(?: all)?(?: cookies| cookie"
            r" settings)|for immediate release|reuse this content|print this (?:page|article)|[a-z]+ —)\W*$"
            r"|SOURCE\s+[A-Z].{0,80}$|#{3}\s*$|[+(]?\d[\d() .-]{6,}\d\s*$|\S+@\S+\.\w+\s*$"
            r"|contact\b.{0,100}(?:@|\bat\s+\(?\d)|sign up\b.{0,80}\b(?:newsletters?|alerts|updates)\b",
            _I,
        ),
        short=True,
        examples=("Listen to this article", "Skip to main content", "info@example.com"),
        counter_examples=("The minister said talks would resume in 3 minutes.",),
    ),
    FurnitureRule(
        "about_header",
        "'About Acme Corp' over a press release's boilerplate.",
        340,
        examples=("About Acme Corp",),
        counter_examples=("About 300 people attended, police said.",),
    ),
    FurnitureRule(
        "rank",
        "A number alone: the rank of an item in a most-read list.",
        295,
        pattern=re.compile(r"^\d{1,2}[.)]?\s*$"),
        short=True,
        examples=("3", "10."),
        counter_examples=("3 people were hurt",),
    ),
    FurnitureRule(
        "teaser_block",
        "A line without a sentence end under a teaser header.",
        350,
        examples=("READ MORE:\nWhy the summit failed",),
        counter_examples=("READ MORE:\nThe minister said on Monday that talks would resume.",),
    ),
    FurnitureRule(
        "label",
        "One- or two-word section labels and names.",
        360,
        examples=("World", "Europe"),
        counter_examples=("World leaders said the talks had failed.",),
    ),
    FurnitureRule(
        "title_case_line",
        "A line in title case or capitals with no sentence end: the headline of another story (a link, a teaser) "
        "with no paragraph under it. The article's own headline (the last such line before its first paragraph) "
        "and its section heads stay.",
        370,
        examples=(
            "Harbour Workers Say New Cranes Will Cut Waiting Times in Half\n"
            "The port authority said on Monday that two new cranes would arrive in March and cut waiting times.\n"
            "Read more\nMAYOR SAYS TRAM LINE WILL REOPEN BY SPRING\n2 hours ago",
        ),
        counter_examples=(
            "Harbour workers say new cranes will cut waiting times in half",
            "Harbour Workers Say New Cranes Will Cut Waiting Times in Half.",
            "The Minister of Transport, Amelia Okafor, said the Northern Line would reopen in May",
        ),
    ),
    # ------------------------------------------------------------------ runs of lines
    FurnitureRule(
        "headline_list",
        "Three or more headlines in a row with no prose between them: links to other stories.",
        400,
        examples=(
            "Minister says talks will resume\nFlood defences fail in the north\nStriker signs for rivals",
            "Police say driver was drunk\n2 hours ago\nMayor says bridge is safe (185)\nTrain fares to rise",
        ),
        counter_examples=(
            "Minister says talks will resume\nThe minister said on Monday that talks would resume.",
            "Orbital unveils new headset\nKey points\nOrbital unveils $1,499 headset\n"
            "Company says it will open app store to developers",
            # an explainer's subheadings, each over two paragraphs (one short paragraph under each would read as a
            # teaser list: a known limit)
            "Why the bridge closed so suddenly\nEngineers found cracks in two of the main cables in May.\n"
            "The council said the bridge was no longer safe for buses.\nWhat happens next for drivers\n"
            "Repairs will take six months, the council said.\nDiversions will add twenty minutes to trips.\n"
            "Who pays for the repairs\nThe ministry said it would cover half of the cost.",
        ),
    ),
    FurnitureRule(
        "stamped_items",
        "Items of a listing or comment thread, each under or over a relative time ('5H ago', '2 days ago at 7:52 am'):"
        " the lines between such stamps, when three or more come close together.",
        410,
        examples=(
            "Storm closes the coast road for the second time this week\n5H ago\n"
            "Council says the harbour wall will be rebuilt before the summer, after a long and heated meeting.\n"
            "The leader said the cost would be met from the flood reserve, officials confirmed on Monday.\n10H ago\n"
            "Ferry fares to rise again, operator says\n12H ago",
        ),
        counter_examples=(
            "Updated 2 hours ago\nThe council said on Monday that the harbour wall would be rebuilt.",
            "2 hours ago\nThe council said the wall would be rebuilt.\n3 hours ago\n"
            "The leader said the cost would be met from the flood reserve.",
        ),
    ),
)

RULES_BY_ID: dict[str, FurnitureRule] = {r.id: r for r in RULES}
if len(RULES_BY_ID) != len(RULES):
    raise ValueError("furniture rule ids must be unique")
_LINE_RULES = sorted(
    (r for r in RULES if r.pattern is not None and not r.short and r.priority >= 10), key=lambda r: r.priority
)
# the hot loop: (id, bound search, keys), in priority order
_LINE_TESTS = [(r.id, r.pattern.search, r.keys) for r in _LINE_RULES]
_SHORT_RULES = sorted((r for r in RULES if r.short), key=lambda r: r.priority)

_CUE_WORDS = re.compile(r"\b(?:says|said|claims?|warns?|tells?|told|insists?|denies|vows?|according)\b", _I)
_HOME_CRUMB = re.compile(r"home\s*[>»›/|]\s*\w", _I)
_BREADCRUMB_SEP = re.compile(r"\s[>»›/|]\s|^\w+\s*[>»›]")  # a breadcrumb needs separators
_EARLY_DIGIT = re.compile(r"\d")
_STAMP_TOKEN = re.compile(r"[A-Za-z]+(?:\.[A-Za-z])*\.?|\d+")
_ABOUT = re.compile(r"^About\s+((?:[A-Z0-9][\w&.,’'-]*\s*){1,6})$")
_ABOUT_AUTHOR = re.compile(r"^(?:about the (?:author|writer|authors)|author bio(?:graphy)?)\s*:?\s*$", _I)
_CAPTION_LABEL = re.compile(r"^(?:image|photo|media|video|picture) caption\s*[,:]?\s*$", _I)
_WORD = re.compile(r"\w+")
_LABEL = re.compile(r"^[\w&’'/-]+(?:\s+[\w&’'/-]+)?$")
_SENTENCE_END = re.compile(r"[.!?:;\"”’)]\s*$")
_SUMMARY_HEADER = re.compile(rf"^{_alternation(SUMMARY_HEADERS)}\s*:?\s*$", _I)
_HEADLINE_END = re.compile(r"(?:[.!?:;\"”’]|[a-z]\))\s*$")
PROSE_BEFORE_COMMENTS = 200  # characters of article prose before a comment header may end the article
COMMENT_HEADER_CHARS = max(map(len, COMMENT_HEADERS)) + 12  # the longest header, with a count "12,345 " or "(12)"
COMMENT_EVIDENCE_LINES = 8  # a comment header ends the article only when comments show within these lines
_COMMENT_WIDGET = re.compile(
    r"^(?:reply|replies|sort by\b.*|newest|oldest|top comments|(?:log ?in|sign in) to (?:comment|reply)"
    r"|\d+\s+(?:likes?|replies|votes?|points))\s*$",
    _I,
)
HEADLINE_CHARS, HEADLINE_WORDS = 150, 20  # longer lines without a sentence end are not links to stories
_DATE_AT_TIME = re.compile(r"\d{4}\s+at\s+\d")  # article lines needed before a comment header may end the article


def _is_stamp(raw: str) -> bool:
    toks = _STAMP_TOKEN.findall(raw)
    if not toks or not any(t.isdigit() for t in toks):
        return False
    return all(t.isdigit() or t.lower().rstrip(".") in STAMP_WORDS for t in toks)


def _short_furniture(raw: str) -> str | None:
    if len(raw) > SHORT_LINE:
        return None
    if len(raw) <= 3 and RULES_BY_ID["rank"].pattern.match(raw):
        return "rank"
    if raw[-1] in '.!?"”’':
        # a sentence: only contact and sign-up lines among the short-line rules end like one
        low = raw.lower()
        if "contact" not in low and "sign up" not in low and "@" not in low:
            return None
    if _EARLY_DIGIT.search(raw, 0, 16) and _is_stamp(raw):
        return "timestamp"
    if _HOME_CRUMB.match(raw):
        return "breadcrumb"
    if _CUE_WORDS.search(raw):
        return None  # "By Tuesday the minister said ...", "Minister says X | World"
    for rule in _SHORT_RULES:
        if rule.pattern.match(raw) and (rule.id != "breadcrumb" or _BREADCRUMB_SEP.search(raw)):
            return rule.id
    return None


def _comment_author(raw: str, low: str, next_raw: str) -> bool:
    """'jdoe says:' over the comment's timestamp (an article's 'The minister said:' has a quotation under it)."""
    if not RULES_BY_ID["comment_author"].matches(raw, low):
        return False
    return _DATE_AT_TIME.search(low) is not None or _is_stamp(next_raw)


def _comments_follow(ahead: list[str]) -> bool:
    """Comments under a header show an author line, a timestamp or a reply button (a share bar shows none)."""
    for j, raw in enumerate(ahead):
        nxt = ahead[j + 1] if j + 1 < len(ahead) else ""
        if _is_stamp(raw) or _COMMENT_WIDGET.match(raw) or _comment_author(raw, raw.lower(), nxt):
            return True
    return False


def _words(s: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(s)}


def _is_prose(raw: str) -> bool:
    return len(raw) >= 40 and _SENTENCE_END.search(raw) is not None


_LETTER_WORD = re.compile(r"[^\W\d_][\w’'-]*")
TITLE_CASE_SHARE, TITLE_CASE_WORDS = 0.75, 3


def _title_case(raw: str) -> bool:
    """Headline capitals: of the words of four letters or more after the first (at least three of them), three in
    four or more start with a capital, and the line has no sentence end."""
    if len(raw) > HEADLINE_CHARS or _HEADLINE_END.search(raw):
        return False
    long = [w for w in _LETTER_WORD.findall(raw)[1:] if len(w) >= 4]
    return len(long) >= TITLE_CASE_WORDS and sum(w[0].isupper() for w in long) >= TITLE_CASE_SHARE * len(long)


def _headline_shaped(raw: str) -> bool:
    """A line that reads as a link to a story: a few words with no sentence end (a count '(185)' may follow)."""
    if len(raw) > HEADLINE_CHARS or _HEADLINE_END.search(raw):
        return False
    return 3 <= len(_WORD.findall(raw)) <= HEADLINE_WORDS


def first_by_priority(text: str, lines: list[Line]) -> list[Line]:
    """Overlap policy: rules in ascending priority, the first that matches names the line."""
    teaser_block = False
    trailing = False
    prev_content: Line | None = None
    caption_next = False
    bio_next = 0
    about: str | None = None
    prose = 0
    content = [(ln, raw) for ln in lines if (raw := text[ln.start : ln.end].strip())]  # blank lines end no block
    # title-case lines, whether they come before the first prose, and whether a paragraph follows them
    titles: list[tuple[Line, bool, bool]] = []
    for i, (ln, raw) in enumerate(content):
        if trailing:
            ln.furniture = "after_article"
            continue
        reason = None
        low = raw.lower()
        if RULES_BY_ID["reader_comments"].matches(raw, low):
            reason, trailing = "reader_comments", True
        elif ":" in raw and _comment_author(raw, low, content[i + 1][1] if i + 1 < len(content) else ""):
            reason, trailing = "comment_author", prose >= PROSE_BEFORE_COMMENTS
        elif len(raw) <= COMMENT_HEADER_CHARS and RULES_BY_ID["comment_section"].matches(raw, low):
            ahead = [r for _, r in content[i + 1 : i + 1 + COMMENT_EVIDENCE_LINES]]
            reason, trailing = "comment_section", prose >= PROSE_BEFORE_COMMENTS and _comments_follow(ahead)
        else:
            for rule_id, search, keys in _LINE_TESTS:
                if keys is not None:
                    for k in keys:
                        if k in low:
                            break
                    else:
                        continue  # no prefilter key in the line: the pattern cannot match
                if search(raw):
                    reason = rule_id
                    break
        if reason is None and caption_next and len(raw) < 240:
            reason = "caption"
        caption_next = reason is not None and _CAPTION_LABEL.match(raw) is not None
        if reason is None and about is not None:
            if raw.startswith(about):
                reason = "about_block"
            about = None
        if reason is None and bio_next:
            reason, bio_next = "author_bio_block", bio_next - 1
        if reason is None:
            reason = _short_furniture(raw)
            if reason is None and _ABOUT_AUTHOR.match(raw):
                reason, bio_next = "about_header", 2
            am = _ABOUT.match(raw) if reason is None else None
            if am:
                reason, about = "about_header", am.group(1).split()[0]
        if reason == "teaser_header" or reason == "source_trailer" and raw.endswith(":"):
            teaser_block = True
        elif reason is None and teaser_block and not _SENTENCE_END.search(raw) and len(raw) < 160:
            reason = "teaser_block"  # un-tagged headline links under a teaser header
        elif reason not in ("rank", "timestamp", "label"):
            teaser_block = reason in ("teaser_line", "teaser_prefix", "teaser_block", "truncated_teaser")
        if reason is None and _LABEL.match(raw) and not any(c.isdigit() for c in raw):
            reason = "label"
        if reason is None and _title_case(raw):
            heads = i + 1 < len(content) and _is_prose(content[i + 1][1])
            titles.append((ln, prose == 0, heads))
        if reason == "credit" and prev_content is not None and prev_content.furniture is None:
            # the caption is often duplicated just above the credited copy
            a, b = _words(text[prev_content.start : prev_content.end]), _words(raw)
            if a and len(a & b) >= 0.6 * len(a):
                prev_content.furniture = "caption"
        if reason is None and _is_prose(raw):
            prose += len(raw)
        ln.furniture = reason
        prev_content = ln
    _title_case_lines(titles, any_prose=prose > 0)
    _headline_runs(content)
    _stamped_items(content)
    return lines


def _title_case_lines(titles: list[tuple[Line, bool, bool]], *, any_prose: bool) -> None:
    """Title-case lines are headlines of other stories, except the article's own (the last one before its first
    prose line) and its section heads (a paragraph follows them). A text with no prose at all, a headline pasted
    alone, keeps them all."""
    if not any_prose:
        return
    own = max((i for i, (_, before_prose, _) in enumerate(titles) if before_prose), default=None)
    for i, (ln, _, heads_a_paragraph) in enumerate(titles):
        if i != own and not heads_a_paragraph and ln.furniture is None:
            ln.furniture = "title_case_line"


HEADLINE_RUN = 3


_AGO = re.compile(r"\bago\b", _I)
STAMPS_IN_A_LISTING, LINES_PER_ITEM = 3, 3


def _stamped_items(content: list[tuple[Line, str]]) -> None:
    """The lines between relative-time stamps ("5H ago") that come ``STAMPS_IN_A_LISTING`` or more in a chain, at
    most ``LINES_PER_ITEM`` lines apart: the items of a listing or a comment thread (the lines before the first
    stamp are left alone: they may be the article's)."""
    between: list[list[Line]] = []  # the lines between consecutive stamps of the chain
    since: list[Line] | None = None  # the lines since the chain's last stamp; None before the first

    def flush() -> None:
        if len(between) + 1 >= STAMPS_IN_A_LISTING:
            for item in between:
                for x in item:
                    x.furniture = "stamped_items"

    for ln, raw in content:
        if ("ago" in raw or "AGO" in raw or "Ago" in raw) and _AGO.search(raw) and _is_stamp(raw):
            if since is not None and len(since) <= LINES_PER_ITEM:
                between.append(since)
            else:
                flush()
                between = []
            since = []
        elif since is not None and ln.furniture is None:
            since.append(ln)
    flush()


TEASER_SUMMARY = 250  # a line this short between two headlines may be the first one's teaser text


def _headline_runs(content: list[tuple[Line, str]]) -> None:
    """Runs of ``HEADLINE_RUN`` or more headline-shaped lines are link lists.

    Furniture (timestamps, ranks, labels) does not break a run, nor does one short line between two headlines (a
    teaser's summary, flagged with them); a second line of prose or a summary header ("Key points", whose lines
    are the article's own) does."""
    run: list[Line] = []
    gap: list[Line] = []
    headlines = 0
    for ln, raw in [*content, (None, "")]:
        if ln is not None:
            if ln.furniture is not None and not _SUMMARY_HEADER.match(raw):
                continue
            if _headline_shaped(raw):
                run.extend(gap)
                run.append(ln)
                gap, headlines = [], headlines + 1
                continue
            # a line that ends with a colon introduces the article's own list: it is prose, not a teaser
            if run and not gap and ln.furniture is None and len(raw) <= TEASER_SUMMARY and not raw.endswith(":"):
                gap = [ln]
                continue
        if headlines >= HEADLINE_RUN:
            for item in run:
                item.furniture = "headline_list"
        run, gap, headlines = [], [], 0


OVERLAP_POLICY = first_by_priority


def classify_lines(text: str, lines: list[Line]) -> list[Line]:
    """Set ``furniture`` on the lines that are page furniture to the id of the rule that matched; returns ``lines``."""
    return OVERLAP_POLICY(text, lines)


# ------------------------------------------------------------------------------------- datelines
_MONTH_DATE = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?"
    r"(?:,?\s+\d{4})?"
)
_AGENCY = r"(?:\((?:[A-Z][\w.&]*(?:[ -][A-Z][\w.&]*){0,3})\)|/[A-Za-z][\w ]{1,24}/)"
_CITY = r"[A-Z][A-Z.’'-]{2,}(?:\s+[A-Z][A-Z.’'-]+){0,3}(?:,\s+[A-Z][\w.’'-]*\.?(?:\s+[A-Z][\w.’'-]*\.?)?){0,2}"
_TCITY = r"[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){0,2}(?:,\s+[A-Z][\w.’'-]*\.?){0,2}"
# "KYIV, Jan 5 (Reuters) - ", "WASHINGTON (AP) — ", "Feb 8 (Reuters) - ", "NEW DELHI: ", "LONDON — ",
# "SPRINGFIELD, Ore., April 2, 2024 /PRNewswire/ -- ", "Kyiv, Jan 5 (Reuters) - "
DATELINE = re.compile(
    r"\s*(?:"
    rf"{_CITY}(?:,?\s*{_MONTH_DATE})?\s*(?:{_AGENCY}\s*)?(?:-{{1,2}}|[—–])\s+"
    rf"|(?P<colon>{_CITY}(?:,?\s*{_MONTH_DATE})?\s*(?:{_AGENCY}\s*)?:\s+)"
    rf"|(?:{_TCITY},?\s*)?(?:{_MONTH_DATE}\s*)?{_AGENCY}\s*(?:-{{1,2}}|[—–:])\s+"
    rf"|{_MONTH_DATE}\s*(?:-{{1,2}}|[—–])\s+"
    r")(?=[\w“\"‘'(])"
)


def dateline_end(text: str, start: int, end: int, colon: bool = True) -> int:
    """End of a news dateline opening ``text[start:end]`` ("KYIV, Jan 5 (Reuters) - "), else ``start``.

    ``colon=False`` refuses the "NEW DELHI: " form (in transcripts "SMITH: " is a speaker)."""
    m = DATELINE.match(text, start, end)
    if m is None or m.end() >= end or not colon and m.group("colon"):
        return start
    return m.end()
