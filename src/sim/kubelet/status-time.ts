/**
 * API timestamps for pod statuses, formatted once per second of time. A status update formats the
 * same few seconds (each container's start, the conditions' transitions) again and again, and
 * every pod updates its status many times.
 */
import { apiTime } from "../cluster/time.ts";

/** Timestamps formatted so far, by the epoch ms of their whole second (bounded; see `statusTime`). */
const formatted = new Map<number, string>();
const MAX_FORMATTED = 4096;

/** `apiTime(startTimeMs, virtualMs)`, remembered by the whole second it names. */
export function statusTime(startTimeMs: number, virtualMs: number): string {
  const key = startTimeMs + Math.floor(virtualMs / 1000) * 1000;
  let text = formatted.get(key);
  if (text === undefined) {
    if (formatted.size >= MAX_FORMATTED) formatted.clear();
    text = apiTime(startTimeMs, virtualMs);
    formatted.set(key, text);
  }
  return text;
}
