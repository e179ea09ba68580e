"""Aggregations over activities: counts by dimension, party profiles, chart specifications."""
