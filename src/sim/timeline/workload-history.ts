/**
 * The history the workload views draw: each ReplicaSet's desired, current, ready and available
 * replicas after every change, and each Deployment's, recorded from the API server's watch.
 */
import { isRollingUpdate, maxSurge, maxUnavailable } from "../controllers/deployment-util.ts";
import { controllerOf } from "../controllers/meta.ts";
import type { WatchEvent } from "../controllers/watch.ts";
import type { ApiObject } from "../kubectl/api.ts";

/** Replica counts at one instant. */
export interface ReplicaSample {
  atMs: number;
  /** `spec.replicas`. */
  desired: number;
  /** `status.replicas`, `readyReplicas`, `availableReplicas`. */
  current: number;
  ready: number;
  available: number;
}

/** One ReplicaSet or Deployment over time. */
export interface WorkloadRecord {
  kind: "Deployment" | "ReplicaSet";
  name: string;
  namespace: string;
  uid: string;
  /** The owning Deployment's uid, for ReplicaSets. */
  ownerUid?: string;
  /** `deployment.kubernetes.io/revision`, for ReplicaSets. */
  revision?: string;
  /** The pod template's first image, for labels. */
  image?: string;
  createdMs: number;
  deletedMs?: number;
  samples: ReplicaSample[];
  /** For Deployments: the strategy as last seen, with the surge and unavailability resolved. */
  strategy?: { type: "RollingUpdate" | "Recreate"; maxSurge: number; maxUnavailable: number };
  /** For Deployments: each change of a condition (Progressing, Available). */
  conditions?: { atMs: number; type: string; status: string; reason: string; message: string }[];
}

function sample(obj: ApiObject, atMs: number): ReplicaSample {
  const spec = (obj.spec ?? {}) as { replicas?: number };
  const st = (obj.status ?? {}) as { replicas?: number; readyReplicas?: number; availableReplicas?: number };
  return {
    atMs,
    desired: spec.replicas ?? 1,
    current: st.replicas ?? 0,
    ready: st.readyReplicas ?? 0,
    available: st.availableReplicas ?? 0,
  };
}

function same(a: ReplicaSample, b: ReplicaSample): boolean {
  return (
    a.desired === b.desired && a.current === b.current && a.ready === b.ready && a.available === b.available
  );
}

/** Records Deployments and ReplicaSets as they change. */
export class WorkloadHistory {
  readonly records = new Map<string, WorkloadRecord>();

  constructor(private readonly now: () => number) {}

  /** A watch event from the API server. */
  observe(event: WatchEvent): void {
    const obj = event.object;
    if (obj.kind !== "Deployment" && obj.kind !== "ReplicaSet") return;
    const uid = obj.metadata.uid ?? "";
    const atMs = this.now();
    let rec = this.records.get(uid);
    if (!rec) {
      const template = (
        obj.spec as { template?: { spec?: { containers?: { image?: string }[] } } } | undefined
      )?.template;
      rec = {
        kind: obj.kind,
        name: obj.metadata.name,
        namespace: obj.metadata.namespace ?? "default",
        uid,
        createdMs: atMs,
        samples: [],
      };
      const image = template?.spec?.containers?.[0]?.image;
      if (image) rec.image = image;
      const owner = controllerOf(obj);
      if (owner) rec.ownerUid = owner.uid;
      this.records.set(uid, rec);
    }
    if (obj.kind === "Deployment" && event.type !== "DELETED") this.deploymentDetails(rec, obj, atMs);
    const revision = obj.metadata.annotations?.["deployment.kubernetes.io/revision"];
    if (revision) rec.revision = revision;
    if (event.type === "DELETED") {
      rec.deletedMs = atMs;
      return;
    }
    const s = sample(obj, atMs);
    const last = rec.samples[rec.samples.length - 1];
    if (last && same(last, s)) return;
    if (last && last.atMs === atMs) rec.samples[rec.samples.length - 1] = s;
    else rec.samples.push(s);
  }

  private deploymentDetails(rec: WorkloadRecord, obj: ApiObject, atMs: number): void {
    const rolling = isRollingUpdate(obj);
    rec.strategy = {
      type: rolling ? "RollingUpdate" : "Recreate",
      maxSurge: rolling ? maxSurge(obj) : 0,
      maxUnavailable: rolling ? maxUnavailable(obj) : 0,
    };
    const list = (rec.conditions ??= []);
    const conds = (obj.status as { conditions?: Record<string, string>[] } | undefined)?.conditions ?? [];
    for (const c of conds) {
      const type = c.type ?? "";
      let last: (typeof list)[number] | undefined;
      for (const x of list) if (x.type === type) last = x;
      if (last && last.status === c.status && last.reason === c.reason && last.message === c.message)
        continue;
      list.push({ atMs, type, status: c.status ?? "", reason: c.reason ?? "", message: c.message ?? "" });
    }
  }
}
