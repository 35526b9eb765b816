/**
 * The worker's one job, as plain functions: decode a request, run the simulator, answer with plain
 * data. Kept apart from `sim.worker.ts` so it runs (and is tested) in Node.
 *
 * The kubectl emulator is a third of the simulator's code and most scenarios never run a command,
 * so it is not part of the worker's first download: it is imported the first time a scenario's
 * timeline or the console needs it (`loadCommands`), and kept from then on.
 */

import type { Diagnostic, SimulateOptions, SimulateResult } from "../sim/index.ts";
import { type CommandRunner, loadSimulation } from "../sim/simulation.ts";
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
export type SimulateFn = (text: string, opts: SimulateOptions) => SimulateResult | Promise<SimulateResult>;

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
) => CreatedConsole | Promise<CreatedConsole>;

/** A console's simulation, or the diagnostics that stop it. */
export type CreatedConsole =
  | { ok: true; simulation: ConsoleSimulation }
  | { ok: false; diagnostics: Diagnostic[] };

/** What a handler calls into; the real simulator by default. */
export interface HandlerDeps {
  simulate?: SimulateFn;
  createSimulation?: CreateSimulationFn;
  /** Loads the kubectl emulator (by default a dynamic import: its own chunk in the build). */
  loadCommands?: () => Promise<CommandRunner>;
}

/** Imports the kubectl emulator. */
const importCommands = async (): Promise<CommandRunner> =>
  (await import("../sim/kubectl/index.ts")).runCommandLine;

/** Loads once, however often asked: later calls share the first call's promise (retried after a failure). */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= load().catch((e: unknown) => {
      pending = undefined;
      throw e;
    });
    return pending;
  };
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
export function createMessageHandler(deps: HandlerDeps = {}): (msg: unknown) => Promise<Reply> {
  const commands = once(deps.loadCommands ?? importCommands);
  /** Simulates a text, supplying the kubectl emulator when its timeline runs commands. */
  const simulateText: SimulateFn = async (text, opts) => {
    const created = loadSimulation(text, opts.seed !== undefined ? { seed: opts.seed } : {});
    if (!created.ok) return created;
    const sim = created.simulation;
    if (sim.needsCommands) sim.supplyCommands(await commands());
    return { ok: true, timeline: sim.runToEnd(opts.untilMs), diagnostics: created.diagnostics };
  };
  const simulateFn = deps.simulate ?? simulateText;
  const create: CreateSimulationFn =
    deps.createSimulation ??
    (async (text, opts) => loadSimulation(text, { ...opts, commands: await commands() }));
  let cached: { key: string; sim: ConsoleSimulation } | undefined;

  const runSimulate = async (r: SimulateRequest): Promise<Reply> => {
    const opts: SimulateOptions = {};
    if (r.untilMs !== undefined) opts.untilMs = r.untilMs;
    if (r.seed !== undefined) opts.seed = r.seed;
    let result: SimulateResult;
    try {
      result = await simulateFn(r.text, opts);
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

  const runCompare = async (r: CompareRequest): Promise<CompareReply> => {
    const variants: CompareReply["variants"] = [];
    for (const { label, text } of r.variants) {
      const reply = await runSimulate({ v: PROTOCOL_VERSION, type: "simulate", id: r.id, text });
      if (reply.type === "timeline")
        variants.push({ label, timeline: reply.timeline, diagnostics: reply.diagnostics });
      else variants.push({ label, diagnostics: reply.type === "error" ? reply.diagnostics : [] });
    }
    return { v: PROTOCOL_VERSION, type: "compare-result", id: r.id, variants };
  };

  const runKubectl = async (r: KubectlRequest): Promise<Reply> => {
    const key = `${r.seed ?? ""}\u0000${r.text}`;
    try {
      if (!cached || cached.key !== key || cached.sim.nowMs > r.atMs) {
        cached = undefined;
        const created = await create(r.text, r.seed !== undefined ? { seed: r.seed } : {});
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

  return async (msg: unknown): Promise<Reply> => {
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

/** Answers one simulate message statelessly (kept for callers that need no console). Never rejects. */
export function handleMessage(msg: unknown, simulateFn?: SimulateFn): Promise<Reply> {
  return createMessageHandler(simulateFn ? { simulate: simulateFn } : {})(msg);
}
