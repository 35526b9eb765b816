/**
 * What the kubectl emulator needs from the simulated cluster. The cluster implements it; the
 * emulator only reads API-shaped objects and asks for actions. Commands that take time in real life
 * (`delete` waiting for the object to go, `exec` of a slow command) are generators that yield
 * `Wait`s; the driver advances virtual time until each wait is over.
 */

/** A Kubernetes API object as JSON (metadata, spec, status exactly as the API server shapes them). */
export type ApiObject = {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    creationTimestamp?: string;
    deletionTimestamp?: string;
    deletionGracePeriodSeconds?: number;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [k: string]: unknown;
  };
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
  [k: string]: unknown;
};

/** A v1 Event as the API returns it (aggregated: count, first/last timestamp). */
export interface ApiEvent extends ApiObject {
  involvedObject: {
    kind: string;
    name: string;
    namespace: string;
    uid: string;
    apiVersion: string;
    fieldPath?: string;
  };
  reason: string;
  message: string;
  type: "Normal" | "Warning";
  source: { component: string; host?: string };
  count: number;
  firstTimestamp: string;
  lastTimestamp: string;
  eventTime: string;
  reportingComponent: string;
  reportingInstance: string;
}

/** Something a running command waits for. */
export type Wait = { kind: "sleep"; ms: number } | { kind: "until"; done: () => boolean; timeoutMs?: number };

/** A command in progress; returns its result when done. */
export type CommandTask<T> = Generator<Wait, T, void>;

/** Output of one kubectl command line. */
export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Output of running a command inside a container or on a node. */
export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** What `ClusterApi.apply` answers. */
export type ApplyResult = { ok: true; lines: string[]; objects?: ApiObject[] } | { ok: false; error: string };

/** The simulated cluster as kubectl sees it. */
export interface ClusterApi {
  /** Current virtual time (ms since scenario start) and the start time (epoch ms). */
  nowMs(): number;
  startTimeMs(): number;
  /** Objects of a kind (`Pod`, `Node`, `Event`, later `Deployment`, …) in a namespace (all when undefined). */
  list(kind: string, namespace?: string): ApiObject[];
  get(kind: string, namespace: string, name: string): ApiObject | undefined;
  /** Events as `kubectl get events` lists them, in the order first recorded. */
  events(namespace?: string): ApiEvent[];
  /**
   * Requests deletion; returns an error message (kubectl style) or undefined. With `dryRun` (a
   * server-side dry run, `dryRun=All`) the request is checked and nothing is deleted.
   */
  delete(
    kind: string,
    namespace: string,
    name: string,
    opts: { gracePeriodSeconds?: number; force?: boolean; dryRun?: boolean },
  ): string | undefined;
  /**
   * Creates or updates objects from a manifest text; one line per object (`pod/x created`). With
   * `dryRun` (a server-side dry run) each object is validated, defaulted and admitted as for a
   * real request, nothing is stored, and `objects` holds what the API server would answer.
   */
  apply(manifest: string, namespace: string, opts?: { dryRun?: boolean }): ApplyResult;
  /** Container logs (`previous` for the last terminated instance). */
  logs(
    namespace: string,
    pod: string,
    container: string | undefined,
    opts: { previous?: boolean; tail?: number; timestamps?: boolean },
  ): { ok: true; text: string } | { ok: false; error: string };
  /** Runs a command in a container; the task ends when the command does. */
  exec(
    namespace: string,
    pod: string,
    container: string | undefined,
    argv: string[],
    stdin?: string,
  ): CommandTask<ExecResult>;
  /** Runs a command in the node's own filesystem (the `kubectl node-shell` plugin). */
  nodeShell(node: string, argv: string[]): CommandTask<ExecResult>;
  /**
   * Replaces an existing object (same kind, namespace and name) with `obj`, as the PATCH that
   * `kubectl scale`, `set image` and `rollout restart|undo` send: the API server keeps `status`,
   * bumps `metadata.generation` when `spec` changed and notifies controllers (with `dryRun`, only
   * checks that it could). Returns an error message (kubectl style) or undefined. Optional until the cluster implements it; those
   * commands say they are unavailable without it.
   */
  update?(obj: ApiObject, opts?: { dryRun?: boolean }): string | undefined;
  /**
   * Replaces an object's `status` (the `status` subresource, as `kubectl patch --subresource=status`
   * writes it); whoever owns the object reacts (the kubelet re-evaluates readiness gates).
   */
  updateStatus?(obj: ApiObject): string | undefined;
}
