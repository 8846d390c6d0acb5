"""Lighthouse performance of this site beside plain Material with the same pages, in one run.

Builds the site and its anchor (anchor.py: the same rendered Markdown, stock Material, our theme
settings), serves both on 127.0.0.1 (text gzip-compressed, as GitHub Pages sends it) and runs
Lighthouse (LIGHTHOUSE: its command, 12.x) with Debian's Chromium (CHROME_PATH) on a text page, a
claim page with one chart and the Zahlen page, mobile and desktop. Runs are interleaved (ours,
anchor, ours, anchor, …), so a machine busy with other work slows both alike; LIGHTHOUSE_RUNS of
each (default 5). Prints per page the median score and TBT of both and the difference, then the
main-thread breakdown of our worst page with its runs. `make bench-lighthouse` installs Lighthouse
into .cache/ and runs this. Timings are not test assertions: this prints figures, it does not
pass or fail on them.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from anchor import plain_material_project, report_third_party_hosts
from localweb import GzipHandler, serve_folder
from sitebuild import ROOT, build_site

RUNS_SETTING = os.environ.get("LIGHTHOUSE_RUNS", "5")
if not RUNS_SETTING.isdigit() or int(RUNS_SETTING) < 1:
    raise SystemExit(f"LIGHTHOUSE_RUNS is {RUNS_SETTING!r}: it needs a whole number, 1 or more")
RUNS = int(RUNS_SETTING)
LIGHTHOUSE = os.environ.get("LIGHTHOUSE", "lighthouse")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --no-first-run"
FORM_FACTORS = {"mobile": [], "desktop": ["--preset=desktop"]}
SITES = ("ours", "anchor")
SCRIPTS_SHOWN = 4  # scripts of the worst page by main-thread time
PAINTS = {  # Lighthouse audit -> column of the worst page's runs (ms)
    "first-contentful-paint": "FCP",
    "largest-contentful-paint": "LCP",
    "speed-index": "SI",
}


@dataclass
class Run:
    """What one Lighthouse run measured."""

    score: float
    tbt: float  # total blocking time, ms
    breakdown: dict[str, float]  # main-thread work: group label -> ms
    scripts: dict[str, float]  # script address -> ms on main thread
    paints: dict[str, float]  # PAINTS column -> ms


def one_chart_claim_page(site_dir: Path) -> str:
    """Path of the first claim page (in path order) that shows exactly one chart."""
    for page in sorted(site_dir.glob("*/*/index.html")):
        if page.read_text("utf-8").count("data-xp-chart=") == 1:
            return page.parent.relative_to(site_dir).as_posix() + "/"
    raise SystemExit("no page with exactly one chart")


def run_lighthouse(url: str, form_factor: str) -> Run:
    """Score, TBT, main-thread breakdown and script times of one Lighthouse run."""
    command = [
        LIGHTHOUSE, url, "--only-categories=performance", "--output=json",
        "--output-path=stdout", "--quiet", f"--chrome-flags={CHROME_FLAGS}",
        *FORM_FACTORS[form_factor],
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode:
        raise SystemExit(f"lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    report = json.loads(result.stdout)
    audits = report["audits"]
    return Run(
        score=report["categories"]["performance"]["score"] * 100,
        tbt=audits["total-blocking-time"]["numericValue"],
        breakdown=_items(audits["mainthread-work-breakdown"], "groupLabel", "duration"),
        scripts=_items(audits["bootup-time"], "url", "total"),
        paints={column: audits[audit]["numericValue"] for audit, column in PAINTS.items()},
    )


def _items(audit: dict, key: str, value: str) -> dict[str, float]:
    """An audit's table as key -> value (an audit without details, e.g. nothing ran: empty)."""
    return {item[key]: item[value] for item in audit.get("details", {}).get("items", [])}


def build_both(folder: Path) -> dict[str, Path]:
    """Our site and its plain-Material anchor, built below `folder`: site -> built folder."""
    ours = build_site(ROOT, folder / "ours")
    anchor_project = plain_material_project(ROOT, folder / "anchor-project")
    anchor = build_site(anchor_project, folder / "anchor")
    for built in (ours, anchor):
        if built.returncode:
            raise SystemExit(built.output)
    report_third_party_hosts(anchor.site_dir, ROOT)
    return {"ours": ours.site_dir, "anchor": anchor.site_dir}


def interleaved_runs(
    bases: dict[str, str], pages: dict[str, str]
) -> dict[tuple[str, str, str], list[Run]]:
    """(page name, form factor, site) -> its RUNS runs; round after round, each page and form
    factor measured on our site and right after on the anchor."""
    runs: dict[tuple[str, str, str], list[Run]] = {}
    for _ in range(RUNS):
        for name, path in pages.items():
            for form in FORM_FACTORS:
                for site in SITES:
                    runs.setdefault((name, form, site), []).append(
                        run_lighthouse(bases[site] + path, form)
                    )
    return runs


def _median(runs: list[Run], value: str) -> float:
    return statistics.median(getattr(run, value) for run in runs)


def _median_of_group(runs: list[Run], group: str) -> float:
    return statistics.median(run.breakdown.get(group, 0) for run in runs)


def print_table(runs: dict[tuple[str, str, str], list[Run]]) -> None:
    print(
        f"\n==> Lighthouse performance, median of {RUNS} interleaved runs each:"
        " this site (ours) and plain Material with the same pages (anchor)"
    )
    print(f"  {'page':<52} {'form':<8} {'score':>5} {'anchor':>6} {'diff':>5}"
          f" {'TBT ms':>7} {'anchor':>7} {'diff':>6}  our scores")  # fmt: skip
    for name, form, site in runs:
        if site != "ours":
            continue
        ours, anchor = runs[name, form, "ours"], runs[name, form, "anchor"]
        score, anchor_score = _median(ours, "score"), _median(anchor, "score")
        tbt, anchor_tbt = _median(ours, "tbt"), _median(anchor, "tbt")
        spread = " ".join(f"{run.score:.0f}" for run in ours)
        print(f"  {name:<52} {form:<8} {score:>5.0f} {anchor_score:>6.0f}"
              f" {score - anchor_score:>+5.0f} {tbt:>7.0f} {anchor_tbt:>7.0f}"
              f" {tbt - anchor_tbt:>+6.0f}  {spread}")  # fmt: skip


def print_worst_page(runs: dict[tuple[str, str, str], list[Run]]) -> None:
    """Main-thread breakdown (medians, beside the anchor's) and the runs of our page with the
    lowest median mobile score (the higher TBT among equals)."""
    mobile = [(name, form) for name, form, site in runs if site == "ours" and form == "mobile"]
    worst = min(mobile, key=lambda key: (_median(runs[*key, "ours"], "score"),
                                         -_median(runs[*key, "ours"], "tbt")))  # fmt: skip
    ours, anchor = runs[*worst, "ours"], runs[*worst, "anchor"]
    print(f"\n==> main-thread work on our worst page, {worst[0]}, {worst[1]}"
          f" (Lighthouse mainthread-work-breakdown, median ms)")  # fmt: skip
    print(f"  {'work':<32} {'ours':>7} {'anchor':>7}")
    groups = {group for run in ours for group in run.breakdown}
    medians = {
        group: [_median_of_group(site, group) for site in (ours, anchor)] for group in groups
    }
    for group, (mine, theirs) in sorted(medians.items(), key=lambda item: -item[1][0]):
        print(f"  {group:<32} {mine:>7.0f} {theirs:>7.0f}")
    print(
        "  its runs, each beside the anchor's run right after it (ms; scripts by main-thread ms):"
    )
    print(f"    {'site':<7} {'score':>5} {'TBT':>5}" + "".join(f" {c:>5}" for c in PAINTS.values()))
    for pair in zip(ours, anchor, strict=True):
        for site, run in zip(SITES, pair, strict=True):
            top = sorted(run.scripts.items(), key=lambda item: -item[1])[:SCRIPTS_SHOWN]
            scripts = ", ".join(f"{_script_name(address)} {ms:.0f}" for address, ms in top)
            paints = "".join(f" {run.paints[column]:>5.0f}" for column in PAINTS.values())
            print(f"    {site:<7} {run.score:>5.0f} {run.tbt:>5.0f}{paints}  {scripts}")


def _script_name(address: str) -> str:
    """A script's file name; the page's path for its inline scripts; Lighthouse's word else."""
    path = urlsplit(address).path
    return path.rsplit("/", 1)[-1] or path or address


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        sites = build_both(Path(folder))
        one_chart = one_chart_claim_page(sites["ours"])
        pages = {
            "text page (Methodik)": "methodik/",
            f"one chart ({one_chart})": one_chart,
            "Zahlen, every chart": "zahlen/",
        }
        servers = {site: serve_folder(built, GzipHandler) for site, built in sites.items()}
        try:
            runs = interleaved_runs({site: base for site, (_, base) in servers.items()}, pages)
        finally:
            for server, _ in servers.values():
                server.shutdown()
    print_table(runs)
    print_worst_page(runs)


if __name__ == "__main__":
    main()
