/*
 * The printable case sheet (ärendeblad) of both calculator pages: what was
 * typed, what the engine answered and with which rules, rates and build, so a
 * case file records how the dates or the plan were computed. Every date text,
 * rule, rate and source comes from the engine's response; this module only
 * places them. The sheet is built when printing, never stored or sent.
 */

/* The page's language. The English calculator (/en/calculator/) holds its texts in a
   data block, <script type="application/json" id="kalk-texts">, keyed by the Swedish
   text; t() looks each one up there. Swedish pages have no such block, so t() returns
   the Swedish text itself. tests/site/test_site_calculator_en.py checks that every
   text given to t() has its English twin. {name} in a text takes values[name]. */
export const LANG = document.documentElement.lang === "en" ? "en" : "sv";
const TEXTS = LANG === "sv" ? {} : JSON.parse(document.getElementById("kalk-texts")?.textContent || "{}");

export function t(swedish, values = {}) {
  return (TEXTS[swedish] ?? swedish).replace(/\{(\w+)\}/g, (_, name) => String(values[name]));
}

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "className") node.className = value;
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function localDate(date = new Date()) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** [label, value] for every filled-in field of the form, in form order, as the person sees them. */
export function typedInputs(form) {
  const rows = [];
  for (const control of form.elements) {
    if (!control.name || control.hasAttribute("data-local") || control.type === "submit") continue;
    if ((control.type === "radio" || control.type === "checkbox") && !control.checked) continue;
    const value = control.type === "radio" ? labelText(control) : control.value.trim();
    if (!value) continue;
    const legend = control.closest("fieldset")?.querySelector("legend");
    const label = control.type === "radio" && legend ? legend.textContent : labelText(control);
    rows.push([label.replace(/\s*\((valfritt|optional)\)\s*$/, "").trim(), value]);
  }
  return rows;
}

function labelText(control) {
  const label = control.id && document.querySelector(`label[for="${CSS.escape(control.id)}"]`);
  return label ? label.textContent.trim() : control.name;
}

function table(caption, headers, rows) {
  return el(
    "table",
    { className: "kalk-table" },
    el("caption", {}, caption),
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        headers.map((title) => el("th", { scope: "col" }, title)),
      ),
    ),
    el(
      "tbody",
      {},
      rows.map(([first, ...rest]) =>
        el(
          "tr",
          {},
          el("th", { scope: "row" }, first),
          rest.map((cell) => el("td", {}, cell)),
        ),
      ),
    ),
  );
}

function inputsTable(inputs) {
  return inputs.length
    ? table(t("Uppgifter som fylldes i"), [t("Uppgift"), t("Ifyllt")], inputs)
    : el("p", {}, t("Inga uppgifter fylldes i."));
}

function buildLine(buildId, extra = "") {
  return el(
    "p",
    {},
    t("Beräknad {date} med Bo kvars kalkylator, version {build}.", {
      date: localDate(),
      build: buildId || t("okänd"),
    }) + extra,
  );
}

/** The deadline page's sheet: inputs, each date with its rule and sentence, warnings, build. */
export function deadlineSheet(container, { inputs, response, buildId, reference }) {
  container.replaceChildren(
    el("h1", {}, "Ärendeblad: frister vid obetald hyra"),
    reference ? el("p", {}, `Ärende: ${reference}`) : null,
    el("h2", {}, "Uppgifter"),
    inputsTable(inputs),
    el("h2", {}, "Datum"),
    table(
      "Datumen och reglerna de kommer från",
      ["Datum", "Vad som gäller", "Regel"],
      response.deadlines.map((entry) => [entry.date_text, entry.text, entry.rule]),
    ),
    response.warnings.length
      ? [
          el("h2", {}, "Att tänka på"),
          el(
            "ul",
            {},
            response.warnings.map((w) => el("li", {}, w.message)),
          ),
        ]
      : null,
    el("h2", {}, "Så räknades datumen"),
    buildLine(buildId, ` Lagtexten kontrollerad ${response.law_checked}.`),
  );
}

/** The repayment plan's sheet: inputs, key figures, rates used, amounts year and source, build. */
export function planSheet(container, { inputs, response, buildId }) {
  const { plan, affordability } = response;
  const rates = plan.rates || [];
  container.replaceChildren(
    el("h1", {}, t("Ärendeblad: avbetalningsplan")),
    el("h2", {}, t("Uppgifter")),
    inputsTable(inputs),
    el("h2", {}, t("Planen")),
    el("p", {}, response.summary),
    el("h2", {}, t("Ränta")),
    rates.length
      ? table(
          t("Räntesatser som användes"),
          [t("Period"), t("Ränta per år"), t("Referensränta"), t("Källa")],
          rates.map((rate) => [
            rate.period_text,
            rate.rate_text,
            rate.reference_rate_text || "–",
            rate.source,
          ]),
        )
      : el("p", {}, t("Ingen ränta räknades.")),
    el("h2", {}, t("Normalbelopp")),
    el(
      "p",
      {},
      affordability
        ? t("Normalbelopp för {year}. Källa: {source}.", affordability)
        : t("Hushållets ekonomi räknades inte."),
    ),
    el("h2", {}, t("Så räknades planen")),
    buildLine(buildId),
  );
}

/** Build the sheet, then print it on its own (the agreement's print view stays as it was). */
export function printCaseSheet(build) {
  const root = document.documentElement;
  build();
  root.classList.add("kalk-print-case");
  const done = () => root.classList.remove("kalk-print-case");
  window.addEventListener("afterprint", done, { once: true });
  try {
    window.print();
  } finally {
    // print() blocks until the dialog closes in most browsers; afterprint covers the rest.
    setTimeout(done, 0);
  }
}
