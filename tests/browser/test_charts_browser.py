"""Charts in a real browser: a static SVG first, plotly.js only when the reader comes to a chart;
then they draw, follow the colour scheme, survive instant navigation – all from the site's own
origin, within the page-weight budget, without moving the page."""

from __future__ import annotations

import time

import pytest
from conftest import EDITION_ROOTS
from explainer.data.sitedata import SiteData
from localweb import draw_every_chart, open_page
from page_weight import CHART_PAGE_BUDGET, measure_page
from playwright.sync_api import Browser, Page, Route

from .audit import axe_violations

PLOT = "[data-xp-chart]"
PALETTE_TOGGLE = "form[data-md-component=palette] label.md-header__button:visible"


def open_numbers_page(page: Page, served: str) -> int:
    open_page(page, served + "zahlen/")
    count = draw_every_chart(page)
    assert count >= 5
    return count


def first_bar_colour(page: Page) -> str:
    return page.locator(f"{PLOT} .trace.bars .point path").first.evaluate(
        "path => getComputedStyle(path).fill"
    )


def plotly_requests(page: Page) -> list[str]:
    return [url for url in page.recorder.requests if "plotly" in url]  # type: ignore[attr-defined]


def test_a_page_read_without_scrolling_shows_static_charts_and_loads_no_plotly(
    page: Page, served: str
) -> None:
    page.goto(served + "zahlen/", wait_until="networkidle")
    page.wait_for_timeout(500)
    assert plotly_requests(page) == []
    static = page.locator(f"{PLOT} > svg.xp-chart__static")
    assert static.count() == page.locator(PLOT).count() >= 5
    assert static.first.get_attribute("role") == "img"
    assert not axe_violations(page), axe_violations(page)


def test_pointing_at_a_chart_replaces_its_svg_with_the_interactive_plot(
    page: Page, served: str
) -> None:
    open_page(page, served + "zahlen/")
    chart = page.locator(PLOT).first
    chart.hover()
    page.wait_for_function(
        "el => el.classList.contains('xp-chart__plot--drawn')", arg=chart.element_handle()
    )
    assert chart.locator(".main-svg").count() >= 1
    assert chart.locator(".xp-chart__static").count() == 0
    assert len(plotly_requests(page)) == 1


def test_every_chart_draws_without_console_errors(page: Page, served: str) -> None:
    count = open_numbers_page(page, served)
    for index in range(count):
        assert page.locator(PLOT).nth(index).locator(".main-svg").count() >= 1
    # German locale, from the plot's own config: month names and the mode bar's words.
    assert page.locator(f"{PLOT} .xtick text", has_text="Jan").count() >= 1
    context = page.locator(PLOT).first.evaluate("el => el._context")
    assert context["locale"] == "de"
    assert context["locales"]["de"]["format"]["months"][2] == "März"
    title = page.locator(f"{PLOT} .modebar-btn[data-title]").first.get_attribute("data-title")
    assert title in context["locales"]["de"]["dictionary"].values(), title
    assert page.recorder.errors == []  # type: ignore[attr-defined]


def test_every_chart_button_speaks_german_and_none_sends_the_chart_away(
    page: Page, served: str
) -> None:
    open_numbers_page(page, served)
    chart = page.locator(PLOT).first
    chart.hover()
    titles = chart.locator(".modebar-btn").evaluate_all(
        "buttons => buttons.map(button => button.dataset.title)"
    )
    german = chart.evaluate("el => Object.values(el._context.locales.de.dictionary)")
    assert titles and all(title in german for title in titles), titles
    assert chart.evaluate("el => el._context.showSendToCloud") is False


def test_switching_the_palette_recolours_the_charts(page: Page, served: str) -> None:
    open_numbers_page(page, served)
    light = first_bar_colour(page)
    for _ in range(3):  # auto -> light -> dark: click until the scheme changes to slate
        page.locator(PALETTE_TOGGLE).click()
        if page.evaluate("document.body.dataset.mdColorScheme") == "slate":
            break
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    page.wait_for_function(
        f"[...document.querySelectorAll('{PLOT}')].every(el => el.dataset.xpScheme === 'slate')"
    )
    assert first_bar_colour(page) != light
    assert page.recorder.errors == []  # type: ignore[attr-defined]


def test_static_charts_follow_the_colour_scheme(browser: Browser, served: str) -> None:
    fills = {}
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme)
        page = context.new_page()
        open_page(page, served + "zahlen/")
        bar = page.locator(f"{PLOT} svg.xp-chart__static rect").first
        fills[scheme] = bar.evaluate("rect => getComputedStyle(rect).fill")
        context.close()
    assert fills["light"] != fills["dark"], fills


def test_charts_draw_after_instant_navigation_from_a_text_page(page: Page, served: str) -> None:
    open_page(page, served)  # Material's instant module reads the sitemap
    page.evaluate("window.xpSamePage = true")
    # Material rewrites links to absolute addresses for instant navigation.
    page.locator("a.md-nav__link[href$='/zahlen/']:visible").first.click()
    page.wait_for_url("**/zahlen/")
    page.wait_for_selector(f"{PLOT} svg.xp-chart__static")
    draw_every_chart(page)
    assert page.evaluate("window.xpSamePage") is True, "expected instant navigation, got a reload"
    assert page.recorder.errors == []  # type: ignore[attr-defined]


def test_a_text_page_does_not_load_plotly(page: Page, served: str) -> None:
    page.goto(served, wait_until="networkidle")
    page.mouse.wheel(0, 2000)
    page.wait_for_timeout(300)
    assert plotly_requests(page) == []
    assert page.evaluate("typeof window.Plotly") == "undefined"


def test_no_request_leaves_the_site(page: Page, served: str) -> None:
    open_numbers_page(page, served)
    page.wait_for_load_state("networkidle")
    foreign = [
        url
        for url in page.recorder.requests  # type: ignore[attr-defined]
        if not url.startswith(served) and not url.startswith(("data:", "blob:"))
    ]
    assert foreign == []


def test_charts_fit_a_phone_screen(browser: Browser, served: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    phone = context.new_page()
    open_page(phone, served + "zahlen/")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360  # static charts
    draw_every_chart(phone)
    phone.wait_for_timeout(300)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360  # interactive ones
    context.close()


def test_chart_page_stays_within_the_weight_budget(browser: Browser, served: str) -> None:
    weight = measure_page(browser, served + "zahlen/")
    assert any("plotly-custom.min.js" in url for url in weight.urls)
    assert weight.total_gzip <= CHART_PAGE_BUDGET, f"{weight.total_gzip} bytes gzip"


LAYOUT_SHIFT = """() => new Promise(resolve => {
    new PerformanceObserver(list => {
        const shifts = list.getEntries().filter(entry => !entry.hadRecentInput);
        resolve(shifts.reduce((sum, entry) => sum + entry.value, 0));
    }).observe({type: 'layout-shift', buffered: true});
    setTimeout(() => resolve(0), 1000);
})"""


def _after_a_while(route: Route) -> None:
    time.sleep(0.3)
    route.continue_()


@pytest.mark.parametrize(
    ("page_kind", "width", "edition"),
    [
        ("numbers", 360, ""),
        ("numbers", 1280, ""),
        ("claim with a chart", 360, ""),
        ("overview", 360, ""),
        *(("claim with a chart", 360, root) for root in EDITION_ROOTS[1:]),
        *(("numbers", 360, root) for root in EDITION_ROOTS[1:]),
    ],
)
def test_nothing_shifts_the_layout_while_scripts_load_or_charts_turn_interactive(
    browser: Browser, served: str, data: SiteData, page_kind: str, width: int, edition: str
) -> None:
    claim_with_chart = next(claim for claim in data.claims if claim.charts)
    path = {
        "numbers": "zahlen/",
        "claim with a chart": f"{data.site.paths.claims}/{claim_with_chart.id}/",
        "overview": f"{data.site.paths.claims}/",
    }[page_kind]
    path = edition + path
    context = browser.new_context(viewport={"width": width, "height": 740})
    page = context.new_page()
    # Scripts arriving late, as on a slow phone connection: the first paint comes before them.
    page.route("**/*.js", _after_a_while)
    open_page(page, served + path)
    count = draw_every_chart(page)  # every static SVG replaced by its plot
    shift = page.evaluate(LAYOUT_SHIFT)
    context.close()
    assert count >= (5 if page_kind == "numbers" else 0)
    # The plot is drawn beneath the static SVG at the reserved height, and controls that need
    # JavaScript are there from the first paint, so the shift is zero; without the reserved
    # height it is 0.04 to 0.08 here, with the copy buttons shown by the script 0.02.
    assert shift < 0.01, f"layout shift {shift:.3f} on {path} at {width}px"


def test_a_chart_the_reader_scrolled_to_before_the_scripts_arrived_is_drawn(
    browser: Browser, served: str
) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    held: list[Route] = []
    # charts.js comes inside Material's bundle (CARRIED): held until the reader scrolled
    page.route("**/assets/javascripts/bundle.*.min.js", lambda route: held.append(route))
    page.goto(served + "zahlen/", wait_until="commit")
    second_chart = page.locator("[data-xp-chart]").nth(1)
    second_chart.wait_for(state="attached")
    second_chart.evaluate("chart => chart.scrollIntoView({block: 'center'})")
    for _ in range(600):  # hang guard: 30 s until the browser asks for the script
        if held:
            break
        page.wait_for_timeout(50)
    held[0].continue_()
    # No further scroll: the script sees that the reader is already down the page.
    page.wait_for_function(
        "() => document.querySelectorAll('[data-xp-chart]')[1]"
        ".classList.contains('xp-chart__plot--drawn')",
        timeout=60_000,  # hang guard
    )
    context.close()
