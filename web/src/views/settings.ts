// Settings: your values and constraints (for fit), export, import, backup, and the key-value
// settings.
import { api, ApiError } from "../api";
import { h, toast } from "../dom";
import { fitSettings } from "../fit/settings";
import type { View } from "../view";

function message(e: unknown): string {
  return e instanceof ApiError ? `${e.message}${e.field ? ` (${e.field})` : ""}` : String(e);
}

export const view: View = {
  id: "settings",
  title: "Settings",
  order: 90,
  async render(root, app) {
    const [settings, fitCards] = await Promise.all([api.settings(), fitSettings()]);
    const importStatus = h("p", { class: "status", role: "status", "aria-live": "polite" });
    const backupStatus = h("p", { class: "status", role: "status", "aria-live": "polite" });
    const file = h("input", { type: "file", id: "import-file", accept: "application/json,.json" });
    const newIds = h("input", { type: "checkbox", id: "import-new-ids" });

    const importForm = h(
      "form",
      {
        class: "stack",
        onsubmit: async (ev: Event) => {
          ev.preventDefault();
          const f = file.files?.[0];
          if (!f) {
            importStatus.textContent = "Choose a file written by export first.";
            return;
          }
          importStatus.textContent = "Importing…";
          try {
            const r = await api.importArchive(await f.text(), newIds.checked);
            importStatus.textContent = `Imported ${r.imported.length ? r.imported.join(", ") : "nothing new"}.`;
            await app.reloadActivities();
          } catch (e) {
            importStatus.textContent = `Nothing was imported: ${message(e)}`;
          }
        },
      },
      h("label", { for: "import-file" }, "A file written by jobfit export"),
      file,
      h("label", { class: "check" }, newIds, " Add records as new ones (instead of keeping their ids)"),
      h("button", { type: "submit" }, "Import"),
      importStatus,
    );

    const rows = h("tbody");
    const addRow = (key = "", value = "") => {
      const k = h("input", { value: key, "aria-label": "Setting name", placeholder: "name, e.g. silence.applied" });
      const v = h("input", { value, "aria-label": `Value of ${key || "new setting"}` });
      rows.append(h("tr", {}, h("td", {}, k), h("td", {}, v)));
    };
    // Values and constraints have their own forms above, which validate them.
    const plain = Object.entries(settings).filter(([k]) => !k.startsWith("values.") && !k.startsWith("constraints."));
    for (const [k, v] of plain) addRow(k, v);
    if (!plain.length) addRow();
    const settingsForm = h(
      "form",
      {
        class: "stack",
        onsubmit: async (ev: Event) => {
          ev.preventDefault();
          const values: Record<string, string> = {};
          for (const tr of rows.querySelectorAll("tr")) {
            const [k, v] = tr.querySelectorAll("input");
            if (k.value.trim()) values[k.value.trim()] = v.value;
          }
          try {
            await api.saveSettings(values);
            toast("Settings saved");
          } catch (e) {
            toast(message(e), "error");
          }
        },
      },
      h("table", { class: "settings" }, h("thead", {}, h("tr", {}, h("th", {}, "Name"), h("th", {}, "Value"))), rows),
      h(
        "div",
        { class: "row" },
        h("button", { type: "button", class: "secondary", onclick: () => addRow() }, "Add a setting"),
        h("button", { type: "submit" }, "Save settings"),
      ),
    );

    root.append(
      h("h1", { id: "settings-title" }, "Settings"),
      h("div", { class: "fit-settings" }, fitCards),
      h(
        "div",
        { class: "grid" },
        h(
          "article",
          { class: "card", "aria-labelledby": "export-title" },
          h("h2", { id: "export-title" }, "Export"),
          h("p", {}, "Everything jobfit stores, as one JSON document you can keep or import elsewhere."),
          h("a", { class: "button", href: "/api/export", download: "" }, "Download export"),
        ),
        h(
          "article",
          { class: "card", "aria-labelledby": "import-title" },
          h("h2", { id: "import-title" }, "Import"),
          h("p", {}, "The whole file is checked first; if anything in it is wrong, nothing is written."),
          importForm,
        ),
        h(
          "article",
          { class: "card", "aria-labelledby": "backup-title" },
          h("h2", { id: "backup-title" }, "Backup"),
          h("p", {}, "A consistent copy of the database, written to the backups folder beside it."),
          h(
            "button",
            {
              type: "button",
              onclick: async () => {
                backupStatus.textContent = "Backing up…";
                try {
                  const r = await api.backup();
                  backupStatus.textContent = `Backed up to ${r.path}`;
                } catch (e) {
                  backupStatus.textContent = `Backup failed: ${message(e)}`;
                }
              },
            },
            "Back up now",
          ),
          backupStatus,
          app.session.database ? h("p", { class: "muted small" }, `Database: ${app.session.database}`) : null,
        ),
        h(
          "article",
          { class: "card", "aria-labelledby": "values-title" },
          h("h2", { id: "values-title" }, "Settings"),
          settingsForm,
        ),
      ),
      h("p", { class: "muted small" }, `jobfit ${app.session.version} · time zone ${app.session.time_zone}`),
    );
  },
};
