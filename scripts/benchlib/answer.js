// Arms the answer-latency probe before Playwright clicks "Beräkna": a capturing
// click listener stamps the click, a MutationObserver stamps the moment a
// <tbody> holds the wanted number of new rows, and the task after the next
// animation frame stamps when that frame (the table on screen) was produced.
({ rows, errorSummary }) => {
  const answer = (window.__bench.answer = {});
  for (const tr of document.querySelectorAll("tbody tr")) tr.setAttribute("data-bench-old", "");
  document.addEventListener(
    "click",
    () => {
      if (!("click" in answer)) answer.click = performance.now();
    },
    { capture: true, once: true },
  );
  const observer = new MutationObserver(() => {
    if (!("click" in answer) || "dom" in answer) return;
    for (const body of document.querySelectorAll("tbody")) {
      const fresh = body.querySelectorAll(":scope > tr:not([data-bench-old])").length;
      if (fresh >= rows) {
        answer.dom = performance.now();
        answer.rows = fresh;
        answer.message = window.__bench.lastWorkerMessage;
        answer.engine = window.__bench.lastEngineMs;
        const submitted = performance.getEntriesByName("bokvar:calculate-submitted").at(-1);
        if (submitted && submitted.startTime >= answer.click) answer.submitted = submitted.startTime;
        observer.disconnect();
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            answer.painted = performance.now();
          };
          channel.port2.postMessage(0);
        });
        return;
      }
    }
    const summary = document.querySelector(errorSummary);
    if (summary && summary.textContent.trim()) answer.error = summary.textContent.trim().slice(0, 300);
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
};
