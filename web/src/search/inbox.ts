// The job search's part of Today (as `jobfit inbox`): interviews this week, follow-ups due, and
// applications gone silent, each with one suggested next step.
import "./search.css";
import { h, toast } from "../dom";
import { clock, shortDay } from "../format";
import { STAGE_LABELS, problem, search, type Inbox, type InboxItem } from "./api";

const SECTIONS: [InboxItem["kind"], string][] = [
  ["interview", "Interviews"],
  ["followup", "Follow-ups due"],
  ["silent", "Gone quiet"],
];

function item(i: InboxItem, today: string, refresh: () => Promise<void>): HTMLElement {
  const r = i.reminder;
  let why = "";
  if (r) {
    const when = r.at ? `${shortDay(r.due)} ${clock(r.at)}` : shortDay(r.due);
    why = r.kind === "followup" && r.due < today ? `was due ${when}` : when;
    if (r.text && !i.suggestion.includes(r.text)) why += ` · ${r.text}`;
  } else if (i.days_since_last_event !== null) {
    why = `${STAGE_LABELS[i.stage]} · no news for ${i.days_since_last_event} days`;
  }
  return h(
    "li",
    { "data-app": i.application_id },
    h("span", { class: "what" }, `${i.title} at ${i.company}`),
    h("span", { class: "why" }, why),
    h("span", { class: "next" }, i.suggestion),
    h(
      "span",
      { class: "row" },
      r && r.kind === "followup"
        ? h(
            "button",
            {
              type: "button",
              class: "secondary small",
              onclick: async () => {
                try {
                  await search.reminderDone(r.id);
                  toast("Follow-up recorded");
                  await refresh();
                } catch (e) {
                  toast(problem(e), "error");
                }
              },
            },
            "Done: I followed up",
          )
        : null,
      h("a", { href: `#/pipeline?app=${i.application_id}` }, "Open application"),
    ),
  );
}

// A card for Today, or nothing when there is no job search to speak of.
export async function inboxSection(today: string): Promise<HTMLElement | null> {
  let inbox: Inbox;
  try {
    inbox = await search.inbox();
  } catch (e) {
    return h("p", { class: "error", role: "alert" }, `Could not load the job search inbox: ${problem(e)}`);
  }
  const card = h("article", { class: "card inbox-card", "aria-labelledby": "inbox-title", "data-testid": "inbox" });
  const fill = (ib: Inbox) => {
    const refresh = async () => fill(await search.inbox());
    card.replaceChildren(
      h("h2", { id: "inbox-title" }, "Job search: next steps"),
      ...SECTIONS.flatMap(([kind, title]) => {
        const here = ib.items.filter((i) => i.kind === kind);
        if (!here.length) return [];
        return [h("h3", { class: "small muted" }, title), h("ul", { class: "inbox-list" }, here.map((i) => item(i, today, refresh)))];
      }),
      ...(ib.items.length ? [] : [h("p", { class: "muted" }, "Nothing in your job search needs you today.")]),
    );
  };
  if (!inbox.items.length) {
    // Only worth a line when there is a search going on.
    const apps = await search.applications().catch(() => []);
    if (!apps.length) return null;
  }
  fill(inbox);
  return card;
}
