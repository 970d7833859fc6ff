// umot triage: the little JavaScript there is. The pages work without it.
document.addEventListener("DOMContentLoaded", () => {
  // Show "Actually (when dismissed)" (and a stale dismissal's confirm box) only while the status is "dismissed".
  const status = document.getElementById("status");
  const dismissedOnly = document.querySelectorAll("form.triage [data-when]");
  if (status && dismissedOnly.length) {
    const sync = () => dismissedOnly.forEach((el) => { el.hidden = status.value !== el.dataset.when; });
    status.addEventListener("change", sync);
    sync();
  }
  // Brand, source, rating and label filters apply as soon as they change.
  document.querySelectorAll("form.filters select").forEach((select) => {
    select.addEventListener("change", () => select.form.requestSubmit());
  });
});
