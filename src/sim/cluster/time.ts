/** Formats virtual time as the API server does. */

/** RFC 3339 with whole seconds (`metav1.Time`): `2025-01-01T00:00:05Z`. */
export function apiTime(startTimeMs: number, virtualMs: number): string {
  const iso = new Date(startTimeMs + Math.floor(virtualMs / 1000) * 1000).toISOString();
  // Why slice: toISOString always ends in `.sssZ`; dropping it is what a `/\.\d{3}Z$/` replace did, without the regex.
  return `${iso.slice(0, -5)}Z`;
}

/** RFC 3339 with microseconds (`metav1.MicroTime`): `2025-01-01T00:00:05.123000Z`. */
export function apiMicroTime(startTimeMs: number, virtualMs: number): string {
  const whole = Math.floor(virtualMs);
  const micros = Math.round((virtualMs - whole) * 1000);
  const iso = new Date(startTimeMs + whole).toISOString();
  return `${iso.slice(0, 23)}${String(micros).padStart(3, "0")}Z`;
}
