/**
 * Picks the pod behind `TYPE/NAME` for logs and exec (`polymorphichelpers.GetFirstPod`): the
 * object's selector lists its pods, sorted by `podutils.ByLogging` (logs) or by
 * `sort.Reverse(ActivePods)` (exec, attach); kubectl waits up to `--pod-running-timeout` (20s)
 * for a first pod to appear.
 */
import type { ApiObject, ClusterApi, Wait } from "../api.ts";
import { parseGoDuration } from "../duration.ts";
import { clientError, KubectlError } from "../errors.ts";
import { asPod } from "../model.ts";
import { resolveResource } from "../resources.ts";
import { parseLabelSelector, type Selector } from "../selectors.ts";
import { mustGetPod } from "./pod-target.ts";
import { apiOrder, getObject } from "./targets.ts";

/** How to choose among several pods. */
export type PodOrder = "logging" | "active";

interface LabelSelectorSpec {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/** `metav1.LabelSelectorAsSelector` rendered as selector text, then parsed. */
function selectorOf(spec: LabelSelectorSpec): Selector | undefined {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(spec.matchLabels ?? {})) parts.push(`${k}=${v}`);
  for (const e of spec.matchExpressions ?? []) {
    const op = e.operator;
    if (op === "In") parts.push(`${e.key} in (${(e.values ?? []).join(",")})`);
    else if (op === "NotIn") parts.push(`${e.key} notin (${(e.values ?? []).join(",")})`);
    else if (op === "Exists") parts.push(e.key);
    else if (op === "DoesNotExist") parts.push(`!${e.key}`);
  }
  const sel = parseLabelSelector(parts.join(","));
  return "error" in sel ? undefined : sel;
}

/** `SelectorsForObject` for the kinds the simulator has. */
function podSelector(obj: ApiObject, resource: string): Selector {
  const spec = (obj.spec ?? {}) as { selector?: unknown };
  if (obj.kind === "Service") {
    const map = spec.selector as Record<string, string> | undefined;
    if (!map || Object.keys(map).length === 0) {
      throw clientError(`invalid service '${obj.metadata.name}': Service is defined without a selector`);
    }
    const sel = selectorOf({ matchLabels: map });
    if (sel) return sel;
  } else if (["Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job"].includes(obj.kind)) {
    const sel = selectorOf((spec.selector ?? {}) as LabelSelectorSpec);
    if (sel) return sel;
  }
  throw clientError(`selector for ${resource} not implemented`);
}

function isReady(p: ApiObject): boolean {
  return (asPod(p).status.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True");
}

function readyTime(p: ApiObject): number | undefined {
  const c = (asPod(p).status.conditions ?? []).find((x) => x.type === "Ready" && x.status === "True");
  const t = c?.lastTransitionTime ? Date.parse(c.lastTransitionTime) : Number.NaN;
  return Number.isNaN(t) ? undefined : t;
}

function maxRestarts(p: ApiObject): number {
  return Math.max(0, ...(asPod(p).status.containerStatuses ?? []).map((c) => c.restartCount ?? 0));
}

function created(p: ApiObject): number | undefined {
  const t = p.metadata.creationTimestamp ? Date.parse(p.metadata.creationTimestamp) : Number.NaN;
  return Number.isNaN(t) ? undefined : t;
}

/** `afterOrZero(t1, t2)`: t1 is zero, or t1 is after t2. */
function afterOrZero(t1: number | undefined, t2: number | undefined): boolean {
  if (t1 === undefined || t2 === undefined) return t1 === undefined;
  return t1 > t2;
}

/** `podutils.ByLogging.Less`: the pod whose logs are most interesting first. */
function byLogging(a: ApiObject, b: ApiObject): boolean {
  const na = asPod(a).spec.nodeName ?? "";
  const nb = asPod(b).spec.nodeName ?? "";
  if (na !== nb && (na === "" || nb === "")) return na !== "";
  const rank: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 };
  const pa = rank[asPod(a).status.phase ?? ""] ?? 0;
  const pb = rank[asPod(b).status.phase ?? ""] ?? 0;
  if (pa !== pb) return pa < pb;
  if (isReady(a) !== isReady(b)) return isReady(a);
  if (isReady(a) && isReady(b) && readyTime(a) !== readyTime(b))
    return afterOrZero(readyTime(b), readyTime(a));
  if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(a) > maxRestarts(b);
  if (created(a) !== created(b)) return afterOrZero(created(b), created(a));
  return false;
}

/** `controller.ActivePods.Less`: the least active pod first (exec reverses it). */
function activeLess(a: ApiObject, b: ApiObject): boolean {
  const na = asPod(a).spec.nodeName ?? "";
  const nb = asPod(b).spec.nodeName ?? "";
  if (na !== nb && (na === "" || nb === "")) return na === "";
  const rank: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
  const pa = rank[asPod(a).status.phase ?? ""] ?? 0;
  const pb = rank[asPod(b).status.phase ?? ""] ?? 0;
  if (pa !== pb) return pa < pb;
  if (isReady(a) !== isReady(b)) return !isReady(a);
  if (isReady(a) && isReady(b) && readyTime(a) !== readyTime(b))
    return afterOrZero(readyTime(a), readyTime(b));
  if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(a) > maxRestarts(b);
  if (created(a) !== created(b)) return afterOrZero(created(a), created(b));
  return false;
}

function sortPods(pods: ApiObject[], order: PodOrder): ApiObject[] {
  const less = order === "logging" ? byLogging : (a: ApiObject, b: ApiObject) => activeLess(b, a);
  return [...pods].sort((a, b) => (less(a, b) ? -1 : less(b, a) ? 1 : 0));
}

/** The pod `ARG` (`NAME`, `pod/NAME`, `deploy/NAME`, `svc/NAME`, …) stands for, and how many matched. */
export function* podForObject(
  api: ClusterApi,
  namespace: string,
  arg: string,
  order: PodOrder,
  podRunningTimeout: string | undefined,
): Generator<Wait, { pod: ApiObject; count: number }, void> {
  const slash = arg.indexOf("/");
  if (slash < 0) return { pod: mustGetPod(api, namespace, arg), count: 1 };
  const typeWord = arg.slice(0, slash);
  const name = arg.slice(slash + 1);
  const type = resolveResource(typeWord);
  if (!type) throw clientError(`the server doesn't have a resource type "${typeWord}"`);
  if (type.kind === "Pod") return { pod: mustGetPod(api, namespace, name), count: 1 };
  const obj = getObject(api, type, namespace, name);
  if (!obj)
    throw new KubectlError(
      `Error from server (NotFound): ${type.group ? `${type.plural}.${type.group}` : type.plural} "${name}" not found`,
    );
  const sel = podSelector(obj, type.group ? `${type.plural}.${type.group}` : type.plural);
  const list = () => apiOrder(api.list("Pod", namespace)).filter((p) => sel.matches(p));
  if (list().length === 0) {
    const timeoutText = podRunningTimeout ?? "20s";
    const timeoutMs = parseGoDuration(timeoutText);
    if (timeoutMs === undefined) throw clientError(`time: invalid duration "${timeoutText}"`);
    const deadline = api.nowMs() + timeoutMs;
    yield { kind: "until", done: () => list().length > 0 || api.nowMs() >= deadline, timeoutMs };
  }
  const pods = list();
  const first = sortPods(pods, order)[0];
  if (!first) throw clientError("timed out waiting for the condition");
  return { pod: first, count: pods.length };
}
