/**
 * Playback of a simulated run: a playhead in virtual time that can play at 1×–100×, step from one
 * event to the next, or jump anywhere. The pure helpers are tested in Node; `usePlayback` drives the
 * playhead with `requestAnimationFrame`.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { Timeline } from "../sim/index.ts";

/** Playback speeds offered (virtual seconds per wall second). */
export const SPEEDS = [1, 2, 5, 10, 25, 50, 100] as const;

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

/**
 * Playback state for a timeline. The playhead starts at the end (everything shown) unless
 * `initialMs` says otherwise, and stays where it is when a re-simulation keeps the range.
 */
export function usePlayback(timeline: Timeline | undefined, initialMs?: number): Playback {
  const endMs = timeline?.endMs ?? 0;
  const [playheadMs, setPlayheadMs] = useState<number>(initialMs ?? Number.POSITIVE_INFINITY);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<number>(10);
  const times = useRef<number[]>([]);
  times.current = timeline ? eventTimes(timeline) : [];
  const clamped = Math.min(Math.max(0, playheadMs), endMs);
  const latest = useRef({ clamped, endMs, speed });
  latest.current = { clamped, endMs, speed };

  useEffect(() => {
    if (!playing) return;
    let last = performance.now();
    let frame = requestAnimationFrame(function tick(now) {
      const { clamped: at, endMs: end, speed: sp } = latest.current;
      const next = Math.min(end, at + (now - last) * sp);
      last = now;
      setPlayheadMs(next);
      if (next >= end) setPlaying(false);
      else frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [playing]);

  const setPlayhead = useCallback((ms: number) => setPlayheadMs(Math.max(0, ms)), []);
  const toggle = useCallback(() => {
    setPlaying((p) => {
      // Playing from the very end starts over.
      if (!p && latest.current.clamped >= latest.current.endMs) setPlayheadMs(0);
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
