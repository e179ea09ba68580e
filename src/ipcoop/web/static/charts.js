/* Draws the Vega-Lite specs the server wrote into <script type="application/json" class="vega-spec">
   blocks. The tables beside them carry the same figures, so a page without JavaScript loses nothing. */
(function () {
  "use strict";

  // Under the site's Content-Security-Policy (ipcoop.web.headers): expressions run in Vega's
  // interpreter, not through eval (ast), and the embed's and tooltip's styles come from
  // charts.css instead of <style> elements they would inject (defaultStyle, disableDefaultStyle).
  var OPTIONS = {
    actions: false,
    renderer: "svg",
    ast: true,
    defaultStyle: false,
    tooltip: { disableDefaultStyle: true },
  };

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
    window.vegaEmbed(target, spec, OPTIONS).catch(function (error) {
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
