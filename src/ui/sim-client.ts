/**
 * The UI's side of the simulator worker: posts `simulate` requests and matches replies by id.
 * Simulator code runs only in the worker; this file imports the protocol, never the simulator.
 */
import type { Diagnostic } from "../sim/index.ts";
import {
  type CompareReply,
  compareRequest,
  type ErrorReply,
  isReply,
  type KubectlReply,
  kubectlRequest,
  PROTOCOL_VERSION,
  type Reply,
  recordCommandRequest,
  type ScenarioTextReply,
  simulateRequest,
  type TimelineReply,
} from "../worker/protocol.ts";
import simWorkerUrl from "../worker/sim.worker.ts?worker&url";
import { decodeReply } from "../worker/timeline-transfer.ts";
import { startWorker } from "./start-worker.ts";

/** A reply to a simulate request (protocol errors are reported as error replies). */
export type SimulateReply = TimelineReply | ErrorReply;

/** A reply to a kubectl request. */
export type KubectlCommandReply = KubectlReply | ErrorReply;

/** Any reply matched to a request. */
type AnyReply = Exclude<Reply, { type: "protocol-error" }>;

/** Runs simulations, and kubectl commands against them, in a worker. */
export interface SimClient {
  simulate(text: string, opts?: { untilMs?: number; seed?: number }): Promise<SimulateReply>;
  /** Runs `line` (a `kubectl …` command) against `text` simulated up to `atMs`. */
  kubectl(text: string, atMs: number, line: string): Promise<KubectlCommandReply>;
  /** `text` with `line` added to its Scenario timeline at `atMs`. */
  recordCommand(text: string, atMs: number, line: string): Promise<ScenarioTextReply | ErrorReply>;
  /** Simulates variants of a scenario for compare mode. */
  compare(variants: { label: string; text: string }[]): Promise<CompareReply | ErrorReply>;
  /**
   * Stops the simulations in flight (they reply with a `cancelled` error) by restarting the
   * worker; does nothing while a kubectl request is in flight, so a console command is never lost.
   */
  cancelSimulations(): void;
  dispose(): void;
}

/** How long a simulation may take before the worker is restarted and the run reported as failed. */
const WATCHDOG_MS = 15_000;

function failure(id: number, message: string, code = "internal"): ErrorReply {
  const diagnostic: Diagnostic = { severity: "error", document: 1, message, code };
  return { v: PROTOCOL_VERSION, type: "error", id, diagnostics: [diagnostic] };
}

/** Starts a simulator worker (`makeWorker` is injectable for tests). */
export function createSimClient(
  makeWorker: () => Worker = () => startWorker(simWorkerUrl, "podlife-sim"),
): SimClient {
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<
    number,
    { resolve: (r: AnyReply) => void; timer: ReturnType<typeof setTimeout>; simulate: boolean }
  >();

  const settle = (reply: AnyReply) => {
    const p = pending.get(reply.id);
    if (!p) return;
    clearTimeout(p.timer);
    pending.delete(reply.id);
    p.resolve(reply);
  };

  /** Fails every pending request and drops the worker (a fresh one starts on the next request). */
  const restart = (message: string, code?: string) => {
    worker?.terminate();
    worker = undefined;
    for (const id of [...pending.keys()]) settle(failure(id, message, code));
  };

  const ensureWorker = (): Worker => {
    if (worker) return worker;
    const w = makeWorker();
    w.onmessage = (e: MessageEvent<unknown>) => {
      const msg = decodeReply(e.data);
      if (!isReply(msg)) return;
      if (msg.type === "protocol-error") {
        // A bug in this client, not in the user's scenario: fail what is in flight, loudly.
        restart(`simulator worker rejected a message: ${msg.message}`);
        return;
      }
      settle(msg);
    };
    w.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      restart(`simulator worker failed: ${e.message || "unknown error"}`);
    };
    worker = w;
    return w;
  };

  const send = <R extends AnyReply>(build: (id: number) => unknown, simulate = false): Promise<R> => {
    const id = nextId++;
    return new Promise<R>((resolve) => {
      const timer = setTimeout(
        () => restart(`simulation took longer than ${WATCHDOG_MS / 1000} s and was stopped`, "timeout"),
        WATCHDOG_MS,
      );
      pending.set(id, { resolve: resolve as (r: AnyReply) => void, timer, simulate });
      ensureWorker().postMessage(build(id));
    });
  };

  return {
    simulate(text, opts = {}) {
      return send<SimulateReply>((id) => simulateRequest(id, text, opts), true);
    },
    kubectl(text, atMs, line) {
      return send<KubectlCommandReply>((id) => kubectlRequest(id, text, atMs, line));
    },
    recordCommand(text, atMs, line) {
      return send<ScenarioTextReply | ErrorReply>((id) => recordCommandRequest(id, text, atMs, line));
    },
    compare(variants) {
      return send<CompareReply | ErrorReply>((id) => compareRequest(id, variants));
    },
    cancelSimulations() {
      if (!pending.size || [...pending.values()].some((p) => !p.simulate)) return;
      restart("a newer edit replaced this simulation", "cancelled");
    },
    dispose() {
      for (const p of pending.values()) clearTimeout(p.timer);
      pending.clear();
      worker?.terminate();
      worker = undefined;
    },
  };
}
