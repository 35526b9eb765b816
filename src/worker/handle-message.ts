/**
 * The worker's one job, as a pure function: decode a request, run the simulator, answer with plain
 * data. Kept apart from `sim.worker.ts` so it runs (and is tested) in Node.
 */
import { type SimulateOptions, type SimulateResult, simulate } from "../sim/index.ts";
import { decodeRequest, PROTOCOL_VERSION, type Reply } from "./protocol.ts";

/** The simulator entry point; injectable so tests can exercise failures. */
export type SimulateFn = (text: string, opts: SimulateOptions) => SimulateResult;

/** Answers one message. Never throws: a simulator crash becomes an `error` reply. */
export function handleMessage(msg: unknown, simulateFn: SimulateFn = simulate): Reply {
  const decoded = decodeRequest(msg);
  if (!decoded.ok) return decoded.reply;
  const { id, text, untilMs, seed } = decoded.request;
  const opts: SimulateOptions = {};
  if (untilMs !== undefined) opts.untilMs = untilMs;
  if (seed !== undefined) opts.seed = seed;
  let result: SimulateResult;
  try {
    result = simulateFn(text, opts);
  } catch (e) {
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
  if (!result.ok) return { v: PROTOCOL_VERSION, type: "error", id, diagnostics: result.diagnostics };
  return {
    v: PROTOCOL_VERSION,
    type: "timeline",
    id,
    timeline: result.timeline,
    diagnostics: result.diagnostics,
  };
}
