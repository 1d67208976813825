// One application in a dialog: its facts, the timeline of events, moves, notes, linked
// contacts, reminders, closing with a reflection and the feedback note after a rejection.
import { h, toast } from "../dom";
import { clock, shortDay } from "../format";
import {
  STAGES,
  STAGE_LABELS,
  problem,
  search,
  type ApplicationDetail,
  type Contact,
  type Stage,
} from "./api";

const KIND_LABELS = { stage: "Stage", note: "Note", reply: "Reply", followup: "Follow-up" } as const;

export function isFinal(stage: Stage): boolean {
  return stage === "accepted" || stage === "rejected" || stage === "withdrawn" || stage === "closed";
}

function field(label: string, control: HTMLElement): HTMLElement {
  return h("label", {}, label, control);
}

function dateInput(today: string, value = today): HTMLInputElement {
  return h("input", { type: "date", value, max: today, required: true });
}

// Opens the dialog; `changed` runs after anything was stored (so the board can refresh).
export async function openApplication(
  id: number,
  today: string,
  changed: () => Promise<void> | void,
): Promise<void> {
  const dialog = h("dialog", { class: "sheet", "aria-labelledby": "detail-title" });
  const body = h("div", { class: "sheet-body" });
  // What the last action did, inside the dialog (a toast would sit behind it).
  const said = h("p", { class: "sheet-status", role: "status", "aria-live": "polite" });
  dialog.append(body, said);
  document.body.append(dialog);
  dialog.addEventListener("close", () => {
    dialog.remove();
    if (location.hash.includes("?app=")) history.replaceState(null, "", location.hash.split("?")[0]);
  });
  let contacts: Contact[] = [];

  const act = async (what: () => Promise<unknown>, done: string) => {
    try {
      await what();
      said.className = "sheet-status";
      said.textContent = done;
      await changed();
      await fill();
    } catch (e) {
      said.className = "sheet-status error";
      said.textContent = problem(e);
    }
  };

  async function fill(): Promise<void> {
    const [a, all] = await Promise.all([search.application(id), search.contacts()]);
    contacts = all;
    const focusedName = (document.activeElement as HTMLElement | null)?.dataset?.focusKey;
    body.replaceChildren(...content(a));
    if (focusedName) body.querySelector<HTMLElement>(`[data-focus-key="${focusedName}"]`)?.focus();
  }

  function content(a: ApplicationDetail): HTMLElement[] {
    const s = a.status;
    const facts = h(
      "p",
      { class: "facts" },
      h("span", {}, `Stage: `, h("strong", { "data-testid": "detail-stage" }, STAGE_LABELS[s.stage])),
      h("span", {}, `Channel: ${a.channel}`),
      s.applied ? h("span", {}, `Applied ${shortDay(s.applied)}`) : h("span", {}, "Not sent yet"),
      s.first_response
        ? h("span", {}, `First response ${shortDay(s.first_response)}`)
        : s.applied
          ? h("span", {}, "No response yet")
          : null,
      s.silent ? h("span", { class: "badge silent" }, `Silent: no news for ${s.days_since_last_event} days`) : null,
      a.resume ? h("span", {}, `Résumé: ${a.resume}`) : null,
      a.salary ? h("span", {}, `Pay: ${a.salary}`) : null,
      a.url ? h("a", { href: a.url, target: "_blank", rel: "noopener noreferrer" }, "Job description") : null,
    );

    // Moves: any stage, optional date and note, force for a date before the last event.
    const stage = h(
      "select",
      { "data-focus-key": "move-stage" },
      STAGES.filter((st) => st !== s.stage).map((st) => h("option", { value: st }, STAGE_LABELS[st])),
    );
    const moveDate = dateInput(today);
    const moveNote = h("input", { type: "text", maxlength: 2000 });
    const force = h("input", { type: "checkbox" });
    const moveForm = h(
      "form",
      {
        class: "inline-form",
        onsubmit: (ev: Event) => {
          ev.preventDefault();
          void act(
            () =>
              search.move(a.id, stage.value as Stage, {
                date: moveDate.value,
                ...(moveNote.value.trim() ? { note: moveNote.value } : {}),
                ...(force.checked ? { force: true } : {}),
              }),
            `Moved to ${STAGE_LABELS[stage.value as Stage]}`,
          );
        },
      },
      field("Move to", stage),
      field("On", moveDate),
      h("label", { class: "grow" }, "Note (optional)", moveNote),
      h("label", { class: "check" }, force, " Before the last event"),
      h("button", { type: "submit", "data-focus-key": "move-submit" }, "Record move"),
    );

    const noteKind = h(
      "select",
      {},
      h("option", { value: "note" }, "Note"),
      h("option", { value: "reply" }, "Reply received"),
      h("option", { value: "followup" }, "Follow-up sent"),
    );
    const noteText = h("input", { type: "text", required: true, maxlength: 10000 });
    const noteDate = dateInput(today);
    const noteForm = h(
      "form",
      {
        class: "inline-form",
        onsubmit: (ev: Event) => {
          ev.preventDefault();
          void act(
            () => search.note(a.id, noteText.value, noteKind.value as "note", noteDate.value),
            "Added to the timeline",
          );
        },
      },
      field("Kind", noteKind),
      h("label", { class: "grow" }, "Text", noteText),
      field("On", noteDate),
      h("button", { type: "submit", class: "secondary", "data-focus-key": "note-submit" }, "Add"),
    );

    const timeline = h(
      "ol",
      { class: "events", "data-testid": "timeline" },
      a.events.map((e) =>
        h(
          "li",
          { class: e.kind },
          h("span", { class: "date" }, shortDay(e.date)),
          h("span", { class: "kind" }, e.kind === "stage" && e.stage ? STAGE_LABELS[e.stage] : KIND_LABELS[e.kind]),
          e.text ? h("span", {}, e.text) : null,
        ),
      ),
    );

    // Contacts: linked ones, with a way to link another or unlink.
    const linked = new Set(a.contacts.map((c) => c.contact_id));
    const linkable = contacts.filter((c) => !linked.has(c.id));
    const linkSelect = h(
      "select",
      {},
      linkable.map((c) => h("option", { value: c.id }, `${c.name}${c.company ? ` (${c.company})` : ""}`)),
    );
    const contactList = a.linked_contacts.length
      ? h(
          "ul",
          { class: "plain" },
          a.linked_contacts.map((c) =>
            h(
              "li",
              {},
              h("strong", {}, c.name),
              c.referrer ? h("span", { class: "badge" }, "referrer") : null,
              h("span", { class: "muted" }, [c.role, c.company].filter(Boolean).join(" at ")),
              h("span", { class: "muted small" }, c.last_contacted ? `last contacted ${shortDay(c.last_contacted)}` : "not contacted yet"),
              h(
                "button",
                {
                  type: "button",
                  class: "link small",
                  onclick: () => act(() => search.editApplication(a.id, { unlink: [c.id] }), `Unlinked ${c.name}`),
                },
                `Unlink ${c.name}`,
              ),
            ),
          ),
        )
      : h("p", { class: "muted" }, "No contacts linked.");
    const linkForm = linkable.length
      ? h(
          "form",
          {
            class: "inline-form",
            onsubmit: (ev: Event) => {
              ev.preventDefault();
              void act(() => search.editApplication(a.id, { link: [Number(linkSelect.value)] }), "Contact linked");
            },
          },
          field("Link a contact", linkSelect),
          h("button", { type: "submit", class: "secondary" }, "Link"),
        )
      : null;

    // Reminders: follow-ups and interviews, done or deleted here.
    const remKind = h(
      "select",
      {},
      h("option", { value: "followup" }, "Follow-up"),
      h("option", { value: "interview" }, "Interview"),
    );
    const remDate = h("input", { type: "date", value: today, required: true });
    const remTime = h("input", { type: "time" });
    const remText = h("input", { type: "text", maxlength: 2000 });
    const remForm = h(
      "form",
      {
        class: "inline-form",
        onsubmit: (ev: Event) => {
          ev.preventDefault();
          void act(
            () =>
              search.addReminder({
                application_id: a.id,
                due: remDate.value,
                ...(remTime.value ? { at: remTime.value } : {}),
                ...(remKind.value === "interview" ? { interview: true } : {}),
                ...(remText.value.trim() ? { text: remText.value } : {}),
              }),
            "Reminder added",
          );
        },
      },
      field("Kind", remKind),
      field("Date", remDate),
      field("Time", remTime),
      h("label", { class: "grow" }, "What", remText),
      h("button", { type: "submit", class: "secondary" }, "Add reminder"),
    );
    const reminders = a.reminders.length
      ? h(
          "ul",
          { class: "plain" },
          a.reminders.map((r) =>
            h(
              "li",
              {},
              h("span", {}, `${shortDay(r.due)}${r.at ? ` ${clock(r.at)}` : ""}`),
              h("span", { class: "badge" }, r.kind === "interview" ? "interview" : "follow-up"),
              r.text ? h("span", {}, r.text) : null,
              r.done
                ? h("span", { class: "muted small" }, `done ${shortDay(r.done)}`)
                : h(
                    "button",
                    { type: "button", class: "secondary small", onclick: () => act(() => search.reminderDone(r.id), "Marked done") },
                    "Done",
                  ),
              h(
                "button",
                { type: "button", class: "link small", onclick: () => act(() => search.deleteReminder(r.id), "Reminder deleted") },
                "Delete",
              ),
            ),
          ),
        )
      : h("p", { class: "muted" }, "No reminders.");

    const closeButton = h(
      "button",
      { type: "button", class: "secondary", onclick: () => openClose(a) },
      isFinal(s.stage) ? "Reflection & feedback…" : "Close application…",
    );
    const deleteButton = h(
      "button",
      {
        type: "button",
        class: "danger",
        onclick: async () => {
          if (!confirm(`Delete ${a.title} at ${a.company} with its history? Closing keeps it in your statistics.`)) return;
          try {
            await search.deleteApplication(a.id);
            toast("Application deleted");
            dialog.close();
            await changed();
          } catch (e) {
            said.className = "sheet-status error";
            said.textContent = problem(e);
          }
        },
      },
      "Delete",
    );

    return [
      h(
        "header",
        {},
        h("div", {}, h("h2", { id: "detail-title" }, a.title), h("p", { class: "muted", style: { margin: "0.1rem 0 0" } }, a.company)),
        h("button", { type: "button", class: "secondary small", onclick: () => dialog.close() }, "Close window"),
      ),
      facts,
      a.learned ? h("p", {}, h("strong", {}, "Learned: "), a.learned) : null,
      h("h3", {}, "Timeline"),
      timeline,
      noteForm,
      h("h3", {}, "Move"),
      moveForm,
      h("h3", {}, "Contacts"),
      contactList,
      linkForm,
      h("h3", {}, "Reminders"),
      reminders,
      remForm,
      h("div", { class: "row", style: { marginTop: "1.25rem" } }, closeButton, deleteButton),
    ].filter(Boolean) as HTMLElement[];
  }

  // Closing: the reason, a reflection, and after a rejection the polite note to send.
  function openClose(a: ApplicationDetail): void {
    const d = h("dialog", { class: "sheet", "aria-labelledby": "close-title" });
    const inner = h("div", { class: "sheet-body" });
    d.append(inner);
    document.body.append(d);
    d.addEventListener("close", () => d.remove());
    const final = isFinal(a.status.stage);
    const reason = h(
      "select",
      { id: "close-reason" },
      h("option", { value: "silent" }, "No response"),
      h("option", { value: "rejected" }, "Rejected"),
      h("option", { value: "withdrawn" }, "I withdrew"),
    );
    if (a.status.stage === "rejected") reason.value = "rejected";
    if (a.status.stage === "withdrawn") reason.value = "withdrawn";
    const learned = h("textarea", { id: "close-learned", rows: 3, maxlength: 4000 }, a.learned ?? "");
    const status = h("p", { class: "status", role: "status", "aria-live": "polite" });
    const note = h("div", {});
    const submit = h("button", { type: "submit" }, final ? "Save reflection" : "Close application");
    const cancel = h("button", { type: "button", class: "secondary", onclick: () => d.close() }, "Cancel");
    const showFeedback = async () => {
      const f = await search.feedback(a.id);
      const text = `Subject: ${f.subject}\n\n${f.body}`;
      note.replaceChildren(
        h("h3", {}, "A note asking what would have made the difference"),
        h("pre", { class: "feedback", "data-testid": "feedback-note" }, text),
        h(
          "button",
          {
            type: "button",
            class: "secondary",
            onclick: async () => {
              await navigator.clipboard.writeText(text).then(
                () => (status.textContent = "Copied the note."),
                () => (status.textContent = "Could not copy: select the text instead."),
              );
            },
          },
          "Copy note",
        ),
      );
    };
    const form = h(
      "form",
      {
        class: "stack",
        onsubmit: async (ev: Event) => {
          ev.preventDefault();
          try {
            await search.close(a.id, reason.value as "silent", learned.value.trim() || undefined);
            status.textContent = "Closed. Your reflection is kept with it.";
            submit.textContent = "Save reflection";
            cancel.textContent = "Done";
            await changed();
            await fill();
            if (reason.value === "rejected") await showFeedback();
          } catch (e) {
            status.textContent = problem(e);
          }
        },
      },
      h("label", { for: "close-reason" }, "Why it ended"),
      reason,
      h("label", { for: "close-learned" }, "What did you learn from it?"),
      learned,
      h("div", { class: "row" }, submit, cancel),
      status,
    );
    inner.append(
      h("h2", { id: "close-title" }, `${final ? "Reflect on" : "Close"}: ${a.title} at ${a.company}`),
      form,
      note,
    );
    d.showModal();
    if (a.status.stage === "rejected") void showFeedback().catch(() => {});
  }

  await fill();
  dialog.showModal();
}
