// The map pin for "where was it?" questions: progressive enhancement over two hidden inputs.
// Without JavaScript (or without Leaflet) the map stays hidden and the text fields are the whole question.
// Settings come from data- attributes (csphub/templates/includes/pin_map.html): the CSP forbids inline script.
(function () {
  "use strict";

  function numbers(text) {
    return (text || "").split(",").map(parseFloat);
  }

  function start(box) {
    var lat = document.getElementById(box.dataset.latitudeInput);
    var lon = document.getElementById(box.dataset.longitudeInput);
    var element = box.querySelector(".csphub-pin-map__map");
    if (!lat || !lon || !element || typeof L === "undefined") { return; }
    var status = box.querySelector("[data-pin-status]");
    var centreButton = box.querySelector("[data-pin-centre]");
    var removeButton = box.querySelector("[data-pin-remove]");
    var b = numbers(box.dataset.bounds);  // south, west, north, east
    var c = numbers(box.dataset.centre);  // latitude, longitude, zoom
    var area = L.latLngBounds([b[0], b[1]], [b[2], b[3]]);

    box.hidden = false;  // before the map is made, so Leaflet measures a visible box
    var map = L.map(element, { maxBounds: area.pad(0.1), minZoom: 5 }).setView([c[0], c[1]], c[2]);
    L.tileLayer(box.dataset.tileUrl, { attribution: box.dataset.attribution, maxZoom: 19 }).addTo(map);
    var marker = null;

    function say(text) { status.textContent = text; }

    function place(latlng, announce) {
      if (!area.contains(latlng)) { say(box.dataset.outside); return; }
      if (marker) { marker.setLatLng(latlng); } else {
        marker = L.marker(latlng, { interactive: false, keyboard: false, alt: "" }).addTo(map);
      }
      lat.value = latlng.lat.toFixed(6);
      lon.value = latlng.lng.toFixed(6);
      removeButton.hidden = false;
      if (announce) { say(box.dataset.placed); }
    }

    function remove() {
      if (marker) { map.removeLayer(marker); marker = null; }
      lat.value = "";
      lon.value = "";
      removeButton.hidden = true;
      say(box.dataset.removed);
      centreButton.focus();  // the button pressed has gone: keep the keyboard user's place
    }

    var have = [parseFloat(lat.value), parseFloat(lon.value)];  // L.latLng throws on NaN: check first
    if (!isNaN(have[0]) && !isNaN(have[1]) && area.contains(have)) {
      place(L.latLng(have), false);
      map.setView(have, 16);
    } else if (lat.value || lon.value) {  // half a pin, or one outside the area: start again
      lat.value = "";
      lon.value = "";
    }

    map.on("click", function (event) { place(event.latlng, true); });
    centreButton.addEventListener("click", function () { place(map.getCenter(), true); });
    removeButton.addEventListener("click", remove);
  }

  function startAll() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-pin-map]"), start);
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", startAll); } else { startAll(); }
})();
