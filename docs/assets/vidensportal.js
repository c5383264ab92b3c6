// The track filter on the seminar overview. Without this script the full list shows, so it only enhances.
// document$ is Material's page observable: it fires on the first load and after every instant navigation.
document$.subscribe(function () {
  document.querySelectorAll("[data-vp-filter]").forEach(function (bar) {
    var events = document.querySelectorAll(".vp-event");
    var years = document.querySelectorAll(".vp-year");
    bar.hidden = false;
    bar.addEventListener("click", function (click) {
      var chosen = click.target.closest("button[data-spor]");
      if (!chosen) return;
      var track = chosen.dataset.spor;
      bar.querySelectorAll("button[data-spor]").forEach(function (button) {
        button.setAttribute("aria-pressed", String(button === chosen));
      });
      events.forEach(function (event) {
        event.hidden = track !== "" && event.dataset.spor.split(" ").indexOf(track) === -1;
      });
      years.forEach(function (year) {
        year.hidden = track !== "" && !year.querySelector(".vp-event:not([hidden])");
      });
    });
  });
});
