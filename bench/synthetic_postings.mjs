// Writes N synthetic job postings as JSON Lines (the `jsonl` import format) to stdout, for the
// server benchmarks: titles, companies, places and descriptions assembled from word lists of
// our own, with pay, work mode, employment type, on-call, travel and people management varied
// so that filters, search and ranking have something to tell apart. Deterministic for a given N.
// Usage: node bench/synthetic_postings.mjs [N=100000] > postings.jsonl
const n = Number(process.argv[2] ?? 100000);

// A small linear congruential generator: the same postings on every run.
let seed = 12345;
const random = () => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 2 ** 32;
};
const pick = (list) => list[Math.floor(random() * list.length)];

const seniority = ["Junior", "", "", "Senior", "Senior", "Staff", "Lead", "Principal"];
const field = ["Data", "Backend", "Frontend", "Platform", "Security", "Product", "Research",
  "Support", "Quality", "Mobile", "Machine Learning", "Infrastructure", "Analytics", "Content"];
const role = ["Engineer", "Analyst", "Scientist", "Designer", "Manager", "Developer",
  "Specialist", "Writer", "Consultant", "Architect"];
const companyStart = ["Blue", "Quiet", "Bright", "Iron", "Cedar", "Harbor", "Nimbus", "Orbit",
  "Maple", "Lumen", "Granite", "Willow", "Signal", "Copper", "Tidal"];
const companyEnd = ["Works", "Labs", "Systems", "Analytics", "Health", "Logistics", "Studio",
  "Bank", "Energy", "Robotics", "Foods", "Media", "Insurance", "Mobility"];
const places = ["Berlin, Germany", "Austin, TX", "London, UK", "Toronto, ON", "Lyon, France",
  "Chicago, IL", "Madrid, Spain", "Denver, CO", "Amsterdam, Netherlands", "Seattle, WA",
  "Remote - US", "Remote"];
const modes = ["remote", "hybrid", "onsite", "onsite", "hybrid"];
const employment = ["FULL_TIME", "FULL_TIME", "FULL_TIME", "PART_TIME", "CONTRACTOR", "INTERN"];
const duties = [
  "You will spend most of your week writing and reviewing code with a small team.",
  "Expect frequent meetings with stakeholders to agree on priorities.",
  "Analyse data from our products and present what you find to leadership.",
  "Plan the roadmap for your area each quarter and track progress against it.",
  "Write clear documentation and guides for other teams.",
  "Design experiments, run them and report the results.",
  "Work directly with customers to understand their problems.",
  "Mentor junior colleagues and review their work.",
  "Build dashboards and reports that the whole company relies on.",
  "Coordinate releases across several teams and time zones.",
  "Research new methods and prototype them quickly.",
  "Answer support tickets and improve the help center.",
  "Negotiate with vendors and manage the budget for tools.",
  "Present at internal demos and the occasional conference.",
  "Keep our systems reliable, secure and fast.",
];
const extras = [
  "This role includes an on-call rotation one week in six.",
  "Travel up to 25% of the time to meet clients.",
  "Occasional travel to our other offices.",
  "You will manage a team of five people.",
  "Flexible hours; core hours are 10 to 3.",
  "Weekend work is sometimes needed around launches.",
  "We offer a four-day week after the first year.",
];

const out = [];
for (let i = 0; i < n; i++) {
  const title = [pick(seniority), pick(field), pick(role)].filter(Boolean).join(" ");
  const lines = [];
  const count = 4 + Math.floor(random() * 5);
  while (lines.length < count) {
    const duty = pick(duties);
    if (!lines.includes(duty)) lines.push(duty);
  }
  if (random() < 0.4) lines.push(pick(extras));
  const low = 40 + Math.floor(random() * 120);
  const posting = {
    id: `synthetic-${i}`,
    title,
    company: `${pick(companyStart)} ${pick(companyEnd)}`,
    location: pick(places),
    description: lines.join(" "),
    employment_type: pick(employment),
    work_mode: pick(modes),
    posted_date: `2025-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`,
  };
  if (random() < 0.7) posting.salary = `$${low},000 - $${low + 10 + Math.floor(random() * 40)},000 a year`;
  out.push(JSON.stringify(posting));
  if (out.length === 1000) {
    process.stdout.write(out.join("\n") + "\n");
    out.length = 0;
  }
}
if (out.length) process.stdout.write(out.join("\n") + "\n");
