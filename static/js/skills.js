// Skill suggestions for comma-separated inputs: the browser's <datalist> only completes a
// whole value, so each option is rewritten to "what you typed so far, <skill>".
(function () {
  "use strict";
  var list = document.getElementById("skill-suggestions");
  if (!list) return;
  var names = Array.prototype.map.call(list.options, function (option) { return option.value; });

  function refresh(input) {
    var text = input.value;
    var cut = text.lastIndexOf(",");
    var prefix = cut === -1 ? "" : text.slice(0, cut + 1).replace(/\s*$/, " ");
    var typed = text.split(",").map(function (part) { return part.trim().toLowerCase(); });
    list.innerHTML = "";
    names.forEach(function (name) {
      if (typed.indexOf(name.toLowerCase()) !== -1) return;
      var option = document.createElement("option");
      option.value = prefix + name;
      list.appendChild(option);
    });
  }

  document.querySelectorAll("[data-skill-input]").forEach(function (input) {
    input.addEventListener("focus", function () { refresh(input); });
    input.addEventListener("input", function () { refresh(input); });
  });
})();
