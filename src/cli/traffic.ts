/**
 * `podlife traffic [-o json]`: the totals so far of the traffic the Scenario sends to Services —
 * sent, succeeded and failed, with the failures by cause (refused, reset, no endpoints, HTTP
 * errors). Requests still in flight count as sent only.
 */
import type { Simulation } from "../sim/simulation.ts";

/** One Service's totals as `podlife traffic -o json` prints them. */
export interface TrafficTotals {
  name: string;
  namespace: string;
  sent: number;
  succeeded: number;
  failed: number;
  inFlight: number;
  refused: number;
  reset: number;
  noEndpoints: number;
  errors: number;
}

/** The totals of every Service the Scenario sends traffic to. */
export function trafficTotals(sim: Simulation): TrafficTotals[] {
  return sim.cluster.traffic.map((t) => ({
    name: t.name,
    namespace: t.namespace,
    sent: t.sent,
    succeeded: t.succeeded,
    failed: t.failed,
    inFlight: t.sent - t.succeeded - t.failed,
    refused: t.byOutcome.refused,
    reset: t.byOutcome.reset,
    noEndpoints: t.byOutcome["no endpoints"],
    errors: t.byOutcome.error,
  }));
}

/** Runs a `podlife traffic` script line. */
export function trafficReport(
  sim: Simulation,
  line: string,
): { exitCode: number; stdout: string; stderr: string } {
  const json = /(^|\s)-o\s*json\b|--output[= ]json/.test(line);
  const services = trafficTotals(sim);
  if (json) return { exitCode: 0, stdout: `${JSON.stringify({ services })}\n`, stderr: "" };
  if (services.length === 0)
    return { exitCode: 0, stdout: "", stderr: "No traffic: the Scenario document has no spec.traffic.\n" };
  const rows = [
    ["SERVICE", "SENT", "SUCCEEDED", "FAILED", "REFUSED", "RESET", "NO-ENDPOINTS", "ERRORS"],
    ...services.map((s) =>
      [s.name, s.sent, s.succeeded, s.failed, s.refused, s.reset, s.noEndpoints, s.errors].map(String),
    ),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const text = rows
    .map((r) => r.map((c, i) => (i < r.length - 1 ? c.padEnd(widths[i]! + 3) : c)).join(""))
    .join("\n");
  return { exitCode: 0, stdout: `${text}\n`, stderr: "" };
}
