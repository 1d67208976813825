// Postings: add them (paste, URL, file), search and list them (most recent first, or ranked by
// how they would fit you), and see what a job would have you do and how it would fit you, with
// the phrases of the posting behind every fact and every reason marked in its text.
import {
  api,
  ApiError,
  type EvidenceKey,
  type Pay,
  type Posting,
  type PostingFilters,
  type PostingHit,
  type PostingSummary,
  type Span,
} from "../api";
import { h, toast } from "../dom";
import { fitApi, hasConstraints, hasValues, type Fit, type RankRow } from "../fit/api";
import { appealControl, fitExplanation, ideaFlags, scoreCell } from "../fit/explain";
import type { App, View } from "../view";

const PAGE = 50;
// A ranking shows fewer at a time: the best ones matter, and the excluded ones follow it.
const RANK_PAGE = 20;
// How many of the postings the constraints exclude are listed under the ranking.
const EXCLUDED_SHOWN = 10;

const MODE_LABEL: Record<string, string> = {
  remote: "Remote",
  hybrid: "Hybrid",
  onsite: "On-site",
  unknown: "Work mode not stated",
};
const PERIOD: Record<Pay["period"], string> = {
  hour: "an hour",
  day: "a day",
  week: "a week",
  month: "a month",
  year: "a year",
};
const FACT_LABEL: Record<EvidenceKey, string> = {
  work_mode: "Work mode",
  employment_type: "Employment type",
  seniority: "Seniority",
  pay: "Pay",
  travel_share: "Travel",
  on_call: "On-call",
  shifts: "Shifts",
  weekends: "Weekends",
  overtime: "Overtime",
  manages_people: "Managing people",
  skills: "Skills",
};

function message(e: unknown): string {
  return e instanceof ApiError ? `${e.message}${e.field ? ` (${e.field})` : ""}` : String(e);
}

function words(s: string): string {
  return s.replace(/_/g, " ");
}

function money(value: number, currency: string, compact = false): string {
  try {
    return new Intl.NumberFormat(undefined, {
      style: "currency",
      currency,
      notation: compact ? "compact" : "standard",
      maximumFractionDigits: compact ? 1 : value < 1000 ? 2 : 0,
    }).format(value);
  } catch {
    return `${currency} ${Math.round(value).toLocaleString()}`;
  }
}

function range(min: number | null, max: number | null, currency: string, compact: boolean): string {
  if (min !== null && max !== null && min !== max)
    return `${money(min, currency, compact)}–${money(max, currency, compact)}`;
  const one = min ?? max;
  return one === null ? "" : money(one, currency, compact);
}

// "$150,000–$180,000 a year".
function payStated(pay: Pay): string {
  return `${range(pay.min, pay.max, pay.currency, false)} ${PERIOD[pay.period]}`;
}

// "$150K–$180K/yr", the annualised figure the list compares.
function payAnnual(pay: Pay | null): string {
  if (!pay) return "";
  const r = range(pay.annual_min, pay.annual_max, pay.currency, true);
  return r ? `${r}/yr` : "";
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

function seen(instant: string): string {
  return new Date(instant).toLocaleDateString(undefined, { day: "numeric", month: "short" });
}

// Byte ranges of text (UTF-8 offsets, as the API gives them) as strings, with whether each is
// inside one of the ranges.
function pieces(text: string, ranges: [number, number][]): { text: string; marked: boolean; labels: number[] }[] {
  const bytes = new TextEncoder().encode(text);
  const decoder = new TextDecoder();
  const valid = ranges.map(([b, e], i) => ({ b, e, i })).filter((r) => r.b < r.e && r.e <= bytes.length);
  const cuts = [...new Set([0, bytes.length, ...valid.flatMap((r) => [r.b, r.e])])].sort((a, b) => a - b);
  const out = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const [b, e] = [cuts[k], cuts[k + 1]];
    const labels = valid.filter((r) => r.b <= b && r.e >= e).map((r) => r.i);
    out.push({ text: decoder.decode(bytes.subarray(b, e)), marked: labels.length > 0, labels });
  }
  return out;
}

// A search hit's snippet with the matched words marked.
function snippet(hit: PostingHit): HTMLElement {
  return h(
    "span",
    { class: "snippet small block" },
    pieces(hit.snippet, hit.highlights).map((piece) => (piece.marked ? h("mark", {}, piece.text) : piece.text)),
  );
}

// The list has two orders: most recently seen first (the postings' own facts in the columns)
// and ranked by fit (score, interval and top reason from /api/rank).
type Order = "recent" | "fit";
type Row = { order: "recent"; p: PostingSummary | PostingHit } | { order: "fit"; r: RankRow };

function rowId(row: Row): number {
  return row.order === "fit" ? row.r.posting_id : row.p.id;
}

function titleCell(id: number, title: string, sub: string, open: (id: number) => void, extra: Node | null = null): HTMLElement {
  return h(
    "div",
    {},
    h("button", { type: "button", class: "link title", onclick: () => open(id) }, title || "(untitled)"),
    h("span", { class: "muted small block" }, sub),
    extra,
  );
}

// One column of the postings table: its heading, the orders it shows in and how a row fills its
// cell. The table is drawn from this list, so another column is one more entry.
interface Column {
  id: string;
  heading: string;
  orders: Order[];
  cell(row: Row, open: (id: number) => void): Node | string;
}

// A cell from a listed posting's facts (columns shown only in the "recent" order).
const listed = (f: (p: PostingSummary) => string) => (row: Row) => (row.order === "recent" ? f(row.p) : "");

const COLUMNS: Column[] = [
  { id: "rank", heading: "#", orders: ["fit"], cell: (row) => (row.order === "fit" ? String(row.r.rank) : "") },
  {
    id: "title",
    heading: "Posting",
    orders: ["recent", "fit"],
    cell: (row, open) =>
      row.order === "fit"
        ? titleCell(row.r.posting_id, row.r.title, row.r.company, open)
        : titleCell(row.p.id, row.p.title, [row.p.company, row.p.locations[0]].filter(Boolean).join(" · "), open,
            "snippet" in row.p && row.p.snippet ? snippet(row.p as PostingHit) : null),
  },
  { id: "fit", heading: "Fit", orders: ["fit"], cell: (row) => (row.order === "fit" ? scoreCell(row.r) : "") },
  { id: "reason", heading: "Top reason", orders: ["fit"], cell: (row) => (row.order === "fit" ? row.r.top_reason : "") },
  { id: "mode", heading: "Work mode", orders: ["recent"], cell: listed((p) => (p.work_mode === "unknown" ? "—" : MODE_LABEL[p.work_mode])) },
  { id: "pay", heading: "Pay", orders: ["recent"], cell: listed((p) => payAnnual(p.pay) || "—") },
  { id: "seniority", heading: "Level", orders: ["recent"], cell: listed((p) => (p.seniority === "unknown" ? "—" : words(p.seniority))) },
  { id: "seen", heading: "Seen", orders: ["recent"], cell: listed((p) => seen(p.last_seen)) },
];

// A marked phrase: what it supports, and whether it is a fact or raises or lowers the fit.
interface Mark {
  span: Span;
  label: string;
  kind: "fact" | "up" | "down";
}

// The analysed text with each phrase that supports a fact or a reason of the fit marked, the
// facts and reasons in its title.
function markedText(text: string, marks: Mark[]): HTMLElement {
  const out = h("div", { class: "posting-text", "data-testid": "posting-text" });
  for (const piece of pieces(text, marks.map((m) => [m.span.begin, m.span.end]))) {
    const labels = [...new Set(piece.labels.map((i) => marks[i].label))].join(", ");
    const reason = piece.labels.map((i) => marks[i]).find((m) => m.kind !== "fact");
    out.append(
      piece.marked
        ? h("mark", { title: labels, "data-facts": labels, class: reason ? `fit-${reason.kind}` : undefined }, piece.text)
        : piece.text,
    );
  }
  return out;
}

function quotes(spans: Span[]): HTMLElement | null {
  if (!spans.length) return null;
  const unique = [...new Set(spans.map((s) => s.text.trim()))].slice(0, 3);
  return h("span", { class: "quotes" }, unique.map((q) => h("q", {}, q)));
}

function fact(label: string, value: string | null, spans: Span[] = []): HTMLElement | null {
  if (!value) return null;
  return h("div", { class: "fact" }, h("dt", {}, label), h("dd", {}, h("span", { class: "value" }, value), quotes(spans)));
}

// The detail panel: how the job would fit you, what it would have you do and on what terms,
// with its evidence.
function detail(p: Posting, app: App, actions: HTMLElement | null, fit: Fit | null, appeal: HTMLElement | null): HTMLElement {
  const marks: Mark[] = [];
  for (const [key, spans] of Object.entries(p.evidence) as [EvidenceKey, Span[]][])
    for (const span of spans) marks.push({ span, label: FACT_LABEL[key], kind: "fact" });
  for (const a of p.activities) for (const span of a.evidence) marks.push({ span, label: app.label(a.activity), kind: "fact" });
  for (const c of fit?.contributions ?? [])
    for (const span of c.evidence)
      marks.push({ span, label: `Fit ${c.points < 0 ? "−" : "+"}${Math.abs(c.points).toFixed(1)}: ${c.text}`, kind: c.points < 0 ? "down" : "up" });

  const schedule = (["on_call", "shifts", "weekends", "overtime"] as const).filter((k) => p.schedule[k]);
  const activities = [...p.activities].sort((a, b) => b.share - a.share);
  const management = p.management.manages_people
    ? p.management.reports
      ? `Manages people: ${p.management.reports} direct reports`
      : "Manages people"
    : null;

  return h(
    "article",
    { class: "card posting-detail", "aria-labelledby": "posting-detail-title", "data-testid": "posting-detail" },
    h("h2", { id: "posting-detail-title" }, p.title || "(untitled)"),
    h("p", { class: "muted" }, [p.company, p.locations.join("; ")].filter(Boolean).join(" · ") || "No company or place stated"),
    p.url ? h("p", { class: "small" }, h("a", { href: p.url, rel: "noreferrer noopener", target: "_blank" }, "Original posting")) : null,
    actions,
    fit ? fitExplanation(fit) : null,
    appeal,
    h("h3", {}, "The posting"),
    h(
      "dl",
      { class: "facts", "data-testid": "posting-facts" },
      fact("Pay", p.pay ? payStated(p.pay) : "Not stated", p.pay ? p.evidence.pay : []),
      p.pay && p.pay.period !== "year" ? fact("Per year", payAnnual(p.pay)) : null,
      fact("Work mode", MODE_LABEL[p.work_mode], p.evidence.work_mode),
      fact("Employment", p.employment_type === "unknown" ? null : words(p.employment_type), p.evidence.employment_type),
      fact("Seniority", p.seniority === "unknown" ? null : words(p.seniority), p.evidence.seniority),
      fact("Schedule", schedule.length ? schedule.map((k) => FACT_LABEL[k]).join(", ") : "No on-call, shifts, weekends or overtime mentioned",
        schedule.flatMap((k) => p.evidence[k])),
      fact("Travel", p.travel_share === null ? null : percent(p.travel_share), p.evidence.travel_share),
      fact("People", management, p.evidence.manages_people),
    ),
    h("h3", {}, "What you would do"),
    activities.length
      ? h(
          "ul",
          { class: "bars", "data-testid": "posting-activities" },
          activities.map((a) =>
            h(
              "li",
              {},
              h("span", {}, app.label(a.activity)),
              h("span", { class: "bar-track", "aria-hidden": "true" }, h("span", { class: "bar", style: { width: percent(a.share) } })),
              h("span", { class: "bar-value" }, percent(a.share)),
            ),
          ),
        )
      : h("p", { class: "muted" }, "The text names no activity jobfit knows."),
    p.skills.length ? h("p", { class: "small" }, h("strong", {}, "Skills: "), p.skills.join(", ")) : null,
    h("h3", {}, fit ? "The posting, with the phrases behind each fact and reason marked" : "The posting, with the phrases behind each fact marked"),
    markedText(`${p.title}\n${p.description}`, marks),
  );
}

export const view: View = {
  id: "postings",
  title: "Postings",
  order: 40,
  async render(root, app) {
    let filters: PostingFilters = {};
    let shown = 0;
    let rankLimit = RANK_PAGE;
    let selected: number | null = null;
    // Ranked by fit by default once the person has values, constraints or rated episodes.
    const [values, constraints] = await Promise.all([fitApi.values(), fitApi.constraints()]);
    let order: Order =
      hasValues(values) || hasConstraints(constraints) || (await api.insights()).overall.net_affect_n > 0 ? "fit" : "recent";
    // The appeal ratings, by posting id, for the rating control.
    const appealReport = await fitApi.appeal();
    const appeals = new Map(appealReport.ratings.map((r) => [r.posting_id, r.appeal]));
    let ideaFlagged = new Map(appealReport.idea_flags.map((f) => [f.posting_id, f]));

    const panel = h("div", { class: "posting-panel", "aria-live": "polite" });
    const rows = h("tbody");
    const count = h("p", { class: "muted small", "data-testid": "postings-count" });
    const more = h("button", { type: "button", class: "secondary", hidden: true }, "Show more");
    const listStatus = h("p", { class: "error", role: "alert" });
    const flags = h("div", { "data-testid": "idea-flags-slot" });
    const excluded = h("section", { class: "excluded", "aria-labelledby": "excluded-title", "data-testid": "excluded", hidden: true });
    const head = h("tr");
    const table = h("table", { class: "postings", "data-testid": "postings-table" }, h("thead", {}, head), rows);
    const columns = () => COLUMNS.filter((c) => c.orders.includes(order));

    const showPanel = (p: Posting, actions: HTMLElement | null, fit: Fit | null, appeal: HTMLElement | null = null) => {
      panel.replaceChildren(detail(p, app, actions, fit, appeal));
      if (window.innerWidth < 900) panel.scrollIntoView({ behavior: "smooth", block: "start" });
    };

    const open = async (id: number) => {
      selected = id;
      for (const tr of rows.querySelectorAll("tr")) tr.classList.toggle("selected", tr.dataset.id === String(id));
      try {
        const [p, fit] = await Promise.all([api.posting(id), fitApi.fit(id)]);
        const remove = h(
          "button",
          {
            type: "button",
            class: "danger small",
            onclick: async () => {
              if (!confirm(`Delete the posting "${p.title}"?`)) return;
              try {
                await api.deletePosting(id);
                toast("Posting deleted");
                panel.replaceChildren();
                await load(true);
              } catch (e) {
                toast(message(e), "error");
              }
            },
          },
          "Delete posting",
        );
        const rated = appealControl(id, appeals.get(id) ?? null, (n) => {
          if (n === null) appeals.delete(id);
          else appeals.set(id, n);
          if (order === "fit") void load(true);
        });
        const flag = ideaFlagged.get(id);
        showPanel(p, h("div", { class: "row" }, flag ? h("span", { class: "badge idea", title: flag.text }, "Mostly the idea of it") : null, remove), fit, rated);
      } catch (e) {
        toast(message(e), "error");
      }
    };

    const row = (r: Row) =>
      h(
        "tr",
        { "data-id": String(rowId(r)), class: rowId(r) === selected ? "selected" : undefined },
        columns().map((c) => h("td", { class: `col-${c.id}`, "data-label": c.heading }, c.cell(r, open))),
      );

    // The postings the constraints leave out that would otherwise rank near the top, each with
    // the constraint it breaks.
    const showExcluded = (n: number, list: Fit[]) => {
      excluded.hidden = n === 0;
      excluded.replaceChildren(
        h("h3", { id: "excluded-title" }, `Excluded by your constraints (${n})`),
        h(
          "ul",
          {},
          list.map((f) =>
            h(
              "li",
              { "data-id": String(f.posting_id) },
              h("button", { type: "button", class: "link title", onclick: () => void open(f.posting_id) }, f.title || "(untitled)"),
              h("span", { class: "muted small" }, [f.company, `fit ${Math.round(f.score)}`].filter(Boolean).join(" · ")),
              h("span", { class: "small block violation" }, f.violations.map((v) => v.reason).join("; ")),
            ),
          ),
        ),
        n > list.length ? h("p", { class: "muted small" }, `and ${n - list.length} more.`) : "",
      );
    };

    const loadRanked = async () => {
      const r = await fitApi.rank({ query: filters.q, limit: rankLimit, excluded: EXCLUDED_SHOWN });
      rows.replaceChildren(...r.ranked.map((x) => row({ order: "fit", r: x })));
      shown = r.ranked.length;
      more.hidden = r.ranked.length < rankLimit || rankLimit >= r.eligible;
      table.hidden = shown === 0;
      flags.replaceChildren(ideaFlags(r.idea_flags, (id) => void open(id)) ?? "");
      ideaFlagged = new Map(r.idea_flags.map((f) => [f.posting_id, f]));
      showExcluded(r.excluded, r.excluded_postings);
      count.textContent = r.total
        ? `${r.eligible} of ${r.total} posting${r.total === 1 ? "" : "s"}${filters.q ? ` matching “${filters.q}”` : ""} meet your constraints, best fit first; scores rest on ${r.basis}.`
        : filters.q
          ? "No posting matches."
          : "No postings yet: paste one, give its address or import a file above.";
    };

    const loadRecent = async (reset: boolean) => {
      const page = filters.q
        ? await api.searchPostings({ ...filters, limit: PAGE, offset: shown })
        : await api.postings({ ...filters, limit: PAGE, offset: shown });
      for (const p of page) rows.append(row({ order: "recent", p }));
      shown += page.length;
      more.hidden = page.length < PAGE;
      table.hidden = shown === 0;
      if (reset) {
        flags.replaceChildren();
        excluded.hidden = true;
      }
      count.textContent = shown
        ? `${shown}${more.hidden ? "" : "+"} posting${shown === 1 ? "" : "s"}${filters.q ? ` matching “${filters.q}”` : ""}`
        : filters.q || Object.keys(filters).length
          ? "No posting matches."
          : "No postings yet: paste one, give its address or import a file above.";
    };

    const load = async (reset: boolean) => {
      if (reset) {
        shown = 0;
        rankLimit = RANK_PAGE;
        rows.replaceChildren();
        head.replaceChildren(...columns().map((c) => h("th", { scope: "col", class: `col-${c.id}` }, c.heading)));
      }
      listStatus.textContent = "";
      try {
        if (order === "fit") await loadRanked();
        else await loadRecent(reset);
      } catch (e) {
        listStatus.textContent = message(e);
      }
    };
    more.addEventListener("click", () => {
      if (order === "fit") rankLimit += RANK_PAGE;
      void load(false);
    });

    // Adding: paste, URL or file.
    const status = h("div", { class: "status", role: "status", "aria-live": "polite", "data-testid": "add-status" });
    const report = (r: { summary: string; rejections: { where: string; why: string }[] }) => {
      status.replaceChildren(h("p", {}, r.summary));
      if (r.rejections.length)
        status.append(
          h("ul", { class: "rejections" }, r.rejections.slice(0, 20).map((x) => h("li", {}, h("strong", {}, x.where), `: ${x.why}`))),
        );
    };

    const text = h("textarea", { id: "posting-text", rows: 8, placeholder: "Senior Data Analyst\nCompany: ...\n\nWhat you will do ..." });
    const analyzeBtn = h("button", { type: "button", class: "secondary" }, "Analyse");
    const saveBtn = h("button", { type: "submit" }, "Save posting");
    const save = async () => {
      if (!text.value.trim()) {
        status.textContent = "Paste a posting's text or HTML first.";
        return;
      }
      status.textContent = "Saving…";
      try {
        const r = await api.addPosting(text.value);
        report(r);
        text.value = "";
        await load(true);
        if (r.postings.length) await open(r.postings[0].id);
      } catch (e) {
        status.textContent = `Nothing was saved: ${message(e)}`;
      }
    };
    analyzeBtn.addEventListener("click", async () => {
      if (!text.value.trim()) {
        status.textContent = "Paste a posting's text or HTML first.";
        return;
      }
      status.textContent = "Analysing…";
      try {
        const [r, fit] = await Promise.all([api.analyzePosting(text.value), fitApi.fitText(text.value)]);
        status.textContent = `Analysed ${r.postings.length} posting${r.postings.length === 1 ? "" : "s"}; nothing is stored until you save.`;
        const keep = h("button", { type: "button", onclick: () => void save() }, "Save this posting");
        showPanel(r.postings[0], h("div", { class: "row" }, h("span", { class: "badge" }, "Not saved"), keep), fit);
      } catch (e) {
        status.textContent = `Could not analyse it: ${message(e)}`;
      }
    });
    const pasteForm = h(
      "form",
      { class: "stack", "data-mode": "paste", onsubmit: (ev: Event) => { ev.preventDefault(); void save(); } },
      h("label", { for: "posting-text" }, "The posting's text or HTML (the first line is its title)"),
      text,
      h("div", { class: "row" }, analyzeBtn, saveBtn),
    );

    const url = h("input", { id: "posting-url", type: "url", placeholder: "https://…", required: true });
    const urlForm = h(
      "form",
      {
        class: "stack",
        "data-mode": "url",
        hidden: true,
        onsubmit: async (ev: Event) => {
          ev.preventDefault();
          status.textContent = "Fetching…";
          try {
            const r = await api.addPostingFromUrl(url.value.trim());
            report(r);
            url.value = "";
            await load(true);
            if (r.postings.length) await open(r.postings[0].id);
          } catch (e) {
            status.textContent = `Nothing was saved: ${message(e)}`;
          }
        },
      },
      h("label", { for: "posting-url" }, "The posting's web address"),
      url,
      h("p", { class: "muted small" }, "jobfit fetches this one page; nothing else leaves your machine."),
      h("div", { class: "row" }, h("button", { type: "submit" }, "Fetch and save")),
    );

    const file = h("input", { id: "postings-file", type: "file", accept: ".csv,.jsonl,.ndjson,.json,.html,.htm,.txt,.md" });
    const format = h(
      "select",
      { id: "postings-format" },
      ["detect", "csv", "jsonl", "html", "text", "greenhouse", "lever", "ashby"].map((f) =>
        h("option", { value: f }, f === "detect" ? "Detect from the file" : f),
      ),
    );
    const mapping = h("input", { id: "postings-map", placeholder: "title=Job Title; company=Employer" });
    const fileForm = h(
      "form",
      {
        class: "stack",
        "data-mode": "file",
        hidden: true,
        onsubmit: async (ev: Event) => {
          ev.preventDefault();
          const f = file.files?.[0];
          if (!f) {
            status.textContent = "Choose a file first.";
            return;
          }
          status.textContent = `Importing ${f.name}…`;
          try {
            const map = mapping.value.split(";").map((m) => m.trim()).filter(Boolean);
            const r = await api.importPostings(await f.text(), {
              name: f.name,
              format: format.value === "detect" ? undefined : format.value,
              map,
            });
            report(r);
            await load(true);
          } catch (e) {
            status.textContent = `Nothing was imported: ${message(e)}`;
          }
        },
      },
      h("label", { for: "postings-file" }, "A file: CSV, JSON Lines, HTML, text or a job board's JSON"),
      file,
      h("div", { class: "two" },
        h("div", { class: "stack" }, h("label", { for: "postings-format" }, "Format"), format),
        h("div", { class: "stack" }, h("label", { for: "postings-map" }, "CSV columns (field=Column; …)"), mapping)),
      h("p", { class: "muted small" }, "A posting seen before (same job id, address, or company, title and place) is updated, not copied."),
      h("div", { class: "row" }, h("button", { type: "submit" }, "Import")),
    );

    const forms = [pasteForm, urlForm, fileForm];
    const modes = [
      ["paste", "Paste"],
      ["url", "From a URL"],
      ["file", "Import a file"],
    ] as const;
    const tabs = h(
      "div",
      { class: "row", role: "group", "aria-label": "How to add postings" },
      modes.map(([mode, label], i) =>
        h(
          "button",
          {
            type: "button",
            class: "chip",
            "aria-pressed": i === 0 ? "true" : "false",
            onclick: (ev: Event) => {
              for (const b of tabs.querySelectorAll("button")) b.setAttribute("aria-pressed", String(b === ev.currentTarget));
              for (const f of forms) f.hidden = f.dataset.mode !== mode;
              status.textContent = "";
            },
          },
          label,
        ),
      ),
    );

    // Search and filters.
    const q = h("input", { id: "postings-q", type: "search", placeholder: "data engineer, \"technical writer\", analy*" });
    const mode = h(
      "select",
      { id: "postings-mode" },
      h("option", { value: "" }, "Any"),
      ["remote", "hybrid", "onsite"].map((m) => h("option", { value: m }, MODE_LABEL[m])),
    );
    const minPay = h("input", { id: "postings-min-pay", type: "number", min: "0", step: "1000", inputmode: "numeric" });
    const noOnCall = h("input", { id: "postings-no-on-call", type: "checkbox" });
    // The list filters apply to the recent order; a ranking is filtered by your constraints.
    const listFilters = [
      h("div", { class: "stack" }, h("label", { for: "postings-mode" }, "Work mode"), mode),
      h("div", { class: "stack" }, h("label", { for: "postings-min-pay" }, "Pay per year at least"), minPay),
      h("label", { class: "check" }, noOnCall, " No on-call"),
    ];
    const constraintsHint = h("p", { class: "muted small" }, "Ranked postings are filtered by your constraints: ",
      h("a", { href: "#/settings" }, "set them in Settings"), ".");
    const orders = h(
      "div",
      { class: "row", role: "group", "aria-label": "Order" },
      h("span", { class: "muted small" }, "Order:"),
      ([["fit", "Best fit first"], ["recent", "Most recent first"]] as const).map(([o, label]) =>
        h("button", {
          type: "button",
          class: "chip small",
          "data-order": o,
          onclick: () => void setOrder(o),
        }, label),
      ),
    );
    const setOrder = async (o: Order) => {
      order = o;
      for (const b of orders.querySelectorAll("button")) b.setAttribute("aria-pressed", String(b.dataset.order === o));
      for (const f of listFilters) f.hidden = o === "fit";
      constraintsHint.hidden = o !== "fit";
      await load(true);
    };
    const searchForm = h(
      "form",
      {
        class: "search-bar",
        role: "search",
        onsubmit: async (ev: Event) => {
          ev.preventDefault();
          filters = {
            q: q.value.trim() || undefined,
            mode: mode.value || undefined,
            min_pay: minPay.value ? Number(minPay.value) : undefined,
            no_on_call: noOnCall.checked || undefined,
          };
          for (const k of Object.keys(filters) as (keyof PostingFilters)[]) if (filters[k] === undefined) delete filters[k];
          await load(true);
        },
      },
      h("div", { class: "stack grow" }, h("label", { for: "postings-q" }, "Search"), q),
      listFilters,
      h("button", { type: "submit" }, "Search"),
    );

    root.append(
      h("h1", { id: "postings-title" }, "Postings"),
      h("p", { class: "lead" }, "What a job would have you do all day, and on what terms — read from the posting itself."),
      h(
        "div",
        { class: "postings-layout" },
        h(
          "div",
          { class: "stack postings-main" },
          h("article", { class: "card", "aria-labelledby": "add-title" }, h("h2", { id: "add-title" }, "Add postings"), tabs, ...forms, status),
          h(
            "article",
            { class: "card", "aria-labelledby": "list-title" },
            h("div", { class: "row spread" }, h("h2", { id: "list-title" }, "Your postings"), orders),
            searchForm,
            constraintsHint,
            count,
            listStatus,
            flags,
            h(
              "div",
              { class: "table-wrap" },
              table,
            ),
            more,
            excluded,
          ),
        ),
        panel,
      ),
    );
    await setOrder(order);
  },
};
