// Browser tests: Debian's Chromium driven by playwright-core (no browser download) against the
// real `jobfit serve` on an ephemeral loopback port, over a fresh database.
// Usage: node web/tests/e2e.mjs path/to/jobfit [screenshot-dir]
// Exit 77 (skipped) when the web app is not built or Chromium is missing.
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const webDir = path.resolve(here, "..");
const jobfit = process.argv[2];
const shots = path.resolve(process.argv[3] ?? path.join(webDir, "..", "build", "screenshots"));
const chromiumPath = process.env.CHROMIUM ?? "/usr/bin/chromium";

function skip(why) {
  console.log(`SKIPPED: ${why}`);
  process.exit(77);
}
if (!jobfit || !fs.existsSync(jobfit)) skip(`no jobfit binary at ${jobfit}`);
if (!fs.existsSync(path.join(webDir, "dist", "index.html"))) skip("web/dist is not built (npm run build)");
if (!fs.existsSync(chromiumPath)) skip(`no Chromium at ${chromiumPath}`);
let chromium;
try {
  ({ chromium } = await import("playwright-core"));
} catch {
  skip("playwright-core is not installed (npm ci in web/)");
}

const failures = [];
function check(ok, what) {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures.push(what);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "jobfit-e2e-"));
const server = spawn(jobfit, ["--db", path.join(tmp, "jobfit.db"), "serve", "--port", "0",
                              "--web", path.join(webDir, "dist")],
                     { env: { ...process.env, TZ: "Europe/Berlin" }, stdio: ["ignore", "pipe", "inherit"] });
let context;
let page;
const cleanup = async () => {
  if (context) await context.close().catch(() => {});
  server.kill("SIGTERM");
  fs.rmSync(tmp, { recursive: true, force: true });
};

try {
  const port = await new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 15000);
    server.stdout.on("data", (d) => {
      out += d;
      const m = out.match(/running at http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    server.on("exit", (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  const base = `http://127.0.0.1:${port}`;

  // A request naming a foreign host (what a DNS-rebinding page would send) is refused.
  const foreign = await new Promise((resolve, reject) => {
    const req = http.get({ host: "127.0.0.1", port, path: "/api/episodes", headers: { Host: `rebind.example:${port}` } },
      (res) => { let b = ""; res.on("data", (d) => (b += d)); res.on("end", () => resolve({ status: res.statusCode, body: b })); });
    req.on("error", reject);
  });
  check(foreign.status === 403 && JSON.parse(foreign.body).error.field === "Host",
        `a foreign Host header is refused (${foreign.status})`);

  // A few episodes earlier this week, through the API, so the views have something to show.
  const session = await (await fetch(`${base}/api/session`)).json();
  const today = session.today;
  const dayOf = (n) => { const d = new Date(`${today}T12:00:00Z`); d.setUTCDate(d.getUTCDate() + n); return d.toISOString().slice(0, 10); };
  const monday = dayOf(-((new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7));
  const seed = [
    { minutes: 120, activities: ["building"], date: monday, happy: 5, engaged: 6, stressed: 1, energy: 2 },
    { minutes: 60, activities: ["meetings"], date: monday, happy: 2, stressed: 4, energy: -1, with: "team" },
    { minutes: 90, activities: ["managing-people", "meetings"], date: monday, happy: 1, stressed: 5, tired: 5, energy: -2, note: "two hard 1:1s" },
  ];
  const catalog = await (await fetch(`${base}/api/activities`)).json();
  const ids = new Set(catalog.map((a) => a.id));
  for (const e of seed) {
    e.activities = e.activities.filter((a) => ids.has(a));
    if (!e.activities.length) e.activities = [catalog[0].id];
    const r = await fetch(`${base}/api/episodes`, { method: "POST", headers: { "Content-Type": "application/json", "X-CSRF-Token": session.csrf_token }, body: JSON.stringify(e) });
    check(r.status === 201, `seeded an episode through the API (${r.status})`);
  }

  // An expectation and a calendar with two events of yesterday, for Insights and the drafts.
  const write = (path, body, type = "application/json") =>
    fetch(`${base}${path}`, { method: "POST", headers: { "Content-Type": type, "X-CSRF-Token": session.csrf_token }, body });
  const expectation = await write("/api/expectations", JSON.stringify({ activity: "meetings", happy: 5, engaged: 4, stressed: 1, energy: 1 }));
  check(expectation.status === 201, `seeded an expectation through the API (${expectation.status})`);
  const yesterday = dayOf(-1).replaceAll("-", "");
  const ics = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//jobfit e2e//EN",
    "BEGIN:VEVENT", "UID:e2e-standup", `DTSTART;TZID=Europe/Berlin:${yesterday}T093000`, `DTEND;TZID=Europe/Berlin:${yesterday}T094500`, "SUMMARY:Team standup", "END:VEVENT",
    "BEGIN:VEVENT", "UID:e2e-dentist", `DTSTART;TZID=Europe/Berlin:${yesterday}T160000`, `DTEND;TZID=Europe/Berlin:${yesterday}T170000`, "SUMMARY:Dentist", "END:VEVENT",
    "END:VCALENDAR", ""].join("\r\n");
  const imported = await write("/api/calendar/import", ics, "text/calendar");
  const importedBody = await imported.json();
  check(imported.status === 200 && importedBody.added.length === 2, `imported a calendar as drafts (${imported.status}, ${importedBody.added?.length})`);

  fs.mkdirSync(shots, { recursive: true });
  context = await chromium.launchPersistentContext(path.join(tmp, "profile"), {
    executablePath: chromiumPath,
    headless: true,
    timezoneId: "Europe/Berlin",
    locale: "en-GB",
    viewport: { width: 1280, height: 900 },
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           // A name that resolves to this machine, as after DNS rebinding.
           "--host-resolver-rules=MAP rebind.test 127.0.0.1"],
  });
  page = context.pages()[0] ?? (await context.newPage());
  const consoleErrors = [];
  // Chromium logs every failed request; a check that makes one fail on purpose announces it
  // here first (by API path), and that one message is not counted as an error.
  const refusals = new Map();
  const expectRefusal = (apiPath) => refusals.set(apiPath, (refusals.get(apiPath) ?? 0) + 1);
  page.on("console", (m) => {
    // The refused rebound page (and its icon) log their 403s by design.
    if (m.type() !== "error" || m.location().url.includes("rebind.test")) return;
    const where = m.location().url ? new URL(m.location().url).pathname : "";
    if (refusals.get(where) > 0) {
      refusals.set(where, refusals.get(where) - 1);
      return;
    }
    consoleErrors.push(`${m.text()} ${m.location().url}`);
  });
  page.on("pageerror", (e) => consoleErrors.push(String(e)));
  page.on("dialog", (d) => d.accept());

  // The browser itself, reaching the server under a rebound name, is refused.
  const rebound = await page.goto(`http://rebind.test:${port}/`);
  check(rebound.status() === 403, `the page under a rebound host name is refused (${rebound.status()})`);

  await page.goto(`${base}/#/today`);
  await page.getByRole("heading", { name: "Today", level: 1 }).waitFor();
  const before = await page.getByTestId("week-total").textContent();
  check(before === "4h 30m", `Today shows the week's seeded time (${before})`);
  await page.screenshot({ path: path.join(shots, "today.png"), fullPage: true });

  // Insights counts the seeded episodes.
  const insightsEpisodes = async () => {
    await page.locator("#nav").getByRole("link", { name: "Insights", exact: true }).click();
    await page.getByTestId("insights-episodes").waitFor();
    return page.getByTestId("insights-episodes").textContent();
  };
  const insightsBefore = await insightsEpisodes();
  check(insightsBefore === "3", `Insights counts the week's seeded episodes (${insightsBefore})`);

  // Log an episode through the form, with the keyboard where it is natural.
  await page.locator("#nav").getByRole("link", { name: "Log", exact: true }).click();
  await page.getByRole("heading", { name: "Log an episode" }).waitFor();
  const t0 = Date.now();
  const firstChip = page.locator("button.chip[data-activity]").first();
  const activityLabel = (await firstChip.textContent()).trim();
  await firstChip.click();
  await page.getByRole("button", { name: "45m" }).click();
  await page.getByLabel("Happy", { exact: true }).focus();
  await page.keyboard.press("ArrowRight");  // 3 -> 4, and now rated
  await page.getByLabel("Energy", { exact: true }).focus();
  await page.keyboard.press("ArrowRight");
  await page.getByLabel("Note").fill("logged from the browser test");
  await page.getByRole("button", { name: "Log episode" }).click();
  const item = page.getByTestId("day-episodes").locator("li", { hasText: "logged from the browser test" });
  await item.waitFor();
  const elapsed = Date.now() - t0;
  check(elapsed < 10000, `logging through the form took ${elapsed} ms`);
  const itemText = await item.textContent();
  check(itemText.includes(activityLabel) && itemText.includes("45m") && itemText.includes("Happy 4") && itemText.includes("Energy 1"),
        `the logged episode is listed with its ratings (${itemText})`);
  const stored = await (await fetch(`${base}/api/episodes?from=${today}&to=${today}`)).json();
  check(stored.length === 1 && stored[0].happy === 4 && stored[0].energy === 1 && stored[0].stressed === null,
        "the API has the episode, unrated items left blank");
  await page.screenshot({ path: path.join(shots, "log.png"), fullPage: true });

  // Edit it: 45 -> 60 minutes.
  await item.getByRole("button", { name: "Edit" }).click();
  await page.getByLabel("Minutes").fill("60");
  await page.getByRole("button", { name: "Save changes" }).click();
  await page.getByTestId("day-episodes").locator("li", { hasText: "1h" }).waitFor();
  const edited = await (await fetch(`${base}/api/episodes/${stored[0].id}`)).json();
  check(edited.minutes === 60 && edited.note === "logged from the browser test", `editing kept the note and changed the time (${edited.minutes})`);

  // It counts on Today.
  await page.locator("#nav").getByRole("link", { name: "Today", exact: true }).click();
  await page.getByTestId("week-total").waitFor();
  const after = await page.getByTestId("week-total").textContent();
  check(after === "5h 30m", `Today counts the new episode (${after})`);
  const byActivity = await page.getByTestId("by-activity").textContent();
  check(byActivity.includes(activityLabel), `Time by activity lists ${activityLabel}`);

  // ... and in Insights.
  const insightsAfter = await insightsEpisodes();
  check(insightsAfter === "4", `Insights counts the episode logged through the form (${insightsAfter})`);
  const insightsTime = await page.getByTestId("insights-time-by-activity").textContent();
  check(insightsTime.includes(activityLabel), `Insights' time by activity lists ${activityLabel}`);
  const gaps = await page.getByTestId("gaps").textContent();
  check(gaps.includes("Meetings"), "Insights sets the expectation beside the experience");
  await page.getByTestId("affect-chart").locator("canvas").waitFor();
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(shots, "insights.png"), fullPage: true });

  // Answer a check-in and see it in the history.
  await page.locator("#nav").getByRole("link", { name: "Check-in", exact: true }).click();
  await page.getByRole("heading", { name: "How have you been?" }).waitFor();
  const firstQuestion = await page.locator('[data-item="p1"] legend').textContent();
  check(firstQuestion.includes("How often do you feel tired?"), `the questionnaire shows the published wording (${firstQuestion})`);
  for (const [item, answer] of [["p1", "Often"], ["p2", "Sometimes"], ["p3", "Often"], ["p5", "Always"],
                                ["w1", "To a high degree"], ["w2", "Somewhat"], ["w4", "Often"], ["w7", "Seldom"]])
    await page.locator(`[data-item="${item}"]`).getByText(answer, { exact: true }).click();
  await page.getByRole("button", { name: "Save check-in" }).click();
  const historyRow = page.getByTestId("checkin-history").locator(`tr[data-date="${today}"]`);
  await historyRow.waitFor();
  const rowText = await historyRow.textContent();
  // personal (75+50+75+100)/4 = 75.0; work (75+50+75+75)/4 = 68.8 (w7 "Seldom" is reversed).
  check(rowText.includes("75.0") && rowText.includes("68.8"), `the check-in is in the history with its scores (${rowText})`);
  const checkins = await (await fetch(`${base}/api/checkins`)).json();
  check(checkins.checkins.length === 1 && checkins.checkins[0].answers.p5 === "always", "the API has the check-in");
  await page.screenshot({ path: path.join(shots, "checkin.png"), fullPage: true });

  // Delete it again from the Log view.
  await page.locator("#nav").getByRole("link", { name: "Log", exact: true }).click();
  await page.getByTestId("day-episodes").locator("li").first().waitFor();

  // Rate one calendar draft, discard the other.
  const standup = page.getByTestId("drafts").locator("li", { hasText: "Team standup" });
  await standup.getByRole("button", { name: "Rate Team standup" }).click();
  await standup.getByLabel("Happy").selectOption("4");
  await standup.getByLabel("Stressed").selectOption("2");
  await standup.getByRole("button", { name: "Save as episode" }).click();
  await standup.waitFor({ state: "detached" });
  const fromDraft = await (await fetch(`${base}/api/episodes?from=${dayOf(-1)}&to=${dayOf(-1)}`)).json();
  check(fromDraft.length === 1 && fromDraft[0].note === "Team standup" && fromDraft[0].minutes === 15 && fromDraft[0].happy === 4,
        `rating a draft logs it as an episode (${JSON.stringify(fromDraft[0] ?? null)})`);
  await page.getByTestId("drafts").getByRole("button", { name: "Discard Dentist" }).click();
  await page.getByTestId("drafts").getByText("No drafts waiting").waitFor();
  const pending = await (await fetch(`${base}/api/drafts`)).json();
  check(pending.length === 0, "discarding a draft through the page");
  await page.getByRole("button", { name: `Delete episode ${stored[0].id}` }).click();
  await page.getByTestId("day-total").getByText("Nothing logged").waitFor();
  const left = await (await fetch(`${base}/api/episodes?from=${today}&to=${today}`)).json();
  check(left.length === 0, "deleting through the page removes the episode");

  // Put it back for the pictures, then Settings.
  await firstChip.click();
  await page.getByRole("button", { name: "1h", exact: true }).click();
  await page.getByRole("button", { name: "Log episode" }).click();
  await page.getByTestId("day-episodes").locator("li").first().waitFor();
  await page.locator("#nav").getByRole("link", { name: "Settings", exact: true }).click();
  await page.getByRole("heading", { name: "Export" }).waitFor();
  await page.getByRole("button", { name: "Back up now" }).click();
  await page.getByText("Backed up to").waitFor();
  check(true, "a backup from the Settings view");
  await page.screenshot({ path: path.join(shots, "settings.png"), fullPage: true });

  // The job search views (web/tests/e2e_search.mjs).
  const { searchChecks } = await import("./e2e_search.mjs");
  await searchChecks({ page, base, session, check, shots });

  // Postings: paste one, see its analysis (pay, work mode, the phrases marked), save it, find it.
  await page.locator("#nav").getByRole("link", { name: "Postings", exact: true }).click();
  await page.getByRole("heading", { name: "Postings", level: 1 }).waitFor();
  await page.getByLabel("The posting's text or HTML").fill(
    "Senior Data Engineer\nCompany: Acme Analytics\nLocation: Berlin, Germany\n\n" +
    "You will build data pipelines in Python and SQL, analyze usage data and write documentation " +
    "for the platform. You will join the on-call rotation one week in six. " +
    "This role is fully remote. Salary: $150,000 - $180,000 a year.");
  await page.getByRole("button", { name: "Analyse" }).click();
  const detailPanel = page.getByTestId("posting-detail");
  await detailPanel.waitFor();
  const facts = await page.getByTestId("posting-facts").textContent();
  check(facts.includes("150,000") && facts.includes("180,000") && facts.includes("a year"), `the analysis shows the pay (${facts})`);
  check(facts.includes("Remote") && facts.includes("On-call"), "the analysis shows the work mode and the on-call duty");
  const marks = await page.getByTestId("posting-text").locator("mark").allTextContents();
  check(marks.some((m) => m.toLowerCase().includes("fully remote")) && marks.some((m) => m.includes("150,000")),
        `the supporting phrases are highlighted (${marks.join(" | ")})`);
  const activityBars = await page.getByTestId("posting-activities").locator("li").count();
  check(activityBars >= 2, `the activity mix is shown (${activityBars} activities)`);
  check((await (await fetch(`${base}/api/postings`)).json()).length === 0, "analysing stored nothing");
  await page.screenshot({ path: path.join(shots, "postings-analysis.png"), fullPage: true });
  await page.getByRole("button", { name: "Save this posting" }).click();
  await page.getByTestId("postings-table").locator("tbody tr", { hasText: "Senior Data Engineer" }).waitFor();
  const storedPostings = await (await fetch(`${base}/api/postings`)).json();
  check(storedPostings.length === 1 && storedPostings[0].work_mode === "remote", "saving stores the posting");
  await page.getByLabel("Search").fill("pipelines");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await page.getByTestId("postings-count").getByText("matching").waitFor();
  const found = await page.getByTestId("postings-table").locator("tbody tr").count();
  check(found === 1, `searching finds the posting (${found})`);
  await page.getByTestId("postings-table").getByRole("button", { name: "Senior Data Engineer" }).press("Enter");
  await page.getByRole("button", { name: "Delete posting" }).waitFor();
  await page.screenshot({ path: path.join(shots, "postings.png"), fullPage: true });

  // Fit: values and constraints in Settings, the ranked postings (web/tests/e2e_fit.mjs).
  const { fitChecks } = await import("./e2e_fit.mjs");
  await fitChecks({ page, base, session, check, shots, expectRefusal });

  // The same views at a phone's width.
  await page.setViewportSize({ width: 390, height: 844 });
  for (const v of ["today", "log", "insights", "checkin", "postings", "settings"]) {
    await page.goto(`${base}/#/${v}`);
    await page.locator(`section.view-${v} h1`).waitFor();
    await page.waitForTimeout(150);
    await page.screenshot({ path: path.join(shots, `${v}-phone.png`), fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(overflow <= 1, `${v} fits a phone's width (overflow ${overflow}px)`);
  }
  check(consoleErrors.length === 0, `no console errors${consoleErrors.length ? `: ${consoleErrors.join(" | ")}` : ""}`);
} catch (e) {
  failures.push(String(e?.stack ?? e));
  console.log(`FAIL ${e?.stack ?? e}`);
  if (page) {
    await page.screenshot({ path: path.join(shots, "failure.png"), fullPage: true }).catch(() => {});
    console.log(`page at failure: ${path.join(shots, "failure.png")}`);
  }
} finally {
  await cleanup();
}
console.log(failures.length ? `${failures.length} check(s) failed` : `all checks passed; screenshots in ${shots}`);
process.exit(failures.length ? 1 : 0);
