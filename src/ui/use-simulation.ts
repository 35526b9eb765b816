/**
 * React hook: simulates the scenario text in the worker whenever it changes (debounced), and
 * keeps the latest timeline on screen while a new one is computed.
 */
import { useEffect, useRef, useState } from "react";
import type { Diagnostic, Timeline } from "../sim/index.ts";
import { createSimClient, type SimClient } from "./sim-client.ts";

/** What the views show: the last good timeline, and the diagnostics of the latest run. */
export interface SimulationState {
  timeline: Timeline | undefined;
  diagnostics: Diagnostic[];
  /** Whether the latest run failed (the timeline shown is then from an earlier run). */
  failed: boolean;
  busy: boolean;
  /** Wall time the latest run took, round trip through the worker. */
  lastRunMs: number | undefined;
}

/** Debounce for edits: a pause in typing, not every keystroke, starts a run. */
export const SIMULATE_DEBOUNCE_MS = 150;

export function useSimulation(text: string): SimulationState {
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
              }
            : { timeline: s.timeline, diagnostics: reply.diagnostics, failed: true, busy: false, lastRunMs },
        );
      });
    }, delay);
    return () => clearTimeout(timer);
  }, [text]);

  return state;
}
