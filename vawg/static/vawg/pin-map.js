// Progressive enhancement for "Where was it?": a tap on the map fills the hidden latitude and longitude.
// Without JavaScript the text box is enough. No inline script: the CSP forbids it.
(function () {
  "use strict";
  function start() {
    var box = document.getElementById("pin-map");
    var lat = document.getElementById("id_latitude");
    var lon = document.getElementById("id_longitude");
    if (!box || !lat || !lon || typeof L === "undefined") { return; }
    box.hidden = false;
    var status = document.getElementById("pin-status");
    var map = L.map(box.querySelector(".vawg-pin-map__map")).setView([54.6, -3.0], 8);
    L.tileLayer(box.dataset.tileUrl, { attribution: box.dataset.attribution, maxZoom: 19 }).addTo(map);
    var marker = null;
    function place(latlng) {
      if (marker) { marker.setLatLng(latlng); } else { marker = L.marker(latlng).addTo(map); }
      lat.value = latlng.lat.toFixed(6);
      lon.value = latlng.lng.toFixed(6);
      status.textContent = "Pin placed. You can move it by tapping somewhere else.";
    }
    if (lat.value && lon.value) { place(L.latLng(parseFloat(lat.value), parseFloat(lon.value))); map.setView(marker.getLatLng(), 16); }
    map.on("click", function (event) { place(event.latlng); });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
