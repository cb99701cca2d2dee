/*
 * The printable case sheet (ärendeblad) of both calculator pages: what was
 * typed, what the engine answered and with which rules, rates and build, so a
 * case file records how the dates or the plan were computed. Every date text,
 * rule, rate and source comes from the engine's response; this module only
 * places them. The sheet is built when printing, never stored or sent.
 */

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
    rows.push([label.replace(/\s*\(valfritt\)\s*$/, "").trim(), value]);
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
    ? table("Uppgifter som fylldes i", ["Uppgift", "Ifyllt"], inputs)
    : el("p", {}, "Inga uppgifter fylldes i.");
}

function buildLine(buildId, extra = "") {
  return el(
    "p",
    {},
    `Beräknad ${localDate()} med Bo kvars kalkylator, version ${buildId || "okänd"}.${extra}`,
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
    el("h1", {}, "Ärendeblad: avbetalningsplan"),
    el("h2", {}, "Uppgifter"),
    inputsTable(inputs),
    el("h2", {}, "Planen"),
    el("p", {}, response.summary),
    el("h2", {}, "Ränta"),
    rates.length
      ? table(
          "Räntesatser som användes",
          ["Period", "Ränta per år", "Referensränta", "Källa"],
          rates.map((rate) => [
            rate.period_text,
            rate.rate_text,
            rate.reference_rate_text || "–",
            rate.source,
          ]),
        )
      : el("p", {}, "Ingen ränta räknades."),
    el("h2", {}, "Normalbelopp"),
    el(
      "p",
      {},
      affordability
        ? `Normalbelopp för ${affordability.year}. Källa: ${affordability.source}.`
        : "Hushållets ekonomi räknades inte.",
    ),
    el("h2", {}, "Så räknades planen"),
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
