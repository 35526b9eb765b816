/**
 * Layout of a Service's traffic lane: requests per second as bars (ok in green from the baseline,
 * failed in red on top), and under them a row of marks, one per failed request, each selectable
 * to see the pod it reached and why it failed. Pure: positions only, drawn by `workload-scene.ts`.
 */
import type { FailedRequestMark, ServiceTrack } from "../sim/timeline/types.ts";
import type { TimeRange } from "./deployment-section.ts";
import { WORKLOAD_COLOR } from "./palette.ts";
import { formatVirtualTime } from "./time-format.ts";
import { workloadItemId } from "./workload-items.ts";

/** Requests sent in one second (or, zoomed out, a few seconds drawn as one bar). */
export interface LaidOutTrafficBar {
  key: string;
  id: string;
  x: number;
  width: number;
  baseY: number;
  okHeight: number;
  failedHeight: number;
  ok: number;
  failed: number;
  title: string;
}

/** A failed request (or several on the same pixels, drawn as one). */
export interface LaidOutFailure {
  key: string;
  id: string;
  count: number;
  /** Time of the (first) failed request. */
  atMs: number;
  x: number;
  y: number;
  height: number;
  outcome: FailedRequestMark["outcome"];
  color: string;
  title: string;
}

/** A Service's traffic lane. */
export interface LaidOutTraffic {
  key: string;
  /** `traffic-<service>`. */
  testId: string;
  header: string;
  /** Sent, failed and the share failed, for the header. */
  summary: string;
  failed: number;
  y: number;
  height: number;
  bars: { y: number; height: number; maxRps: number; items: LaidOutTrafficBar[] };
  failures: { y: number; height: number; items: LaidOutFailure[] };
}

/** Row sizes of the lane. */
export const TRAFFIC_SIZES = { headerHeight: 22, barsHeight: 40, failuresHeight: 14, gap: 4 };

/** Lays out the traffic of service `svc` (index `si`) from `top`; returns it and the y below it. */
export function layoutTraffic(
  svc: ServiceTrack,
  si: number,
  top: number,
  r: TimeRange,
): { lane: LaidOutTraffic; bottom: number } {
  const s = TRAFFIC_SIZES;
  const barsY = top + s.headerHeight;
  const failuresY = barsY + s.barsHeight + s.gap;
  const seconds = Math.max(svc.okPerSecond.length, svc.failedPerSecond.length);
  const maxRps = Math.max(
    1,
    ...Array.from({ length: seconds }, (_, i) => (svc.okPerSecond[i] ?? 0) + (svc.failedPerSecond[i] ?? 0)),
  );
  const unit = (s.barsHeight - 2) / maxRps;
  const baseY = barsY + s.barsHeight;
  // Zoomed out, a bar covers several seconds (at least 2 px each): ok is their mean, failed their
  // highest, so a burst of failures stays visible.
  const pxPerSecond = r.x(1000) - r.x(0) || 1;
  const perBar = Math.max(1, Math.ceil(2 / pxPerSecond));
  const items: LaidOutTrafficBar[] = [];
  const first = Math.max(0, Math.floor(r.startMs / 1000 / perBar) * perBar);
  for (let sec = first; sec < seconds && sec * 1000 <= r.endMs; sec += perBar) {
    const last = Math.min(seconds, sec + perBar);
    let ok = 0;
    let failed = 0;
    for (let i = sec; i < last; i++) {
      ok += svc.okPerSecond[i] ?? 0;
      failed = Math.max(failed, svc.failedPerSecond[i] ?? 0);
    }
    ok = Math.round(ok / (last - sec));
    if (ok + failed === 0) continue;
    const a = Math.max(sec * 1000, r.startMs);
    const b = Math.min(last * 1000, r.endMs);
    if (b <= a) continue;
    const x0 = round(r.x(a));
    const x1 = round(r.x(b));
    const gap = x1 - x0 > 4 ? 1 : 0;
    const when =
      last - sec === 1
        ? `${formatVirtualTime(sec * 1000)} → ${formatVirtualTime(last * 1000)}`
        : `${formatVirtualTime(sec * 1000)} → ${formatVirtualTime(last * 1000)} (${last - sec} s: mean ok, most failed in one second)`;
    items.push({
      key: `${sec}`,
      id: workloadItemId.second(si, sec),
      x: x0,
      width: Math.max(0.5, x1 - x0 - gap),
      baseY,
      okHeight: round(ok * unit),
      failedHeight: round(failed * unit),
      ok,
      failed,
      title: `${svc.name}: ${ok} ok, ${failed} failed requests per second\n${when}`,
    });
  }
  const failures: LaidOutFailure[] = [];
  svc.failures.forEach((f, i) => {
    if (f.atMs < r.startMs || f.atMs > r.endMs) return;
    const x = round(r.x(f.atMs));
    const prev = failures[failures.length - 1];
    // Failures closer than 6 px (the width of a mark) are one mark: a second of refused requests is
    // dozens of them.
    if (prev && x - prev.x < 6) {
      prev.count++;
      const head = svc.failures[Number(prev.key)]!;
      prev.title = `${prev.count} failed requests, ${formatVirtualTime(prev.atMs)} → ${formatVirtualTime(f.atMs)}\nThe first: ${head.outcome}: ${head.detail}${head.pod ? ` (pod ${head.pod})` : ""}\n${head.why}`;
      return;
    }
    failures.push({
      key: `${i}`,
      id: workloadItemId.failure(si, i),
      count: 1,
      atMs: f.atMs,
      x,
      y: failuresY,
      height: s.failuresHeight,
      outcome: f.outcome,
      color: WORKLOAD_COLOR.failed,
      title: `${f.outcome}: ${f.detail}${f.pod ? ` (pod ${f.pod})` : ""} at ${formatVirtualTime(f.atMs)}\n${f.why}`,
    });
  });
  const dropped = svc.droppedFailures ? ` (${svc.droppedFailures} more not listed)` : "";
  const share = svc.sent ? ` (${formatShare(svc.failed / svc.sent)})` : "";
  const lane: LaidOutTraffic = {
    key: `traffic:${svc.namespace}/${svc.name}`,
    testId: `traffic-${svc.name}`,
    header: `service/${svc.name} traffic`,
    summary: `${svc.sent} sent, ${svc.failed} failed${share}${dropped}`,
    failed: svc.failed,
    y: top,
    height: failuresY + s.failuresHeight - top,
    bars: { y: barsY, height: s.barsHeight, maxRps, items },
    failures: { y: failuresY, height: s.failuresHeight, items: failures },
  };
  return { lane, bottom: failuresY + s.failuresHeight };
}

function formatShare(f: number): string {
  if (f === 0) return "0%";
  if (f < 0.001) return "<0.1%";
  return `${Number((f * 100).toFixed(1))}%`;
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
