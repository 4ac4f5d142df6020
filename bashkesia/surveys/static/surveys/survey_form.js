// The survey form's "Use my location": finds the police sector at the
// browser's position, chooses it in the list (or keeps the point for the
// server, which checks it anyway). Shown only where the browser can tell.
(function () {
  "use strict";
  var form = document.querySelector("[data-survey-form]");
  if (!form) { return; }
  var button = form.querySelector("[data-use-location]");
  var status = form.querySelector("[data-locate-status]");
  if (!button || !("geolocation" in navigator) || !window.fetch) { return; }
  button.hidden = false;
  button.addEventListener("click", function () {
    status.textContent = button.dataset.msgLocating;
    navigator.geolocation.getCurrentPosition(
      function (position) {
        var lat = position.coords.latitude.toFixed(6);
        var lon = position.coords.longitude.toFixed(6);
        form.querySelector("input[name=lat]").value = lat;
        form.querySelector("input[name=lon]").value = lon;
        var url = new URL(button.dataset.locateUrl, window.location.href);
        url.searchParams.set("lat", lat);
        url.searchParams.set("lon", lon);
        fetch(url.toString(), { headers: { Accept: "application/json" } })
          .then(function (response) {
            if (response.status === 404) {
              status.textContent = button.dataset.msgOutside;
              return null;
            }
            return response.ok ? response.json() : null;
          })
          .then(function (sector) {
            if (!sector) { return; }
            var select = form.querySelector("select[name=sector]");
            if (select && select.querySelector("option[value='" + sector.code + "']")) {
              select.value = sector.code;
            }
            status.textContent = button.dataset.msgLocated.replace(
              "{sector}", sector.code + " " + sector.name
            );
          })
          .catch(function () { status.textContent = ""; });
      },
      function () { status.textContent = button.dataset.msgDenied; }
    );
  });
})();
