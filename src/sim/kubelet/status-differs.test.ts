import { describe, expect, it } from "vitest";
import { sameJson } from "../same-json.ts";
import { statusSurelyDiffers } from "./status.ts";

const running = {
  conditions: [
    { lastProbeTime: null, lastTransitionTime: "2025-01-01T00:00:01Z", status: "True", type: "Ready" },
  ],
  containerStatuses: [
    { containerID: "containerd://a", name: "web", ready: true, restartCount: 0, started: true, state: {} },
  ],
  phase: "Running",
};

/** A copy of `running` with `edit` applied. */
function edited(edit: (s: typeof running) => void): Record<string, unknown> {
  const s = structuredClone(running);
  edit(s);
  return s;
}

describe("statusSurelyDiffers", () => {
  it("says differ for a changed phase, container ID, readiness, restart count or condition status", () => {
    const changes = [
      edited((s) => (s.phase = "Failed")),
      edited((s) => (s.containerStatuses[0]!.containerID = "containerd://b")),
      edited((s) => (s.containerStatuses[0]!.ready = false)),
      edited((s) => (s.containerStatuses[0]!.started = false)),
      edited((s) => (s.containerStatuses[0]!.restartCount = 1)),
      edited((s) => (s.conditions[0]!.status = "False")),
      edited((s) => s.conditions.push({ ...s.conditions[0]! })),
    ];
    for (const c of changes) {
      expect(statusSurelyDiffers(c, running)).toBe(true);
      expect(sameJson(c, running)).toBe(false);
    }
  });

  it("leaves other changes, and values JSON writes alike, to sameJson", () => {
    const same = [
      running,
      structuredClone(running),
      edited((s) => (s.containerStatuses[0]!.state = { running: {} })),
      edited((s) => ((s.containerStatuses[0] as { restartCount: number }).restartCount = -0)),
    ];
    for (const c of same) expect(statusSurelyDiffers(c, running)).toBe(false);
    // NaN and Infinity are both `null` in JSON: not a sure difference.
    const nan = edited((s) => (s.containerStatuses[0]!.restartCount = Number.NaN));
    const inf = edited((s) => (s.containerStatuses[0]!.restartCount = Number.POSITIVE_INFINITY));
    expect(statusSurelyDiffers(nan, inf)).toBe(false);
    expect(sameJson(nan, inf)).toBe(true);
    // A status with its own toJSON is written as that says.
    const custom = { ...edited((s) => (s.phase = "Failed")), toJSON: () => running };
    expect(statusSurelyDiffers(custom, running)).toBe(false);
    expect(sameJson(custom, running)).toBe(true);
  });
});
