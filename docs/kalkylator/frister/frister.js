/*
 * Deadline page, main thread: read the form, ask the engine (../worker.mjs,
 * request kind "deadlines"), show the timeline. Like the calculator page it
 * only moves JSON and fills slots: every date text, rule, sentence, warning
 * and error comes from calculator.deadlines; nodes are built with textContent.
 *
 * Test hooks: #engine-status gets data-state "loading", "python", "engine",
 * "ready" or "failed"; the answer moves focus to #result-heading, errors to
 * #error-summary.
 */
import { deadlineSheet, el, printCaseSheet, typedInputs } from "../arendeblad.js";

const form = document.getElementById("kalk-form");
const statusBox = document.getElementById("engine-status");
const retryButton = document.getElementById("engine-retry");
const summaryBox = document.getElementById("error-summary");
const summaryList = document.getElementById("error-summary-list");
const result = document.getElementById("result");
const baseTitle = document.title;
const WAITING = " Datumen räknas ut när beräkningen är klar.";
const STEPS = {
  loading: "Laddar beräkningen… Steg 1 av 3: Python startar.",
  python: "Laddar beräkningen… Steg 1 av 3: Python startar.",
  engine: "Laddar beräkningen… Steg 2 av 3: beräkningen installeras.",
  ready: "Beräkningen är klar att använda.",
  failed:
    "Beräkningen kunde inte laddas. Kontrollera internetanslutningen och försök igen. Det du har skrivit finns kvar.",
};
const engine = { worker: null, state: "loading", nextId: 1, queued: null, waiting: new Map() };
let lastResponse = null;
let lastInputs = [];
let objectUrl = null;

function setEngineState(state, extra = "") {
  engine.state = state;
  statusBox.dataset.state = state;
  statusBox.textContent = STEPS[state] + extra;
  retryButton.hidden = state !== "failed";
}

/** Take the worker boot.js started in <head>; on retry boot.js starts a new one. */
function startWorker() {
  engine.worker = window.bokvarEngine.take(onWorkerMessage, onWorkerError);
}

function onWorkerMessage({ data }) {
  if (data.type === "progress" && (engine.state === "loading" || engine.state === "python")) {
    setEngineState(data.step, engine.queued ? WAITING : "");
  } else if (data.type === "ready") {
    setEngineState("ready");
    if (engine.queued) send(engine.queued);
    engine.queued = null;
    registerServiceWorker();
  } else if (data.type === "failed") {
    failEngine(data.message);
  } else if (data.type === "result") {
    const handler = engine.waiting.get(data.id);
    engine.waiting.delete(data.id);
    if (handler) handler(JSON.parse(data.response));
  }
}

function onWorkerError(event) {
  event.preventDefault();
  failEngine(event.message || "worker error");
}

function failEngine(detail) {
  console.error("Bo kvar deadline engine failed to load:", detail);
  engine.worker?.terminate();
  engine.worker = null;
  engine.waiting.clear();
  setEngineState("failed");
}

function registerServiceWorker() {
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker
    .register(new URL("../sw.js", import.meta.url), { scope: "../" })
    .catch((error) => console.warn("Offline cache not available:", error));
}

function send(request) {
  const id = engine.nextId++;
  engine.waiting.set(id, showResponse);
  engine.worker.postMessage({ type: "calculate", kind: "deadlines", id, request: JSON.stringify(request) });
}

retryButton.addEventListener("click", () => {
  setEngineState("loading", engine.queued ? WAITING : "");
  startWorker();
});

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const request = { exports: true };
  for (const control of form.elements) {
    if (control.name && control.type !== "submit") request[control.name] = control.value;
  }
  lastInputs = typedInputs(form);
  if (engine.state === "ready") {
    send(request);
  } else {
    engine.queued = request;
    statusBox.textContent = engine.state === "failed" ? STEPS.failed : STEPS[engine.state] + WAITING;
  }
});

function clearErrors() {
  summaryBox.hidden = true;
  summaryList.replaceChildren();
  for (const node of form.querySelectorAll(".kalk-error-message")) node.remove();
  for (const node of form.querySelectorAll(".kalk-group--error")) node.classList.remove("kalk-group--error");
  for (const input of form.querySelectorAll("[aria-invalid]")) {
    input.removeAttribute("aria-invalid");
    input.setAttribute("aria-describedby", `${input.id}-hint`);
  }
  document.title = baseTitle;
}

function showErrors(errors) {
  clearErrors();
  errors.forEach((error, index) => {
    const input = error.field && form.querySelector(`[name="${CSS.escape(error.field)}"]`);
    if (input) {
      const id = `error-${input.id}-${index}`;
      input.closest(".kalk-group").classList.add("kalk-group--error");
      input.before(
        el(
          "p",
          { className: "kalk-error-message", id },
          el("span", { className: "kalk-visually-hidden" }, "Fel:"),
          " ",
          error.message,
        ),
      );
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", `${input.id}-hint ${id}`);
    }
    summaryList.append(
      el("li", {}, input ? el("a", { href: `#${input.id}` }, error.message) : error.message),
    );
  });
  result.hidden = true;
  summaryBox.hidden = false;
  document.title = `Fel: ${baseTitle}`;
  summaryBox.focus();
}

summaryList.addEventListener("click", (event) => {
  const link = event.target.closest("a[href^='#']");
  const input = link && document.getElementById(link.getAttribute("href").slice(1));
  if (!input) return;
  event.preventDefault();
  input.focus({ preventScroll: true });
  input.closest(".kalk-group").querySelector("label").scrollIntoView({ block: "start" });
});

function showResponse(response) {
  if (!response.ok) {
    showErrors(response.errors || []);
    return;
  }
  clearErrors();
  lastResponse = response;
  const warnings = response.warnings || [];
  document.getElementById("result-warnings").replaceChildren(
    ...(warnings.length
      ? [
          el(
            "div",
            { className: "kalk-warning" },
            el("h3", {}, "Tänk på det här"),
            el(
              "ul",
              {},
              warnings.map((w) => el("li", { "data-code": w.code }, w.message)),
            ),
          ),
        ]
      : []),
  );
  document
    .getElementById("result-timeline")
    .replaceChildren(
      ...response.deadlines.map((entry) =>
        el(
          "li",
          { "data-code": entry.code },
          el(
            "p",
            { className: "kalk-timeline__date" },
            el("time", { datetime: entry.date }, entry.date_text),
          ),
          el("p", {}, entry.text),
          el("p", { className: "kalk-timeline__rule" }, entry.rule),
        ),
      ),
    );
  document.getElementById("result-checked").textContent = `Lagtexten kontrollerad ${response.law_checked}.`;
  renderDownload(response.exports);
  result.hidden = false;
  document.getElementById("result-heading").focus();
}

function renderDownload(exports) {
  if (objectUrl) URL.revokeObjectURL(objectUrl);
  objectUrl = null;
  const list = document.getElementById("result-downloads");
  list.replaceChildren();
  if (!exports) return;
  objectUrl = URL.createObjectURL(new Blob([exports.ics], { type: "text/calendar;charset=utf-8" }));
  list.append(
    el(
      "li",
      {},
      el(
        "a",
        { href: objectUrl, download: exports.ics_filename, className: "md-button" },
        "Ladda ned påminnelser till kalendern (iCalendar)",
      ),
    ),
  );
}

document.getElementById("print-case-sheet").addEventListener("click", () => {
  if (!lastResponse) return;
  printCaseSheet(() =>
    deadlineSheet(document.getElementById("case-sheet"), {
      inputs: lastInputs,
      response: lastResponse,
      buildId: window.bokvarEngine.buildId,
      reference: document.getElementById("case-reference").value.trim(),
    }),
  );
});

startWorker(); // boot.js started it already; this takes its messages
