/** The commands the emulator knows: what runs each one, its flags, and kubectl's full command list. */
import type { Wait } from "../api.ts";
import type { FlagSpec } from "../args.ts";
import type { Invocation } from "../context.ts";
import { clientError } from "../errors.ts";
import { APPLY_FLAGS, apply } from "./apply.ts";
import { CREATE_FLAGS, createCommand, EXPOSE_FLAGS, expose } from "./create-expose.ts";
import { DELETE_FLAGS, deleteCommand } from "./delete.ts";
import { DESCRIBE_FLAGS, describe } from "./describe.ts";
import { EVENTS_FLAGS, events } from "./events.ts";
import { EXEC_FLAGS, exec } from "./exec.ts";
import { GET_FLAGS, get } from "./get.ts";
import { annotate, LABEL_FLAGS, label } from "./label.ts";
import { LOGS_FLAGS, logs } from "./logs.ts";
import { API_RESOURCES_FLAGS, apiResources, VERSION_FLAGS, version } from "./misc.ts";
import { nodeShell } from "./node-shell.ts";
import { PATCH_FLAGS, patch } from "./patch.ts";
import { ROLLOUT_FLAGS, rollout } from "./rollout.ts";
import { RUN_FLAGS, run } from "./run.ts";
import { SCALE_FLAGS, SET_FLAGS, scale, set } from "./scale-set.ts";
import { WAIT_FLAGS, waitCommand } from "./wait.ts";

/** One command: its flags (besides the global ones), a one-line summary and what runs it. */
export interface CommandDef {
  flags: FlagSpec[];
  summary: string;
  /** A plugin: its words are passed through as positionals, unparsed. */
  raw?: boolean;
  /** A real kubectl command that Podlife does not emulate. */
  unsupported?: boolean;
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
    raw: true,
    unsupported: true,
    // biome-ignore lint/correctness/useYield: fails before doing anything
    *run() {
      throw clientError(`"kubectl ${name}" is not supported in Podlife`);
    },
  };
}

/** Wraps a command that never waits. */
function now(run: (inv: Invocation) => number): (inv: Invocation) => Generator<Wait, number, void> {
  // biome-ignore lint/correctness/useYield: the command finishes without waiting
  return function* (inv) {
    return run(inv);
  };
}

/** Commands by name. */
export const COMMANDS = new Map<string, CommandDef>([
  ["get", { flags: GET_FLAGS, summary: "Display one or many resources.", run: now(get) }],
  [
    "describe",
    {
      flags: DESCRIBE_FLAGS,
      summary: "Show details of a specific resource or group of resources.",
      run: now(describe),
    },
  ],
  ["logs", { flags: LOGS_FLAGS, summary: "Print the logs for a container in a pod.", run: logs }],
  ["exec", { flags: EXEC_FLAGS, summary: "Execute a command in a container.", run: exec }],
  [
    "delete",
    {
      flags: DELETE_FLAGS,
      summary:
        "Delete resources by file names, stdin, resources and names, or by resources and label selector.",
      run: deleteCommand,
    },
  ],
  [
    "apply",
    {
      flags: APPLY_FLAGS,
      summary: "Apply a configuration to a resource by file name or stdin.",
      run: now(apply),
    },
  ],
  [
    "version",
    { flags: VERSION_FLAGS, summary: "Print the client and server version information.", run: now(version) },
  ],
  [
    "api-resources",
    {
      flags: API_RESOURCES_FLAGS,
      summary: "Print the supported API resources on the server.",
      run: now(apiResources),
    },
  ],
  [
    "create",
    { flags: CREATE_FLAGS, summary: "Create a resource from a file or from stdin.", run: now(createCommand) },
  ],
  [
    "expose",
    {
      flags: EXPOSE_FLAGS,
      summary:
        "Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service.",
      run: now(expose),
    },
  ],
  ["label", { flags: LABEL_FLAGS, summary: "Update the labels on a resource.", run: now(label) }],
  [
    "patch",
    {
      flags: PATCH_FLAGS,
      summary:
        "Update fields of a resource using strategic merge patch, a JSON merge patch, or a JSON patch.",
      run: now(patch),
    },
  ],
  ["annotate", { flags: LABEL_FLAGS, summary: "Update the annotations on a resource.", run: now(annotate) }],
  ["events", { flags: EVENTS_FLAGS, summary: "List events.", run: now(events) }],
  ["run", { flags: RUN_FLAGS, summary: "Run a particular image on the cluster.", run: now(run) }],
  ["rollout", { flags: ROLLOUT_FLAGS, summary: "Manage the rollout of a resource.", run: rollout }],
  [
    "scale",
    {
      flags: SCALE_FLAGS,
      summary: "Set a new size for a deployment, replica set, or replication controller.",
      run: now(scale),
    },
  ],
  ["set", { flags: SET_FLAGS, summary: "Set specific features on objects.", run: now(set) }],
  [
    "wait",
    {
      flags: WAIT_FLAGS,
      summary: "Experimental: Wait for a specific condition on one or many resources.",
      run: waitCommand,
    },
  ],
  [
    "node-shell",
    {
      flags: [],
      summary: "Start a root shell in the node's host OS (kubectl-node-shell plugin).",
      raw: true,
      run: nodeShell,
    },
  ],
]);

for (const name of VISIBLE_COMMAND_NAMES) if (!COMMANDS.has(name)) COMMANDS.set(name, unsupported(name));
