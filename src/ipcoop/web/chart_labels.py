"""A party profile's charts in the page's language: their axis and legend titles, the topic
and party names in their data, and their descriptions for screen readers."""

from __future__ import annotations

from typing import Any

from ipcoop.web.i18n import gettext
from ipcoop.web.labels import N_, party_name, term

DESCRIPTIONS = {
    "years": N_("%(party)s: activities per year, %(role)s"),
    "topics": N_("%(party)s: activities per topic, %(role)s"),
    "partners": N_("%(party)s: activities per partner, %(role)s"),
    "map": N_("%(party)s: activities per beneficiary country, %(role)s"),
}
ROLES = {
    "provider": N_("as provider"),
    "beneficiary": N_("as beneficiary"),
    "reporter": N_("as reporter"),
}


def descriptions(code: str, role: str, lang: str) -> dict[str, str]:
    """The charts' descriptions of one role, keyed as ``role_charts`` wants them."""
    values = {"party": party_name(code, lang), "role": gettext(lang, ROLES.get(role, role))}
    return {key: gettext(lang, message) % values for key, message in DESCRIPTIONS.items()}


def localize(spec: Any, lang: str) -> Any:
    """A copy of a Vega-Lite spec with titles translated and the rows' names in ``lang``: a
    row with a party code gets the party's name, a topic row its label."""
    if isinstance(spec, list):
        return [localize(item, lang) for item in spec]
    if not isinstance(spec, dict):
        return spec
    out = {key: localize(value, lang) for key, value in spec.items()}
    if isinstance(out.get("title"), str):
        out["title"] = gettext(lang, out["title"])
    code = out.get("code")
    if isinstance(code, str) and "count" in out:
        if "label" in out:
            out["label"] = term("topic", code, lang)
        if "name" in out:
            out["name"] = party_name(code, lang)
    return out
