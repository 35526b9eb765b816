/**
 * The typed, versioned message protocol between the UI and the simulator worker. Plain data only:
 * every message is structured-cloneable. The UI imports this module at run time (it has no
 * simulator code in it); the simulator's types come in as types only.
 *
 * Version 1:
 *   UI → worker: `{ v: 1, type: "simulate", id, text, untilMs?, seed? }`
 *   worker → UI: `{ v: 1, type: "timeline", id, timeline, diagnostics }`
 *              | `{ v: 1, type: "error", id, diagnostics }`
 *              | `{ v: 1, type: "protocol-error", message }` (unknown or malformed message)
 */
import type { Diagnostic, Timeline } from "../sim/index.ts";

/** The protocol version this build speaks. */
export const PROTOCOL_VERSION = 1;

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

/** Any message the UI may send. */
export type Request = SimulateRequest;

/** The scenario simulated: its timeline and any non-fatal diagnostics. */
export interface TimelineReply {
  v: typeof PROTOCOL_VERSION;
  type: "timeline";
  id: number;
  timeline: Timeline;
  diagnostics: Diagnostic[];
}

/** The scenario could not be simulated; the diagnostics say why and where. */
export interface ErrorReply {
  v: typeof PROTOCOL_VERSION;
  type: "error";
  id: number;
  diagnostics: Diagnostic[];
}

/** The worker received something that is not a valid request of this protocol version. */
export interface ProtocolErrorReply {
  v: typeof PROTOCOL_VERSION;
  type: "protocol-error";
  message: string;
}

/** Any message the worker may send. */
export type Reply = TimelineReply | ErrorReply | ProtocolErrorReply;

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
  if (m.type !== "simulate") {
    return protocolError(`unknown message type ${JSON.stringify(m.type)}`);
  }
  if (!isFiniteNumber(m.id)) return protocolError("simulate: id must be a number");
  if (typeof m.text !== "string") return protocolError("simulate: text must be a string");
  if (m.untilMs !== undefined && !(isFiniteNumber(m.untilMs) && m.untilMs >= 0)) {
    return protocolError("simulate: untilMs must be a non-negative number");
  }
  if (m.seed !== undefined && !Number.isInteger(m.seed)) {
    return protocolError("simulate: seed must be an integer");
  }
  const request: SimulateRequest = { v: PROTOCOL_VERSION, type: "simulate", id: m.id, text: m.text };
  if (m.untilMs !== undefined) request.untilMs = m.untilMs as number;
  if (m.seed !== undefined) request.seed = m.seed as number;
  return { ok: true, request };
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

/** Whether a message from the worker is a reply of this protocol version. */
export function isReply(msg: unknown): msg is Reply {
  if (typeof msg !== "object" || msg === null) return false;
  const m = msg as Record<string, unknown>;
  return (
    m.v === PROTOCOL_VERSION && (m.type === "timeline" || m.type === "error" || m.type === "protocol-error")
  );
}
