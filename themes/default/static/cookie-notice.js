// Hides the privacy notice once the reader has acknowledged it. The choice is kept in
// localStorage, not in a cookie; without JavaScript the notice simply stays readable.
(function () {
  "use strict";
  var key = "blogarchive-cookie-notice-dismissed";
  var notice = document.getElementById("cookie-notice");
  if (!notice) {
    return;
  }
  var dismissed = false;
  try {
    dismissed = window.localStorage.getItem(key) === "1";
  } catch (error) {
    dismissed = false; // storage blocked: show the notice every time
  }
  if (dismissed) {
    notice.hidden = true;
    return;
  }
  var button = notice.querySelector(".cookie-notice-dismiss");
  if (!button) {
    return;
  }
  button.hidden = false;
  button.addEventListener("click", function () {
    try {
      window.localStorage.setItem(key, "1");
    } catch (error) {
      // Not stored: the notice returns on the next page, which is the safe side.
    }
    notice.hidden = true;
  });
})();
