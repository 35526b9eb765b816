/**
 * The typed, versioned message protocol between the UI and the simulator worker. Plain data only:
 * every message is structured-cloneable. The UI imports this module at run time (it has no
 * simulator code in it); the simulator's types come in as types only.
 *
 * Version 3 (v2 plus `compare`):
 *   UI → worker: `{ v: 3, type: "simulate", id, text, untilMs?, seed? }`
 *              | `{ v: 2, type: "kubectl", id, text, atMs, line, seed? }` — run one `kubectl …` line
 *                against the scenario `text` simulated up to `atMs` (the playhead)
 *              | `{ v: 2, type: "record-command", id, text, atMs, line }` — add the line to the
 *                Scenario document's timeline at `atMs`
 *              | `{ v: 3, type: "compare", id, variants: [{ label, text }, …] }` — simulate two (or
 *                more) variants of a scenario, for compare mode
 *   worker → UI: `{ v: 2, type: "timeline", id, timeline, diagnostics }`
 *              | `{ v: 2, type: "kubectl-result", id, exitCode, stdout, stderr, atMs, endMs }`
 *              | `{ v: 2, type: "scenario-text", id, text }` (the text with the command recorded)
 *              | `{ v: 3, type: "compare-result", id, variants: [{ label, timeline?, diagnostics }] }`
 *                (one result per variant, in order; no timeline when that variant has errors)
 *              | `{ v: 2, type: "error", id, diagnostics }` (the scenario cannot be simulated)
 *              | `{ v: 2, type: "protocol-error", message }` (unknown or malformed message)
 *
 * Version 4: the same messages, but timelines travel packed (probe attempts in columns, their
 * strings once: `timeline-transfer.ts`); the types here are the messages as sent and read back.
 */
import type { Diagnostic, Timeline } from "../sim/index.ts";

/** The protocol version this build speaks. */
export const PROTOCOL_VERSION = 4;

/** The most variants a compare request may carry. */
export const MAX_VARIANTS = 4;

/** Ask the worker to simulate a scenario text. Replies carry the same `id`. */
export interface SimulateRequest {
  v: typeof PROTOCOL_VERSION;
  type: "simulate";
  id: number;
  text: string;
  /** Simulate up to this virtual time (ms). */
  untilMs?: number;
  /** Overrides the Scenario document's seed. */
  seed?: number;
}

/**
 * Ask the worker to run a kubectl command line at virtual time `atMs` of the scenario `text`. The
 * worker keeps one simulation per text and seed, and runs commands in order on it, so a console
 * session sees its own changes (a deleted pod stays deleted) while the playhead only moves forward.
 */
export interface KubectlRequest {
  v: typeof PROTOCOL_VERSION;
  type: "kubectl";
  id: number;
  text: string;
  atMs: number;
  /** The command line, starting with `kubectl`. */
  line: string;
  seed?: number;
}

/** Ask the worker to add a command to the scenario's timeline (so it replays and is shared). */
export interface RecordCommandRequest {
  v: typeof PROTOCOL_VERSION;
  type: "record-command";
  id: number;
  text: string;
  atMs: number;
  line: string;
}

/** Ask the worker to simulate variants of a scenario, for compare mode (one time axis). */
export interface CompareRequest {
  v: typeof PROTOCOL_VERSION;
  type: "compare";
  id: number;
  /** Two to `MAX_VARIANTS` scenario texts, each with a short label (`A`, `B`). */
  variants: { label: string; text: string }[];
}

/** Any message the UI may send. */
export type Request = SimulateRequest | KubectlRequest | RecordCommandRequest | CompareRequest;

/** The scenario simulated: its timeline and any non-fatal diagnostics. */
export interface TimelineReply {
  v: typeof PROTOCOL_VERSION;
  type: "timeline";
  id: number;
  timeline: Timeline;
  diagnostics: Diagnostic[];
}

/** What a kubectl command printed, and when it started and ended in virtual time. */
export interface KubectlReply {
  v: typeof PROTOCOL_VERSION;
  type: "kubectl-result";
  id: number;
  exitCode: number;
  stdout: string;
  stderr: string;
  atMs: number;
  /** Later than `atMs` when the command waited (`kubectl delete` waits for the pod to go). */
  endMs: number;
}

/** The scenario text with a command recorded in its timeline. */
export interface ScenarioTextReply {
  v: typeof PROTOCOL_VERSION;
  type: "scenario-text";
  id: number;
  text: string;
}

/** The scenario could not be simulated; the diagnostics say why and where. */
export interface ErrorReply {
  v: typeof PROTOCOL_VERSION;
  type: "error";
  id: number;
  diagnostics: Diagnostic[];
}

/** One variant simulated: its timeline, or only diagnostics when it cannot be simulated. */
export interface VariantResult {
  label: string;
  timeline?: Timeline;
  diagnostics: Diagnostic[];
}

/** The variants of a compare request, simulated, in the request's order. */
export interface CompareReply {
  v: typeof PROTOCOL_VERSION;
  type: "compare-result";
  id: number;
  variants: VariantResult[];
}

/** The worker received something that is not a valid request of this protocol version. */
export interface ProtocolErrorReply {
  v: typeof PROTOCOL_VERSION;
  type: "protocol-error";
  message: string;
}

/** Any message the worker may send. */
export type Reply =
  | TimelineReply
  | KubectlReply
  | ScenarioTextReply
  | CompareReply
  | ErrorReply
  | ProtocolErrorReply;

/** A decoded request, or the reason it is not one. */
export type DecodedRequest = { ok: true; request: Request } | { ok: false; reply: ProtocolErrorReply };

function protocolError(message: string): { ok: false; reply: ProtocolErrorReply } {
  return { ok: false, reply: { v: PROTOCOL_VERSION, type: "protocol-error", message } };
}

function isFiniteNumber(x: unknown): x is number {
  return typeof x === "number" && Number.isFinite(x);
}

/** Validates an incoming message (untrusted: it is whatever was posted to the worker). */
export function decodeRequest(msg: unknown): DecodedRequest {
  if (typeof msg !== "object" || msg === null || Array.isArray(msg)) {
    return protocolError("message is not an object");
  }
  const m = msg as Record<string, unknown>;
  if (m.v !== PROTOCOL_VERSION) {
    return protocolError(
      `unsupported protocol version ${JSON.stringify(m.v)} (this worker speaks v${PROTOCOL_VERSION})`,
    );
  }
  if (m.type !== "simulate" && m.type !== "kubectl" && m.type !== "record-command" && m.type !== "compare") {
    return protocolError(`unknown message type ${JSON.stringify(m.type)}`);
  }
  const type = m.type;
  if (!isFiniteNumber(m.id)) return protocolError(`${type}: id must be a number`);
  if (type === "compare") return decodeCompare(m.id, m.variants);
  if (typeof m.text !== "string") return protocolError(`${type}: text must be a string`);
  if (m.seed !== undefined && !Number.isInteger(m.seed)) {
    return protocolError(`${type}: seed must be an integer`);
  }
  if (type === "kubectl" || type === "record-command") {
    if (!(isFiniteNumber(m.atMs) && m.atMs >= 0)) {
      return protocolError(`${type}: atMs must be a non-negative number`);
    }
    if (typeof m.line !== "string") return protocolError(`${type}: line must be a string`);
    if (type === "record-command") {
      return {
        ok: true,
        request: { v: PROTOCOL_VERSION, type, id: m.id, text: m.text, atMs: m.atMs, line: m.line },
      };
    }
    const request: KubectlRequest = {
      v: PROTOCOL_VERSION,
      type,
      id: m.id,
      text: m.text,
      atMs: m.atMs,
      line: m.line,
    };
    if (m.seed !== undefined) request.seed = m.seed as number;
    return { ok: true, request };
  }
  if (m.untilMs !== undefined && !(isFiniteNumber(m.untilMs) && m.untilMs >= 0)) {
    return protocolError("simulate: untilMs must be a non-negative number");
  }
  const request: SimulateRequest = { v: PROTOCOL_VERSION, type, id: m.id, text: m.text };
  if (m.untilMs !== undefined) request.untilMs = m.untilMs as number;
  if (m.seed !== undefined) request.seed = m.seed as number;
  return { ok: true, request };
}

function decodeCompare(id: number, variants: unknown): DecodedRequest {
  if (!Array.isArray(variants) || variants.length < 2 || variants.length > MAX_VARIANTS)
    return protocolError(`compare: variants must be an array of 2 to ${MAX_VARIANTS}`);
  const out: CompareRequest["variants"] = [];
  for (const v of variants as unknown[]) {
    const o = (typeof v === "object" && v !== null ? v : {}) as Record<string, unknown>;
    if (typeof o.label !== "string" || typeof o.text !== "string")
      return protocolError("compare: each variant needs a string label and text");
    out.push({ label: o.label, text: o.text });
  }
  return { ok: true, request: { v: PROTOCOL_VERSION, type: "compare", id, variants: out } };
}

/** Builds a compare request. */
export function compareRequest(id: number, variants: { label: string; text: string }[]): CompareRequest {
  return { v: PROTOCOL_VERSION, type: "compare", id, variants: variants.map((v) => ({ ...v })) };
}

/** Builds a simulate request (the UI's side of the protocol). */
export function simulateRequest(
  id: number,
  text: string,
  opts: { untilMs?: number; seed?: number } = {},
): SimulateRequest {
  const r: SimulateRequest = { v: PROTOCOL_VERSION, type: "simulate", id, text };
  if (opts.untilMs !== undefined) r.untilMs = opts.untilMs;
  if (opts.seed !== undefined) r.seed = opts.seed;
  return r;
}

/** Builds a kubectl request. */
export function kubectlRequest(
  id: number,
  text: string,
  atMs: number,
  line: string,
  opts: { seed?: number } = {},
): KubectlRequest {
  const r: KubectlRequest = { v: PROTOCOL_VERSION, type: "kubectl", id, text, atMs, line };
  if (opts.seed !== undefined) r.seed = opts.seed;
  return r;
}

/** Builds a record-command request. */
export function recordCommandRequest(
  id: number,
  text: string,
  atMs: number,
  line: string,
): RecordCommandRequest {
  return { v: PROTOCOL_VERSION, type: "record-command", id, text, atMs, line };
}

const REPLY_TYPES: ReadonlySet<unknown> = new Set([
  "timeline",
  "kubectl-result",
  "scenario-text",
  "compare-result",
  "error",
  "protocol-error",
]);

/** Whether a message from the worker is a reply of this protocol version. */
export function isReply(msg: unknown): msg is Reply {
  if (typeof msg !== "object" || msg === null) return false;
  const m = msg as Record<string, unknown>;
  return m.v === PROTOCOL_VERSION && REPLY_TYPES.has(m.type);
}
