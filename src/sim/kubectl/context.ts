/** What a running kubectl command works with: the cluster, its parsed arguments and its output. */

import type { ClusterApi } from "./api.ts";
import type { Flags } from "./args.ts";

/** What the caller supplies besides the command line. */
export interface KubectlContext {
  /** Files `-f` may name (the scenario file, for `kubectl apply -f`). */
  files?: Record<string, string>;
  /** Standard input (`apply -f -`, `exec -i`). */
  stdin?: string;
  /** Whether standard input is a terminal (the browser console); replay scripts are not. */
  tty?: boolean;
  /** The kubeconfig context's namespace (default `default`). */
  namespace?: string;
}

/** Accumulates a command's stdout and stderr. */
export class Output {
  stdout = "";
  stderr = "";

  out(text: string): void {
    this.stdout += text;
  }

  err(text: string): void {
    this.stderr += text;
  }
}

/** One invocation of a command. */
export interface Invocation {
  api: ClusterApi;
  /** The command's name as typed (`get`), for usage messages. */
  command: string;
  namespace: string;
  /** Whether `-n` was given explicitly. */
  namespaceExplicit: boolean;
  flags: Flags;
  positionals: string[];
  afterDash: string[] | undefined;
  ctx: KubectlContext;
  out: Output;
  /** Current time as epoch milliseconds. */
  now(): number;
}
