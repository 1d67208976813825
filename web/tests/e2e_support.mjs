// Helpers the browser checks share: the JSON API with the session's CSRF token, and dates
// relative to the server's today.

// api("POST", "/api/...", body) -> the parsed answer; throws with the status and body otherwise.
export function apiClient(base, session) {
  const headers = { "Content-Type": "application/json", "X-CSRF-Token": session.csrf_token };
  return async (method, url, body) => {
    const r = await fetch(`${base}${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${url}: ${r.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
}

// dayOf(-1) -> yesterday's date (YYYY-MM-DD) as the server counts days.
export function daysFrom(today) {
  return (n) => {
    const d = new Date(`${today}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
  };
}
