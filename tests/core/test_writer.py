"""Writes are atomic and never leave the output folder; the manifest round-trips."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from llmsdocs.errors import LlmsdocsError, WriteError
from llmsdocs.manifest import (
    GeneratedFile,
    Manifest,
    PageRecord,
    html_hash,
    load_manifest,
    save_manifest,
)
from llmsdocs.writer import atomic_write, safe_path


def test_error_message_is_path_colon_reason() -> None:
    assert str(LlmsdocsError("a/b.html", "not HTML")) == "a/b.html: not HTML"


def test_atomic_write_replaces_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "page.html.md"
    atomic_write(target, "one")
    atomic_write(target, "two")
    assert target.read_text() == "two"
    assert sorted(p.name for p in target.parent.iterdir()) == ["page.html.md"]


def test_safe_path_refuses_parent_escape(tmp_path: Path) -> None:
    with pytest.raises(WriteError):
        safe_path(tmp_path / "site", "../outside.md")


def test_symlink_out_of_folder_is_refused(tmp_path: Path) -> None:
    site = tmp_path / "site"
    outside = tmp_path / "outside"
    site.mkdir()
    outside.mkdir()
    os.symlink(outside, site / "link")
    with pytest.raises(WriteError):
        atomic_write(site / "link" / "x.md", "data", root=site)
    assert not (outside / "x.md").exists()


def test_failed_write_keeps_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "llms.txt"
    target.write_text("old")

    def boom(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        atomic_write(target, "new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["llms.txt"]


def test_html_hash_ignores_our_injected_elements() -> None:
    page = b"<html><head><title>T</title></head><body><p>x</p></body></html>"
    edited = page.replace(
        b"</head>",
        b'<link rel="alternate" type="text/markdown" href="/x.html.md" data-llmsdocs>\n'
        b"<script data-llmsdocs>copy()</script></head>",
    )
    assert html_hash(page) == html_hash(edited)
    assert html_hash(page) != html_hash(page.replace(b"<p>x</p>", b"<p>y</p>"))


def test_manifest_round_trip(tmp_path: Path) -> None:
    manifest = Manifest(site_url="https://example.com/docs/", generator="mkdocs")
    manifest.files["a.html.md"] = GeneratedFile(sha256="00", kind="twin", page="a.html")
    manifest.pages["a.html"] = PageRecord(html_sha256="11", twin="a.html.md", title="A")
    manifest.excluded["404.html"] = "404 page"
    save_manifest(tmp_path, manifest)
    assert load_manifest(tmp_path) == manifest
    assert load_manifest(tmp_path / "nowhere") is None


def test_relative_root_and_path_land_once_inside_the_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A path given relative to the working directory, like its root, is not joined twice."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "site").mkdir()
    atomic_write(Path("site") / "page.html.md", "x", root=Path("site"))
    assert (tmp_path / "site" / "page.html.md").read_text() == "x"
    assert not (tmp_path / "site" / "site").exists()
    with pytest.raises(WriteError):
        atomic_write(Path("outside.md"), "x", root=Path("site"))
