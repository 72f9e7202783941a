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

// A select marked data-reload (the aid programme of a new application) reloads the form for the
// chosen value, so the fields that programme asks for are shown. Without it, the first submission does.
document.addEventListener("change", function (event) {
  var select = event.target;
  if (!select.matches || !select.matches("select[data-reload]") || !select.value) return;
  var url = new URL(window.location.href);
  url.searchParams.set(select.getAttribute("data-reload"), select.value);
  window.location.assign(url.toString());
});
