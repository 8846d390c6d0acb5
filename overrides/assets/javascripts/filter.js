/* The filter of the claims overview ([data-xp-filter], macro claim_filter): checkboxes by
   verdict and topic show only the matching claim cards. Within a group any ticked box matches,
   across groups all must; a group with nothing ticked does not filter. The choice is kept in the
   address (?bewertung=falsch&thema=B%C3%B6rse), so a filtered view can be shared and is restored
   when the page is opened with it; the count is announced in the status line. Without
   JavaScript, form and status line are not shown (.xp-needs-js) and every card is. The status
   line's words come from its data-xp-count-* attributes, in the page's language. */
(function () {
  "use strict";

  var CARD = ".xp-claim-card[data-verdict]";
  var GROUPS = { bewertung: "verdict", thema: "topic" }; // field name -> card data attribute

  function chosen(form) {
    var data = new FormData(form);
    var result = {};
    Object.keys(GROUPS).forEach(function (name) { result[name] = data.getAll(name); });
    return result;
  }

  function matches(card, choice) {
    return Object.keys(GROUPS).every(function (name) {
      var wanted = choice[name];
      return wanted.length === 0 || wanted.indexOf(card.dataset[GROUPS[name]]) !== -1;
    });
  }

  function countText(status, shown, total) {
    if (shown === total) return status.dataset.xpCountAll;
    if (shown === 0) return status.dataset.xpCountNone;
    return status.dataset.xpCountSome.replace("{shown}", shown);
  }

  // Cards, the topic sections around them and the links to the topics follow the choice.
  function apply(form, status) {
    var choice = chosen(form);
    var cards = document.querySelectorAll(CARD);
    var shown = 0;
    cards.forEach(function (card) {
      card.hidden = !matches(card, choice);
      if (!card.hidden) shown += 1;
    });
    document.querySelectorAll(".xp-topic").forEach(function (section) {
      section.hidden = !section.querySelector(CARD + ":not([hidden])");
      var heading = section.querySelector("h2[id]");
      if (!heading) return;
      // The topic's jump link above the cards and its entry in the table of contents
      var links = '.xp-topics a[href="#' + heading.id + '"], .md-nav--secondary a[href="#' + heading.id + '"]';
      document.querySelectorAll(links).forEach(function (link) {
        (link.closest("li") || link).hidden = section.hidden;
      });
    });
    status.textContent = countText(status, shown, cards.length);
    return choice;
  }

  function remember(choice) {
    var params = new URLSearchParams();
    Object.keys(choice).forEach(function (name) {
      choice[name].forEach(function (value) { params.append(name, value); });
    });
    var query = params.toString();
    history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") + location.hash);
  }

  function restore(form) {
    var params = new URLSearchParams(location.search);
    form.querySelectorAll("input[type=checkbox]").forEach(function (box) {
      box.checked = params.getAll(box.name).indexOf(box.value) !== -1;
    });
  }

  function setUp() {
    var form = document.querySelector("form[data-xp-filter]");
    var status = document.querySelector("[data-xp-filter-status]");
    if (!form || !status || form.xpReady) return;
    form.xpReady = true;
    restore(form);
    apply(form, status);
    form.addEventListener("change", function () { remember(apply(form, status)); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () {
      setTimeout(function () { remember(apply(form, status)); }, 0);
    });
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(setUp);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
