/* Interactive charts. Every [data-xp-chart] element holds one Plotly figure as JSON (built by
   hooks/explainer/chartplot.py). plotly.js is vendored and only loaded on pages that have a chart.
   Runs on every page view, also after Material's instant navigation (document$), and re-colours
   the charts when the reader switches the colour scheme, without reloading. */
(function () {
  "use strict";

  // Resolved now, while the script's own address is known; a relative path would break after
  // instant navigation to a page at another depth.
  var ownScript = document.currentScript;
  var PLOTLY_URL = new URL("vendor/plotly-basic.min.js", ownScript ? ownScript.src : document.baseURI).href;
  var CHARTS = "[data-xp-chart]";
  var loading = null;

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

  function draw(element, Plotly) {
    if (!element.xpFigure) {
      element.xpFigure = JSON.parse(element.getAttribute("data-xp-chart"));
    }
    var figure = element.xpFigure;
    var map = isDark() ? (figure.layout.meta || {}).xp_dark || {} : {};
    // The config carries the German locale (built in chartplot.py from the same locale data
    // as the page's numbers).
    var config = figure.config;
    element.setAttribute("data-xp-scheme", isDark() ? "slate" : "default");
    return Plotly.react(element, recolour(figure.data, map), recolour(figure.layout, map), config)
      .then(function () { element.classList.add("xp-chart__plot--drawn"); });
  }

  function drawAll() {
    var elements = document.querySelectorAll(CHARTS);
    if (!elements.length) return;
    loadPlotly().then(function (Plotly) {
      elements.forEach(function (element) {
        if (element.isConnected) draw(element, Plotly);
      });
    }, function (error) { console.error(error); });
  }

  // Palette toggle: re-draw the charts that are already drawn, in the new colours.
  new MutationObserver(function () {
    if (window.Plotly) {
      document.querySelectorAll(CHARTS).forEach(function (element) {
        if (element.xpFigure) draw(element, window.Plotly);
      });
    }
  }).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });

  if (typeof document$ !== "undefined") {
    document$.subscribe(drawAll);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }
})();
