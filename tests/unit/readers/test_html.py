"""HTML reader."""

from __future__ import annotations

import pytest

from ipcoop.ingest.document import BlockType
from ipcoop.ingest.readers import HTML, EmptyDocument, read

from .makers import assert_offsets, split_rows

PAGE = """<!DOCTYPE html>
<html><head><meta charset="windows-1252"><title>Gateway</title>
<style>p { color: red }</style><script>var skip = "script text";</script></head>
<body>
<nav><a href="/">Home</a> <a href="/docs">Documents</a></nav>
<h1>Report of Côte d'Ivoire</h1>
<div>Intro <b>bold</b> text<p>First   paragraph.</p>Tail text</div>
<ul><li>One</li><li>Two<ul><li>Two-a</li></ul></li></ul>
<table>
  <thead><tr><th>#</th><th>Title of programme or activity</th><th>Start date</th></tr></thead>
  <tbody><tr><td>1</td><td>Regional <i>seminar</i> on GIs</td><td>20/07/2009</td></tr></tbody>
</table>
<table><tr><td>Beneficiary Member(s) or<br>observer(s)</td><td><p>Mali;</p><p>Chad</p></td></tr>
<tr><td>Brief description</td><td>A workshop.</td></tr></table>
<table><tr><td><p>Layout cell paragraph</p></td></tr></table>
<p hidden>Hidden text</p>
<script>document.write("more script")</script>
</body></html>"""


def test_blocks_in_document_order() -> None:
    doc = read(PAGE.encode("cp1252"), source="page.html")
    assert doc.media_type == HTML
    assert doc.warnings == []
    assert_offsets(doc)
    simple, rows = split_rows(doc)
    assert simple == [
        (BlockType.HEADING, "Report of Côte d'Ivoire"),
        (BlockType.PARAGRAPH, "Intro bold text"),
        (BlockType.PARAGRAPH, "First paragraph."),
        (BlockType.PARAGRAPH, "Tail text"),
        (BlockType.LIST_ITEM, "One"),
        (BlockType.LIST_ITEM, "Two"),
        (BlockType.LIST_ITEM, "Two-a"),
        (BlockType.PARAGRAPH, "Layout cell paragraph"),
    ]
    assert [([c.text for c in r.cells], r.table) for r in rows] == [
        (["#", "Title of programme or activity", "Start date"], 0),
        (["1", "Regional seminar on GIs", "20/07/2009"], 0),
        (["Beneficiary Member(s) or observer(s)", "Mali; Chad"], 1),
        (["Brief description", "A workshop."], 1),
    ]
    for hidden in ("script text", "more script", "Home", "Hidden text", "Gateway", "color"):
        assert hidden not in doc.text


def test_undeclared_legacy_encoding_is_detected_with_a_warning() -> None:
    page = "<html><body><p>Séminaire à Dakar pour la Côte d'Ivoire</p></body></html>"
    doc = read(page.encode("cp1252"), source="old.html")
    assert doc.blocks[0].text == "Séminaire à Dakar pour la Côte d'Ivoire"
    assert any("cp1252" in w for w in doc.warnings)


def test_wrong_declared_charset_falls_back_with_a_warning() -> None:
    page = '<html><head><meta charset="utf-8"></head><body><p>Côte d\'Ivoire</p></body></html>'
    doc = read(page.encode("cp1252"), source="liar.html")
    assert doc.blocks[0].text == "Côte d'Ivoire"
    assert any("declares charset 'utf-8'" in w for w in doc.warnings)


def test_page_without_visible_text_is_empty() -> None:
    with pytest.raises(EmptyDocument, match="no visible text"):
        read(
            b"<html><head><title>x</title></head><body><script>1</script></body></html>",
            source="blank.html",
        )
