/* Copy and share buttons. They need JavaScript: without it, CSS does not show them (.xp-needs-js).
   - [data-xp-copy-link]: copies this page's address, with the button's value as #anchor if set;
   - [data-xp-copy-from="ID"]: copies the text (or a field's value) of the element with that id;
   - [data-xp-share]: opens the device's share sheet (Web Share API); it comes `hidden` and is
     shown only where the browser has one.
   The button's own text confirms the copy for a moment, and a status line beside it (role
   "status", found as [data-xp-copy-status] in the button's parent) says it to screen readers;
   its data-xp-copied and data-xp-copy-failed attributes hold the words, in the page's language.
   Nothing is sent anywhere. */
(function () {
  "use strict";

  var CONFIRM_MS = 2500;

  function pageAddress(anchor) {
    return location.origin + location.pathname + (anchor ? "#" + anchor : "");
  }

  function textToCopy(button) {
    if (button.hasAttribute("data-xp-copy-link")) {
      return pageAddress(button.getAttribute("data-xp-copy-link"));
    }
    var source = document.getElementById(button.getAttribute("data-xp-copy-from"));
    if (!source) return "";
    return (source.matches("input, textarea") ? source.value : source.textContent).trim();
  }

  function say(button, message) {
    var status = button.parentElement.querySelector("[data-xp-copy-status]");
    if (status) status.textContent = message;
  }

  function confirm(button, message) {
    if (!button.xpLabel) button.xpLabel = button.textContent;
    button.textContent = message;
    say(button, message);
    clearTimeout(button.xpTimer);
    button.xpTimer = setTimeout(function () {
      button.textContent = button.xpLabel;
      say(button, "");
    }, CONFIRM_MS);
  }

  function copy(button) {
    var text = textToCopy(button);
    var words = button.parentElement.querySelector("[data-xp-copy-status]").dataset;
    if (!navigator.clipboard || !text) {
      confirm(button, words.xpCopyFailed);
      return;
    }
    navigator.clipboard.writeText(text).then(
      function () { confirm(button, words.xpCopied); },
      function () { confirm(button, words.xpCopyFailed); }
    );
  }

  function share(button) {
    navigator.share({ title: document.title, url: pageAddress(button.getAttribute("data-xp-share")) })
      .catch(function () { /* the reader closed the share sheet */ });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-xp-copy-link], button[data-xp-copy-from]");
    if (button) copy(button);
    var sharer = event.target.closest("button[data-xp-share]");
    if (sharer && navigator.share) share(sharer);
  });

  function reveal() {
    document.querySelectorAll("[data-xp-share]").forEach(function (button) {
      if (navigator.share) button.hidden = false;
    });
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(reveal);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", reveal);
  } else {
    reveal();
  }
})();
