// Asks before a destructive form is sent (delete). Forms work without it.
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (form.classList && form.classList.contains("confirm")) {
    if (!window.confirm(form.getAttribute("data-confirm") || "?")) event.preventDefault();
  }
});
