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
