/**
 * React hook: simulates the scenario text in the worker whenever it changes (the newest text only,
 * see `latest-only.ts`), and keeps the latest timeline on screen while a new one is computed.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { Diagnostic, Timeline } from "../sim/index.ts";
import type { CompareReply, ErrorReply, ScenarioTextReply } from "../worker/protocol.ts";
import { type LatestOnly, latestOnly } from "./latest-only.ts";
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
  /** `performance.now()` when the text behind `timeline` was handed over to be simulated (for redraw timing). */
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

/** How long a simulation overtaken by a newer edit may go on before the worker is restarted. */
export const STALE_RUN_CANCEL_MS = 300;

export function useSimulation(text: string): SimulationHandle {
  const clientRef = useRef<SimClient | null>(null);
  const runnerRef = useRef<LatestOnly<string> | null>(null);
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
    // No debounce: each edit is simulated at once when the worker is idle; edits made while it is
    // busy collapse into the newest, and a stale run that goes on too long is cancelled.
    const runner = latestOnly(
      (t: string) => client.simulate(t),
      (reply, _text, { requestedAt, startedAt }) => {
        const lastRunMs = performance.now() - startedAt;
        setState((s) =>
          reply.type === "timeline"
            ? {
                timeline: reply.timeline,
                diagnostics: reply.diagnostics,
                failed: false,
                busy: false,
                lastRunMs,
                runStartedAt: requestedAt,
              }
            : { timeline: s.timeline, diagnostics: reply.diagnostics, failed: true, busy: false, lastRunMs },
        );
      },
      { cancel: () => client.cancelSimulations(), cancelAfterMs: STALE_RUN_CANCEL_MS },
    );
    runnerRef.current = runner;
    return () => {
      runner.dispose();
      runnerRef.current = null;
      client.dispose();
      clientRef.current = null;
    };
  }, []);

  useEffect(() => {
    setState((s) => (s.busy ? s : { ...s, busy: true }));
    runnerRef.current?.request(text);
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
