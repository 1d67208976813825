// Contacts: the people in the search, when you last spoke, the applications they are linked
// to or referred; add, edit, and log an interaction.
import "../search/search.css";
import { h, toast } from "../dom";
import { shortDay } from "../format";
import { problem, search, type Application, type Contact, type ContactInput } from "../search/api";
import type { View } from "../view";

const FIELDS: [keyof ContactInput, string, string][] = [
  ["name", "Name", "text"],
  ["company", "Company", "text"],
  ["role", "Role", "text"],
  ["how", "How you know them", "text"],
  ["email", "Email", "email"],
  ["phone", "Phone", "tel"],
];

// The add and edit form: the same fields; links one per line.
function contactForm(
  c: Contact | null,
  submitLabel: string,
  save: (input: ContactInput) => Promise<void>,
  cancel?: () => void,
): HTMLFormElement {
  const inputs = new Map<string, HTMLInputElement>();
  const controls = FIELDS.map(([key, label, type]) => {
    const input = h("input", {
      type,
      value: (c?.[key as keyof Contact] as string | null) ?? "",
      required: key === "name",
      maxlength: key === "name" ? 200 : 500,
    });
    inputs.set(key, input);
    return h("label", {}, label, input);
  });
  const links = h("textarea", { rows: 2, placeholder: "https://…, one per line" }, (c?.links ?? []).join("\n"));
  const notes = h("textarea", { rows: 2 }, c?.notes ?? "");
  const status = h("p", { class: "status", role: "status", "aria-live": "polite" });
  const form = h(
    "form",
    {
      onsubmit: async (ev: Event) => {
        ev.preventDefault();
        const input: ContactInput = {};
        for (const [key] of FIELDS) {
          const v = inputs.get(key)!.value.trim();
          if (key === "name") input.name = v;
          else (input as Record<string, string | null>)[key] = v || null;
        }
        input.links = links.value.split(/\s+/).filter(Boolean);
        input.notes = notes.value.trim() || null;
        try {
          await save(input);
        } catch (e) {
          status.textContent = problem(e);
        }
      },
    },
    h("div", { class: "form-grid" }, controls, h("label", { class: "wide" }, "Links", links), h("label", { class: "wide" }, "Notes", notes)),
    h("div", { class: "row" }, h("button", { type: "submit" }, submitLabel),
      cancel ? h("button", { type: "button", class: "secondary", onclick: cancel }, "Cancel") : null),
    status,
  );
  return form;
}

function logForm(c: Contact, today: string, apps: Application[], logged: () => Promise<void>): HTMLFormElement {
  const text = h("input", { type: "text", required: true, maxlength: 10000 });
  const date = h("input", { type: "date", value: today, max: today, required: true });
  const about = h(
    "select",
    {},
    h("option", { value: "" }, "no application"),
    apps.map((a) => h("option", { value: a.id, selected: c.applications?.[0] === a.id }, `${a.title} at ${a.company}`)),
  );
  const status = h("p", { class: "status", role: "status", "aria-live": "polite" });
  return h(
    "form",
    {
      class: "inline-form",
      "aria-label": `Log an interaction with ${c.name}`,
      onsubmit: async (ev: Event) => {
        ev.preventDefault();
        try {
          await search.logInteraction(c.id, {
            text: text.value,
            date: date.value,
            ...(about.value ? { application_id: Number(about.value) } : {}),
          });
          toast(`Logged for ${c.name}`);
          await logged();
        } catch (e) {
          status.textContent = problem(e);
        }
      },
    },
    h("label", { class: "grow" }, "What happened", text),
    h("label", {}, "On", date),
    h("label", {}, "About", about),
    h("button", { type: "submit", class: "secondary" }, "Log interaction"),
    status,
  );
}

export const view: View = {
  id: "contacts",
  title: "Contacts",
  order: 40,
  async render(root, app) {
    const today = app.session.today;
    const list = h("div", { class: "contact-list", "data-testid": "contacts" });
    const lead = h("p", { class: "lead" });
    let apps: Application[] = [];

    const titleOf = (id: number) => {
      const a = apps.find((x) => x.id === id);
      return a ? `${a.title} at ${a.company}` : `application ${id}`;
    };

    function contactCard(c: Contact): HTMLElement {
      const cardEl = h("article", { class: "card contact", "aria-labelledby": `contact-${c.id}`, "data-contact": c.id });
      const show = () => {
        const who = [c.role, c.company].filter(Boolean).join(" at ");
        cardEl.replaceChildren(
          h("h2", { id: `contact-${c.id}` }, c.name),
          who ? h("p", { class: "who" }, who) : "",
          h(
            "dl",
            {},
            c.how ? [h("dt", {}, "Know from"), h("dd", {}, c.how)] : null,
            c.email ? [h("dt", {}, "Email"), h("dd", {}, h("a", { href: `mailto:${c.email}` }, c.email))] : null,
            c.phone ? [h("dt", {}, "Phone"), h("dd", {}, c.phone)] : null,
            c.links.length
              ? [h("dt", {}, "Links"), h("dd", {}, c.links.flatMap((l, i) => [i ? " · " : "", h("a", { href: l, target: "_blank", rel: "noopener noreferrer" }, l.replace(/^https?:\/\//, ""))]))]
              : null,
            [h("dt", {}, "Last contacted"), h("dd", { "data-testid": `last-contacted-${c.id}` }, c.last_contacted ? shortDay(c.last_contacted) : "never")],
            c.applications?.length
              ? [h("dt", {}, "Applications"), h("dd", {}, c.applications.flatMap((id, i) => [i ? ", " : "", h("a", { href: `#/pipeline?app=${id}` }, titleOf(id)), c.referrals?.includes(id) ? " (referred)" : ""]))]
              : null,
            c.notes ? [h("dt", {}, "Notes"), h("dd", {}, c.notes)] : null,
          ),
          c.interactions.length
            ? h(
                "ul",
                { class: "plain interactions", "aria-label": `Interactions with ${c.name}` },
                [...c.interactions].reverse().map((i) =>
                  h("li", {}, h("span", { class: "muted" }, shortDay(i.date)), h("span", {}, i.text),
                    i.application_id ? h("span", { class: "muted small about" }, titleOf(i.application_id)) : null),
                ),
              )
            : "",
          h("details", { class: "log" }, h("summary", {}, `Log an interaction with ${c.name}`), logForm(c, today, apps, reload)),
          h(
            "div",
            { class: "row", style: { marginTop: "0.5rem" } },
            h("button", { type: "button", class: "secondary small", onclick: edit, "aria-label": `Edit ${c.name}` }, "Edit"),
            h(
              "button",
              {
                type: "button",
                class: "link small",
                "aria-label": `Delete ${c.name}`,
                onclick: async () => {
                  if (!confirm(`Delete ${c.name} and their interaction log?`)) return;
                  try {
                    await search.deleteContact(c.id);
                    toast(`Deleted ${c.name}`);
                    await reload();
                  } catch (e) {
                    toast(problem(e), "error");
                  }
                },
              },
              "Delete",
            ),
          ),
        );
      };
      const edit = () => {
        cardEl.replaceChildren(
          h("h2", { id: `contact-${c.id}` }, `Edit ${c.name}`),
          contactForm(c, "Save contact", async (input) => {
            await search.editContact(c.id, input);
            toast("Saved");
            await reload();
          }, show),
        );
        cardEl.querySelector("input")?.focus();
      };
      show();
      return cardEl;
    }

    async function reload(): Promise<void> {
      const [contacts, all] = await Promise.all([search.contacts(), search.applications()]);
      apps = all;
      lead.textContent = contacts.length
        ? `${contacts.length} people · ${contacts.filter((c) => c.referrals?.length).length} referred you`
        : "Nobody yet: add the people who help you in the search.";
      list.replaceChildren(...contacts.map(contactCard));
    }

    const addForm: HTMLFormElement = contactForm(null, "Add contact", async (input) => {
      const made = await search.addContact(input);
      toast(`Added ${made.name}`);
      addForm.reset();
      add.open = false;
      await reload();
    });
    const add = h("details", { class: "add" }, h("summary", {}, "Add a contact"), addForm);
    root.append(h("h1", { id: "contacts-title" }, "Contacts"), lead, add, list);
    await reload();
  },
};
