"""The controlled vocabularies' terms: topics, activity types, audiences and modality.

Codes are stable (they are stored and exported); labels are English (the translations are in
the message catalogs). Keywords are regex fragments matched case-insensitively on word
boundaries, where a space stands for any run of whitespace; ``(?-i:...)`` marks acronyms that
must keep their case (GI, SMEs, PCT). docs/taxonomy.md documents the same tables; the tagger
is ``ipcoop.ingest.normalize.taxonomy``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    """One taxonomy entry: its code, English label and the keywords that tag it."""

    code: str
    label: str
    keywords: tuple[str, ...]
    generic: frozenset[str] = frozenset()  # weak type words ("programme") lose to specific ones


def _t(code: str, label: str, *keywords: str) -> Term:
    """A term; a keyword written with a leading '~' is generic."""
    plain = tuple(kw.lstrip("~") for kw in keywords)
    return Term(code, label, plain, frozenset(kw[1:] for kw in keywords if kw.startswith("~")))


TOPIC_TERMS: tuple[Term, ...] = (
    _t("patents", "Patents", "patents?", "patenting", "patentability", "utility models?",
       "(?-i:PCT)", "Patent Cooperation Treaty", "inventions?", "brevets?", "patentes?"),
    _t("trademarks", "Trademarks", "trademarks?", "trade marks?", "service marks?",
       "collective marks?", "certification marks?", "Madrid (?:System|Protocol)",
       "marques?", "marcas?"),
    _t("industrial_designs", "Industrial designs", "industrial designs?", "design rights?",
       "design protection", "Hague (?:System|Agreement)", "dessins et modèles",
       "diseños industriales", "dibujos y modelos"),
    _t("copyright", "Copyright and related rights", "copyrights?", "related rights",
       "neighbou?ring rights", "collective management", "droits? d'auteur",
       "derechos? de autor", "derechos conexos", "droits voisins"),
    _t("geographical_indications", "Geographical indications", "geographical indications?",
       "(?-i:GIs?)", "appellations? of origin", "indications? géographiques?",
       "indicaciones? geográficas?", "denominaci(?:ón|ones) de origen", "appellations? d'origine"),
    _t("plant_varieties", "Plant variety protection", "plant variet(?:y|ies)",
       "plant breeders'? rights?", "(?-i:PVP)", "(?-i:UPOV)", "new varieties of plants",
       "obtentions? végétales?", "variétés végétales", "variedades vegetales",
       "obtenciones vegetales"),
    _t("trade_secrets", "Trade secrets", "trade secrets?", "undisclosed information",
       "confidential business information", "secrets? d'affaires", "secretos? comerciales",
       "secretos? empresariales"),
    _t("traditional_knowledge", "Traditional knowledge and genetic resources",
       "traditional knowledge", "genetic resources?", "traditional cultural expressions?",
       "folklore", "(?-i:TK)", "savoirs traditionnels", "ressources génétiques",
       "conocimientos tradicionales", "recursos genéticos"),
    _t("enforcement", "Enforcement (civil, criminal, border measures)", "enforcement",
       "counterfeit(?:s|ing|ed)?", "anti-counterfeiting", "piracy", "pirated",
       "border measures?", "civil (?:remedies|procedures|enforcement|litigation)",
       "criminal (?:enforcement|sanctions|procedures|penalties|prosecution)",
       "infring(?:ement|ements|ing)", "seizures?", "illicit (?:trade|goods|medicines)",
       "contrefaçons?", "piratage", "observance", "falsificaci(?:ón|ones)", "piratería",
       "observancia"),
    _t("public_health", "IP and public health", "public health", "access to medicines",
       "medicines?", "pharmaceuticals?", "vaccines?", "(?-i:COVID-19)", "santé publique",
       "médicaments?", "salud pública", "medicamentos?"),
    _t("office_administration", "IP office administration and automation",
       "office administration", "office automation", "office management", "automation",
       "examination", "examiners?", "(?-i:IPAS)", "digiti[sz]ation", "backlogs?",
       "moderni[sz]ation", "registration procedures?", "quality management"),
    _t("technology_transfer", "Technology transfer", "technology transfer",
       "transfer of technolog(?:y|ies)", "tech transfer", "(?-i:TTOs?)",
       "Article 66\\.2", "transfert de technologies?", "transferencia de tecnología"),
    _t("commercialization", "IP commercialization and SMEs", "commerciali[sz]ation",
       "(?-i:SMEs?)", "small and medium(?:-sized)? enterprises?", "small businesses?",
       "branding", "licen[cs]ing", "valuation", "IP management", "entrepreneurs?",
       "start-?ups?", "(?-i:PMEs?|PYMEs?|pymes)", "petites et moyennes entreprises",
       "pequeñas y medianas empresas", "comerciali[sz]aci[oó]n"),
    _t("awareness", "Awareness and education", "awareness", "public awareness",
       "education", "educational", "outreach", "teaching", "curricul(?:um|a)",
       "campaigns?", "sensibilisation", "sensibilización", "concienciación",
       "éducation", "educación"),
)

TYPE_TERMS: tuple[Term, ...] = (
    _t("workshop", "Workshop", "workshops?", "ateliers?", "taller(?:es)?"),
    _t("seminar", "Seminar", "seminars?", "webinars?", "symposi(?:um|a|ums)", "conferences?",
       "séminaires?", "seminarios?", "conférences?", "conferencias?"),
    _t("colloquium", "Colloquium", "colloqui(?:um|a|ums)", "colloques?", "coloquios?"),
    _t("training_course", "Training course", "training courses?",
       "training program(?:me)?s?", "train(?:ing)?-the-trainers?", "training of trainers",
       "summer schools?", "courses?", "cours", "cursos?", "formations?", "capacitaci[oó]n",
       "~training"),
    _t("elearning_course", "E-learning course", "e-learning(?: courses?)?", "elearning",
       "distance[- ]learning(?: courses?)?", "online courses?", "(?-i:MOOCs?)",
       "(?-i:DL-\\d+)", "formation à distance", "enseignement à distance",
       "cursos? en línea", "aprendizaje a distancia", "educación a distancia"),
    _t("study_visit", "Study visit", "study visits?", "study tours?", "exchange visits?",
       "internships?", "visites? d'études?", "visitas? de estudio"),
    _t("expert_mission", "Expert mission", "expert missions?", "advisory missions?",
       "experts? visits?", "technical assistance missions?", "missions? d'experts?",
       "misi(?:ón|ones) de expertos", "~missions?", "~misi(?:ón|ones)"),
    _t("diagnostic_mission", "Diagnostic mission", "diagnostic missions?",
       "diagnostic", "needs? assessments?", "assessment missions?", "gap analys[ie]s",
       "missions? de diagnostic", "misi(?:ón|ones) de diagn[oó]stico"),
    _t("enforcement_operation", "Enforcement operation", "enforcement operations?",
       "joint operations?", "customs operations?", "(?-i:Operations?)",
       "opérations? conjointes?", "operaci(?:ón|ones) conjuntas?"),
    _t("meeting", "Meeting or dialogue", "meetings?", "dialogues?", "forums?", "fora",
       "round[- ]?tables?", "~consultations?", "réunions?", "reuni(?:ón|ones)", "diálogos?"),
    _t("study", "Study, survey or publication", "stud(?:y|ies)", "surveys?",
       "~publications?", "handbooks?", "manuals?", "~guides?", "~research", "~mapping",
       "études?", "estudios?", "encuestas?"),
    _t("tool", "Tool or platform", "tools?", "toolkits?", "tool kits?", "platforms?",
       "databases?", "portals?", "software", "(?-i:IPAS)", "outils?", "plateformes?",
       "plataformas?", "herramientas?", "bases? de données", "bases? de datos"),
    _t("legislative_assistance", "Legislative assistance",
       "legislative (?:assistance|advice|drafting|support)",
       "draft(?:ing)? (?:laws?|legislation|regulations)", "law reform", "legal advice",
       "review of (?:the )?(?:legislation|laws?)", "assistance législative",
       "asistencia legislativa"),
    _t("financial_contribution", "Funds-in-trust or financial contribution",
       "funds?-in-trust", "trust funds?", "financial (?:contributions?|support|assistance)",
       "grants?", "donations?", "fonds fiduciaires?", "fondos fiduciarios?"),
    _t("project", "Project or programme", "~projects?", "~program(?:me)?s?", "~projets?",
       "~proyectos?", "~programas?", "~initiatives?"),
)

AUDIENCE_TERMS: tuple[Term, ...] = (
    _t("customs_officers", "Customs officers",
       "(?<!World\\s)customs(?! Organi[sz]ation| Co-?operation Fund| procedures| law)",
       "border (?:officials|officers|agencies|guards?|control)",
       "douanes?", "douaniers?", "aduanas?", "aduaneros?"),
    _t("police", "Police", "police", "law enforcement (?:officers|officials|agencies|authorities)",
       "polic[ií]a", "gendarmerie"),
    _t("prosecutors", "Prosecutors", "prosecutors?", "prosecution services?",
       "public prosecution", "procureurs?", "fiscales", "ministère public", "ministerio público"),
    _t("judges", "Judges and the judiciary", "judges?", "judiciary", "judicial",
       "magistrates?", "courts?", "juges?", "jueces", "magistrats?", "judicature",
       "poder judicial"),
    _t("ip_office_staff", "IP office examiners and managers",
       "(?:IP|intellectual property|industrial property|patent|trademark) offices? "
       "(?:staff|officials|officers|personnel|examiners|employees|managers)",
       "examiners?", "examinateurs?", "examinadores?",
       "(?:officials|staff|personnel|officers) (?:from|of) (?:the )?(?:national )?"
       "(?:IP|intellectual property|industrial property) offices?"),
    _t("policy_makers", "Policy makers", "policy[- ]?makers?", "decision[- ]makers?",
       "government officials", "legislators?", "parliamentarians?", "senior officials",
       "décideurs?", "responsables politiques", "formuladores de políticas",
       "responsables de políticas"),
    _t("smes", "SMEs", "(?-i:SMEs?)", "small and medium(?:-sized)? enterprises?",
       "small businesses?", "entrepreneurs?", "start-?ups?", "(?-i:PMEs?|PYMEs?|pymes)",
       "petites et moyennes entreprises", "pequeñas y medianas empresas"),
    _t("universities", "Universities and researchers", "universit(?:y|ies)", "academia",
       "academics", "researchers?", "research (?:institutions?|institutes?|centres?|centers?)",
       "(?-i:TTOs?)", "universités?", "universidad(?:es)?", "investigadores?", "chercheurs?"),
    _t("cmos", "Collective management organizations",
       "collective management organi[sz]ations?", "(?-i:CMOs?)", "collecting societ(?:y|ies)",
       "sociétés de gestion collective", "sociedades de gestión colectiva"),
    _t("farmers_producers", "Farmers and producers", "farmers?", "producers?", "growers?",
       "agricult(?:eurs?|ores?)", "producteurs?", "productores?", "campesinos?"),
)

MODALITY_TERMS: tuple[Term, ...] = (
    _t("online", "Online", "online", "on-line", "live online", "virtual(?:ly)?", "webinars?",
       "e-learning", "elearning", "distance[- ]learning", "video-?conferenc(?:e|es|ing)",
       "remote(?:ly)?", "en ligne", "en línea", "virtuel(?:le)?s?"),
    _t("in_person", "In person", "in[- ]person", "face[- ]to[- ]face", "on[- ]site",
       "off-?line", "physical(?:ly)?", "presencial(?:es)?", "en présentiel", "présentiel(?:le)?"),
    _t("hybrid", "Hybrid", "hybrid", "blended", "hybride", "h[ií]brid[oa]s?"),
)

TOPICS: dict[str, str] = {term.code: term.label for term in TOPIC_TERMS}
TYPES: dict[str, str] = {term.code: term.label for term in TYPE_TERMS}
AUDIENCES: dict[str, str] = {term.code: term.label for term in AUDIENCE_TERMS}
MODALITIES: dict[str, str] = {term.code: term.label for term in MODALITY_TERMS}
