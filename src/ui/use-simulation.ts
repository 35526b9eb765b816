/**
 * React hook: simulates the scenario text in the worker whenever it changes (debounced), and
 * keeps the latest timeline on screen while a new one is computed.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { Diagnostic, Timeline } from "../sim/index.ts";
import type { CompareReply, ErrorReply, ScenarioTextReply } from "../worker/protocol.ts";
import { createSimClient, type KubectlCommandReply, type SimClient } from "./sim-client.ts";

/** What the views show: the last good timeline, and the diagnostics of the latest run. */
export interface SimulationState {
  timeline: Timeline | undefined;
  diagnostics: Diagnostic[];
  /** Whether the latest run failed (the timeline shown is then from an earlier run). */
  failed: boolean;
  busy: boolean;
  /** Wall time the latest run took, round trip through the worker. */
  lastRunMs: number | undefined;
  /** `performance.now()` when the run behind `timeline` was sent to the worker (for redraw timing). */
  runStartedAt?: number;
}

/** The simulation state, and a kubectl console into the same worker. */
export interface SimulationHandle extends SimulationState {
  /** Runs a `kubectl …` line against the current text simulated up to `atMs`. */
  kubectl(atMs: number, line: string): Promise<KubectlCommandReply>;
  /** The current text with `line` added to its Scenario timeline at `atMs`. */
  recordCommand(atMs: number, line: string): Promise<ScenarioTextReply | ErrorReply>;
  /** Simulates variants of a scenario (compare mode) in the same worker. */
  compare(variants: { label: string; text: string }[]): Promise<CompareReply | ErrorReply>;
}

/** Debounce for edits: a pause in typing, not every keystroke, starts a run. */
export const SIMULATE_DEBOUNCE_MS = 150;

export function useSimulation(text: string): SimulationHandle {
  const clientRef = useRef<SimClient | null>(null);
  const latest = useRef(0);
  const first = useRef(true);
  const [state, setState] = useState<SimulationState>({
    timeline: undefined,
    diagnostics: [],
    failed: false,
    busy: true,
    lastRunMs: undefined,
  });

  useEffect(() => {
    const client = createSimClient();
    clientRef.current = client;
    return () => {
      client.dispose();
      clientRef.current = null;
    };
  }, []);

  useEffect(() => {
    const run = ++latest.current;
    const delay = first.current ? 0 : SIMULATE_DEBOUNCE_MS;
    first.current = false;
    const timer = setTimeout(() => {
      const client = clientRef.current;
      if (!client) return;
      setState((s) => ({ ...s, busy: true }));
      const started = performance.now();
      client.simulate(text).then((reply) => {
        if (run !== latest.current) return; // a newer edit superseded this run
        const lastRunMs = performance.now() - started;
        setState((s) =>
          reply.type === "timeline"
            ? {
                timeline: reply.timeline,
                diagnostics: reply.diagnostics,
                failed: false,
                busy: false,
                lastRunMs,
                runStartedAt: started,
              }
            : { timeline: s.timeline, diagnostics: reply.diagnostics, failed: true, busy: false, lastRunMs },
        );
      });
    }, delay);
    return () => clearTimeout(timer);
  }, [text]);

  const textRef = useRef(text);
  textRef.current = text;
  const kubectl = useCallback((atMs: number, line: string): Promise<KubectlCommandReply> => {
    const client = clientRef.current;
    if (!client) return Promise.reject(new Error("the simulator is not running"));
    return client.kubectl(textRef.current, atMs, line);
  }, []);

  const recordCommand = useCallback((atMs: number, line: string) => {
    const client = clientRef.current;
    if (!client) return Promise.reject(new Error("the simulator is not running"));
    return client.recordCommand(textRef.current, atMs, line);
  }, []);

  const compare = useCallback((variants: { label: string; text: string }[]) => {
    const client = clientRef.current;
    if (!client) return Promise.reject(new Error("the simulator is not running"));
    return client.compare(variants);
  }, []);

  return { ...state, kubectl, recordCommand, compare };
}
