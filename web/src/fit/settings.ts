// The fit profile in Settings: the values editor (eight weights 0-5 and a target pay) and the
// constraints form. The API validates (as `jobfit values set` / `constraints set` do); its
// error names the field, and the message is shown beside that field.
import { ApiError } from "../api";
import { h } from "../dom";
import { fitApi, VALUE_NAMES, type Constraints, type PayPeriod, type ValueName, type Values } from "./api";
import { problem } from "./explain";

const VALUE_HELP: Record<ValueName, string> = {
  learning: "mentorship, training budget, professional development",
  autonomy: "ownership, working independently, remote work, flexible hours",
  pay: "pay against your target (or your minimum)",
  stability: "full-time, pension, job security; contracts and startups count against",
  time_and_health: "on-call, overtime, weekends, travel, \u201cfast-paced\u201d count against",
  people: "managing people, collaborative, client-facing work",
  meaning: "mission, non-profit, social good, patients, climate",
  status: "seniority, prestigious, industry-leading",
};
const WEIGHT_WORDS = ["does not matter", "matters a little", "matters somewhat", "matters", "matters a lot", "matters most"];
const WORK_MODES = [["remote", "Remote"], ["hybrid", "Hybrid"], ["onsite", "On-site"]] as const;
const EMPLOYMENT_TYPES = [
  ["full_time", "Full-time"],
  ["part_time", "Part-time"],
  ["contract", "Contract"],
  ["temporary", "Temporary"],
  ["internship", "Internship"],
  ["volunteer", "Volunteer"],
  ["other", "Other"],
] as const;
const PERIODS: PayPeriod[] = ["year", "month", "week", "day", "hour"];

// Error messages placed beside the fields they are about, found by the API's `field`.
class FieldErrors {
  private slots = new Map<string, { control: HTMLElement; message: HTMLElement }>();
  // Where an error about no known field goes.
  readonly general = h("p", { class: "error", role: "alert" });

  // A slot for the field's message, linked to its control for screen readers.
  slot(field: string, control: HTMLElement): HTMLElement {
    const message = h("span", { class: "field-error", id: `error-${field}`, "data-error-for": field });
    const described = control.getAttribute("aria-describedby");
    control.setAttribute("aria-describedby", described ? `${described} ${message.id}` : message.id);
    this.slots.set(field, { control, message });
    return message;
  }

  clear(): void {
    this.general.textContent = "";
    for (const { control, message } of this.slots.values()) {
      message.textContent = "";
      control.removeAttribute("aria-invalid");
    }
  }

  show(e: unknown): void {
    const at = e instanceof ApiError && e.field ? this.slots.get(e.field.split(".")[0]) : undefined;
    if (!at) {
      this.general.textContent = problem(e);
      return;
    }
    at.message.textContent = e instanceof ApiError ? e.message : String(e);
    at.control.setAttribute("aria-invalid", "true");
    at.control.focus();
  }
}

// A form that saves through the API on submit, saying so, or shows the API's error beside its
// field. `children` are laid out above the submit button.
function savingForm(
  testId: string,
  errors: FieldErrors,
  what: string,
  save: () => Promise<unknown>,
  children: (Node | null)[],
): HTMLFormElement {
  const status = h("p", { class: "status", role: "status", "aria-live": "polite" });
  return h(
    "form",
    {
      class: "stack",
      novalidate: true,
      "data-testid": testId,
      onsubmit: async (ev: Event) => {
        ev.preventDefault();
        errors.clear();
        status.textContent = "Saving…";
        try {
          await save();
          status.textContent = `${what} saved.`;
        } catch (e) {
          status.textContent = "";
          errors.show(e);
        }
      },
    },
    children,
    errors.general,
    h("div", { class: "row" }, h("button", { type: "submit" }, `Save ${what.toLowerCase()}`), status),
  );
}

export function valuesCard(values: Values): HTMLElement {
  const errors = new FieldErrors();
  const sliders = new Map<ValueName, HTMLInputElement>();
  const rows = VALUE_NAMES.map((name) => {
    const id = `value-${name}`;
    const out = h("output", { for: id });
    const input = h("input", { type: "range", id, min: "0", max: "5", step: "1", value: String(values[name]), "aria-describedby": `${id}-hint` });
    const say = () => {
      out.textContent = input.value;
      input.setAttribute("aria-valuetext", `${input.value}: ${WEIGHT_WORDS[Number(input.value)]}`);
    };
    input.addEventListener("input", say);
    say();
    sliders.set(name, input);
    const label = name === "time_and_health" ? "Time and health" : name[0].toUpperCase() + name.slice(1);
    return h(
      "div",
      { class: "value-row" },
      h("label", { for: id }, label),
      input,
      out,
      h("span", { class: "hint", id: `${id}-hint` }, VALUE_HELP[name]),
      errors.slot(name, input),
    );
  });
  const target = h("input", {
    id: "value-target-pay",
    inputmode: "numeric",
    value: values.target_pay === null ? "" : String(values.target_pay),
    placeholder: "e.g. 120000",
  });
  const save = () => {
    const body: Record<string, number | string | null> = {};
    for (const [name, input] of sliders) body[name] = Number(input.value);
    body.target_pay = target.value.trim() === "" ? null : target.value.trim();
    return fitApi.saveValues(body as Partial<Values>);
  };
  const form = savingForm("values-form", errors, "Values", save, [
    h("p", { class: "muted small" }, "How much each matters to you in a job, from 0 (does not matter) to 5 (matters most). Each is read from what postings say."),
    h("div", { class: "values" }, rows),
    h("label", { for: "value-target-pay" }, "Target pay a year (for the pay value; empty: your minimum pay)"),
    target,
    errors.slot("target_pay", target),
  ]);
  return h("article", { class: "card", "aria-labelledby": "fit-values-title" }, h("h2", { id: "fit-values-title" }, "Your values"), form);
}

function checks(name: string, options: readonly (readonly [string, string])[], chosen: string[]): HTMLInputElement[] {
  return options.map(([value]) => h("input", { type: "checkbox", name, value, id: `${name}-${value}`, checked: chosen.includes(value) }));
}

export function constraintsCard(c: Constraints): HTMLElement {
  const errors = new FieldErrors();

  const amount = h("input", { id: "constraint-min-pay", inputmode: "numeric", value: c.min_pay ? String(c.min_pay.amount) : "", placeholder: "e.g. 90000" });
  const currency = h("input", { id: "constraint-currency", value: c.min_pay?.currency ?? "USD", size: 4, maxlength: 8, autocapitalize: "characters" });
  const period = h("select", { id: "constraint-period" }, PERIODS.map((p) => h("option", { value: p, selected: (c.min_pay?.period ?? "year") === p }, `a ${p}`)));
  const modes = checks("work-mode", WORK_MODES, c.work_modes);
  const types = checks("employment-type", EMPLOYMENT_TYPES, c.employment_types);
  const locations = h("input", { id: "constraint-locations", value: c.locations.join("; "), placeholder: "Berlin; London" });
  const travel = h("input", { id: "constraint-travel", inputmode: "numeric", value: c.max_travel === null ? "" : String(Math.round(c.max_travel * 100)), placeholder: "e.g. 20" });
  const onCall = h("input", { type: "checkbox", id: "constraint-on-call", checked: c.on_call });
  const modeGroup = h("fieldset", {}, h("legend", {}, "Work modes you accept (none ticked: any)"),
    h("div", { class: "row" }, modes.map((m, i) => h("label", { class: "check", for: m.id }, m, WORK_MODES[i][1]))));
  const typeGroup = h("fieldset", {}, h("legend", {}, "Employment types you accept (none ticked: any)"),
    h("div", { class: "row" }, types.map((t, i) => h("label", { class: "check", for: t.id }, t, EMPLOYMENT_TYPES[i][1]))));

  const save = () => {
    const travelText = travel.value.trim();
    const body = {
      min_pay: amount.value.trim() === "" ? null : { amount: amount.value.trim(), currency: currency.value.trim(), period: period.value },
      work_modes: modes.filter((m) => m.checked).map((m) => m.value),
      employment_types: types.filter((t) => t.checked).map((t) => t.value),
      locations: locations.value.split(";").map((l) => l.trim()).filter(Boolean),
      // A percentage on the page, a share in the API; what is not a number goes as typed.
      max_travel: travelText === "" ? null : Number.isFinite(Number(travelText)) ? Number(travelText) / 100 : travelText,
      on_call: onCall.checked,
    };
    return fitApi.saveConstraints(body as unknown as Partial<Constraints>);
  };
  const form = savingForm("constraints-form", errors, "Constraints", save, [
    h("p", { class: "muted small" }, "Hard limits: a posting that breaks one is left out of the ranking, whatever it scores. What a posting does not state never breaks one."),
    h(
      "div",
      { class: "min-pay" },
      h("div", { class: "stack" }, h("label", { for: "constraint-min-pay" }, "Minimum pay"), amount, errors.slot("min_pay", amount)),
      h("div", { class: "stack" }, h("label", { for: "constraint-currency" }, "Currency"), currency, errors.slot("currency", currency)),
      h("div", { class: "stack" }, h("label", { for: "constraint-period" }, "Per"), period, errors.slot("period", period)),
    ),
    modeGroup,
    errors.slot("work_modes", modes[0]),
    h("label", { for: "constraint-locations" }, "Locations you accept, separated by ; (empty: anywhere)"),
    locations,
    errors.slot("locations", locations),
    typeGroup,
    errors.slot("employment_types", types[0]),
    h("label", { for: "constraint-travel" }, "Most travel you accept, % of the time (empty: any)"),
    travel,
    errors.slot("max_travel", travel),
    h("label", { class: "check", for: "constraint-on-call" }, onCall, "I accept on-call duty"),
    errors.slot("on_call", onCall),
  ]);
  return h("article", { class: "card", "aria-labelledby": "fit-constraints-title" }, h("h2", { id: "fit-constraints-title" }, "Your constraints"), form);
}

// Both cards, filled from the API.
export async function fitSettings(): Promise<HTMLElement[]> {
  const [values, constraints] = await Promise.all([fitApi.values(), fitApi.constraints()]);
  return [valuesCard(values), constraintsCard(constraints)];
}
