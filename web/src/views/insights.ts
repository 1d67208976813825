// Insights: the weekly report, interactive — time by activity, net affect by activity with its
// interval, energizers and drainers, the U-index and energy trend, the burnout trend, and what
// you expected next to what your episodes say (largest gap first).
import { api, ApiError, type ExpectationGap, type WeeklyReport } from "../api";
import { h, toast } from "../dom";
import { affectChart, burnoutChart, evidenceLines, percent, signed, trendChart, warningBox } from "../evidence";
import { duration, shortDay } from "../format";
import type { App, View } from "../view";

const EXPECT_ITEMS = [
  { name: "happy", label: "Happy", min: 0, max: 6 },
  { name: "engaged", label: "Engaged", min: 0, max: 6 },
  { name: "stressed", label: "Stressed", min: 0, max: 6 },
  { name: "frustrated", label: "Frustrated", min: 0, max: 6 },
  { name: "energy", label: "Energy", min: -2, max: 2 },
] as const;

function message(e: unknown): string {
  return e instanceof ApiError ? `${e.message}${e.field ? ` (${e.field})` : ""}` : String(e);
}

function card(id: string, title: string, ...body: (Node | null)[]): HTMLElement {
  return h("article", { class: "card", "aria-labelledby": id }, h("h2", { id }, title), ...body);
}

function gapRow(g: ExpectationGap): HTMLElement {
  const cls = g.gap === null ? "" : g.gap < 0 ? "down" : "up";
  return h(
    "tr",
    {},
    h("th", { scope: "row" }, g.label),
    h("td", { class: "num" }, signed(g.expected_net_affect)),
    h("td", { class: "num" }, g.n ? signed(g.experienced_net_affect) : "–"),
    h("td", { class: `num ${cls}` }, g.gap === null ? "–" : signed(g.gap)),
    h("td", { class: "num" }, String(g.n)),
    h("td", { class: "small" }, g.line),
  );
}

function expectationForm(app: App, done: () => void): HTMLElement {
  const activity = h(
    "select",
    { id: "expect-activity", required: true },
    app.activities.map((a) => h("option", { value: a.id }, a.label)),
  );
  const selects = EXPECT_ITEMS.map((item) => {
    const options = [h("option", { value: "" }, "–")];
    for (let v = item.min; v <= item.max; v++) options.push(h("option", { value: String(v) }, String(v)));
    const select = h("select", { id: `expect-${item.name}` }, options);
    return { item, select };
  });
  const status = h("p", { class: "status", role: "status", "aria-live": "polite" });
  return h(
    "form",
    {
      class: "expect-form",
      "aria-labelledby": "expect-form-title",
      onsubmit: async (ev: Event) => {
        ev.preventDefault();
        const body: Record<string, unknown> = { activity: activity.value };
        for (const { item, select } of selects) if (select.value !== "") body[item.name] = Number(select.value);
        try {
          const e = await api.addExpectation(body as { activity: string });
          toast(`Expectation for ${app.label(e.activity)} recorded`);
          done();
        } catch (err) {
          status.textContent = message(err);
        }
      },
    },
    h("h3", { id: "expect-form-title" }, "Record what you expect an activity to feel like"),
    h("div", { class: "row" }, h("label", { for: "expect-activity" }, "Activity"), activity),
    h(
      "div",
      { class: "row expect-items" },
      selects.map(({ item, select }) =>
        h("span", { class: "inline" }, h("label", { for: select.id }, `${item.label} (${item.min} to ${item.max})`), select),
      ),
    ),
    h("button", { type: "submit", class: "secondary" }, "Record expectation"),
    status,
  );
}

function render(root: HTMLElement, app: App, r: WeeklyReport, rerender: () => void): void {
  const w = r.week;
  const maxMinutes = Math.max(1, ...w.activities.map((a) => a.minutes));
  const rated = r.evidence.activities.filter((a) => a.net_affect !== null);

  root.append(
    h(
      "div",
      { class: "figures-row", "data-testid": "insights-week" },
      h("p", {}, h("span", { class: "figure", "data-testid": "insights-episodes" }, String(w.overall.n)), h("span", { class: "unit" }, ` episode${w.overall.n === 1 ? "" : "s"}`)),
      h("p", {}, h("span", { class: "figure", "data-testid": "insights-time" }, duration(w.overall.minutes)), h("span", { class: "unit" }, " logged")),
      h("p", {}, h("span", { class: "figure" }, signed(w.overall.net_affect)), h("span", { class: "unit" }, " net affect")),
      h("p", {}, h("span", { class: "figure" }, percent(w.overall.u_index)), h("span", { class: "unit" }, " U-index")),
      h("p", {}, h("span", { class: "figure" }, signed(w.overall.energy)), h("span", { class: "unit" }, " energy")),
    ),
    h(
      "div",
      { class: "grid" },
      card(
        "time-title",
        "Time by activity this week",
        w.activities.length
          ? h(
              "ul",
              { class: "bars", "data-testid": "insights-time-by-activity" },
              w.activities.map((a) =>
                h(
                  "li",
                  {},
                  h("span", { class: "bar-label" }, a.label),
                  h("span", { class: "bar-track", "aria-hidden": "true" }, h("span", { class: "bar", style: { width: `${(100 * a.minutes) / maxMinutes}%` } })),
                  h("span", { class: "bar-value" }, `${duration(a.minutes)} · ${percent(a.share)}`),
                ),
              ),
            )
          : h("p", { class: "muted" }, "Nothing logged this week yet. ", h("a", { href: "#/log" }, "Log an episode")),
      ),
      card(
        "evidence-title",
        `Energizers and drainers · last ${r.evidence_weeks} weeks`,
        evidenceLines(r.evidence),
      ),
    ),
    card(
      "affect-title",
      `Net affect by activity · last ${r.evidence_weeks} weeks`,
      h("p", { class: "muted small" }, "Mean of happy and engaged minus mean of stressed and frustrated, weighted by duration; whiskers show the 95% interval (it needs 2 rated episodes)."),
      rated.length ? affectChart(rated) : h("p", { class: "muted" }, "No episode with both a positive and a negative rating yet."),
      rated.length
        ? h(
            "div",
            { class: "table-wrap" },
            h(
              "table",
              { class: "data", "data-testid": "affect-table" },
              h("caption", { class: "visually-hidden" }, "Net affect by activity"),
              h("thead", {}, h("tr", {}, ["Activity", "Episodes", "Time", "Net affect", "95% interval", "U-index", "Energy"].map((c) => h("th", { scope: "col" }, c)))),
              h(
                "tbody",
                {},
                r.evidence.activities.map((a) =>
                  h(
                    "tr",
                    {},
                    h("th", { scope: "row" }, a.label),
                    h("td", { class: "num" }, String(a.n)),
                    h("td", { class: "num" }, duration(a.minutes)),
                    h("td", { class: "num" }, signed(a.net_affect)),
                    h("td", { class: "num" }, a.ci_low === null ? "–" : `${signed(a.ci_low)} … ${signed(a.ci_high)}`),
                    h("td", { class: "num" }, percent(a.u_index)),
                    h("td", { class: "num" }, signed(a.energy)),
                  ),
                ),
              ),
            ),
          )
        : null,
    ),
    h(
      "div",
      { class: "grid" },
      card(
        "trend-title",
        `U-index and energy · ${r.trend.length} weeks`,
        h("p", { class: "muted small" }, "U-index: the share of rated time in which the strongest negative feeling beat the strongest positive one."),
        r.trend.some((t) => t.u_index !== null || t.energy !== null) ? trendChart(r.trend) : h("p", { class: "muted" }, "No rated episodes in these weeks yet."),
      ),
      card(
        "burnout-title",
        "Burnout trend",
        r.burnout.length
          ? burnoutChart(r.burnout)
          : h("p", { class: "muted" }, "No check-ins yet. ", h("a", { href: "#/checkin" }, "Answer the questionnaire")),
        warningBox(r.early_warning),
      ),
    ),
    card(
      "gaps-title",
      "Expected vs experienced",
      r.evidence.expected_vs_experienced.length
        ? h(
            "div",
            { class: "table-wrap" },
            h(
              "table",
              { class: "data", "data-testid": "gaps" },
              h("caption", { class: "visually-hidden" }, "Expected and experienced net affect, largest gap first"),
              h("thead", {}, h("tr", {}, ["Activity", "Expected", "Experienced", "Gap", "Episodes", ""].map((c) => h("th", { scope: "col" }, c)))),
              h("tbody", {}, r.evidence.expected_vs_experienced.map(gapRow)),
            ),
          )
        : h("p", { class: "muted" }, "No expectations yet: record one below, then compare it with your episodes."),
      expectationForm(app, rerender),
    ),
  );
}

export const view: View = {
  id: "insights",
  title: "Insights",
  order: 30,
  async render(root, app) {
    let week = app.session.today;
    const weekInput = h("input", { type: "date", id: "insights-week", value: week });
    const htmlLink = h("a", { class: "button secondary-link", target: "_blank", rel: "noopener" }, "Open the printable report");
    const heading = h("p", { class: "lead" });
    const body = h("div", { class: "insights-body" });
    const load = async () => {
      const r = await api.report(week);
      heading.textContent = `Week of ${shortDay(r.week_start)} – ${shortDay(r.week_end)}`;
      htmlLink.setAttribute("href", api.reportHtmlUrl(r.week_start));
      body.replaceChildren();
      render(body, app, r, () => void load());
    };
    weekInput.addEventListener("change", () => {
      if (weekInput.value) {
        week = weekInput.value;
        void load();
      }
    });
    root.append(
      h("h1", { id: "insights-title" }, "Insights"),
      h("div", { class: "row spread" }, heading, h("div", { class: "row" }, h("label", { class: "inline" }, "Week of ", weekInput), htmlLink)),
      body,
    );
    await load();
  },
};
