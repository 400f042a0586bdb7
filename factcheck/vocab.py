"""The words factcheck reads figures by, in one place: extraction, grouping and labels all use these.

General English only. A word belongs here because news prose uses it that way everywhere, never
because one article does.
"""

from __future__ import annotations

import re
from functools import cache

# What is counted, normalised: the words that say it, as lemmas. Words of one meaning share a
# topic: wounded/injured/hurt are "injured", dead/killed/fatality are "killed".
TOPIC_LEMMAS: dict[str, str] = {
    **dict.fromkeys(
        "kill dead die death fatality murder slay slain fatal body life".split(), "killed"
    ),
    **dict.fromkeys("injure injured injury wound wounded hurt".split(), "injured"),
    **dict.fromkeys(
        "hospitalize hospitalise hospitalized hospitalised treat".split(), "hospitalized"
    ),
    **dict.fromkeys("arrest detain detention apprehend custody".split(), "arrested"),
    "raid": "raids",
    **dict.fromkeys("shoot shot gunshot".split(), "shot"),
    **dict.fromkeys("miss missing".split(), "missing"),
    **dict.fromkeys("displace displaced homeless evacuate evacuee flee".split(), "displaced"),
    **dict.fromkeys("charge indict".split(), "charged"),
    "casualty": "casualties",
    "victim": "victims",
    "rescue": "rescued",
    **dict.fromkeys("strike airstrike".split(), "strikes"),
}
# Verbs that name a topic only as verbs ("350 people were sheltering"; "12 shelters" counts
# buildings), and the objects of light verbs that do ("taking shelter", "sought refuge").
VERB_TOPICS = {"shelter": "displaced"}
LIGHT_VERB_OBJECTS = {"shelter": "displaced", "refuge": "displaced"}
LIGHT_VERBS = frozenset("take seek find".split())
# Verbs that name a topic when what they count is people: "nabbed 26 pirates" are arrested,
# "nabbed six rifles" are seized.
PERSON_VERB_TOPICS = {"nab": "arrested", "capture": "arrested", "round": "arrested"}
# Topics that count people: a generic "people" and a named kind of person ("demonstrators",
# "patrons") can state the same figure for these.
HUMAN_TOPICS = frozenset(
    "killed injured hospitalized arrested shot missing displaced charged casualties victims "
    "rescued".split()
)
# A participle or adjective right after a figure names the topic whatever the parse says:
# "at least 129 dead and over 350 injured".
TOPIC_AFTER: dict[str, str] = {
    "dead": "killed",
    "killed": "killed",
    "dying": "killed",
    "injured": "injured",
    "wounded": "injured",
    "hurt": "injured",
    "missing": "missing",
    "arrested": "arrested",
    "detained": "arrested",
    "displaced": "displaced",
    "homeless": "displaced",
    "shot": "shot",
    "hospitalized": "hospitalized",
    "hospitalised": "hospitalized",
    "charged": "charged",
}
# Words between a figure and its participle that do not change what is counted.
FILLERS = frozenset(
    "people persons others other more person were was are have had been being".split()
)
# Counted nouns that say nothing about what is counted.
GENERIC_NOUNS = frozenset("people person other individual one more number total".split())
# Nouns for the people an event gathered or affected, all of them: "46 demonstrators were
# arrested" counts the same people as "46 people were arrested".
PERSON_NOUNS = frozenset(
    """attendee bystander clubgoer customer demonstrator guest hostage marcher mourner
    partygoer passenger patron pedestrian person protester protestor reveler reveller resident
    rioter shopper spectator tourist visitor""".split()
)
# Nouns for a kind of person: counted apart ("no children were hurt" is not "no one was hurt";
# civilians are the people who are not soldiers, police or fighters).
DEMOGRAPHIC_NOUNS = frozenset(
    """adult baby boy child civilian girl inmate kid man minor patient student teen teenager woman worker
    employee youth fan member victim""".split()
)
# Nouns for a person by kinship or acquaintance: "his son, 11,", "a neighbour, 62,".
KIN_NOUNS = frozenset(
    """son daughter brother sister mother father wife husband grandmother grandfather grandson
    granddaughter nephew niece cousin uncle aunt stepson stepdaughter stepfather stepmother
    boyfriend girlfriend fiance fiancee friend neighbor neighbour toddler infant""".split()
)
# Counted nouns that say what is counted through a topic: "9,000 refugees" are displaced.
NOUN_TOPICS = {"refugee": "displaced", "evacuee": "displaced"}
# People counted by their office or side: a part that stories count apart from "people".
ROLE_NOUNS = frozenset(
    """officer policeman policemen deputy trooper agent soldier troop firefighter guard militant
    fighter gunman shooter suspect attacker assailant bomber rebel insurgent sailor marine pilot
    crew crewman paramedic nurse doctor journalist reporter official pirate brigand robber thief
    smuggler looter""".split()
)
# "the same": counted nouns that are one thing under two words.
NOUN_SYNONYMS = {
    # who did it: "two shooters" and "at least two gunmen" count the same people
    **dict.fromkeys("gunman shooter attacker assailant".split(), "attacker"),
    "quake": "earthquake",
    "tremor": "earthquake",
    "temblor": "earthquake",
    "bullet": "round",
    "gunshot": "shot",
    "teenager": "teen",
    "protestor": "protester",
    "reveller": "reveler",
}
# A patient's state: "six remained in critical condition" counts those in it.
CONDITION_WORDS = {
    "critical": "critical",
    "serious": "serious",
    "grave": "critical",
    "stable": "stable",
    "fair": "fair",
    "good": "good",
}
# How badly: a count of the critically wounded is a part of the wounded, never the same figure.
# ("Fatally" is not a degree: a count of the fatally wounded is a count of the dead.)
DEGREE_WORDS = {
    "critically": "critical",
    "critical": "critical",
    "seriously": "serious",
    "serious": "serious",
    "severely": "serious",
    "severe": "serious",
    "gravely": "critical",
    "grave": "critical",
    "slightly": "minor",
    "minor": "minor",
    "lightly": "minor",
}
# Modifiers that say nothing about which things are counted.
NEUTRAL_MODIFIERS = frozenset(
    "other more additional further least total such many several some few same new".split()
)

TIME_UNITS: dict[str, str] = {
    **dict.fromkeys(("second", "seconds", "secs"), "second"),
    **dict.fromkeys(("minute", "minutes", "mins"), "minute"),
    **dict.fromkeys(("hour", "hours", "hrs"), "hour"),
    **dict.fromkeys(("day", "days"), "day"),
    **dict.fromkeys(("night", "nights"), "night"),
    **dict.fromkeys(("week", "weeks"), "week"),
    **dict.fromkeys(("month", "months"), "month"),
    **dict.fromkeys(("year", "years"), "year"),
    **dict.fromkeys(("decade", "decades"), "decade"),
    **dict.fromkeys(("century", "centuries"), "century"),
}
# The same words as regular-expression alternatives, longest first
TOPIC_AFTER_PATTERN = "|".join(sorted(map(re.escape, TOPIC_AFTER), key=len, reverse=True))
TIME_UNIT_PATTERN = "|".join(
    sorted(map(re.escape, set(TIME_UNITS.values())), key=len, reverse=True)
)
# Seconds in each unit, so "15-minute" and "a quarter of an hour" compare. Months and years are
# the calendar's averages: a duration stated in months is never that precise anyway.
SECONDS = {
    "second": 1.0,
    "minute": 60.0,
    "hour": 3_600.0,
    "day": 86_400.0,
    "night": 86_400.0,
    "week": 604_800.0,
    "month": 2_629_746.0,
    "year": 31_556_952.0,
    "decade": 315_569_520.0,
    "century": 3_155_695_200.0,
}

CURRENCY_WORDS = {
    "dollar": "USD",
    "dollars": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "rupee": "INR",
    "rupees": "INR",
    "rupiah": "IDR",
    "rial": "IRR",
    "rials": "IRR",
    "shekel": "ILS",
    "shekels": "ILS",
    "cents": "cent",
    "cent": "cent",
}

# Nouns that name an event a figure can belong to; a subject that is a person or an agency
# ("police", "a gunman") is who acted, not what happened.
EVENT_NOUNS = frozenset(
    "attack assault ambush shooting shootout massacre rampage spree bombing blast explosion "
    "strike airstrike raid quake earthquake aftershock tsunami storm hurricane typhoon cyclone "
    "flood fire wildfire crash collision derailment accident incident violence clash riot "
    "fighting battle war conflict siege standoff stampede collapse landslide eruption outbreak "
    "epidemic killing slaying murder firebomb disaster tragedy protest operation gunfight "
    "firefight".split()
)
# Event nouns of one meaning: "a 15-minute rampage" and "the spree lasted 10 minutes".
EVENT_SYNONYMS = {
    "spree": "rampage",
    "quake": "earthquake",
    "tremor": "earthquake",
    "temblor": "earthquake",
    "shootout": "gunfight",
    "firefight": "gunfight",
    "blast": "explosion",
    "slaying": "killing",
    "airstrike": "strike",
}
# Which occurrence, when a story has several events of a kind: "the first quake", "the second".
ORDINAL_WORDS = {
    "first": 0,
    "initial": 0,
    "main": 0,
    "second": 1,
    "third": 2,
    "fourth": 3,
    "fifth": 4,
}
# In order: Monday is 0, as `datetime.weekday` counts.
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_ABBREVIATIONS = {w[:3]: i for i, w in enumerate(WEEKDAYS)} | {
    "tues": 1,
    "thur": 3,
    "thurs": 3,
}

# Verbs that say a figure changed: "the toll rose to 24" is a later figure of the same fact.
CHANGE_VERBS = re.compile(
    r"\b(?:rose|risen|rises|climbed|climbs|increased|jumped|reached|grew|"
    r"now stands|has risen|toll (?:is|was|stood|stands)|updated|revised|raised)\b",
    re.I,
)
# Words of change before or after a figure: "rose by 3" is a change, "rose to 132" a level.
CHANGE_UP = (
    r"rose|rise|rises|rising|risen|increased?|increases|increasing|grew|grow|grows|growing|"
    r"climbed?|climbs|climbing|jumped?|jumps|jumping|gained?|gains|gaining|surged?|surges|"
    r"surging|soared?|soars|soaring|up|higher|boosted?|spiked?|rallied|rallying|advanced?|"
    r"advancing"
)
CHANGE_DOWN = (
    r"fell|fall|falls|falling|fallen|dropped|drops?|dropping|declined?|declines|declining|"
    r"decreased?|decreases|decreasing|slipped|slips?|slipping|slid|slides?|sliding|lost|"
    r"loses?|losing|plunged?|plunges|plunging|plummeted|plummeting|tumbled?|tumbling|sank|"
    r"sinks?|sinking|down|lower|cut|cuts|shed|sheds|shedding|shrank|shrinks?|shrinking|"
    r"eased|easing|dipped|dips?|dipping|slumped?|slumping|slashed"
)
# A year as news prose writes one.
YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
YEAR_NUMBER = re.compile(r"(?:1[89]|20)\d\d")

# The words of numbers, read by the grammar of figures (numbers.py) and by the sentence
# pre-filter (sentences.py) alike, so a sentence with "trillion" or "twelfth" is always parsed.
UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
# Vague amounts as intervals. The plurals follow NewsQuant's annotation guide (Almasian et al.,
# EMNLP 2023): "dozens" 12-120, "hundreds" 100-1000, "thousands" 1000-10000 and so on.
VAGUE = {
    "dozens": (12, 120),
    "scores": (40, 200),
    "hundreds": (100, 1_000),
    "thousands": (1_000, 10_000),
    "millions": (1_000_000, 10_000_000),
    "billions": (1_000_000_000, 10_000_000_000),
    "several": (3, 9),
    "a handful": (2, 6),
    "a few": (2, 5),
    "a couple": (2, 3),
}
ORDINALS = {
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "twentieth": 20,
}
FRACTIONS = {
    "third": 3,
    "quarter": 4,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "eighth": 8,
    "tenth": 10,
}
NUMBER_WORDS = frozenset(
    [*UNITS, *TENS, *SCALES, *(w + "s" for w in SCALES), *ORDINALS, *FRACTIONS]
    + [w.split()[-1] for w in VAGUE]
    + "dozen dozens score half none nobody".split()
)

# Who can be among the dead they caused: "a difference of one may be the attacker".
PERPETRATOR_NOUNS = frozenset(
    "gunman gunmen shooter attacker assailant bomber suspect killer perpetrator".split()
)


# Verbs of one meaning for what happened to the things counted: arms "seized", "confiscated"
# or "recovered" are one haul; aftershocks "felt" or "recorded" one series. Verbs that differ in
# meaning stay apart: rounds "fired" are not rounds "carried", boats "spotted" not "captured".
PREDICATE_SYNONYMS = {
    **dict.fromkeys("seize confiscate recover find nab impound".split(), "seize"),
    **dict.fromkeys("feel follow record register jolt rock shake rattle".split(), "occur"),
    **dict.fromkeys("carry bring pack stuff fill load haul".split(), "carry"),
    **dict.fromkeys("fire spray unleash".split(), "fire"),
    **dict.fromkeys("destroy flatten raze level".split(), "destroy"),
}
# For people, verbs of one gathering: "400 people packed the hall", "250 attended the vigil",
# "a group of 130 people were marching", "the crowd at 70".
GATHERING_VERBS = frozenset(
    """attend gather join march rally parade protest demonstrate pack crowd jam fill throng
    assemble converge mass flock set-off""".split()
)
# Nouns for a gathering of people: "estimated the crowd at 70", "a crowd of 200".
CROWD_NOUNS = frozenset(
    "crowd throng gathering procession rally protest demonstration mob march vigil".split()
)


def canonical_predicate(lemma: str | None, *, people: bool = False) -> str | None:
    """One verb for verbs of one meaning; for counts of people, every verb of gathering is one."""
    if not lemma:
        return None
    if people and lemma in GATHERING_VERBS:
        return "gather"
    return PREDICATE_SYNONYMS.get(lemma, lemma)


def canonical_noun(lemma: str) -> str:
    return NOUN_SYNONYMS.get(lemma, lemma)


def canonical_event(lemma: str) -> str:
    return EVENT_SYNONYMS.get(lemma, lemma)


@cache
def _inflector() -> object:
    """inflect's engine (inflect is installed with quantulum3), loaded when a plural is first
    needed. inflect wraps its methods in typeguard's run-time type checks, and typeguard builds
    each by parsing and compiling inflect's whole source again: about 2 seconds at import, more
    than a check of two articles takes. The checks are a debugging aid, which typeguard itself
    turns off under `python -O`; they are turned off here the same way, for that import only."""
    import typeguard

    checked = typeguard.typechecked
    typeguard.typechecked = _unchecked  # type: ignore[assignment]
    try:
        import inflect
    finally:
        typeguard.typechecked = checked
    return inflect.engine()


def _unchecked(target: object = None, **_options: object) -> object:
    """typeguard's `typechecked` as it is under `python -O`: the target as it is."""
    return target if target is not None else _unchecked


@cache
def singular(noun: str) -> str:
    """ "rifles" -> "rifle"; a word that is not a plural comes back as it is."""
    found = _inflector().singular_noun(noun)  # type: ignore[attr-defined]
    return found if isinstance(found, str) and found else noun


@cache
def plural(noun: str) -> str:
    """ "officer" -> "officers", "person" -> "people", "child" -> "children"."""
    if noun == "person":
        return "people"
    found = _inflector().plural_noun(noun)  # type: ignore[attr-defined]
    return found if isinstance(found, str) and found else noun


# -- what the findings read (names, quotations, dates) -------------------------------------------

# Titles and ranks written before a name ("Police Chief Marcus Brandt"): not part of the name.
NAME_TITLES = frozenset(
    "mr mrs ms dr rev sgt lt gov sen rep capt cpl det gen col maj insp supt prof jr sr st fr "
    "chief president mayor governor officer sergeant captain detective secretary minister "
    "spokesman spokeswoman spokesperson judge justice sheriff deputy director commissioner "
    "senator representative councilman councilwoman councillor lieutenant general colonel "
    "major corporal inspector superintendent constable agent attorney prosecutor coroner "
    "prime king queen prince princess pope bishop reverend pastor imam rabbi professor doctor "
    "interim acting former late".split()
)
# Nouns and verbs that name the event a story is about; a weekday or date attached to one of
# them dates the event itself.
STORY_EVENT_WORDS = frozenset(
    "shooting shootings shot shoot shoots attack attacks attacked killing killings killed kill "
    "massacre rampage spree ambush ambushed bombing bombings bombed bomb bombs explosion "
    "explosions blast blasts quake earthquake earthquakes tremor struck strike strikes raid "
    "raids stabbing stabbings crash collision fire fires died dies death deaths murder murders "
    "murdered slain slaying slayings hijacking hijacked hostage siege standoff incident "
    "riot riots clash clashes protest protests vigil".split()
)
_VIOLENCE = (
    "shooting shootings shot shoot shoots attack attacks attacked killing killings killed kill "
    "slain slaying slayings murder murders murdered massacre rampage spree ambush ambushed "
    "bombing bombings bombed bomb bombs explosion explosions blast blasts stabbing stabbings"
).split()
# One event under its several names, as the date findings compare them: the attack, the deaths,
# the quake.
STORY_EVENT_KINDS = {
    **dict.fromkeys(_VIOLENCE, "attack"),
    **dict.fromkeys(("passed", "dies", "died", "death", "deaths"), "death"),
    **dict.fromkeys(("quake", "earthquake", "earthquakes", "tremor", "struck"), "earthquake"),
}
# Verbs that report a statement: a day right after one dates the statement ("said Thursday that
# seven died", "told reporters on Friday").
SPEECH_VERBS = frozenset("said says told announced added reported confirmed stated wrote".split())
# Words after which a day dates a statement or another moment, not the event before them.
STATEMENT_WORDS = SPEECH_VERBS | frozenset(
    "say spoke speaking after before since until following".split()
)
