"""What the seed documents name, as more than one test expects to find it (in extraction, the
API and the pages)."""

from __future__ import annotations

# the eight platforms of the ASEAN IP cooperation in the ASEAN seed (004), in its order
ASEAN_PLATFORMS = [
    "ASEAN IP Portal",
    "ASEAN Patentscope",
    "ASEAN TMclass",
    "ASEAN TMview",
    "ASEAN Designview",
    "ASEAN GI Database",
    "ASEAN IP Case Law",
    "ASEAN IP Training Platform for MSME",
]
# the seven programmes GIPA offers in the United States' 2021 report (seed 002), in its order
GIPA_OFFERS = [
    "Patent Programmes",
    "Plant Variety Protection (PVP)",
    "Trademark Programmes",
    "Copyright Programmes",
    "Trade Secrets Programmes",
    "Enforcement Programmes",
    "Distance learning",
]
