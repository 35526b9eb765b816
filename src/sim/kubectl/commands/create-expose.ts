/**
 * `kubectl create deployment NAME --image=IMAGE…`, `kubectl create service TYPE NAME --tcp=…` and `kubectl expose (deployment|pod|rs) NAME
 * --port=N`: the objects kubectl's generators build, created through the cluster's apply.
 */
import type { ApiObject } from "../api.ts";
import type { FlagSpec } from "../args.ts";
import type { Invocation } from "../context.ts";
import { DRY_RUN_FLAG, type DryRunStrategy, dryRunStrategy } from "../dry-run.ts";
import { clientError, fromCluster, KubectlError, usageError } from "../errors.ts";
import { MutationPrinter } from "../printers/mutation.ts";
import { kindString, qualifiedPlural } from "../resources.ts";
import { manifestDocuments, mapManifestRef, readManifestFiles } from "./files.ts";
import { workloads } from "./workload-target.ts";

/** Flags of `kubectl create`. */
export const CREATE_FLAGS: FlagSpec[] = [
  { name: "image", kind: "strings" },
  { name: "replicas", short: "r", kind: "int" },
  { name: "port", kind: "int" },
  { name: "filename", short: "f", kind: "strings" },
  DRY_RUN_FLAG,
  { name: "output", short: "o", kind: "string" },
  { name: "tcp", kind: "strings" },
  { name: "node-port", kind: "int" },
  { name: "clusterip", kind: "string" },
  { name: "external-name", kind: "string" },
];

const SERVICE_TYPES: Record<string, string> = {
  clusterip: "ClusterIP",
  nodeport: "NodePort",
  loadbalancer: "LoadBalancer",
  externalname: "ExternalName",
};

/**
 * `kubectl create service clusterip|nodeport|loadbalancer|externalname NAME --tcp=PORT[:TARGET]`
 * (create_service.go): selector and labels `app: NAME`, one port per `--tcp` named `PORT-TARGET`.
 */
function createService(inv: Invocation, kind: string | undefined, name: string | undefined): number {
  const type = kind === undefined ? undefined : SERVICE_TYPES[kind];
  if (!type) {
    if (kind === undefined) throw usageError("create service", "a service type is required");
    throw clientError(`unknown command "${kind}" for "kubectl create service"`);
  }
  if (name === undefined) throw usageError(`create service ${kind}`, "NAME is required");
  const tcp = inv.flags.strings("tcp");
  const clusterIP = inv.flags.string("clusterip");
  const nodePort = inv.flags.int("node-port");
  if (type !== "ExternalName" && tcp.length === 0 && clusterIP !== "None")
    throw clientError("at least one tcp port specifier must be provided");
  const dryRun = dryRunStrategy(inv);
  // Keys in the Go structs' field order (ServicePort: name, protocol, port, targetPort, nodePort),
  // which `-o json` shows.
  const ports = tcp.map((spec) => {
    const [p, t] = spec.split(":");
    const port = Number(p);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw clientError(`invalid port: "${spec}"`);
    const target = t === undefined ? port : /^\d+$/.test(t) ? Number(t) : t;
    return {
      name: spec.replace(/:/g, "-"),
      protocol: "TCP",
      port,
      targetPort: target,
      ...(nodePort !== undefined && nodePort > 0 ? { nodePort } : {}),
    };
  });
  const labels = { app: name };
  const spec: Record<string, unknown> = { ports, selector: labels };
  if (clusterIP !== undefined && clusterIP !== "") spec.clusterIP = clusterIP;
  spec.type = type;
  if (type === "ExternalName") {
    const external = inv.flags.string("external-name");
    if (!external) throw clientError("external name must be specified");
    spec.externalName = external;
    delete spec.selector;
  }
  const service = {
    kind: "Service",
    apiVersion: "v1",
    metadata: { name, ...generatedNamespace(inv), labels },
    spec,
    status: { loadBalancer: {} },
  } as ApiObject;
  create(inv, service, "services", `service/${name}`, dryRun);
  return 0;
}

/** `metadata.namespace` of a generated object: only an explicit `-n` sets it (`EnforceNamespace`). */
function generatedNamespace(inv: Invocation): { namespace?: string } {
  return inv.namespaceExplicit ? { namespace: inv.namespace } : {};
}

/**
 * Creates a generated object (create_deployment.go, create_service.go `Run`): a client dry run
 * prints it as built, a server dry run prints what the API server would have stored, a real
 * create prints the created object (or the `created` line).
 */
function create(
  inv: Invocation,
  obj: ApiObject,
  resource: string,
  display: string,
  dryRun: DryRunStrategy,
): void {
  const printer = new MutationPrinter(inv.flags.string("output"), "created", dryRun);
  if (dryRun === "client") {
    inv.out.out(printer.text(obj, display, true));
    return;
  }
  if (inv.api.get(obj.kind, obj.metadata.namespace ?? inv.namespace, obj.metadata.name)) {
    throw new KubectlError(
      `Error from server (AlreadyExists): ${resource} "${obj.metadata.name}" already exists`,
    );
  }
  const { status: _status, ...request } = obj;
  const r = inv.api.apply(
    JSON.stringify(request),
    inv.namespace,
    dryRun === "server" ? { dryRun: true } : {},
  );
  if (!r.ok) throw fromCluster(r.error);
  const stored =
    r.objects?.[0] ?? inv.api.get(obj.kind, obj.metadata.namespace ?? inv.namespace, obj.metadata.name);
  inv.out.out(printer.text(stored ?? obj, display));
}

/** The container name `create deployment` derives from an image (`registry/nginx:1.27` → `nginx`). */
export function containerNameFor(image: string): string {
  let name = image.split("/").pop() ?? image;
  name = name.split("@")[0] ?? name;
  name = name.split(":")[0] ?? name;
  return name.replace(/_/g, "-");
}

/**
 * `kubectl create -f`: each document is created unless its object exists
 * (`Error from server (AlreadyExists): error when creating "FILE": pods "x" already exists`).
 * Podlife's own Scenario documents in the file are skipped.
 */
function createFromFiles(inv: Invocation): number {
  const errors: string[] = [];
  const dryRun = dryRunStrategy(inv);
  const printer = new MutationPrinter(inv.flags.string("output"), "created", dryRun);
  for (const file of readManifestFiles(inv, inv.flags.strings("filename"))) {
    for (const doc of manifestDocuments(file)) {
      const ref = doc.ref;
      if (!ref) continue;
      const mapped = mapManifestRef(inv, file.source, ref);
      if (!mapped) continue;
      const { type, namespace: ns } = mapped;
      const display = `${kindString(type)}/${ref.name}`;
      if (dryRun === "client") {
        // Why (create.go RunCreate): nothing is sent; the builder has set the namespace.
        const obj = structuredClone(doc.object) as ApiObject;
        if (type.namespaced) obj.metadata.namespace = ns;
        inv.out.out(printer.text(obj, display));
        continue;
      }
      if (inv.api.get(type.kind, ns, ref.name)) {
        errors.push(
          `Error from server (AlreadyExists): error when creating "${file.source}": ${qualifiedPlural(type)} "${ref.name}" already exists`,
        );
        continue;
      }
      const r = inv.api.apply(doc.text, inv.namespace, dryRun === "server" ? { dryRun: true } : {});
      if (!r.ok) {
        errors.push(fromCluster(r.error).text);
        continue;
      }
      const stored = r.objects?.[0] ?? inv.api.get(type.kind, ns, ref.name);
      inv.out.out(stored ? printer.text(stored, display) : `${display} created\n`);
    }
  }
  if (errors.length > 0) throw new KubectlError(errors.join("\n"));
  return 0;
}

/** Runs `kubectl create deployment` and `kubectl create -f`. */
export function createCommand(inv: Invocation): number {
  const { flags } = inv;
  const [sub, name, ...rest] = inv.positionals;
  if (flags.strings("filename").length > 0 && sub === undefined) return createFromFiles(inv);
  if (sub === "service" || sub === "svc") return createService(inv, name, rest[0]);
  if (sub !== "deployment" && sub !== "deploy") {
    if (sub === undefined) throw usageError("create", "must specify one of -f and -k");
    throw clientError(`"kubectl create ${sub}" is not supported in Podlife`);
  }
  if (name === undefined) throw usageError("create deployment", "NAME is required");
  const dryRun = dryRunStrategy(inv);
  const images = flags.strings("image");
  if (images.length === 0) throw clientError('required flag(s) "image" not set');
  const command = [...rest, ...(inv.afterDash ?? [])];
  if (images.length > 1 && command.length > 0) {
    throw clientError("cannot specify multiple --image options and command");
  }
  const used = new Set<string>();
  const port = flags.int("port");
  const containers = images.map((image) => {
    let cname = containerNameFor(image);
    // Why (create_deployment.go sanitizeAndUniquify): repeated names get a numeric suffix.
    if (used.has(cname)) {
      let i = 2;
      while (used.has(`${cname}-${i}`)) i++;
      cname = `${cname}-${i}`;
    }
    used.add(cname);
    // Container's field order: name, image, command, ports, resources.
    return {
      name: cname,
      image,
      ...(command.length > 0 ? { command } : {}),
      ...(port !== undefined && port >= 0 ? { ports: [{ containerPort: port }] } : {}),
      resources: {},
    };
  });
  const labels = { app: name };
  // Why (create_deployment.go createDeployment): empty structs (`strategy`, `resources`,
  // `status`) are printed as `{}`; keys follow the Go structs' field order for `-o json`.
  const deployment = {
    kind: "Deployment",
    apiVersion: "apps/v1",
    metadata: { name, ...generatedNamespace(inv), labels },
    spec: {
      replicas: flags.int("replicas") ?? 1,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers } },
      strategy: {},
    },
    status: {},
  } as ApiObject;
  create(inv, deployment, "deployments.apps", `deployment.apps/${name}`, dryRun);
  return 0;
}

/** Flags of `kubectl expose`. */
export const EXPOSE_FLAGS: FlagSpec[] = [
  { name: "port", kind: "string" },
  { name: "target-port", kind: "string" },
  { name: "protocol", kind: "string" },
  { name: "type", kind: "string" },
  { name: "name", kind: "string" },
  { name: "selector", kind: "string" },
  { name: "labels", short: "l", kind: "string" },
  { name: "cluster-ip", kind: "string" },
  { name: "output", short: "o", kind: "string" },
  DRY_RUN_FLAG,
  { name: "filename", short: "f", kind: "strings" },
];

function parseMap(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(",")) {
    const eq = part.indexOf("=");
    if (eq <= 0) throw clientError(`invalid label spec: ${part}`);
    out[part.slice(0, eq)] = part.slice(eq + 1);
  }
  return out;
}

/** Runs `kubectl expose`. */
export function expose(inv: Invocation): number {
  const { flags } = inv;
  const dryRun = dryRunStrategy(inv);
  const [target] = workloads(inv, "You must provide one or more resources by argument or filename.");
  if (!target) return 0;
  const { obj, type } = target;
  let selector: Record<string, string> | undefined;
  let containers: { ports?: { containerPort?: number; protocol?: string }[] }[] = [];
  if (flags.has("selector")) selector = parseMap(flags.string("selector") ?? "");
  if (type.kind === "Pod") {
    selector ??= obj.metadata.labels;
    containers = ((obj.spec ?? {}) as { containers?: typeof containers }).containers ?? [];
  } else if (["Deployment", "ReplicaSet"].includes(type.kind)) {
    const spec = (obj.spec ?? {}) as {
      selector?: { matchLabels?: Record<string, string>; matchExpressions?: unknown[] };
      template?: { spec?: { containers?: typeof containers } };
    };
    if ((spec.selector?.matchExpressions ?? []).length > 0 && !selector) {
      throw clientError('couldn\'t convert expressions - "map[]" to map-based selector format');
    }
    selector ??= spec.selector?.matchLabels;
    containers = spec.template?.spec?.containers ?? [];
  } else if (type.kind === "Service") {
    selector ??= (obj.spec as { selector?: Record<string, string> } | undefined)?.selector;
  } else {
    throw clientError(`cannot expose a ${type.kind}`);
  }
  if (!selector || Object.keys(selector).length === 0) {
    throw clientError(
      `couldn't retrieve selectors via --selector flag or introspection: the ${type.kind.toLowerCase()} has no labels`,
    );
  }
  const protocol = flags.string("protocol") ?? "TCP";
  const targetPort = flags.string("target-port");
  const asPort = (p: string) => (/^\d+$/.test(p) ? Number(p) : p);
  let ports: Record<string, unknown>[];
  const portFlag = flags.string("port");
  if (portFlag !== undefined && portFlag !== "") {
    ports = portFlag.split(",").map((p, i, all) => ({
      ...(all.length > 1 ? { name: `port-${i + 1}` } : {}),
      protocol,
      port: Number(p),
      targetPort: targetPort !== undefined ? asPort(targetPort) : Number(p),
    }));
  } else {
    // Why (expose.go): without --port, the container ports are used ("introspection").
    const found = containers.flatMap((c) => c.ports ?? []);
    if (found.length === 0) throw clientError("couldn't find port via --port flag or introspection");
    ports = found.map((p, i) => ({
      ...(found.length > 1 ? { name: `port-${i + 1}` } : {}),
      protocol: p.protocol ?? protocol,
      port: p.containerPort ?? 0,
      targetPort: targetPort !== undefined ? asPort(targetPort) : (p.containerPort ?? 0),
    }));
  }
  const name = flags.string("name") ?? obj.metadata.name;
  const labels = flags.has("labels") ? parseMap(flags.string("labels") ?? "") : obj.metadata.labels;
  const serviceType = flags.string("type");
  // Keys in the Go structs' field order (ServiceSpec: ports, selector, clusterIP, type) for `-o json`.
  const service = {
    kind: "Service",
    apiVersion: "v1",
    metadata: { name, ...generatedNamespace(inv), ...(labels ? { labels } : {}) },
    spec: {
      ports,
      selector,
      ...(flags.has("cluster-ip") ? { clusterIP: flags.string("cluster-ip") } : {}),
      ...(serviceType ? { type: serviceType } : {}),
    },
    status: { loadBalancer: {} },
  } as ApiObject;
  const printer = new MutationPrinter(flags.string("output"), "exposed", dryRun);
  // Why (expose.go RunExpose): a client dry run prints the generated Service and sends nothing.
  if (dryRun === "client") {
    inv.out.out(printer.text(service, `service/${name}`, true));
    return 0;
  }
  if (inv.api.get("Service", inv.namespace, name)) {
    throw new KubectlError(`Error from server (AlreadyExists): services "${name}" already exists`);
  }
  const { status: _status, ...request } = service;
  const r = inv.api.apply(
    JSON.stringify(request),
    inv.namespace,
    dryRun === "server" ? { dryRun: true } : {},
  );
  if (!r.ok) throw fromCluster(r.error);
  const stored = r.objects?.[0] ?? inv.api.get("Service", inv.namespace, name);
  inv.out.out(printer.text(stored ?? service, `service/${name}`));
  return 0;
}
