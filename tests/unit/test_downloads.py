"""Content-Disposition values (RFC 6266 and 5987) for names no header may be broken by."""

from __future__ import annotations

from urllib.parse import unquote

import pytest

from ipcoop.downloads import attachment


def _split(value: str) -> tuple[str, str]:
    head, _, exact = value.partition("; filename*=UTF-8''")
    assert head.startswith('attachment; filename="') and head.endswith('"'), value
    return head.removeprefix('attachment; filename="')[:-1], unquote(exact)


@pytest.mark.parametrize(
    ("name", "plain", "exact"),
    [
        ("report.pdf", "report.pdf", "report.pdf"),
        ('a "quoted"\r\nname.txt', "a _quoted_ name.txt", 'a "quoted" name.txt'),
        ("Informe de España.docx", "Informe de Espana.docx", "Informe de España.docx"),
        ("日本.html", "__.html", "日本.html"),
        ("日本", "download", "日本"),
        ("\x00\x1b[31m", "_31m", "[31m"),
        ("", "download", "download"),
    ],
)
def test_the_name_is_kept_exactly_and_an_ascii_fallback_beside_it(
    name: str, plain: str, exact: str
) -> None:
    value = attachment(name)
    assert value.isascii() and value.isprintable()
    assert _split(value) == (plain, exact)
