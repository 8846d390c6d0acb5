// The language switch (partials/alternate.html) leads to this page in the other edition, also
// after instant navigation (which keeps the header with the links of the page first opened),
// and keeps the query (the overview's filter state) and the fragment. Every edition has the same
// page paths below its root.
(() => {
  const config = document.getElementById("__config");
  if (!config) return;
  // Resolved now, against the page first opened, as Material resolves its own base.
  const ownRoot = new URL(JSON.parse(config.textContent).base + "/", location.href);
  const roots = new Map(
    Array.from(document.querySelectorAll("a[data-xp-edition-root]"), (link) => [
      link,
      new URL(link.dataset.xpEditionRoot, location.href),
    ]),
  );
  document.addEventListener(
    "click",
    (event) => {
      const link = event.target instanceof Element ? event.target.closest("a") : null;
      if (!roots.has(link)) return;
      const page = location.pathname.startsWith(ownRoot.pathname)
        ? location.pathname.slice(ownRoot.pathname.length)
        : "";
      link.href = new URL(page, roots.get(link)).pathname + location.search + location.hash;
    },
    true,
  );
})();
