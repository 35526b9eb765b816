/**
 * Tables for the other kinds Podlife models (the server-side printers of `printers.go`):
 * Deployments, ReplicaSets, Services, and the default NAME AGE table for anything else.
 */
import type { ApiObject } from "../api.ts";
import { since } from "../duration.ts";
import type { ContainerView } from "../model.ts";
import type { Table } from "./table.ts";

type Obj = Record<string, unknown>;

function num(v: unknown): number {
  return typeof v === "number" ? v : 0;
}

function podTemplateContainers(obj: ApiObject): ContainerView[] {
  const t = (obj.spec as Obj | undefined)?.template as
    | { spec?: { containers?: ContainerView[] } }
    | undefined;
  return t?.spec?.containers ?? [];
}

function selectorString(obj: ApiObject): string {
  const sel = (obj.spec as Obj | undefined)?.selector as { matchLabels?: Record<string, string> } | undefined;
  const labels = sel?.matchLabels ?? {};
  const keys = Object.keys(labels).sort();
  return keys.length === 0 ? "<none>" : keys.map((k) => `${k}=${labels[k]}`).join(",");
}

function wideContainerCells(obj: ApiObject): string[] {
  const cs = podTemplateContainers(obj);
  return [cs.map((c) => c.name).join(","), cs.map((c) => c.image ?? "").join(","), selectorString(obj)];
}

/** `printDeployment`: NAME READY UP-TO-DATE AVAILABLE AGE (+ CONTAINERS IMAGES SELECTOR). */
export function deploymentTable(objs: ApiObject[], now: number, wide: boolean): Table {
  const columns = ["Name", "Ready", "Up-to-date", "Available", "Age"];
  if (wide) columns.push("Containers", "Images", "Selector");
  return {
    columns,
    rows: objs.map((o) => {
      const spec = (o.spec ?? {}) as Obj;
      const st = (o.status ?? {}) as Obj;
      const desired = spec.replicas === undefined ? 1 : num(spec.replicas);
      const cells = [
        o.metadata.name,
        `${num(st.readyReplicas)}/${desired}`,
        String(num(st.updatedReplicas)),
        String(num(st.availableReplicas)),
        since(o.metadata.creationTimestamp, now),
      ];
      if (wide) cells.push(...wideContainerCells(o));
      return { cells, object: o };
    }),
  };
}

/** `printReplicaSet`: NAME DESIRED CURRENT READY AGE (+ CONTAINERS IMAGES SELECTOR). */
export function replicaSetTable(objs: ApiObject[], now: number, wide: boolean): Table {
  const columns = ["Name", "Desired", "Current", "Ready", "Age"];
  if (wide) columns.push("Containers", "Images", "Selector");
  return {
    columns,
    rows: objs.map((o) => {
      const spec = (o.spec ?? {}) as Obj;
      const st = (o.status ?? {}) as Obj;
      const desired = spec.replicas === undefined ? 1 : num(spec.replicas);
      const cells = [
        o.metadata.name,
        String(desired),
        String(num(st.replicas)),
        String(num(st.readyReplicas)),
        since(o.metadata.creationTimestamp, now),
      ];
      if (wide) cells.push(...wideContainerCells(o));
      return { cells, object: o };
    }),
  };
}

/** `printService`: NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE (+ SELECTOR). */
export function serviceTable(objs: ApiObject[], now: number, wide: boolean): Table {
  const columns = ["Name", "Type", "Cluster-IP", "External-IP", "Port(s)", "Age"];
  if (wide) columns.push("Selector");
  return {
    columns,
    rows: objs.map((o) => {
      const spec = (o.spec ?? {}) as Obj;
      const type = typeof spec.type === "string" ? spec.type : "ClusterIP";
      const clusterIP = typeof spec.clusterIP === "string" && spec.clusterIP ? spec.clusterIP : "<none>";
      const external = type === "LoadBalancer" ? "<pending>" : "<none>";
      const ports = (
        (spec.ports as { port?: number; nodePort?: number; protocol?: string }[] | undefined) ?? []
      )
        .map((p) =>
          p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? "TCP"}` : `${p.port}/${p.protocol ?? "TCP"}`,
        )
        .join(",");
      const cells = [
        o.metadata.name,
        type,
        clusterIP,
        external,
        ports || "<none>",
        since(o.metadata.creationTimestamp, now),
      ];
      if (wide) {
        const sel = (spec.selector as Record<string, string> | undefined) ?? {};
        const keys = Object.keys(sel).sort();
        cells.push(keys.length ? keys.map((k) => `${k}=${sel[k]}`).join(",") : "<none>");
      }
      return { cells, object: o };
    }),
  };
}

/** The default table (`NAME AGE`) for kinds without a dedicated printer. */
export function defaultTable(objs: ApiObject[], now: number): Table {
  return {
    columns: ["Name", "Age"],
    rows: objs.map((o) => ({
      cells: [o.metadata.name, since(o.metadata.creationTimestamp, now)],
      object: o,
    })),
  };
}
