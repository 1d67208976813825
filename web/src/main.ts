import "./style.css";
import "uplot/dist/uPlot.min.css";
import { api, ApiError } from "./api";
import { h } from "./dom";
import type { App, View } from "./view";

// Every file in views/ that exports `view` is a page, in the order it asks for.
const modules = import.meta.glob<{ view: View }>("./views/*.ts", { eager: true });
const views = Object.values(modules)
  .map((m) => m.view)
  .filter(Boolean)
  .sort((a, b) => a.order - b.order);

const nav = document.getElementById("nav")!;
const main = document.getElementById("main")!;

function currentId(): string {
  const id = location.hash.replace(/^#\/?/, "").split("?")[0];
  return views.some((v) => v.id === id) ? id : views[0].id;
}

async function start(): Promise<void> {
  const [session, activities] = await Promise.all([api.session(), api.activities()]);
  const app: App = {
    session,
    activities,
    label(id) {
      return this.activities.find((a) => a.id === id)?.label ?? id;
    },
    async reloadActivities() {
      this.activities = await api.activities();
    },
  };
  nav.replaceChildren(
    h("ul", {}, views.map((v) => h("li", {}, h("a", { href: `#/${v.id}`, "data-view": v.id }, v.title)))),
  );
  const show = async () => {
    const id = currentId();
    const view = views.find((v) => v.id === id)!;
    for (const a of nav.querySelectorAll("a"))
      a.toggleAttribute("aria-current", a.getAttribute("data-view") === id);
    document.title = `${view.title} · jobfit`;
    const root = h("section", { class: `view view-${id}`, "aria-labelledby": `${id}-title` });
    main.replaceChildren(root);
    try {
      await view.render(root, app);
    } catch (e) {
      root.append(h("p", { class: "error", role: "alert" }, `Could not load: ${(e as Error).message}`));
    }
  };
  window.addEventListener("hashchange", () => {
    void show().then(() => main.focus({ preventScroll: true }));
  });
  await show();
}

start().catch((e) => {
  const message =
    e instanceof ApiError && e.status === 403
      ? "This server needs you to sign in: open the login link that `jobfit serve` printed."
      : `jobfit could not start: ${(e as Error).message}`;
  main.replaceChildren(h("p", { class: "error", role: "alert" }, message));
});
