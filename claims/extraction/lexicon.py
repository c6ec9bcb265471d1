"""Attribution and speaker lexicons: the DATA of the rule-based extractor.

Extend the tables here; the regexes used by the stages are compiled from them once at import.

* ``CUE_VERBS``: lemma -> (inflections, class).  Classes give the base confidence and the way
  the content is found: "speech" (say, tell, claim...), "belief" (believe, estimate, expect...),
  "report" (report, find, show: documents and studies).
* ``CUE_PHRASES``: multi-word verbal cues ("point out", "make clear").
* ``NOUN_CUES``: "X's claim that Y", "the ministry's assessment that Y".
* ``RECIPIENTS``: what may follow "told"/"assured" before the content ("told reporters").
* titles, honorifics and entity-kind lexicons used by speaker resolution.
"""

from __future__ import annotations

import re


def _wordlist(words: str) -> list[str]:
    return words.split()

# ---------------------------------------------------------------------------------- cue verbs
# lemma: (space-separated inflections, class)
CUE_VERBS: dict[str, tuple[str, str]] = {
    "say": ("say says said saying", "speech"),
    "tell": ("tell tells told telling", "speech"),
    "add": ("add adds added adding", "speech"),
    "claim": ("claim claims claimed claiming", "speech"),
    "announce": ("announce announces announced announcing", "speech"),
    "warn": ("warn warns warned warning", "speech"),
    "vow": ("vow vows vowed vowing", "speech"),
    "pledge": ("pledge pledges pledged pledging", "speech"),
    "promise": ("promise promises promised promising", "speech"),
    "assure": ("assure assures assured assuring", "speech"),
    "stress": ("stress stresses stressed stressing", "speech"),
    "write": ("write writes wrote writing written", "speech"),
    "insist": ("insist insists insisted insisting", "speech"),
    "deny": ("deny denies denied denying", "speech"),
    "indicate": ("indicate indicates indicated indicating", "speech"),
    "state": ("state states stated stating", "speech"),
    "declare": ("declare declares declared declaring", "speech"),
    "confirm": ("confirm confirms confirmed confirming", "speech"),
    "argue": ("argue argues argued arguing", "speech"),
    "explain": ("explain explains explained explaining", "speech"),
    "note": ("note notes noted noting", "speech"),
    "suggest": ("suggest suggests suggested suggesting", "belief"),
    "predict": ("predict predicts predicted predicting", "belief"),
    "acknowledge": ("acknowledge acknowledges acknowledged acknowledging", "speech"),
    "admit": ("admit admits admitted admitting", "speech"),
    "allege": ("allege alleges alleged alleging", "speech"),
    "assert": ("assert asserts asserted asserting", "speech"),
    "contend": ("contend contends contended contending", "speech"),
    "maintain": ("maintain maintains maintained maintaining", "speech"),
    "reiterate": ("reiterate reiterates reiterated reiterating", "speech"),
    "repeat": ("repeat repeats repeated repeating", "speech"),
    "recall": ("recall recalls recalled recalling", "speech"),
    "emphasize": ("emphasize emphasizes emphasized emphasizing emphasise emphasises emphasised emphasising",
                  "speech"),
    "caution": ("caution cautions cautioned cautioning", "speech"),
    "complain": ("complain complains complained complaining", "speech"),
    "concede": ("concede concedes conceded conceding", "speech"),
    "conclude": ("conclude concludes concluded concluding", "report"),
    "disclose": ("disclose discloses disclosed disclosing", "speech"),
    "reveal": ("reveal reveals revealed revealing", "speech"),
    "testify": ("testify testifies testified testifying", "speech"),
    "rule": ("rule rules ruled ruling", "speech"),
    "tweet": ("tweet tweets tweeted tweeting", "speech"),
    "post": ("posted", "speech"),
    "report": ("report reports reported reporting", "report"),
    "find": ("find finds found", "report"),
    "show": ("show shows showed shown", "report"),
    "estimate": ("estimate estimates estimated estimating", "belief"),
    "believe": ("believe believes believed believing", "belief"),
    "think": ("think thinks thought", "belief"),
    "expect": ("expect expects expected expecting", "belief"),
    "anticipate": ("anticipate anticipates anticipated anticipating", "belief"),
    "hope": ("hope hopes hoped", "belief"),
    "fear": ("fear fears feared", "belief"),
    "worry": ("worry worries worried", "belief"),
    "doubt": ("doubt doubts doubted", "belief"),
    "feel": ("feel feels felt", "belief"),
    "reckon": ("reckon reckons reckoned", "belief"),
    "agree": ("agree agrees agreed", "speech"),
    "reply": ("reply replies replied replying", "speech"),
    "respond": ("respond responds responded", "speech"),
    "retort": ("retort retorts retorted", "speech"),
    "remark": ("remark remarks remarked", "speech"),
    "observe": ("observe observes observed", "speech"),
    "mention": ("mention mentions mentioned", "speech"),
    "boast": ("boast boasts boasted boasting", "speech"),
    "counter": ("countered counters", "speech"),
    "ask": ("ask asks asked asking", "speech"),
    "threaten": ("threaten threatens threatened threatening", "speech"),
    "accuse": ("accuse accuses accused accusing", "speech"),
    "charge": ("charged", "speech"),
    "urge": ("urge urges urged urging", "speech"),
    "demand": ("demand demands demanded demanding", "speech"),
    "propose": ("propose proposes proposed proposing", "speech"),
    "continue": ("continue continues continued", "speech"),  # only before ':' (quote continuation)
    "proclaim": ("proclaim proclaims proclaimed", "speech"),
    "affirm": ("affirm affirms affirmed", "speech"),
    "signal": ("signal signals signaled signalled", "belief"),
    "hint": ("hint hints hinted", "belief"),
    "speculate": ("speculate speculates speculated", "belief"),
    "calculate": ("calculate calculates calculated", "belief"),
    "project": ("projected", "belief"),
    "forecast": ("forecast forecasts forecasted", "belief"),
}

# verbs that only count when the content follows a colon or a quotation ("continued: '...'")
COLON_ONLY = {"continue", "continues", "continued", "post", "posted", "ask", "asks", "asked", "asking"}
# verbs whose object is usually a noun phrase, not a statement: need "that", a colon, a quote, or "to"
NEEDS_COMPLEMENTIZER = {
    "accuse", "charge", "urge", "demand", "propose", "threaten", "agree", "reply", "respond", "retort",
    "remark", "mention", "observe", "boast", "counter", "recall", "repeat", "reiterate", "maintain",
    "note", "stress", "emphasize", "reveal", "disclose", "confirm", "deny", "indicate", "announce", "report",
    "find", "show", "signal", "hint", "expect", "hope", "fear", "worry", "doubt", "estimate", "promise",
    "pledge", "vow", "proclaim", "affirm", "conclude", "complain", "caution", "testify", "calculate",
    "project", "forecast", "speculate", "tweet", "rule", "anticipate", "assure", "warn", "acknowledge", "admit",
    "explain",
    "declare", "state", "continue", "post", "ask",
}
# verbs that may take "to"-infinitive content ("claimed to have taken", "vowed to deliver")
TAKES_INFINITIVE = {"claim", "vow", "pledge", "promise", "threaten", "deny", "agree", "expect", "hope"}
# verbs that take a recipient before the content ("told reporters that", "assured them that")
TAKES_RECIPIENT = {"tell", "assure", "warn", "remind", "promise", "urge", "ask", "inform"}

LEMMA_OF: dict[str, str] = {}
CLASS_OF: dict[str, str] = {}
for _lemma, (_forms, _cls) in CUE_VERBS.items():
    for _f in _forms.split():
        LEMMA_OF[_f] = _lemma
        CLASS_OF[_f] = _cls

CUE_PHRASES = {
    "point out": "speech", "points out": "speech", "pointed out": "speech", "pointing out": "speech",
    "made clear": "speech", "makes clear": "speech", "made it clear": "speech",
    "went on to say": "speech", "goes on to say": "speech",
    "expressed doubt": "belief", "expressed hope": "belief", "expressed concern": "belief",
    "expressed confidence": "belief", "expressed fear": "belief",
    "is quoted as saying": "speech", "was quoted as saying": "speech", "were quoted as saying": "speech",
    "told a news conference": "speech", "told a press conference": "speech", "told a briefing": "speech",
}

# --------------------------------------------------------------------------------- noun cues
NOUN_CUES = _wordlist(
    "claim claims statement statements assessment assertion allegation allegations announcement warning "
    "promise pledge belief view argument insistence suggestion prediction estimate report finding "
    "findings conclusion denial comments remarks position contention accusation charge testimony "
    "acknowledgement admission message insinuation "
)

# "according to X", "as X put it", "in the words of X", "citing X"
ACCORDING_RE = re.compile(r"\b(?:according to|as (?=\w+(?: \w+){0,4} (?:put it|noted|said|says))|"
                          r"in the words of)\s+", re.IGNORECASE)

# things allowed between the cue and the content (time, channel, recipient)
RECIPIENTS = (
    r"reporters|journalists|the press|the media|lawmakers|parliament|legislators|senators|supporters|"
    r"the crowd|a crowd|an audience|the audience|the court|the jury|the committee|the conference|"
    r"analysts|investors|officers|investigators|detectives|deputies|agents|police|paramedics|shareholders|employees|staff|workers|residents|students|parents|viewers|listeners|"
    r"readers|delegates|members|colleagues|donors|voters|fans|followers|officials|diplomats|"
    r"a (?:news|press) conference|the (?:news|press) conference|a briefing|a news briefing|a press briefing|"
    r"(?:the |a )?[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,3}|him|her|them|us|me|you|his \w+|her \w+|their \w+|"
    r"the [a-z]+(?: [a-z]+)?|(?:host|anchor|moderator|interviewer|radio host|talk show host)\s+[A-Z][\w.’'-]*"
    r"(?:\s+[A-Z][\w.’'-]*){0,3}"
)

TIME_WORDS = (
    r"(?:on |late |early |last |this |next )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?: (?:morning|afternoon|evening|night))?|yesterday|today|tonight|last (?:week|month|year|night)|"
    r"this (?:week|month|year|morning|afternoon|evening)|earlier|later|recently|previously|again|also|"
    r"repeatedly|separately|publicly|privately|then|now|already|once|on (?:\w+ )?\d{1,2}(?:st|nd|rd|th)?|"
    r"on (?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"(?: \d{1,2}(?:st|nd|rd|th)?)?(?:, \d{4})?|in (?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)|overnight|late|early"
)

# ------------------------------------------------------------------------------- speakers
HONORIFICS = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "lord", "lady", "rev", "fr", "hon",
    "sen", "rep", "gov", "gen", "lt", "col", "maj", "capt", "sgt", "cpl", "pvt", "adm", "brig", "cmdr",
    "messrs", "mme", "madam", "herr", "frau", "sheikh", "judge", "justice", "mayor", "senator",
    "representative", "congressman", "congresswoman", "governor", "president", "premier", "chancellor",
    "minister", "secretary", "ambassador", "general", "colonel", "major", "captain", "sergeant",
    "lieutenant", "admiral", "commander", "king", "queen", "prince", "princess", "pope", "cardinal",
    "bishop", "father", "rabbi", "imam", "chief", "director", "spokesman", "spokeswoman", "spokesperson",
    "jr", "sr",
}

# head nouns of person roles ("Kremlin spokesman", "governor of Donetsk", "White House communications director")
PERSON_TITLES = {
    "spokesman", "spokeswoman", "spokesperson", "minister", "secretary", "president", "premier",
    "chancellor", "governor", "mayor", "leader", "chief", "head", "director", "negotiator", "ambassador",
    "envoy", "official", "adviser", "advisor", "general", "commander", "senator", "representative",
    "lawmaker", "chairman", "chairwoman", "chair", "ceo", "founder", "analyst", "expert", "economist",
    "professor", "researcher", "scientist", "deputy", "aide", "king", "queen", "prince",
    "candidate", "nominee", "justice", "judge", "prosecutor", "attorney", "lawyer", "colonel", "major",
    "captain", "sergeant", "lieutenant", "admiral", "officer", "soldier", "resident", "witness", "source",
    "manager", "executive", "president-elect", "vice", "congressman", "congresswoman", "strategist",
    "pollster", "correspondent", "reporter", "editor", "columnist", "author", "activist", "campaigner",
    "owner", "worker", "doctor", "nurse", "teacher", "student", "mother", "father", "son", "daughter",
    "wife", "husband", "friend", "neighbour", "neighbor", "woman", "man", "diplomat", "politician",
    "monarch", "dictator", "strongman", "emir", "sheikh", "pope", "bishop", "cardinal", "priest",
    "operative", "staffer", "campaign manager", "striker", "midfielder", "defender", "goalkeeper", "winger",
    "forward", "coach", "boss", "skipper", "player", "quarterback", "pitcher", "keeper", "referee", "umpire",
    "coordinator", "commissioner", "inspector", "administrator",
}
HEAD_OF_STATE = {"president", "premier", "prime minister", "leader", "chancellor", "head of state", "monarch"}

PRONOUNS = {
    "he": "m", "him": "m", "she": "f", "her": "f", "they": "p", "them": "p", "it": "n",
    "we": "p", "i": "s", "you": "s",
}

MEDIA = {
    "afp", "reuters", "ap", "associated press", "tass", "ria", "ria novosti", "interfax", "bbc", "cnn",
    "xinhua", "the post", "post", "the times", "times", "bloomberg", "dpa", "efe", "ansa", "kyodo",
    "yonhap", "al jazeera", "sky news", "fox news", "nbc", "abc", "cbs", "msnbc", "npr", "politico",
    "axios", "the guardian", "guardian", "the telegraph", "telegraph", "the economist", "new york times",
    "the new york times", "washington post", "the washington post", "wall street journal",
    "the wall street journal", "financial times", "le monde", "der spiegel", "spiegel", "ukrinform",
    "unian", "rt", "sputnik", "novaya gazeta", "kommersant", "izvestia", "breitbart", "cnbc", "the hill",
    "daily mail", "the sun", "express", "the independent", "usa today", "buzzfeed", "vox", "huffpost",
}
MEDIA_WORDS = {"newspaper", "agency", "agencies", "media", "outlet", "outlets", "channel", "broadcaster",
               "tv", "television", "radio", "magazine", "daily", "tabloid", "journal", "press", "reporters",
               "journalists", "correspondent", "website", "blog"}
MILITARY_WORDS = {"military", "army", "navy", "air force", "forces", "troops", "soldiers", "soldier",
                  "defence ministry", "defense ministry", "ministry of defence", "ministry of defense",
                  "defense department", "pentagon", "general staff", "command", "commander", "commanders",
                  "brigade", "battalion", "regiment", "militia", "militias", "separatists", "separatist",
                  "rebels", "rebel", "fighters", "militants", "insurgents", "mod", "marines", "guard",
                  "armed forces", "border guards", "border guard", "defence", "defense", "wagner", "idf",
                  "hamas", "hezbollah", "taliban"}
GOVERNMENT_WORDS = {"kremlin", "white house", "downing street", "elysee", "élysée", "government",
                    "ministry", "ministries", "department", "office", "administration", "cabinet",
                    "presidency", "parliament", "congress", "senate", "house", "duma", "state department",
                    "foreign ministry", "authorities", "officials", "official", "police", "prosecutors",
                    "prosecutor", "court", "council", "embassy", "agency", "commission", "regulator",
                    "city hall", "governor's office", "treasury", "fbi", "cia", "nsa", "doj", "fda",
                    "cdc", "epa", "customs", "spokesman", "spokeswoman", "spokesperson"}
ORG_WORDS = {"un", "united nations", "nato", "imf", "international monetary fund", "world bank", "eu",
             "european union", "european commission", "g7", "g20", "who", "world health organization",
             "osce", "iaea", "red cross", "icrc", "amnesty", "amnesty international", "human rights watch",
             "unicef", "unhcr", "opec", "wto", "company", "firm", "group", "organisation", "organization",
             "union", "association", "institute", "foundation", "party", "campaign", "committee",
             "university", "bank", "corporation", "inc", "corp", "ltd", "council", "coalition", "alliance",
             "network", "centre", "center", "study", "survey", "poll", "report", "society", "club",
             "board", "fund", "charity", "ngo", "team"}
# Capital cities and countries used metonymically for governments ("Moscow said", "Kyiv denied")
COUNTRIES_CAPITALS = set(_wordlist(
    "afghanistan albania algeria argentina armenia australia austria azerbaijan bahrain bangladesh "
    "belarus belgium bolivia bosnia brazil britain bulgaria cambodia cameroon canada chile china colombia "
    "croatia cuba cyprus czechia denmark ecuador egypt england estonia ethiopia finland france georgia "
    "germany ghana greece hungary iceland india indonesia iran iraq ireland israel italy japan jordan "
    "kazakhstan kenya kosovo kuwait kyrgyzstan latvia lebanon libya lithuania luxembourg malaysia mali "
    "mexico moldova mongolia morocco myanmar nepal netherlands nigeria norway pakistan palestine panama "
    "peru philippines poland portugal qatar romania russia rwanda scotland serbia singapore slovakia "
    "slovenia somalia spain sudan sweden switzerland syria taiwan tajikistan tanzania thailand tunisia "
    "turkey turkmenistan uganda ukraine uzbekistan venezuela vietnam wales yemen zimbabwe us usa uk u.s. "
    "u.k. america washington moscow kyiv kiev beijing london paris berlin tokyo ankara tehran damascus "
    "baghdad kabul minsk warsaw rome madrid brussels ottawa canberra delhi new delhi islamabad riyadh "
    "cairo jerusalem tel aviv seoul pyongyang taipei hanoi manila jakarta brasilia budapest prague vienna "
    "bern stockholm oslo helsinki copenhagen athens lisbon dublin bucharest sofia belgrade zagreb vilnius "
    "riga tallinn chisinau tbilisi yerevan baku astana tashkent beijing havana caracas bogota lima "
    "santiago buenos aires mexico city pretoria nairobi lagos abuja addis ababa khartoum tripoli tunis "
    "algiers rabat doha abu dhabi dubai muscat amman beirut "
)) | {"united states", "united kingdom", "south korea", "north korea", "saudi arabia",
                "new zealand", "south africa", "czech republic", "european union"}

NATIONALITIES = set(_wordlist(
    "american british russian ukrainian chinese french german italian spanish polish turkish iranian "
    "israeli syrian iraqi afghan indian pakistani japanese korean canadian australian mexican brazilian "
    "belarusian chechen georgian armenian saudi egyptian hungarian romanian czech dutch belgian swedish "
    "finnish norwegian danish greek serbian croatian lithuanian latvian estonian moldovan kazakh uzbek "
    "palestinian lebanese jordanian qatari emirati venezuelan cuban nigerian kenyan western eastern "
    "european soviet us u.s. uk u.k. "
))

DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our",
               "my", "your", "some", "many", "several", "other", "another", "one", "two", "three", "both",
               "all", "most", "few", "each", "every", "any"}
