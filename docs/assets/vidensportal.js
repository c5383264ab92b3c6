// Filters on the seminar overview and the materials library. Without this script the whole list shows, so the
// filters only enhance it. document$ is Material's page observable: it fires on the first load and after every
// instant navigation. A list item (.vp-item) carries its values as data-vp-<key>="a b"; each <select
// data-vp-key="<key>"> keeps the items whose values include the chosen one. The choice is kept in the address
// (?type=rapport&part=eas), so a filtered list can be bookmarked or sent to a colleague.
document$.subscribe(function () {
  document.querySelectorAll("[data-vp-filtered]").forEach(function (area) {
    var bar = area.querySelector("[data-vp-filter]");
    var selects = area.querySelectorAll("select[data-vp-key]");
    var items = area.querySelectorAll(".vp-item");
    var groups = area.querySelectorAll(".vp-group");
    var status = area.querySelector("[data-vp-count]");
    var empty = area.querySelector("[data-vp-empty]");
    if (!bar || !status) return;

    function noun(count) {
      return count + " " + (count === 1 ? status.dataset.one : status.dataset.many);
    }

    function apply() {
      var shown = 0;
      items.forEach(function (item) {
        var keep = Array.prototype.every.call(selects, function (select) {
          var values = (item.getAttribute("data-vp-" + select.dataset.vpKey) || "").split(" ");
          return select.value === "" || values.indexOf(select.value) !== -1;
        });
        item.hidden = !keep;
        if (keep) shown += 1;
      });
      var filtered = Array.prototype.some.call(selects, function (select) {
        return select.value !== "";
      });
      // A group (a year, "Kommende") with nothing left to show goes too; unfiltered, every group shows.
      groups.forEach(function (group) {
        group.hidden = filtered && !group.querySelector(".vp-item:not([hidden])");
      });
      status.textContent = filtered ? shown + " af " + noun(items.length) + " vises" : noun(items.length) + " vises";
      if (empty) empty.hidden = shown !== 0;
    }

    function remember() {
      var query = new URLSearchParams(location.search);
      selects.forEach(function (select) {
        if (select.value === "") query.delete(select.dataset.vpKey);
        else query.set(select.dataset.vpKey, select.value);
      });
      var search = query.toString();
      history.replaceState(history.state, "", location.pathname + (search ? "?" + search : "") + location.hash);
    }

    var asked = new URLSearchParams(location.search);
    selects.forEach(function (select) {
      var wanted = asked.get(select.dataset.vpKey);
      var known = Array.prototype.some.call(select.options, function (option) {
        return option.value === wanted;
      });
      if (wanted && known) select.value = wanted;
    });

    bar.hidden = false;
    selects.forEach(function (select) {
      select.addEventListener("change", function () {
        apply();
        remember();
      });
    });
    var reset = bar.querySelector("[data-vp-reset]");
    if (reset) {
      reset.addEventListener("click", function () {
        selects.forEach(function (select) {
          select.value = "";
        });
        apply();
        remember();
      });
    }
    apply();
  });
});

// The calendar guide: shows the feed's absolute address, as the reader reaches the site, to paste into Outlook,
// and a webcal link for calendar programs that subscribe on a click. Without the script the link's address shows.
document$.subscribe(function () {
  document.querySelectorAll("[data-vp-subscribe]").forEach(function (guide) {
    var link = guide.querySelector(".vp-subscribe__url");
    var webcal = guide.querySelector(".vp-subscribe__webcal");
    if (!link) return;
    var address = new URL(link.getAttribute("href"), document.baseURI).href;
    link.querySelector("code").textContent = address;
    if (webcal && /^https?:/.test(address)) {
      webcal.querySelector("a").href = address.replace(/^https?:/, "webcal:");
      webcal.hidden = false;
    }
  });
});
