// ClaimDesk: one-key decisions on the review page, and text selection -> claim offsets on the article page.
// Hand-written, no dependencies; htmx (vendored) does the requests. Everything here also works without it:
// the buttons are plain form buttons and the add-claim form has visible offset fields.
(function () {
  "use strict";
  document.documentElement.classList.remove("no-js"); // keys work: show the keys panel

  // Inputs that take no typing (a verdict radio, a checkbox, a button) leave the keys working: a reviewer who
  // clicked a verdict radio can still press 2 or s.
  var NOT_TYPED = { radio: true, checkbox: true, button: true, submit: true, reset: true, file: true, range: true, color: true };
  function isTyping(el) {
    if (!el) return false;
    var tag = el.tagName;
    if (tag === "INPUT") return NOT_TYPED[(el.getAttribute("type") || "text").toLowerCase()] !== true;
    return tag === "TEXTAREA" || tag === "SELECT" || el.isContentEditable;
  }

  // ---- Review page: keys ------------------------------------------------------------------------------------
  var FOCUS_KEYS = { n: "id_note", e: "id_evidence_url" };

  // Between sending a verdict and the next claim being ready, keys are ignored: a key always acts on the claim
  // the annotator is looking at, and never on a form htmx has not taken over yet (that would load a whole page).
  function setBusy(busy) {
    if (busy) document.body.setAttribute("data-review-busy", "");
    else document.body.removeAttribute("data-review-busy");
  }
  var SWAPPED = { review: true, adjudicate: true };  // the regions htmx replaces with the next claim
  function isReviewRequest(event) {
    var target = event.detail && event.detail.target;
    return target && SWAPPED[target.id] === true;
  }
  document.addEventListener("htmx:beforeRequest", function (event) { if (isReviewRequest(event)) setBusy(true); });
  document.addEventListener("htmx:afterSettle", function (event) { if (isReviewRequest(event)) setBusy(false); });
  document.addEventListener("htmx:afterRequest", function (event) {
    if (isReviewRequest(event) && !event.detail.successful) setBusy(false);
  });

  document.addEventListener("keydown", function (event) {
    var review = document.getElementById("review");
    if (!review) return;
    if (document.body.hasAttribute("data-review-busy") && !isTyping(event.target)) {
      event.preventDefault();
      return;
    }
    if (isTyping(event.target)) {
      // Escape leaves the field so the one-key decisions work again.
      if (event.key === "Escape") {
        event.target.blur();
        var context = document.getElementById("claim-context");
        if (context) context.focus({ preventScroll: true });
      }
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
    var key = event.key.toLowerCase();
    if (FOCUS_KEYS[key]) {
      var field = document.getElementById(FOCUS_KEYS[key]);
      if (field) {
        event.preventDefault();
        field.focus();
      }
      return;
    }
    var buttons = review.querySelectorAll("button[data-keys]");
    for (var i = 0; i < buttons.length; i++) {
      var keys = buttons[i].getAttribute("data-keys").split(" ");
      if (keys.indexOf(key) !== -1) {
        event.preventDefault();
        if (!buttons[i].disabled && !buttons[i].closest("fieldset:disabled")) buttons[i].click();
        return;
      }
    }
  });

  // ---- Adjudication (queue and claim page): a verdict key picks the verdict and moves to the rationale; Enter
  // there sends the form (Shift+Enter for a new line). requestSubmit() lets htmx take the submit where it is set.
  function verdictRadio(form, key) {
    var radios = form.querySelectorAll("input[data-verdict-keys]");
    for (var i = 0; i < radios.length; i++) {
      if (radios[i].getAttribute("data-verdict-keys").split(" ").indexOf(key) !== -1) return radios[i];
    }
    return null;
  }
  document.addEventListener("keydown", function (event) {
    var form = document.querySelector("form[data-adjudicate]");
    if (!form) return;
    if (document.body.hasAttribute("data-review-busy")) {
      event.preventDefault();
      return;
    }
    var rationale = form.elements.rationale;
    if (isTyping(event.target)) {
      if (event.target !== rationale) return;
      if (event.key === "Escape") {
        rationale.blur();
        var context = document.getElementById("claim-context");
        if (context) context.focus({ preventScroll: true });
      } else if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        form.requestSubmit();
      }
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
    var key = event.key.toLowerCase();
    var radio = verdictRadio(form, key);
    if (radio) {
      event.preventDefault();
      radio.checked = true;
      rationale.focus();
      return;
    }
    var skip = document.querySelector("#adjudicate a[data-skip]");
    if (key === "s" && skip) {
      event.preventDefault();
      skip.click();
    }
  });

  // After a new claim is swapped in, put focus on it so screen readers read it and the keys keep working. When the
  // answer is the same claim with a field in error (a bad evidence link, no rationale), focus that field instead:
  // its error is tied to it (aria-describedby), so it is read out, and the annotator can fix it at once.
  document.addEventListener("htmx:afterSwap", function (event) {
    if (!isReviewRequest(event)) return;
    var invalid = document.querySelector("#review [aria-invalid='true'], #adjudicate [aria-invalid='true']");
    if (invalid) {
      invalid.focus({ preventScroll: true });
      invalid.scrollIntoView({ block: "center" });
      return;
    }
    var context = document.getElementById("claim-context") || document.getElementById("review-heading")
      || document.getElementById("adjudicate-heading");
    if (context) {
      if (!context.hasAttribute("tabindex")) context.setAttribute("tabindex", "-1");
      context.focus({ preventScroll: true });
    }
    window.scrollTo({ top: 0 });
  });

  // A label must never be lost silently: if a request fails, say so and leave the claim on screen.
  function showProblem(text) {
    var status = document.getElementById("review-status");
    if (!status) return;
    status.innerHTML = "";
    var p = document.createElement("p");
    p.className = "message error";
    p.textContent = text;
    status.appendChild(p);
  }
  document.addEventListener("htmx:responseError", function (event) {
    var code = event.detail.xhr ? event.detail.xhr.status : "";
    showProblem("Not saved (the server answered " + code + "). Nothing was lost: try again, or reload the page.");
  });
  document.addEventListener("htmx:sendError", function () {
    showProblem("Not saved: the server cannot be reached. Check the connection and press the key again.");
  });

  // ---- Article page: selection -> offsets ---------------------------------------------------------------------
  // The body's text nodes are exactly the article's characters (newlines sit in hidden spans, badges come from
  // CSS), so the text before a selection point is the article text before it. Python counts code points and
  // JavaScript UTF-16 units, so count with Array.from.
  function codePoints(text) {
    return Array.from(text).length;
  }

  function offsetOf(body, node, offset) {
    var before = document.createRange();
    before.selectNodeContents(body);
    before.setEnd(node, offset);
    return codePoints(before.toString());
  }

  function setUpSelection() {
    var body = document.getElementById("article-body");
    var form = document.getElementById("claim-new-form");
    var bar = document.getElementById("selection-bar");
    if (!body || !form || !bar) return;
    var preview = document.getElementById("selection-preview");
    var full = Array.from(body.textContent);

    function readSelection() {
      var selection = window.getSelection();
      if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
      var range = selection.getRangeAt(0);
      if (!body.contains(range.commonAncestorContainer)) return null;
      var start = offsetOf(body, range.startContainer, range.startOffset);
      var end = offsetOf(body, range.endContainer, range.endOffset);
      // Leave out surrounding spaces and newlines, as a reader would.
      while (start < end && /\s/.test(full[start])) start++;
      while (end > start && /\s/.test(full[end - 1])) end--;
      if (end <= start) return null;
      return { start: start, end: end, text: full.slice(start, end).join("") };
    }

    function update() {
      var picked = readSelection();
      if (!picked) return;
      form.elements.start.value = picked.start;
      form.elements.end.value = picked.end;
      form.elements.text.value = picked.text;
      preview.textContent = picked.text.length > 120 ? picked.text.slice(0, 117) + "…" : picked.text;
      bar.hidden = false;
    }

    body.addEventListener("mouseup", function () { window.setTimeout(update, 0); });
    body.addEventListener("keyup", function (event) { if (event.shiftKey) update(); });
    document.addEventListener("selectionchange", function () {
      var picked = readSelection();
      if (picked) update();
    });
    // A click that ends a drag-selection inside a claim link selects; it does not follow the link.
    body.addEventListener("click", function (event) {
      var link = event.target.closest("a.claim");
      var selection = window.getSelection();
      if (link && selection && !selection.isCollapsed && body.contains(selection.anchorNode)) event.preventDefault();
    });
    document.getElementById("selection-cancel").addEventListener("click", function () {
      bar.hidden = true;
      window.getSelection().removeAllRanges();
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpSelection);
  } else {
    setUpSelection();
  }
})();
