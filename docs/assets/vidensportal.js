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
      var examples = area.querySelectorAll(".vp-item--example:not([hidden])").length;
      var marked = examples ? " – heraf " + examples + (examples === 1 ? " eksempel" : " eksempler") : "";
      status.textContent = (filtered ? shown + " af " + noun(items.length) : noun(items.length)) + " vises" + marked;
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

// "Siden sidst" on the news page: the day of the reader's previous visit is kept in this browser only. Items
// from after it are marked, and a checkbox shows only those. The visit is counted once per browser session, so
// a reload keeps the marks.
document$.subscribe(function () {
  var lists = document.querySelectorAll(".vp-news--page");
  if (!lists.length) return;
  var store = window.localStorage, session = window.sessionStorage;
  var previous = session.getItem("vp-forrige-besoeg");
  if (previous === null) {
    previous = store.getItem("vp-sidste-besoeg") || "";
    session.setItem("vp-forrige-besoeg", previous);
    store.setItem("vp-sidste-besoeg", new Date().toISOString().slice(0, 10));
  }
  if (!previous) return;  // a first visit: everything is new, nothing to compare with
  var items = document.querySelectorAll(".vp-news--page .vp-news__item");
  var fresh = 0;
  items.forEach(function (item) {
    if (item.dataset.vpDay > previous) {
      item.classList.add("vp-news__item--since");
      fresh += 1;
    }
  });
  var bar = document.createElement("p");
  bar.className = "vp-news-since";
  var label = document.createElement("label");
  var box = document.createElement("input");
  box.type = "checkbox";
  var day = new Date(previous + "T12:00:00").toLocaleDateString("da-DK", {
    day: "numeric", month: "long", year: "numeric"});
  label.append(box, " Vis kun det, der er nyt siden dit sidste besøg (" + day + ": " + fresh + " nye)");
  bar.append(label);
  var first = lists[0].previousElementSibling || lists[0];  // the first month's heading
  first.parentNode.insertBefore(bar, first);
  box.addEventListener("change", function (event) {
    items.forEach(function (item) {
      item.hidden = event.target.checked && !item.classList.contains("vp-news__item--since");
    });
  });
});
