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

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (method !== "GET") headers["X-CSRF-Token"] = (await getSession()).csrf_token;
  let payload: string | undefined;
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
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
};
