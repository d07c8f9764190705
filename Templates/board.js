/* zhibu display board. ES5 only: it runs for weeks in the Chromium of old Android TV boxes.
   One timer per duty (slides, clock, poll, burn-in shift), nothing that grows: no listeners
   added after start, no DOM created after the first pagination, no cache.
   ?slide=N shows slide N without rotating; ?orientation=portrait|landscape forces a layout;
   ?speed=K runs every clock K times faster and ?clock=ISO starts the clock there (tests). */
(function () {
  "use strict";
  var root = document.documentElement;
  var params = {};
  location.search.replace(/^\?/, "").split("&").forEach(function (pair) {
    var at = pair.indexOf("=");
    if (at > 0) params[decodeURIComponent(pair.slice(0, at))] = decodeURIComponent(pair.slice(at + 1));
  });
  if (params.orientation === "portrait" || params.orientation === "landscape") {
    root.className += " force-" + params.orientation;
  }
  var speed = Math.max(1, Number(params.speed) || 1);
  var started = Date.now();
  var origin = params.clock ? Date.parse(params.clock) : started;
  if (isNaN(origin)) origin = started;
  /* The board's time: the real time, or a faster one for tests. */
  function now() { return origin + (Date.now() - started) * speed; }
  function later(work, seconds) { return setTimeout(work, Math.max(1, seconds * 1000 / speed)); }

  var slideSeconds = Number(root.getAttribute("data-slide-seconds")) || 12;
  var pollSeconds = Number(root.getAttribute("data-poll-seconds")) || 60;
  var zone = root.getAttribute("data-zone") || undefined;
  var buildHref = root.getAttribute("data-build");
  var continued = root.getAttribute("data-continued") || "";
  var offlineText = root.getAttribute("data-offline") || "";
  var night = (root.getAttribute("data-night") || "").match(/^(\d\d):(\d\d)-(\d\d):(\d\d)$/);
  var container = document.getElementById("slides");
  var counter = document.getElementById("board-counter");
  var timeText = document.getElementById("board-time");
  var dateText = document.getElementById("board-date");
  var offline = document.getElementById("board-offline");
  var nightScreen = document.getElementById("board-night");
  var nightClock = document.getElementById("board-night-clock");
  var stage = document.getElementById("stage");

  /* ---- Pagination: units that do not fit move to a continuation slide, never cut. ---- */
  function overflows(units) { return units.scrollHeight > units.clientHeight + 1; }
  function paginate(slide) {
    var units = slide.querySelector(".units");
    if (!units) return;
    slide.hidden = false;
    while (overflows(units) && units.children.length > 1) {
      var moved = [];
      while (overflows(units) && units.children.length > 1) {
        moved.unshift(units.removeChild(units.lastElementChild));
      }
      var next = slide.cloneNode(false);
      next.className += " continued";
      var heading = slide.querySelector("h1").cloneNode(true);
      heading.removeAttribute("id");
      heading.appendChild(document.createTextNode(continued));
      next.appendChild(heading);
      var sub = slide.querySelector(".sub");
      if (sub) next.appendChild(sub.cloneNode(true));
      var rest = units.cloneNode(false);
      for (var j = 0; j < moved.length; j++) rest.appendChild(moved[j]);
      next.appendChild(rest);
      next.removeAttribute("aria-labelledby");
      next.setAttribute("aria-label", heading.textContent);
      container.insertBefore(next, slide.nextSibling);
      slide.hidden = true;
      slide = next;
      units = rest;
      slide.hidden = false;
    }
    slide.hidden = true;
  }
  var slides = container.querySelectorAll(".slide");

  /* ---- Rotation. ---- */
  var current = 0;
  /* ?slide=N counts from 0, as the slides' data-index does. */
  var fixed = params.slide !== undefined && /^\d+$/.test(params.slide);
  function show(index) {
    for (var i = 0; i < slides.length; i++) slides[i].hidden = i !== index;
    current = index;
    root.setAttribute("data-current", String(index));
    if (counter) counter.textContent = (index + 1) + " / " + slides.length;
  }
  function advance() {
    show((current + 1) % slides.length);
    later(advance, slideSeconds);
  }
  /* Slides are laid out at once, and again once the page has loaded, in case the fonts'
     metrics changed what fits; a slide that fits is left alone. */
  function layout() {
    /* Continuation slides give their units back to the slide they continue, first. */
    var made = container.querySelectorAll(".slide.continued");
    for (var m = 0; m < made.length; m++) {
      var from = made[m].querySelector(".units");
      var original = made[m].previousElementSibling;
      while (original && /\bcontinued\b/.test(original.className)) original = original.previousElementSibling;
      var into = original && original.querySelector(".units");
      while (into && from && from.firstChild) into.appendChild(from.firstChild);
      container.removeChild(made[m]);
    }
    slides = container.querySelectorAll(".slide");
    for (var s = 0; s < slides.length; s++) paginate(slides[s]);
    slides = container.querySelectorAll(".slide");
    if (fixed) current = Math.min(Number(params.slide), slides.length - 1);
    show(Math.min(current, slides.length - 1));
  }
  layout();
  if (!fixed && slides.length > 1) later(advance, slideSeconds);
  function settle() {
    layout();
    root.setAttribute("data-ready", "1");
  }
  if (document.readyState === "complete") {
    settle();
  } else {
    window.addEventListener("load", function () {
      if (document.fonts && document.fonts.ready) {
        document.fonts.ready.then(settle, settle);
      } else {
        settle();
      }
    });
  }

  /* ---- Clock and night window, in the site's time zone. ---- */
  var timeFormat = null;
  var dayFormat = null;
  try {
    timeFormat = new Intl.DateTimeFormat(root.lang, { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: zone });
    dayFormat = new Intl.DateTimeFormat(root.lang, { year: "numeric", month: "long", day: "numeric", weekday: "short", timeZone: zone });
  } catch (error) {
    timeFormat = null;
  }
  var shownTime = "";
  function tick() {
    var moment = new Date(now());
    var time = timeFormat ? timeFormat.format(moment) : moment.toTimeString().slice(0, 5);
    if (time !== shownTime) {
      shownTime = time;
      timeText.textContent = time;
      nightClock.textContent = time;
      if (dayFormat) dateText.textContent = dayFormat.format(moment);
      var parts = time.match(/(\d+):(\d+)/);
      if (night && parts) {
        var minutes = (Number(parts[1]) % 24) * 60 + Number(parts[2]);
        var start = Number(night[1]) * 60 + Number(night[2]);
        var end = Number(night[3]) * 60 + Number(night[4]);
        var dark = start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
        nightScreen.hidden = !dark;
        stage.hidden = dark;
      }
    }
    later(tick, 1);
  }
  tick();

  /* ---- Against burn-in: the whole screen moves by a few pixels every few minutes. ---- */
  var shifts = [[0, 0], [4, 2], [-3, 4], [2, -4], [-4, -2], [3, 3]];
  var shift = 0;
  function move() {
    shift = (shift + 1) % shifts.length;
    var unit = Math.min(window.innerWidth, window.innerHeight) / 1080;
    stage.style.transform = "translate(" + shifts[shift][0] * unit + "px, " + shifts[shift][1] * unit + "px)";
    later(move, 180);
  }
  later(move, 180);

  /* ---- Polling build.json: reload only into a new page that has arrived whole. ---- */
  if (!/^https?:$/.test(location.protocol) || !buildHref) return;
  var known = null;
  var lastContact = now();
  function contact() {
    lastContact = now();
    offline.hidden = true;
  }
  function lost() {
    if (now() - lastContact >= 24 * 3600 * 1000) {
      var since = new Date(lastContact);
      offline.textContent = offlineText + " " + (dayFormat ? dayFormat.format(since) : since.toDateString()) +
        " " + (timeFormat ? timeFormat.format(since) : "");
      offline.hidden = false;
    }
  }
  function request(url, done) {
    var xhr = new XMLHttpRequest();
    xhr.open("GET", url + (url.indexOf("?") < 0 ? "?" : "&") + "zhibu=" + now(), true);
    xhr.timeout = 20000;
    xhr.onload = function () { done(xhr.status, xhr.responseText); };
    xhr.onerror = xhr.ontimeout = function () { done(0, ""); };
    xhr.send();
  }
  function poll() {
    request(buildHref, function (status, text) {
      var version = null;
      if (status === 200) {
        try { version = JSON.parse(text).version || null; } catch (error) { version = null; }
      }
      if (!version) {
        lost();
        later(poll, pollSeconds);
        return;
      }
      contact();
      if (known === null) known = version;
      if (version === known) {
        later(poll, pollSeconds);
        return;
      }
      request(location.pathname, function (pageStatus, page) {
        if (pageStatus === 200 && page.indexOf("data-zhibu-board") > 0 && /<\/html>\s*$/.test(page)) {
          location.reload();
        } else {
          later(poll, pollSeconds);
        }
      });
    });
  }
  poll();
})();
