/**
 * `kubectl describe TYPE [NAME_PREFIX]` / `TYPE/NAME`: pods, nodes, deployments, replica sets,
 * services, endpoints and endpoint slices.
 */
import type { ApiObject } from "../api.ts";
import type { FlagSpec } from "../args.ts";
import type { Invocation } from "../context.ts";
import { parseTimestamp } from "../duration.ts";
import { clientError, KubectlError, notFoundText } from "../errors.ts";
import { describeEndpointSlice, describeEndpoints, describeService } from "../printers/describe-network.ts";
import { describePod } from "../printers/describe-pod.ts";
import { describeDeployment, describeReplicaSet } from "../printers/describe-workloads.ts";
import { eventsFor } from "../printers/events.ts";
import { describeNode } from "../printers/node.ts";
import { qualifiedPlural, type ResourceType } from "../resources.ts";
import { parseLabelSelector } from "../selectors.ts";
import { ENDPOINTS_DEPRECATION_WARNING } from "./get.ts";
import { apiOrder, getObject, listObjects, parseTargets, requiredResourceError } from "./targets.ts";
import { ownedBy, templateKey } from "./workload-target.ts";

/** Flags of `kubectl describe`. */
export const DESCRIBE_FLAGS: FlagSpec[] = [
  { name: "all-namespaces", short: "A", kind: "bool" },
  { name: "selector", short: "l", kind: "string" },
  { name: "show-events", kind: "bool" },
  { name: "chunk-size", kind: "int" },
];

function describeOne(inv: Invocation, type: ResourceType, obj: ApiObject): string {
  const now = inv.now();
  const showEvents = !inv.flags.has("show-events") || inv.flags.bool("show-events");
  if (type.kind === "Pod") {
    const events = showEvents ? eventsFor(inv.api.events(obj.metadata.namespace), obj, false) : undefined;
    return describePod(obj, events, now);
  }
  if (type.kind === "Node") {
    const pods = apiOrder(inv.api.list("Pod")).filter((p) => {
      const spec = p.spec as { nodeName?: string } | undefined;
      const phase = (p.status as { phase?: string } | undefined)?.phase;
      return spec?.nodeName === obj.metadata.name && phase !== "Succeeded" && phase !== "Failed";
    });
    const events = showEvents
      ? inv.api
          .events()
          .filter((e) => e.involvedObject.kind === "Node" && e.involvedObject.name === obj.metadata.name)
      : undefined;
    return describeNode(obj, pods, events, now);
  }
  if (type.kind === "Deployment") {
    const ns = obj.metadata.namespace ?? inv.namespace;
    const all = ownedBy(inv.api.list("ReplicaSet", ns), obj).sort(
      (a, b) =>
        (parseTimestamp(a.metadata.creationTimestamp) ?? 0) -
        (parseTimestamp(b.metadata.creationTimestamp) ?? 0),
    );
    // Why (deploymentutil.FindNewReplicaSet / FindOldReplicaSets): the oldest ReplicaSet whose
    // template matches is the new one; old ones are listed only while they still want replicas.
    const template = templateKey((obj.spec as { template?: unknown } | undefined)?.template);
    const newRS = all.find(
      (rs) => templateKey((rs.spec as { template?: unknown } | undefined)?.template) === template,
    );
    const oldRSs = all.filter(
      (rs) => rs !== newRS && ((rs.spec as { replicas?: number } | undefined)?.replicas ?? 1) !== 0,
    );
    const events = showEvents ? eventsFor(inv.api.events(ns), obj, true) : undefined;
    return describeDeployment(obj, oldRSs, newRS, events, now);
  }
  if (type.kind === "ReplicaSet") {
    const ns = obj.metadata.namespace ?? inv.namespace;
    const pods = ownedBy(inv.api.list("Pod", ns), obj);
    const phase = (p: ApiObject) => (p.status as { phase?: string } | undefined)?.phase;
    const counts = {
      running: pods.filter((p) => phase(p) === "Running").length,
      waiting: pods.filter((p) => phase(p) === "Pending").length,
      succeeded: pods.filter((p) => phase(p) === "Succeeded").length,
      failed: pods.filter((p) => phase(p) === "Failed").length,
    };
    const events = showEvents ? eventsFor(inv.api.events(ns), obj, true) : undefined;
    return describeReplicaSet(obj, counts, events, now);
  }
  if (type.kind === "Service") {
    const ns = obj.metadata.namespace ?? inv.namespace;
    const slices = inv.api
      .list("EndpointSlice", ns)
      .filter((s) => s.metadata.labels?.["kubernetes.io/service-name"] === obj.metadata.name);
    const events = showEvents ? eventsFor(inv.api.events(ns), obj, true) : undefined;
    return describeService(obj, slices, events, now);
  }
  if (type.kind === "Endpoints" || type.kind === "EndpointSlice") {
    const ns = obj.metadata.namespace ?? inv.namespace;
    const events = showEvents ? eventsFor(inv.api.events(ns), obj, true) : undefined;
    return type.kind === "Endpoints"
      ? describeEndpoints(obj, events, now)
      : describeEndpointSlice(obj, events, now);
  }
  throw clientError(
    `describe is not supported for ${qualifiedPlural(type)} in Podlife yet (try kubectl get ${type.plural} -o yaml)`,
  );
}

/** Runs `kubectl describe`. */
export function describe(inv: Invocation): number {
  if (inv.positionals.length === 0) throw requiredResourceError("describe");
  const { targets } = parseTargets(inv.positionals);
  const all = inv.flags.bool("all-namespaces");
  const label = inv.flags.string("selector");
  const sel = label !== undefined ? parseLabelSelector(label) : undefined;
  if (sel && "error" in sel) throw clientError(sel.error);
  // Why: the API server warns on every request for v1 Endpoints, and kubectl's warning handler
  // prints each distinct warning once (rest.WarningWriterOptions{Deduplicate: true}).
  if (targets.some((t) => t.type.kind === "Endpoints")) inv.out.err(ENDPOINTS_DEPRECATION_WARNING);
  const texts: string[] = [];
  const errors: string[] = [];
  for (const t of targets) {
    if (t.names.length === 0) {
      let objs = listObjects(inv.api, t.type, all ? undefined : inv.namespace);
      if (sel) objs = objs.filter((o) => sel.matches(o));
      for (const o of objs) texts.push(describeOne(inv, t.type, o));
      continue;
    }
    for (const name of t.names) {
      const o = getObject(inv.api, t.type, inv.namespace, name);
      if (o) {
        texts.push(describeOne(inv, t.type, o));
        continue;
      }
      // Why (describe.go DescribeMatchingResources): an unknown name describes every object whose name starts with it.
      const matches = listObjects(inv.api, t.type, inv.namespace).filter((x) =>
        x.metadata.name.startsWith(name),
      );
      if (matches.length === 0) errors.push(notFoundText(qualifiedPlural(t.type), name));
      for (const m of matches) texts.push(describeOne(inv, t.type, m));
    }
  }
  inv.out.out(texts.join("\n\n"));
  if (texts.length === 0 && errors.length === 0) {
    const namespaced = targets.every((t) => t.type.namespaced);
    inv.out.err(
      namespaced && !all ? `No resources found in ${inv.namespace} namespace.\n` : "No resources found\n",
    );
  }
  if (errors.length > 0) throw new KubectlError(errors.join("\n"));
  return 0;
}
