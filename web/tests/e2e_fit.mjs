// Browser checks of fit (Settings' values and constraints, the Postings view ranked by fit),
// run by e2e.mjs with its page and server: sets values and a constraint in Settings (and sees
// an inline error from the API first), imports postings from a file, sees the ranked list with
// a score and a reason and a posting excluded by the constraint, opens one and sees a reason's
// phrase highlighted, rates its appeal with the keyboard and finds the rating through the API
// and the "mostly the idea of it" flag on the page. Screenshots at desktop and phone widths.
import path from "node:path";
import { apiClient, daysFrom } from "./e2e_support.mjs";

// Made up for the test: a writing job this person would love, a people manager's job on call,
// and a cheap one under the minimum pay.
const POSTINGS = [
  {
    title: "Technical Writer",
    company: "Docs Co",
    location: "Remote",
    description: "You will write documentation, write tutorials and edit the writing of others. " +
      "Mentorship and a training budget are included. Fully remote. Salary: $120,000 - $140,000 a year.",
  },
  {
    title: "Engineering Manager",
    company: "Big Corp",
    location: "Berlin, Germany",
    description: "You will manage a team of eight engineers: one-on-ones, performance reviews, " +
      "supervising the team and people management. You will join the on-call rotation. " +
      "Salary: $150,000 - $170,000 a year.",
  },
  {
    title: "Junior Copywriter",
    company: "Small Shop",
    location: "Remote",
    description: "You will write copy and write blog posts. Fully remote. Salary: $40,000 a year.",
  },
];

export async function fitChecks({ page, base, session, check, shots, expectRefusal }) {
  const api = apiClient(base, session);
  const dayOf = daysFrom(session.today);

  // Evidence: writing days rated high, managing people rated low.
  for (let n = 8; n <= 12; n++) {
    await api("POST", "/api/episodes", { date: dayOf(-n), minutes: 60, activities: ["writing"], happy: 6, engaged: 6, stressed: 1, frustrated: 1, energy: 2 });
    await api("POST", "/api/episodes", { date: dayOf(-n), minutes: 60, activities: ["managing-people"], happy: 1, engaged: 1, stressed: 6, frustrated: 5, energy: -2 });
  }

  // Settings: the values editor, with the keyboard.
  await page.goto(`${base}/#/settings`);
  await page.getByRole("heading", { name: "Your values" }).waitFor();
  await page.getByLabel("Learning", { exact: true }).focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowRight");
  await page.getByLabel("Time and health", { exact: true }).focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
  await page.getByRole("button", { name: "Save values" }).click();
  await page.getByText("Values saved.").waitFor();
  const values = await api("GET", "/api/values");
  check(values.learning === 4 && values.time_and_health === 3 && values.pay === 0, `the values are saved through the API (${JSON.stringify(values)})`);

  // The constraints form: a bad currency is refused, the API's message beside the field.
  const constraints = page.getByTestId("constraints-form");
  await constraints.getByLabel("Minimum pay").fill("60000");
  await constraints.getByLabel("Currency").fill("EURO");
  await constraints.getByLabel("I accept on-call duty").uncheck();
  expectRefusal("/api/constraints");
  await page.getByRole("button", { name: "Save constraints" }).click();
  const currencyError = constraints.locator('[data-error-for="currency"]');
  await currencyError.filter({ hasText: "ISO 4217" }).waitFor();
  check((await constraints.getByLabel("Currency").getAttribute("aria-invalid")) === "true", "the currency field is marked invalid");
  const unchanged = await api("GET", "/api/constraints");
  check(unchanged.min_pay === null && unchanged.on_call === true, "a refused form writes nothing");
  await page.screenshot({ path: path.join(shots, "settings-fit-error.png"), fullPage: true });
  await constraints.getByLabel("Currency").fill("USD");
  await page.getByRole("button", { name: "Save constraints" }).click();
  await page.getByText("Constraints saved.").waitFor();
  check((await currencyError.textContent()) === "", "the error goes once the form is right");
  const saved = await api("GET", "/api/constraints");
  check(saved.min_pay?.annual === 60000 && saved.min_pay.currency === "USD" && saved.on_call === false,
        `the constraints are saved through the API (${JSON.stringify(saved)})`);
  await page.screenshot({ path: path.join(shots, "settings-fit.png"), fullPage: true });

  // Import the postings as a file.
  await page.locator("#nav").getByRole("link", { name: "Postings", exact: true }).click();
  await page.getByRole("heading", { name: "Postings", level: 1 }).waitFor();
  await page.getByRole("button", { name: "Import a file" }).click();
  await page.getByLabel("A file: CSV, JSON Lines").setInputFiles({
    name: "jobs.jsonl",
    mimeType: "application/x-ndjson",
    buffer: Buffer.from(POSTINGS.map((p) => JSON.stringify(p)).join("\n") + "\n"),
  });
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await page.getByTestId("add-status").getByText("3 new").waitFor();

  // Ranked by fit (the default once values are set): scores, reasons, and the excluded ones.
  const order = page.getByRole("group", { name: "Order" });
  check((await order.getByRole("button", { name: "Best fit first" }).getAttribute("aria-pressed")) === "true", "the list is ranked by fit");
  const table = page.getByTestId("postings-table");
  const first = table.locator("tbody tr").first();
  await first.filter({ hasText: "Technical Writer" }).waitFor();
  const score = await first.getByTestId("fit-score").textContent();
  const reason = await first.locator("td.col-reason").textContent();
  check(/^\d+/.test(score) && reason.length > 10, `the best fit shows a score and a reason (${score} · ${reason})`);
  const rank = await api("GET", "/api/rank");
  check(Math.round(rank.ranked[0].score) === Number(score.match(/^\d+/)[0]), "the page shows the API's score");
  const excluded = page.getByTestId("excluded");
  const manager = excluded.locator("li", { hasText: "Engineering Manager" });
  await manager.waitFor();
  check((await manager.textContent()).includes("on-call"), `the on-call job is excluded, saying why (${await manager.textContent()})`);
  const cheap = await excluded.locator("li", { hasText: "Junior Copywriter" }).textContent();
  check(cheap.includes("40000") && cheap.includes("60000"), `the cheap job is excluded by the minimum pay (${cheap})`);
  check((await table.locator("tbody tr", { hasText: "Engineering Manager" }).count()) === 0, "excluded postings are not ranked");
  await page.screenshot({ path: path.join(shots, "postings-ranked.png"), fullPage: true });

  // Open the best one: its fit explained, the phrases behind the reasons highlighted.
  await first.getByRole("button", { name: "Technical Writer" }).click();
  const explanation = page.getByTestId("fit-explanation");
  await explanation.waitFor();
  const reasons = await page.getByTestId("fit-contributions").locator("li").allTextContents();
  check(reasons.some((r) => r.includes("writing") && r.includes("you rated")), `the explanation names the person's evidence (${reasons[0]})`);
  const marked = await page.getByTestId("posting-text").locator("mark.fit-up").allTextContents();
  check(marked.some((m) => m.toLowerCase().includes("write")), `a supporting phrase is highlighted in the text (${marked.join(" | ")})`);
  await page.screenshot({ path: path.join(shots, "posting-fit.png"), fullPage: true });

  // Open the excluded one, see the violation, and rate its appeal with the keyboard: 4, then 5.
  await manager.getByRole("button", { name: "Engineering Manager" }).click();
  await page.getByTestId("fit-violations").waitFor();
  const appeal = page.getByTestId("appeal");
  await appeal.getByRole("radio", { name: /^3/ }).check();
  await appeal.getByText("Saved: appeals 3/5").waitFor();
  await page.keyboard.press("ArrowRight");
  await appeal.getByText("Saved: appeals 4/5").waitFor();
  await page.keyboard.press("ArrowRight");
  await appeal.getByText("Saved: appeals 5/5").waitFor();
  const ratings = await api("GET", "/api/appeal");
  const rated = ratings.ratings.find((r) => r.title === "Engineering Manager");
  check(rated?.appeal === 5, `the appeal rating is stored through the API (${JSON.stringify(rated && { appeal: rated.appeal })})`);
  const flags = page.getByTestId("idea-flags");
  await flags.filter({ hasText: "Engineering Manager" }).waitFor();
  check((await flags.textContent()).includes("managing people"), "the idea flag names the draining activity");
  await page.screenshot({ path: path.join(shots, "posting-appeal.png"), fullPage: true });

  // Phone width: the ranked list and an open posting.
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${base}/#/postings`);
  await table.locator("tbody tr").first().waitFor();
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(shots, "postings-ranked-phone.png"), fullPage: true });
  await table.locator("tbody tr").first().getByRole("button", { name: "Technical Writer" }).click();
  await page.getByTestId("fit-explanation").waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(shots, "posting-fit-phone.png"), fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 1, `the ranked postings fit a phone's width (overflow ${overflow}px)`);
  await page.goto(`${base}/#/settings`);
  await page.getByRole("heading", { name: "Your values" }).waitFor();
  await page.screenshot({ path: path.join(shots, "settings-fit-phone.png"), fullPage: true });
  await page.setViewportSize(size);
}
