// Two-click embeds ([privacy] embeds = "two-click"): every placeholder of a player this
// archive knows gets a button; only when the reader presses it does the browser contact
// the provider. The player URL is derived here from the link to the original, for the
// providers the page's Content-Security-Policy allows as frames, and nothing else.
(function () {
  "use strict";
  var script = document.currentScript;
  var loadText = (script && script.getAttribute("data-load")) || "Load {provider}";
  var consentText = (script && script.getAttribute("data-consent")) || "";

  var names = { youtube: "YouTube", vimeo: "Vimeo", soundcloud: "SoundCloud", googlemaps: "Google Maps" };

  function playerUrl(kind, href) {
    var url;
    try {
      url = new URL(href);
    } catch (error) {
      return null;
    }
    if (url.protocol !== "https:") {
      return null;
    }
    var id;
    if (kind === "youtube" && url.hostname === "www.youtube.com" && url.pathname === "/watch") {
      id = url.searchParams.get("v") || "";
      return /^[A-Za-z0-9_-]+$/.test(id) ? "https://www.youtube-nocookie.com/embed/" + id : null;
    }
    if (kind === "vimeo" && url.hostname === "vimeo.com") {
      id = url.pathname.slice(1);
      return /^[0-9]+$/.test(id) ? "https://player.vimeo.com/video/" + id : null;
    }
    if (kind === "soundcloud" && url.hostname === "w.soundcloud.com" && url.pathname === "/player/") {
      return url.href;
    }
    if (kind === "googlemaps" && url.hostname === "www.google.com" && url.pathname.indexOf("/maps/embed") === 0) {
      return url.href;
    }
    return null;
  }

  function offer(placeholder) {
    var match = /(?:^|\s)embed-(youtube|vimeo|soundcloud|googlemaps)(?:\s|$)/.exec(placeholder.className);
    var link = placeholder.querySelector("a.embed-original");
    if (!match || !link) {
      return;
    }
    var src = playerUrl(match[1], link.href);
    if (!src) {
      return;
    }
    var name = names[match[1]];
    var note = document.createElement("span");
    note.className = "embed-consent";
    note.textContent = consentText.replace("{provider}", name);
    var button = document.createElement("button");
    button.type = "button";
    button.className = "embed-load";
    button.textContent = loadText.replace("{provider}", name);
    button.addEventListener("click", function () {
      var frame = document.createElement("iframe");
      frame.src = src;
      frame.className = "embed-frame";
      frame.title = link.textContent;
      frame.setAttribute("allowfullscreen", "");
      frame.setAttribute("referrerpolicy", "no-referrer");
      placeholder.replaceWith(frame);
    });
    placeholder.appendChild(note);
    placeholder.appendChild(button);
  }

  var placeholders = document.querySelectorAll(".embed");
  for (var i = 0; i < placeholders.length; i++) {
    offer(placeholders[i]);
  }
})();
