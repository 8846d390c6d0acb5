/* Interactive charts. Every [data-xp-chart] element names the address of one Plotly figure as
   JSON (built by hooks/explainer/charts/chartplot.py) and shows a static SVG of it until then
   (chartsvg.py). plotly.js is vendored; it and the figure are loaded only when the reader comes
   to a chart: on touching, pointing at or focusing it, or once the reader scrolls and a chart
   nears the viewport. A page that is only opened and read above its charts downloads neither. Runs on every page view, also
   after Material's instant navigation (document$), and re-colours drawn charts when the reader
   switches the colour scheme (the static SVG follows the scheme through CSS). */
(function () {
  "use strict";

  // Resolved now, while the script's own address is known; a relative path would break after
  // instant navigation to a page at another depth.
  var ownScript = document.currentScript;
  var PLOTLY_URL = new URL("vendor/plotly-custom.min.js", ownScript ? ownScript.src : document.baseURI).href;
  var CHARTS = "[data-xp-chart]";
  var NEAR = "300px"; // how close to the viewport a chart is drawn once the reader scrolls
  var INTERACTIONS = ["pointerenter", "focusin", "touchstart"];
  var loading = null;
  var observer = null;

  // Load plotly.js once per visit, however many pages with charts follow.
  function loadPlotly() {
    if (window.Plotly) return Promise.resolve(window.Plotly);
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = PLOTLY_URL;
        tag.onload = function () { resolve(window.Plotly); };
        tag.onerror = function () {
          loading = null;
          reject(new Error("plotly.js could not be loaded from " + PLOTLY_URL));
        };
        document.head.appendChild(tag);
      });
    }
    return loading;
  }

  // The figures are built with the light colours; layout.meta.xp_dark maps each to its dark twin.
  function isDark() {
    return document.body.getAttribute("data-md-color-scheme") === "slate";
  }

  function recolour(value, map) {
    if (typeof value === "string") {
      return Object.prototype.hasOwnProperty.call(map, value) ? map[value] : value;
    }
    if (Array.isArray(value)) {
      return value.map(function (item) { return recolour(item, map); });
    }
    if (value && typeof value === "object") {
      var copy = {};
      Object.keys(value).forEach(function (key) { copy[key] = recolour(value[key], map); });
      return copy;
    }
    return value;
  }

  // Plotly draws beneath the static SVG (same reserved height), which is removed once the plot
  // is there: the page does not move.
  // The chart's figure, fetched once; the address is relative to the page the chart is on
  // (resolved now: after instant navigation the document is another page's).
  function loadFigure(element) {
    if (!element.xpFigure) {
      var address = new URL(element.getAttribute("data-xp-chart"), document.baseURI).href;
      element.xpFigure = fetch(address).then(function (response) {
        if (!response.ok) throw new Error("the chart could not be loaded from " + address);
        return response.json();
      });
      element.xpFigure.catch(function () { element.xpFigure = null; });
    }
    return element.xpFigure;
  }

  // Both at once: the figure's request does not wait for plotly.js's.
  function plotlyAndFigure(element) {
    return Promise.all([loadPlotly(), loadFigure(element)]);
  }

  function draw(element, Plotly, figure) {
    var map = isDark() ? (figure.layout.meta || {}).xp_dark || {} : {};
    // The config carries the edition's locale (built in chartplot.py from the same locale data
    // as the page's numbers).
    element.setAttribute("data-xp-scheme", isDark() ? "slate" : "default");
    return Plotly.react(element, recolour(figure.data, map), recolour(figure.layout, map), figure.config)
      .then(function () {
        var still = element.querySelector(".xp-chart__static");
        if (still) still.remove();
        element.classList.add("xp-chart__plot--drawn");
      });
  }

  // "Bild: SVG / PNG": Plotly's own export, in the light colours on white, with the chart's
  // title and source line (the figure's data-xp-export-* attributes) drawn into the image.
  var EXPORT_WIDTH = 800;
  var EXPORT_HEADER = 80; // pixels above the plot for title and source line

  function plotlyText(text) {
    // Plotly reads a few HTML tags in titles; text from the data is shown as it is.
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function exportFigure(element, shown) {
    var frame = element.closest("figure");
    var figure = JSON.parse(JSON.stringify(shown)); // changed below, the drawn one stays
    var layout = figure.layout;
    layout.title = {
      text: plotlyText(frame.getAttribute("data-xp-export-title")),
      subtitle: { text: plotlyText(frame.getAttribute("data-xp-export-source")) },
      x: 0, xanchor: "left", xref: "paper", y: 1, yanchor: "top", yref: "container",
      pad: { t: 16 },
    };
    layout.margin.t += EXPORT_HEADER;
    layout.paper_bgcolor = "#ffffff";
    return { data: figure.data, layout: layout, config: figure.config };
  }

  function exportImage(button) {
    var element = button.closest("figure").querySelector(CHARTS);
    var format = button.getAttribute("data-xp-export-format");
    plotlyAndFigure(element).then(function (loaded) {
      return loaded[0].downloadImage(exportFigure(element, loaded[1]), {
        format: format,
        filename: element.closest("figure").id,
        width: EXPORT_WIDTH,
        height: parseInt(element.style.height, 10) + EXPORT_HEADER,
        scale: format === "png" ? 2 : 1,
      });
    }).catch(function (error) { console.error(error); });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-xp-export-format]");
    if (button) exportImage(button);
  });

  function drawOne(element) {
    if (element.xpRequested || !element.isConnected) return;
    element.xpRequested = true;
    if (observer) observer.unobserve(element);
    plotlyAndFigure(element).then(function (loaded) { return draw(element, loaded[0], loaded[1]); },
      function (error) { element.xpRequested = false; console.error(error); });
  }

  // The reader scrolled: from now on a chart near the viewport is drawn.
  function watchNearCharts() {
    if (observer || !("IntersectionObserver" in window)) return;
    observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) { if (entry.isIntersecting) drawOne(entry.target); });
    }, { rootMargin: NEAR });
    document.querySelectorAll(CHARTS).forEach(function (element) { observer.observe(element); });
  }

  function prepare() {
    var elements = document.querySelectorAll(CHARTS);
    elements.forEach(function (element) {
      INTERACTIONS.forEach(function (type) {
        element.addEventListener(type, function () { drawOne(element); }, { passive: true });
      });
      if (observer) observer.observe(element);
    });
  }

  ["scroll", "keydown", "touchmove"].forEach(function (type) {
    window.addEventListener(type, watchNearCharts, { once: true, passive: true });
  });
  // On a slow connection the reader may have scrolled before this script arrived.
  if (window.scrollY > 0) watchNearCharts();

  // Palette toggle: re-draw the charts that are already drawn, in the new colours.
  new MutationObserver(function () {
    if (window.Plotly) {
      document.querySelectorAll(CHARTS).forEach(function (element) {
        if (element.classList.contains("xp-chart__plot--drawn")) {
          loadFigure(element).then(function (figure) { draw(element, window.Plotly, figure); });
        }
      });
    }
  }).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });

  if (typeof document$ !== "undefined") {
    document$.subscribe(prepare);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", prepare);
  } else {
    prepare();
  }
})();
