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

/** The spam filter's token bucket for one identical event. */
interface SpamBucket {
  tokens: number;
  atMs: number;
}

/** Similar events (same object, field path, type and reason) seen within the aggregation window. */
interface Aggregate {
  messages: Set<string>;
  lastMs: number;
}

/**
 * What the recorder keeps for one source and object (client-go keys all three of its caches by
 * these fields first; the rest of each key hangs below, so a message is hashed once per event
 * rather than once in each of three long keys).
 */
interface ObjectEvents {
  /** Spam buckets by `type\0reason`, then message. */
  spam: Map<string, Map<string, SpamBucket>>;
  /** By `fieldPath\0type\0reason` (the aggregation key without its object part). */
  similar: Map<string, Aggregate>;
  /** Stored events by `fieldPath\0type\0reason`, then message (or "(combined)"). */
  stored: Map<string, Map<string, Stored>>;
}

const AGGREGATE_MAX = 10;
const AGGREGATE_WINDOW_MS = 600_000;
const SPAM_BURST = 25;
const SPAM_REFILL_MS = 300_000;

export class EventRecorder {
  /**
   * By source and object: `component\0host\0kind\0namespace\0name\0uid\0apiVersion`. Why nested:
   * the three caches were keyed by that text joined with the rest of each key, which cost three
   * long strings built and hashed per event; the nesting keeps the keys' meaning (equal keys find
   * the same entry) with one short object key per event.
   */
  private readonly byObject = new Map<string, ObjectEvents>();
  private readonly ordered: Stored[] = [];
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
    const objKey = `${source.component}\u0000${source.host ?? ""}\u0000${object.kind}\u0000${object.namespace}\u0000${object.name}\u0000${object.uid}\u0000${object.apiVersion}`;
    let entry = this.byObject.get(objKey);
    if (!entry) {
      entry = { spam: new Map(), similar: new Map(), stored: new Map() };
      this.byObject.set(objKey, entry);
    }
    if (!this.allow(entry, `${type}\u0000${reason}`, message, now)) return;

    // Similar-event aggregation (EventAggregator): key without the message.
    const aggKey = `${object.fieldPath ?? ""}\u0000${type}\u0000${reason}`;
    let agg = entry.similar.get(aggKey);
    if (!agg || now - agg.lastMs > AGGREGATE_WINDOW_MS) {
      agg = { messages: new Set(), lastMs: now };
      entry.similar.set(aggKey, agg);
    }
    agg.messages.add(message);
    agg.lastMs = now;
    let shownMessage = message;
    let dedupKey = message;
    if (agg.messages.size > AGGREGATE_MAX) {
      shownMessage = `(combined from similar events): ${message}`;
      dedupKey = "(combined)";
    }

    const occurrence: EventOccurrence = {
      atMs: now,
      type,
      reason,
      message: shownMessage,
      object,
      source: source.component,
    };
    if (source.host) occurrence.host = source.host;
    this.occurrences.push(occurrence);

    let stored = entry.stored.get(aggKey);
    if (!stored) {
      stored = new Map();
      entry.stored.set(aggKey, stored);
    }
    const existing = stored.get(dedupKey);
    if (existing) {
      existing.event.count += 1;
      existing.event.message = shownMessage;
      existing.lastMs = now;
      existing.event.lastTimestamp = apiTime(this.startTimeMs, now);
      return;
    }
    const involvedObject: ApiEvent["involvedObject"] = {
      kind: object.kind,
      namespace: object.namespace,
      name: object.name,
      uid: object.uid,
      apiVersion: object.apiVersion,
    };
    if (object.fieldPath) involvedObject.fieldPath = object.fieldPath;
    const eventSource: ApiEvent["source"] = { component: source.component };
    if (source.host) eventSource.host = source.host;
    const time = apiTime(this.startTimeMs, now);
    const event: ApiEvent = {
      apiVersion: "v1",
      kind: "Event",
      metadata: {
        // client-go's name suffix: the nanosecond timestamp plus a sequence number, in hex.
        name: `${object.name}.${(BigInt(this.startTimeMs + Math.floor(now)) * 1_000_000n + BigInt(this.seq++)).toString(16)}`,
        namespace: object.namespace,
        creationTimestamp: time,
      },
      involvedObject,
      reason,
      message: shownMessage,
      source: eventSource,
      firstTimestamp: time,
      lastTimestamp: time,
      count: 1,
      type,
      eventTime: apiMicroTime(this.startTimeMs, now),
      reportingComponent: source.component,
      reportingInstance: source.host ?? "",
    };
    const created = { event, firstMs: now, lastMs: now };
    stored.set(dedupKey, created);
    this.ordered.push(created);
  }

  /** Token bucket per identical event (client-go's spam filter). */
  private allow(entry: ObjectEvents, typeReason: string, message: string, now: number): boolean {
    let buckets = entry.spam.get(typeReason);
    if (!buckets) {
      buckets = new Map();
      entry.spam.set(typeReason, buckets);
    }
    let b = buckets.get(message);
    if (!b) {
      b = { tokens: SPAM_BURST, atMs: now };
      buckets.set(message, b);
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
