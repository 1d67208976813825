// Today: this week's logged time by day and by activity, today's episodes, recent ones.
import uPlot from "uplot";
import { api, type Episode } from "../api";
import { h } from "../dom";
import { weekEvidence } from "../evidence";
import { clock, duration, longDay, parseDay, shortDay } from "../format";
import { inboxSection } from "../search/inbox";
import type { App, View } from "../view";

const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

function episodeLine(e: Episode, app: App, withDate: boolean) {
  const when = [withDate ? shortDay(e.date) : null, e.start ? clock(e.start) : null]
    .filter(Boolean)
    .join(" ");
  return h(
    "li",
    { class: "episode-line" },
    h("span", { class: "when" }, when || "—"),
    h("span", { class: "what" }, e.activities.map((a) => app.label(a)).join(", ")),
    h("span", { class: "dur" }, duration(e.minutes)),
  );
}

function weekChart(minutesByDay: number[], from: string): HTMLElement {
  const holder = h("div", { class: "chart", role: "img" });
  const hours = minutesByDay.map((m) => Math.round((m / 60) * 10) / 10);
  holder.setAttribute(
    "aria-label",
    `Hours logged per day: ${DAYS.map((d, i) => `${d} ${hours[i]}`).join(", ")}`,
  );
  const xs = DAYS.map((_, i) => i);
  const bars = uPlot.paths.bars!({ size: [0.6, 48] });
  const draw = () => {
    holder.replaceChildren();
    const width = Math.max(240, holder.clientWidth || 320);
    new uPlot(
      {
        width,
        height: 180,
        legend: { show: false },
        cursor: { show: false },
        scales: { x: { time: false, range: [-0.5, 6.5] }, y: { range: [0, Math.max(1, ...hours) * 1.15] } },
        axes: [
          {
            values: (_u: uPlot, splits: number[]) =>
              splits.map((i) => (Number.isInteger(i) ? DAYS[i] ?? "" : "")),
            splits: () => xs,
            grid: { show: false },
          },
          { label: "hours", size: 48, grid: { stroke: "#e6e8eb" } },
        ],
        series: [{}, { label: "hours", fill: "#3b7dd8", stroke: "#2d64b0", paths: bars, points: { show: false } }],
      },
      [xs, hours],
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
  holder.dataset.from = from;
  return holder;
}

export const view: View = {
  id: "today",
  title: "Today",
  order: 10,
  async render(root, app) {
    const t = await api.today();
    const w = t.week;
    root.append(
      h("h1", { id: "today-title" }, "Today"),
      h("p", { class: "lead" }, longDay(t.date)),
    );
    const inbox = await inboxSection(t.date);
    if (inbox) root.append(inbox);
    if (w.episodes === 0 && t.recent.length === 0) {
      root.append(
        h(
          "div",
          { class: "card empty" },
          h("p", {}, "Nothing logged yet this week."),
          h("a", { class: "button primary", href: "#/log" }, "Log an episode"),
        ),
      );
      return;
    }
    const maxMinutes = Math.max(1, ...w.by_activity.map((a) => a.minutes));
    root.append(
      h(
        "div",
        { class: "grid" },
        h(
          "article",
          { class: "card", "aria-labelledby": "week-title" },
          h("h2", { id: "week-title" }, `This week · ${shortDay(w.from)} – ${shortDay(w.to)}`),
          h(
            "p",
            { class: "figures" },
            h("span", { class: "figure", "data-testid": "week-total" }, duration(w.minutes)),
            h("span", { class: "unit" }, ` logged in ${w.episodes} episode${w.episodes === 1 ? "" : "s"}`),
          ),
          weekChart(w.minutes_by_day, w.from),
        ),
        h(
          "article",
          { class: "card", "aria-labelledby": "by-activity-title" },
          h("h2", { id: "by-activity-title" }, "Time by activity"),
          w.by_activity.length
            ? h(
                "ul",
                { class: "bars", "data-testid": "by-activity" },
                w.by_activity.map((a) =>
                  h(
                    "li",
                    {},
                    h("span", { class: "bar-label" }, app.label(a.activity)),
                    h(
                      "span",
                      { class: "bar-track", "aria-hidden": "true" },
                      h("span", { class: "bar", style: { width: `${(100 * a.minutes) / maxMinutes}%` } }),
                    ),
                    h("span", { class: "bar-value" }, duration(a.minutes)),
                  ),
                ),
              )
            : h("p", { class: "muted" }, "No time logged this week yet."),
          h("p", { class: "muted small" }, "An episode with several activities counts equally toward each."),
        ),
        h(
          "article",
          { class: "card", "aria-labelledby": "day-title" },
          h("h2", { id: "day-title" }, `${parseDay(t.date).toLocaleDateString(undefined, { weekday: "long" })}'s episodes`),
          t.episodes.length
            ? h("ul", { class: "episode-lines" }, t.episodes.map((e) => episodeLine(e, app, false)))
            : h("p", { class: "muted" }, "None yet today. ", h("a", { href: "#/log" }, "Log one")),
        ),
        h(
          "article",
          { class: "card", "aria-labelledby": "recent-title" },
          h("h2", { id: "recent-title" }, "Recent"),
          h("ul", { class: "episode-lines" }, t.recent.map((e) => episodeLine(e, app, true))),
        ),
        ...(await weekEvidence()),
      ),
    );
  },
};
