/**
 * Playback of a simulated run: a playhead in virtual time that can play at 1×–100×, step from one
 * event to the next, or jump anywhere. The pure helpers are tested in Node; `usePlayback` drives the
 * playhead with `requestAnimationFrame`.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { DEFAULT_SPEED, PLAYBACK_SPEEDS } from "../share/view-params.ts";
import type { Timeline } from "../sim/index.ts";

/** Playback speeds offered (virtual seconds per wall second). */
export const SPEEDS = PLAYBACK_SPEEDS;

/** Sorted, distinct virtual times at which something happened: Kubernetes events and container marks. */
export function eventTimes(timeline: Timeline): number[] {
  const times = new Set<number>();
  for (const e of timeline.events) times.add(e.atMs);
  for (const p of timeline.pods) for (const c of p.containers) for (const m of c.marks) times.add(m.atMs);
  return [...times].filter((t) => t >= 0 && t <= timeline.endMs).sort((a, b) => a - b);
}

/** The first time in `times` strictly after `ms`, if any. */
export function nextTime(times: readonly number[], ms: number): number | undefined {
  return times.find((t) => t > ms);
}

/** The last time in `times` strictly before `ms`, if any. */
export function previousTime(times: readonly number[], ms: number): number | undefined {
  return times.findLast((t) => t < ms);
}

/**
 * Reads a time typed by a user: `90s`, `1m30s`, `1500ms`, `2m`, `1.5s`, or a bare number of
 * seconds. Returns milliseconds, or undefined when the text is not a time.
 */
export function parseTime(text: string): number | undefined {
  const t = text.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Math.round(Number(t) * 1000);
  if (!/^(\d+(\.\d+)?(ms|h|m|s))+$/.test(t)) return undefined;
  const unit: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let ms = 0;
  for (const m of t.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)) ms += Number(m[1]) * unit[m[2]!]!;
  return Math.round(ms);
}

/** The playhead and what can be done with it. */
export interface Playback {
  playheadMs: number;
  playing: boolean;
  speed: number;
  endMs: number;
  setPlayhead(ms: number): void;
  toggle(): void;
  pause(): void;
  setSpeed(speed: number): void;
  stepNext(): void;
  stepPrevious(): void;
}

/** A range of virtual time played over and over. */
export interface LoopRange {
  fromMs: number;
  toMs: number;
}

/** Where playback starts and how it runs (from a link's view settings or embed parameters). */
export interface PlaybackOptions {
  /** Playhead at start; absent: at the end (everything shown). */
  initialMs?: number | undefined;
  speed?: number | undefined;
  /** Start playing as soon as there is a timeline. */
  autoplay?: boolean | undefined;
  loop?: LoopRange | undefined;
}

/**
 * The playhead after `elapsedMs` of playing from `atMs`: it stops at `endMs`, or, with a loop,
 * wraps from the loop's end (or the run's) back to the loop's start. Returns the new time and
 * whether playing goes on.
 */
export function advancePlayhead(
  atMs: number,
  elapsedMs: number,
  endMs: number,
  loop?: LoopRange,
): { ms: number; playing: boolean } {
  const next = atMs + elapsedMs;
  if (loop) {
    const from = Math.min(loop.fromMs, endMs);
    const to = Math.min(loop.toMs, endMs);
    if (to <= from) return { ms: from, playing: false };
    if (next >= to || next < from)
      return { ms: from + ((Math.max(next, to) - to) % (to - from)), playing: true };
    return { ms: next, playing: true };
  }
  return next >= endMs ? { ms: endMs, playing: false } : { ms: next, playing: true };
}

/**
 * Playback state for a timeline. The playhead starts at the end (everything shown) unless
 * `options.initialMs` says otherwise, and stays where it is when a re-simulation keeps the range.
 */
export function usePlayback(timeline: Timeline | undefined, options: PlaybackOptions = {}): Playback {
  const endMs = timeline?.endMs ?? 0;
  const [playheadMs, setPlayheadMs] = useState<number>(options.initialMs ?? Number.POSITIVE_INFINITY);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<number>(options.speed ?? DEFAULT_SPEED);
  const times = useRef<number[]>([]);
  times.current = timeline ? eventTimes(timeline) : [];
  const clamped = Math.min(Math.max(0, playheadMs), endMs);
  const { loop } = options;
  const latest = useRef({ clamped, endMs, speed, loop });
  latest.current = { clamped, endMs, speed, loop };

  // Autoplay once, when the first timeline arrives.
  const autoplayed = useRef(false);
  useEffect(() => {
    if (!options.autoplay || autoplayed.current || !timeline) return;
    autoplayed.current = true;
    setPlaying(true);
  }, [options.autoplay, timeline]);

  useEffect(() => {
    if (!playing) return;
    let last = performance.now();
    let frame = requestAnimationFrame(function tick(now) {
      const { clamped: at, endMs: end, speed: sp, loop: range } = latest.current;
      const next = advancePlayhead(at, (now - last) * sp, end, range);
      last = now;
      setPlayheadMs(next.ms);
      if (!next.playing) setPlaying(false);
      else frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [playing]);

  const setPlayhead = useCallback((ms: number) => setPlayheadMs(Math.max(0, ms)), []);
  const toggle = useCallback(() => {
    setPlaying((p) => {
      // Playing from the very end starts over (from the loop's start when there is one).
      const { clamped: at, endMs: end, loop: range } = latest.current;
      if (!p && at >= end) setPlayheadMs(range ? range.fromMs : 0);
      return !p;
    });
  }, []);
  const pause = useCallback(() => setPlaying(false), []);
  const stepNext = useCallback(() => {
    setPlaying(false);
    const t = nextTime(times.current, latest.current.clamped);
    setPlayheadMs(t ?? latest.current.endMs);
  }, []);
  const stepPrevious = useCallback(() => {
    setPlaying(false);
    setPlayheadMs(previousTime(times.current, latest.current.clamped) ?? 0);
  }, []);

  return {
    playheadMs: clamped,
    playing,
    speed,
    endMs,
    setPlayhead,
    toggle,
    pause,
    setSpeed,
    stepNext,
    stepPrevious,
  };
}
