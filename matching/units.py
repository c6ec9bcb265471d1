"""Figures with units, in one unit per kind of quantity: "45 days" and "six and a half weeks" are one span of time,
"6.1 million km" and "3.8 million miles" one distance, "600 basis points" and "six percentage points" one move.

Outlets convert units when they reword a claim (miles for kilometres, weeks for days); the numbers guard should see
one figure. Pint does the conversions; this module only says which words after a number are units. Pure Python.
"""

from __future__ import annotations

from functools import cache

# A word right after a number -> the Pint unit it names. Only words that are units wherever they follow a number:
# not "m" (million), "pounds" (money) or "points" (scores). "Tons" in the news are metric tonnes more often than not.
UNIT_WORDS = {
    **dict.fromkeys(("hour", "hours", "hr", "hrs"), "hour"),
    **dict.fromkeys(("day", "days"), "day"),
    **dict.fromkeys(("week", "weeks"), "week"),
    **dict.fromkeys(("month", "months"), "month"),
    **dict.fromkeys(("year", "years"), "year"),
    **dict.fromkeys(("km", "kms", "kilometre", "kilometres", "kilometer", "kilometers"), "kilometer"),
    **dict.fromkeys(("mile", "miles"), "mile"),
    **dict.fromkeys(("metre", "metres", "meter", "meters"), "meter"),
    **dict.fromkeys(("feet", "foot", "ft"), "foot"),
    **dict.fromkeys(("kg", "kgs", "kilogram", "kilograms", "kilo", "kilos"), "kilogram"),
    **dict.fromkeys(("lb", "lbs"), "pound"),
    **dict.fromkeys(("tonne", "tonnes", "ton", "tons"), "tonne"),
    **dict.fromkeys(("hectare", "hectares", "ha"), "hectare"),
    **dict.fromkeys(("acre", "acres"), "acre"),
    **dict.fromkeys(("litre", "litres", "liter", "liters"), "liter"),
    **dict.fromkeys(("gallon", "gallons"), "gallon"),
    **dict.fromkeys(("barrel", "barrels"), "oil_barrel"),
    "mph": "mile / hour",
    "kph": "kilometer / hour",
    # engine.PHRASES writes "percentage points" and "basis points" as these.
    "pp": "percentage_point",
    "bp": "basis_point",
}
# The word a claim gets for the kind of quantity, by its base units (what the unit word was).
KINDS = {
    "second": "duration",
    "meter": "distance",
    "kilogram": "weight",
    "meter ** 2": "area",
    "meter ** 3": "volume",
    "meter / second": "speed",
    "dimensionless": "points",
}


@cache
def _registry():
    import pint

    registry = pint.UnitRegistry()
    registry.define("percentage_point = 1")
    registry.define("basis_point = 0.01 * percentage_point")
    return registry


@cache
def unit(word: str) -> tuple[float, str] | None:
    """(factor to the base unit, kind of quantity) for a unit word, or None: "weeks" -> (604800, "duration")."""
    name = UNIT_WORDS.get(word)
    if name is None:
        return None
    base = _registry().Quantity(1, name).to_base_units()
    return float(base.magnitude), KINDS[str(base.units)]
