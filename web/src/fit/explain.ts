// How a fit reads on the page: the score with its interval (or "not enough evidence"), the
// explanation (violations first, then each contribution with the posting's phrase and the
// person's evidence behind it), the appeal rating and the "mostly the idea of it" flags.
// Everything shown comes from the API's JSON; nothing is scored here.
import "./fit.css";
import { ApiError } from "../api";
import { h, toast } from "../dom";
import { fitApi, type Fit, type IdeaFlag, type RankRow } from "./api";

export function problem(e: unknown): string {
  return e instanceof ApiError ? `${e.message}${e.field ? ` (${e.field})` : ""}` : String(e);
}

function points(v: number): string {
  const s = Math.abs(v).toFixed(1);
  return v < 0 ? `−${s}` : `+${s}`;
}

// Green for a good fit, red for a poor one.
function tone(score: number): string {
  return score >= 60 ? "good" : score < 40 ? "poor" : "";
}

// "72 (61–80)", or the score with "not enough evidence" when the person's days do not cover
// the job's main activities.
export function scoreCell(f: Pick<RankRow, "score" | "interval" | "enough_evidence">): HTMLElement {
  const score = Math.round(f.score);
  return h(
    "span",
    { class: "fit-score", "data-testid": "fit-score" },
    h("strong", { class: `fit-number ${tone(score)}` }, String(score)),
    f.enough_evidence
      ? h("span", { class: "muted small interval" }, ` (${Math.round(f.interval.low)}–${Math.round(f.interval.high)})`)
      : h("span", { class: "muted small interval block" }, "not enough evidence"),
  );
}

// The fit of one posting, explained: the phrases behind each contribution are also marked in
// the posting's text (green where they raise the score, red where they lower it).
export function fitExplanation(fit: Fit): HTMLElement {
  const box = h("section", { class: "fit-explain", "aria-labelledby": "fit-title", "data-testid": "fit-explanation" });
  box.append(
    h("h3", { id: "fit-title" }, "How it would fit you"),
    h(
      "p",
      { class: "fit-headline" },
      h("strong", { class: `fit-number ${tone(Math.round(fit.score))}` }, String(Math.round(fit.score))),
      h("span", { class: "muted" }, " out of 100 · "),
      h("span", { class: "small" }, fit.enough_evidence
        ? `likely between ${Math.round(fit.interval.low)} and ${Math.round(fit.interval.high)}`
        : "not enough evidence to be sure"),
      fit.expected_net_affect !== null
        ? h("span", { class: "small block" }, `A working day there: net affect ${points(fit.expected_net_affect)}` +
            (fit.expected_energy !== null ? `, energy ${points(fit.expected_energy)}` : ""))
        : null,
    ),
  );
  if (fit.violations.length)
    box.append(
      h(
        "div",
        { class: "violations", role: "note", "data-testid": "fit-violations" },
        h("strong", {}, "Breaks your constraints"),
        h("ul", {}, fit.violations.map((v) => h("li", {}, h("span", { class: "tag" }, v.constraint.replace(/_/g, " ")), ` ${v.reason}`))),
      ),
    );
  box.append(h("p", { class: "muted small" }, `Based on ${fit.basis}.`));
  const shown = fit.contributions.filter((c) => Math.abs(c.points) >= 0.05).slice(0, 10);
  if (shown.length)
    box.append(
      h(
        "ol",
        { class: "contributions", "data-testid": "fit-contributions" },
        shown.map((c) =>
          h(
            "li",
            { class: c.points < 0 ? "down" : "up" },
            h("span", { class: "points", "aria-label": `${points(c.points)} points` }, points(c.points)),
            h(
              "span",
              {},
              c.text,
              c.evidence.length
                ? h("span", { class: "quotes" }, [...new Set(c.evidence.map((s) => s.text.trim()))].slice(0, 2).map((q) => h("q", {}, q)))
                : null,
            ),
          ),
        ),
      ),
    );
  else box.append(h("p", { class: "muted" }, "Nothing in this posting moves the score away from 50 yet."));
  if (fit.notes.length) box.append(h("ul", { class: "notes muted small" }, fit.notes.map((n) => h("li", {}, n))));
  return box;
}

const APPEAL_WORDS = ["", "not at all", "a little", "somewhat", "a lot", "my dream job"];

// A labelled 1-5 rating (radio buttons: Tab to the group, arrow keys to choose) that saves as
// soon as it changes, and a button to clear it.
export function appealControl(postingId: number, current: number | null, saved: (appeal: number | null) => void): HTMLElement {
  const name = `appeal-${postingId}`;
  const status = h("span", { class: "muted small", role: "status", "aria-live": "polite", "data-testid": "appeal-status" });
  const radios = [1, 2, 3, 4, 5].map((n) =>
    h("input", { type: "radio", name, id: `${name}-${n}`, value: String(n), checked: n === current }),
  );
  const clear = h("button", { type: "button", class: "link small", hidden: current === null }, "Clear");
  const box = h(
    "fieldset",
    { class: "appeal", "data-testid": "appeal" },
    h("legend", {}, "How much does this job appeal to you?"),
    h(
      "div",
      { class: "appeal-scale" },
      radios.map((r, i) =>
        h("span", { class: "appeal-choice" }, r, h("label", { for: r.id, title: APPEAL_WORDS[i + 1] }, String(i + 1), h("span", { class: "visually-hidden" }, ` – ${APPEAL_WORDS[i + 1]}`))),
      ),
      h("span", { class: "muted small appeal-ends" }, "1 not at all · 5 my dream job"),
    ),
    h("div", { class: "row" }, status, clear),
  );
  for (const r of radios)
    r.addEventListener("change", async () => {
      const n = Number(r.value);
      try {
        await fitApi.setAppeal(postingId, n);
        status.textContent = `Saved: appeals ${n}/5 (${APPEAL_WORDS[n]}).`;
        clear.hidden = false;
        saved(n);
      } catch (e) {
        status.textContent = problem(e);
      }
    });
  clear.addEventListener("click", async () => {
    try {
      await fitApi.clearAppeal(postingId);
      for (const r of radios) r.checked = false;
      clear.hidden = true;
      status.textContent = "Rating cleared.";
      saved(null);
    } catch (e) {
      toast(problem(e), "error");
    }
  });
  return box;
}

// "Mostly the idea of it": rated postings whose appeal is far above their fit.
export function ideaFlags(flags: IdeaFlag[], open: (id: number) => void): HTMLElement | null {
  if (!flags.length) return null;
  return h(
    "div",
    { class: "idea-flags", role: "note", "data-testid": "idea-flags" },
    h("h3", {}, "Mostly the idea of it"),
    h("p", { class: "small muted" }, "Postings you rate high for appeal that your own days say would not fit:"),
    h(
      "ul",
      {},
      flags.map((f) =>
        h(
          "li",
          {},
          h("button", { type: "button", class: "link", onclick: () => open(f.posting_id) }, f.title || "(untitled)"),
          h("span", { class: "small" }, ` — appeal ${f.appeal}/5 (#${f.appeal_rank}), fit ${Math.round(f.score)} (#${f.fit_rank})`),
          f.draining_activities.length
            ? h("span", { class: "small block" }, `Its days are dominated by ${f.draining_activities.join(" and ")}, which drain you.`)
            : null,
        ),
      ),
    ),
  );
}
