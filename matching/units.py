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
    # Temperatures (after "degrees" or right after the number: "48.8C"); converted with their offsets.
    **dict.fromkeys(("c", "celsius", "centigrade"), "degree_Celsius"),
    **dict.fromkeys(("f", "fahrenheit"), "degree_Fahrenheit"),
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
TEMPERATURES = frozenset({"degree_Celsius", "degree_Fahrenheit"})


@cache
def _registry():
    import pint

    registry = pint.UnitRegistry()
    registry.define("percentage_point = 1")
    registry.define("basis_point = 0.01 * percentage_point")
    return registry


def is_unit(word: str) -> bool:
    return word in UNIT_WORDS


def in_base_unit(value: float, word: str) -> tuple[float, str]:
    """(the value in the base unit of its kind, the kind) for a value in a unit word: (45, "days") -> (3888000,
    "duration"), (119.8, "fahrenheit") -> (48.8, "temperature")."""
    quantity = _registry().Quantity(value, UNIT_WORDS[word])
    if UNIT_WORDS[word] in TEMPERATURES:
        # In Celsius, not kelvin: figures compare within a share of themselves, and 2% of 313 K would make 35C 40C.
        return float(quantity.to("degree_Celsius").magnitude), "temperature"
    base = quantity.to_base_units()
    return float(base.magnitude), KINDS[str(base.units)]
