/**
 * The worker's one job, as plain functions: decode a request, run the simulator, answer with plain
 * data. Kept apart from `sim.worker.ts` so it runs (and is tested) in Node.
 */

import type { Diagnostic } from "../sim/index.ts";
import { createSimulation, type SimulateOptions, type SimulateResult, simulate } from "../sim/index.ts";
import {
  type CompareReply,
  type CompareRequest,
  decodeRequest,
  type ErrorReply,
  type KubectlReply,
  type KubectlRequest,
  PROTOCOL_VERSION,
  type Reply,
  type SimulateRequest,
} from "./protocol.ts";
import { recordCommand } from "./record-command.ts";

/** The simulator entry point; injectable so tests can exercise failures. */
export type SimulateFn = (text: string, opts: SimulateOptions) => SimulateResult;

/** A running simulation as the kubectl console needs it (the simulator's `Simulation`). */
export interface ConsoleSimulation {
  readonly nowMs: number;
  runUntil(ms: number): void;
  run(line: string): { exitCode: number; stdout: string; stderr: string; atMs: number; endMs: number };
}

/** Creates a simulation for the console; injectable for tests. */
export type CreateSimulationFn = (
  text: string,
  opts: { seed?: number },
) => { ok: true; simulation: ConsoleSimulation } | { ok: false; diagnostics: Diagnostic[] };

/** What a handler calls into; the real simulator by default. */
export interface HandlerDeps {
  simulate?: SimulateFn;
  createSimulation?: CreateSimulationFn;
}

function internalError(id: number, e: unknown): ErrorReply {
  const message = e instanceof Error ? e.message : String(e);
  return {
    v: PROTOCOL_VERSION,
    type: "error",
    id,
    diagnostics: [
      { severity: "error", document: 1, message: `internal simulator error: ${message}`, code: "internal" },
    ],
  };
}

/**
 * Creates a message handler. It keeps the console's simulation of the latest text and seed, so
 * commands run in sequence on one cluster; a command at an earlier time than the simulation has
 * reached (the playhead moved back), or for another text, starts a fresh simulation.
 */
export function createMessageHandler(deps: HandlerDeps = {}): (msg: unknown) => Reply {
  const simulateFn = deps.simulate ?? simulate;
  const create = deps.createSimulation ?? (createSimulation as CreateSimulationFn);
  let cached: { key: string; sim: ConsoleSimulation } | undefined;

  const runSimulate = (r: SimulateRequest): Reply => {
    const opts: SimulateOptions = {};
    if (r.untilMs !== undefined) opts.untilMs = r.untilMs;
    if (r.seed !== undefined) opts.seed = r.seed;
    let result: SimulateResult;
    try {
      result = simulateFn(r.text, opts);
    } catch (e) {
      return internalError(r.id, e);
    }
    if (!result.ok) return { v: PROTOCOL_VERSION, type: "error", id: r.id, diagnostics: result.diagnostics };
    return {
      v: PROTOCOL_VERSION,
      type: "timeline",
      id: r.id,
      timeline: result.timeline,
      diagnostics: result.diagnostics,
    };
  };

  const runCompare = (r: CompareRequest): CompareReply => ({
    v: PROTOCOL_VERSION,
    type: "compare-result",
    id: r.id,
    variants: r.variants.map(({ label, text }) => {
      const reply = runSimulate({ v: PROTOCOL_VERSION, type: "simulate", id: r.id, text });
      if (reply.type === "timeline")
        return { label, timeline: reply.timeline, diagnostics: reply.diagnostics };
      return { label, diagnostics: reply.type === "error" ? reply.diagnostics : [] };
    }),
  });

  const runKubectl = (r: KubectlRequest): Reply => {
    const key = `${r.seed ?? ""}\u0000${r.text}`;
    try {
      if (!cached || cached.key !== key || cached.sim.nowMs > r.atMs) {
        cached = undefined;
        const created = create(r.text, r.seed !== undefined ? { seed: r.seed } : {});
        if (!created.ok)
          return { v: PROTOCOL_VERSION, type: "error", id: r.id, diagnostics: created.diagnostics };
        cached = { key, sim: created.simulation };
      }
      cached.sim.runUntil(r.atMs);
      const out = cached.sim.run(r.line);
      const reply: KubectlReply = {
        v: PROTOCOL_VERSION,
        type: "kubectl-result",
        id: r.id,
        exitCode: out.exitCode,
        stdout: out.stdout,
        stderr: out.stderr,
        atMs: out.atMs,
        endMs: out.endMs,
      };
      return reply;
    } catch (e) {
      cached = undefined;
      return internalError(r.id, e);
    }
  };

  return (msg: unknown): Reply => {
    const decoded = decodeRequest(msg);
    if (!decoded.ok) return decoded.reply;
    const r = decoded.request;
    if (r.type === "kubectl") return runKubectl(r);
    if (r.type === "compare") return runCompare(r);
    if (r.type === "record-command") {
      const out = recordCommand(r.text, r.atMs, r.line);
      if (out.ok) return { v: PROTOCOL_VERSION, type: "scenario-text", id: r.id, text: out.text };
      return {
        v: PROTOCOL_VERSION,
        type: "error",
        id: r.id,
        diagnostics: [
          {
            severity: "error",
            document: 1,
            message: `cannot record the command: ${out.message}`,
            code: "record",
          },
        ],
      };
    }
    return runSimulate(r);
  };
}

/** Answers one simulate message statelessly (kept for callers that need no console). Never throws. */
export function handleMessage(msg: unknown, simulateFn: SimulateFn = simulate): Reply {
  return createMessageHandler({ simulate: simulateFn })(msg);
}
