import { describe, expect, it } from "vitest";
import { type ConsoleSimulation, createMessageHandler, handleMessage } from "./handle-message.ts";
import { decodeRequest, isReply, kubectlRequest, recordCommandRequest, simulateRequest } from "./protocol.ts";

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
  it("answers a simulate request with a timeline, through structured clone both ways", async () => {
    const request = structuredClone(simulateRequest(7, POD, { untilMs: 60_000, seed: 3 }));
    const reply = structuredClone(await handleMessage(request));
    expect(isReply(reply)).toBe(true);
    expect(reply.type).toBe("timeline");
    if (reply.type !== "timeline") return;
    expect(reply.v).toBe(4);
    expect(reply.id).toBe(7);
    expect(reply.timeline.version).toBe(1);
    expect(reply.timeline.endMs).toBe(60_000);
    expect(reply.timeline.pods.map((p) => p.name)).toEqual(["web"]);
    expect(reply.timeline.pods[0]?.containers.map((c) => c.name)).toEqual(["nginx"]);
  });

  it("passes untilMs and seed to the simulator", async () => {
    const seen: unknown[] = [];
    await handleMessage(simulateRequest(1, POD, { untilMs: 1000, seed: 42 }), (_text, opts) => {
      seen.push(opts);
      return { ok: false, diagnostics: [] };
    });
    expect(seen).toEqual([{ untilMs: 1000, seed: 42 }]);
  });

  it("reports bad YAML as an error reply with line and column", async () => {
    const text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a: b\n";
    const reply = await handleMessage(simulateRequest(2, text));
    expect(reply.type).toBe("error");
    if (reply.type !== "error") return;
    expect(reply.id).toBe(2);
    const d = reply.diagnostics[0];
    expect(d?.severity).toBe("error");
    expect(d?.line).toBe(4);
    expect(d?.column).toBeGreaterThan(0);
  });

  it("answers an unknown message type with a protocol error", async () => {
    const reply = await handleMessage({ v: 4, type: "explode", id: 1 });
    expect(reply).toEqual({ v: 4, type: "protocol-error", message: 'unknown message type "explode"' });
  });

  it("answers a wrong protocol version with a protocol error", async () => {
    const reply = await handleMessage({ v: 1, type: "simulate", id: 1, text: POD });
    expect(reply.type).toBe("protocol-error");
    if (reply.type === "protocol-error") expect(reply.message).toMatch(/unsupported protocol version 1/);
  });

  it.each([
    [null, /not an object/],
    ["simulate", /not an object/],
    [{ v: 4, type: "simulate", text: POD }, /id must be a number/],
    [{ v: 4, type: "simulate", id: 1 }, /text must be a string/],
    [{ v: 4, type: "simulate", id: 1, text: "", untilMs: -5 }, /untilMs/],
    [{ v: 4, type: "simulate", id: 1, text: "", seed: 1.5 }, /seed/],
    [{ v: 4, type: "kubectl", id: 1, text: "", line: "kubectl get pods" }, /atMs/],
    [{ v: 4, type: "kubectl", id: 1, text: "", atMs: -1, line: "kubectl get pods" }, /atMs/],
    [{ v: 4, type: "kubectl", id: 1, text: "", atMs: 0 }, /line must be a string/],
  ])("rejects malformed message %j", async (msg, message) => {
    const reply = await handleMessage(msg);
    expect(reply.type).toBe("protocol-error");
    if (reply.type === "protocol-error") expect(reply.message).toMatch(message);
  });

  it("turns a simulator crash into an error reply instead of throwing", async () => {
    const reply = await handleMessage(simulateRequest(9, POD), () => {
      throw new Error("boom");
    });
    expect(reply).toMatchObject({ type: "error", id: 9, diagnostics: [{ code: "internal" }] });
  });

  it("decodes only the protocol's fields", async () => {
    const decoded = decodeRequest({ v: 4, type: "simulate", id: 1, text: "x", extra: true });
    expect(decoded).toEqual({ ok: true, request: { v: 4, type: "simulate", id: 1, text: "x" } });
  });
});

describe("worker protocol: kubectl", () => {
  it("runs a command against the scenario at the playhead, through structured clone", async () => {
    const handle = createMessageHandler();
    const reply = structuredClone(
      await handle(structuredClone(kubectlRequest(3, POD, 60_000, "kubectl get pods"))),
    );
    expect(isReply(reply)).toBe(true);
    expect(reply).toMatchObject({
      v: 4,
      type: "kubectl-result",
      id: 3,
      exitCode: 0,
      atMs: 60_000,
      endMs: 60_000,
    });
    if (reply.type !== "kubectl-result") return;
    expect(reply.stdout).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\n/);
    expect(reply.stdout).toMatch(/web\s+1\/1\s+Running\s+0\s+60s/);
  });

  it("answers kubectl's own errors with its exit code and message", async () => {
    const reply = await createMessageHandler()(kubectlRequest(4, POD, 10_000, "kubectl get pod nope"));
    expect(reply).toMatchObject({ type: "kubectl-result", exitCode: 1 });
    if (reply.type === "kubectl-result") expect(reply.stderr).toContain('pods "nope" not found');
  });

  it("keeps one simulation per text, moving forward, and starts over when the playhead goes back", async () => {
    const created: string[] = [];
    const fake = (): ConsoleSimulation => {
      let now = 0;
      return {
        get nowMs() {
          return now;
        },
        runUntil(ms) {
          now = Math.max(now, ms);
        },
        run(line) {
          return { exitCode: 0, stdout: `${line} @${now}`, stderr: "", atMs: now, endMs: now };
        },
      };
    };
    const handle = createMessageHandler({
      createSimulation: (text) => {
        created.push(text);
        return { ok: true, simulation: fake() };
      },
    });
    await handle(kubectlRequest(1, "a", 1000, "kubectl get pods"));
    const second = await handle(kubectlRequest(2, "a", 5000, "kubectl get pods"));
    expect(created).toEqual(["a"]);
    expect(second).toMatchObject({ stdout: "kubectl get pods @5000" });
    await handle(kubectlRequest(3, "a", 2000, "kubectl get pods"));
    expect(created).toEqual(["a", "a"]);
    await handle(kubectlRequest(4, "b", 2000, "kubectl get pods"));
    expect(created).toEqual(["a", "a", "b"]);
  });

  it("reports a scenario that does not load as an error reply", async () => {
    const reply = await createMessageHandler()(kubectlRequest(5, "kind: Pod: broken", 0, "kubectl get pods"));
    expect(reply).toMatchObject({ type: "error", id: 5 });
  });
});

describe("worker protocol: record-command", () => {
  it("answers with the scenario text, the command in its timeline", async () => {
    const reply = structuredClone(
      await createMessageHandler()(
        structuredClone(recordCommandRequest(6, POD, 30_000, "kubectl delete pod web")),
      ),
    );
    expect(isReply(reply)).toBe(true);
    expect(reply).toMatchObject({ v: 4, type: "scenario-text", id: 6 });
    if (reply.type === "scenario-text") expect(reply.text).toContain("- at: 30s");
  });

  it("answers broken YAML with an error reply", async () => {
    expect(
      await createMessageHandler()(recordCommandRequest(7, "a: b: c", 0, "kubectl get pods")),
    ).toMatchObject({
      type: "error",
      id: 7,
    });
  });
});

describe("worker: the kubectl emulator loads on first need", () => {
  const WITH_COMMAND = `${POD}---
apiVersion: podlife.dev/v1alpha1
kind: Scenario
metadata: {name: s}
spec:
  timeline:
  - at: 10s
    run: kubectl delete pod web
`;
  const counting = () => {
    const loads: number[] = [];
    const loadCommands = async () => {
      loads.push(loads.length);
      return (await import("../sim/kubectl/index.ts")).runCommandLine;
    };
    return { loads, loadCommands };
  };

  it("does not load it for a scenario without commands", async () => {
    const { loads, loadCommands } = counting();
    const reply = await createMessageHandler({ loadCommands })(simulateRequest(1, POD, { untilMs: 20_000 }));
    expect(reply.type).toBe("timeline");
    expect(loads).toEqual([]);
  });

  it("loads it once for timeline commands and the console, and the commands take effect", async () => {
    const { loads, loadCommands } = counting();
    const handle = createMessageHandler({ loadCommands });
    const reply = await handle(simulateRequest(1, WITH_COMMAND, { untilMs: 60_000 }));
    if (reply.type !== "timeline") throw new Error(JSON.stringify(reply));
    expect(reply.timeline.events.some((e) => e.reason === "Killing")).toBe(true);
    await handle(kubectlRequest(2, POD, 1000, "kubectl get pods"));
    expect(loads).toEqual([0]);
  });

  it("answers with an error, and tries again next time, when loading fails", async () => {
    let fail = true;
    const handle = createMessageHandler({
      loadCommands: async () => {
        if (fail) throw new Error("network down");
        return (await import("../sim/kubectl/index.ts")).runCommandLine;
      },
    });
    expect(await handle(simulateRequest(1, WITH_COMMAND))).toMatchObject({
      type: "error",
      diagnostics: [{ code: "internal", message: expect.stringContaining("network down") }],
    });
    fail = false;
    expect(await handle(simulateRequest(2, WITH_COMMAND))).toMatchObject({ type: "timeline" });
  });
});
