// The concern form: the chosen category's questions, and the map, where a
// click or "use my location" puts the pin and fills the hidden lat/lon.
(function () {
  "use strict";

  // Without JavaScript every category's questions show; here only the
  // chosen one's do (the server reads only those).
  var category = document.querySelector(".concern-form select[name=category]");
  var groups = document.querySelectorAll(".concern-form [data-category]");
  if (category && groups.length) {
    var note = document.querySelector(".concern-form [data-questions-note]");
    if (note) {
      note.hidden = true;
    }
    var showQuestions = function () {
      groups.forEach(function (group) {
        group.hidden = group.dataset.category !== category.value;
      });
    };
    category.addEventListener("change", showQuestions);
    showQuestions();
  }

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
  function place(latlng, message) {
    if (marker) {
      marker.setLatLng(latlng);
    } else {
      marker = L.circleMarker(latlng, { radius: 9, color: "#a4161a", weight: 3 }).addTo(map);
    }
    lat.value = latlng.lat.toFixed(6);
    lon.value = latlng.lng.toFixed(6);
    status.textContent = message || element.dataset.msgPinned;
  }
  if (lat.value && lon.value) {
    var start = L.latLng(Number(lat.value), Number(lon.value));
    map.setView(start, 13);
    place(start);
  } else {
    map.setView([42.6, 20.9], 8);
  }
  map.on("click", function (event) { place(event.latlng); });

  // "Use my location": shown only where the browser can tell it. A point
  // outside Kosovo (the locate API answers 404) is not pinned.
  var locate = form.querySelector("[data-use-location]");
  if (locate && "geolocation" in navigator && window.fetch) {
    locate.hidden = false;
    locate.addEventListener("click", function () {
      status.textContent = locate.dataset.msgLocating;
      navigator.geolocation.getCurrentPosition(
        function (position) {
          var latlng = L.latLng(position.coords.latitude, position.coords.longitude);
          var url = new URL(locate.dataset.locateUrl, window.location.href);
          url.searchParams.set("lat", latlng.lat.toFixed(6));
          url.searchParams.set("lon", latlng.lng.toFixed(6));
          fetch(url.toString(), { headers: { Accept: "application/json" } })
            .then(function (response) {
              if (response.status === 404) {
                status.textContent = locate.dataset.msgOutside;
                return;
              }
              if (!response.ok) {
                throw new Error(String(response.status));
              }
              return response.json().then(function (sector) {
                map.setView(latlng, 15);
                place(
                  latlng,
                  locate.dataset.msgLocated.replace(
                    "{sector}", sector.code + " " + sector.name
                  )
                );
              });
            })
            .catch(function () {
              // The server checks the point anyway: pin it.
              map.setView(latlng, 15);
              place(latlng);
            });
        },
        function (error) {
          status.textContent = error.code === 1
            ? locate.dataset.msgDenied
            : locate.dataset.msgUnavailable;
        },
        { enableHighAccuracy: true, timeout: 10000, maximumAge: 60000 }
      );
    });
  }

  element.bashkesiaMap = map;
  element.dataset.ready = "true";
})();
