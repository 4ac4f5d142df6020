// Maps of sectors and municipalities (Leaflet). Every map is a
// <div data-map> whose data attributes say what to draw; no inline script.
(function () {
  "use strict";

  function sectorUrl(element, code) {
    return element.dataset.sectorUrl.replace("SECTOR-CODE", encodeURIComponent(code));
  }

  // Tooltips as text nodes: Leaflet would read a string as HTML.
  function text(value) {
    var span = document.createElement("span");
    span.textContent = value;
    return span;
  }

  function loadFeatures(element) {
    if (element.dataset.featuresScript) {
      var node = document.getElementById(element.dataset.featuresScript);
      return Promise.resolve(JSON.parse(node.textContent));
    }
    if (element.dataset.featuresUrl) {
      return fetch(element.dataset.featuresUrl, { headers: { Accept: "application/json" } })
        .then(function (response) { return response.json(); });
    }
    return Promise.resolve(null);
  }

  function styleFor(feature) {
    var current = feature.properties && feature.properties.current;
    return {
      color: current ? "#a4161a" : "#1d3f8f",
      weight: current ? 3 : 1.5,
      fillColor: current ? "#f2b705" : "#1d3f8f",
      fillOpacity: current ? 0.25 : 0.08,
    };
  }

  function init(element) {
    var map = L.map(element, { scrollWheelZoom: false });
    map.setView([42.6, 20.9], 8);
    if (element.dataset.tilesUrl) {
      L.tileLayer(element.dataset.tilesUrl, {
        attribution: element.dataset.tilesAttribution,
        maxZoom: Number(element.dataset.tilesMaxZoom || 19),
      }).addTo(map);
    }
    element.bashkesiaMap = map;
    if (element.dataset.locateUrl) {
      map.on("click", function (event) {
        var url = new URL(element.dataset.locateUrl, window.location.href);
        url.searchParams.set("lat", event.latlng.lat.toFixed(6));
        url.searchParams.set("lon", event.latlng.lng.toFixed(6));
        window.location.assign(url.toString());
      });
    }
    loadFeatures(element).then(function (collection) {
      if (!collection || !collection.features || !collection.features.length) {
        return;
      }
      var layer = L.geoJSON(collection, {
        style: styleFor,
        interactive: !element.dataset.locateUrl,
        // A concern's place is only known to about 100 m: draw that circle.
        pointToLayer: function (feature, latlng) {
          var closed = feature.properties && feature.properties.closed;
          return L.circle(latlng, {
            radius: 110,
            color: closed ? "#5c6670" : "#a4161a",
            fillOpacity: 0.35,
            weight: 1,
          });
        },
        onEachFeature: function (feature, path) {
          var props = feature.properties || {};
          if (props.label) {
            path.bindTooltip(text(props.label + (props.status ? " · " + props.status : "")));
          }
          if (props.code && !element.dataset.locateUrl) {
            path.bindTooltip(text(props.code + " " + (props.name || "")));
            path.on("click", function () {
              window.location.assign(sectorUrl(element, props.code));
            });
          }
        },
      }).addTo(map);
      var current = collection.features.filter(function (f) {
        return f.properties && f.properties.current;
      });
      var bounds = current.length ? L.geoJSON(current).getBounds() : layer.getBounds();
      map.fitBounds(bounds, { padding: [16, 16], animate: false });
      element.dataset.ready = "true";
    });
  }

  document.querySelectorAll("[data-map]").forEach(init);
})();
