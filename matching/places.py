"""Which country a place word stands for: names, capitals and demonyms from countryinfo, plus our aliases file.

"Berlin had no plans to ..." and "Germany does not plan to ..." speak of the same actor, so the matching engine folds
every country, its capital and its demonym (German, Germans) to one canonical token ("@germany"). Pure Python.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from pathlib import Path

ALIASES_FILE = Path(__file__).resolve().parent / "data" / "place_aliases.tsv"
OFFICEHOLDERS_FILE = Path(__file__).resolve().parent / "data" / "officeholders.tsv"
PREFIX = "@"
# Stands for a multi-word place until the text is split into words: one word, capitalised, in no dictionary.
MARK = "Xplace"
# Ends the folded token of a multi-word capital ("New Delhi" -> "Xplaceindiaxcapital"): it is India, in one city.
CAPITAL_MARK = "xcapital"


def slug(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isalnum())


def _parts(value: str | list | None, separator: str) -> list[str]:
    """countryinfo gives a string, a separated string or a list, depending on the country."""
    values = value if isinstance(value, list) else (value or "").split(separator)
    return [part.strip() for item in values for part in str(item).split(separator) if part.strip()]


def _country_aliases() -> dict[str, set[str]]:
    """alias (lower case, multi-word kept whole) -> every country that countryinfo says it may stand for."""
    from countryinfo import all_countries

    found: dict[str, set[str]] = defaultdict(set)
    for country in all_countries():
        name = country.name()
        if not name or "," in name or "(" in name:
            continue
        found[name.lower()].add(name)
        for capital in _parts(country.capital(), "/"):
            found[capital.lower()].add(name)
        for demonym in _parts(country.demonym(), ","):
            demonym = demonym.lower()
            found[demonym].add(name)
            # "Ukrainians", "Israelis": the people, as often as the adjective.
            if demonym.endswith(("an", "i")):
                found[f"{demonym}s"].add(name)
    return found


def load_aliases(path: Path = ALIASES_FILE) -> dict[str, str]:
    aliases = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        alias, _, country = line.partition("\t")
        if not alias.strip() or not country.strip():
            raise ValueError(f"{path.name} line {number}: expected 'alias<TAB>country', got {line!r}")
        aliases[alias.strip().lower()] = country.strip()
    return aliases


def load_officeholders(path: Path = OFFICEHOLDERS_FILE) -> dict[str, tuple[str, str]]:
    """surname (lower case) -> (country, office), from lines 'surname<TAB>country<TAB>office'."""
    found = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = [part.strip() for part in line.split("\t")]
        if len(parts) != 3 or not all(parts):
            raise ValueError(f"{path.name} line {number}: expected 'surname<TAB>country<TAB>office', got {line!r}")
        found[parts[0].lower()] = (parts[1], parts[2])
    return found


@cache
def officeholders() -> dict[str, tuple[str, str]]:
    """surname -> (canonical country token, office): "zelensky" -> ("@ukraine", "president")."""
    return {name: (PREFIX + slug(country), office) for name, (country, office) in load_officeholders().items()}


@cache
def places() -> dict[str, str]:
    """alias -> canonical token. An alias countryinfo gives to two countries (Chinese: China, Macau) is dropped
    unless the aliases file says which one it means."""
    table = {alias: next(iter(names)) for alias, names in _country_aliases().items() if len(names) == 1}
    table |= load_aliases()
    return {alias: PREFIX + slug(country) for alias, country in table.items()}


@cache
def capitals() -> frozenset[str]:
    """Every capital countryinfo lists, lower case: a place named by its capital is a location as much as an actor."""
    from countryinfo import all_countries

    return frozenset(capital.lower() for country in all_countries() for capital in _parts(country.capital(), "/"))


@cache
def country_names() -> dict[str, str]:
    """canonical token -> the country's name as countryinfo or the aliases file spells it ("@germany" -> "Germany")."""
    from countryinfo import all_countries

    names = {PREFIX + slug(country.name()): country.name() for country in all_countries() if country.name()}
    for country in load_aliases().values():
        names.setdefault(PREFIX + slug(country), country)
    return names


@cache
def multiword_pattern() -> re.Pattern[str]:
    """Multi-word aliases (longest first), to be replaced by one token before the text is split into words."""
    phrases = sorted((alias for alias in places() if " " in alias or "." in alias), key=len, reverse=True)
    # Only a capitalised phrase is replaced, so the search skips every position where none could start (much faster
    # than trying each alternative there).
    return re.compile(
        rf"(?<!\w){_capital_start(phrases)}(" + "|".join(re.escape(p) for p in phrases) + r")(?!\w)", re.IGNORECASE
    )


def _capital_start(aliases: Iterable[str]) -> str:
    """A case-sensitive lookahead for the capitals these (lower-case) aliases can start with."""
    capitals = sorted({alias[0].upper() for alias in aliases if alias})
    return "(?-i:(?=[" + "".join(re.escape(c) for c in capitals) + "]))"


def fold_multiword(text: str) -> str:
    """'the United States and South Korea' -> 'the Xplaceunitedstates and Xplacesouthkorea' (see `place_of`)."""
    table = places()

    def replace(match: re.Match[str]) -> str:
        # Capitalised only: "The Valley" is Anguilla's capital, "the valley" is not.
        found = match.group()
        if not found[:1].isupper():
            return found
        return f" {MARK}{table[found.lower()][1:]}{CAPITAL_MARK if found.lower() in capitals() else ''} "

    return multiword_pattern().sub(replace, text)


@cache
def _place_word_pattern() -> re.Pattern[str]:
    """Words that may be a one-word place: capitalised with a capital some alias starts with (or MARK's)."""
    starts = _capital_start([*places(), MARK.lower()])
    return re.compile(rf"(?<![^\W_]){starts}[^\W\d_](?:[^\W_]|['’.-](?=[^\W_]))*")


def fold_to_country_names(text: str) -> str:
    """Every capitalised country, capital, demonym or metonym spelled as its country's name: "Berlin's envoy in
    Kyiv" -> "Germany envoy in Ukraine". Meant for sentence embeddings, which see "Berlin" and "Germany" apart."""
    names = country_names()

    def replace(match: re.Match[str]) -> str:
        word = match.group()
        bare = word[:-2] if word.lower().endswith("'s") else word
        place = place_of(bare.lower()) if bare[:1].isupper() else None
        return names.get(place, word) if place else word

    return _place_word_pattern().sub(replace, fold_multiword(text))


@cache
def _officeholder_pattern() -> re.Pattern[str]:
    names = sorted(load_officeholders(), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(name) for name in names) + r")(?![\w-])", re.IGNORECASE)


def fold_officeholders(text: str) -> str:
    """Each capitalised surname of officeholders.tsv preceded by its office: "Scholz visited" -> "Germany chancellor
    Scholz visited". Meant for sentence embeddings, which see "Scholz" and "the German chancellor" apart."""
    names, holders = country_names(), officeholders()

    def replace(match: re.Match[str]) -> str:
        word = match.group()
        if not word[:1].isupper():
            return word
        country, office = holders[word.lower()]
        return f"{names.get(country, '')} {office} {word}"

    return _officeholder_pattern().sub(replace, text)


def place_of(token: str) -> str | None:
    """The canonical place token of one lower-cased word (or a folded multi-word alias), or None."""
    if token.startswith(MARK.lower()):
        return PREFIX + token[len(MARK) :].removesuffix(CAPITAL_MARK)
    return places().get(token)
