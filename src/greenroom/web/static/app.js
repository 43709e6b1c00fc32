// greenroom: small enhancements. Every page works without this file.
(function () {
  "use strict";

  function words(text) {
    var found = text.trim().match(/\S+/g);
    return found ? found.length : 0;
  }

  // Word count (and, once typing starts, a visible timer) for answer boxes.
  document.querySelectorAll("textarea[data-count]").forEach(function (box) {
    var out = document.querySelector(box.getAttribute("data-count"));
    var meter = out ? out.parentElement : null;
    var timer = meter ? meter.querySelector("[data-timer]") : null;
    var started = null;
    function update() {
      var n = words(box.value);
      if (out) out.textContent = n + (n === 1 ? " word" : " words");
    }
    function tick() {
      if (!timer || started === null) return;
      var s = Math.floor((Date.now() - started) / 1000);
      timer.textContent = Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
    }
    box.addEventListener("input", function () {
      if (started === null && timer) {
        started = Date.now();
        timer.hidden = false;
        timer.setAttribute("aria-label", "time spent answering");
        window.setInterval(tick, 1000);
      }
      update();
    });
    update();
  });

  // "Read the question aloud" where the browser can speak.
  if ("speechSynthesis" in window) {
    document.querySelectorAll("[data-speak]").forEach(function (button) {
      var source = document.querySelector(button.getAttribute("data-speak"));
      if (!source) return;
      button.hidden = false;
      button.addEventListener("click", function () {
        window.speechSynthesis.cancel();
        window.speechSynthesis.speak(new SpeechSynthesisUtterance(source.textContent));
      });
    });
  }

  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
