"""Unchanged share images and chart plots are read from the cache folder instead of being drawn
again; a change to what they show makes a new file, and no cache folder means no caching."""

from __future__ import annotations

from pathlib import Path

import pytest
from explainer import charttable, shareimage
from explainer.charttable import chart_view
from explainer.models import Chart
from explainer.shareimage import Card, render_cards


def bar_chart(label: str) -> Chart:
    points = [
        {"label": label, "value": 1, "source": "q"},
        {"label": "B", "value": 2, "source": "q"},
    ]
    fields = {"id": "test", "kind": "bar", "topic": "X", "title": "T", "subtitle": "S"}
    return Chart.model_validate({**fields, "description": "D", "unit": "usd", "points": points})


def test_a_plot_made_before_is_read_from_the_cache(tmp_path: Path) -> None:
    chart = bar_chart("T")
    drawn = chart_view(chart, tmp_path).plot_json
    (cached,) = tmp_path.iterdir()
    assert cached.read_text("utf-8") == drawn
    cached.write_text('{"aus": "dem Cache"}', "utf-8")
    assert chart_view(chart, tmp_path).plot_json == '{"aus": "dem Cache"}'


def test_a_changed_chart_gets_a_new_plot(tmp_path: Path) -> None:
    first = chart_view(bar_chart("Alt"), tmp_path).plot_json
    second = chart_view(bar_chart("Neu"), tmp_path).plot_json
    assert '"Neu"' in second and first != second
    assert len(list(tmp_path.iterdir())) == 2


def test_without_a_cache_folder_plots_are_drawn_each_time(monkeypatch: pytest.MonkeyPatch) -> None:
    chart = bar_chart("T")
    expected = chart_view(chart).plot_json
    monkeypatch.setattr(charttable, "plot_json", lambda plot: "neu gezeichnet")
    assert chart_view(chart).plot_json == "neu gezeichnet" != expected


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
