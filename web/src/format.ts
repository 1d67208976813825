// Display helpers: durations, dates and times in the user's own words.
export function duration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (!h) return `${m}m`;
  return m ? `${h}h ${m}m` : `${h}h`;
}

// "2026-03-13" as a local calendar date (no time-zone shift).
export function parseDay(day: string): Date {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(y, m - 1, d);
}

export function longDay(day: string): string {
  return parseDay(day).toLocaleDateString(undefined, {
    weekday: "long",
    day: "numeric",
    month: "long",
  });
}

export function shortDay(day: string): string {
  return parseDay(day).toLocaleDateString(undefined, { weekday: "short", day: "numeric", month: "short" });
}

export function clock(instant: string): string {
  return new Date(instant).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
}

export function addDays(day: string, n: number): string {
  const d = parseDay(day);
  d.setDate(d.getDate() + n);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}
