"""Claims from sentences, one row a case: kinds, topics, ages and their people, dates, hedges."""

from __future__ import annotations

import pytest

# (id, sentence, surface, kind, topic, qualifier)
CLAIMS = [
    ("toll-verb", "The attacks in Paris killed 129 people.", "129", "count", "killed", "exact"),
    (
        "toll-hedged",
        "The attacks killed at least 129 people.",
        "at least 129",
        "count",
        "killed",
        "at_least",
    ),
    (
        "dead-adjective",
        "The blast left at least 129 dead and over 350 injured.",
        "at least 129",
        "count",
        "killed",
        "at_least",
    ),
    (
        "injured-after-dead",
        "The blast left at least 129 dead and over 350 injured.",
        "over 350",
        "count",
        "injured",
        "more_than",
    ),
    (
        "passive",
        "Sixteen people were wounded in the attack.",
        "Sixteen",
        "count",
        "injured",
        "exact",
    ),
    ("died", "Three people died at the scene.", "Three", "count", "killed", "exact"),
    (
        "raids-noun",
        "Police made 128 overnight raids across the country.",
        "128",
        "count",
        "raids",
        "exact",
    ),
    ("arrests", "Police said 46 people had been arrested.", "46", "count", "arrested", "exact"),
    (
        "zero-no-one",
        "Officials said no one was killed in the fire.",
        "no one",
        "count",
        "killed",
        "exact",
    ),
    (
        "zero-no-injuries",
        "There were no injuries reported.",
        "no injuries",
        "count",
        "injured",
        "exact",
    ),
    (
        "fatally-wounded",
        "In the end, five officers were fatally wounded.",
        "five",
        "count",
        "killed",
        "exact",
    ),
    (
        "shot-to-death",
        "A man shot to death one person and injured two others.",
        "one",
        "count",
        "killed",
        "exact",
    ),
    ("vague-dozens", "Dozens of people were injured.", "Dozens", "count", "injured", "vague"),
    (
        "range-between",
        "Between 120 and 130 people were killed.",
        "Between 120 and 130",
        "count",
        "killed",
        "range",
    ),
    ("headline", "5 Dead, 6 Wounded in Shooting at Airport", "6", "count", "injured", "exact"),
    (
        "age-prenominal",
        "Twenty-five-year-old Lamont Ferris was arrested.",
        "Twenty-five-year-old",
        "age",
        "age",
        "exact",
    ),
    ("age-apposition", "Darnell Okoro, 29, was charged.", "29", "age", "age", "exact"),
    ("age-aged", "The victim, John Smith, aged 45, died.", "aged 45", "age", "age", "exact"),
    ("age-article", "Police arrested a 27-year-old man.", "a 27-year-old", "age", "age", "exact"),
    ("money-symbol", "The city paid a $3m settlement.", "$3m", "money", "settlement", "exact"),
    ("money-words", "He was fined 500 dollars.", "500", "money", "money", "exact"),
    ("percent", "Turnout rose by 3 percent this year.", "3 percent", "percent", "turnout", "exact"),
    (
        "percent-of",
        "It says 60 per cent of men bet on sport.",
        "60 per cent",
        "percent",
        "man",
        "exact",
    ),
    (
        "duration",
        "The siege lasted nearly five hours.",
        "nearly five",
        "duration",
        "hour",
        "nearly",
    ),
    ("measure-km", "The quake struck at a depth of 10 km.", "10", "measure", "depth", "exact"),
    (
        "magnitude",
        "A 6.1-magnitude earthquake hit the province.",
        "6.1",
        "measure",
        "magnitude",
        "exact",
    ),
    (
        "ordinal",
        "It was the second consecutive night of strikes.",
        "second",
        "ordinal",
        "night",
        "exact",
    ),
    (
        "headline-toll-up-to",
        "Ferry disaster death toll up to 30",
        "up to 30",
        "count",
        "killed",
        "exact",
    ),
    (
        "listed-noun-shares-the-state",
        "Two guards and a driver are dead after the crash.",
        "Two",
        "count",
        "killed",
        "exact",
    ),
    (
        "headline-list-shares-the-participle",
        "2 guards, driver dead in depot crash",
        "2",
        "count",
        "killed",
        "exact",
    ),
    (
        "a-comma-after-the-count-is-not-a-list",
        "The storm killed at least one person, injured dozens and flattened sheds.",
        "at least one",
        "count",
        "killed",
        "at_least",
    ),
]


# What a count counts when the sentence says it away from the figure, one row a case.
CLAIMS += [
    (
        "of-them",
        "Nine trucks were stopped; two of them carried arms.",
        "two",
        "count",
        "truck",
        "exact",
    ),
    (
        "of-which",
        "Six shells were fired, of which four hit homes.",
        "four",
        "count",
        "shell",
        "exact",
    ),
    (
        "them-the-crowd",
        "The march grew tense when about 40 of them broke away.",
        "about 40",
        "count",
        "people",
        "about",
    ),
    (
        "elided-noun",
        "One rocket hit the school, and two or three landed in a field.",
        "two or three",
        "count",
        "rocket",
        "range",
    ),
    ("in-condition", "Four remained in critical condition.", "Four", "count", "critical", "exact"),
    (
        "adjective-before-dead",
        "The fire left five young people dead.",
        "five",
        "count",
        "killed",
        "exact",
    ),
    (
        "list-shares-participle",
        "8 girls, 4 boys hurt in bus crash",
        "8",
        "count",
        "injured",
        "exact",
    ),
    (
        "began-shooting-counts-shooters",
        "Witnesses said two men began shooting at the crowd.",
        "two",
        "count",
        "man",
        "exact",
    ),
    (
        "apposition-named-by-noun",
        "A bomb wounded Ray Dunn and killed four people: two of his cousins and two friends.",
        "two",
        "count",
        "cousin",
        "exact",
    ),
    (
        "dozen-scale",
        "a crowd of at least three dozen young men ran off",
        "at least three dozen",
        "count",
        "man",
        "at_least",
    ),
    (
        "fraction-is-share",
        "Half of the arrested men were released.",
        "Half",
        "percent",
        "man",
        "exact",
    ),
    (
        "percent-range",
        "Between 40 percent and 60 percent of roads were shut.",
        "Between 40 percent and 60 percent",
        "percent",
        "road",
        "range",
    ),
    (
        "unit-in-figure",
        "They hid for about an hour and a half.",
        "about an hour and a half",
        "duration",
        "hour",
        "about",
    ),
    (
        "magnitude-of",
        "There were two aftershocks of around 5.2 overnight.",
        "around 5.2",
        "measure",
        "magnitude",
        "about",
    ),
]


@pytest.mark.parametrize(
    ("sentence", "surface", "kind", "topic", "qualifier"),
    [pytest.param(*row[1:], id=row[0]) for row in CLAIMS],
)
def test_claim(claims_of, sentence, surface, kind, topic, qualifier):
    claims = claims_of(sentence)
    found = [c for c in claims if c.surface == surface]
    assert found, f"{surface!r} not among {[c.surface for c in claims]}"
    claim = found[0]
    assert (claim.kind, claim.topic, claim.qualifier) == (kind, topic, qualifier)
    assert sentence[claim.start : claim.end] == surface


@pytest.mark.parametrize(
    ("sentence", "zeros"),
    [
        pytest.param("There were no dead or wounded.", ["killed", "injured"], id="no-a-or-b"),
        pytest.param("No one was killed or injured.", ["killed", "injured"], id="verb-or-verb"),
        pytest.param("There were no injuries or deaths.", ["injured", "killed"], id="nouns"),
        pytest.param("No one was killed or even hurt badly.", ["killed"], id="not-a-list"),
    ],
)
def test_one_no_for_two_counts(claims_of, sentence, zeros):
    claims = claims_of(sentence)
    assert [(c.topic, c.value) for c in claims] == [(t, 0) for t in zeros]


def test_a_share_of_time_is_no_percentage(claims_of):
    """ "half of them" is a share; "a quarter of a century" is a length of time."""
    claims = claims_of("The bridge stood for a quarter of a century.")
    quarter = next(c for c in claims if c.surface.lower().startswith("a quarter"))
    assert quarter.kind != "percent"
    half = next(c for c in claims_of("Half of the crew stayed.") if c.surface == "Half")
    assert (half.kind, half.value) == ("percent", 50)  # the same words, of people, are a share


def test_the_dateline_in_capitals_is_a_date(claims_of):
    claims = claims_of("POSTED: TUESDAY, APRIL 2, 2019, 4:10 PM")
    assert [(c.surface, c.kind) for c in claims if "2019" in c.surface] == [
        ("APRIL 2, 2019", "date")
    ]


# Numbers that name something: not figures at all
NAMES = [
    ("ordinal-in-place", "Police patrol the 12th Ward at night.", "12th"),
    ("ordinal-before-name", "They marched to the 41st Police Precinct station.", "41st"),
    ("model-after-count", "They seized four AK 47 rifles.", "47"),
    ("numbered-place", "Gate 7, where the crash happened, stayed shut on Monday.", "7"),
    ("numbered-station", "SKY 9 footage showed police cars at the depot.", "9"),
    ("numbered-unit", "Engine 23 was the first to reach the depot.", "23"),
    ("numbered-name-before-a-noun", "Chopper 8 footage showed the depot on fire.", "8"),
]


def test_a_noun_numbered_mid_sentence_is_still_counted_when_it_counts(claims_of):
    assert [c.surface for c in claims_of("Police said 3 people died at Gate 7.")] == ["3"]


@pytest.mark.parametrize(("sentence", "digits"), [pytest.param(*r[1:], id=r[0]) for r in NAMES])
def test_numbers_in_names_are_not_figures(claims_of, sentence, digits):
    assert [c.surface for c in claims_of(sentence) if digits in c.surface] == []


# (id, sentence, surface, person)
AGES = [
    (
        "after-name",
        "Twenty-nine-year-old Dana Whitlock and 27-year-old Owen Tallis were charged.",
        "27-year-old",
        "Owen Tallis",
    ),
    (
        "appositive-before",
        "Marek Duval, the 27-year-old Belgian man, is in hiding.",
        "27-year-old",
        "Marek Duval",
    ),
    (
        "list",
        "They are Officer Ray Dunmore, 44, Officer Kelly Brandt, 39, and Luis Ortega, 32.",
        "39",
        "Kelly Brandt",
    ),
    (
        "name-not-entity",
        "Police said Ja'Von Welk, an 18-year-old student, was killed.",
        "an 18-year-old",
        "Ja'Von Welk",
    ),
    ("decade", "He shot a man in his 40s near the gate.", "40s", "the man"),
    (
        "ranging-ages",
        "Nine people, ranging from 14- to 30-years-old, were hurt.",
        "from 14- to 30-years-old",
        "people",
    ),
    ("age-limit", "Entry is open to anyone over the age of 21.", "over the age of 21", "anyone"),
    ("or-older", "Entry is free for students 18 and older.", "18 and older", "students"),
    ("noun-comma-age", "A man, 45, was shot in the leg.", "45", "the man"),
    ("kin-comma-age", "His daughter, 7, was hurt in the blast.", "7", "the daughter"),
    ("two-ages-first", "She lost two sons, 11 and 14, in the strike.", "11", "the sons"),
    ("two-ages-second", "She lost two sons, 11 and 14, in the strike.", "14", "the sons"),
]


@pytest.mark.parametrize(
    ("sentence", "surface", "counted"),
    [
        pytest.param(
            "Three officers, 12 civilians and a dog were hurt.", "12", "civilian", id="a-list"
        ),
        pytest.param(
            "Police arrested two men, 19 women and a boy.", "19", "woman", id="a-list-of-arrests"
        ),
    ],
)
def test_a_count_after_a_noun_for_people_is_no_age(claims_of, sentence, surface, counted):
    claim = next(c for c in claims_of(sentence) if c.surface == surface)
    assert claim.kind == "count"
    assert claim.counted == counted


@pytest.mark.parametrize(
    ("sentence", "surface", "person"), [pytest.param(*row[1:], id=row[0]) for row in AGES]
)
def test_age_belongs_to_person(claims_of, sentence, surface, person):
    claim = next(c for c in claims_of(sentence) if c.surface == surface)
    assert claim.kind == "age"
    assert claim.subject == person


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("Last week's attacks killed 129.", id="last-week"),
        pytest.param("The mayor spoke today.", id="today"),
        pytest.param("They were charged last month.", id="last-month"),
    ],
)
def test_relative_dates_are_not_figures(claims_of, sentence):
    """ "last week" says when only against the publication date: the findings check that; it
    is not a figure two articles can state differently."""
    assert [c.surface for c in claims_of(sentence) if c.kind != "count"] == []


# (id, sentence, surface, kind, iso)
DATES = [
    (
        "month-day-year",
        "They met in Paris on Nov. 17, 2015.",
        "Nov. 17, 2015",
        "date",
        "2015-11-17",
    ),
    (
        "month-day-anchored",
        "On Nov. 17, 2015 they met, after the attacks of Nov. 13.",
        "Nov. 13",
        "date",
        "2015-11-13",
    ),
    ("weekday", "Kerry said on Tuesday that the group was losing.", "Tuesday", "date", None),
    ("weekday-part", "The attacks on Friday night shocked Paris.", "Friday night", "date", None),
    ("bare-month", "Another shooting took place there last October.", "October", "date", None),
    ("month-after-since", "the fifth operation since September", "September", "date", None),
    ("slashes-spaced", "4 / 9 / 19 10:15 AM ET", "4 / 9 / 19", "date", "2019-04-09"),
    ("midday", "Up to midday Monday one person had died.", "midday", "time", None),
    ("hhmm-beside-gmt", "The quake struck at 1353 (1023 GMT).", "1353", "time", None),
    (
        "clock-range",
        "They were inside between 2:10 a.m. and 2:18 a.m. that night.",
        "between 2:10 a.m. and 2:18 a.m.",
        "time",
        None,
    ),
    ("bare-year", "The drug case dates from 2013.", "2013", "date", "2013"),
    ("clock", "The quake hit at 4:22 PM local time.", "4:22 PM", "time", None),
]


@pytest.mark.parametrize(
    ("sentence", "surface", "kind", "iso"), [pytest.param(*row[1:], id=row[0]) for row in DATES]
)
def test_dates_are_not_counts(claims_of, sentence, surface, kind, iso):
    claims = claims_of(sentence)
    claim = next(c for c in claims if c.surface == surface)
    assert claim.kind == kind
    assert claim.date == iso
    digits = [
        c for c in claims if c.kind == "count" and c.start >= claim.start and c.end <= claim.end
    ]
    assert digits == [], "a date must not also yield a count"


NOT_COUNTS = [
    ("day-of-month", "The attacks of Nov. 13 shocked France.", "13"),
    ("year-of-case", "They questioned the 2013 charges against him.", "2013"),
    ("summit", "Obama spoke at the G20 on Monday.", "20"),
    ("pronoun-one", "Two cruisers, one with windows shot out, sat behind the tape.", "one"),
]


@pytest.mark.parametrize(
    ("sentence", "digits"), [pytest.param(s, d, id=i) for i, s, d in NOT_COUNTS]
)
def test_not_a_grouped_count(claims_of, sentence, digits):
    from factcheck.align import GROUPED_TOPICS

    counts = [c for c in claims_of(sentence) if c.kind == "count" and digits in c.surface]
    assert all(c.topic not in GROUPED_TOPICS for c in counts)


def test_no_one_who_is_not_a_figure(claims_of):
    assert [c for c in claims_of("No one answered the door.") if c.surface == "No one"] == []


def test_comparison_toll_is_marked(claims_of):
    text = (
        "Harbour town shooting leaves two dead\n\nThe shooting came a month after a massacre at "
        "a concert hall in Easton, where a gunman killed 31 people."
    )
    claim = next(c for c in claims_of(text) if c.surface == "31")
    assert "other_event" in claim.notes


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "The most recent was February 28, when six people were shot.", id="most-recent"
        ),
        pytest.param("The storm last year killed 40 people.", id="last-year"),
        pytest.param(
            "It was the deadliest attack since 2004, when 191 people were killed.", id="deadliest"
        ),
    ],
)
def test_recalled_events_are_marked(claims_of, text):
    counts = [c for c in claims_of(text) if c.kind == "count"]
    assert counts
    assert all("other_event" in c.notes for c in counts)


def test_intent_is_not_a_toll(claims_of):
    claim = next(
        c for c in claims_of("The gunman planned to kill hundreds.") if c.surface == "hundreds"
    )
    assert "intent" in claim.notes


def test_offsets_index_the_text(claims_of):
    text = "Headline: 3 dead\n\nPolice said 12 people were hurt on Tuesday, and some 40 fled."
    for claim in claims_of(text):
        assert text[claim.start : claim.end] == claim.surface
        assert claim.sentence in text


def test_parsing_in_batches_of_characters_keeps_every_piece_in_order(nlp):
    from factcheck.extract import _parsed

    texts = ["1 killed."] * 3 + ["Police said " + "nine people were hurt, " * 400 + "in all."]
    texts += [f"{n} hurt." for n in range(2000)]
    assert [d.text for d in _parsed(nlp, texts)] == texts


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        pytest.param(
            "Two hurt in depot fire\n\nTwo workers were hurt.\n► Related: 5 killed in mill blast",
            ["Two", "Two"],
            id="related-link-line",
        ),
        pytest.param(
            "Two hurt in depot fire\n\nMORE: All 3 firefighters named\nTwo workers were hurt.",
            ["Two", "Two"],
            id="more-link-line",
        ),
        pytest.param(
            "WATCH: Chief says 3 hurt in depot fire\n\nThree workers were hurt.",
            ["3", "Three"],
            id="a-headline-is-never-a-link",
        ),
        pytest.param(
            "Two hurt in depot fire\n\nRelated: Fire crews at the scene said 4 workers were "
            "hurt. Medics treated 6 more workers at the scene for smoke, officials said later.",
            ["Two", "4", "6"],
            id="a-paragraph-after-the-cue-is-the-story",
        ),
    ],
)
def test_a_line_linking_to_another_story_holds_no_claims(claims_of, text, surfaces):
    assert [c.surface for c in claims_of(text)] == surfaces


@pytest.mark.parametrize(
    ("sentence", "may"),
    [
        pytest.param("1,204 killed.", False, id="figures-only"),
        pytest.param("12 dead, 40 hurt, 3 missing.", False, id="lower-case-list"),
        pytest.param("police arrested 3 men at the depot.", False, id="lower-case-no-date"),
        pytest.param("Three men were arrested.", True, id="a-capital-may-start-a-name"),
        pytest.param("Émile Roux, 45, died.", True, id="an-accented-capital"),
        pytest.param("12 killed in 2015.", True, id="a-year"),
        pytest.param("the quarry shut in the 1990s.", True, id="a-decade"),
        pytest.param("3 hurt during the night.", True, id="a-time-word"),
        pytest.param("40 fled in the past two weeks.", True, id="a-plural-time-word"),
        pytest.param("5 hurt on tuesday.", True, id="a-day-name-in-lower-case"),
    ],
)
def test_which_sentences_may_hold_an_entity(sentence, may):
    from factcheck.sentences import may_hold_entity

    assert may_hold_entity(sentence) is may


LOWER_CASE = (
    "1,204 killed. 12 dead, 40 hurt, 3 missing. police arrested 3 men at the depot. "
    "12 killed in 2015. 3 hurt during the night. 40 fled in the past two weeks. "
    "crews pulled 7 workers from the rubble, 2 of them children."
)


def test_the_recogniser_left_out_where_no_entity_can_be_changes_no_claim(
    nlp, claims_of, monkeypatch
):
    """Claims with the entity recogniser run only where an entity may be are those with it run
    on every sentence; and it is left out somewhere, or the comparison would prove nothing."""
    from factcheck import sentences

    asked: list[bool] = []
    real = sentences.may_hold_entity

    def counted(text: str) -> bool:
        asked.append(real(text))
        return asked[-1]

    monkeypatch.setattr(sentences, "may_hold_entity", counted)
    skipping = claims_of(LOWER_CASE)
    monkeypatch.setattr(sentences, "may_hold_entity", lambda text: True)
    everywhere = claims_of(LOWER_CASE)
    assert False in asked
    assert True in asked
    assert len(skipping) >= 9
    assert skipping == everywhere


def test_a_sentence_the_recogniser_leaves_out_has_no_entities_and_is_still_parsed(nlp):
    from factcheck.extract import _parsed

    doc, named = _parsed(nlp, ["1,204 killed.", "Three died in Leeds on Monday."])
    assert [t.dep_ for t in doc] != ["", "", ""]
    assert doc.ents == ()
    assert {e.label_ for e in named.ents} >= {"GPE", "DATE"}


def test_a_recogniser_that_listens_to_a_shared_encoder_runs_with_it(nlp):
    """Where the recogniser reads a shared token encoder (a pipeline other than the small
    English one), it cannot run apart from it, so it runs on every sentence."""
    from types import SimpleNamespace

    from factcheck.extract import _recogniser_apart

    def pipeline(listening: list[str]) -> SimpleNamespace:
        encoder = SimpleNamespace(listening_components=listening)
        return SimpleNamespace(
            pipe_names=["tok2vec", "parser", "ner"],
            components=[("tok2vec", encoder), ("parser", object()), ("ner", object())],
        )

    assert _recogniser_apart(nlp)
    assert _recogniser_apart(pipeline(["parser"]))
    assert not _recogniser_apart(pipeline(["parser", "ner"]))


def test_the_recogniser_runs_on_every_sentence_unless_it_stands_apart(nlp):
    """Run with the rest of the pipeline, it reads "1,204" as a cardinal; run apart, it skips a
    sentence that can hold no entity the extractor reads."""
    from factcheck.extract import _parse_batch

    [together] = _parse_batch(nlp, ["1,204 killed."], apart=False)
    [apart] = _parse_batch(nlp, ["1,204 killed."], apart=True)
    assert [e.label_ for e in together.ents] == ["CARDINAL"]
    assert apart.ents == ()


@pytest.mark.parametrize(
    ("sentence", "surface", "weekday"),
    [
        pytest.param("On Monday a group of about 90 marched.", "about 90", "monday", id="before"),
        pytest.param("31 were arrested Friday night.", "31", "friday", id="right-after"),
        pytest.param("Police said two died Thursday.", "two", "thursday", id="said-then-a-day"),
        pytest.param(
            "The governor said Thursday that seven people were killed.",
            "seven",
            None,
            id="the-day-it-was-said",
        ),
        pytest.param(
            "The mayor told reporters on Friday that 12 were hurt.", "12", None, id="told-on"
        ),
        pytest.param(
            "Police said in a statement Tuesday that 31 were arrested on Sunday.",
            "31",
            "sunday",
            id="said-one-day-done-another",
        ),
    ],
)
def test_the_day_a_figure_is_tied_to(claims_of, sentence, surface, weekday):
    claim = next(c for c in claims_of(sentence) if c.surface == surface)
    assert claim.day == weekday


@pytest.mark.parametrize(
    ("sentence", "surface", "part"),
    [
        pytest.param("Relatives named one of two civilians injured.", "one", True, id="of-a-word"),
        pytest.param("One of 15 victims died in hospital.", "One", True, id="of-digits"),
        pytest.param("Relatives named one of two civilians injured.", "two", False, id="the-whole"),
        pytest.param("One of the victims died in hospital.", "One", True, id="of-the"),
    ],
)
def test_a_number_of_a_number_is_a_part(claims_of, sentence, surface, part):
    claim = next(c for c in claims_of(sentence) if c.surface == surface)
    assert ("part" in claim.notes) is part


def test_a_gallerys_slide_counters_are_no_figures_but_its_captions_are(claims_of):
    text = (
        "Fire at the depot\n\n"
        "Photo: A. Lin 1 of 4 Crews at the gate. Photo: A. Lin 2 of 4 Smoke over the yard. "
        "Photo: A. Lin 3 of 4 Twelve workers were hurt in the fire. Photo: A. Lin 4 of 4 The gate."
    )
    surfaces = [c.surface for c in claims_of(text)]
    assert surfaces == ["Twelve"]


def test_a_lone_n_of_m_is_a_figure(claims_of):
    surfaces = [c.surface for c in claims_of("Police said 3 of 15 workers were hurt.")]
    assert "3" in surfaces
    assert "15" in surfaces
