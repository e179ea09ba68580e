/* Draws the Vega-Lite specs the server wrote into <script type="application/json" class="vega-spec">
   blocks. The tables beside them carry the same figures, so a page without JavaScript loses nothing. */
(function () {
  "use strict";

  function draw(block) {
    var target = document.getElementById(block.getAttribute("data-chart"));
    if (!target) return;
    var spec;
    try {
      spec = JSON.parse(block.textContent);
    } catch (error) {
      console.error("chart spec is not JSON", error);
      return;
    }
    target.hidden = false;
    window.vegaEmbed(target, spec, { actions: false, renderer: "svg" }).catch(function (error) {
      target.hidden = true;
      console.error("chart not drawn", error);
    });
  }

  function drawAll() {
    if (typeof window.vegaEmbed !== "function") return;
    var blocks = document.querySelectorAll('script.vega-spec[type="application/json"]');
    Array.prototype.forEach.call(blocks, draw);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }
})();
