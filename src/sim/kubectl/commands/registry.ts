/** The commands the emulator knows: what runs each one, its flags, and kubectl's full command list. */
import type { Wait } from "../api.ts";
import type { FlagSpec } from "../args.ts";
import type { Invocation } from "../context.ts";
import { clientError } from "../errors.ts";
import { DESCRIBE_FLAGS, describe } from "./describe.ts";
import { GET_FLAGS, get } from "./get.ts";

/** One command: its flags (besides the global ones), a one-line summary and what runs it. */
export interface CommandDef {
  flags: FlagSpec[];
  summary: string;
  run(inv: Invocation): Generator<Wait, number, void>;
}

/**
 * kubectl v1.34's visible top-level commands in name order, as cobra's `SuggestionsFor` considers
 * them for `Did you mean this?`.
 */
export const VISIBLE_COMMAND_NAMES: string[] = [
  "alpha",
  "annotate",
  "api-resources",
  "api-versions",
  "apply",
  "attach",
  "auth",
  "autoscale",
  "certificate",
  "cluster-info",
  "completion",
  "config",
  "cordon",
  "cp",
  "create",
  "debug",
  "delete",
  "describe",
  "diff",
  "drain",
  "edit",
  "events",
  "exec",
  "explain",
  "expose",
  "get",
  "help",
  "kustomize",
  "label",
  "logs",
  "options",
  "patch",
  "plugin",
  "port-forward",
  "proxy",
  "replace",
  "rollout",
  "run",
  "scale",
  "set",
  "taint",
  "top",
  "uncordon",
  "version",
  "wait",
];

/** A real kubectl command Podlife does not emulate (yet): a clear error, not "unknown command". */
function unsupported(name: string): CommandDef {
  return {
    flags: [],
    summary: `kubectl ${name}`,
    // biome-ignore lint/correctness/useYield: fails before doing anything
    *run() {
      throw clientError(`"kubectl ${name}" is not supported in Podlife`);
    },
  };
}

/** Commands by name. */
export const COMMANDS = new Map<string, CommandDef>([
  ["get", { flags: GET_FLAGS, summary: "Display one or many resources.", run: get }],
  [
    "describe",
    {
      flags: DESCRIBE_FLAGS,
      summary: "Show details of a specific resource or group of resources.",
      run: describe,
    },
  ],
]);

for (const name of VISIBLE_COMMAND_NAMES) if (!COMMANDS.has(name)) COMMANDS.set(name, unsupported(name));
