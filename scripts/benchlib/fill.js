// Fills the calculator form from {name: value} as a person would leave it:
// sets each control found by its name (the engine's request keys), ticks
// radios/checkboxes, opens any <details> around a field, and fires input and
// change events so the page's own scripts see the values. Returns the names
// that matched no control, so the harness can say exactly what is missing.
(values) => {
  const missing = [];
  for (const [names, value] of values) {
    let done = false;
    for (const name of names) {
      const controls = document.querySelectorAll(`[name="${CSS.escape(name)}"]`);
      if (!controls.length) continue;
      for (const el of controls) {
        for (let p = el.closest("details"); p; p = p.parentElement && p.parentElement.closest("details"))
          p.open = true;
        if (el.type === "radio" || el.type === "checkbox") {
          const on = el.type === "radio" ? el.value === String(value) : Boolean(value);
          if (el.checked !== on) el.click();
        } else {
          el.value = String(value);
          el.dispatchEvent(new Event("input", { bubbles: true }));
          el.dispatchEvent(new Event("change", { bubbles: true }));
        }
      }
      done = true;
      break;
    }
    if (!done) missing.push(names[0]);
  }
  return missing;
};
