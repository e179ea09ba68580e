"""Vega-Lite specifications for the profile charts, built on the server from the profile data.

The browser only embeds them (static/charts.js); the same figures are printed as tables.
"""

from __future__ import annotations

from typing import Any

from ipcoop.stats.service import RoleProfile

SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"  # an identifier; never fetched
ACCENT = "#0b5394"
LAND = "#e3e7eb"


def _(text: str) -> str:
    """Marks a string for extraction; translated where the page renders it."""
    return text


def _base(description: str, data: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "$schema": SCHEMA,
        "description": description,
        "data": {"values": data},
        "width": "container",
        "config": {"view": {"stroke": None}, "axis": {"labelFontSize": 12, "titleFontSize": 12}},
    }


def _whole_numbers(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Axis or legend settings that show counts as whole numbers, each once."""
    most = max((int(r["count"]) for r in rows), default=1)
    settings: dict[str, Any] = {"format": "d", "tickMinStep": 1}
    if most <= 6:
        settings["values"] = list(range(most + 1))
    return settings


def years_chart(role: RoleProfile, description: str) -> dict[str, Any]:
    """Bars of activities per start year (years without activity shown as zero)."""
    spec = _base(description, role.by_year)
    spec.update(
        height=180,
        mark={"type": "bar", "color": ACCENT, "tooltip": True},
        encoding={
            "x": {
                "field": "year",
                "type": "ordinal",
                "title": _("Year"),
                "axis": {"labelAngle": 0},
            },
            "y": {
                "field": "count",
                "type": "quantitative",
                "title": _("Activities"),
                "axis": _whole_numbers(role.by_year),
            },
        },
    )
    return spec


def ranking_chart(rows: list[dict[str, Any]], label: str, description: str) -> dict[str, Any]:
    """Horizontal bars, largest first, of rows with a label field and a count."""
    spec = _base(description, rows)
    spec.update(
        height={"step": 22},
        autosize={"type": "fit-x", "contains": "padding"},
        mark={"type": "bar", "color": ACCENT, "tooltip": True},
        encoding={
            # the figure caption names the axis; long labels are cut (the table has them whole)
            "y": {
                "field": label,
                "type": "nominal",
                "title": None,
                "sort": "-x",
                "axis": {"labelLimit": 170},
            },
            "x": {
                "field": "count",
                "type": "quantitative",
                "title": _("Activities"),
                "axis": _whole_numbers(rows),
            },
        },
    )
    return spec


def world_map(rows: list[dict[str, Any]], topology_url: str, description: str) -> dict[str, Any]:
    """A choropleth of activities per country, joined on the ISO 3166 numeric code."""
    countries = {"url": topology_url, "format": {"type": "topojson", "feature": "countries"}}
    legend = {**_whole_numbers(rows), "orient": "left"}
    del legend["tickMinStep"]
    spec = _base(description, rows)
    del spec["data"]
    spec.update(
        height=320,
        projection={"type": "equalEarth"},
        layer=[
            {
                "data": countries,
                "mark": {"type": "geoshape", "fill": LAND, "stroke": "#ffffff", "strokeWidth": 0.5},
            },
            {
                "data": countries,
                "transform": [
                    {
                        "lookup": "id",
                        "from": {
                            "data": {"values": rows},
                            "key": "isonum",
                            "fields": ["code", "name", "count"],
                        },
                    },
                    {"filter": "datum.count != null"},
                ],
                "mark": {"type": "geoshape", "stroke": "#ffffff", "strokeWidth": 0.5},
                "encoding": {
                    "color": {
                        "field": "count",
                        "type": "quantitative",
                        "title": _("Activities"),
                        "scale": {"scheme": "blues", "domainMin": 0},
                        "legend": legend,
                    },
                    "tooltip": [
                        {"field": "name", "title": _("Party")},
                        {"field": "count", "title": _("Activities")},
                    ],
                },
            },
        ],
    )
    return spec


def role_charts(role: RoleProfile, topology_url: str, names: dict[str, str]) -> dict[str, Any]:
    """The specs of one role's figures, keyed years, topics, partners, map (when there is data).

    ``names`` holds the (translated) figure titles, keyed the same way.
    """
    charts: dict[str, Any] = {}
    if role.by_year:
        charts["years"] = years_chart(role, names["years"])
    if role.by_topic:
        charts["topics"] = ranking_chart(role.by_topic, "label", names["topics"])
    if role.partners:
        charts["partners"] = ranking_chart(role.partners, "name", names["partners"])
    if role.map:
        charts["map"] = world_map(role.map, topology_url, names["map"])
    return charts
