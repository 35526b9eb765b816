import { describe, expect, it } from "vitest";
import { handleMessage } from "./handle-message.ts";
import { decodeRequest, isReply, simulateRequest } from "./protocol.ts";

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: nginx
    image: nginx
`;

describe("worker protocol", () => {
  it("answers a simulate request with a timeline, through structured clone both ways", () => {
    const request = structuredClone(simulateRequest(7, POD, { untilMs: 60_000, seed: 3 }));
    const reply = structuredClone(handleMessage(request));
    expect(isReply(reply)).toBe(true);
    expect(reply.type).toBe("timeline");
    if (reply.type !== "timeline") return;
    expect(reply.v).toBe(1);
    expect(reply.id).toBe(7);
    expect(reply.timeline.version).toBe(1);
    expect(reply.timeline.endMs).toBe(60_000);
    expect(reply.timeline.pods.map((p) => p.name)).toEqual(["web"]);
    expect(reply.timeline.pods[0]?.containers.map((c) => c.name)).toEqual(["nginx"]);
  });

  it("passes untilMs and seed to the simulator", () => {
    const seen: unknown[] = [];
    handleMessage(simulateRequest(1, POD, { untilMs: 1000, seed: 42 }), (_text, opts) => {
      seen.push(opts);
      return { ok: false, diagnostics: [] };
    });
    expect(seen).toEqual([{ untilMs: 1000, seed: 42 }]);
  });

  it("reports bad YAML as an error reply with line and column", () => {
    const text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a: b\n";
    const reply = handleMessage(simulateRequest(2, text));
    expect(reply.type).toBe("error");
    if (reply.type !== "error") return;
    expect(reply.id).toBe(2);
    const d = reply.diagnostics[0];
    expect(d?.severity).toBe("error");
    expect(d?.line).toBe(4);
    expect(d?.column).toBeGreaterThan(0);
  });

  it("answers an unknown message type with a protocol error", () => {
    const reply = handleMessage({ v: 1, type: "explode", id: 1 });
    expect(reply).toEqual({ v: 1, type: "protocol-error", message: 'unknown message type "explode"' });
  });

  it("answers a wrong protocol version with a protocol error", () => {
    const reply = handleMessage({ v: 2, type: "simulate", id: 1, text: POD });
    expect(reply.type).toBe("protocol-error");
    if (reply.type === "protocol-error") expect(reply.message).toMatch(/unsupported protocol version 2/);
  });

  it.each([
    [null, /not an object/],
    ["simulate", /not an object/],
    [{ v: 1, type: "simulate", text: POD }, /id must be a number/],
    [{ v: 1, type: "simulate", id: 1 }, /text must be a string/],
    [{ v: 1, type: "simulate", id: 1, text: "", untilMs: -5 }, /untilMs/],
    [{ v: 1, type: "simulate", id: 1, text: "", seed: 1.5 }, /seed/],
  ])("rejects malformed message %j", (msg, message) => {
    const reply = handleMessage(msg);
    expect(reply.type).toBe("protocol-error");
    if (reply.type === "protocol-error") expect(reply.message).toMatch(message);
  });

  it("turns a simulator crash into an error reply instead of throwing", () => {
    const reply = handleMessage(simulateRequest(9, POD), () => {
      throw new Error("boom");
    });
    expect(reply).toMatchObject({ type: "error", id: 9, diagnostics: [{ code: "internal" }] });
  });

  it("decodes only the protocol's fields", () => {
    const decoded = decodeRequest({ v: 1, type: "simulate", id: 1, text: "x", extra: true });
    expect(decoded).toEqual({ ok: true, request: { v: 1, type: "simulate", id: 1, text: "x" } });
  });
});
