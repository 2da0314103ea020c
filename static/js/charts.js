// A chart too wide for a narrow screen scrolls sideways: start it at today's end, and say so.
(function () {
  "use strict";
  document.querySelectorAll("[data-chart-scroll]").forEach(function (box) {
    if (box.scrollWidth <= box.clientWidth + 1) return;
    box.scrollLeft = box.scrollWidth;
    var hint = box.parentElement.querySelector("[data-scroll-hint]");
    if (hint) hint.hidden = false;
  });
})();
