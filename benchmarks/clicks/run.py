"""Score ``llmsdocs curlify`` on the products that are not in ../shared/clicks (held out).

The labelled cases and pages are committed here (see each ``SOURCE.md``); the OpenAPI specs are
not (8 MB), except Grafana's (0.7 MB) and ToolJet's (24 KB), whose repositories are too large for any
mirror here: they are
taken byte for byte from the repositories named in ``sources.json``, from a bare git mirror
(``--mirrors``, the folder the search tool's ``fetch`` fills; one ``owner+name/repo`` git dir
each), or from the npm package a product ships its spec in (n8n: ``npm pack`` into
``<mirrors>/npm/``, checked against the tarball's sha256), or bundled from many files by the
product's own pinned bundler (Apify: ``npx @redocly/cli bundle``, checked against the sha256 of
the file the cases were labelled on; OpenProject: a port of its own assembler kept beside its
cases; Coder: a mechanical Swagger 2.0 → OpenAPI 3.0 conversion; Woodpecker: the same, of the
Swagger 2.0 template in its Go source, rendered first; Harbor and Casdoor: the same, of their
swagger files, by the one ``swagger2_to_openapi3.py`` beside the sets; Rocket.Chat: its eleven per-area files merged by ``bundle_spec.py``;
Logto: its one server URL's bracketed host made a server variable; Windmill: its spec with the one file it
refers to joined in; Gitea: its two template placeholders filled), or concatenated from
its parts in the order its own Makefile gives (Mattermost). A spec split across files (Hatchet)
lists them all in ``files``; each is written beside the root file. The sets are assembled in a
scratch folder beside a copy of the shared scorer, which finds products as its sibling folders, then scored with::

    python benchmarks/clicks/run.py [--mirrors /work/.mirror] [--product coolify] [--no-hints]

Labels were made by hand, blind to the tool (SOURCE.md). Each set's ``cases.jsonl`` is its
record: the ``build_cases.py`` a SOURCE.md describes, which wrote it from the hand labels, is not
kept (one copy per set of the same line-and-context code). Develop on some, check on the others.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SCORER = REPO.parent / "shared" / "clicks" / "score_clicks.py"
PRODUCTS = sorted(p.name for p in HERE.iterdir() if (p / "cases.jsonl").is_file())


def npm_spec_bytes(mirrors: Path, source: dict[str, str]) -> bytes:
    """The spec file from the product's npm tarball (``npm pack`` it once into ``<mirrors>/npm``)."""
    folder = mirrors / "npm"
    tarball = folder / f"{source['package']}-{source['version']}.tgz"
    if not tarball.is_file():
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "pack", f"{source['package']}@{source['version']}"], cwd=folder,
                       check=True, capture_output=True)
    if hashlib.sha256(tarball.read_bytes()).hexdigest() != source["tarball_sha256"]:
        raise SystemExit(f"{tarball}: not the tarball the cases were labelled on")
    with tarfile.open(tarball) as tar:
        member = tar.extractfile(source["path"])
        if member is None:
            raise SystemExit(f"{tarball}: no {source['path']}")
        return member.read()


def bundled_spec_bytes(git_dir: Path, source: dict[str, Any], product: str) -> bytes:
    """A spec bundled from many files: the listed folders at the commit, then the product's own
    bundler, pinned, through npx (Apify's ``openapi:build:json``), or a port of it kept in the
    set's folder (OpenProject's ``lib/api/open_api.rb``, whose files redocly's YAML parser refuses)."""
    bundle = source["bundle"]
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(
            ["git", f"--git-dir={git_dir}", "archive", source["commit"], *bundle["archive"]],
            check=True, capture_output=True,
        ).stdout
        subprocess.run(["tar", "x"], input=archive, cwd=tmp, check=True)
        if "script" in bundle:
            command = [sys.executable, str(HERE / product / bundle["script"]), *bundle["args"]]
        else:
            command = ["npx", "--yes", "--package", bundle["npm"], "redocly", *bundle["args"]]
        subprocess.run(command, cwd=tmp, check=True, capture_output=True)
        return (Path(tmp) / str(bundle["output"])).read_bytes()


def spec_bytes(mirrors: Path, source: dict[str, Any], product: str = "") -> bytes:
    if source.get("registry") == "npm":
        return npm_spec_bytes(mirrors, source)
    repo = source.get("mirror_repo") or source["repo"]  # a fork at the same commit (see mirror_note)
    git_dir = mirrors / repo.replace("/", "+") / "repo"
    if not git_dir.is_dir():
        raise SystemExit(f"{git_dir}: no mirror of {repo} (fetch github:{repo})")
    if source.get("bundle"):
        return bundled_spec_bytes(git_dir, source, product)
    if source.get("concat"):  # Mattermost's api/Makefile: its source files, one after another
        return b"".join(spec_bytes(mirrors, {**source, "concat": None, "path": f}) for f in source["concat"])
    data = subprocess.run(
        ["git", f"--git-dir={git_dir}", "show", f"{source['commit']}:{source['path']}"],
        check=True, capture_output=True,
    ).stdout
    if source.get("patch", "").startswith('top-level "servers": []'):
        # the documented one-field patch: Supabase's copy of its spec names no server
        server = b'"servers": [\n    {\n      "url": "https://api.supabase.com"\n    }\n  ]'
        data = data.replace(b'"servers": []', server, 1)
    if source.get("escape_raw_newlines"):
        data = escape_raw_newlines(data)
    return data


def escape_raw_newlines(data: bytes) -> bytes:
    """Checkly's committed JSON has raw newlines inside strings (strict parsers reject it): each
    becomes the two characters ``\\n``, nothing else changes (checked by ``sha256_saved``)."""
    out = bytearray()
    in_string = escaped = False
    for byte in data:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:  # quote
                in_string = False
            elif byte == 0x0A:
                out += b"\\n"
                continue
        elif byte == 0x22:
            in_string = True
        out.append(byte)
    return bytes(out)


def assemble(work: Path, mirrors: Path, product: str) -> None:
    src = HERE / product
    dst = work / product
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns("SOURCE.md", "sources.json", "*.py"))
    source = json.loads((src / "sources.json").read_text(encoding="utf-8"))["spec"]
    # Grafana: its repository is too large to fetch, so its spec is kept beside its cases
    data = (src / source["saved_as"]).read_bytes() if source.get("committed") else spec_bytes(mirrors, source, product)
    want = source.get("sha256_saved")
    if want and hashlib.sha256(data).hexdigest() != want:
        raise SystemExit(f"{product}: the spec from the mirror is not the one the cases were labelled on")
    (dst / source.get("saved_as", "openapi.json")).write_bytes(data)
    root = Path(source["path"]).parent
    for name in source.get("files", ()):  # a spec split across files: the others, beside it
        if name == source["path"]:
            continue
        part = dst / Path(name).relative_to(root)
        part.parent.mkdir(parents=True, exist_ok=True)
        part.write_bytes(spec_bytes(mirrors, {**source, "path": name}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"))
    ap.add_argument("--product", choices=PRODUCTS + ["all"], default="all")
    ap.add_argument("--no-hints", action="store_true", help="curlify --no-hints")
    ap.add_argument("--keep", type=Path, help="assemble the sets here and keep them")
    args = ap.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="llmsdocs-clicks-"))
    work.mkdir(parents=True, exist_ok=True)
    shutil.copy(SCORER, work / "score_clicks.py")
    llmsdocs = Path(sys.executable).parent / "llmsdocs"
    cmd = f"{llmsdocs} curlify {{page}} --openapi {{spec}}" + (" --no-hints" if args.no_hints else "")
    for product in PRODUCTS if args.product == "all" else [args.product]:
        if not (work / product).exists():
            assemble(work, args.mirrors, product)
        out = subprocess.run(
            [sys.executable, str(work / "score_clicks.py"), "--product", product, "--cmd", cmd,
             "--out", str(work)],
            check=True, capture_output=True, text=True,
        ).stdout.strip().splitlines()[-1]
        s = json.loads(out)
        precision = "  n/a" if s["precision"] is None else f"{s['precision']:.3f}"  # no curl written
        print(f"{product:9} precision {precision}  recall {s['recall']:.3f}  "
              f"false-rewrite {s['false_rewrite_rate']:.3f}  ({s['correct_curls']}/"
              f"{s['curls_emitted_in_labelled_blocks']} curls, {s['mappable']} mappable, {s['null']} null)")
    if not args.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
