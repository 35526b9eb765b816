/**
 * Timelines cross from the worker packed: read back they equal what was sent, key order
 * included, and a long run's attempts take a fraction of the bytes.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { serialize } from "node:v8";
import { describe, expect, it } from "vitest";
import { simulate, type Timeline } from "../sim/index.ts";
import { PROTOCOL_VERSION, type Reply } from "./protocol.ts";
import {
  decodeReply,
  encodeReply,
  PACKED_ATTEMPT_FIELDS,
  packTimeline,
  unpackTimeline,
} from "./timeline-transfer.ts";

const NGINX = `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - name: nginx
    image: nginx:1.27
    readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 1}`;

function timelineOf(name: string, untilMs = 600_000): Timeline {
  const text = readFileSync(join(import.meta.dirname, "../sim/golden/cases", name, "scenario.yaml"), "utf8");
  const r = simulate(text, { untilMs });
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return r.timeline;
}

describe("timeline transfer", () => {
  it("reads back what was packed, failures and their reasons included", () => {
    for (const name of ["demo-liveness-exec", "demo-gracestop", "demo-init-pod"]) {
      const tl = timelineOf(name);
      const back = unpackTimeline(structuredClone(packTimeline(tl)));
      expect(JSON.stringify(back)).toBe(JSON.stringify(tl));
    }
    const tl = timelineOf("demo-liveness-exec");
    const attempts = tl.pods.flatMap((p) => p.containers.flatMap((c) => c.probes.flatMap((t) => t.attempts)));
    expect(attempts.some((a) => a.result === "failure" && a.whyArgs)).toBe(true);
    for (const a of attempts) for (const k of Object.keys(a)) expect(PACKED_ATTEMPT_FIELDS).toHaveProperty(k);
  });

  it("sends each repeated string once", () => {
    const r = simulate(NGINX, { untilMs: 3_600_000 });
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    const packed = packTimeline(r.timeline);
    expect(new Set(packed.attempts.strings).size).toBe(packed.attempts.strings.length);
    // An hour of probes every second, each answered with nginx's welcome page.
    expect(r.timeline.pods[0]!.containers[0]!.probes[0]!.attempts.length).toBeGreaterThan(3500);
    expect(serialize(packed).length).toBeLessThan(serialize(r.timeline).length / 10);
  });

  it("packs the timelines of timeline and compare replies, and nothing else", () => {
    const tl = timelineOf("demo-liveness-exec");
    const replies: Reply[] = [
      { v: PROTOCOL_VERSION, type: "timeline", id: 1, timeline: tl, diagnostics: [] },
      {
        v: PROTOCOL_VERSION,
        type: "compare-result",
        id: 2,
        variants: [
          { label: "A", timeline: tl, diagnostics: [] },
          { label: "B", diagnostics: [] },
        ],
      },
      { v: PROTOCOL_VERSION, type: "scenario-text", id: 3, text: "x" },
    ];
    for (const reply of replies) {
      const { message, transfer } = encodeReply(reply);
      if (reply.type === "scenario-text") expect(message).toBe(reply);
      else expect(transfer.length).toBeGreaterThan(0);
      expect(JSON.stringify(decodeReply(structuredClone(message, { transfer })))).toBe(JSON.stringify(reply));
    }
  });
});
