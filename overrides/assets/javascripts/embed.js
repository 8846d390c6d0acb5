/* Colour scheme of the embed pages (overrides/embed.html), which load none of Material's
   JavaScript: light or dark as the reader's system says, like Material's automatic palette on the
   other pages, and switching when the system does. Loaded at the start of <body>, so the first
   paint is already in the right scheme; the static charts follow through CSS, the drawn ones
   through charts.js. */
(function () {
  "use strict";

  var dark = window.matchMedia("(prefers-color-scheme: dark)");

  function apply() {
    document.body.setAttribute("data-md-color-scheme", dark.matches ? "slate" : "default");
  }

  apply();
  dark.addEventListener("change", apply);
})();
