// The job search part of the API (src/server/routes_applications.cpp): applications, their
// events, reminders, contacts, the inbox and statistics. Same JSON as the CLI's --json.
import { request } from "../api";

export const STAGES = [
  "saved",
  "applied",
  "screening",
  "interviewing",
  "offer",
  "accepted",
  "rejected",
  "withdrawn",
  "closed",
] as const;
export type Stage = (typeof STAGES)[number];

export const CHANNELS = ["referral", "recruiter", "network", "cold", "job-board", "other"] as const;
export type Channel = (typeof CHANNELS)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  saved: "Saved",
  applied: "Applied",
  screening: "Screening",
  interviewing: "Interviewing",
  offer: "Offer",
  accepted: "Accepted",
  rejected: "Rejected",
  withdrawn: "Withdrawn",
  closed: "Closed (no response)",
};

export interface AppEvent {
  date: string;
  kind: "stage" | "note" | "reply" | "followup";
  stage: Stage | null;
  text: string | null;
}

export interface AppStatus {
  stage: Stage;
  applied: string | null;
  first_response: string | null;
  last_event: string;
  silent: boolean;
  silent_since: string | null;
  days_since_last_event: number | null;
}

export interface Reminder {
  id: number;
  application_id: number;
  kind: "followup" | "interview";
  due: string;
  at: string | null;
  minutes: number;
  text: string | null;
  done: string | null;
  created: string;
}

export interface Interaction {
  date: string;
  text: string;
  application_id: number | null;
}

export interface Contact {
  id: number;
  name: string;
  company: string | null;
  role: string | null;
  how: string | null;
  email: string | null;
  phone: string | null;
  links: string[];
  notes: string | null;
  last_contacted: string | null;
  interactions: Interaction[];
  applications?: number[];
  referrals?: number[];
  referrer?: boolean;
}

export interface Application {
  id: number;
  company: string;
  title: string;
  posting_id: number | null;
  url: string | null;
  channel: Channel;
  resume: string | null;
  salary: string | null;
  learned: string | null;
  contacts: { contact_id: number; referrer: boolean }[];
  events: AppEvent[];
  status: AppStatus;
}

export interface ApplicationDetail extends Application {
  reminders: Reminder[];
  linked_contacts: Contact[];
  earlier_unanswered?: Application[];
}

export interface ApplicationInput {
  company?: string;
  title?: string;
  channel?: Channel;
  url?: string | null;
  resume?: string | null;
  salary?: string | null;
  learned?: string | null;
  referrer_id?: number | null;
  link?: number[];
  unlink?: number[];
  stage?: "saved" | "applied";
  date?: string;
  note?: string;
  force?: boolean;
}

export interface InboxItem {
  kind: "interview" | "followup" | "silent";
  application_id: number;
  company: string;
  title: string;
  stage: Stage;
  reminder: Reminder | null;
  silent_since: string | null;
  days_since_last_event: number | null;
  suggestion: string;
  command: string;
}

export interface Inbox {
  today: string;
  items: InboxItem[];
}

export interface Curve {
  applications: number;
  responses: number;
  censored: number;
  median_days: number | null;
  p25_days: number | null;
  p75_days: number | null;
  curve: { days: number; at_risk: number; responses: number; censored: number; survival: number }[];
}

export interface SearchStats {
  as_of: string;
  from: string | null;
  to: string | null;
  applications: number;
  sent: number;
  funnel: { stage: Stage; reached: number; conversion: number | null }[];
  outcomes: { open: number; accepted: number; rejected: number; withdrawn: number; closed: number };
  by_channel: {
    channel: Channel;
    applications: number;
    responses: number;
    interviews: number;
    offers: number;
    response_rate: number | null;
    interview_rate: number | null;
    offer_rate: number | null;
    median_days: number | null;
    p25_days: number | null;
    p75_days: number | null;
  }[];
  time_to_response: Curve;
  weekly: { week: string; applications: number; responses: number }[];
  by_company: { company: string; applications: number; responses: number; median_days: number | null }[];
}

export type ContactInput = Partial<Omit<Contact, "id" | "last_contacted" | "interactions">>;

const app = (id: number) => `/api/applications/${id}`;

export const search = {
  applications: () => request<Application[]>("GET", "/api/applications"),
  application: (id: number) => request<ApplicationDetail>("GET", app(id)),
  addApplication: (a: ApplicationInput) => request<ApplicationDetail>("POST", "/api/applications", a),
  editApplication: (id: number, a: ApplicationInput) => request<ApplicationDetail>("PUT", app(id), a),
  deleteApplication: (id: number) => request<void>("DELETE", app(id)),
  move: (id: number, stage: Stage, extra: { date?: string; note?: string; force?: boolean } = {}) =>
    request<ApplicationDetail>("POST", `${app(id)}/moves`, { stage, ...extra }),
  note: (id: number, text: string, kind: "note" | "reply" | "followup", date?: string) =>
    request<ApplicationDetail>("POST", `${app(id)}/notes`, { text, kind, ...(date ? { date } : {}) }),
  close: (id: number, reason: "silent" | "rejected" | "withdrawn", learned?: string) =>
    request<ApplicationDetail>("POST", `${app(id)}/close`, { reason, ...(learned ? { learned } : {}) }),
  feedback: (id: number) =>
    request<{ application_id: number; subject: string; body: string }>("GET", `${app(id)}/feedback`),
  inbox: () => request<Inbox>("GET", "/api/inbox"),
  reminders: (all = false) => request<Reminder[]>("GET", `/api/reminders${all ? "?all=true" : ""}`),
  addReminder: (r: { application_id: number; due: string; at?: string; interview?: boolean; text?: string }) =>
    request<Reminder>("POST", "/api/reminders", r),
  reminderDone: (id: number) => request<Reminder>("PATCH", `/api/reminders/${id}`, { done: true }),
  deleteReminder: (id: number) => request<void>("DELETE", `/api/reminders/${id}`),
  contacts: () => request<Contact[]>("GET", "/api/contacts"),
  addContact: (c: ContactInput) => request<Contact>("POST", "/api/contacts", c),
  editContact: (id: number, c: ContactInput) => request<Contact>("PUT", `/api/contacts/${id}`, c),
  deleteContact: (id: number) => request<void>("DELETE", `/api/contacts/${id}`),
  logInteraction: (id: number, i: { text: string; date?: string; application_id?: number }) =>
    request<Contact>("POST", `/api/contacts/${id}/log`, i),
  stats: (from?: string, to?: string) => {
    const q = new URLSearchParams();
    if (from) q.set("from", from);
    if (to) q.set("to", to);
    const s = q.toString();
    return request<SearchStats>("GET", `/api/stats${s ? `?${s}` : ""}`);
  },
};

// An error from the API as a sentence for the page.
export function problem(e: unknown): string {
  const err = e as { message?: string; field?: string | null };
  return `${err.message ?? String(e)}${err.field ? ` (${err.field})` : ""}`;
}
