/**
 * The timeline as it crosses from the worker to the page. A structured clone writes a string out
 * each time it is referenced, and a long run's probe attempts repeat a few strings (the server's
 * answer body, the rule's sentence) hundreds of thousands of times: a 1000-replica rollout's
 * timeline came to about 400 MB on the wire, and as many again on the page once read back. So the
 * attempts travel in columns (typed arrays, one set per timeline), each distinct string once;
 * `unpackTimeline` puts them back, the strings shared. The worker posts `encodeReply`'s message;
 * the page reads it through `decodeReply`.
 */
import type {
  ContainerTrack,
  PodTrack,
  ProbeAttempt,
  ProbeType,
  Timeline,
  WhyArgs,
  WhyCode,
} from "../sim/index.ts";
import type { Reply } from "./protocol.ts";

/** A probe track as sent: its attempts are `count` rows of the timeline's columns from `start`. */
export interface PackedProbeTrack {
  type: ProbeType;
  start: number;
  count: number;
}

/**
 * Every probe attempt of a timeline, one row each, track after track. Strings and reason values
 * are indexes into `strings` and `args` (-1: none).
 */
export interface AttemptColumns {
  atMs: Float64Array;
  durationMs: Float64Array;
  result: Int32Array;
  output: Int32Array;
  why: Int32Array;
  whyCode: Int32Array;
  whyArgs: Int32Array;
  strings: string[];
  /** Each distinct `whyArgs` object once. */
  args: WhyArgs[];
}

/** A container track with its probe tracks packed. */
export type PackedContainerTrack = Omit<ContainerTrack, "probes"> & { probes: PackedProbeTrack[] };

/** A pod track with its containers' probe tracks packed. */
export type PackedPodTrack = Omit<PodTrack, "containers"> & { containers: PackedContainerTrack[] };

/** A timeline as the worker sends it: probe attempts packed into `attempts`. */
export type PackedTimeline = Omit<Timeline, "pods"> & { pods: PackedPodTrack[]; attempts: AttemptColumns };

/**
 * The fields of an attempt that packing carries. Why a record of them: adding a field to
 * `ProbeAttempt` fails to compile here until the packing carries it too.
 */
export const PACKED_ATTEMPT_FIELDS: Readonly<Record<keyof ProbeAttempt, true>> = {
  atMs: true,
  durationMs: true,
  result: true,
  output: true,
  why: true,
  whyCode: true,
  whyArgs: true,
};

/** Packs a timeline for `postMessage`. */
export function packTimeline(tl: Timeline): PackedTimeline {
  let n = 0;
  for (const pod of tl.pods) for (const c of pod.containers) for (const t of c.probes) n += t.attempts.length;
  const cols: AttemptColumns = {
    atMs: new Float64Array(n),
    durationMs: new Float64Array(n),
    result: new Int32Array(n),
    output: new Int32Array(n),
    why: new Int32Array(n),
    whyCode: new Int32Array(n),
    whyArgs: new Int32Array(n),
    strings: [],
    args: [],
  };
  const strings = new Map<string, number>();
  const args = new Map<WhyArgs, number>();
  const intern = (s: string | undefined): number => {
    if (s === undefined) return -1;
    let i = strings.get(s);
    if (i === undefined) strings.set(s, (i = cols.strings.push(s) - 1));
    return i;
  };
  let row = 0;
  const packTrack = (t: { type: ProbeType; attempts: ProbeAttempt[] }): PackedProbeTrack => {
    const track = { type: t.type, start: row, count: t.attempts.length };
    for (const a of t.attempts) {
      cols.atMs[row] = a.atMs;
      cols.durationMs[row] = a.durationMs;
      cols.result[row] = intern(a.result);
      cols.output[row] = intern(a.output);
      cols.why[row] = intern(a.why);
      cols.whyCode[row] = intern(a.whyCode);
      let j = -1;
      if (a.whyArgs) {
        j = args.get(a.whyArgs) ?? -1;
        if (j < 0) args.set(a.whyArgs, (j = cols.args.push(a.whyArgs) - 1));
      }
      cols.whyArgs[row] = j;
      row++;
    }
    return track;
  };
  const pods = tl.pods.map((pod) => ({
    ...pod,
    containers: pod.containers.map((c) => ({ ...c, probes: c.probes.map(packTrack) })),
  }));
  return { ...tl, pods, attempts: cols };
}

/** The timeline a packed one stands for. */
export function unpackTimeline(p: PackedTimeline): Timeline {
  const { attempts: cols, ...rest } = p;
  const { strings } = cols;
  const unpackTrack = (t: PackedProbeTrack): { type: ProbeType; attempts: ProbeAttempt[] } => {
    const attempts: ProbeAttempt[] = new Array(t.count);
    for (let k = 0; k < t.count; k++) {
      const i = t.start + k;
      const a: ProbeAttempt = {
        atMs: cols.atMs[i]!,
        durationMs: cols.durationMs[i]!,
        result: strings[cols.result[i]!] as ProbeAttempt["result"],
        output: strings[cols.output[i]!]!,
      };
      if (cols.why[i]! >= 0) a.why = strings[cols.why[i]!];
      if (cols.whyCode[i]! >= 0) a.whyCode = strings[cols.whyCode[i]!] as WhyCode;
      if (cols.whyArgs[i]! >= 0) a.whyArgs = cols.args[cols.whyArgs[i]!];
      attempts[k] = a;
    }
    return { type: t.type, attempts };
  };
  return {
    ...rest,
    pods: p.pods.map((pod) => ({
      ...pod,
      containers: pod.containers.map((c) => ({ ...c, probes: c.probes.map(unpackTrack) })),
    })),
  };
}

/** A reply as posted: its timelines packed; the buffers to transfer rather than copy. */
export function encodeReply(reply: Reply): { message: unknown; transfer: ArrayBuffer[] } {
  const transfer: ArrayBuffer[] = [];
  const pack = (tl: Timeline): PackedTimeline => {
    const p = packTimeline(tl);
    const c = p.attempts;
    for (const a of [c.atMs, c.durationMs, c.result, c.output, c.why, c.whyCode, c.whyArgs])
      transfer.push(a.buffer as ArrayBuffer);
    return p;
  };
  if (reply.type === "timeline") return { message: { ...reply, timeline: pack(reply.timeline) }, transfer };
  if (reply.type === "compare-result") {
    const variants = reply.variants.map((v) => (v.timeline ? { ...v, timeline: pack(v.timeline) } : v));
    return { message: { ...reply, variants }, transfer };
  }
  return { message: reply, transfer };
}

/** A posted message with its timelines unpacked (anything else as it came). */
export function decodeReply(msg: unknown): unknown {
  if (typeof msg !== "object" || msg === null) return msg;
  const m = msg as { type?: unknown; timeline?: PackedTimeline; variants?: { timeline?: PackedTimeline }[] };
  if (m.type === "timeline" && isPacked(m.timeline)) return { ...m, timeline: unpackTimeline(m.timeline) };
  if (m.type === "compare-result" && Array.isArray(m.variants))
    return {
      ...m,
      variants: m.variants.map((v) =>
        isPacked(v?.timeline) ? { ...v, timeline: unpackTimeline(v.timeline) } : v,
      ),
    };
  return msg;
}

function isPacked(tl: unknown): tl is PackedTimeline {
  return typeof tl === "object" && tl !== null && typeof (tl as PackedTimeline).attempts === "object";
}
