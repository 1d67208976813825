// Pipeline: one column per stage. Drag a card to another column, or use its "Move to…" menu,
// to record a stage change dated today; open a card for its timeline, contacts, notes,
// reminders and closing.
import "../search/search.css";
import { h, toast } from "../dom";
import { shortDay } from "../format";
import { CHANNELS, STAGES, STAGE_LABELS, problem, search, type Application, type Contact, type Stage } from "../search/api";
import { isFinal, openApplication } from "../search/detail";
import type { View } from "../view";

function card(a: Application, move: (a: Application, to: Stage) => void, open: (id: number) => void): HTMLElement {
  const s = a.status;
  const menuId = `move-menu-${a.id}`;
  const toggle = h(
    "button",
    {
      type: "button",
      class: "secondary small",
      "aria-haspopup": "menu",
      "aria-expanded": "false",
      "aria-controls": menuId,
      "aria-label": `Move ${a.title} at ${a.company} to…`,
    },
    "Move to…",
  );
  const items = STAGES.filter((st) => st !== s.stage).map((st) =>
    h("li", { role: "none" }, h("button", { type: "button", role: "menuitem", tabindex: -1, "data-stage": st }, STAGE_LABELS[st])),
  );
  const menu = h("ul", { class: "move-menu", role: "menu", id: menuId, hidden: true, "aria-label": `Stages for ${a.title}` }, items);
  const buttons = () => [...menu.querySelectorAll<HTMLButtonElement>("button")];
  const close = (refocus: boolean) => {
    menu.hidden = true;
    toggle.setAttribute("aria-expanded", "false");
    if (refocus) toggle.focus();
  };
  toggle.addEventListener("click", () => {
    const opening = menu.hidden;
    menu.hidden = !opening;
    toggle.setAttribute("aria-expanded", String(opening));
    if (opening) buttons()[0]?.focus();
  });
  menu.addEventListener("keydown", (ev) => {
    const list = buttons();
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault();
      const next = (at + (ev.key === "ArrowDown" ? 1 : list.length - 1)) % list.length;
      list[next].focus();
    } else if (ev.key === "Home" || ev.key === "End") {
      ev.preventDefault();
      list[ev.key === "Home" ? 0 : list.length - 1].focus();
    } else if (ev.key === "Escape") {
      ev.preventDefault();
      close(true);
    } else if (ev.key === "Tab") {
      close(false);
    }
  });
  menu.addEventListener("click", (ev) => {
    const stage = (ev.target as HTMLElement).closest("button")?.dataset.stage as Stage | undefined;
    if (!stage) return;
    close(false);
    move(a, stage);
  });
  menu.addEventListener("focusout", (ev) => {
    if (!menu.contains(ev.relatedTarget as Node) && ev.relatedTarget !== toggle) close(false);
  });

  const el = h(
    "li",
    {
      class: `app-card${s.silent ? " silent" : ""}`,
      draggable: "true",
      "data-id": a.id,
      "data-testid": `card-${a.id}`,
    },
    h("button", { type: "button", class: "open", "data-open": a.id, onclick: () => open(a.id) }, a.title),
    h("div", { class: "company" }, a.company),
    h(
      "div",
      { class: "meta" },
      h("span", { class: "badge" }, a.channel),
      s.applied ? h("span", {}, `applied ${shortDay(s.applied)}`) : h("span", {}, `saved ${shortDay(a.events[0].date)}`),
      !s.silent && !isFinal(s.stage) && s.last_event !== (s.applied ?? a.events[0].date)
        ? h("span", {}, `last news ${shortDay(s.last_event)}`)
        : null,
      s.silent ? h("span", { class: "badge silent", title: `Silent since ${s.silent_since}` }, `silent ${s.days_since_last_event} days`) : null,
    ),
    h("div", { class: "move" }, toggle, menu),
  );
  el.addEventListener("dragstart", (ev) => {
    ev.dataTransfer?.setData("text/plain", String(a.id));
    if (ev.dataTransfer) ev.dataTransfer.effectAllowed = "move";
    el.classList.add("dragging");
  });
  el.addEventListener("dragend", () => el.classList.remove("dragging"));
  return el;
}

function addForm(today: string, contacts: Contact[], added: (id: number) => Promise<void>): HTMLElement {
  const company = h("input", { type: "text", required: true, maxlength: 200, autocomplete: "organization" });
  const title = h("input", { type: "text", required: true, maxlength: 300 });
  const stage = h("select", {}, h("option", { value: "applied" }, "Applied"), h("option", { value: "saved" }, "Saved for later"));
  const date = h("input", { type: "date", value: today, max: today, required: true });
  const channel = h("select", {}, CHANNELS.map((c) => h("option", { value: c, selected: c === "job-board" }, c)));
  const referrer = h(
    "select",
    {},
    h("option", { value: "" }, "nobody"),
    contacts.map((c) => h("option", { value: c.id }, c.name)),
  );
  const url = h("input", { type: "url", placeholder: "https://" });
  const note = h("input", { type: "text", maxlength: 10000 });
  const force = h("input", { type: "checkbox" });
  const forceRow = h("label", { class: "check wide", hidden: true }, force, " Add it anyway (it looks like one you already have)");
  const status = h("p", { class: "status", role: "status", "aria-live": "polite" });
  const form = h(
    "form",
    {
      onsubmit: async (ev: Event) => {
        ev.preventDefault();
        try {
          const made = await search.addApplication({
            company: company.value,
            title: title.value,
            stage: stage.value as "applied",
            date: date.value,
            ...(referrer.value ? { referrer_id: Number(referrer.value) } : { channel: channel.value as "cold" }),
            ...(url.value ? { url: url.value } : {}),
            ...(note.value.trim() ? { note: note.value } : {}),
            ...(force.checked ? { force: true } : {}),
          });
          const before = made.earlier_unanswered ?? [];
          status.textContent = before.length
            ? `Added. Note: ${made.company} left you without an answer before (${before.map((b) => b.title).join(", ")}).`
            : `Added ${made.title} at ${made.company}.`;
          form.reset();
          date.value = today;
          forceRow.hidden = true;
          await added(made.id);
        } catch (e) {
          status.textContent = problem(e);
          if ((e as { status?: number }).status === 409) forceRow.hidden = false;
        }
      },
    },
    h(
      "div",
      { class: "form-grid" },
      h("label", {}, "Company", company),
      h("label", {}, "Title", title),
      h("label", {}, "Stage", stage),
      h("label", {}, "Date sent (or saved)", date),
      h("label", {}, "Channel", channel),
      h("label", {}, "Referred by", referrer),
      h("label", {}, "Job description", url),
      h("label", {}, "First note", note),
      forceRow,
    ),
    h("button", { type: "submit" }, "Add application"),
    status,
  );
  return h("details", { class: "add" }, h("summary", {}, "Add an application"), form);
}

export const view: View = {
  id: "pipeline",
  title: "Pipeline",
  order: 30,
  async render(root, app) {
    const today = app.session.today;
    const [apps, contacts] = await Promise.all([search.applications(), search.contacts()]);
    const board = h("div", { class: "board", "data-testid": "board" });
    const summary = h("p", { class: "lead" });
    let current = apps;

    const open = (id: number) => {
      history.replaceState(null, "", `#/pipeline?app=${id}`);
      void openApplication(id, today, reload).catch((e) => toast(problem(e), "error"));
    };

    const move = async (a: Application, to: Stage) => {
      if (a.status.stage === to) return;
      try {
        await search.move(a.id, to);
        toast(`${a.title}: ${STAGE_LABELS[a.status.stage]} → ${STAGE_LABELS[to]}`);
        await reload();
        board.querySelector<HTMLElement>(`[data-open="${a.id}"]`)?.focus();
      } catch (e) {
        toast(problem(e), "error");
      }
    };

    const draw = () => {
      const silent = current.filter((a) => a.status.silent).length;
      const inProgress = current.filter((a) => !isFinal(a.status.stage)).length;
      summary.textContent = current.length
        ? `${current.length} applications · ${inProgress} in progress${silent ? ` · ${silent} silent` : ""}`
        : "No applications yet: add the first one below.";
      board.replaceChildren(
        ...STAGES.map((stage) => {
          const here = current.filter((a) => a.status.stage === stage);
          const headingId = `col-${stage}`;
          const column = h(
            "section",
            { class: `column${isFinal(stage) ? " final" : ""}`, "data-stage": stage, "aria-labelledby": headingId },
            h("h2", { id: headingId }, STAGE_LABELS[stage], h("span", { class: "count" }, String(here.length))),
            here.length
              ? h("ol", {}, here.map((a) => card(a, move, open)))
              : h("p", { class: "none" }, "None"),
          );
          column.addEventListener("dragover", (ev) => {
            ev.preventDefault();
            if (ev.dataTransfer) ev.dataTransfer.dropEffect = "move";
            column.classList.add("drop");
          });
          column.addEventListener("dragleave", (ev) => {
            if (!column.contains(ev.relatedTarget as Node)) column.classList.remove("drop");
          });
          column.addEventListener("drop", (ev) => {
            ev.preventDefault();
            column.classList.remove("drop");
            const id = Number(ev.dataTransfer?.getData("text/plain"));
            const a = current.find((x) => x.id === id);
            if (a) void move(a, stage);
          });
          return column;
        }),
      );
    };
    async function reload(): Promise<void> {
      current = await search.applications();
      draw();
    }

    root.append(
      h("h1", { id: "pipeline-title" }, "Pipeline"),
      summary,
      h(
        "div",
        { class: "toolbar" },
        h(
          "p",
          { class: "downloads" },
          h("span", { class: "muted" }, "Download:"),
          h("a", { href: "/api/applications.csv", download: "jobfit-applications.csv" }, "applications (CSV)"),
          h("a", { href: "/api/applications/history.csv", download: "jobfit-history.csv" }, "history (CSV)"),
          h("a", { href: "/api/calendar.ics", download: "jobfit.ics" }, "interviews and follow-ups (iCalendar)"),
        ),
      ),
      addForm(today, contacts, async (id) => {
        await reload();
        board.querySelector<HTMLElement>(`[data-open="${id}"]`)?.focus();
      }),
      h("p", { class: "muted small" }, "Drag a card to another column, or use its “Move to…” menu, to record a move dated today. Open a card for its timeline, contacts and reminders."),
      board,
    );
    draw();
    const wanted = Number(new URLSearchParams(location.hash.split("?")[1] ?? "").get("app"));
    if (wanted && current.some((a) => a.id === wanted)) open(wanted);
  },
};
