// The fit part of the API (src/server/routes_fit.cpp): values, constraints, a posting's fit
// with its explanation, the ranking, appeal ratings and idea flags. Same JSON as the CLI's --json.
import { request, type Span } from "../api";

export const VALUE_NAMES = [
  "learning",
  "autonomy",
  "pay",
  "stability",
  "time_and_health",
  "people",
  "meaning",
  "status",
] as const;
export type ValueName = (typeof VALUE_NAMES)[number];

export type Values = Record<ValueName, number> & { target_pay: number | null };

export type PayPeriod = "hour" | "day" | "week" | "month" | "year";

export interface Constraints {
  min_pay: { amount: number; currency: string; period: PayPeriod; annual?: number } | null;
  work_modes: string[];
  locations: string[];
  employment_types: string[];
  max_travel: number | null;
  on_call: boolean;
}

export interface Contribution {
  kind: "activity" | "value";
  name: string;
  points: number;
  text: string;
  evidence: Span[];
}

export interface Fit {
  posting_id: number;
  title: string;
  company: string;
  score: number;
  interval: { low: number; high: number };
  enough_evidence: boolean;
  coverage: number;
  expected_net_affect: number | null;
  expected_energy: number | null;
  basis: string;
  eligible: boolean;
  violations: { constraint: string; reason: string }[];
  notes: string[];
  contributions: Contribution[];
  top_reason: string;
}

// One row of a ranking: the fit's headline, and its place.
export type RankRow = Pick<Fit, "posting_id" | "title" | "company" | "score" | "interval" | "enough_evidence" | "top_reason"> & {
  rank: number;
};

export interface IdeaFlag {
  posting_id: number;
  title: string;
  appeal: number;
  score: number;
  appeal_rank: number;
  fit_rank: number;
  draining_activities: string[];
  text: string;
}

export interface Ranking {
  total: number;
  eligible: number;
  excluded: number;
  basis: string;
  ranked: RankRow[];
  excluded_postings: Fit[];
  idea_flags: IdeaFlag[];
}

export interface AppealReport {
  ratings: { posting_id: number; title: string; appeal: number; fit: Fit }[];
  idea_flags: IdeaFlag[];
}

function query(q: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== "") params.set(k, String(v));
  const text = params.toString();
  return text ? `?${text}` : "";
}

export const fitApi = {
  values: () => request<Values>("GET", "/api/values"),
  saveValues: (v: Partial<Values>) => request<Values>("PUT", "/api/values", v),
  constraints: () => request<Constraints>("GET", "/api/constraints"),
  saveConstraints: (c: Partial<Constraints>) => request<Constraints>("PUT", "/api/constraints", c),
  fit: (id: number) => request<Fit>("GET", `/api/postings/${id}/fit`),
  fitText: (text: string) => request<Fit>("POST", "/api/fit", text, "text/plain"),
  rank: (q: { query?: string; limit?: number; excluded?: number }) => request<Ranking>("GET", `/api/rank${query(q)}`),
  appeal: () => request<AppealReport>("GET", "/api/appeal"),
  setAppeal: (id: number, appeal: number) =>
    request<{ posting_id: number; appeal: number; date: string }>("PUT", `/api/postings/${id}/appeal`, { appeal }),
  clearAppeal: (id: number) => request<void>("DELETE", `/api/postings/${id}/appeal`),
};

// Whether the person has told jobfit anything a ranking can rest on: values or constraints.
export function hasValues(v: Values): boolean {
  return VALUE_NAMES.some((n) => v[n] > 0);
}

export function hasConstraints(c: Constraints): boolean {
  return (
    c.min_pay !== null ||
    c.work_modes.length > 0 ||
    c.locations.length > 0 ||
    c.employment_types.length > 0 ||
    c.max_travel !== null ||
    !c.on_call
  );
}
