// Progressive enhancement: draws the cells listed in the table on a Leaflet map. Data comes from a JSON
// script tag (never executed), because the Content Security Policy forbids inline scripts.
(function () {
  "use strict";
  function start() {
    var element = document.getElementById("hotspot-map");
    var data = document.getElementById("hotspot-data");
    if (!element || !data || typeof L === "undefined") { return; }
    var cells = JSON.parse(data.textContent);
    element.hidden = false;
    var map = L.map(element);
    L.tileLayer(element.dataset.tileUrl, { attribution: element.dataset.attribution, maxZoom: 19 }).addTo(map);
    var colours = { "hot-99": "#d4351c", "hot-95": "#f47738", "hot-90": "#ffdd00",
                    "cold-99": "#1d70b8", "cold-95": "#5694ca", "cold-90": "#a2c4e0" };
    var layer = L.featureGroup();
    cells.forEach(function (cell) {
      L.polygon(cell.corners, { color: colours[cell["class"]] || "#505a5f", weight: 1, fillOpacity: 0.5 })
        .bindTooltip(cell["class"] + ": " + cell.count + " (z " + cell.z + ")").addTo(layer);
    });
    layer.addTo(map);
    map.fitBounds(layer.getBounds());
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
