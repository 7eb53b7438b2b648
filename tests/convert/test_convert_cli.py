"""The ``llmsdocs convert`` command: file, folder and stdin; one-line errors."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from llmsdocs.cli import main

PAGE = "<html><head><title>P - Site</title></head><body><nav>menu</nav><main><h1>Page</h1>"\
       "<p><a href='../other/'>other</a></p></main></body></html>"


def test_convert_cli_file_prints_markdown(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text(PAGE, encoding="utf-8")
    result = CliRunner().invoke(main, ["convert", str(page), "--url", "https://d.org/a/b/"])
    assert result.exit_code == 0, result.output
    assert result.output == "# Page\n\n[other](https://d.org/a/other/)\n"


def test_convert_cli_folder_mirrors_tree_as_twins(tmp_path: Path) -> None:
    src = tmp_path / "site"
    (src / "guide").mkdir(parents=True)
    (src / "index.html").write_text(PAGE, encoding="utf-8")
    (src / "guide" / "index.html").write_text(PAGE, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["convert", str(src), str(out), "--site-url", "https://d.org/", "--jobs", "2"])
    assert result.exit_code == 0, result.output
    assert (out / "index.html.md").read_text(encoding="utf-8").startswith("# Page")
    twin = (out / "guide" / "index.html.md").read_text(encoding="utf-8")
    assert "(https://d.org/other/)" in twin


def test_convert_cli_stdin() -> None:
    result = CliRunner().invoke(main, ["convert", "-"], input=PAGE)
    assert result.exit_code == 0
    assert result.output.startswith("# Page")


def test_convert_cli_binary_file_is_one_line_error_exit_1(tmp_path: Path) -> None:
    bad = tmp_path / "logo.html"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    result = CliRunner().invoke(main, ["convert", str(bad)])
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: {bad}: not HTML (binary data)"


def test_convert_cli_folder_reports_bad_page_and_writes_the_rest(tmp_path: Path) -> None:
    src = tmp_path / "site"
    src.mkdir()
    (src / "good.html").write_text(PAGE, encoding="utf-8")
    (src / "bad.html").write_bytes(b"\x7fELF" + bytes(range(256)))
    result = CliRunner().invoke(main, ["convert", str(src), str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "bad.html: not HTML (binary data)" in result.output
    assert (tmp_path / "out" / "good.html.md").exists()


def test_convert_cli_file_into_existing_folder(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text(PAGE, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    result = CliRunner().invoke(main, ["convert", str(page), str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "p.html.md").read_text(encoding="utf-8").startswith("# Page")


def test_convert_cli_as_a_subprocess(tmp_path: Path) -> None:
    import subprocess
    import sys

    page = tmp_path / "p.html"
    page.write_text(PAGE, encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", "from llmsdocs.cli import main; main()",
                           "convert", str(page)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("# Page")
