"""The word lists the findings read, in one place, and the spelling normalisation they share."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Relatives and roles after which a lone first name is ordinary ("his brother, John").
KIN = frozenset(
    "father mother son daughter brother sister wife husband cousin uncle aunt nephew niece "
    "grandson granddaughter grandfather grandmother grandmother boyfriend girlfriend fiance "
    "fiancee partner friend stepfather stepmother stepson stepdaughter child baby".split()
)

# Titles and ranks written before a name ("Police Chief Marcus Brandt"): not part of the name.
TITLES = frozenset(
    "mr mrs ms dr rev sgt lt gov sen rep capt cpl det gen col maj insp supt prof jr sr st fr "
    "chief president mayor governor officer sergeant captain detective secretary minister "
    "spokesman spokeswoman spokesperson judge justice sheriff deputy director commissioner "
    "senator representative councilman councilwoman councillor lieutenant general colonel "
    "major corporal inspector superintendent constable agent attorney prosecutor coroner "
    "prime king queen prince princess pope bishop reverend pastor imam rabbi professor doctor "
    "interim acting former late".split()
)

# Particles that prefix names in transliterations and are often dropped ("Al-Rawdhi").
NAME_PARTICLES = ("al-", "el-", " al ", "el ")

# British and American spellings of one word are one word (recognised/recognized).
_SPELLINGS = (
    (re.compile(r"is(e|ed|es|ing|ation|ations)$"), r"iz\1"),
    (re.compile(r"ys(e|ed|es|ing)$"), r"yz\1"),
    (re.compile(r"(?<=[a-z]{2})our"), "or"),  # colour, neighbourhood, favourite
    (re.compile(r"tre(s)?$"), r"ter\1"),
    (re.compile(r"ence$"), r"ense"),
    (re.compile(r"ogue$"), r"og"),
    (re.compile(r"ll(ed|ing|er)$"), r"l\1"),
)

NUMBER_WORDS = {
    w: str(n)
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_ABBREVIATIONS = {w[:3]: i for i, w in enumerate(WEEKDAYS)} | {
    "tues": 1,
    "thur": 3,
    "thurs": 3,
}

# Nouns and verbs that name the event a story is about; a weekday or date attached to one of
# them dates the event itself.
EVENT_WORDS = frozenset(
    "shooting shootings shot shoot shoots attack attacks attacked killing killings killed kill "
    "massacre rampage spree ambush ambushed bombing bombings bombed bomb bombs explosion "
    "explosions blast blasts quake earthquake earthquakes tremor struck strike strikes raid "
    "raids stabbing stabbings crash collision fire fires died dies death deaths murder murders "
    "murdered slain slaying slayings hijacking hijacked hostage siege standoff incident "
    "riot riots clash clashes protest protests vigil".split()
)
# A death by another name is still a death.
# Words after which a day dates a statement or another moment, not the event before them.
STATEMENT_WORDS = frozenset(
    "said says say spoke speaking told announced added reported confirmed stated wrote "
    "after before since until following".split()
)

_VIOLENCE = (
    "shooting shootings shot shoot shoots attack attacks attacked killing killings killed kill "
    "slain slaying slayings murder murders murdered massacre rampage spree ambush ambushed "
    "bombing bombings bombed bomb bombs explosion explosions blast blasts stabbing stabbings"
).split()
# One event under its several names: the attack, the deaths, the quake.
EVENT_SYNONYMS = {
    **dict.fromkeys(_VIOLENCE, "attack"),
    **dict.fromkeys(("passed", "dies", "died", "death", "deaths"), "death"),
    **dict.fromkeys(("quake", "earthquake", "earthquakes", "tremor", "struck"), "earthquake"),
}


_MARKS = str.maketrans("", "", "'’`-.")


@lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """A word as compared: accents, case, apostrophes and hyphens set aside."""
    if not word.isascii():
        word = unicodedata.normalize("NFKD", word)
        word = "".join(c for c in word if not unicodedata.combining(c))
    return word.translate(_MARKS).casefold()


def spelling(word: str) -> str:
    """`fold`, then British spellings written the American way, number words as digits."""
    word = fold(word)
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    if len(word) > 5:
        for pattern, repl in _SPELLINGS:
            word = pattern.sub(repl, word)
    return word
