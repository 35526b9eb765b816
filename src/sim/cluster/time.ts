/** Formats virtual time as the API server does. */

/**
 * The last `apiTime` answer and what it was for. Why a module-level memo: the answer is a pure
 * function of the epoch ms it formats, which is the whole key, so it cannot go stale and may be
 * shared by simulations; the control plane formats the same second many times in a row.
 */
let formattedMs = Number.NaN;
let formatted = "";

/** RFC 3339 with whole seconds (`metav1.Time`): `2025-01-01T00:00:05Z`. */
export function apiTime(startTimeMs: number, virtualMs: number): string {
  const ms = startTimeMs + Math.floor(virtualMs / 1000) * 1000;
  if (ms !== formattedMs) {
    // Why slice: toISOString always ends in `.sssZ`; dropping it is what a `/\.\d{3}Z$/` replace did, without the regex.
    formatted = `${new Date(ms).toISOString().slice(0, -5)}Z`;
    formattedMs = ms;
  }
  return formatted;
}

/** The second `apiMicroTime` last formatted (epoch ms) and its text up to the fraction's dot. */
let microSecondMs = Number.NaN;
let microPrefix = "";

/** RFC 3339 with microseconds (`metav1.MicroTime`): `2025-01-01T00:00:05.123000Z`. */
export function apiMicroTime(startTimeMs: number, virtualMs: number): string {
  const whole = Math.floor(virtualMs);
  const micros = Math.round((virtualMs - whole) * 1000);
  const ms = startTimeMs + whole;
  const second = Math.floor(ms / 1000) * 1000;
  // Why: the text up to the dot depends only on the second (remembered as `apiTime` remembers its
  // answer); the milliseconds are what toISOString would print after it.
  if (second !== microSecondMs) {
    microPrefix = new Date(second).toISOString().slice(0, -4);
    microSecondMs = second;
  }
  const fraction = String(micros).padStart(3, "0");
  // Outside years 0000–9999 the ISO text is longer, and its first 23 characters end before the milliseconds.
  if (microPrefix.length !== 20) return `${new Date(ms).toISOString().slice(0, 23)}${fraction}Z`;
  return `${microPrefix}${String(ms - second).padStart(3, "0")}${fraction}Z`;
}
