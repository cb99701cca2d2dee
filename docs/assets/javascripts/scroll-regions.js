/* Wide tables scroll sideways inside the theme's wrapper. A region that scrolls must be
   reachable by keyboard (WCAG 2.1.1; axe: scrollable-region-focusable), so each wrapper
   that actually overflows gets a tab stop and a name. Material adds the wrappers with
   JavaScript on every page view, hence document$ (its page-view stream) and a re-check
   on resize: a table that fits needs no extra tab stop. */
(function () {
  var WORDS = {
    sv: { table: "Tabell", scroll: "rulla i sidled" },
    en: { table: "Table", scroll: "scroll sideways" },
  };
  function label(wrap) {
    var words = WORDS[document.documentElement.lang] || WORDS.sv;
    var caption = wrap.querySelector("caption");
    var name = caption ? caption.textContent.trim() : words.table;
    return name + ", " + words.scroll;
  }
  function mark() {
    var wraps = document.querySelectorAll(".md-typeset__scrollwrap");
    for (var i = 0; i < wraps.length; i++) {
      var wrap = wraps[i];
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        if (!wrap.hasAttribute("aria-label")) wrap.setAttribute("aria-label", label(wrap));
      } else if (wrap.getAttribute("role") === "region") {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    }
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(mark);
  } else {
    document.addEventListener("DOMContentLoaded", mark);
  }
  window.addEventListener("resize", mark);
})();
