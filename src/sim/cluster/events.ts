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
  /** The distinct messages seen (as keys). */
  messages: FewMap<true>;
  lastMs: number;
}

/**
 * What the recorder keeps for one source and object: client-go keys all three of its caches by
 * these fields first; the rest of each key hangs below.
 */
interface ObjectEvents {
  component: string;
  host: string;
  kind: string;
  namespace: string;
  name: string;
  apiVersion: string;
  /** By reason, then type (a scan of at most two: Normal and Warning). */
  byReason: Map<string, ReasonEvents[]>;
}

/** One object's events of one type and reason. */
interface ReasonEvents {
  type: string;
  /** Spam buckets by message (client-go's spam key has no field path). */
  spam: FewMap<SpamBucket>;
  /** By field path: the similar-event aggregate and the stored events. */
  byField: FewMap<FieldEvents>;
}

/** One object's events of one field path, type and reason (client-go's aggregation key). */
interface FieldEvents {
  similar?: Aggregate;
  /** Stored events by message, or "(combined)". */
  stored: FewMap<Stored>;
}

/**
 * A map from strings that holds its first entry in two fields and starts a `Map` only for a second
 * key. Why: most of an object's events of one reason carry one message and one field path, and a
 * `Map` per cache level per object was most of what the recorder allocated.
 */
export class FewMap<V> {
  private firstKey: string | undefined;
  private firstValue: V | undefined;
  private rest?: Map<string, V>;

  get(key: string): V | undefined {
    if (this.firstKey === key) return this.firstValue;
    return this.rest?.get(key);
  }

  set(key: string, value: V): void {
    if (this.firstKey === undefined || this.firstKey === key) {
      this.firstKey = key;
      this.firstValue = value;
    } else (this.rest ??= new Map()).set(key, value);
  }

  /** How many keys it holds. */
  get size(): number {
    return (this.firstKey === undefined ? 0 : 1) + (this.rest?.size ?? 0);
  }
}

const AGGREGATE_MAX = 10;
const AGGREGATE_WINDOW_MS = 600_000;
const SPAM_BURST = 25;
const SPAM_REFILL_MS = 300_000;

export class EventRecorder {
  /**
   * By the object's uid, then a scan over source and the object's other fields. Why: the caches
   * were keyed by all of them joined in one text, built and hashed per event; a uid names one
   * object (the scan is over its sources, one or two), and it is the pod's own string, whose hash
   * is computed once.
   */
  private readonly byUid = new Map<string, ObjectEvents[]>();
  private readonly ordered: Stored[] = [];
  /** Every occurrence that passed the spam filter, in order. */
  readonly occurrences: EventOccurrence[] = [];
  private seq = 0;

  constructor(
    private readonly startTimeMs: number,
    private readonly nowMs: () => number,
  ) {}

  /** The caches of one source and object. */
  private objectEvents(object: InvolvedObject, component: string, host: string): ObjectEvents {
    let list = this.byUid.get(object.uid);
    if (!list) {
      list = [];
      this.byUid.set(object.uid, list);
    }
    for (const e of list) {
      if (
        e.component === component &&
        e.host === host &&
        e.kind === object.kind &&
        e.namespace === object.namespace &&
        e.name === object.name &&
        e.apiVersion === object.apiVersion
      )
        return e;
    }
    const entry: ObjectEvents = {
      component,
      host,
      kind: object.kind,
      namespace: object.namespace,
      name: object.name,
      apiVersion: object.apiVersion,
      byReason: new Map(),
    };
    list.push(entry);
    return entry;
  }

  /** The caches of one object's events of one type and reason. */
  private reasonEvents(entry: ObjectEvents, type: string, reason: string): ReasonEvents {
    let list = entry.byReason.get(reason);
    if (!list) {
      list = [];
      entry.byReason.set(reason, list);
    }
    for (const r of list) if (r.type === type) return r;
    const r: ReasonEvents = { type, spam: new FewMap(), byField: new FewMap() };
    list.push(r);
    return r;
  }

  /** Records an event now. */
  record(
    object: InvolvedObject,
    type: "Normal" | "Warning",
    reason: string,
    message: string,
    source: { component: string; host?: string },
  ): void {
    const now = this.nowMs();
    const entry = this.objectEvents(object, source.component, source.host ?? "");
    const byReason = this.reasonEvents(entry, type, reason);
    if (!allow(byReason.spam, message, now)) return;

    // Similar-event aggregation (EventAggregator): key without the message.
    const fieldPath = object.fieldPath ?? "";
    let field = byReason.byField.get(fieldPath);
    if (!field) {
      field = { stored: new FewMap() };
      byReason.byField.set(fieldPath, field);
    }
    let agg = field.similar;
    if (!agg || now - agg.lastMs > AGGREGATE_WINDOW_MS) {
      agg = { messages: new FewMap(), lastMs: now };
      field.similar = agg;
    }
    agg.messages.set(message, true);
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

    const stored = field.stored;
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

  /** Aggregated events in the order first recorded, optionally for one namespace. */
  list(namespace?: string): ApiEvent[] {
    return this.ordered
      .filter((s) => !namespace || s.event.metadata.namespace === namespace)
      .map((s) => s.event);
  }
}

/** Token bucket per identical event (client-go's spam filter). */
function allow(buckets: FewMap<SpamBucket>, message: string, now: number): boolean {
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
