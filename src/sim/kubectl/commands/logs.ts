/**
 * `kubectl logs [-f] [-p] (POD | pod/NAME) [-c CONTAINER]`, with `--tail`, `--timestamps`,
 * `--all-containers`, `--prefix` and `-l`. `-f` prints what has been logged so far and returns:
 * a replayed command cannot stream (the next command in a script would never run).
 */
import type { ApiObject, Wait } from "../api.ts";
import type { FlagSpec } from "../args.ts";
import type { Invocation } from "../context.ts";
import { clientError, fromCluster, usageError } from "../errors.ts";
import { asPod } from "../model.ts";
import { parseLabelSelector } from "../selectors.ts";
import { podForObject } from "./pod-for-object.ts";
import { defaultContainer } from "./pod-target.ts";
import { apiOrder } from "./targets.ts";

/** Flags of `kubectl logs`. */
export const LOGS_FLAGS: FlagSpec[] = [
  { name: "container", short: "c", kind: "string" },
  { name: "previous", short: "p", kind: "bool" },
  { name: "tail", kind: "int" },
  { name: "timestamps", kind: "bool" },
  { name: "follow", short: "f", kind: "bool" },
  { name: "all-containers", kind: "bool" },
  { name: "prefix", kind: "bool" },
  { name: "selector", short: "l", kind: "string" },
  { name: "ignore-errors", kind: "bool" },
  { name: "max-log-requests", kind: "int" },
  { name: "pod-running-timeout", kind: "string" },
  { name: "since", kind: "string" },
  { name: "since-time", kind: "string" },
  { name: "limit-bytes", kind: "int" },
  { name: "insecure-skip-tls-verify-backend", kind: "bool" },
];

// Why (logs.go): the usage error kubectl prints when the pod argument is missing or extra.
const LOGS_USAGE =
  "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command";

/** `FindContainerByName`: containers, then init containers. */
function hasContainer(pod: ApiObject, name: string): boolean {
  const p = asPod(pod);
  return [...p.spec.containers, ...(p.spec.initContainers ?? [])].some((c) => c.name === name);
}

/** Runs `kubectl logs`. */
export function* logs(inv: Invocation): Generator<Wait, number, void> {
  const { flags, api, out } = inv;
  const selector = flags.string("selector");
  let resourceArg: string | undefined;
  let container = flags.string("container");
  switch (inv.positionals.length) {
    case 0:
      if (selector === undefined) throw usageHelp(LOGS_USAGE);
      break;
    case 1:
      resourceArg = inv.positionals[0];
      if (selector !== undefined) throw usageHelp("only a selector (-l) or a POD name is allowed");
      break;
    case 2:
      resourceArg = inv.positionals[0];
      container = inv.positionals[1];
      break;
    default:
      throw usageHelp(LOGS_USAGE);
  }
  const allContainers = flags.bool("all-containers");
  if (allContainers && container !== undefined) {
    throw clientError("--container cannot be specified with --all-containers");
  }
  let tail = flags.int("tail") ?? -1;
  let pods: ApiObject[];
  if (resourceArg !== undefined) {
    const found = yield* podForObject(
      api,
      inv.namespace,
      resourceArg,
      "logging",
      flags.string("pod-running-timeout"),
    );
    // Why (logsForObjectWithClient): kubectl names the pod it chose when there were several.
    if (found.count > 1) out.err(`Found ${found.count} pods, using pod/${found.pod.metadata.name}\n`);
    pods = [found.pod];
  } else {
    const sel = parseLabelSelector(selector as string);
    if ("error" in sel) throw clientError(sel.error);
    pods = apiOrder(api.list("Pod", inv.namespace)).filter((p) => sel.matches(p));
    // Why (logs.go): with a selector, kubectl shows only the last 10 lines of each container by default.
    if (tail === -1) tail = 10;
    if (pods.length === 0) {
      out.err(`No resources found in ${inv.namespace} namespace.\n`);
      return 0;
    }
  }
  const prefix = flags.bool("prefix");
  const opts = {
    previous: flags.bool("previous"),
    timestamps: flags.bool("timestamps"),
    ...(tail >= 0 ? { tail } : {}),
  };
  for (const pod of pods) {
    let names: string[];
    if (allContainers) {
      const p = asPod(pod);
      names = [...(p.spec.initContainers ?? []).map((c) => c.name), ...p.spec.containers.map((c) => c.name)];
    } else if (container !== undefined) {
      if (!hasContainer(pod, container))
        throw clientError(`container ${container} is not valid for pod ${pod.metadata.name}`);
      names = [container];
    } else {
      names = [defaultContainer(pod, (t) => out.err(t))];
    }
    for (const name of names) {
      const r = api.logs(inv.namespace, pod.metadata.name, name, opts);
      if (!r.ok) {
        if (flags.bool("ignore-errors")) continue;
        throw fromCluster(r.error);
      }
      if (prefix) {
        const tag = `[pod/${pod.metadata.name}/${name}] `;
        out.out(r.text.replace(/^(?=.)/gm, tag));
      } else {
        out.out(r.text);
      }
    }
  }
  return 0;
}

function usageHelp(message: string) {
  return usageError("logs", message);
}
