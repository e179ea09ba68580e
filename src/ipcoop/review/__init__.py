"""Submission and curation: accounts, roles, permissions, workflow states, versions, audit."""
