// Fixing a claim's span: the offsets and the text they cover stay in step as either changes. The article text comes
// from a JSON data block (not executed), so the page needs no inline script.
(function () {
  "use strict";
  var CONTEXT = 400;

  function init() {
    var form = document.getElementById("claim-fix");
    var data = document.getElementById("fix-article-body");
    if (!form || !data) return;
    // Offsets count Unicode code points (Python's str), not UTF-16 units: an emoji is one character here too.
    var body = Array.from(JSON.parse(data.textContent));
    var slice = function (a, b) { return body.slice(a, b).join(""); };
    var start = form.querySelector('input[name="start"]');
    var end = form.querySelector('input[name="end"]');
    var before = form.querySelector(".fix-before");
    var span = document.getElementById("fix-span");
    var after = form.querySelector(".fix-after");
    var text = document.getElementById("fix-text");
    form.querySelector(".shift-buttons").hidden = false;
    form.querySelectorAll(".no-js-only").forEach(function (el) { el.hidden = true; });

    function show() {
      var s = parseInt(start.value, 10), e = parseInt(end.value, 10);
      if (isNaN(s) || isNaN(e) || s < 0 || e <= s || e > body.length) {
        span.textContent = "";
        text.textContent = "(these offsets do not make a span of the article)";
        return;
      }
      var lo = Math.max(0, s - CONTEXT), hi = Math.min(body.length, e + CONTEXT);
      before.textContent = (lo > 0 ? "…" : "") + slice(lo, s);
      span.textContent = slice(s, e);
      after.textContent = slice(e, hi) + (hi < body.length ? "…" : "");
      text.textContent = slice(s, e);
    }

    // One word at a time: skip spaces, then a run of letters/digits or a single other character.
    function step(pos, by) {
      var isSpace = function (c) { return /\s/.test(c); };
      var isWord = function (c) { return /[\p{L}\p{N}'’-]/u.test(c); };
      if (by > 0) {
        while (pos < body.length && isSpace(body[pos])) pos++;
        if (pos < body.length && isWord(body[pos])) { while (pos < body.length && isWord(body[pos])) pos++; }
        else if (pos < body.length) pos++;
      } else {
        while (pos > 0 && isSpace(body[pos - 1])) pos--;
        if (pos > 0 && isWord(body[pos - 1])) { while (pos > 0 && isWord(body[pos - 1])) pos--; }
        else if (pos > 0) pos--;
      }
      return pos;
    }

    form.querySelectorAll("button[data-shift]").forEach(function (button) {
      button.addEventListener("click", function () {
        var input = button.dataset.shift === "start" ? start : end;
        var value = parseInt(input.value, 10) || 0;
        var next = step(value, parseInt(button.dataset.by, 10));
        // The start skips the spaces it lands before; the end never keeps trailing spaces.
        if (input === start) { while (next < body.length && /\s/.test(body[next])) next++; }
        else { while (next > 0 && /\s/.test(body[next - 1])) next--; }
        input.value = String(next);
        show();
      });
    });
    start.addEventListener("input", show);
    end.addEventListener("input", show);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
