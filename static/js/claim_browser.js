// The claim browser: one box selects every claim on the page, and the bulk form shows only the fields its action
// needs. Without JavaScript every field shows and each row is ticked by hand; the server checks the rest.
(function () {
  "use strict";

  function init() {
    var all = document.getElementById("select-all");
    var form = document.getElementById("bulk-form");
    if (!form) return;
    var boxes = form.querySelectorAll('input[name="claims"]');
    if (all && boxes.length) {
      all.hidden = false;
      all.addEventListener("change", function () {
        boxes.forEach(function (box) { box.checked = all.checked; });
      });
    }
    var action = form.querySelector('select[name="action"]');
    var fieldsFor = { adjudicate: ["verdict", "rationale"], source: ["source", "new_name", "kind"] };
    var optional = ["verdict", "rationale", "source", "new_name", "kind"];
    function show() {
      var wanted = fieldsFor[action.value] || [];
      optional.forEach(function (name) {
        var input = form.querySelector('[name="' + name + '"]');
        if (input) input.closest(".field").hidden = wanted.indexOf(name) === -1;
      });
    }
    if (action) {
      action.addEventListener("change", show);
      show();
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
