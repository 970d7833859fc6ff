// umot triage: the little JavaScript there is. The pages work without it.
document.addEventListener("DOMContentLoaded", () => {
  // Show "Actually (when dismissed)" only while the status is "dismissed".
  const status = document.getElementById("status");
  const corrected = document.getElementById("corrected");
  if (status && corrected) {
    const sync = () => { corrected.hidden = status.value !== corrected.dataset.when; };
    status.addEventListener("change", sync);
    sync();
  }
  // Brand, source, rating and label filters apply as soon as they change.
  document.querySelectorAll("form.filters select").forEach((select) => {
    select.addEventListener("change", () => select.form.requestSubmit());
  });
});
