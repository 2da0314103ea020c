// Occupations offered as the person types a title: the same matches the Find button gives,
// fetched from Bearing's own API and added to the choices below the box. Without script,
// Find reloads the page with them.
(function () {
  "use strict";
  var input = document.querySelector("[data-occupation-search]");
  var group = document.querySelector("#div_id_occupation fieldset > div");
  if (!input || !group) return;
  var timer = null;
  var asked = "";

  function choice(code, label) {
    var id = "id_occupation_found_" + code.replace(/\W/g, "_");
    var wrap = document.createElement("div");
    wrap.className = "form-check";
    wrap.dataset.found = "1";
    var radio = document.createElement("input");
    radio.type = "radio";
    radio.className = "form-check-input";
    radio.name = "occupation";
    radio.value = code;
    radio.id = id;
    var text = document.createElement("label");
    text.className = "form-check-label";
    text.htmlFor = id;
    text.textContent = label;
    wrap.appendChild(radio);
    wrap.appendChild(text);
    return wrap;
  }

  function show(results) {
    group.querySelectorAll("[data-found]").forEach(function (old) {
      if (!old.querySelector("input").checked) old.remove();
    });
    var present = {};
    group.querySelectorAll("input[name=occupation]").forEach(function (radio) {
      present[radio.value] = true;
    });
    results.forEach(function (found) {
      if (present[found.code]) return;
      var label = found.matched === found.title ? found.title : found.title + " — as “" + found.matched + "”";
      group.appendChild(choice(found.code, label));
    });
  }

  function search() {
    var query = input.value.trim();
    if (query.length < 2 || query === asked) return;
    asked = query;
    fetch(input.dataset.occupationSearch + "?q=" + encodeURIComponent(query), {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(function (response) { return response.ok ? response.json() : { results: [] }; })
      .then(function (data) { if (query === asked) show(data.results || []); })
      .catch(function () { /* the Find button still works */ });
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(search, 250);
  });
  // Enter in the box finds, as the button does, rather than saving the whole form.
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      event.preventDefault();
      clearTimeout(timer);
      search();
    }
  });
})();
