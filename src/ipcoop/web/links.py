"""Links from documents: a URL read from a report becomes a link only when it is http(s)
(docs/security.md, "Links from documents"); anything else is shown as text."""

from __future__ import annotations

from urllib.parse import urlsplit

from markupsafe import Markup, escape

WEB_SCHEMES = ("http", "https")


def web_url(value: object) -> str | None:
    """The value as an absolute http(s) URL with a host, or None (javascript:, data:, relative
    and protocol-relative URLs, anything with white space or control characters inside)."""
    if not isinstance(value, str):
        return None
    url = value.strip()
    if not url or any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:  # a malformed host ("http://[x") is text, not a link
        return None
    return url if parts.scheme.lower() in WEB_SCHEMES and parts.hostname else None


def external_link(value: object) -> Markup:
    """A link to a URL from a document, or the value as text when it is not a web address."""
    url = web_url(value)
    if url is None:
        return escape("" if value is None else str(value))
    return Markup('<a href="{0}" rel="nofollow noopener noreferrer">{0}</a>').format(url)
