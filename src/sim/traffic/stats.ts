/**
 * What the traffic sent to a Service came to: totals by outcome, counts per second for the traffic
 * lane, and the failed requests themselves (the pod they reached and why they failed), capped so a
 * long broken run does not grow without bound.
 */
import type { FailedRequestMark, RequestOutcome } from "../timeline/types.ts";

/** How a request ended. */
export type { RequestOutcome } from "../timeline/types.ts";

/** A request that did not succeed (the timeline's shape). */
export type FailedRequest = FailedRequestMark;

/** At most this many failed requests are kept per Service (counts stay exact). */
export const MAX_KEPT_FAILURES = 2000;

/** Totals and per-second counts for one Service's traffic. */
export class ServiceTraffic {
  sent = 0;
  succeeded = 0;
  failed = 0;
  readonly byOutcome: Record<Exclude<RequestOutcome, "ok">, number> = {
    refused: 0,
    reset: 0,
    "no endpoints": 0,
    error: 0,
  };
  /** Requests by the second they were sent in: succeeded and failed. */
  readonly okPerSecond: number[] = [];
  readonly failedPerSecond: number[] = [];
  readonly failures: FailedRequest[] = [];
  /** Failed requests not kept in `failures` (beyond the cap). */
  droppedFailures = 0;
  /** Requests served per pod name. */
  readonly servedBy = new Map<string, number>();

  constructor(
    readonly namespace: string,
    readonly name: string,
  ) {}

  /** Counts a request as sent. */
  send(): void {
    this.sent++;
  }

  /** Counts a request that got its answer. */
  succeed(atMs: number, pod: string | undefined): void {
    this.succeeded++;
    bump(this.okPerSecond, Math.floor(atMs / 1000));
    if (pod) this.servedBy.set(pod, (this.servedBy.get(pod) ?? 0) + 1);
  }

  /** Counts a failed request. */
  fail(f: FailedRequest): void {
    this.failed++;
    this.byOutcome[f.outcome]++;
    bump(this.failedPerSecond, Math.floor(f.atMs / 1000));
    if (this.failures.length < MAX_KEPT_FAILURES) this.failures.push(f);
    else this.droppedFailures++;
  }
}

function bump(list: number[], i: number): void {
  while (list.length <= i) list.push(0);
  list[i] = (list[i] ?? 0) + 1;
}
