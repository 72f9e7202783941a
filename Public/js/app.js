// Asks before a destructive form is sent (delete). Forms work without it.
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (form.classList && form.classList.contains("confirm")) {
    if (!window.confirm(form.getAttribute("data-confirm") || "?")) event.preventDefault();
  }
});

// The print button on printable pages (an agreement) opens the browser's print dialog.
document.addEventListener("click", function (event) {
  if (event.target.classList && event.target.classList.contains("print")) window.print();
});

// One menu group open at a time; a click elsewhere closes it. The menu works without this.
document.addEventListener("toggle", function (event) {
  var opened = event.target;
  if (!opened.classList || !opened.classList.contains("nav-group") || !opened.open) return;
  document.querySelectorAll("details.nav-group[open]").forEach(function (group) { if (group !== opened) group.open = false; });
}, true);
document.addEventListener("click", function (event) {
  if (event.target.closest && event.target.closest("details.nav-group")) return;
  document.querySelectorAll("details.nav-group[open]").forEach(function (group) { group.open = false; });
});
