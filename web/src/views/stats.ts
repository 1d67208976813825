// Statistics of the search (same figures as `jobfit stats`): the funnel, rates by channel, and
// time to first response as a Kaplan-Meier curve, unanswered applications counted as censored.
import uPlot from "uplot";
import "../search/search.css";
import { h } from "../dom";
import { shortDay } from "../format";
import { STAGE_LABELS, problem, search, type Curve, type SearchStats } from "../search/api";
import type { View } from "../view";

const pct = (v: number | null) => (v === null ? "—" : `${Math.round(v * 100)}%`);
const days = (v: number | null) => (v === null ? "—" : `${v} d`);

// The estimate as a step function: share of sent applications still without an answer.
function curveChart(c: Curve): HTMLElement {
  const holder = h("div", { class: "curve", role: "img" });
  const xs = [0, ...c.curve.map((s) => s.days)];
  const ys = [1, ...c.curve.map((s) => s.survival)];
  // Censored applications as marks on the curve where they left observation.
  const marks = [null, ...c.curve.map((s) => (s.censored > 0 ? s.survival : null))];
  holder.setAttribute(
    "aria-label",
    `Share still waiting for a first answer by day: ${c.curve.map((s) => `day ${s.days} ${Math.round(s.survival * 100)}%`).join(", ")}`,
  );
  const draw = () => {
    holder.replaceChildren();
    const width = Math.max(260, holder.clientWidth || 480);
    new uPlot(
      {
        width,
        height: 260,
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: false }, y: { range: [0, 1] } },
        axes: [
          { label: "days since sent", grid: { stroke: "#e6e8eb" } },
          {
            label: "still waiting",
            size: 56,
            values: (_u: uPlot, splits: number[]) => splits.map((v) => `${Math.round(v * 100)}%`),
            grid: { stroke: "#e6e8eb" },
          },
        ],
        series: [
          { label: "day" },
          {
            label: "still waiting",
            stroke: "#2d64b0",
            width: 2,
            paths: uPlot.paths.stepped!({ align: 1 }),
            points: { show: false },
            value: (_u: uPlot, v: number | null) => (v === null ? "—" : `${Math.round(v * 100)}%`),
          },
          {
            label: "censored",
            stroke: "#c98a00",
            width: 0,
            paths: () => null,
            points: { show: true, size: 8, fill: "#fff", stroke: "#c98a00" },
            value: (_u: uPlot, v: number | null) => (v === null ? "—" : "censored here"),
          },
        ],
      },
      [xs, ys, marks],
      holder,
    );
  };
  requestAnimationFrame(draw);
  let last = 0;
  new ResizeObserver(() => {
    if (Math.abs(holder.clientWidth - last) > 20) {
      last = holder.clientWidth;
      draw();
    }
  }).observe(holder);
  return holder;
}

function content(s: SearchStats): HTMLElement[] {
  if (s.applications === 0)
    return [h("div", { class: "card empty" }, h("p", {}, "Nothing to count in this range yet."), h("a", { class: "button primary", href: "#/pipeline" }, "Add applications"))];
  const t = s.time_to_response;
  const maxReached = Math.max(1, ...s.funnel.map((f) => f.reached));
  return [
    h(
      "div",
      { class: "kpis" },
      h("p", { class: "kpi" }, h("span", { class: "figure", "data-testid": "stats-sent" }, String(s.sent)), h("span", { class: "unit" }, `sent of ${s.applications} applications`)),
      h("p", { class: "kpi" }, h("span", { class: "figure" }, String(t.responses)), h("span", { class: "unit" }, "answered")),
      h("p", { class: "kpi" }, h("span", { class: "figure", "data-testid": "stats-median" }, days(t.median_days)), h("span", { class: "unit" }, "median wait for a first answer")),
      h("p", { class: "kpi" }, h("span", { class: "figure" }, String(s.outcomes.open)), h("span", { class: "unit" }, "still open")),
    ),
    h(
      "div",
      { class: "grid" },
      h(
        "article",
        { class: "card", "aria-labelledby": "funnel-title" },
        h("h2", { id: "funnel-title" }, "Funnel"),
        h("p", { class: "muted small" }, "Applications that ever reached each stage, and the share of the previous stage."),
        h(
          "ul",
          { class: "bars funnel", "data-testid": "funnel" },
          s.funnel.map((f) =>
            h(
              "li",
              {},
              h("span", { class: "bar-label" }, STAGE_LABELS[f.stage]),
              h("span", { class: "bar-track", "aria-hidden": "true" }, h("span", { class: "bar", style: { width: `${(100 * f.reached) / maxReached}%` } })),
              h("span", { class: "bar-value" }, `${f.reached}${f.stage === "saved" ? "" : ` · ${pct(f.conversion)}`}`),
            ),
          ),
        ),
        h(
          "p",
          { class: "muted small" },
          `Now: ${s.outcomes.open} open · ${s.outcomes.accepted} accepted · ${s.outcomes.rejected} rejected · ${s.outcomes.withdrawn} withdrawn · ${s.outcomes.closed} closed without a response`,
        ),
      ),
      h(
        "article",
        { class: "card", "aria-labelledby": "km-title" },
        h("h2", { id: "km-title" }, "Time to first response"),
        t.applications
          ? [
              curveChart(t),
              h(
                "p",
                { class: "muted small" },
                `Kaplan-Meier estimate over ${t.applications} sent applications: ${t.responses} answered, ${t.censored} still unanswered (open, or closed without a reply) count as censored (circles). `,
                `Median ${days(t.median_days)} · a quarter answered by ${days(t.p25_days)} · three quarters by ${days(t.p75_days)}.`,
                t.median_days === null ? " (— : fewer than that share has been answered yet.)" : "",
              ),
            ]
          : h("p", { class: "muted" }, "Nothing sent in this range."),
      ),
    ),
    h(
      "article",
      { class: "card", "aria-labelledby": "channels-title", style: { marginTop: "1rem" } },
      h("h2", { id: "channels-title" }, "By channel"),
      h(
        "div",
        { class: "table-scroll" },
        h(
          "table",
          { class: "data", "data-testid": "channels" },
          h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Channel"), ["Sent", "Response", "Interview", "Offer", "Median wait"].map((c) => h("th", { scope: "col", class: "num" }, c)))),
          h(
            "tbody",
            {},
            s.by_channel.map((c) =>
              h(
                "tr",
                {},
                h("th", { scope: "row" }, c.channel),
                h("td", { class: "num" }, String(c.applications)),
                h("td", { class: "num" }, pct(c.response_rate)),
                h("td", { class: "num" }, pct(c.interview_rate)),
                h("td", { class: "num" }, pct(c.offer_rate)),
                h("td", { class: "num" }, days(c.median_days)),
              ),
            ),
          ),
        ),
      ),
    ),
    h(
      "div",
      { class: "grid", style: { marginTop: "1rem" } },
      h(
        "article",
        { class: "card", "aria-labelledby": "weekly-title" },
        h("h2", { id: "weekly-title" }, "Weekly volume"),
        h(
          "div",
          { class: "table-scroll" },
          h(
            "table",
            { class: "data" },
            h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Week of"), h("th", { scope: "col", class: "num" }, "Sent"), h("th", { scope: "col", class: "num" }, "First answers"))),
            h("tbody", {}, s.weekly.map((w) => h("tr", {}, h("td", {}, shortDay(w.week)), h("td", { class: "num" }, String(w.applications)), h("td", { class: "num" }, String(w.responses))))),
          ),
        ),
      ),
      h(
        "article",
        { class: "card", "aria-labelledby": "companies-title" },
        h("h2", { id: "companies-title" }, "By company"),
        h(
          "div",
          { class: "table-scroll" },
          h(
            "table",
            { class: "data" },
            h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Company"), h("th", { scope: "col", class: "num" }, "Sent"), h("th", { scope: "col", class: "num" }, "Answered"), h("th", { scope: "col", class: "num" }, "Median wait"))),
            h("tbody", {}, s.by_company.map((c) => h("tr", {}, h("td", {}, c.company), h("td", { class: "num" }, String(c.applications)), h("td", { class: "num" }, String(c.responses)), h("td", { class: "num" }, days(c.median_days))))),
          ),
        ),
      ),
    ),
  ];
}

export const view: View = {
  id: "stats",
  title: "Statistics",
  order: 50,
  async render(root, app) {
    const from = h("input", { type: "date", id: "stats-from", max: app.session.today });
    const to = h("input", { type: "date", id: "stats-to", max: app.session.today });
    const body = h("div", {});
    const status = h("p", { class: "status", role: "status", "aria-live": "polite" });
    const lead = h("p", { class: "lead" });
    const load = async () => {
      try {
        const s = await search.stats(from.value || undefined, to.value || undefined);
        lead.textContent = `As of ${shortDay(s.as_of)}${s.from || s.to ? ` · sent ${s.from ? `from ${shortDay(s.from)}` : ""} ${s.to ? `to ${shortDay(s.to)}` : ""}` : " · every application"}`;
        status.textContent = "";
        body.replaceChildren(...content(s));
      } catch (e) {
        status.textContent = problem(e);
      }
    };
    root.append(
      h("h1", { id: "stats-title" }, "Statistics"),
      lead,
      h(
        "form",
        {
          class: "inline-form",
          style: { marginBottom: "1rem" },
          onsubmit: (ev: Event) => {
            ev.preventDefault();
            void load();
          },
        },
        h("label", { for: "stats-from" }, "Sent from", from),
        h("label", { for: "stats-to" }, "to", to),
        h("button", { type: "submit", class: "secondary" }, "Show"),
        status,
      ),
      body,
    );
    await load();
  },
};
