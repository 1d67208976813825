// Browser checks of the job search views (Pipeline, Contacts, Statistics, the inbox on Today),
// run by e2e.mjs with its page and server: seeds a search through the API, drags a card to
// another column and checks the move through the API, moves one with the keyboard, closes one
// with a reflection, adds and logs a contact, and saves screenshots of each view.
import path from "node:path";
import { apiClient, daysFrom } from "./e2e_support.mjs";

export async function searchChecks({ page, base, session, check, shots }) {
  const today = session.today;
  const dayOf = daysFrom(today);
  const api = apiClient(base, session);

  // A search in progress, through the API.
  const jane = await api("POST", "/api/contacts", { name: "Jane Doe", company: "Initech", role: "Engineering manager", how: "former colleague" });
  const acme = await api("POST", "/api/applications", { company: "Acme", title: "Data Analyst", channel: "job-board", date: dayOf(-40) });
  const initech = await api("POST", "/api/applications", { company: "Initech", title: "Backend Engineer", referrer_id: jane.id, date: dayOf(-20) });
  await api("POST", `/api/applications/${initech.id}/moves`, { stage: "screening", date: dayOf(-14), note: "call with the recruiter" });
  await api("POST", `/api/applications/${initech.id}/moves`, { stage: "interviewing", date: dayOf(-7) });
  const globex = await api("POST", "/api/applications", { company: "Globex", title: "Platform Engineer", channel: "cold", date: dayOf(-10) });
  const umbrella = await api("POST", "/api/applications", { company: "Umbrella", title: "Site Reliability Engineer", channel: "recruiter", date: dayOf(-35) });
  await api("POST", `/api/applications/${umbrella.id}/close`, { reason: "rejected", date: dayOf(-20), learned: "needed more on-call experience" });
  const hooli = await api("POST", "/api/applications", { company: "Hooli", title: "Analytics Engineer", stage: "saved", date: dayOf(-2) });
  await api("POST", "/api/reminders", { application_id: globex.id, due: dayOf(-1), text: "ask about the timeline" });
  await api("POST", "/api/reminders", { application_id: initech.id, due: dayOf(2), at: "14:00", interview: true, text: "second round" });
  check(true, "seeded a job search through the API");

  // Today shows the inbox: the due follow-up and the silent application with a next step.
  await page.goto(`${base}/#/today`);
  const inbox = page.getByTestId("inbox");
  await inbox.waitFor();
  const inboxText = await inbox.textContent();
  check(inboxText.includes("Follow-ups due") && inboxText.includes("Platform Engineer at Globex") &&
        inboxText.includes("Gone quiet") && inboxText.includes("Data Analyst at Acme") &&
        inboxText.includes("Interviews"),
        "Today's inbox lists the interview, the due follow-up and the silent application");
  await page.screenshot({ path: path.join(shots, "today-inbox.png"), fullPage: true });

  // Pipeline: drag Globex from Applied to Screening.
  await page.locator("#nav").getByRole("link", { name: "Pipeline", exact: true }).click();
  await page.getByRole("heading", { name: "Pipeline", level: 1 }).waitFor();
  const column = (stage) => page.locator(`section.column[data-stage="${stage}"]`);
  const silentCard = column("applied").getByTestId(`card-${acme.id}`);
  check((await silentCard.getAttribute("class")).includes("silent") && (await silentCard.textContent()).includes("silent"),
        "a silent card is marked on the board");
  await page.screenshot({ path: path.join(shots, "pipeline.png"), fullPage: true });

  await page.getByTestId(`card-${globex.id}`).dragTo(column("screening"));
  await column("screening").getByTestId(`card-${globex.id}`).waitFor();
  const moved = await api("GET", `/api/applications/${globex.id}`);
  const last = moved.events.at(-1);
  check(moved.status.stage === "screening" && last.kind === "stage" && last.stage === "screening" && last.date === today,
        `dragging a card to Screening recorded a move dated today (${JSON.stringify(last)})`);

  // The same with the keyboard: "Move to…" on Hooli (saved), first choice is Applied.
  const toggle = page.getByRole("button", { name: "Move Analytics Engineer at Hooli to…" });
  await toggle.focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await column("applied").getByTestId(`card-${hooli.id}`).waitFor();
  const hooliNow = await api("GET", `/api/applications/${hooli.id}`);
  check(hooliNow.status.stage === "applied" && hooliNow.status.applied === today, "the keyboard Move to… menu records a move");
  const focused = await page.evaluate(() => document.activeElement?.textContent);
  check(focused === "Analytics Engineer", `focus follows the moved card (${focused})`);

  // Card detail: the timeline, the referrer, the interview.
  await page.getByTestId(`card-${initech.id}`).getByRole("button", { name: "Backend Engineer", exact: true }).click();
  const detail = page.getByRole("dialog", { name: "Backend Engineer", exact: true });
  await detail.waitFor();
  const detailText = await detail.textContent();
  check(detailText.includes("call with the recruiter") && detailText.includes("Jane Doe") && detailText.includes("referrer") &&
        detailText.includes("second round"), "the card detail shows the timeline, the referrer and the interview");
  await detail.getByLabel("Text").fill("sent a thank-you note");
  await detail.getByRole("button", { name: "Add", exact: true }).click();
  await detail.getByTestId("timeline").getByText("sent a thank-you note").waitFor();
  await page.screenshot({ path: path.join(shots, "pipeline-detail.png") });
  await detail.getByRole("button", { name: "Close window" }).click();

  // Close Acme as rejected with a reflection; the feedback note follows.
  await page.getByTestId(`card-${acme.id}`).getByRole("button", { name: "Data Analyst", exact: true }).click();
  const acmeDetail = page.getByRole("dialog", { name: "Data Analyst", exact: true });
  await acmeDetail.getByRole("button", { name: "Close application…" }).click();
  const closeDialog = page.getByRole("dialog", { name: /Close: Data Analyst/ });
  await closeDialog.getByLabel("Why it ended").selectOption("rejected");
  await closeDialog.getByLabel("What did you learn from it?").fill("apply sooner after the posting goes up");
  await closeDialog.getByRole("button", { name: "Close application" }).click();
  const note = closeDialog.getByTestId("feedback-note");
  await note.waitFor();
  check((await note.textContent()).includes("what would have made the difference"), "closing as rejected shows the feedback note");
  await page.screenshot({ path: path.join(shots, "pipeline-close.png") });
  const acmeNow = await api("GET", `/api/applications/${acme.id}`);
  check(acmeNow.status.stage === "rejected" && acmeNow.learned === "apply sooner after the posting goes up",
        "the close dialog stored the rejection and the reflection");
  await closeDialog.getByRole("button", { name: "Done" }).click();
  await acmeDetail.getByRole("button", { name: "Close window" }).click();

  // Contacts: add one, log an interaction with another.
  await page.locator("#nav").getByRole("link", { name: "Contacts", exact: true }).click();
  await page.getByRole("heading", { name: "Contacts", level: 1 }).waitFor();
  await page.getByText("Add a contact").click();
  const addForm = page.locator("details.add form");
  await addForm.getByLabel("Name").fill("Sam Lee");
  await addForm.getByLabel("Company").fill("Globex");
  await addForm.getByLabel("How you know them").fill("met at a meetup");
  await addForm.getByRole("button", { name: "Add contact" }).click();
  await page.getByRole("heading", { name: "Sam Lee" }).waitFor();
  const janeCard = page.locator(`[data-contact="${jane.id}"]`);
  await janeCard.getByText("Log an interaction with Jane Doe").click();
  await janeCard.getByLabel("What happened").fill("coffee, she will ask about the team");
  await janeCard.getByRole("button", { name: "Log interaction" }).click();
  await janeCard.getByText("coffee, she will ask about the team").waitFor();
  const contacts = await api("GET", "/api/contacts");
  check(contacts.length === 2 && contacts.some((c) => c.name === "Sam Lee" && c.how === "met at a meetup") &&
        contacts.find((c) => c.id === jane.id).last_contacted === today,
        "a contact added and an interaction logged through the page");
  await janeCard.getByRole("button", { name: "Edit Jane Doe" }).click();
  await janeCard.getByLabel("Role").fill("Director of engineering");
  await janeCard.getByRole("button", { name: "Save contact" }).click();
  await page.locator(`[data-contact="${jane.id}"]`).getByText("Director of engineering at Initech").waitFor();
  check((await api("GET", `/api/contacts/${jane.id}`)).role === "Director of engineering", "editing a contact stores it");
  await page.screenshot({ path: path.join(shots, "contacts.png"), fullPage: true });

  // Statistics: the same figures as the API, and the Kaplan-Meier curve drawn.
  await page.locator("#nav").getByRole("link", { name: "Statistics", exact: true }).click();
  await page.getByTestId("funnel").waitFor();
  await page.locator(".curve canvas").waitFor();
  const stats = await api("GET", "/api/stats");
  const sent = await page.getByTestId("stats-sent").textContent();
  check(sent === String(stats.sent), `Statistics shows the sent count of the API (${sent})`);
  const channelRows = await page.getByTestId("channels").locator("tbody tr").count();
  check(channelRows === stats.by_channel.length, `the channels table has a row per channel (${channelRows})`);
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(shots, "stats.png"), fullPage: true });

  // Phone width.
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  for (const v of ["pipeline", "contacts", "stats"]) {
    await page.goto(`${base}/#/${v}`);
    await page.locator(`section.view-${v} h1`).waitFor();
    await page.waitForTimeout(200);
    await page.screenshot({ path: path.join(shots, `${v}-phone.png`), fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(overflow <= 1, `${v} fits a phone's width (overflow ${overflow}px)`);
  }
  await page.setViewportSize(size);
}
