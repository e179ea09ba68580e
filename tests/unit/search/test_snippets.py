"""Snippets mark the query's words and escape everything else."""

from ipcoop.search.snippets import snippet


def test_marks_inflections_and_escapes_html() -> None:
    out = snippet("Workshop <b>on</b> Combating Counterfeiting & Piracy", "counterfeit piracy")
    assert str(out) == (
        "Workshop &lt;b&gt;on&lt;/b&gt; Combating <mark>Counterfeiting</mark> "
        "&amp; <mark>Piracy</mark>"
    )


def test_window_starts_near_the_first_match() -> None:
    text = "x " * 300 + "geographical indications for coffee"
    out = str(snippet(text, "geographical", window=60))
    assert out.startswith("…") and "<mark>geographical</mark>" in out


def test_no_query_gives_the_plain_start() -> None:
    assert str(snippet("a < b", "")) == "a &lt; b"
    assert str(snippet(None, "x")) == ""
