// The sector finder: keyboard use of the suggestions htmx fills in, and
// "use my location". Without JavaScript the form still searches by name.
(function () {
  "use strict";

  document.querySelectorAll("[data-finder]").forEach(function (form) {
    var input = form.querySelector("input[name=q]");
    var list = form.querySelector("[role=listbox]");
    var status = form.querySelector("[data-locate-status]");
    var active = -1;

    function options() {
      return Array.prototype.slice.call(list.querySelectorAll("[role=option]"));
    }

    function highlight(index) {
      var items = options();
      items.forEach(function (item, i) {
        item.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      active = index;
      if (index >= 0 && items[index]) {
        input.setAttribute("aria-activedescendant", items[index].id);
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    document.body.addEventListener("htmx:afterSwap", function (event) {
      if (event.target !== list) {
        return;
      }
      active = -1;
      input.setAttribute("aria-expanded", options().length ? "true" : "false");
    });

    input.addEventListener("keydown", function (event) {
      var items = options();
      if (!items.length) {
        return;
      }
      if (event.key === "ArrowDown") {
        event.preventDefault();
        highlight((active + 1) % items.length);
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        highlight(active <= 0 ? items.length - 1 : active - 1);
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        window.location.assign(items[active].href);
      } else if (event.key === "Escape") {
        list.innerHTML = "";
        input.setAttribute("aria-expanded", "false");
        highlight(-1);
      }
    });

    var locateButton = form.querySelector("[data-use-location]");
    if (locateButton && "geolocation" in navigator) {
      locateButton.hidden = false;
      locateButton.addEventListener("click", function () {
        status.textContent = form.dataset.msgLocating;
        navigator.geolocation.getCurrentPosition(
          function (position) {
            var url = new URL(form.dataset.locateUrl, window.location.href);
            url.searchParams.set("lat", position.coords.latitude.toFixed(6));
            url.searchParams.set("lon", position.coords.longitude.toFixed(6));
            window.location.assign(url.toString());
          },
          function (error) {
            status.textContent = error.code === 1
              ? form.dataset.msgDenied
              : form.dataset.msgUnavailable;
          },
          { enableHighAccuracy: false, timeout: 10000, maximumAge: 60000 }
        );
      });
    }
  });
})();
