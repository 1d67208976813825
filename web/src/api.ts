// The JSON API, with the CSRF token every state-changing request needs.
export interface Episode {
  id: number;
  start: string | null;
  date: string;
  minutes: number;
  activities: string[];
  with: string | null;
  note: string | null;
  happy: number | null;
  engaged: number | null;
  stressed: number | null;
  frustrated: number | null;
  tired: number | null;
  meaningful: number | null;
  energy: number | null;
}
export type EpisodeInput = Partial<Omit<Episode, "id">> & { minutes: number; activities: string[] };

export interface Activity {
  id: string;
  label: string;
  description: string;
  onet: string[];
  custom: boolean;
}

export interface Session {
  csrf_token: string;
  version: string;
  today: string;
  time_zone: string;
  database?: string;
}

export interface WeekSummary {
  from: string;
  to: string;
  minutes: number;
  episodes: number;
  minutes_by_day: number[];
  by_activity: { activity: string; minutes: number; episodes: number }[];
}

export interface Today {
  date: string;
  week: WeekSummary;
  episodes: Episode[];
  recent: Episode[];
}

// The evidence (src/evidence/): the JSON forms of `jobfit insights`, `checkins`, `report`.
export interface AffectStats {
  n: number;
  minutes: number;
  share?: number;
  excluded: number;
  net_affect_n: number;
  net_affect: number | null;
  ci_low: number | null;
  ci_high: number | null;
  u_index: number | null;
  energy_n: number;
  energy: number | null;
  energy_ci_low: number | null;
  energy_ci_high: number | null;
  engaged: number | null;
  tired: number | null;
  meaningful: number | null;
}
export interface ActivityInsight extends AffectStats {
  activity: string;
  label: string;
  shrunk_net_affect: number | null;
  shrunk_energy: number | null;
  verdict: string;
  line: string;
}
export interface ActivityRef {
  activity: string;
  label: string;
  line: string;
  n?: number;
}
export interface WeekRow extends AffectStats {
  week: string;
}
export interface ExpectationGap {
  activity: string;
  label: string;
  expected: Expectation;
  expected_net_affect: number | null;
  experienced_net_affect: number | null;
  gap: number | null;
  expected_energy: number | null;
  experienced_energy: number | null;
  energy_gap: number | null;
  n: number;
  enough_evidence: boolean;
  line: string;
}
export interface Insights {
  from: string | null;
  to: string | null;
  shrink_k: number;
  min_evidence: number;
  overall: AffectStats;
  activities: ActivityInsight[];
  energizers: ActivityRef[];
  drainers: ActivityRef[];
  not_enough_evidence: ActivityRef[];
  trend: WeekRow[];
  expected_vs_experienced: ExpectationGap[];
}
export interface CheckinPoint {
  id: number;
  date: string;
  answers: Record<string, string | null>;
  personal: number | null;
  work: number | null;
  personal_answered: number;
  work_answered: number;
  personal_high: boolean;
  work_high: boolean;
  personal_change: number | null;
  work_change: number | null;
}
export interface EarlyWarning {
  level: "none" | "watch" | "warning";
  as_of: string;
  observations: string[];
  summary: string;
}
export interface CheckinHistory {
  checkins: CheckinPoint[];
  early_warning: EarlyWarning;
}
export interface CbiItem {
  key: string;
  scale: "personal" | "work";
  response: "frequency" | "degree";
  reversed: boolean;
  question: string;
  answers: { word: string; label: string; score: number }[];
}
export interface CbiItems {
  source: string;
  scales: { scale: "personal" | "work"; title: string; min_answers: number }[];
  high_from: number;
  items: CbiItem[];
}
export interface Expectation {
  id: number;
  activity: string;
  date: string;
  happy: number | null;
  engaged: number | null;
  stressed: number | null;
  frustrated: number | null;
  tired: number | null;
  meaningful: number | null;
  energy: number | null;
}
export interface Draft {
  id: number;
  source: string;
  start: string;
  date: string;
  minutes: number;
  title: string;
  activity: string | null;
  status: "pending" | "rated" | "discarded";
  episode_id: number | null;
}
export interface CalendarImport {
  from: string;
  to: string;
  added: Draft[];
  already_imported: number;
  events: number;
  skipped_all_day: number;
  skipped_cancelled: number;
  skipped_without_duration: number;
  skipped_longer_than_a_day: number;
}
export interface WeeklyReport {
  week_start: string;
  week_end: string;
  evidence_weeks: number;
  week: Insights;
  evidence: Insights;
  trend: WeekRow[];
  burnout: CheckinPoint[];
  early_warning: EarlyWarning;
}

// Postings: byte offsets into title + "\n" + description, and the phrase.
export interface Span {
  text: string;
  begin: number;
  end: number;
}

export interface Pay {
  min: number | null;
  max: number | null;
  currency: string;
  period: "hour" | "day" | "week" | "month" | "year";
  annual_min: number | null;
  annual_max: number | null;
}

export type WorkMode = "unknown" | "remote" | "hybrid" | "onsite";

export interface PostingSummary {
  id: number;
  title: string;
  company: string;
  locations: string[];
  work_mode: WorkMode;
  employment_type: string;
  seniority: string;
  pay: Pay | null;
  source: string;
  url: string;
  posted_date: string | null;
  first_seen: string;
  last_seen: string;
}

export interface PostingHit extends PostingSummary {
  score: number;
  snippet: string;
  highlights: [number, number][];
}

export type EvidenceKey =
  | "work_mode"
  | "employment_type"
  | "seniority"
  | "pay"
  | "travel_share"
  | "on_call"
  | "shifts"
  | "weekends"
  | "overtime"
  | "manages_people"
  | "skills";

// The whole analysis (as `jobfit posting analyze`); id 0 and no dates until stored.
export interface Posting extends Omit<PostingSummary, "first_seen" | "last_seen"> {
  source_id: string;
  description: string;
  travel_share: number | null;
  schedule: { on_call: boolean; shifts: boolean; weekends: boolean; overtime: boolean };
  management: { manages_people: boolean; reports: number | null };
  activities: { activity: string; share: number; evidence: Span[] }[];
  skills: string[];
  evidence: Record<EvidenceKey, Span[]>;
  first_seen?: string;
  last_seen?: string;
}

export interface Rejection {
  where: string;
  why: string;
}

export interface ImportReport {
  new: number;
  updated: number;
  unchanged: number;
  rejected: number;
  summary: string;
  rejections: Rejection[];
}

export interface AddResult extends ImportReport {
  postings: { id: number; outcome: "added" | "updated" | "unchanged"; title: string; company: string }[];
}

export interface PostingFilters {
  q?: string;
  remote?: boolean;
  mode?: string;
  min_pay?: number;
  no_on_call?: boolean;
  limit?: number;
  offset?: number;
}

function queryString(q: object): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined || v === null || v === "" || v === false) continue;
    if (Array.isArray(v)) for (const item of v) params.append(k, String(item));
    else params.set(k, String(v));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

export class ApiError extends Error {
  constructor(
    public status: number,
    public code: string,
    message: string,
    public field: string | null,
  ) {
    super(message);
  }
}

let session: Session | undefined;

export async function getSession(): Promise<Session> {
  if (!session) session = await request<Session>("GET", "/api/session");
  return session;
}

// As request, with a body of another media type (an iCalendar file).
export async function send<T>(method: string, path: string, body: unknown, contentType: string): Promise<T> {
  return request<T>(method, path, body, contentType);
}

export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  contentType = "application/json",
): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (method !== "GET") headers["X-CSRF-Token"] = (await getSession()).csrf_token;
  let payload: string | undefined;
  if (body !== undefined) {
    headers["Content-Type"] = contentType;
    payload = typeof body === "string" ? body : JSON.stringify(body);
  } else if (method !== "GET") {
    payload = "";
  }
  const res = await fetch(path, { method, headers, body: payload, credentials: "same-origin" });
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const data = text ? JSON.parse(text) : undefined;
  if (!res.ok) {
    const e = data?.error ?? {};
    throw new ApiError(res.status, e.code ?? "error", e.message ?? res.statusText, e.field ?? null);
  }
  return data as T;
}

export const api = {
  session: getSession,
  today: (date?: string) => request<Today>("GET", `/api/today${date ? `?date=${date}` : ""}`),
  episodes: (q: Record<string, string | number> = {}) =>
    request<Episode[]>("GET", `/api/episodes?${new URLSearchParams(q as Record<string, string>)}`),
  addEpisode: (e: EpisodeInput) => request<Episode>("POST", "/api/episodes", e),
  saveEpisode: (id: number, e: EpisodeInput) => request<Episode>("PUT", `/api/episodes/${id}`, e),
  deleteEpisode: (id: number) => request<void>("DELETE", `/api/episodes/${id}`),
  activities: () => request<Activity[]>("GET", "/api/activities"),
  settings: () => request<Record<string, string>>("GET", "/api/settings"),
  saveSettings: (s: Record<string, string>) =>
    request<Record<string, string>>("PUT", "/api/settings", s),
  importArchive: (text: string, newIds: boolean) =>
    request<{ imported: string[] }>("POST", `/api/import${newIds ? "?new_ids=true" : ""}`, text),
  backup: () => request<{ path: string; bytes: number }>("POST", "/api/backup"),
  insights: (q: { from?: string; to?: string; shrink?: number } = {}) =>
    request<Insights>("GET", `/api/insights?${new URLSearchParams(q as Record<string, string>)}`),
  report: (week?: string) => request<WeeklyReport>("GET", `/api/report${week ? `?week=${week}` : ""}`),
  reportHtmlUrl: (week: string) => `/api/report?week=${week}&format=html`,
  checkins: () => request<CheckinHistory>("GET", "/api/checkins"),
  checkinItems: () => request<CbiItems>("GET", "/api/checkin/items"),
  saveCheckin: (date: string, answers: Record<string, string>) =>
    request<{ checkin: CheckinPoint; replaced: boolean }>("POST", "/api/checkins", { date, answers }),
  expectations: () => request<Expectation[]>("GET", "/api/expectations"),
  addExpectation: (e: Partial<Omit<Expectation, "id">> & { activity: string }) =>
    request<Expectation>("POST", "/api/expectations", e),
  importCalendar: (ics: string) => send<CalendarImport>("POST", "/api/calendar/import", ics, "text/calendar"),
  drafts: () => request<Draft[]>("GET", "/api/drafts"),
  rateDraft: (id: number, rating: Partial<EpisodeInput>) =>
    request<{ draft: Draft; episode: Episode }>("POST", `/api/drafts/${id}/rate`, rating),
  discardDraft: (id: number) => request<void>("DELETE", `/api/drafts/${id}`),
  analyzePosting: (text: string) =>
    request<{ postings: Posting[]; rejections: Rejection[] }>("POST", "/api/postings/analyze", text, "text/plain"),
  addPosting: (text: string) => request<AddResult>("POST", "/api/postings", text, "text/plain"),
  addPostingFromUrl: (url: string) => request<AddResult>("POST", "/api/postings", { url }),
  importPostings: (text: string, q: { name?: string; format?: string; map?: string[] }) =>
    request<ImportReport>("POST", `/api/postings/import${queryString(q)}`, text, "text/plain"),
  postings: (q: PostingFilters = {}) => request<PostingSummary[]>("GET", `/api/postings${queryString(q)}`),
  searchPostings: (q: PostingFilters) => request<PostingHit[]>("GET", `/api/postings/search${queryString(q)}`),
  posting: (id: number) => request<Posting>("GET", `/api/postings/${id}`),
  deletePosting: (id: number) => request<void>("DELETE", `/api/postings/${id}`),
};
