"""Dates that add up and dates that do not: a table from fixtures written here.

Weekdays were checked with the calendar: 3 March 2021 was a Wednesday, 14 July 2019 a Sunday.
"""

from __future__ import annotations

import pytest

from factcheck.findings import FindingType, datecheck
from factcheck.models import Article


def _articles(*texts: str, published: str | None = None) -> list[Article]:
    return [
        Article(chr(65 + i), f"t{i}", t.split("\n")[0], t, published) for i, t in enumerate(texts)
    ]


WRONG = [
    pytest.param(
        ("The ferry sank on Thursday, March 3, 2021, officials said.",),
        "Thursday, March 3, 2021",
        "Wednesday",
        id="weekday-beside-date",
    ),
    pytest.param(
        ("Storm damage report\n\nThe roof fell in on Monday (July 14) during the 2019 storm.",),
        "Monday (July 14)",
        "Sunday",
        id="weekday-beside-date-year-from-article",
    ),
    pytest.param(
        ("Talks resumed on March 10, 2021, five days after the ceasefire of March 3.",),
        "March 10, 2021, five days after the ceasefire of March 3",
        "7 days",
        id="day-arithmetic",
    ),
    pytest.param(
        (
            "The victim passed away Saturday night at the county hospital, her family said.",
            "The woman died in hospital on Sunday, the coroner said. The family said she died Sunday.",
            "Relatives said she died Sunday after three days in intensive care.",
        ),
        "Saturday",
        "Sunday",
        id="one-death-two-days",
    ),
    pytest.param(
        (
            "Jets bombed the camp on Thursday, officials said.",
            "The camp was bombed Thursday, witnesses said. The Wednesday bombing drew condemnation.",
        ),
        "Wednesday",
        "Thursday",
        id="neighbouring-day-inside-an-article-that-also-has-it-right",
    ),
    pytest.param(
        (
            "Officials spoke on March 4, one day after the bombing of the depot.",
            "The depot was bombed March 3, police said. A guard was killed by the blast on March 4.",
        ),
        "March 4",
        "A, B say March 3",
        id="attack-on-two-dates-in-one-article-and-a-date-counted-back",
    ),
]


@pytest.mark.parametrize(("texts", "marked", "why"), WRONG)
def test_wrong_date_is_flagged(texts, marked, why):
    articles = _articles(*texts)
    found = datecheck.find(articles)
    assert len(found) == 1, [f.explanation for f in found]
    finding = found[0]
    assert finding.type is FindingType.DATE_INCONSISTENCY
    assert marked in finding.spans[0].text
    assert why in finding.explanation
    text = {a.id: a.text for a in articles}[finding.spans[0].article]
    assert text[finding.spans[0].start : finding.spans[0].end] == finding.spans[0].text


RIGHT = [
    pytest.param(
        ("The ferry sank on Wednesday, March 3, 2021, officials said.",), id="weekday-right"
    ),
    pytest.param(
        ("Talks resumed on March 7, 2021, four days after the ceasefire of March 3.",),
        id="day-arithmetic-right",
    ),
    pytest.param(
        ("The search ended on Aug. 2, 2019, four weeks after the flood of July 6.",),
        id="weeks-are-approximate",
    ),
    pytest.param(
        (
            "The fire broke out late Sunday night at the warehouse, firefighters said.",
            "The fire broke out shortly after 1 a.m. on Monday, firefighters said.",
            "The warehouse fire started at 12:40 a.m. Monday, officials said.",
        ),
        id="late-night-is-the-small-hours",
    ),
    pytest.param(
        (
            "He was shot on Tuesday outside his home, police said.",
            "The shooting happened Tuesday evening. A second man was shot Friday in another part of town.",
            "Police said the man was shot Tuesday outside his home.",
        ),
        id="the-article-dates-the-main-event-right-too",
    ),
    pytest.param(
        ("Officials met on Friday to discuss Tuesday's shooting at the school.",),
        id="two-events-two-days",
    ),
    pytest.param(
        (
            "The shooting on Sunday left two dead, police said.",
            "Two died in the shooting Sunday. The chief, asked about the shooting, spoke Monday.",
            "Police said the shooting Sunday left two dead.",
        ),
        id="a-statement-day-is-not-the-event-day",
    ),
    pytest.param(
        ("Ceremony notes\n\nThe memorial was held on Friday (October 14), a week after the fire.",),
        id="year-not-pinned-down-any-named-year-fits",
    ),
    pytest.param(
        (
            "The shooting on Thursday left two dead, police said.",
            "Police said the shooting Thursday left two dead.",
            "Protests began after an officer on Wednesday shot a man in another city.",
        ),
        id="a-verb-after-the-weekday-does-not-name-the-event",
    ),
    pytest.param(
        (
            "The first victim died on March 4. The second victim died March 5 in hospital.",
            "A woman hurt in the fire died on March 4, her family said.",
        ),
        id="deaths-on-two-dates-are-two-deaths",
    ),
    pytest.param(
        (
            "Talks opened on March 7, four days after the attack on the depot.",
            "The attack on March 3 destroyed the depot. Its guard was killed in the attack on March 3.",
        ),
        id="a-date-counted-back-that-agrees",
    ),
]


@pytest.mark.parametrize("texts", RIGHT)
def test_consistent_dates_are_not_flagged(texts):
    found = datecheck.find(_articles(*texts, published="2016-10-15"))
    assert found == [], [f.explanation for f in found]


def test_nothing_said_where_the_year_is_unknown():
    found = datecheck.find(_articles("The ferry sank on Thursday, March 3, officials said."))
    assert found == []


# The parse ties a weekday to an event word the word rules cannot reach.
WRONG_PARSED = [
    pytest.param(
        (
            "Coast guard cutters on Monday intercepted two speedboats and foiled a hijacking.",
            "The navy on Monday thwarted a hijacking of a ferry in the strait.",
            "A patrol ship foiled a hijacking of a passenger ferry sailing through the strait on "
            "Tuesday, arresting eight men.",
        ),
        "Tuesday",
        "A, B say Monday",
        id="event-word-far-before-the-weekday",
    ),
    pytest.param(
        (
            "Nine people were hurt in the blast that ripped through the market around 6 a.m. Friday.",
            "The Friday blast destroyed forty stalls.",
            "Nine were hurt in the blast that tore through the market early Thursday, traders said.",
        ),
        "Thursday",
        "A, B say Friday",
        id="relative-clause-describes-the-event",
    ),
]


@pytest.mark.parametrize(("texts", "marked", "why"), WRONG_PARSED)
def test_wrong_day_found_through_the_parse(nlp, texts, marked, why):
    assert datecheck.find(_articles(*texts)) == []  # the word rules alone cannot see it
    (finding,) = datecheck.find(_articles(*texts), nlp)
    assert finding.spans[0].text == marked
    assert why in finding.explanation


RIGHT_PARSED = [
    pytest.param(
        (
            "The shooting at the mall happened on Thursday night, police said.",
            "Thursday's shooting left three dead.",
            "The march began after an officer on Wednesday shot a teenager in another city.",
        ),
        id="a-clause-about-an-earlier-moment",
    ),
    pytest.param(
        (
            "The shooting at the mall happened on Friday night, police said.",
            "Friday's shooting left three dead.",
            "Police said a man attacked two guards and tried to grab a rifle late Thursday.",
        ),
        id="the-weekday-belongs-to-another-clause",
    ),
    pytest.param(
        (
            "The shooting at the mall happened on Thursday night, police said.",
            "Thursday's shooting left three dead.",
            "Two unrelated shootings on Tuesday kept detectives busy.",
        ),
        id="two-days-apart-is-another-event",
    ),
    pytest.param(
        (
            "Shelling resumed after the truce of December 28, 2020. Troops on Tuesday (5 January) "
            "shelled the port.",
        ),
        id="unwritten-year-may-be-the-year-after-the-named-one",
    ),
]


@pytest.mark.parametrize("texts", RIGHT_PARSED)
def test_days_the_parse_does_not_tie_to_the_event(nlp, texts):
    found = datecheck.find(_articles(*texts), nlp)
    assert found == [], [f.explanation for f in found]


WRONG_TIMES = [
    pytest.param(
        (
            "The shooting broke out around 8:15 p.m. near the pier.",
            "Dozens of people were gathered at the pier at about 8:45 p.m. when two men began "
            "shooting.",
        ),
        ["8:15 p.m.", "8:45 p.m."],
        "differently",
        id="two-articles-two-times",
    ),
    pytest.param(
        (
            "The blast happened at 7:10 a.m., officials said.",
            "The blast ripped through the depot at 7:10 a.m.",
            "The blast occurred at 7:40 a.m. on the east side of the depot.",
        ),
        ["7:40 a.m."],
        "A, B say 7:10 a.m.",
        id="the-odd-one-out",
    ),
]


@pytest.mark.parametrize(("texts", "marked", "why"), WRONG_TIMES)
def test_one_event_timed_two_ways(nlp, texts, marked, why):
    (finding,) = datecheck.find(_articles(*texts), nlp)
    assert [s.text for s in finding.spans] == marked
    assert why in finding.explanation


RIGHT_TIMES = [
    pytest.param(
        ("The blast happened at 2:10 p.m. local time.", "The blast happened at 1:10 p.m. GMT."),
        id="time-zones",
    ),
    pytest.param(
        ("The shooting began at 9 p.m. outside the bar.", "The shooting ended at 11:30 p.m."),
        id="two-moments-hours-apart",
    ),
    pytest.param(
        (
            "The shooting began at 9 p.m. and the shooting ended at 9:40 p.m.",
            "The shooting began at 9 p.m. outside the bar.",
        ),
        id="an-article-that-gives-two-times",
    ),
    pytest.param(
        (
            "The shooting began just before 9 p.m. outside the bar.",
            "The shooting began at 9:05 p.m. outside the bar.",
        ),
        id="minutes-apart-is-one-moment",
    ),
    pytest.param(
        (
            "The shooting began at 9 p.m. outside the bar.",
            "Police arrived at 9:40 p.m., after the shooting.",
        ),
        id="another-moment-of-the-story",
    ),
]


@pytest.mark.parametrize("texts", RIGHT_TIMES)
def test_times_that_agree_or_do_not_compare(nlp, texts):
    found = datecheck.find(_articles(*texts), nlp)
    assert found == [], [f.explanation for f in found]


def test_the_extractions_parses_are_read_not_parsed_again(nlp):
    """`check` hands the findings the sentences the extraction parsed: same findings, no second
    parse."""
    from factcheck.extract import extract_articles
    from factcheck.findings import wants_parse

    articles = _articles(*WRONG_PARSED[0].values[0], *WRONG_TIMES[0].values[0])
    parses = {}

    def keep(article, start, doc):
        if wants_parse(doc.text):
            parses[(article, start)] = doc

    extract_articles(nlp, articles, keep=keep)
    assert parses

    class NoSecondParse:
        pipe_names = nlp.pipe_names
        make_doc = nlp.make_doc

        def get_pipe(self, name):
            return self

        def pipe(self, docs):
            for doc in docs:
                raise AssertionError(f"parsed again: {doc.text}")
            yield from ()

    reused = datecheck.find(articles, NoSecondParse(), parses=parses)
    assert [f.explanation for f in reused] == [f.explanation for f in datecheck.find(articles, nlp)]
    assert len(reused) == 2


@pytest.mark.parametrize(
    ("sentence", "read"),
    [
        pytest.param("The shooting began on Friday night.", True, id="weekday-and-event"),
        pytest.param("The shooting began at 9:40 p.m. outside.", True, id="clock-and-event"),
        pytest.param("The council met on Friday night.", False, id="no-event-word"),
        pytest.param("The shooting shocked the town.", False, id="no-day-or-time"),
        pytest.param("The shooting on Friday, " * 200, False, id="run-on-dump-is-not-parsed"),
    ],
)
def test_which_sentences_the_dates_parse(sentence, read):
    assert datecheck.wants_parse(sentence) is read


def test_a_repeated_sentence_is_shown_to_the_findings_at_each_place(nlp):
    """The extraction parses a repeated sentence once; the findings still see it wherever it is."""
    from factcheck.extract import extract_articles

    said = "On Friday 12 people were killed in the attack. "
    preamble = "Police arrived at the scene and closed the road for the night. " * 12
    articles = _articles(preamble + said * 10)  # past the lead, the same text after each
    seen = []
    extract_articles(nlp, articles, keep=lambda article, start, doc: seen.append((start, doc.text)))
    starts = [i for i in range(len(articles[0].text)) if articles[0].text.startswith(said, i)]
    assert [s for s, text in seen if text == said.strip()] == starts
