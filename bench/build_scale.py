"""Build time at 1×, 10× and 100× the claims, against plain Material building the same pages.

The bench copies the project, multiplies the claims synthetically (each copy with its own id,
quote and texts, so nothing is served from a cache that real new claims would miss, share images
included), builds its original edition with the hooks, then builds the same pages, rendered by
the engine, with plain Material (anchor.py): the difference is what the engine and our theme
additions cost. Prints seconds, per-claim cost and peak memory of both, `mkdocs serve` latency of
both, and the original language edition alone against every edition (wall and CPU seconds);
`make bench` runs it. This site's builds keep Jinja's compiled templates in a temp folder of the
bench's own, which starts empty: the first build at 1× compiles them, as a maintainer's first
build does, and the fresh-clone builds each start from an empty one.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from functools import partial
from pathlib import Path

import yaml
from anchor import plain_material_project, report_third_party_hosts, site_path
from sitebuild import ROOT, build_site

FACTORS = (1, 10, 100)
RUNS = 3  # median of this many builds at 1×, one build at the larger factors
# `mkdocs serve` notices a saved file by polling every half second, so one edit's latency varies
# by that much: the median of this many edits of each site.
SERVE_EDITS = 9
COPY_IGNORE = shutil.ignore_patterns(".venv", ".git", "site", ".cache", "__pycache__")


def multiplied_project(target: Path, factor: int) -> Path:
    """A copy of the project with every claim `factor` times, in the original and in each
    translation (copies get ids, quotes and texts of their own)."""
    shutil.copytree(ROOT, target, ignore=COPY_IGNORE)
    for claims_file in (target / "data").glob("**/claims.yaml"):
        text = claims_file.read_text("utf-8")
        head, *blocks = re.split(r"(?m)^(?=  - id: )", text)
        copies = [_copy_of(block, number) for number in range(2, factor + 1) for block in blocks]
        claims_file.write_text(head + "".join(blocks) + "".join(copies), "utf-8")
    return target


def _copy_of(block: str, number: int) -> str:
    block = re.sub(r"(?m)^  - id: (\S+)", rf"  - id: \1-kopie-{number}", block, count=1)
    # A quote of its own (the original's `quote`, a translation's `quote_translation`): share
    # images are keyed by what they show, so each copy's is drawn as a new claim's would be. The
    # note goes first, since a quote may run over several lines, double-quoted or as a block.
    quote = r"^(    quote(?:_translation)?: )"
    block = re.sub(rf'{quote}"', rf'\1"(Vergleichskopie {number}) ', block, flags=re.M)
    block = re.sub(
        rf"{quote}([>|]-)\n", rf"\1\2\n      (Vergleichskopie {number})\n", block, flags=re.M
    )
    # Rich texts end with a note of their own, so each copy is compiled like a new claim.
    for field in ("summary", "evidence"):
        block = re.sub(
            rf"(?m)^(    {field}: \|-\n(?:      .*\n|\n)+)",
            lambda match: match.group(1).rstrip("\n") + f"\n      (Vergleichskopie {number}.)\n",
            block,
            count=1,
        )
    return block


# Runs a build as its own child and writes the child's wall seconds and peak memory (kB) to a
# file. Measured from the bench's own process instead, a build would count the bench's memory
# too: a forked child's peak includes what it shared with its parent before exec.
_MEASURED_RUN = """import resource, subprocess, sys, time
started = time.perf_counter()
code = subprocess.call(sys.argv[2:])
seconds = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
open(sys.argv[1], "w").write(f"{seconds} {usage.ru_maxrss} {usage.ru_utime + usage.ru_stime}")
sys.exit(code)"""


def timed_build(
    project: Path, runs: int, check: Callable[[Path], None] | None = None, **env: str
) -> tuple[float, float, float]:
    """Median wall seconds of `runs` strict builds, the peak memory (MB) of any of them and the
    median CPU seconds (user and system); `check` looks at the first built site (untimed);
    `env`: environment variables of the build."""
    seconds, peaks, cpu = [], [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as folder:
            measured = Path(folder) / "measured"
            launcher = (sys.executable, "-c", _MEASURED_RUN, str(measured))
            result = build_site(project, Path(folder) / "site", launcher=launcher, **env)
            if result.returncode:
                raise SystemExit(result.output[-3000:])
            if check and not seconds:
                check(result.site_dir)
            wall, peak_kb, cpu_seconds = measured.read_text().split()
            seconds.append(float(wall))
            peaks.append(int(peak_kb) / 1024)
            cpu.append(float(cpu_seconds))
    return _median(seconds), max(peaks), _median(cpu)


def _median(values: list[float]) -> float:
    return sorted(values)[len(values) // 2]


def editions_times(project: Path, **env: str) -> tuple[tuple[float, float], tuple[float, float]]:
    """(wall, CPU) median seconds of the original edition alone and of every edition."""
    languages = ",".join(edition_languages(project)[:1])
    one_wall, _, one_cpu = timed_build(project, RUNS, XP_EDITIONS=languages, **env)
    all_wall, _, all_cpu = timed_build(project, RUNS, **env)
    return (one_wall, one_cpu), (all_wall, all_cpu)


def own_temp_folder(folder: Path) -> dict[str, str]:
    """The environment of builds whose temp folder is `folder`, made empty: Jinja keeps
    compiled templates for the next build there, so a bench run starts as a new machine would."""
    folder.mkdir()
    return {"TMPDIR": str(folder)}


def cold_and_warm(folder: Path) -> tuple[float, float, float]:
    """A fresh clone's first build against the next one, every edition: median wall seconds of
    each over RUNS fresh copies on a fresh machine (no .cache/, no __pycache__, no compiled
    templates in the temp folder), and the median of their ratios."""
    pairs = []
    for run in range(RUNS):
        copy = shutil.copytree(ROOT, folder / f"fresh-{run}", ignore=COPY_IGNORE)
        temp = own_temp_folder(folder / f"fresh-{run}-temp")
        pairs.append((timed_build(copy, 1, **temp)[0], timed_build(copy, 1, **temp)[0]))
    cold, warm = (_median([pair[side] for pair in pairs]) for side in (0, 1))
    return cold, warm, _median([first / second for first, second in pairs])


def edition_languages(project: Path) -> list[str]:
    """The original's language, then the translations'."""
    sys.path.insert(0, str(project / "hooks"))
    from explainer.site import load_build

    editions = load_build(project).editions
    sys.path.pop(0)
    return [edition.language for edition in editions.all]


class ServedSite:
    """`mkdocs serve` of `project` on a free port of 127.0.0.1 (`env`: environment variables of
    the server), up once `page` ('behauptungen/<id>/') is served; stopped by stop()."""

    def __init__(self, project: Path, page: str, **env: str) -> None:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        self.project = project
        self.url = f"http://127.0.0.1:{port}{site_path(project)}{page}"
        self.server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project, env={**os.environ, **env},
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        _wait_for(lambda: "Geprüft am" in _fetch(self.url), 120)

    def latency(self, edited: str, edit: Callable[[str, str], str]) -> float:
        """Seconds from saving the file `edited` (below the project) to the page showing the
        change; `edit(text, marker)` is the text saved."""
        edited_file = self.project / edited
        text = edited_file.read_text("utf-8")
        started = time.perf_counter()
        marker = f"Geändert {time.time_ns()}."  # new on every edit, even on a reused copy
        edited_file.write_text(edit(text, marker), "utf-8")
        _wait_for(lambda: marker in _fetch(self.url), 60)
        return time.perf_counter() - started

    def stop(self) -> None:
        self.server.terminate()
        self.server.wait(timeout=10)


def serve_latencies(folder: Path, original: str, temp: dict[str, str]) -> tuple[float, float]:
    """Median `mkdocs serve` latency of this site's 1× copy in `folder` (a claim's evidence
    saved in data/claims.yaml) and of the anchor's (the same claim page saved): both served at
    once, SERVE_EDITS edits of each, in turns."""
    claims = yaml.safe_load((ROOT / "data" / "claims.yaml").read_text("utf-8"))["claims"]
    claim_id = claims[0]["id"]
    page = f"behauptungen/{claim_id}/"
    ours_site = ServedSite(folder / "ours-1", page, XP_EDITIONS=original, **temp)
    try:
        bare_site = ServedSite(folder / "bare-1", page)
        try:
            ours, bare = [], []
            for _ in range(SERVE_EDITS):
                ours.append(ours_site.latency("data/claims.yaml", _edit_claim_evidence))
                bare.append(
                    bare_site.latency(f"docs/behauptungen/{claim_id}.md", _append_paragraph)
                )
        finally:
            bare_site.stop()
    finally:
        ours_site.stop()
    return _median(ours), _median(bare)


def _edit_claim_evidence(text: str, marker: str) -> str:
    """An editor's change: a new first line in the first claim's evidence (data/claims.yaml; not
    its summary, which data/published.json holds: changed, it would need a correction)."""
    return text.replace("    evidence: |-\n", f"    evidence: |-\n      {marker}\n", 1)


def _append_paragraph(text: str, marker: str) -> str:
    return f"{text}\n\n{marker}\n"


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait_for(condition: object, seconds: float) -> None:
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        if condition():  # type: ignore[operator]
            return
        time.sleep(0.05)
    raise SystemExit("mkdocs serve did not show the change in time")


def main(factors: tuple[int, ...] = FACTORS) -> list[dict[str, float]]:
    claims = len(yaml.safe_load((ROOT / "data" / "claims.yaml").read_text("utf-8"))["claims"])
    original = edition_languages(ROOT)[0]
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        temp = own_temp_folder(Path(folder) / "temp")  # this site's builds, the same for each
        for factor in factors:
            ours = multiplied_project(Path(folder) / f"ours-{factor}", factor)
            bare = plain_material_project(ours, Path(folder) / f"bare-{factor}")
            runs = RUNS if factor == 1 else 1
            # The original edition alone: the pages the anchor has.
            ours_seconds, peak, _ = timed_build(ours, runs, XP_EDITIONS=original, **temp)
            bare_seconds, bare_peak, _ = timed_build(
                bare, runs, check=partial(report_third_party_hosts, project=bare)
            )
            rows.append({"factor": factor, "claims": claims * factor, "ours": ours_seconds,
                         "bare": bare_seconds, "peak_mb": peak,
                         "bare_peak_mb": bare_peak})  # fmt: skip
        one, every = editions_times(Path(folder) / "ours-1", **temp)
        cold, warm, cold_ratio = cold_and_warm(Path(folder))
        latency, bare_latency = serve_latencies(Path(folder), original, temp)
    print(
        f"\n==> build time of the original edition ({original}), this site and plain Material"
        f" with the same pages; median of {RUNS} at 1×, one build above (strict, wall seconds)"
    )
    print(f"  {'claims':>7} {'this site':>10} {'plain Material':>14} {'ratio':>6} {'per claim':>10}"
          f" {'peak MB':>8} {'plain peak':>10}")  # fmt: skip
    for row in rows:
        per_claim = (row["ours"] - rows[0]["ours"]) / max(row["claims"] - rows[0]["claims"], 1)
        shown = f"{per_claim * 1000:.1f} ms" if row["factor"] > 1 else "–"
        print(f"  {row['claims']:>7} {row['ours']:>9.2f}s {row['bare']:>13.2f}s "
              f"{row['ours'] / row['bare']:>6.2f} {shown:>10} {row['peak_mb']:>8.0f}"
              f" {row['bare_peak_mb']:>10.0f}")  # fmt: skip
    print(f"\n==> mkdocs serve, real size, median of {SERVE_EDITS} edits of each, in turns: a"
          f" claim saved in"
          f" data/claims.yaml is shown after {latency:.2f} s; plain Material, the same claim"
          f" page saved: {bare_latency:.2f} s (both rebuild every page of the original"
          f" edition)")  # fmt: skip
    print(
        f"\n==> fresh clone, every edition, median of {RUNS}: first build {cold:.2f} s,"
        f" the next {warm:.2f} s wall: cold/warm {cold_ratio:.2f} (goal: at most 1.2)"
    )
    languages = edition_languages(ROOT)
    print(f"\n==> language editions, real size, median of {RUNS}: the original"
          f" ({languages[0]}) alone {one[0]:.2f} s wall, {one[1]:.2f} s CPU;"
          f" all {len(languages)} ({', '.join(languages)})"
          f" {every[0]:.2f} s wall, {every[1]:.2f} s CPU: {every[0] / one[0]:.2f}× wall,"
          f" {every[1] / one[1]:.2f}× CPU (goal: at most 2.1×)")  # fmt: skip
    return rows


if __name__ == "__main__":
    main()
