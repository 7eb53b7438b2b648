"""Hostile input: no crash, no hang, the page's text kept, dangerous URLs gone."""

from __future__ import annotations

import pytest

from llmsdocs import InputError, convert, convert_page


def test_convert_survives_60000_deep_nesting_and_keeps_text_after_it() -> None:
    html = "<html><body><main>" + "<div>" * 60000 + "deep text" + "</div>" * 60000
    html += "<p>after the nest</p></main></body></html>"
    out = convert(html)
    assert "deep text" in out
    assert "after the nest" in out


def test_convert_keeps_text_after_300_deep_nesting_libxml2_would_drop() -> None:
    html = "<body><article><h1>T</h1>" + "<span>" * 300 + "x" + "</span>" * 300
    html += "<p>tail paragraph</p></article></body>"
    out = convert(html)
    assert "tail paragraph" in out and out.startswith("# T")


def test_convert_4mb_page() -> None:
    para = "<p>Lorem ipsum <a href='/x'>dolor</a> sit amet, <code>consectetur</code>.</p>\n"
    html = "<main><h1>Big</h1>" + para * (4_000_000 // len(para)) + "<p>THE END</p></main>"
    out = convert(html)
    assert out.count("Lorem ipsum") == 4_000_000 // len(para)
    assert out.rstrip().endswith("THE END")


def test_convert_invalid_utf8_bytes_are_replaced_not_fatal() -> None:
    out = convert(b"<main><h1>Caf\xe9</h1><p>ok \xff\xfe bytes</p></main>")
    assert "ok" in out and "bytes" in out and "\ufffd" in out


def test_convert_nul_bytes_are_removed() -> None:
    out = convert(b"<main><h1>N</h1><p>a\x00b\x00c</p></main>")
    assert "abc" in out and "\x00" not in out
    assert "abc" in convert("<main><p>a\x00b\x00c</p></main>")


def test_convert_50000_attributes_on_one_tag() -> None:
    attrs = " ".join(f"data-a{i}='{i}'" for i in range(50000))
    out = convert(f"<main><h1>A</h1><p {attrs}>still here</p></main>")
    assert "still here" in out


def test_convert_unclosed_tags_keep_text() -> None:
    out = convert("<main><h1>U<p>one<p>two<ul><li>three<li>four<table><tr><td>five")
    for word in ("one", "two", "three", "four", "five"):
        assert word in out


@pytest.mark.parametrize("empty", ["", b"", "   \n", b"\xef\xbb\xbf"])
def test_convert_empty_input_gives_a_titled_empty_page(empty: str | bytes) -> None:
    assert convert(empty).startswith("# ")


def test_convert_binary_input_is_an_input_error() -> None:
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    with pytest.raises(InputError) as info:
        convert_page(png, path="logo.png")
    assert str(info.value) == "logo.png: not HTML (binary data)"
    assert isinstance(info.value, ValueError)


def test_convert_scripts_and_event_handlers_never_reach_output() -> None:
    html = ("<main><h1>S</h1><script>alert('x')</script><p onclick='evil()'>t</p>"
            "<a href='  javascript:alert(1)'>go</a><iframe src='https://x'></iframe></main>")
    out = convert(html)
    assert "alert" not in out and "evil" not in out and "javascript" not in out
    assert "go" in out


def test_convert_bytes_decoded_by_bom_then_meta_charset() -> None:
    assert "é" in convert("\ufeff<main><p>é</p></main>".encode("utf-16-le"))
    assert "é" in convert(b'<meta charset="latin-1"><main><p>\xe9</p></main>')


@pytest.mark.parametrize("depth", [10, 300])
def test_convert_character_references_xml_forbids_and_bad_names(depth: int) -> None:
    """Form feeds, NULs and non-characters from references never break the tree; text stays."""
    html = ("<main><h1>R</h1>" + "<div>" * depth + "<p a\"b=1 c='&#12;'>one&#12;two&#0;"
            "&#xFFFE;three</p><p\"q>four</p><!-- a -- b -->" + "</div>" * depth
            + "<pre>x<br>&#12;y</pre><p>after</p></main>")
    out = convert(html)
    for word in ("one", "two", "three", "four", "after"):
        assert word in out
