// Pieces the evidence views share (Insights, Check-in, Today): number formats and the charts of
// the weekly report, drawn with uPlot from the API's JSON (nothing is computed again here).
import uPlot from "uplot";
import { api, type ActivityInsight, type CheckinPoint, type EarlyWarning, type Insights, type WeekRow } from "./api";
import { h } from "./dom";
import { parseDay, shortDay } from "./format";

// "+2.1", "-0.4", "0.0": as the CLI prints it.
export function signed(v: number | null | undefined, decimals = 1): string {
  if (v === null || v === undefined) return "–";
  const s = v.toFixed(decimals);
  return v > 0 && Number(s) !== 0 ? `+${s}` : Number(s) === 0 ? (0).toFixed(decimals) : s;
}

export function percent(v: number | null | undefined): string {
  return v === null || v === undefined ? "–" : `${Math.round(v * 100)}%`;
}

export function score(v: number | null | undefined): string {
  return v === null || v === undefined ? "–" : v.toFixed(1);
}

// "23 Nov": dates on the charts' x axes.
const dayMonth = (day: string) => parseDay(day).toLocaleDateString(undefined, { day: "numeric", month: "short" });

// An x axis of dated points, one per index, labelled with as many dates as fit the width.
function dateAxis(days: string[], width: number): uPlot.Axis {
  const every = Math.max(1, Math.ceil(days.length / Math.max(1, Math.floor((width - 110) / 60))));
  return {
    grid: { show: false },
    splits: () => days.map((_, i) => i).filter((i) => (days.length - 1 - i) % every === 0),
    values: (_u: uPlot, splits: number[]) => splits.map((i) => (days[i] ? dayMonth(days[i]) : "")),
  };
}

// A uPlot chart that redraws when its box changes width. `describe` is the text alternative.
export function plot(
  options: (width: number) => uPlot.Options,
  data: uPlot.AlignedData,
  describe: string,
  testid?: string,
): HTMLElement {
  const holder = h("div", { class: "chart", role: "img", "aria-label": describe, "data-testid": testid });
  let last = 0;
  const draw = () => {
    last = holder.clientWidth;
    holder.replaceChildren();
    new uPlot(options(Math.max(240, holder.clientWidth || 320)), data, holder);
  };
  requestAnimationFrame(draw);
  new ResizeObserver(() => {
    if (Math.abs(holder.clientWidth - last) > 20) draw();
  }).observe(holder);
  return holder;
}

const grid = { stroke: "#e6e8eb" };

// Net affect per activity with its 95% interval (whiskers), most logged first.
export function affectChart(activities: ActivityInsight[]): HTMLElement {
  const rows = activities.filter((a) => a.net_affect !== null);
  const xs = rows.map((_, i) => i);
  const mean = rows.map((a) => a.net_affect);
  const low = rows.map((a) => a.ci_low);
  const high = rows.map((a) => a.ci_high);
  // Net affect lies in -6..+6; an interval from two episodes can reach past it and is cut there.
  const clip = (v: number) => Math.max(-6, Math.min(6, v));
  const whiskers = (u: uPlot) => {
    const ctx = u.ctx;
    ctx.save();
    ctx.strokeStyle = "#17324f";
    ctx.lineWidth = 2 * uPlot.pxRatio;
    const zero = u.valToPos(0, "y", true);
    ctx.setLineDash([4, 4]);
    ctx.beginPath();
    ctx.moveTo(u.bbox.left, zero);
    ctx.lineTo(u.bbox.left + u.bbox.width, zero);
    ctx.strokeStyle = "#9aa4af";
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.strokeStyle = "#17324f";
    rows.forEach((_, i) => {
      if (low[i] === null || high[i] === null) return;
      const x = u.valToPos(i, "x", true);
      const y0 = u.valToPos(clip(low[i]!), "y", true);
      const y1 = u.valToPos(clip(high[i]!), "y", true);
      const cap = 6 * uPlot.pxRatio;
      ctx.beginPath();
      ctx.moveTo(x, y0);
      ctx.lineTo(x, y1);
      ctx.moveTo(x - cap, y0);
      ctx.lineTo(x + cap, y0);
      ctx.moveTo(x - cap, y1);
      ctx.lineTo(x + cap, y1);
      ctx.stroke();
    });
    ctx.restore();
  };
  const describe = `Net affect by activity with 95% intervals: ${rows
    .map((a) => `${a.label} ${signed(a.net_affect)}${a.ci_low !== null ? ` (${signed(a.ci_low)} to ${signed(a.ci_high)})` : ""}`)
    .join("; ")}`;
  return plot(
    (width) => ({
      width,
      height: 240,
      legend: { show: false },
      cursor: { points: { size: 12 } },
      scales: { x: { time: false, range: [-0.6, rows.length - 0.4] }, y: { range: [-6.3, 6.3] } },
      axes: [
        {
          splits: () => xs,
          values: (_u: uPlot, splits: number[]) =>
            splits.map((i) => {
              const label = rows[i]?.label ?? "";
              const room = Math.max(4, Math.floor(width / Math.max(1, rows.length) / 8));
              return label.length > room ? `${label.slice(0, room - 1)}…` : label;
            }),
          grid: { show: false },
        },
        { label: "net affect", size: 50, grid, splits: () => [-6, -4, -2, 0, 2, 4, 6] },
      ],
      series: [
        {},
        { label: "net affect", stroke: "transparent", points: { show: true, size: 10, fill: "#2d64b0", stroke: "#2d64b0" } },
      ],
      hooks: { draw: [whiskers] },
    }),
    [xs, mean],
    describe,
    "affect-chart",
  );
}

// U-index (share of rated time that was unpleasant) and mean energy per week.
export function trendChart(weeks: WeekRow[]): HTMLElement {
  const days = weeks.map((w) => w.week);
  const xs = days.map((_, i) => i);
  const u = weeks.map((w) => (w.u_index === null ? null : Math.round(w.u_index * 1000) / 10));
  const energy = weeks.map((w) => w.energy);
  const describe = `Per week: ${weeks
    .map((w) => `${shortDay(w.week)} U-index ${percent(w.u_index)}, energy ${signed(w.energy)}`)
    .join("; ")}`;
  return plot(
    (width) => ({
      width,
      height: 220,
      scales: { x: { time: false, range: [-0.5, days.length - 0.5] }, u: { range: [0, 100] }, e: { range: [-2, 2] } },
      axes: [
        dateAxis(days, width),
        { scale: "u", label: "U-index %", size: 50, grid },
        { scale: "e", label: "energy", side: 1, size: 44, grid: { show: false } },
      ],
      series: [
        { label: "Week of", value: (_u: uPlot, i: number) => (days[i] ? dayMonth(days[i]) : "–") },
        { label: "U-index", scale: "u", stroke: "#c0563b", width: 2, spanGaps: true, points: { size: 7 }, value: (_u: uPlot, v: number) => (v === null ? "–" : `${v}%`) },
        { label: "Energy", scale: "e", stroke: "#2e8b57", width: 2, spanGaps: true, points: { size: 7 }, value: (_u: uPlot, v: number) => signed(v) },
      ],
    }),
    [xs, u, energy] as uPlot.AlignedData,
    describe,
    "trend-chart",
  );
}

// Personal and work-related burnout (0-100) per check-in, with the "high" line at 50.
export function burnoutChart(points: CheckinPoint[], high = 50): HTMLElement {
  const days = points.map((p) => p.date);
  const xs = days.map((_, i) => i);
  const describe = `Burnout scores per check-in: ${points
    .map((p) => `${shortDay(p.date)} personal ${score(p.personal)}, work ${score(p.work)}`)
    .join("; ")}`;
  const threshold = (u: uPlot) => {
    const y = u.valToPos(high, "y", true);
    u.ctx.save();
    u.ctx.strokeStyle = "#b3261e";
    u.ctx.setLineDash([5, 5]);
    u.ctx.beginPath();
    u.ctx.moveTo(u.bbox.left, y);
    u.ctx.lineTo(u.bbox.left + u.bbox.width, y);
    u.ctx.stroke();
    u.ctx.restore();
  };
  return plot(
    (width) => ({
      width,
      height: 220,
      scales: { x: { time: false, range: [-0.5, days.length - 0.5] }, y: { range: [0, 100] } },
      axes: [
        dateAxis(days, width),
        { label: "score (0-100)", size: 50, grid },
      ],
      series: [
        { label: "Check-in", value: (_u: uPlot, i: number) => (days[i] ? dayMonth(days[i]) : "–") },
        { label: "Personal", stroke: "#2d64b0", width: 2, spanGaps: true, points: { size: 8 }, value: (_u: uPlot, v: number) => score(v) },
        { label: "Work-related", stroke: "#8a4fbf", width: 2, spanGaps: true, points: { size: 8 }, value: (_u: uPlot, v: number) => score(v) },
      ],
      hooks: { draw: [threshold] },
    }),
    [xs, points.map((p) => p.personal), points.map((p) => p.work)] as uPlot.AlignedData,
    describe,
    "burnout-chart",
  );
}

// Energizers and drainers in plain lines; activities still short of evidence named as such.
export function evidenceLines(insights: Insights): HTMLElement {
  const list = (title: string, cls: string, refs: { line: string }[], testid: string) =>
    h(
      "div",
      { class: `evidence-list ${cls}` },
      h("h3", {}, title),
      refs.length
        ? h("ul", { "data-testid": testid }, refs.map((r) => h("li", {}, r.line)))
        : h("p", { class: "muted small", "data-testid": testid }, "None with enough evidence yet."),
    );
  return h(
    "div",
    { class: "evidence-lines" },
    list("Energizers", "up", insights.energizers, "energizers"),
    list("Drainers", "down", insights.drainers, "drainers"),
    insights.not_enough_evidence.length
      ? h(
          "div",
          { class: "evidence-list" },
          h("h3", {}, "Not enough evidence yet"),
          h(
            "p",
            { class: "muted small" },
            `An activity needs ${insights.min_evidence} rated episodes before a verdict: `,
            insights.not_enough_evidence.map((r) => `${r.label} (${r.n ?? 0})`).join(", "),
            ".",
          ),
        )
      : null,
  );
}

export function warningBox(w: EarlyWarning): HTMLElement {
  const title = { none: "No burnout warning", watch: "Watch", warning: "Burnout warning" }[w.level];
  return h(
    "div",
    { class: `warning level-${w.level}`, role: w.level === "warning" ? "alert" : undefined, "data-testid": "early-warning" },
    h("strong", {}, title),
    h("p", {}, w.summary),
    w.observations.length ? h("ul", { class: "small" }, w.observations.map((o) => h("li", {}, o))) : null,
  );
}

// Today's evidence cards: this week's energizers and drainers, its U-index beside the trend, and
// the burnout trend with the early warning.
export async function weekEvidence(): Promise<HTMLElement[]> {
  const r = await api.report();
  const w = r.week;
  const latest = r.burnout[r.burnout.length - 1];
  return [
    h(
      "article",
      { class: "card", "aria-labelledby": "week-evidence-title" },
      h("h2", { id: "week-evidence-title" }, "Energizers and drainers this week"),
      evidenceLines(w),
      h("p", { class: "small" }, h("a", { href: "#/insights" }, "All insights")),
    ),
    h(
      "article",
      { class: "card", "aria-labelledby": "week-u-title" },
      h("h2", { id: "week-u-title" }, "U-index and burnout"),
      h(
        "p",
        { class: "figures" },
        h("span", { class: "figure", "data-testid": "week-u-index" }, percent(w.overall.u_index)),
        h("span", { class: "unit" }, " of rated time unpleasant this week"),
      ),
      r.trend.some((t) => t.u_index !== null || t.energy !== null) ? trendChart(r.trend) : null,
      latest
        ? h(
            "p",
            {},
            `Latest check-in (${shortDay(latest.date)}): personal ${score(latest.personal)}, work-related ${score(latest.work)}. `,
            h("a", { href: "#/checkin" }, "Check-in"),
          )
        : h("p", { class: "muted" }, "No check-ins yet. ", h("a", { href: "#/checkin" }, "Answer the questionnaire")),
      r.burnout.length > 1 ? burnoutChart(r.burnout) : null,
      warningBox(r.early_warning),
    ),
  ];
}
