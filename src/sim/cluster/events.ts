/**
 * The event recorder, as client-go's `tools/record` does it (REC): identical events (same source,
 * object, field path, type, reason and message) are merged into one Event with a count and a last
 * timestamp; more than 10 events with the same reason but different messages within 10 minutes are
 * combined ("(combined from similar events): …"); a token-bucket spam filter (burst 25, one token
 * per 5 minutes) drops repeats of one identical event beyond that.
 */
import type { ApiEvent } from "../kubectl/api.ts";
import { apiMicroTime, apiTime } from "./time.ts";

/** The object an event is about. */
export interface InvolvedObject {
  kind: string;
  name: string;
  namespace: string;
  uid: string;
  apiVersion: string;
  fieldPath?: string;
}

/** One occurrence as it happened (before aggregation), for the timeline views. */
export interface EventOccurrence {
  atMs: number;
  type: "Normal" | "Warning";
  reason: string;
  message: string;
  object: InvolvedObject;
  source: string;
  host?: string;
}

interface Stored {
  event: ApiEvent;
  firstMs: number;
  lastMs: number;
}

const AGGREGATE_MAX = 10;
const AGGREGATE_WINDOW_MS = 600_000;
const SPAM_BURST = 25;
const SPAM_REFILL_MS = 300_000;

export class EventRecorder {
  private readonly byKey = new Map<string, Stored>();
  private readonly ordered: Stored[] = [];
  private readonly similar = new Map<string, { messages: Set<string>; lastMs: number }>();
  private readonly spam = new Map<string, { tokens: number; atMs: number }>();
  /** Every occurrence that passed the spam filter, in order. */
  readonly occurrences: EventOccurrence[] = [];
  private seq = 0;

  constructor(
    private readonly startTimeMs: number,
    private readonly nowMs: () => number,
  ) {}

  /** Records an event now. */
  record(
    object: InvolvedObject,
    type: "Normal" | "Warning",
    reason: string,
    message: string,
    source: { component: string; host?: string },
  ): void {
    const now = this.nowMs();
    const objKey = [
      source.component,
      source.host ?? "",
      object.kind,
      object.namespace,
      object.name,
      object.uid,
      object.apiVersion,
    ].join("\u0000");
    if (!this.allow(`${objKey}\u0000${type}\u0000${reason}\u0000${message}`, now)) return;

    // Similar-event aggregation (EventAggregator): key without the message.
    const aggKey = `${objKey}\u0000${object.fieldPath ?? ""}\u0000${type}\u0000${reason}`;
    let agg = this.similar.get(aggKey);
    if (!agg || now - agg.lastMs > AGGREGATE_WINDOW_MS) {
      agg = { messages: new Set(), lastMs: now };
      this.similar.set(aggKey, agg);
    }
    agg.messages.add(message);
    agg.lastMs = now;
    let shownMessage = message;
    let dedupKey = `${aggKey}\u0000${message}`;
    if (agg.messages.size > AGGREGATE_MAX) {
      shownMessage = `(combined from similar events): ${message}`;
      dedupKey = `${aggKey}\u0000(combined)`;
    }

    this.occurrences.push({
      atMs: now,
      type,
      reason,
      message: shownMessage,
      object,
      source: source.component,
      ...(source.host ? { host: source.host } : {}),
    });

    const existing = this.byKey.get(dedupKey);
    if (existing) {
      existing.event.count += 1;
      existing.event.message = shownMessage;
      existing.lastMs = now;
      existing.event.lastTimestamp = apiTime(this.startTimeMs, now);
      return;
    }
    const nameSuffix = (
      BigInt(this.startTimeMs + Math.floor(now)) * 1_000_000n +
      BigInt(this.seq++)
    ).toString(16);
    const event: ApiEvent = {
      apiVersion: "v1",
      kind: "Event",
      metadata: {
        name: `${object.name}.${nameSuffix}`,
        namespace: object.namespace,
        creationTimestamp: apiTime(this.startTimeMs, now),
      },
      involvedObject: {
        kind: object.kind,
        namespace: object.namespace,
        name: object.name,
        uid: object.uid,
        apiVersion: object.apiVersion,
        ...(object.fieldPath ? { fieldPath: object.fieldPath } : {}),
      },
      reason,
      message: shownMessage,
      source: { component: source.component, ...(source.host ? { host: source.host } : {}) },
      firstTimestamp: apiTime(this.startTimeMs, now),
      lastTimestamp: apiTime(this.startTimeMs, now),
      count: 1,
      type,
      eventTime: apiMicroTime(this.startTimeMs, now),
      reportingComponent: source.component,
      reportingInstance: source.host ?? "",
    };
    const stored = { event, firstMs: now, lastMs: now };
    this.byKey.set(dedupKey, stored);
    this.ordered.push(stored);
  }

  /** Token bucket per identical event (client-go's spam filter). */
  private allow(key: string, now: number): boolean {
    let b = this.spam.get(key);
    if (!b) {
      b = { tokens: SPAM_BURST, atMs: now };
      this.spam.set(key, b);
    }
    b.tokens = Math.min(SPAM_BURST, b.tokens + (now - b.atMs) / SPAM_REFILL_MS);
    b.atMs = now;
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  /** Aggregated events in the order first recorded, optionally for one namespace. */
  list(namespace?: string): ApiEvent[] {
    return this.ordered
      .filter((s) => !namespace || s.event.metadata.namespace === namespace)
      .map((s) => s.event);
  }
}
