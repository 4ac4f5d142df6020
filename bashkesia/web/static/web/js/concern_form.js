// The concern form's map: a click puts the pin and fills the hidden lat/lon.
(function () {
  "use strict";
  var element = document.querySelector("[data-concern-map]");
  if (!element) {
    return;
  }
  var form = element.closest("form");
  var lat = form.querySelector("input[name=lat]");
  var lon = form.querySelector("input[name=lon]");
  var status = form.querySelector("[data-pin-status]");
  var map = L.map(element, { scrollWheelZoom: false });
  if (element.dataset.tilesUrl) {
    L.tileLayer(element.dataset.tilesUrl, {
      attribution: element.dataset.tilesAttribution,
      maxZoom: Number(element.dataset.tilesMaxZoom || 19),
    }).addTo(map);
  }
  var marker = null;
  function place(latlng) {
    if (marker) {
      marker.setLatLng(latlng);
    } else {
      marker = L.circleMarker(latlng, { radius: 9, color: "#a4161a", weight: 3 }).addTo(map);
    }
    lat.value = latlng.lat.toFixed(6);
    lon.value = latlng.lng.toFixed(6);
    status.textContent = element.dataset.msgPinned;
  }
  if (lat.value && lon.value) {
    var start = L.latLng(Number(lat.value), Number(lon.value));
    map.setView(start, 13);
    place(start);
  } else {
    map.setView([42.6, 20.9], 8);
  }
  map.on("click", function (event) { place(event.latlng); });
  element.bashkesiaMap = map;
  element.dataset.ready = "true";
})();
