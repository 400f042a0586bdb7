"""Numbers that are not amounts: names and addresses ("Section 427", "1200 Elm Avenue"),
ordinals ("a third gunman") and years ("in 2015", "the 1990s")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from factcheck.describe import text_of
from factcheck.figures.amounts import PERCENT, noun_lemma, written_unit
from factcheck.figures.found import Found
from factcheck.vocab import TIME_UNITS, YEAR_NUMBER

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from factcheck.numbers import Figure

_FRACTION_WORD = re.compile(
    r"^(?:a|one)\s+(?:third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)$", re.I
)


def _ordinal_fraction(doc: Doc, num: Token, fig: Figure) -> bool:
    """ "a third" is a fraction only of something: "a third of the victims". Alone or before a
    noun it is an ordinal: "wounded a third", "a third gunman"."""
    if not _FRACTION_WORD.match(text_of(doc)[fig.number_start : fig.number_end]):
        return False
    return not re.match(r"^\s*(?:of\b|%|percent)", text_of(doc)[fig.number_end :], re.I)


_STREET = re.compile(
    r"^(?:\s+[A-Z][\w.']*){1,3}\s+(?:St|Street|Rd|Road|Ave|Avenue|Blvd|Boulevard|"
    r"Way|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|Highway|Hwy|Parkway|Terrace)\b"
)


def is_headline(doc: Doc) -> bool:
    words = [t for t in doc if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.text[0].isupper() for t in words) / len(words) > 0.6


_NAME_ENTITIES = frozenset("FAC LOC ORG GPE PRODUCT WORK_OF_ART EVENT LAW".split())


def is_label(doc: Doc, num: Token, fig: Figure) -> bool:
    """A number that is part of a name or an address, not an amount: "Section 427", "Game 2",
    "S&P 500", "iPhone 14 Pro", "1200 Elm Avenue"."""
    if _STREET.match(text_of(doc)[fig.number_end :]):
        return True  # "1200 Elm Avenue", "16-18 Industrial Avenue"
    if (
        text_of(doc)[fig.number_start - 1 : fig.number_start] == "["
        and text_of(doc)[fig.number_end : fig.number_end + 1] == "]"
    ):
        return True  # "[6]": a reference marker
    if re.search(r"\b[A-Z]{1,4}-$", text_of(doc)[max(0, fig.number_start - 5) : fig.number_start]):
        return True  # "AK-47", "F-16", "M-16": a model's name
    if re.match(
        r"^[\s-]*(?:caliber|calibre|mm\s+(?:handgun|pistol|rifle))\b",
        text_of(doc)[fig.number_end :],
        re.I,
    ):
        return True  # ".357 caliber", "9mm pistol": a gun's name, not an amount
    if fig.spelled or fig.qualifier != "exact" or fig.currency or fig.trend:
        return False
    nxt = doc[num.i + 1] if num.i + 1 < len(doc) else None
    prev = doc[num.i - 1] if num.i > 0 else None
    if fig.ordinal:
        # "the 12th Ward", "the 41st Police Precinct", "5th Avenue": part of a place's name
        in_name = (
            num.ent_type_ in _NAME_ENTITIES
            and num.ent_iob_ == "B"
            and nxt is not None
            and nxt.ent_iob_ == "I"
        )
        before_name = nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper()
        return in_name or (before_name and not is_headline(doc))
    if (
        prev is not None
        and num.ent_iob_ == "I"
        and num.ent_type_ in _NAME_ENTITIES
        and prev.pos_ == "PROPN"
    ):
        return True  # "Channel 4", "Apollo 11": inside an organisation's or a thing's name
    if (
        prev is not None
        and prev.text.isupper()
        and prev.is_alpha
        and num.head.pos_ == "NOUN"
        and any(c.like_num and c.i < prev.i for c in num.head.children)
    ):
        return True  # "four AK 47 rifles": "four" counts the rifles, "47" names the model
    if (
        num.i >= 2
        and doc[num.i - 1].text == "("
        and nxt is not None
        and nxt.text == ")"
        and doc[num.i - 2].ent_type_ == "PERSON"
    ):
        return True  # "Dak Prescott (4)": a shirt number
    if num.i == 0 or is_headline(doc):
        return False  # title case ("Quake Kills 12") makes every word look like a name
    if (
        num.dep_ == "nummod"
        and num.head.i == num.i - 1
        and num.head.pos_ in ("NOUN", "PROPN")
        and num.head.text[:1].isupper()
    ):
        return True  # "Gate 7", "Engine 23", "AIR 9": a capitalised noun numbered, not counted
    after = text_of(doc)[fig.number_end :]
    if after[:1].isalpha() or PERCENT.match(after) or written_unit(after) is not None:
        return False  # "Lamborghini's 640bhp", "Sunday 5.5%", "Energy's 550 megawatt": measures
    if (
        fig.value > 1
        and nxt is not None
        and nxt.tag_ == "NN"
        and num.head == nxt
        and prev is not None
        and prev.head == nxt
        and prev.pos_ in ("NOUN", "PROPN")
        and prev.text[:1].isupper()
    ):
        return True  # "Chopper 8 footage": six of a singular noun is no count; a name is numbered
    prev = doc[num.i - 1]
    named = prev.pos_ == "PROPN" or (
        prev.text[:1].isupper()
        and prev.i > prev.sent.start
        and prev.pos_ in ("NOUN", "ADJ", "PROPN")
    )
    if not named or (
        prev.ent_type_ in ("PERSON", "GPE", "NORP") and num.dep_ == "nummod" and num.head.i > num.i
    ):
        return False  # "U.S. 2,000 troops" counts troops
    # "Stoxx 600 index" is a name; "Acme 300 workers" counts workers
    return not (nxt is not None and nxt.tag_ == "NNS" and nxt.text.islower())


def as_date(doc: Doc, num: Token, fig: Figure) -> Found | None:
    """A year, a decade or a span of years: a date, not 2015 of anything."""
    text = text_of(doc)
    after = text[fig.end : fig.end + 40]
    start, end = fig.start, fig.end
    if _STREET.match(text[fig.number_end :]):
        return None  # "1200 Elm St.": an address, never a year (is_label drops it next)
    # A bare year ("in 2015", "2013 attack") is a date.
    if (
        not fig.spelled
        and fig.qualifier == "exact"
        and YEAR_NUMBER.fullmatch(text[fig.number_start : fig.number_end])
        and not fig.currency
    ):
        nxt = num.nbor(1) if num.i + 1 < len(doc) else None
        prev = num.nbor(-1) if num.i > 0 else None
        # "killed 2000 people" counts; "the 2013 charges", "Keytruda's 2018 sales" date
        counted = (
            nxt is not None
            and nxt.tag_ == "NNS"
            and nxt.lower_ not in TIME_UNITS
            and (prev is None or prev.pos_ in ("VERB", "AUX", "ADV", "CCONJ", "SCONJ", "PUNCT"))
        )
        if not counted:
            year = text[fig.number_start : fig.number_end]
            return Found(start, end, "date", None, "exact", "date", date=year)
    if text[fig.number_end : fig.end] == "s" and fig.qualifier == "range" and fig.value >= 1000:
        return Found(start, end, "date", None, "vague", "date")  # "the 1990s"
    if (
        fig.qualifier == "range"
        and not fig.spelled
        and not fig.currency
        and all(v == int(v) and 1000 <= v <= 2100 for v in (fig.interval.low, fig.interval.high))
        and not re.match(r"^\s*[A-Za-z%]", after)
    ):
        return Found(start, end, "date", None, "range", "date")  # "between 1600 and 1900"
    return None


def ordinal(doc: Doc, num: Token, fig: Figure) -> Found | None:
    """ "a third shooter", "wounded a third": an ordinal of people, not a third of anything."""
    if fig.ordinal or _ordinal_fraction(doc, num, fig):
        return Found(
            fig.start, fig.end, "ordinal", fig.interval, "exact", noun_lemma(num) or "ordinal"
        )
    return None
