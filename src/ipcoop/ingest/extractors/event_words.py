"""The words that make a sentence tell of an event, in English, French and Spanish.

- event nouns (workshop, atelier, taller ...), each mapped to its singular so that a plural
  (a series: "four regional workshops") is told from one event;
- happened cues (active and passive: "organized", "was held", "took place", "a eu lieu",
  "s'est tenu", "se llevó a cabo" ...) and planned cues ("will be held", "to take place",
  "aura lieu", "se celebrará" ...);
- end cues ("will end on", "prendra fin le", "concluirá el"): the date is the event's end;
- cues that make a date no event's date: deadlines, terms of office, suspensions,
  publication and circulation;
- relative times ("in the last two weeks", "la semaine dernière", "en las dos últimas
  semanas") that date an event by the page's own date.
"""

from __future__ import annotations

import re

# plural or singular form -> singular; multi-word nouns first when matched
_NOUNS: dict[str, tuple[str, ...]] = {
    # English
    "workshop": ("workshops",),
    "seminar": ("seminars",),
    "webinar": ("webinars",),
    "training course": ("training courses",),
    "course": ("courses",),
    "training": ("trainings",),
    "expert visit": ("expert visits",),
    "study visit": ("study visits",),
    "study tour": ("study tours",),
    "mission": ("missions",),
    "conference": ("conferences",),
    "symposium": ("symposia", "symposiums"),
    "colloquium": ("colloquia", "colloquiums"),
    "dialogue": ("dialogues",),
    "meeting": ("meetings",),
    "roundtable": ("roundtables",),
    "round table": ("round tables",),
    "forum": ("forums", "fora"),
    "project": ("projects",),
    "programme": ("programmes",),
    "masterclass": ("masterclasses",),
    "master class": ("master classes",),
    "program": ("programs",),
    # French
    "atelier": ("ateliers",),
    "séminaire": ("séminaires",),
    "webinaire": ("webinaires",),
    "formation": ("formations",),
    "stage": ("stages",),
    "visite d'étude": ("visites d'étude",),
    "colloque": ("colloques",),
    "réunion": ("réunions",),
    "conférence": ("conférences",),
    "table ronde": ("tables rondes",),
    "projet": ("projets",),
    "rencontre": ("rencontres",),
    "classe de maître": ("classes de maître",),
    # Spanish
    "taller": ("talleres",),
    "seminario": ("seminarios",),
    "seminario web": ("seminarios web",),
    "curso": ("cursos",),
    "capacitación": ("capacitaciones",),
    "misión": ("misiones",),
    "reunión": ("reuniones",),
    "proyecto": ("proyectos",),
    "programa": ("programas",),
    "conferencia": ("conferencias",),
    "coloquio": ("coloquios",),
    "simposio": ("simposios",),
    "visita de estudio": ("visitas de estudio",),
    "diálogo": ("diálogos",),
    "foro": ("foros",),
    "encuentro": ("encuentros",),
    "clase magistral": ("clases magistrales",),
}
SINGULAR: dict[str, str] = {}
for _singular, _plurals in _NOUNS.items():
    SINGULAR[_singular] = _singular
    for _plural in _plurals:
        SINGULAR[_plural] = _singular
# the French "mission", "programme" and "conférence"-like forms share English spellings
SINGULAR.setdefault("missions", "mission")

EVENT_NOUN = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(SINGULAR, key=len, reverse=True))
    + r")(?![\w-])",
    re.IGNORECASE,
)


def singular(noun: str) -> str:
    """The singular of an event noun as written ("Workshops" -> "workshop")."""
    key = " ".join(noun.casefold().replace("’", "'").split())
    return SINGULAR.get(key, key)


def is_plural(noun: str) -> bool:
    """Whether an event noun as written is a plural (a series of events)."""
    key = " ".join(noun.casefold().replace("’", "'").split())
    return SINGULAR.get(key, key) != key


_PARTICIPLE = (
    r"(?:held|organi[sz]ed|co-organi[sz]ed|conducted|delivered|hosted|convened|launched|run|"
    r"carried\s+out|implemented|offered|given|attended|completed|opened)"
)
HAPPENED = re.compile(
    r"\b(?:(?:was|were|been|had\s+been|has\s+been|have\s+been)\s+(?:also\s+|successfully\s+|"
    r"jointly\s+)?" + _PARTICIPLE + r"|took\s+place|"
    r"(?:organi[sz]ed|co-organi[sz]ed|held|hosted|delivered|conducted|convened|ran|launched|"
    r"welcomed|embarked\s+on|began|started|participated\s+in|attended|visited|"
    r"travell?ed\s+to|went\s+to|undertook)\b|"
    # a visit or mission someone made or paid ("made a two-day study visit to")
    r"(?:made|paid)\s+(?:a|an|two|three|several)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:visits?|missions?|tours?|trips?)\b|"
    r"held\s+(?:on|in|from)|(?:is|are)\s+(?:being\s+held|taking\s+place)|"
    # French
    r"(?:a|ont)\s+eu\s+lieu|s['’]est\s+(?:tenue?s?|déroulée?s?)|se\s+sont\s+(?:tenue?s|"
    r"déroulée?s)|se\s+(?:tient|tiennent|déroule|déroulent)|(?:a|ont)\s+tenu|"
    r"dispensée?s?\b|(?:a|ont)\s+dispensé|se\s+sont\s+(?:tenue?s|"
    r"déroulée?s)|(?:a|ont)\s+été\s+(?:organisée?s?|lancée?s?|réalisée?s?|tenue?s?)|"
    r"(?:a|ont)\s+(?:organisé|accueilli|convié|réuni|lancé|débuté|démarré|participé)|"
    r"organise|organisent|organisée?s?\b|s['’]est\s+rendue?s?|se\s+sont\s+rendue?s|"
    r"(?:a|ont)\s+visité|(?:a|ont)\s+effectué|"
    # Spanish
    r"se\s+(?:llevó|llevaron|lleva|llevan)\s+a\s+cabo|se\s+(?:celebra|realiza|desarrolla)\b|"
    r"se\s+(?:celebró|celebraron|realizó|realizaron|"
    r"inauguró|desarrolló)|tuvo\s+lugar|tuvieron\s+lugar|organizó|organizaron|"
    r"(?:fue|fueron)\s+(?:organizad[oa]s?|realizad[oa]s?|celebrad[oa]s?)|dieron\s+la\s+"
    r"bienvenida|participaron|impartió|impartieron|comenzó|se\s+lanzó|visitó|visitaron|"
    r"viajó\s+a|viajaron\s+a|se\s+trasladó|se\s+trasladaron|realizó|realizaron|efectuó|"
    r"efectuaron)",
    re.IGNORECASE,
)
PLANNED = re.compile(
    r"\b(?:(?:will|would)\s+(?:be\s+(?:held|organi[sz]ed|conducted|delivered|hosted)|"
    r"take\s+place|(?:also\s+)?(?:host|hold|organi[sz]e|co-organi[sz]e|deliver|conduct|convene|"
    r"run|offer|launch|visit))|"
    r"(?:is|are)\s+(?:to\s+be\s+held|scheduled|planned|expected\s+to)|to\s+take\s+place|"
    r"to\s+be\s+held|(?:is|are|was|were)\s+being\s+organi[sz]ed|planned\s+(?:to|for)|"
    r"foreseen|upcoming|forthcoming|"
    r"aura\s+lieu|se\s+tiendra|sera\s+organisée?|(?:est|sont)\s+prévue?s?|se\s+déroulera|"
    r"organisera|organiseront|accueillera|accueilleront|dispensera|"
    r"se\s+(?:llevará|llevarán)\s+a\s+cabo|se\s+celebrará|tendrá\s+lugar|"
    r"(?:está|están)\s+previst[oa]s?|será\s+organizad[oa]|organizará|organizarán|"
    r"realizará|realizarán|impartirá|acogerá)\b",
    re.IGNORECASE,
)
END = re.compile(
    r"\b(?:will\s+(?:end|close|conclude)\s+on|ends?\s+on|closes?\s+on|concluded\s+on|"
    r"prendra\s+fin|s'achèvera|se\s+terminera|prend\s+fin|"
    r"concluirá|finalizará|terminará|clausurará)\b",
    re.IGNORECASE,
)
# A date after these is not an event's: deadlines (in the same stretch of a dozen words),
# terms of office, suspensions, publication and circulation (a few words before the date).
NOT_AN_EVENT_DATE = re.compile(
    r"(?:(?:deadline|closing\s+date|apply\s+(?:by|before)|applications?\s+(?:by|before)|"
    r"no\s+later\s+than|submitted\s+by|due\s+(?:on|by)|"
    r"date\s+limite|au\s+plus\s+tard|avant\s+le|plazo|fecha\s+límite|a\s+más\s+tardar)"
    r"\W+(?:\w+\W+){0,12}$)|(?:"
    r"(?:as\s+)?director[\s-]+general|term\s+of\s+office|served\s+as|appointed|elected|"
    r"mandat|mandato|suspend\w*|dated|circulated|published|issued|publié\w*|diffusé\w*|"
    r"en\s+date\s+du|de\s+fecha|publicad\w*|distribuid\w*|"
    r"since\s+the\s+council's\s+last|last\s+meeting)\W+(?:\w+\W+){0,4}$",
    re.IGNORECASE,
)
# a news dateline before the text: nothing or a place in capitals, the date, then a colon or a
# dash (an agency's name in brackets between)
DATELINE = re.compile(r"\s*(?:[A-ZÀ-Þ][A-ZÀ-Þ .'-]+,\s*)?")
DATELINE_END = re.compile(r"\s*(?:\([^()]{1,20}\)\s*)?[:–—-]\s")
RELATIVE_TIME = re.compile(
    r"\b(?:in\s+the\s+(?:last|past)\s+(?:two\s+|few\s+|\d+\s+)?(?:days|weeks?|months?)|"
    r"(?:this|last)\s+week|recently|"
    r"la\s+semaine\s+(?:dernière|passée)|(?:ces|les)\s+(?:deux\s+)?dernières\s+semaines|"
    r"récemment|"
    r"en\s+las?\s+(?:dos\s+)?(?:últimas|pasadas)\s+semanas?|la\s+semana\s+pasada|"
    r"recientemente)\b",
    re.IGNORECASE,
)
