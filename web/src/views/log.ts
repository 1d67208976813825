// Log: add an episode in a few seconds, see the day's episodes on a timeline, edit and delete.
import { api, ApiError, type Episode, type EpisodeInput } from "../api";
import { h, toast } from "../dom";
import { draftsCard } from "../drafts";
import { clock, duration, longDay } from "../format";
import type { View } from "../view";

const RATINGS = [
  { name: "happy", label: "Happy", min: 0, max: 6, hint: "How happy did you feel?" },
  { name: "engaged", label: "Engaged", min: 0, max: 6, hint: "How absorbed, in flow, were you?" },
  { name: "stressed", label: "Stressed", min: 0, max: 6, hint: "How stressed did you feel?" },
  { name: "frustrated", label: "Frustrated", min: 0, max: 6, hint: "How frustrated were you?" },
  { name: "tired", label: "Tired", min: 0, max: 6, hint: "How tired did you feel?" },
  { name: "meaningful", label: "Meaningful", min: 0, max: 6, hint: "How meaningful was it?" },
  { name: "energy", label: "Energy", min: -2, max: 2, hint: "Did it drain (−2) or energize (+2) you?" },
] as const;
type RatingName = (typeof RATINGS)[number]["name"];

const QUICK = [15, 30, 45, 60, 90, 120];
const WITH = ["alone", "manager", "team", "reports", "clients", "customers", "friends"];

function localInputValue(instant: string): string {
  const d = new Date(instant);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function errorText(e: unknown): string {
  return e instanceof ApiError ? `${e.message}${e.field ? ` (${e.field})` : ""}` : String(e);
}

export const view: View = {
  id: "log",
  title: "Log",
  order: 20,
  async render(root, app) {
    let day = app.session.today;
    let editing: Episode | null = null;

    // --- the form -------------------------------------------------------------------------
    const chosen = new Set<string>();
    const chips = app.activities.map((a) =>
      h(
        "button",
        {
          type: "button",
          class: "chip",
          "aria-pressed": "false",
          "data-activity": a.id,
          title: a.description,
          onclick: (ev: Event) => {
            const b = ev.currentTarget as HTMLButtonElement;
            if (chosen.has(a.id)) chosen.delete(a.id);
            else chosen.add(a.id);
            b.setAttribute("aria-pressed", String(chosen.has(a.id)));
          },
        },
        a.label,
      ),
    );
    const minutes = h("input", {
      type: "number",
      id: "log-minutes",
      name: "minutes",
      min: "1",
      max: "1440",
      step: "1",
      required: true,
      inputmode: "numeric",
    });
    const quick = QUICK.map((m) =>
      h("button", { type: "button", class: "chip small", onclick: () => (minutes.value = String(m)) }, duration(m)),
    );

    const whenNow = h("input", { type: "radio", name: "when", value: "now", id: "when-now", checked: true });
    const whenAt = h("input", { type: "radio", name: "when", value: "at", id: "when-at" });
    const whenDate = h("input", { type: "radio", name: "when", value: "date", id: "when-date" });
    const at = h("input", { type: "datetime-local", id: "log-at", "aria-label": "Start time" });
    const onDate = h("input", { type: "date", id: "log-date", "aria-label": "Date" });
    at.addEventListener("input", () => (whenAt.checked = true));
    onDate.addEventListener("input", () => (whenDate.checked = true));

    const sliders = new Map<RatingName, { input: HTMLInputElement; out: HTMLOutputElement; set: boolean }>();
    const ratingRows = RATINGS.map((r) => {
      const input = h("input", {
        type: "range",
        id: `rate-${r.name}`,
        min: String(r.min),
        max: String(r.max),
        step: "1",
        value: String(r.name === "energy" ? 0 : 3),
        "aria-describedby": `rate-${r.name}-hint`,
        class: "unset",
      });
      const out = h("output", { for: `rate-${r.name}`, id: `rate-${r.name}-out` }, "–");
      const state = { input, out, set: false };
      const mark = (set: boolean) => {
        state.set = set;
        input.classList.toggle("unset", !set);
        out.textContent = set ? (r.name === "energy" && +input.value > 0 ? `+${input.value}` : input.value) : "–";
        input.setAttribute("aria-valuetext", set ? input.value : "not rated");
      };
      input.addEventListener("input", () => mark(true));
      input.addEventListener("pointerdown", () => mark(true));
      sliders.set(r.name, state);
      (state as unknown as { mark: typeof mark }).mark = mark;
      mark(false);
      return h(
        "div",
        { class: "rating" },
        h("label", { for: `rate-${r.name}` }, r.label),
        input,
        out,
        h(
          "button",
          { type: "button", class: "link small", "aria-label": `Clear ${r.label}`, onclick: () => mark(false) },
          "clear",
        ),
        h("span", { class: "hint", id: `rate-${r.name}-hint` }, `${r.hint} (${r.min} to ${r.max})`),
      );
    });
    const setRating = (name: RatingName, value: number | null) => {
      const s = sliders.get(name)!;
      if (value !== null) s.input.value = String(value);
      (s as unknown as { mark: (b: boolean) => void }).mark(value !== null);
    };

    const withInput = h("input", { id: "log-with", list: "with-options", autocomplete: "off", maxlength: "200" });
    const note = h("textarea", { id: "log-note", rows: 2, maxlength: "10000" });
    const submit = h("button", { type: "submit", class: "primary", id: "log-submit" }, "Log episode");
    const cancel = h("button", { type: "button", class: "secondary", hidden: true }, "Cancel edit");
    const formError = h("p", { class: "error", role: "alert" });
    const formTitle = h("h2", { id: "log-form-title" }, "Log an episode");

    const reset = () => {
      editing = null;
      chosen.clear();
      for (const c of chips) c.setAttribute("aria-pressed", "false");
      minutes.value = "";
      whenNow.checked = true;
      at.value = "";
      onDate.value = day;
      for (const r of RATINGS) setRating(r.name, null);
      withInput.value = "";
      note.value = "";
      formError.textContent = "";
      formTitle.textContent = "Log an episode";
      submit.textContent = "Log episode";
      cancel.hidden = true;
    };
    cancel.addEventListener("click", reset);

    const edit = (e: Episode) => {
      reset();
      editing = e;
      for (const a of e.activities) chosen.add(a);
      for (const c of chips) c.setAttribute("aria-pressed", String(chosen.has(c.dataset.activity!)));
      minutes.value = String(e.minutes);
      if (e.start) {
        whenAt.checked = true;
        at.value = localInputValue(e.start);
      } else {
        whenDate.checked = true;
        onDate.value = e.date;
      }
      for (const r of RATINGS) setRating(r.name, e[r.name]);
      withInput.value = e.with ?? "";
      note.value = e.note ?? "";
      formTitle.textContent = `Edit episode ${e.id}`;
      submit.textContent = "Save changes";
      cancel.hidden = false;
      form.scrollIntoView({ behavior: "smooth", block: "start" });
      minutes.focus();
    };

    const form = h(
      "form",
      {
        class: "card log-form",
        "aria-labelledby": "log-form-title",
        onsubmit: async (ev: Event) => {
          ev.preventDefault();
          formError.textContent = "";
          if (!chosen.size) {
            formError.textContent = "Choose at least one activity.";
            chips[0]?.focus();
            return;
          }
          const input: EpisodeInput = {
            minutes: Number(minutes.value),
            activities: app.activities.map((a) => a.id).filter((id) => chosen.has(id)),
            with: withInput.value.trim() || null,
            note: note.value.trim() || null,
          };
          for (const r of RATINGS) {
            const s = sliders.get(r.name)!;
            input[r.name] = s.set ? Number(s.input.value) : null;
          }
          if (whenAt.checked) {
            if (!at.value) {
              formError.textContent = "Give the start time, or choose “ends now”.";
              at.focus();
              return;
            }
            input.start = new Date(at.value).toISOString().replace(/\.\d{3}Z$/, "Z");
          } else if (whenDate.checked) {
            input.start = null;
            input.date = onDate.value;
          } else if (editing) {
            // "Ends now" while editing moves the episode to end now.
            input.start = new Date(Date.now() - input.minutes * 60000).toISOString().replace(/\.\d{3}Z$/, "Z");
          }
          try {
            const saved = editing ? await api.saveEpisode(editing.id, input) : await api.addEpisode(input);
            toast(`${editing ? "Saved" : "Logged"} ${duration(saved.minutes)} ${saved.activities.map((a) => app.label(a)).join(", ")}`);
            day = saved.date;
            dayInput.value = day;
            reset();
            await refresh();
          } catch (e) {
            formError.textContent = errorText(e);
          }
        },
      },
      formTitle,
      h("fieldset", { class: "chips" }, h("legend", {}, "What did you do?"), chips),
      h(
        "fieldset",
        { class: "duration" },
        h("legend", {}, "For how long?"),
        h("div", { class: "row" }, quick),
        h("div", { class: "row" }, h("label", { for: "log-minutes" }, "Minutes"), minutes),
      ),
      h(
        "fieldset",
        { class: "when" },
        h("legend", {}, "When?"),
        h("div", { class: "row" }, whenNow, h("label", { for: "when-now" }, "Ends now")),
        h("div", { class: "row" }, whenAt, h("label", { for: "when-at" }, "Started at"), at),
        h("div", { class: "row" }, whenDate, h("label", { for: "when-date" }, "On a date (no time)"), onDate),
      ),
      h(
        "fieldset",
        { class: "ratings" },
        h("legend", {}, "How did it feel? ", h("span", { class: "muted small" }, "Rate what you remember; the rest stays blank.")),
        ratingRows,
      ),
      h(
        "div",
        { class: "two" },
        h("div", { class: "stack" }, h("label", { for: "log-with" }, "With whom"), withInput),
        h("div", { class: "stack" }, h("label", { for: "log-note" }, "Note"), note),
      ),
      h("datalist", { id: "with-options" }, WITH.map((w) => h("option", { value: w }))),
      formError,
      h("div", { class: "row" }, submit, cancel),
    );

    // --- the day ----------------------------------------------------------------------------
    const dayInput = h("input", { type: "date", id: "log-day", value: day });
    const dayTitle = h("h2", { id: "day-episodes-title" });
    const timeline = h("div", { class: "timeline", role: "list", "aria-label": "Timeline of the day" });
    const list = h("ul", { class: "episodes", "data-testid": "day-episodes" });
    const dayTotal = h("p", { class: "muted", "data-testid": "day-total" });
    dayInput.addEventListener("change", () => {
      if (dayInput.value) {
        day = dayInput.value;
        void refresh();
      }
    });

    const refresh = async () => {
      const episodes = await api.episodes({ from: day, to: day, limit: 1000 });
      dayTitle.textContent = longDay(day);
      const total = episodes.reduce((s, e) => s + e.minutes, 0);
      dayTotal.textContent = episodes.length
        ? `${episodes.length} episode${episodes.length === 1 ? "" : "s"}, ${duration(total)}`
        : "Nothing logged on this day yet.";
      // The timeline spans 06:00-22:00, widened to fit any episode.
      const timed = episodes.filter((e) => e.start);
      const minuteOfDay = (s: string) => {
        const d = new Date(s);
        return d.getHours() * 60 + d.getMinutes();
      };
      let lo = 6 * 60;
      let hi = 22 * 60;
      for (const e of timed) {
        lo = Math.min(lo, Math.floor(minuteOfDay(e.start!) / 60) * 60);
        hi = Math.max(hi, Math.min(24 * 60, minuteOfDay(e.start!) + e.minutes));
      }
      const span = hi - lo;
      const ticks = [];
      for (let m = lo, i = 0; m <= hi; m += 120, i++)
        ticks.push(
          h(
            "span",
            { class: `tick${i % 2 ? " minor" : ""}`, style: { left: `${((m - lo) / span) * 100}%` } },
            `${String(m / 60).padStart(2, "0")}:00`,
          ),
        );
      timeline.replaceChildren(
        h("div", { class: "ticks", "aria-hidden": "true" }, ticks),
        ...timed.map((e) => {
          const start = minuteOfDay(e.start!);
          const energy = e.energy ?? 0;
          return h(
            "button",
            {
              type: "button",
              role: "listitem",
              class: `block energy${energy > 0 ? "-up" : energy < 0 ? "-down" : "-flat"}`,
              style: { left: `${((start - lo) / span) * 100}%`, width: `${Math.max(0.8, (Math.min(e.minutes, hi - start) / span) * 100)}%` },
              title: `${clock(e.start!)} · ${duration(e.minutes)} · ${e.activities.map((a) => app.label(a)).join(", ")}`,
              "aria-label": `Edit ${e.activities.map((a) => app.label(a)).join(", ")} at ${clock(e.start!)}, ${duration(e.minutes)}`,
              onclick: () => edit(e),
            },
            h("span", {}, e.activities.map((a) => app.label(a)).join(", ")),
          );
        }),
      );
      timeline.hidden = timed.length === 0;
      list.replaceChildren(
        ...episodes.map((e) =>
          h(
            "li",
            { "data-episode": e.id },
            h("span", { class: "when" }, e.start ? clock(e.start) : "—"),
            h(
              "span",
              { class: "what" },
              h("strong", {}, e.activities.map((a) => app.label(a)).join(", ")),
              " ",
              h("span", { class: "muted" }, duration(e.minutes)),
              e.with ? h("span", { class: "muted" }, ` · with ${e.with}`) : null,
              e.note ? h("span", { class: "note" }, e.note) : null,
              h(
                "span",
                { class: "scores" },
                RATINGS.filter((r) => e[r.name] !== null).map((r) => h("span", { class: "score" }, `${r.label} ${e[r.name]}`)),
              ),
            ),
            h(
              "span",
              { class: "actions" },
              h("button", { type: "button", class: "secondary small", onclick: () => edit(e) }, "Edit"),
              h(
                "button",
                {
                  type: "button",
                  class: "danger small",
                  "aria-label": `Delete episode ${e.id}`,
                  onclick: async () => {
                    if (!window.confirm(`Delete this episode (${duration(e.minutes)} ${e.activities.join(", ")})?`)) return;
                    try {
                      await api.deleteEpisode(e.id);
                      toast("Deleted");
                      if (editing?.id === e.id) reset();
                      await refresh();
                    } catch (err) {
                      toast(errorText(err), "error");
                    }
                  },
                },
                "Delete",
              ),
            ),
          ),
        ),
      );
    };

    root.append(
      h("h1", { id: "log-title" }, "Log"),
      h(
        "div",
        { class: "log-layout" },
        form,
        h(
          "div",
          {},
          h(
            "article",
            { class: "card", "aria-labelledby": "day-episodes-title" },
            h("div", { class: "row spread" }, dayTitle, h("label", { class: "inline" }, "Day ", dayInput)),
            dayTotal,
            timeline,
            list,
          ),
          draftsCard(app, () => refresh()),
        ),
      ),
    );
    reset();
    await refresh();
  },
};
