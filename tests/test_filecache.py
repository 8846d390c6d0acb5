"""Unchanged share images and chart plots are read from the cache folder instead of being drawn
again; a change to what they show makes a new file, and no cache folder means no caching. What
the cache gives back is whole and unchanged, or drawn again; a cache that cannot be written is
skipped; a broken font or drawing stops with a message, never with an empty image."""

from __future__ import annotations

import errno
import gettext
import hashlib
import hmac
import logging
import os
import shutil
import stat
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import jinja2
import pytest
from conftest import ROOT, build_site
from explainer.__main__ import main as explainer_main
from explainer.charts import charttable
from explainer.charts.charttable import draw_plot, plot_drawing
from explainer.data.models import Chart
from explainer.outputs import shareimage
from explainer.outputs.shareimage import Card, card_drawing, render_cards
from explainer.store import atomicfile, filecache, machinekey
from explainer.store.drawing import Drawing, FilesInDrawing
from explainer.text.formatting import UNIT_WORDS, Formatter
from minisite import copy_mini_site
from sitebuild import BuiltSite

GERMAN = Formatter("de")


def bar_chart(label: str) -> Chart:
    points = [
        {"label": label, "value": 1, "source": "q"},
        {"label": "B", "value": 2, "source": "q"},
    ]
    fields = {"id": "test", "kind": "bar", "topic": "X", "title": "T", "subtitle": "S"}
    return Chart.model_validate({**fields, "description": "D", "unit": "usd", "points": points})


def _plot(chart: Chart, cache: Path | None = None) -> str:
    """The chart's plot as a build takes it: from `cache`, where drawn before, or drawn here."""
    drawing = plot_drawing(chart, GERMAN, cache)
    return FilesInDrawing([drawing], workers=0).file(drawing).decode()


def test_a_plot_made_before_is_read_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chart = bar_chart("T")
    drawn = _plot(chart, tmp_path)
    (cached,) = tmp_path.glob("*.json")
    assert cached.read_text("utf-8") == drawn
    monkeypatch.setattr(charttable, "plot_json", lambda plot, formatter: pytest.fail("drawn again"))
    assert _plot(chart, tmp_path) == drawn


def test_a_changed_chart_gets_a_new_plot(tmp_path: Path) -> None:
    first = _plot(bar_chart("Alt"), tmp_path)
    second = _plot(bar_chart("Neu"), tmp_path)
    assert '"Neu"' in second and first != second
    assert len(list(tmp_path.glob("*.json"))) == 2


def test_without_a_cache_folder_plots_are_drawn_each_time(monkeypatch: pytest.MonkeyPatch) -> None:
    chart = bar_chart("T")
    expected = _plot(chart)
    monkeypatch.setattr(charttable, "plot_json", lambda plot, formatter: "neu gezeichnet")
    assert _plot(chart) == "neu gezeichnet" != expected


def test_a_card_drawn_before_is_not_drawn_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cards = [Card("Titel", "„Zitat“", "Falsch", "#b71c1c", "x.org")]
    drawn = render_cards(cards, tmp_path)
    monkeypatch.setattr(shareimage, "render_card", lambda card: pytest.fail("drawn again"))
    assert render_cards(cards, tmp_path) == drawn
    changed = [Card("Titel", "„Anderes Zitat“", "Falsch", "#b71c1c", "x.org")]
    with pytest.raises(pytest.fail.Exception, match="drawn again"):
        render_cards(changed, tmp_path)


HANG_GUARD = 30  # seconds a worker may take to draw what it draws in milliseconds


def _wait_for(paths: list[Path]) -> None:
    deadline = time.monotonic() + HANG_GUARD
    while not all(path.exists() for path in paths) and time.monotonic() < deadline:
        time.sleep(0.05)


def _note_niceness(note: str) -> bytes:
    Path(note).write_text(str(os.nice(0)), "utf-8")
    return b"noted"


def test_workers_draw_at_the_lowest_priority(tmp_path: Path) -> None:
    """Where processors are short, the build's own work (its pages, those rendered ahead
    included) comes first; the drawings take the idle time."""
    note = tmp_path / "niceness"
    files = FilesInDrawing([Drawing("niceness", ".txt", None, _note_niceness, str(note))], 1)
    _wait_for([note])
    files.stop()
    assert note.read_text("utf-8") == "19"


def test_files_drawn_by_workers_are_the_files_drawn_here_and_are_kept(tmp_path: Path) -> None:
    cards = [Card("Titel", f"„Zitat {n}“", "Falsch", "#b71c1c", "x.org") for n in range(3)]
    charts = [bar_chart("Alt"), bar_chart("Neu")]
    drawings = [
        *(plot_drawing(chart, GERMAN, tmp_path) for chart in charts),
        *(card_drawing(card, tmp_path) for card in [*cards, cards[0]]),
    ]
    files = FilesInDrawing(drawings, workers=2)  # a plot's formatter goes to a worker, pickled
    # A worker keeps each file, then its check (filecache.write): kept once the check is there.
    checks = [f"{drawing.key}{drawing.suffix}{filecache.CHECK_SUFFIX}" for drawing in drawings]
    _wait_for([tmp_path / check for check in checks])
    kept = [filecache.read(tmp_path, drawing.key, drawing.suffix) for drawing in drawings]
    drawn = [files.file(drawing) for drawing in drawings]
    files.stop()
    expected = [*(_plot(chart).encode() for chart in charts),
                *map(shareimage.render_card, [*cards, cards[0]])]  # fmt: skip
    assert kept == drawn == expected
    assert len(list(tmp_path.glob("*.png"))) == 3  # the same card twice is drawn and kept once
    assert len(list(tmp_path.glob("*.json"))) == 2


def _drawn_with_a_note(note: str) -> bytes:
    Path(note).write_text("drawn", "utf-8")
    return b"{}"


def test_a_folder_a_worker_cannot_write_is_named_once_by_the_build(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Workers report a cache folder they cannot write to the build, which names it once,
    however many processes tried it."""
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would be", "utf-8")
    notes = [tmp_path / f"note-{n}" for n in range(3)]
    drawings = [Drawing(f"key-{n}", ".json", blocked, _drawn_with_a_note, str(note))
                for n, note in enumerate(notes)]  # fmt: skip
    with caplog.at_level(logging.WARNING, logger="explainer.store.filecache"):
        files = FilesInDrawing(drawings, workers=1)
        _wait_for(notes[:2])  # drawn by the worker; the last one perhaps by the build
        taken = [files.file(drawing) for drawing in drawings]
        files.stop()
    assert taken == [b"{}"] * 3
    assert [record.getMessage().split(" (")[0] for record in caplog.records] == [
        f"Cannot write the cache {blocked}"
    ]


def test_the_build_does_not_wait_for_a_worker(tmp_path: Path) -> None:
    """A worker that has not finished a file (on a busy machine, at the lowest priority, it
    may hardly run): the build draws the file itself."""
    release = tmp_path / "release"
    stuck = Drawing("stuck", ".txt", None, _stuck_in_a_worker, (str(release), os.getpid()))
    files = FilesInDrawing([stuck], workers=1)
    assert files.file(stuck) == b"drawn"  # by the build, while the worker waits
    release.write_text("go", "utf-8")
    files.stop()


def _stuck_in_a_worker(order: tuple[str, int]) -> bytes:
    release, build = order
    if os.getpid() == build:
        return b"drawn"
    _wait_for([Path(release)])
    return b"drawn by the worker, which the build waited for"


EDITED_QUOTE = ("Der Park wird jedes Jahr deutlich kleiner.", "Der Park wächst jedes Jahr.")


def test_a_quote_edited_after_a_build_gets_a_new_share_image_not_the_cached_one(
    tmp_path: Path,
) -> None:
    project = copy_mini_site(tmp_path / "project")
    before = _share_images(build_site(project, tmp_path / "before"))
    claims = project / "data" / "claims.yaml"
    claims.write_text(claims.read_text("utf-8").replace(*EDITED_QUOTE), "utf-8")
    after = _share_images(build_site(project, tmp_path / "after"))  # with the cache of before
    shutil.rmtree(project / ".cache")
    without_cache = _share_images(build_site(project, tmp_path / "without-cache"))

    assert after == without_cache
    assert after["park-schrumpft.png"] != before["park-schrumpft.png"]
    assert {name: image for name, image in after.items() if name != "park-schrumpft.png"} == {
        name: image for name, image in before.items() if name != "park-schrumpft.png"
    }


def _share_images(site: BuiltSite) -> dict[str, bytes]:
    assert site.returncode == 0, site.output
    folder = site.site_dir / "assets" / "share"
    return {path.name: path.read_bytes() for path in sorted(folder.glob("*.png"))}


@pytest.fixture(autouse=True)
def _every_cache_writable_again() -> Iterator[None]:
    """The cache remembers, per process, folders it could not write and named: forget them
    per test."""
    yield
    filecache._unwritable.clear()
    filecache._said_unwritable.clear()


# ---------------------------------------------------------------------------------------------
# A cached file is whole and unchanged, or it is drawn again
# ---------------------------------------------------------------------------------------------

SPOILED = [
    ("emptied", lambda content: b""),
    ("cut-short", lambda content: content[: len(content) // 2]),
    ("one-byte-changed", lambda content: content[:-1] + bytes([content[-1] ^ 1])),
    ("not-a-png", lambda content: b"GIF89a" + content[6:]),
]


@pytest.mark.parametrize("spoil", [case[1] for case in SPOILED], ids=[c[0] for c in SPOILED])
def test_a_spoiled_share_image_in_the_cache_is_drawn_again(tmp_path: Path, spoil) -> None:
    cards = [Card("Titel", "„Zitat“", "Falsch", "#b71c1c", "x.org")]
    (drawn,) = render_cards(cards, tmp_path)
    (cached,) = tmp_path.glob("*.png")
    cached.write_bytes(spoil(drawn))

    assert render_cards(cards, tmp_path) == [drawn]
    assert cached.read_bytes() == drawn


@pytest.mark.parametrize("spoil", [case[1] for case in SPOILED], ids=[c[0] for c in SPOILED])
def test_a_spoiled_plot_in_the_cache_is_drawn_again(tmp_path: Path, spoil) -> None:
    chart = bar_chart("T")
    drawn = _plot(chart, tmp_path)
    (cached,) = tmp_path.glob("*.json")
    cached.write_bytes(spoil(drawn.encode()))

    assert _plot(chart, tmp_path) == drawn
    assert cached.read_text("utf-8") == drawn


def test_a_cached_file_without_its_size_and_digest_is_not_trusted(tmp_path: Path) -> None:
    chart = bar_chart("T")
    drawn = _plot(chart, tmp_path)
    (check,) = tmp_path.glob("*.json.hmac")
    check.unlink()

    assert filecache.read(tmp_path, next(tmp_path.glob("*.json")).stem, ".json") is None
    assert _plot(chart, tmp_path) == drawn


def test_a_cached_file_that_came_from_elsewhere_is_not_trusted(tmp_path: Path) -> None:
    """A plot committed into .cache/ with a pull request: whole, its check made as any tool
    would make one, but not with this user's key."""
    chart = bar_chart("T")
    drawn = _plot(chart, tmp_path)
    (cached,) = tmp_path.glob("*.json")
    planted = drawn.replace('"T"', '"Untergeschoben"').encode()
    cached.write_bytes(planted)
    for key in (b"", b"\0" * 32):  # no key, and a guessed one
        check = hmac.new(key, planted, hashlib.sha256).hexdigest()
        Path(f"{cached}.hmac").write_text(f"{len(planted)} {check}\n", "ascii")
        assert filecache.read(tmp_path, cached.stem, ".json") is None
    assert _plot(chart, tmp_path) == drawn


def test_the_users_key_is_private_and_outside_the_project() -> None:
    key = machinekey.machine_key()
    assert key is not None and len(key) == machinekey.KEY_BYTES
    (path,) = Path(jinja2.FileSystemBytecodeCache().directory).glob(machinekey.KEY_FILE)
    assert not path.is_relative_to(ROOT)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


# ---------------------------------------------------------------------------------------------
# Every input of a drawing is in its cache key
# ---------------------------------------------------------------------------------------------


def test_the_image_size_fonts_and_libraries_are_in_the_share_image_key(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    card = Card("Titel", "„Zitat“", "Falsch", "#b71c1c", "x.org")
    keys = {shareimage._cache_key(card)}
    monkeypatch.setattr(shareimage, "IMAGE_SIZE", (1200, 600))
    keys.add(shareimage._cache_key(card))
    monkeypatch.setattr(shareimage, "_font_digest", lambda name: f"another {name}")
    keys.add(shareimage._cache_key(card))
    monkeypatch.setattr(shareimage, "_library_versions", lambda: ("another Pillow",))
    keys.add(shareimage._cache_key(card))
    assert len(keys) == 4


def test_the_plotting_code_and_libraries_are_in_the_plot_key(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    chart = bar_chart("T")
    keys = {charttable._plot_key(chart, GERMAN)}
    monkeypatch.setattr(charttable.plotly, "__version__", "0.0.0")
    keys.add(charttable._plot_key(chart, GERMAN))
    monkeypatch.setattr(charttable.filecache, "source_digest", lambda *modules: "other code")
    keys.add(charttable._plot_key(chart, GERMAN))
    assert len(keys) == 3


class _RenamedDollars(gettext.NullTranslations):
    """A project's own catalogue that words one unit of the plot differently."""

    def gettext(self, message: str) -> str:
        return "Dollar (US)" if message == UNIT_WORDS["usd"] else GERMAN.word(message)


def test_the_locale_and_the_words_of_the_catalogue_are_in_the_plot_key() -> None:
    chart = bar_chart("T")
    formatters = [GERMAN, Formatter("en"), Formatter("de", words=_RenamedDollars())]
    plots = [draw_plot((chart, formatter)) for formatter in formatters]
    assert len(set(plots)) == 3  # each draws another plot, so each needs its own key
    assert len({charttable._plot_key(chart, formatter) for formatter in formatters}) == 3
    assert charttable._plot_key(chart, Formatter("de")) == charttable._plot_key(chart, GERMAN)


# ---------------------------------------------------------------------------------------------
# Writing: whole or not at all; a cache that cannot be written is skipped
# ---------------------------------------------------------------------------------------------


def full_disk(*arguments: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def test_a_full_disk_leaves_no_partial_file_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plot.json"
    target.write_bytes(b'{"alt": 1}')
    monkeypatch.setattr(filecache.write_atomically.__globals__["os"], "replace", full_disk)

    with pytest.raises(OSError, match="No space left"):
        filecache.write_atomically(target, b'{"neu": 2}')

    assert [path.name for path in tmp_path.iterdir()] == ["plot.json"]
    assert target.read_bytes() == b'{"alt": 1}'


@pytest.mark.parametrize(
    "failure",
    [
        OSError(errno.ENOSPC, "No space left on device"),
        OSError(errno.EROFS, "Read-only file system"),
    ],
    ids=["disk-full", "read-only"],
)
def test_a_cache_that_cannot_be_written_is_skipped_with_one_message(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    failure: OSError,
) -> None:
    def fail(*arguments: object) -> None:
        raise failure

    monkeypatch.setattr(filecache, "write_atomically", fail)
    cards = [Card("Titel", f"„Zitat {n}“", "Falsch", "#b71c1c", "x.org") for n in range(3)]

    with caplog.at_level(logging.WARNING, logger="explainer.store.filecache"):
        images = render_cards(cards, tmp_path / "share-images")

    assert all(image.startswith(b"\x89PNG") for image in images)
    assert [record.getMessage() for record in caplog.records] == [
        f"Cannot write the cache {tmp_path / 'share-images'} ({failure.strerror}): "
        "building without it"
    ]


# ---------------------------------------------------------------------------------------------
# A broken font or drawing stops with a message, never with an empty image
# ---------------------------------------------------------------------------------------------


def test_a_corrupt_font_stops_with_a_message_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in (shareimage.REGULAR, shareimage.BOLD):
        (tmp_path / name).write_bytes(b"kein Font")
    monkeypatch.setattr(shareimage, "FONT_DIR", tmp_path)
    shareimage._font.cache_clear()
    shareimage._font_digest.cache_clear()
    try:
        with pytest.raises(shareimage.FontMissing) as error:
            render_cards([Card("Titel", "„Zitat“", "Falsch", "#b71c1c", "x.org")])
    finally:
        shareimage._font.cache_clear()
        shareimage._font_digest.cache_clear()
    assert str(error.value) == (
        f"share images need the font {tmp_path / shareimage.BOLD}, which is damaged or no"
        f" TrueType font: {shareimage.FONT_VARIABLE} points at {tmp_path}; set it to a folder"
        f" holding {shareimage.REGULAR} and {shareimage.BOLD}, or unset it to use the fonts that"
        " come with the engine"
    )


def test_an_image_that_comes_out_empty_is_never_handed_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PIL import Image

    monkeypatch.setattr(Image.Image, "save", lambda image, buffer, format: None)

    with pytest.raises(shareimage.DrawingFailed, match="came out empty or not a PNG"):
        shareimage.render_card(Card("Titel", "„Zitat“", "Falsch", "#b71c1c", "x.org"))


def test_make_clean_clears_the_cache_but_keeps_the_installed_checkers(tmp_path: Path) -> None:
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    for folder in (
        "site",
        ".cache/plots",
        ".cache/share-images",
        ".cache/vnu",
        ".cache/lighthouse",
    ):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "file").write_bytes(b"x")

    subprocess.run(["make", "--no-print-directory", "clean"], cwd=tmp_path, check=True)

    left = sorted(path.relative_to(tmp_path).as_posix() for path in tmp_path.rglob("file"))
    assert left == [".cache/lighthouse/file", ".cache/vnu/file"]


# ---------------------------------------------------------------------------------------------
# Generated files outside the cache: the schemas
# ---------------------------------------------------------------------------------------------


def test_current_schemas_are_not_written_again_so_a_read_only_data_folder_builds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(atomicfile, "write_atomically", full_disk)

    assert explainer_main(["schema", str(ROOT)]) == 0


def test_a_schema_that_cannot_be_written_is_one_line_and_a_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    project = copy_mini_site(tmp_path / "project")
    monkeypatch.setattr(atomicfile, "write_atomically", full_disk)

    assert explainer_main(["schema", str(project)]) == 1
    assert capsys.readouterr().err == (
        f"Cannot write the schemas to {project / 'data' / 'schema'}: No space left on device\n"
    )
    assert not (project / "data" / "schema").exists() or not any(
        (project / "data" / "schema").iterdir()
    )
