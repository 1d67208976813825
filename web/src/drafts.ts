// "Rate calendar drafts", part of the Log view: import an .ics file, then turn each event into an
// episode by rating it, or discard it.
import { api, ApiError, type Draft, type EpisodeInput } from "./api";
import { h, toast } from "./dom";
import { clock, duration, shortDay } from "./format";
import type { App } from "./view";

const ITEMS = [
  { name: "happy", label: "Happy", min: 0, max: 6 },
  { name: "engaged", label: "Engaged", min: 0, max: 6 },
  { name: "stressed", label: "Stressed", min: 0, max: 6 },
  { name: "frustrated", label: "Frustrated", min: 0, max: 6 },
  { name: "energy", label: "Energy", min: -2, max: 2 },
] as const;

function message(e: unknown): string {
  return e instanceof ApiError ? `${e.message}${e.field ? ` (${e.field})` : ""}` : String(e);
}

function rateForm(d: Draft, app: App, done: () => Promise<void>): HTMLFormElement {
  const p = `draft-${d.id}`;
  const activity = h(
    "select",
    { id: `${p}-activity` },
    d.activity ? null : h("option", { value: "" }, "Choose…"),
    app.activities.map((a) => h("option", { value: a.id, selected: a.id === d.activity }, a.label)),
  );
  const minutes = h("input", { type: "number", id: `${p}-minutes`, min: "1", max: "1440", value: String(d.minutes) });
  const selects = ITEMS.map((item) => {
    const options = [h("option", { value: "" }, "–")];
    for (let v = item.min; v <= item.max; v++) options.push(h("option", { value: String(v) }, String(v)));
    return { item, select: h("select", { id: `${p}-${item.name}` }, options) };
  });
  const error = h("p", { class: "error", role: "alert" });
  const form = h(
    "form",
    {
      class: "draft-rate",
      onsubmit: async (ev: Event) => {
        ev.preventDefault();
        error.textContent = "";
        const body: Partial<EpisodeInput> = { minutes: Number(minutes.value) };
        if (activity.value) body.activities = [activity.value];
        for (const { item, select } of selects) if (select.value !== "") body[item.name] = Number(select.value);
        try {
          const r = await api.rateDraft(d.id, body);
          toast(`Logged ${duration(r.episode.minutes)} ${r.episode.activities.map((a) => app.label(a)).join(", ")} from “${d.title}”`);
          await done();
        } catch (e) {
          error.textContent = message(e);
        }
      },
    },
    h(
      "div",
      { class: "row" },
      h("label", { for: activity.id }, "Activity"),
      activity,
      h("label", { for: minutes.id }, "Minutes"),
      minutes,
    ),
    h(
      "div",
      { class: "row" },
      selects.map(({ item, select }) =>
        h("span", { class: "inline" }, h("label", { for: select.id }, item.label), select),
      ),
    ),
    error,
    h("button", { type: "submit", class: "primary small" }, "Save as episode"),
  );
  return form;
}

// The card; `changed` runs after a draft became an episode (so the day's list can refresh).
export function draftsCard(app: App, changed: () => Promise<void>): HTMLElement {
  const list = h("ul", { class: "drafts", "data-testid": "drafts" });
  const file = h("input", { type: "file", id: "calendar-file", accept: ".ics,text/calendar" });
  const status = h("p", { class: "status", role: "status", "aria-live": "polite" });

  const refresh = async () => {
    const drafts = await api.drafts();
    list.replaceChildren(
      ...(drafts.length
        ? drafts.map((d) => {
            const slot = h("div", { class: "draft-form-slot" });
            return h(
              "li",
              { "data-draft": d.id },
              h("span", { class: "when" }, `${shortDay(d.date)} ${clock(d.start)}`),
              h(
                "span",
                { class: "what" },
                h("strong", {}, d.title || "(no title)"),
                " ",
                h("span", { class: "muted" }, `${duration(d.minutes)} · ${d.activity ? app.label(d.activity) : "no guess"}`),
              ),
              h(
                "span",
                { class: "actions" },
                h(
                  "button",
                  {
                    type: "button",
                    class: "secondary small",
                    "aria-expanded": "false",
                    "aria-label": `Rate ${d.title}`,
                    onclick: (ev: Event) => {
                      const b = ev.currentTarget as HTMLButtonElement;
                      const open = !slot.hasChildNodes();
                      slot.replaceChildren(...(open ? [rateForm(d, app, async () => {
                        await refresh();
                        await changed();
                      })] : []));
                      b.setAttribute("aria-expanded", String(open));
                      if (open) slot.querySelector("select")?.focus();
                    },
                  },
                  "Rate",
                ),
                h(
                  "button",
                  {
                    type: "button",
                    class: "danger small",
                    "aria-label": `Discard ${d.title}`,
                    onclick: async () => {
                      try {
                        await api.discardDraft(d.id);
                        toast(`Discarded “${d.title}”`);
                        await refresh();
                      } catch (e) {
                        toast(message(e), "error");
                      }
                    },
                  },
                  "Discard",
                ),
              ),
              slot,
            );
          })
        : [h("li", { class: "muted" }, "No drafts waiting. Import a calendar file to rate its events.")]),
    );
  };

  const form = h(
    "form",
    {
      class: "row",
      onsubmit: async (ev: Event) => {
        ev.preventDefault();
        const f = file.files?.[0];
        if (!f) {
          status.textContent = "Choose an .ics file first.";
          return;
        }
        status.textContent = "Importing…";
        try {
          const r = await api.importCalendar(await f.text());
          const skipped = r.skipped_all_day + r.skipped_cancelled + r.skipped_without_duration + r.skipped_longer_than_a_day;
          status.textContent = `Imported ${r.added.length} draft${r.added.length === 1 ? "" : "s"} (${shortDay(r.from)} – ${shortDay(r.to)})${r.already_imported ? `, ${r.already_imported} already imported` : ""}${skipped ? `, ${skipped} skipped` : ""}.`;
          file.value = "";
          await refresh();
        } catch (e) {
          status.textContent = `Nothing was imported: ${message(e)}`;
        }
      },
    },
    h("label", { for: "calendar-file" }, "Calendar file (.ics, last 14 days)"),
    file,
    h("button", { type: "submit", class: "secondary" }, "Import"),
  );
  void refresh();
  return h(
    "article",
    { class: "card drafts-card", "aria-labelledby": "drafts-title" },
    h("h2", { id: "drafts-title" }, "Rate calendar drafts"),
    form,
    status,
    list,
  );
}
