/*
 * Calculator page, main thread: read the form, ask the engine (worker.mjs),
 * show the answer. Thin on purpose: every number and message shown comes from
 * the engine's response (its `_text` fields and Swedish messages), the DOM is
 * built with nodes and textContent only, and nothing leaves the browser.
 *
 * boot.js (inlined in <head> by the build) starts the worker while the page
 * is parsed and gives the wheel's file name and the build id; this script
 * takes the worker and the messages it sent meanwhile.
 *
 * Test and benchmark hooks: #engine-status gets data-state "loading",
 * "python", "engine", "ready" or "failed"; performance marks are set at
 * "bokvar:calculator-ready" (detail: the worker's own timings),
 * "bokvar:calculate-submitted" and "bokvar:answer-rendered".
 */

import { el, LANG, planSheet, printCaseSheet, t, typedInputs } from "./arendeblad.js";

const STORAGE_KEY = "bokvar-kalkylator-formular";
const form = document.getElementById("kalk-form");
const statusBox = document.getElementById("engine-status");
const retryButton = document.getElementById("engine-retry");
const summaryBox = document.getElementById("error-summary");
const summaryList = document.getElementById("error-summary-list");
const result = document.getElementById("result");
const agreement = document.getElementById("agreement");
const baseTitle = document.title;

// ---------------------------------------------------------------- helpers

function fieldId(name) {
  return name.replace(/\./g, "-");
}

function localDate(date = new Date()) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

// ---------------------------------------------------------------- engine

const STEPS = {
  loading: t("Laddar kalkylatorn… Steg 1 av 3: Python startar."),
  python: t("Laddar kalkylatorn… Steg 1 av 3: Python startar."),
  engine: t("Laddar kalkylatorn… Steg 2 av 3: kalkylatorn installeras."),
  ready: t("Kalkylatorn är klar att använda."),
  failed: t(
    "Kalkylatorn kunde inte laddas. Kontrollera internetanslutningen och försök igen. Det du har skrivit finns kvar.",
  ),
};

const QUEUED = t(" Din beräkning görs när kalkylatorn är klar.");

const engine = {
  worker: null,
  state: "loading",
  nextId: 1,
  queued: null, // the latest request sent before the engine was ready
  waiting: new Map(),
};

function setEngineState(state, extra = "") {
  engine.state = state;
  statusBox.dataset.state = state;
  statusBox.textContent = STEPS[state] + extra;
  retryButton.hidden = state !== "failed";
}

function onWorkerMessage(event) {
  const message = event.data;
  if (message.type === "progress") {
    if (engine.state === "loading" || engine.state === "python") {
      setEngineState(message.step, engine.queued ? QUEUED : "");
    }
  } else if (message.type === "ready") {
    const timings = {
      ...message.timings,
      worker_start_ms: Math.round(message.timings.worker_origin - performance.timeOrigin),
    };
    performance.mark("bokvar:calculator-ready", { detail: timings });
    // The engine suggests the start month; "ready" once it is in the form.
    send(withLang({ defaults: true, today: localDate() }), applyDefaults);
    registerServiceWorker();
  } else if (message.type === "idle") {
    performance.mark("bokvar:engine-idle"); // for tests and scripts/bench
  } else if (message.type === "failed") {
    failEngine(message.message);
  } else if (message.type === "result") {
    const handler = engine.waiting.get(message.id);
    engine.waiting.delete(message.id);
    if (handler) handler(message.response);
  }
}

function failEngine(detail) {
  console.error("Bo kvar calculator failed to load:", detail);
  if (engine.worker) engine.worker.terminate();
  engine.worker = null;
  engine.waiting.clear();
  setEngineState("failed");
}

function onWorkerError(event) {
  event.preventDefault();
  failEngine(event.message || "worker error");
}

/** Take the worker boot.js started in <head>; on retry boot.js starts a new one. */
function startWorker() {
  engine.worker = window.bokvarEngine.take(onWorkerMessage, onWorkerError);
}

function send(request, handler = showResponse) {
  if (handler === showResponse) lastRequest = request; // the printed agreement is asked for with the same figures
  const id = engine.nextId++;
  engine.waiting.set(id, (text) => handler(JSON.parse(text)));
  engine.worker.postMessage({ type: "calculate", id, request: JSON.stringify(request) });
}

/** Fill the engine's suggestions into fields still empty; then answer a queued press. */
function applyDefaults(response) {
  const start = form.elements.start;
  if (response.ok && !start.value) start.value = response.defaults.start;
  setEngineState("ready");
  if (engine.queued) {
    engine.queued = null;
    send(readRequest()); // read again: the start month may just have been filled in
  }
}

function registerServiceWorker() {
  if (!("serviceWorker" in navigator)) return;
  // The service worker beside the page keeps the page (kalkylator/sw.js; en/calculator/sw.js on
  // the English page). The engine's worker is served by kalkylator/sw.js, whose scope holds
  // worker.mjs, so the English page registers that one as well.
  const folders = new Set([new URL("./", document.baseURI).href, new URL("./", import.meta.url).href]);
  for (const folder of folders) {
    navigator.serviceWorker
      .register(new URL("sw.js", folder), { scope: folder })
      .catch((error) => console.warn("Offline cache not available:", error));
  }
}

retryButton.addEventListener("click", () => {
  setEngineState("loading", engine.queued ? QUEUED : "");
  startWorker();
});

// ---------------------------------------------------------------- the form

function controls() {
  return [...form.elements].filter(
    (control) => control.name && !control.hasAttribute("data-local") && control.type !== "submit",
  );
}

/** Form → request: dotted names become nested objects; values stay as typed. */
function readRequest() {
  const request = {};
  for (const control of controls()) {
    if ((control.type === "radio" || control.type === "checkbox") && !control.checked) continue;
    const path = control.name.split(".");
    let node = request;
    for (const key of path.slice(0, -1)) {
      node = node[key] ??= {};
    }
    node[path.at(-1)] = control.value;
  }
  // alternatives.0.months … are rows of a list; the engine skips rows left empty.
  if (request.alternatives)
    request.alternatives = Object.keys(request.alternatives)
      .sort()
      .map((key) => request.alternatives[key]);
  request.today = localDate();
  request.exports = true;
  return withLang(request);
}

/** The engine answers in the page's language; Swedish is its default, so Swedish requests stay as they were. */
function withLang(request) {
  if (LANG !== "sv") request.lang = LANG;
  return request;
}

function updateConditionals() {
  for (const radio of form.querySelectorAll("input[type=radio][aria-controls]")) {
    document.getElementById(radio.getAttribute("aria-controls")).hidden = !radio.checked;
  }
}

form.addEventListener("change", (event) => {
  if (event.target.matches("input[type=radio]")) updateConditionals();
});

form.addEventListener("submit", (event) => {
  event.preventDefault();
  performance.mark("bokvar:calculate-submitted");
  const request = readRequest();
  if (engine.state === "ready") {
    send(request);
  } else {
    engine.queued = request;
    statusBox.textContent = STEPS[engine.state] + QUEUED;
    if (engine.state === "failed") statusBox.textContent = STEPS.failed;
  }
});

// ---------------------------------------------------------------- errors

/** The form group that shows a field's error; hidden or unknown fields fall back to a parent. */
function groupFor(field) {
  let name = field;
  while (name) {
    const group = form.querySelector(`[data-field="${CSS.escape(name)}"]`);
    if (group && !group.closest("[hidden]")) return group;
    const conditional = group && group.closest(".kalk-conditional");
    if (conditional) {
      name = form.querySelector(`[aria-controls="${conditional.id}"]`).name;
      continue;
    }
    name = name.includes(".") ? name.slice(0, name.lastIndexOf(".")) : "";
  }
  return null;
}

function clearErrors() {
  summaryBox.hidden = true;
  summaryList.replaceChildren();
  for (const message of form.querySelectorAll(".kalk-error-message")) message.remove();
  for (const group of form.querySelectorAll(".kalk-group--error"))
    group.classList.remove("kalk-group--error");
  for (const input of form.querySelectorAll("[aria-invalid]")) input.removeAttribute("aria-invalid");
  for (const node of form.querySelectorAll("[aria-describedby]")) {
    const ids = node
      .getAttribute("aria-describedby")
      .split(" ")
      .filter((id) => id && !id.startsWith("error-"));
    if (ids.length) node.setAttribute("aria-describedby", ids.join(" "));
    else node.removeAttribute("aria-describedby");
  }
  document.title = baseTitle;
}

function describe(node, id) {
  const ids = (node.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
  if (!ids.includes(id)) ids.push(id);
  node.setAttribute("aria-describedby", ids.join(" "));
}

/** Put one engine message in its form group, GOV.UK style; return the input to link to. */
function showInline(group, error, errorId) {
  const message = el(
    "p",
    { className: "kalk-error-message", id: errorId },
    el("span", { className: "kalk-visually-hidden" }, t("Fel:")),
    " ",
    error.message,
  );
  group.classList.add("kalk-group--error");
  const fieldset = group.querySelector(":scope > fieldset");
  const single = group.matches(".kalk-group") && !group.querySelector(".kalk-group");
  if (fieldset) {
    fieldset.querySelector(".kalk-radios").before(message);
    describe(fieldset, errorId);
    const radios = fieldset.querySelectorAll(":scope > .kalk-radios > .kalk-radio > input");
    for (const radio of radios) radio.setAttribute("aria-invalid", "true");
    return radios[0];
  }
  if (single) {
    const input = group.querySelector("input, select");
    input.before(message);
    describe(input, errorId);
    input.setAttribute("aria-invalid", "true");
    return input;
  }
  // A whole group (itemised debt, normalbelopp): the message opens it.
  if (group.tagName === "DETAILS") group.querySelector("summary").after(message);
  else group.prepend(message);
  return null;
}

function showErrors(errors) {
  clearErrors();
  errors.forEach((error, index) => {
    const group = groupFor(error.field);
    let target = null;
    if (group) {
      const details = group.closest("details");
      if (details) details.open = true;
      target = showInline(group, error, `error-${fieldId(group.dataset.field)}-${index}`);
    }
    summaryList.append(
      el("li", {}, target ? el("a", { href: `#${target.id}` }, error.message) : error.message),
    );
  });
  result.hidden = true;
  setAgreementAvailable(false);
  summaryBox.hidden = false;
  document.title = `${t("Fel:")} ${baseTitle}`;
  summaryBox.focus();
}

summaryList.addEventListener("click", (event) => {
  const link = event.target.closest("a[href^='#']");
  if (!link) return;
  const input = document.getElementById(link.getAttribute("href").slice(1));
  if (!input) return;
  event.preventDefault();
  const group = input.closest(".kalk-group");
  const legendOrLabel = group.querySelector("legend, label");
  input.focus({ preventScroll: true });
  (legendOrLabel || input).scrollIntoView({ block: "start" });
});

// ---------------------------------------------------------------- the answer

function showResponse(response) {
  if (!response.ok) {
    showErrors(response.errors || []);
    return;
  }
  clearErrors();
  renderResult(response);
  result.hidden = false;
  performance.mark("bokvar:answer-rendered");
  document.getElementById("result-heading").focus();
}

function renderResult(response) {
  const { plan, affordability } = response;
  document.getElementById("result-summary").replaceChildren(
    ...String(response.summary || "")
      .split(/\n+/)
      .filter(Boolean)
      .map((line) => el("p", { className: "kalk-summary" }, line)),
  );

  const warnings = response.warnings || [];
  document.getElementById("result-warnings").replaceChildren(
    ...(warnings.length
      ? [
          el(
            "div",
            { className: "kalk-warning" },
            el("h3", {}, t("Tänk på det här")),
            el(
              "ul",
              {},
              warnings.map((warning) => el("li", { "data-code": warning.code }, warning.message)),
            ),
          ),
        ]
      : []),
  );

  const figures = [
    [t("Skuld"), plan.debt_text],
    [t("Avbetalning per månad"), plan.installment_text],
    [t("Antal avbetalningar"), String(plan.months)],
    plan.interest_ore > 0 ? [t("Ränta totalt"), plan.interest_text] : null,
    [t("Att betala på skulden totalt"), plan.total_text],
    [t("Första betalningen senast"), plan.first_due_date_text],
    [t("Sista betalningen senast"), plan.last_due_date_text],
  ].filter(Boolean);
  document
    .getElementById("result-figures")
    .replaceChildren(...figures.flatMap(([term, value]) => [el("dt", {}, term), el("dd", {}, value)]));

  document
    .getElementById("result-affordability")
    .replaceChildren(...(affordability ? renderAffordability(affordability) : []));
  document
    .getElementById("result-alternatives")
    .replaceChildren(...renderAlternatives(response.alternatives || []));
  document.getElementById("budget-print").hidden = !affordability;
  confirmGroup.hidden = !(affordability && affordability.contact_first);
  confirmBox.checked = false;
  document.getElementById("result-schedule").replaceChildren(renderSchedule(plan));
  renderDownloads(response.exports);
  lastResponse = response; // the agreement is built when printing, not on every answer
  setAgreementAvailable(true);
}

function amountsTable(caption, rows, className = "kalk-table kalk-table--amounts") {
  return el(
    "table",
    { className },
    el("caption", {}, caption),
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        el("th", { scope: "col" }, t("Post")),
        el("th", { scope: "col", className: "kalk-num" }, t("Belopp")),
      ),
    ),
    el(
      "tbody",
      {},
      rows.map(([label, amount]) =>
        el("tr", {}, el("th", { scope: "row" }, label), el("td", { className: "kalk-num" }, amount)),
      ),
    ),
  );
}

const NORM_TITLES = {
  riksnorm: t("Riksnormen (socialtjänsten)"),
  forbehallsbelopp: t("Förbehållsbeloppet (Kronofogden)"),
};

function normTable(norm, a) {
  const source = norm.secondary_source ? t("{source} (andrahandskälla)", norm) : norm.source;
  return amountsTable(
    t("{title} per månad, {year} års belopp. Källa: {source}.", {
      title: NORM_TITLES[norm.code] || norm.code,
      year: norm.year,
      source,
    }),
    [
      ...norm.items.map((item) => [item.label, item.amount_text]),
      [t("Behov totalt"), norm.need_text],
      [t("Inkomster"), a.income_text],
      [t("Kvar varje månad"), norm.surplus_text],
    ],
  );
}

function budgetRows(a) {
  return [
    [t("Inkomster efter skatt"), a.net_income_text],
    [t("Bostadsbidrag eller bostadstillägg"), a.housing_benefit_text],
    [t("Inkomster totalt"), a.income_text],
    [t("Hyra"), a.rent_text],
    [t("Hushållsel"), a.electricity_text],
    [t("Hemförsäkring"), a.home_insurance_text],
    [t("Andra nödvändiga kostnader"), a.other_costs_text],
    ...a.items.map((item) => [t("Normalbelopp: {label}", item), item.amount_text]),
    [t("Kvar efter förbehållsbeloppet (överskott)"), a.surplus_text],
    [t("Marginal för planen ({share} av överskottet)", { share: a.margin_share_text }), a.margin_text],
    [t("Planens största betalning i en månad"), a.largest_payment_text],
    [t("Största avbetalning inom marginalen"), a.recommended_installment_text],
  ];
}

function contactList(a) {
  return el(
    "ul",
    { className: "kalk-contacts" },
    a.contacts.map((contact) =>
      el(
        "li",
        { "data-code": contact.code },
        el("strong", {}, contact.name),
        ". ",
        contact.why,
        " ",
        el("a", { href: contact.url }, contact.url_text),
      ),
    ),
  );
}

function renderAffordability(a) {
  const verdictClass = a.fits ? "kalk-verdict kalk-verdict--fits" : "kalk-verdict kalk-verdict--tight";
  return [
    el("h3", {}, t("Räcker pengarna?")),
    el("p", { className: verdictClass, "data-band": a.band }, a.verdict),
    a.contact_first
      ? el(
          "div",
          { className: "kalk-warning kalk-contact-first" },
          el("h4", {}, t("Kontakta socialtjänsten först")),
          el("p", {}, a.contacts[0].why),
        )
      : null,
    amountsTable(
      t("Hushållets budget per månad. Normalbelopp för {year}, källa: {source}.", a),
      budgetRows(a),
    ),
    ...a.norms.map((norm) => normTable(norm, a)),
    el("h3", {}, t("Vem kan hjälpa?")),
    contactList(a),
    el("h3", {}, t("Ta med till mötet")),
    el(
      "ul",
      { className: "kalk-documents" },
      a.documents.map((text) => el("li", {}, text)),
    ),
  ].filter(Boolean); // replaceChildren() would show a skipped part (null) as the text "null"
}

const ALTERNATIVE_COLUMNS = [
  [t("Månader"), (row) => String(row.months), true],
  [t("Avbetalning per månad"), (row) => row.installment_text, true],
  [t("Ränta totalt"), (row) => row.interest_text, true],
  [t("Att betala på skulden"), (row) => row.total_text, true],
  [t("Sista betalningen senast"), (row) => row.last_due_date_text, false],
  [t("Bedömning"), (row) => row.band_text + (row.recommended ? t(". Rekommenderas") : ""), false],
];

function renderAlternatives(rows) {
  if (rows.length < 2) return [];
  const table = el(
    "table",
    { className: "kalk-table kalk-table--compare" },
    el(
      "caption",
      {},
      t(
        "Planerna bredvid varandra. Den plan som rekommenderas håller sig inom marginalen med minst antal månader.",
      ),
    ),
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        el("th", { scope: "col" }, t("Plan")),
        ALTERNATIVE_COLUMNS.map(([title, , num]) =>
          el("th", { scope: "col", className: num ? "kalk-num" : null }, title),
        ),
      ),
    ),
    el(
      "tbody",
      {},
      rows.map((row) =>
        el(
          "tr",
          { className: row.recommended ? "kalk-recommended" : null },
          el("th", { scope: "row" }, row.label),
          ALTERNATIVE_COLUMNS.map(([title, value, num]) =>
            el("td", { className: num ? "kalk-num" : null, "data-label": title }, value(row)),
          ),
        ),
      ),
    ),
  );
  return [el("h3", { id: "alternatives-heading" }, t("Planerna jämförda")), table];
}

const SCHEDULE_COLUMNS = [
  [t("Månad"), (row) => row.month_text, false],
  [t("Betala senast"), (row) => row.due_date_text, false],
  [t("Hyra"), (row) => row.rent_text, true],
  [t("Avbetalning"), (row) => row.installment_text, true],
  [t("Ränta"), (row) => row.interest_text, true],
  [t("Att betala"), (row) => row.payment_text, true],
  [t("Kvar av skulden"), (row) => row.balance_text, true],
];

function scheduleTable(plan, caption, columns = SCHEDULE_COLUMNS) {
  return el(
    "table",
    { className: "kalk-table kalk-table--schedule" },
    el("caption", {}, caption),
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        columns.map(([title, , num]) =>
          el("th", { scope: "col", className: num ? "kalk-num" : null }, title),
        ),
      ),
    ),
    el(
      "tbody",
      {},
      plan.rows.map((row) =>
        el(
          "tr",
          {},
          columns.map(([, value, num], index) =>
            index === 0
              ? el("th", { scope: "row" }, value(row))
              : el("td", { className: num ? "kalk-num" : null }, value(row)),
          ),
        ),
      ),
    ),
  );
}

function renderSchedule(plan) {
  const wrapper = el(
    "div",
    { className: "kalk-table-wrap", tabindex: "0", role: "region", "aria-labelledby": "schedule-heading" },
    scheduleTable(
      plan,
      t("Betala hyran, avbetalningen och räntan tillsammans, senast den dag som står i tabellen."),
    ),
  );
  return wrapper;
}

let objectUrls = [];

function renderDownloads(exports) {
  for (const url of objectUrls) URL.revokeObjectURL(url);
  objectUrls = [];
  const list = document.getElementById("result-downloads");
  list.replaceChildren();
  if (!exports) return;
  const files = [
    [exports.csv, exports.csv_filename, "text/csv;charset=utf-8", t("Ladda ned som kalkylark (CSV)")],
    [
      exports.ics,
      exports.ics_filename,
      "text/calendar;charset=utf-8",
      t("Ladda ned påminnelser till kalendern (iCalendar)"),
    ],
  ];
  for (const [content, filename, type, label] of files) {
    const url = URL.createObjectURL(new Blob([content], { type }));
    objectUrls.push(url);
    list.append(el("li", {}, el("a", { href: url, download: filename, className: "md-button" }, label)));
  }
}

// ---------------------------------------------------------------- the agreement
/*
 * The agreement's text is rendered by the build from includes/avbetalningsavtal.md
 * into #agreement (the same snippet as the template page). Its values are slots
 * ([data-slot]) that this code fills with the engine's response.agreement by
 * textContent; [data-slot-table="schedule"] gets the payment table. The party
 * fields (name, personnummer, …) go to the in-browser engine only in the request
 * made for printing, never in a calculation request, and are never stored.
 */

let lastResponse = null;
let lastRequest = null;
let agreementResponse = null; // the engine's answer with the party fields, for the shown plan
const slotDefaults = new Map();

function setAgreementAvailable(available) {
  document.documentElement.classList.toggle("kalk-print-agreement", available);
  agreementResponse = null;
  if (!available) {
    lastResponse = null;
    lastRequest = null;
  }
}

function agreementFields() {
  const fields = {};
  for (const input of document.querySelectorAll("input[data-agreement]")) {
    fields[input.dataset.agreement] = input.value;
  }
  return fields;
}

function fillAgreement(response) {
  if (!response?.ok || !response.agreement) return;
  const { plan } = response;
  for (const slot of agreement.querySelectorAll("[data-slot]")) {
    if (!slotDefaults.has(slot)) slotDefaults.set(slot, slot.textContent);
    slot.textContent = response.agreement[slot.dataset.slot] || slotDefaults.get(slot);
  }
  const columns = SCHEDULE_COLUMNS.filter(([title]) => plan.interest_ore > 0 || title !== t("Ränta"));
  for (const holder of agreement.querySelectorAll('[data-slot-table="schedule"]')) {
    holder.replaceChildren(scheduleTable(plan, t("Betalningar enligt avtalet"), columns));
  }
}

/** Ask the engine for the agreement with the party fields typed now; resolves with its answer. */
function requestAgreement() {
  if (!lastRequest || !engine.worker) return Promise.resolve(lastResponse);
  return new Promise((resolve) => {
    const id = engine.nextId++;
    engine.waiting.set(id, (text) => resolve(JSON.parse(text)));
    const request = { ...lastRequest, ...agreementFields(), exports: false };
    engine.worker.postMessage({ type: "calculate", id, request: JSON.stringify(request) });
  });
}

const confirmGroup = document.getElementById("agreement-confirm-group");
const confirmBox = document.getElementById("agreement-confirm");

/** Below a norm the agreement prints only after the user confirms socialtjänsten has seen the case. */
function agreementAllowed() {
  return confirmGroup.hidden || confirmBox.checked;
}

function showConfirmError(show) {
  confirmGroup.classList.toggle("kalk-group--error", show);
  confirmGroup.querySelector(".kalk-error-message")?.remove();
  if (show) {
    confirmGroup
      .querySelector(".kalk-checkbox")
      .before(
        el(
          "p",
          { className: "kalk-error-message", id: "agreement-confirm-error" },
          el("span", { className: "kalk-visually-hidden" }, t("Fel:")),
          t(" Kryssa i rutan när socialtjänsten har gått igenom hushållets ekonomi"),
        ),
      );
    confirmBox.setAttribute("aria-describedby", "agreement-confirm-error agreement-confirm-hint");
    confirmBox.focus();
  } else {
    confirmBox.setAttribute("aria-describedby", "agreement-confirm-hint");
  }
}

confirmBox.addEventListener("change", () => {
  if (confirmBox.checked) showConfirmError(false);
});

let printingFromButton = false;
document.getElementById("print-agreement").addEventListener("click", async () => {
  if (!agreementAllowed()) {
    showConfirmError(true);
    return;
  }
  agreementResponse = await requestAgreement();
  fillAgreement(agreementResponse);
  printingFromButton = true;
  try {
    window.print();
  } finally {
    printingFromButton = false;
  }
});
// Printing from the browser's menu cannot wait for the engine: use the last answer we have
// (with the party fields as they were at the last "Skriv ut avtal", if any).
window.addEventListener("beforeprint", () => {
  const root = document.documentElement;
  if (root.classList.contains("kalk-print-budget") || root.classList.contains("kalk-print-case")) return;
  root.classList.toggle("kalk-print-agreement", Boolean(lastResponse) && agreementAllowed());
  if (!printingFromButton && agreementAllowed()) fillAgreement(agreementResponse ?? lastResponse);
});

// ---------------------------------------------------------------- the budget sheet (for the household)

const budgetSheet = document.getElementById("budget-sheet");

function buildBudgetSheet() {
  const a = lastResponse && lastResponse.affordability;
  if (!a) return;
  const rows = lastResponse.alternatives || [];
  const chosen = rows.find((row) => row.recommended) || rows.find((row) => row.current);
  budgetSheet.replaceChildren(
    el("h1", { id: "budget-sheet-title" }, t("Hushållets budget för avbetalningsplanen")),
    el("p", {}, t("Utskriven {date}. Beloppen är per månad.", { date: localDate() })),
    el("p", { className: "kalk-verdict" }, a.verdict),
    amountsTable(t("Inkomster och kostnader. Normalbelopp för {year}, källa: {source}.", a), budgetRows(a)),
    ...a.norms.map((norm) => normTable(norm, a)),
    el("h2", {}, t("Planen")),
    chosen
      ? el(
          "p",
          {},
          t(
            "{label}: {installment_text} i månaden i {months} månader, sista betalningen senast {last_due_date_text}. {band_text}.",
            chosen,
          ),
        )
      : null,
    el("h2", {}, t("Vem kan hjälpa?")),
    contactList(a),
    el("h2", {}, t("Ta med till mötet")),
    el(
      "ul",
      {},
      a.documents.map((text) => el("li", {}, text)),
    ),
  );
}

document.getElementById("print-budget").addEventListener("click", () => {
  buildBudgetSheet();
  const root = document.documentElement;
  const hadAgreement = root.classList.contains("kalk-print-agreement");
  root.classList.remove("kalk-print-agreement");
  root.classList.add("kalk-print-budget");
  window.print();
  root.classList.remove("kalk-print-budget");
  root.classList.toggle("kalk-print-agreement", hadAgreement);
});

document.getElementById("print-case-sheet").addEventListener("click", () => {
  if (!lastResponse) return;
  printCaseSheet(() =>
    planSheet(document.getElementById("case-sheet"), {
      inputs: typedInputs(form),
      response: lastResponse,
      buildId: engine.buildId,
    }),
  );
});

// ---------------------------------------------------------------- saving on this computer

const saveButton = document.getElementById("storage-save");
const forgetButton = document.getElementById("storage-forget");
const storageStatus = document.getElementById("storage-status");

function storage() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

saveButton.addEventListener("click", () => {
  const values = {};
  for (const control of controls()) {
    if (control.type === "radio") {
      if (control.checked) values[control.name] = control.value;
    } else if (control.type === "checkbox") {
      values[control.name] = control.checked ? control.value : "";
    } else {
      values[control.name] = control.value;
    }
  }
  try {
    storage().setItem(STORAGE_KEY, JSON.stringify({ version: 1, values }));
    forgetButton.hidden = false;
    storageStatus.textContent = t("Siffrorna är sparade i den här webbläsaren.");
  } catch {
    storageStatus.textContent = t("Det gick inte att spara i den här webbläsaren.");
  }
});

forgetButton.addEventListener("click", () => {
  storage()?.removeItem(STORAGE_KEY);
  forgetButton.hidden = true;
  storageStatus.textContent = t("Det sparade är borttaget från den här datorn.");
  saveButton.focus();
});

function restoreSaved() {
  let saved = null;
  try {
    saved = JSON.parse(storage()?.getItem(STORAGE_KEY) || "null");
  } catch {
    saved = null;
  }
  if (!saved || saved.version !== 1) return false;
  for (const control of controls()) {
    if (!(control.name in saved.values)) continue;
    if (control.type === "radio" || control.type === "checkbox")
      control.checked = control.value === saved.values[control.name];
    else control.value = saved.values[control.name];
  }
  forgetButton.hidden = false;
  storageStatus.textContent = t("Siffror som sparats på den här datorn är ifyllda.");
  return true;
}

// ---------------------------------------------------------------- start

function init() {
  engine.buildId = window.bokvarEngine.buildId;
  restoreSaved();
  updateConditionals();
  startWorker(); // boot.js started it already; this takes its messages
}

init();
