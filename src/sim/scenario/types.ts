/**
 * The parsed shape of a scenario: Kubernetes objects plus Podlife's own `Scenario` document
 * (`apiVersion: podlife.dev/v1alpha1`, `kind: Scenario`). The field names `seed`, `traffic`,
 * `timeline`, `at` and `run` are fixed by the product design; outside checks use them.
 */

/** A Kubernetes object as parsed from YAML (already defaulted when it comes out of `loadScenario`). */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; [k: string]: unknown };
  spec?: Record<string, unknown>;
  [k: string]: unknown;
}

/** How an application image's HTTP endpoint answers, possibly changing over the container's life. */
export interface AppHttpRoute {
  /** Request path, exact match; `*` matches any path. */
  path: string;
  /** Status by time since the process started: the last entry whose `afterSeconds` has passed wins. */
  responses: { afterSeconds: number; status: number; body?: string; delaySeconds?: number }[];
}

/** An application image described in the Scenario document (what the image does when run). */
export interface AppImageSpec {
  /** Repository, e.g. `example.com/shop/web` (normalised like any image reference). */
  name: string;
  /** Tags that exist; empty or absent means any tag exists. */
  tags?: string[];
  sizeBytes?: number;
  /** Pull duration; derived from the size when absent. */
  pullSeconds?: number;
  entrypoint?: string[];
  cmd?: string[];
  env?: Record<string, string>;
  workingDir?: string;
  stopSignal?: string;
  /** Seconds from process start until it listens on its ports. */
  startupSeconds?: number;
  ports?: number[];
  http?: AppHttpRoute[];
  /** gRPC health: serving once listening (default true when ports are set). */
  grpc?: boolean;
  /** What the process does on SIGTERM (or its stop signal): exit after draining, or ignore it. */
  onSigterm?: { action: "exit" | "ignore"; drainSeconds?: number; exitCode?: number };
  /** The process exits on its own after this many seconds with `exitCode`. */
  exitAfterSeconds?: number;
  exitCode?: number;
  /** Lines printed to stdout at start. */
  logs?: string[];
  /** Files present in the image (path → content). */
  files?: Record<string, string>;
}

/** A node of the simulated cluster. */
export interface NodeSpec {
  name: string;
  /** Images already present on the node at time 0. */
  images?: string[];
}

/** A traffic generator sending requests to a Service. */
export interface TrafficSpec {
  service: string;
  rps: number;
  port?: number;
  path?: string;
  /** How long each request lasts on top of the server's own answer time. */
  requestSeconds?: number;
  /** When sending starts (virtual ms); unset: once kube-proxy has a ready endpoint for the Service. */
  startMs?: number;
  /** When sending stops (virtual ms); unset: never. */
  stopMs?: number;
}

/** A command to run at a virtual time, exactly as typed in a terminal. */
export interface TimelineEntry {
  /** Virtual time since start in ms. */
  atMs: number;
  /** The duration text as written (`90s`, `1m30s`). */
  at: string;
  run: string;
}

/** Podlife's own scenario settings with defaults applied. */
export interface ScenarioSettings {
  name: string;
  seed: number;
  /** Virtual time 0 as a Unix epoch ms (fixed default so timestamps are real dates). */
  startTimeMs: number;
  kubernetesVersion: string;
  nodes: NodeSpec[];
  images: AppImageSpec[];
  /** Delay between an EndpointSlice change and kube-proxy acting on it. */
  endpointPropagationMs: number;
  /** How long the views simulate (virtual ms), when the Scenario sets `spec.duration`. */
  durationMs?: number;
  traffic: TrafficSpec[];
  timeline: TimelineEntry[];
}

/** Severity of a diagnostic. */
export type Severity = "error" | "warning" | "info";

/** A problem found in the scenario text, located as precisely as possible. */
export interface Diagnostic {
  severity: Severity;
  /**
   * 1-based document index in the multi-document YAML, counting non-empty documents (a leading
   * `---` does not count); 0 when the problem is not in the text (e.g. an invalid `--seed`).
   */
  document: number;
  /** 1-based line and column in the whole text, when known. */
  line?: number;
  column?: number;
  /** Kubernetes-style field path, e.g. `spec.containers[1].name`, when the problem is in a field. */
  path?: string;
  /** The message, Kubernetes-style where it mirrors API validation. */
  message: string;
  /** What to do about it, when there is a precise hint (a full-width comma, a tab). */
  hint?: string;
  /** Machine-readable code (`yaml`, `invalid`, `required`, `duplicate`, `unsupported-field`, …). */
  code: string;
  /** The object the diagnostic is about, when it is one (for `The Pod "x" is invalid: …`). */
  object?: { kind: string; name: string };
}

/** The result of loading a scenario text. */
export interface Scenario {
  objects: KubeObject[];
  settings: ScenarioSettings;
  /** Warnings and infos (fields kept but not simulated, …). Errors make `loadScenario` fail. */
  diagnostics: Diagnostic[];
}

/** `loadScenario` either gives a scenario or the errors that stop it. */
export type LoadResult = { ok: true; scenario: Scenario } | { ok: false; diagnostics: Diagnostic[] };

/** The default virtual start time: 2025-01-01T00:00:00Z. */
export const DEFAULT_START_TIME_MS = Date.UTC(2025, 0, 1, 0, 0, 0);
