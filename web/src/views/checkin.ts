// Check-in: the Copenhagen Burnout Inventory with its published wording (from the API), and the
// history of check-ins with their scores, the trend and the early warning.
import { api, ApiError, type CbiItems, type CheckinHistory } from "../api";
import { h, toast } from "../dom";
import { burnoutChart, score, signed, warningBox } from "../evidence";
import { longDay } from "../format";
import type { View } from "../view";

function message(e: unknown): string {
  return e instanceof ApiError ? `${e.message}${e.field ? ` (${e.field})` : ""}` : String(e);
}

function scoreCell(value: number | null, high: boolean, answered: number, needed: number): HTMLElement {
  if (value === null) return h("td", { class: "num muted" }, `– (${answered} answered, ${needed} needed)`);
  return h("td", { class: `num${high ? " high" : ""}` }, score(value), high ? h("span", { class: "tag" }, "high") : null);
}

function history(root: HTMLElement, items: CbiItems, hist: CheckinHistory): void {
  const personalNeeded = items.scales.find((s) => s.scale === "personal")!.min_answers;
  const workNeeded = items.scales.find((s) => s.scale === "work")!.min_answers;
  const rows = [...hist.checkins].reverse();
  root.replaceChildren();
  root.append(
    h("h2", { id: "checkin-history-title" }, "History"),
    warningBox(hist.early_warning),
    ...(hist.checkins.length ? [burnoutChart(hist.checkins, items.high_from)] : []),
    hist.checkins.length
      ? h(
          "div",
          { class: "table-wrap" },
          h(
            "table",
            { class: "data", "data-testid": "checkin-history" },
            h("caption", { class: "visually-hidden" }, "Check-ins, newest first"),
            h(
              "thead",
              {},
              h("tr", {}, ["Date", "Personal", "Change", "Work-related", "Change"].map((c) => h("th", { scope: "col" }, c))),
            ),
            h(
              "tbody",
              {},
              rows.map((p) =>
                h(
                  "tr",
                  { "data-date": p.date },
                  h("th", { scope: "row" }, longDay(p.date)),
                  scoreCell(p.personal, p.personal_high, p.personal_answered, personalNeeded),
                  h("td", { class: "num" }, signed(p.personal_change)),
                  scoreCell(p.work, p.work_high, p.work_answered, workNeeded),
                  h("td", { class: "num" }, signed(p.work_change)),
                ),
              ),
            ),
          ),
        )
      : h("p", { class: "muted", "data-testid": "checkin-history" }, "No check-ins yet: answer the questions to see your first scores."),
    h(
      "p",
      { class: "muted small" },
      `Each scale is the mean of its answered items (0-100); ${items.high_from} or more reads as a high degree of burnout.`,
    ),
  );
}

export const view: View = {
  id: "checkin",
  title: "Check-in",
  order: 40,
  async render(root, app) {
    const [items, hist] = await Promise.all([api.checkinItems(), api.checkins()]);
    const date = h("input", { type: "date", id: "checkin-date", value: app.session.today, required: true });
    const status = h("p", { class: "error", role: "alert" });
    const historyCard = h("article", { class: "card", "aria-labelledby": "checkin-history-title" });

    const parts = items.scales.map((scale) =>
      h(
        "fieldset",
        { class: "cbi-part" },
        h("legend", {}, scale.title),
        items.items
          .filter((item) => item.scale === scale.scale)
          .map((item) =>
            h(
              "fieldset",
              { class: "cbi-item", "data-item": item.key },
              h("legend", {}, h("span", { class: "muted" }, `${item.key}. `), item.question),
              h(
                "div",
                { class: "cbi-answers" },
                item.answers.map((a) => {
                  const id = `cbi-${item.key}-${a.word}`;
                  return h(
                    "span",
                    { class: "cbi-answer" },
                    h("input", { type: "radio", name: `cbi-${item.key}`, id, value: a.word }),
                    h("label", { for: id }, a.label),
                  );
                }),
              ),
            ),
          ),
      ),
    );
    const form = h(
      "form",
      {
        class: "card cbi",
        "aria-labelledby": "checkin-form-title",
        onsubmit: async (ev: Event) => {
          ev.preventDefault();
          status.textContent = "";
          const answers: Record<string, string> = {};
          for (const item of items.items) {
            const chosen = form.querySelector<HTMLInputElement>(`input[name="cbi-${item.key}"]:checked`);
            if (chosen) answers[item.key] = chosen.value;
          }
          if (!Object.keys(answers).length) {
            status.textContent = "Answer at least one question.";
            return;
          }
          try {
            const saved = await api.saveCheckin(date.value, answers);
            const c = saved.checkin;
            toast(
              `${saved.replaced ? "Replaced" : "Saved"} the check-in of ${longDay(c.date)}: personal ${score(c.personal)}, work-related ${score(c.work)}`,
            );
            for (const input of form.querySelectorAll<HTMLInputElement>("input[type=radio]")) input.checked = false;
            history(historyCard, items, await api.checkins());
          } catch (e) {
            status.textContent = message(e);
          }
        },
      },
      h("h2", { id: "checkin-form-title" }, "How have you been?"),
      h(
        "p",
        { class: "muted small" },
        "Copenhagen Burnout Inventory, personal and work-related scales. Skip a question by leaving it blank. A second check-in on the same date replaces the first.",
      ),
      h("div", { class: "row" }, h("label", { for: "checkin-date" }, "Date"), date),
      parts,
      status,
      h("button", { type: "submit", class: "primary" }, "Save check-in"),
      h("p", { class: "muted small source" }, `Source: ${items.source}`),
    );
    history(historyCard, items, hist);
    root.append(h("h1", { id: "checkin-title" }, "Check-in"), h("div", { class: "checkin-layout" }, form, historyCard));
  },
};
