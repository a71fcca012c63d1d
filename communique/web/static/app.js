// communique web page: link highlighted spans in the article text to their quote and event cards.
// Plain JavaScript, no library; the page works without it (hover titles carry the details).
(function () {
  "use strict";
  function refsOf(el) {
    return (el.getAttribute("data-refs") || "").split(" ").filter(Boolean);
  }
  function spansFor(ref) {
    return Array.prototype.filter.call(document.querySelectorAll(".hl[data-refs]"), function (el) {
      return refsOf(el).indexOf(ref) >= 0;
    });
  }
  function clear() {
    document.querySelectorAll(".card.active").forEach(function (c) { c.classList.remove("active"); });
    document.querySelectorAll(".hl.pinned").forEach(function (s) { s.classList.remove("pinned"); });
  }
  function pin(ref, scroll) {
    clear();
    var card = document.getElementById(ref);
    if (card) {
      card.classList.add("active");
      if (scroll) { card.scrollIntoView({ behavior: "smooth", block: "nearest" }); }
    }
    spansFor(ref).forEach(function (s) { s.classList.add("pinned"); });
  }
  var text = document.getElementById("article-text");
  if (text) {
    text.addEventListener("click", function (event) {
      var span = event.target.closest(".hl[data-refs]");
      var refs = span ? refsOf(span) : [];
      if (refs.length) { pin(refs[refs.length - 1], true); } else { clear(); }
    });
    document.querySelectorAll(".card[data-ref]").forEach(function (card) {
      card.addEventListener("mouseenter", function () { pin(card.getAttribute("data-ref"), false); });
      card.addEventListener("click", function () {
        var first = spansFor(card.getAttribute("data-ref"))[0];
        if (first) { first.scrollIntoView({ behavior: "smooth", block: "center" }); }
      });
    });
    if (window.location.hash.length > 1) { pin(window.location.hash.slice(1), true); }
  }
})();
