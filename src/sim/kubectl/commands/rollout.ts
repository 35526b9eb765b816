/**
 * `kubectl rollout status|history|restart|undo` for Deployments (polymorphichelpers'
 * DeploymentStatusViewer, DeploymentHistoryViewer, ObjectRestarter and DeploymentRollbacker).
 */
import type { ApiObject, Wait } from "../api.ts";
import type { FlagSpec } from "../args.ts";
import type { Invocation } from "../context.ts";
import { DRY_RUN_FLAG, dryRunStrategy, dryRunSuffix } from "../dry-run.ts";
import { parseGoDuration } from "../duration.ts";
import { clientError, usageError } from "../errors.ts";
import { describePodTemplate } from "../printers/describe-workloads.ts";
import { PrefixWriter } from "../printers/describe-writer.ts";
import { MutationPrinter } from "../printers/mutation.ts";
import { DESCRIBE_TABWRITER, tabwrite } from "../printers/tabwriter.ts";
import { kindString } from "../resources.ts";
import { templateKey, updateObject, type Workload, workloads } from "./workload-target.ts";

/** Flags of `kubectl rollout` and its subcommands. */
export const ROLLOUT_FLAGS: FlagSpec[] = [
  { name: "watch", short: "w", kind: "bool" },
  { name: "timeout", kind: "string" },
  { name: "revision", kind: "int" },
  { name: "to-revision", kind: "int" },
  { name: "output", short: "o", kind: "string" },
  { name: "filename", short: "f", kind: "strings" },
  { name: "selector", short: "l", kind: "string" },
  DRY_RUN_FLAG,
];

const REVISION_ANNOTATION = "deployment.kubernetes.io/revision";
const CHANGE_CAUSE_ANNOTATION = "kubernetes.io/change-cause";

interface DeploymentView {
  metadata: ApiObject["metadata"] & { generation?: number };
  spec: {
    replicas?: number;
    paused?: boolean;
    template?: { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> } };
  };
  status: {
    observedGeneration?: number;
    replicas?: number;
    updatedReplicas?: number;
    availableReplicas?: number;
    conditions?: { type: string; reason?: string }[];
  };
}

function asDeployment(obj: ApiObject): DeploymentView {
  return {
    metadata: obj.metadata,
    spec: (obj.spec ?? {}) as DeploymentView["spec"],
    status: (obj.status ?? {}) as DeploymentView["status"],
  };
}

function onlyDeployments(list: Workload[], what: string): Workload[] {
  for (const w of list) {
    if (w.type.kind !== "Deployment") throw clientError(`no ${what} has been implemented for ${w.type.kind}`);
  }
  return list;
}

/** `DeploymentStatusViewer.Status`: the line to print and whether the rollout is done. */
export function deploymentStatus(obj: ApiObject): { text: string; done: boolean } {
  const d = asDeployment(obj);
  const name = d.metadata.name;
  if ((d.metadata.generation ?? 0) <= (d.status.observedGeneration ?? 0)) {
    const progressing = (d.status.conditions ?? []).find((c) => c.type === "Progressing");
    if (progressing?.reason === "ProgressDeadlineExceeded") {
      throw clientError(`deployment "${name}" exceeded its progress deadline`);
    }
    const replicas = d.spec.replicas ?? 1;
    const updated = d.status.updatedReplicas ?? 0;
    const total = d.status.replicas ?? 0;
    const available = d.status.availableReplicas ?? 0;
    if (updated < replicas) {
      return {
        text: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${replicas} new replicas have been updated...\n`,
        done: false,
      };
    }
    if (total > updated) {
      return {
        text: `Waiting for deployment "${name}" rollout to finish: ${total - updated} old replicas are pending termination...\n`,
        done: false,
      };
    }
    if (available < updated) {
      return {
        text: `Waiting for deployment "${name}" rollout to finish: ${available} of ${updated} updated replicas are available...\n`,
        done: false,
      };
    }
    return { text: `deployment "${name}" successfully rolled out\n`, done: true };
  }
  return { text: "Waiting for deployment spec update to be observed...\n", done: false };
}

function* status(inv: Invocation): Generator<Wait, number, void> {
  const [target] = onlyDeployments(workloads(inv, "required resource not specified"), "status viewer");
  if (!target) return 0;
  const { api, out } = inv;
  const ns = target.obj.metadata.namespace ?? inv.namespace;
  const name = target.obj.metadata.name;
  const watch = inv.flags.has("watch") ? inv.flags.bool("watch") : true;
  const timeoutText = inv.flags.string("timeout") ?? "0s";
  const timeoutMs = parseGoDuration(timeoutText);
  if (timeoutMs === undefined) throw clientError(`time: invalid duration "${timeoutText}"`);
  const deadline = timeoutMs > 0 ? api.nowMs() + timeoutMs : undefined;
  let current = api.get("Deployment", ns, name);
  // Why (rollout_status.go): the status is printed for every watch event (ADDED, then each MODIFIED).
  for (;;) {
    if (!current) throw clientError(`object has been deleted`);
    const s = deploymentStatus(current);
    out.out(s.text);
    if (s.done || !watch) return 0;
    const seen = JSON.stringify(current);
    const changed = () => JSON.stringify(api.get("Deployment", ns, name)) !== seen;
    if (deadline === undefined) yield { kind: "until", done: changed };
    else {
      yield {
        kind: "until",
        done: () => changed() || api.nowMs() >= deadline,
        timeoutMs: Math.max(0, deadline - api.nowMs()),
      };
      if (!changed()) throw clientError("timed out waiting for the condition");
    }
    current = api.get("Deployment", ns, name);
  }
}

/** The ReplicaSets a Deployment controls, with their revisions. */
function revisions(inv: Invocation, deployment: ApiObject): { revision: number; rs: ApiObject }[] {
  const ns = deployment.metadata.namespace ?? inv.namespace;
  return inv.api
    .list("ReplicaSet", ns)
    .filter((rs) => {
      const owners = (rs.metadata.ownerReferences ?? []) as { uid?: string; controller?: boolean }[];
      return owners.some((o) => o.controller && o.uid === deployment.metadata.uid);
    })
    .map((rs) => ({ revision: Number(rs.metadata.annotations?.[REVISION_ANNOTATION] ?? Number.NaN), rs }))
    .filter((r) => Number.isInteger(r.revision));
}

type TemplateWithMeta = {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: Record<string, unknown>;
};

/**
 * A revision's pod template as `DeploymentHistoryViewer.ViewHistory` keeps it: the ReplicaSet's
 * template, with the ReplicaSet's own `kubernetes.io/change-cause` annotation copied in.
 */
function revisionTemplate(rs: ApiObject): TemplateWithMeta {
  const template = structuredClone(
    ((rs.spec as { template?: TemplateWithMeta } | undefined)?.template ?? {}) as TemplateWithMeta,
  );
  const cause = rs.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION];
  if (cause) {
    template.metadata ??= {};
    template.metadata.annotations = { ...template.metadata.annotations, [CHANGE_CAUSE_ANNOTATION]: cause };
  }
  return template;
}

/**
 * `kubectl rollout history` (rollout_history.go, history.go `DeploymentHistoryViewer`): the
 * revisions and their change causes, one revision's pod template with `--revision`, or with `-o`
 * the ReplicaSets themselves (`GetHistory`).
 */
function history(inv: Invocation): number {
  const list = onlyDeployments(workloads(inv, "required resource not specified"), "history viewer");
  const wanted = inv.flags.int("revision") ?? 0;
  if (wanted < 0) throw clientError(`revision must be a positive integer: ${wanted}`);
  const output = inv.flags.string("output");
  const printer = output ? new MutationPrinter(output, "", "none") : undefined;
  for (const w of list) {
    // Why (history.go): a later ReplicaSet with the same revision replaces an earlier one.
    const byRevision = new Map<number, ApiObject>();
    for (const r of revisions(inv, w.obj)) byRevision.set(r.revision, r.rs);
    const revs = [...byRevision.keys()].sort((a, b) => a - b);
    const head = `${kindString(w.type)}/${w.obj.metadata.name}`;
    if (printer) {
      const shown = wanted > 0 ? [wanted] : revs;
      for (const r of shown) {
        const rs = byRevision.get(r);
        if (!rs) throw clientError("unable to find the specified revision");
        inv.out.out(printer.text(rs, `replicaset.apps/${rs.metadata.name}`));
      }
      continue;
    }
    let info: string;
    if (revs.length === 0) info = "No rollout history found.";
    else if (wanted > 0) {
      const rs = byRevision.get(wanted);
      if (!rs) throw clientError("unable to find the specified revision");
      // Why (history.go printTemplate): DescribePodTemplate into a plain buffer, tabs unaligned.
      const w = new PrefixWriter(false);
      describePodTemplate(revisionTemplate(rs), w);
      info = w.toString();
    } else {
      const lines = ["REVISION\tCHANGE-CAUSE"];
      for (const r of revs) {
        const template = revisionTemplate(byRevision.get(r) as ApiObject);
        lines.push(`${r}\t${template.metadata?.annotations?.[CHANGE_CAUSE_ANNOTATION] || "<none>"}`);
      }
      info = tabwrite(`${lines.join("\n")}\n`, DESCRIBE_TABWRITER);
    }
    // Why (rollout_history.go): printed through a name printer whose "operation" is
    // "with revision #N" (or nothing), a newline, and the history text.
    const withRevision = wanted > 0 ? `with revision #${wanted}` : "";
    inv.out.out(`${head} ${withRevision}\n${info}\n`);
  }
  return 0;
}

/** `time.Now().Format(time.RFC3339)` in UTC. */
function rfc3339(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, "Z");
}

function restart(inv: Invocation): number {
  const list = onlyDeployments(workloads(inv, "required resource not specified"), "restarter");
  const dryRun = dryRunStrategy(inv);
  for (const w of list) {
    if (asDeployment(w.obj).spec.paused) {
      throw clientError("can't restart paused deployment (run rollout resume first)");
    }
    updateObject(
      inv.api,
      w.obj,
      (copy) => {
        const spec = (copy.spec ??= {}) as DeploymentView["spec"];
        spec.template ??= {};
        spec.template.metadata ??= {};
        spec.template.metadata.annotations = {
          ...spec.template.metadata.annotations,
          "kubectl.kubernetes.io/restartedAt": rfc3339(inv.now()),
        };
      },
      dryRun,
    );
    inv.out.out(`${kindString(w.type)}/${w.obj.metadata.name} restarted${dryRunSuffix(dryRun)}\n`);
  }
  return 0;
}

function undo(inv: Invocation): number {
  const list = onlyDeployments(workloads(inv, "required resource not specified"), "rollbacker");
  if (dryRunStrategy(inv) !== "none")
    throw clientError("kubectl rollout undo --dry-run is not supported in Podlife yet");
  const toRevision = inv.flags.int("to-revision") ?? 0;
  for (const w of list) {
    const name = w.obj.metadata.name;
    if (asDeployment(w.obj).spec.paused) {
      throw clientError(
        "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again",
      );
    }
    const revs = revisions(inv, w.obj);
    let target: { revision: number; rs: ApiObject } | undefined;
    if (toRevision > 0) {
      target = revs.find((r) => r.revision === toRevision);
      if (!target) throw clientError(`unable to find specified revision ${toRevision} in history`);
    } else {
      // Why (rollback.go deploymentRevision): the second-highest revision is the previous one.
      const sorted = [...revs].sort((a, b) => b.revision - a.revision);
      target = sorted[1];
      if (!target) throw clientError(`no rollout history found for deployment "${name}"`);
    }
    const rsTemplate = (target.rs.spec as { template?: unknown } | undefined)?.template;
    const current = (w.obj.spec as { template?: unknown } | undefined)?.template;
    const head = `${kindString(w.type)}/${name}`;
    if (templateKey(rsTemplate) === templateKey(current)) {
      inv.out.out(
        `${head} skipped rollback (current template already matches revision ${target.revision})\n`,
      );
      continue;
    }
    updateObject(inv.api, w.obj, (copy) => {
      const template = structuredClone(rsTemplate ?? {}) as {
        metadata?: { labels?: Record<string, string> };
      };
      if (template.metadata?.labels) delete template.metadata.labels["pod-template-hash"];
      (copy.spec ??= {}).template = template;
    });
    inv.out.out(`${head} rolled back\n`);
  }
  return 0;
}

/**
 * `rollout pause` / `rollout resume` (polymorphichelpers `defaultObjectPauser`/`Resumer`): flip
 * `spec.paused`; asking for what already holds is an error for that object.
 */
function setPaused(inv: Invocation, paused: boolean): number {
  const verb = paused ? "pauser" : "resumer";
  const list = onlyDeployments(workloads(inv, "required resource not specified"), verb);
  const dryRun = dryRunStrategy(inv);
  const errors: string[] = [];
  for (const w of list) {
    const name = w.obj.metadata.name;
    if ((asDeployment(w.obj).spec.paused === true) === paused) {
      errors.push(`error: deployments.apps "${name}" ${paused ? "is already paused" : "is not paused"}`);
      continue;
    }
    updateObject(
      inv.api,
      w.obj,
      (copy) => {
        const spec = (copy.spec ??= {}) as DeploymentView["spec"];
        if (paused) spec.paused = true;
        else delete spec.paused;
      },
      dryRun,
    );
    inv.out.out(`${kindString(w.type)}/${name} ${paused ? "paused" : "resumed"}${dryRunSuffix(dryRun)}\n`);
  }
  if (errors.length > 0) throw clientError(errors.join("\n").replace(/^error: /, ""));
  return 0;
}

const SUBCOMMANDS = ["history", "pause", "restart", "resume", "status", "undo"];

/** Runs `kubectl rollout SUBCOMMAND`. */
export function* rollout(inv: Invocation): Generator<Wait, number, void> {
  const [sub, ...rest] = inv.positionals;
  const subInv: Invocation = { ...inv, command: `rollout ${sub ?? ""}`.trim(), positionals: rest };
  switch (sub) {
    case "status":
      return yield* status(subInv);
    case "history":
      return history(subInv);
    case "restart":
      return restart(subInv);
    case "undo":
      return undo(subInv);
    case "pause":
      return setPaused(subInv, true);
    case "resume":
      return setPaused(subInv, false);
    case undefined:
      throw usageError("rollout", "Required resource not specified.");
    default:
      if (SUBCOMMANDS.includes(sub))
        throw clientError(`"kubectl rollout ${sub}" is not supported in Podlife`);
      throw clientError(`unknown command "${sub}" for "kubectl rollout"`);
  }
}
