/**
 * `podlife traffic [-o json]`: totals so far of the traffic the Scenario sends to Services.
 * Services and traffic generators come with the workloads engine; until then every configured
 * generator reports zero requests.
 */
import type { Simulation } from "../sim/simulation.ts";

/** Runs a `podlife traffic` script line. */
export function trafficReport(
  sim: Simulation,
  line: string,
): { exitCode: number; stdout: string; stderr: string } {
  const json = /(^|\s)-o\s*json\b|--output[= ]json/.test(line);
  const services = sim.scenario.settings.traffic.map((t) => ({
    name: t.service,
    sent: 0,
    succeeded: 0,
    failed: 0,
  }));
  if (json) return { exitCode: 0, stdout: `${JSON.stringify({ services })}\n`, stderr: "" };
  const rows = [
    ["SERVICE", "SENT", "SUCCEEDED", "FAILED"],
    ...services.map((s) => [s.name, String(s.sent), String(s.succeeded), String(s.failed)]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const text = rows
    .map((r) => r.map((c, i) => (i < r.length - 1 ? c.padEnd(widths[i]! + 3) : c)).join(""))
    .join("\n");
  return { exitCode: 0, stdout: `${text}\n`, stderr: "" };
}
