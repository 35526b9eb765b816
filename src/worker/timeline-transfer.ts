/**
 * The timeline as it crosses from the worker to the page. A structured clone writes a string out
 * each time it is referenced, and a long run's probe attempts repeat a few strings (the server's
 * answer body, the rule's sentence) hundreds of thousands of times: a 1000-replica rollout's
 * timeline came to about 400 MB on the wire, and as many again on the page once read back. So the
 * attempts travel in columns (typed arrays), each distinct string once in the timeline's table;
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

/** A probe track's attempts in columns; strings are indexes into the timeline's `strings` (-1: none). */
export interface PackedProbeTrack {
  type: ProbeType;
  atMs: Float64Array;
  durationMs: Float64Array;
  result: Int32Array;
  output: Int32Array;
  why: Int32Array;
  whyCode: Int32Array;
  /** The same object for attempts that shared one (a structured clone keeps that). */
  whyArgs: (WhyArgs | null)[];
}

/** A container track with its probe tracks packed. */
export type PackedContainerTrack = Omit<ContainerTrack, "probes"> & { probes: PackedProbeTrack[] };

/** A pod track with its containers' probe tracks packed. */
export type PackedPodTrack = Omit<PodTrack, "containers"> & { containers: PackedContainerTrack[] };

/** A timeline as the worker sends it: probe attempts packed, with the table of their strings. */
export type PackedTimeline = Omit<Timeline, "pods"> & { pods: PackedPodTrack[]; strings: string[] };

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
  const strings: string[] = [];
  const index = new Map<string, number>();
  const intern = (s: string | undefined): number => {
    if (s === undefined) return -1;
    let i = index.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      index.set(s, i);
    }
    return i;
  };
  const packTrack = (t: { type: ProbeType; attempts: ProbeAttempt[] }): PackedProbeTrack => {
    const n = t.attempts.length;
    const p: PackedProbeTrack = {
      type: t.type,
      atMs: new Float64Array(n),
      durationMs: new Float64Array(n),
      result: new Int32Array(n),
      output: new Int32Array(n),
      why: new Int32Array(n),
      whyCode: new Int32Array(n),
      whyArgs: new Array(n),
    };
    t.attempts.forEach((a, i) => {
      p.atMs[i] = a.atMs;
      p.durationMs[i] = a.durationMs;
      p.result[i] = intern(a.result);
      p.output[i] = intern(a.output);
      p.why[i] = intern(a.why);
      p.whyCode[i] = intern(a.whyCode);
      p.whyArgs[i] = a.whyArgs ?? null;
    });
    return p;
  };
  const pods = tl.pods.map((pod) => ({
    ...pod,
    containers: pod.containers.map((c) => ({ ...c, probes: c.probes.map(packTrack) })),
  }));
  return { ...tl, pods, strings };
}

/** The timeline a packed one stands for. */
export function unpackTimeline(p: PackedTimeline): Timeline {
  const { strings, ...rest } = p;
  const unpackTrack = (t: PackedProbeTrack): { type: ProbeType; attempts: ProbeAttempt[] } => {
    const attempts: ProbeAttempt[] = new Array(t.atMs.length);
    for (let i = 0; i < attempts.length; i++) {
      const a: ProbeAttempt = {
        atMs: t.atMs[i]!,
        durationMs: t.durationMs[i]!,
        result: strings[t.result[i]!] as ProbeAttempt["result"],
        output: strings[t.output[i]!]!,
      };
      if (t.why[i]! >= 0) a.why = strings[t.why[i]!];
      if (t.whyCode[i]! >= 0) a.whyCode = strings[t.whyCode[i]!] as WhyCode;
      const args = t.whyArgs[i];
      if (args) a.whyArgs = args;
      attempts[i] = a;
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
    for (const pod of p.pods)
      for (const c of pod.containers)
        for (const t of c.probes)
          for (const a of [t.atMs, t.durationMs, t.result, t.output, t.why, t.whyCode])
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
  return typeof tl === "object" && tl !== null && Array.isArray((tl as PackedTimeline).strings);
}
