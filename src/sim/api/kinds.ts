/**
 * The Kubernetes kinds Podlife reads, each with its defaulting and validation: what the API server
 * does between receiving a manifest and storing the object.
 */

import type { PathSegment } from "../scenario/paths.ts";
import { defaultDeployment, defaultReplicaSet } from "./defaults/apps.ts";
import { defaultPod } from "./defaults/pod.ts";
import { defaultService } from "./defaults/service.ts";
import type { Obj } from "./defaults/util.ts";
import { rootType } from "./fields.ts";
import type { DeploymentSpec, ObjectMeta, Pod, PodSpec, ReplicaSetSpec, ServiceSpec } from "./types.ts";
import { validateDeployment, validateReplicaSet } from "./validation/apps.ts";
import type { FieldError } from "./validation/errors.ts";
import { podSpecWarnings, validatePod } from "./validation/pod.ts";
import { validateService } from "./validation/service.ts";

/** An API warning (returned with a successful create, printed by kubectl as `Warning: …`). */
export interface ApiWarning {
  path: PathSegment[];
  message: string;
}

/** How the API server treats one kind. */
export interface KindHandler {
  apiVersion: string;
  kind: string;
  /** Plural resource name, as in `pods "x" already exists`. */
  resource: string;
  /** The schema type name of the object (for strict decoding). */
  typeName: string;
  /** Applies the defaults in place. */
  applyDefaults(obj: Obj): void;
  /** Validation errors of a defaulted object. */
  validate(obj: Obj): FieldError[];
  /** Warnings for a defaulted object; `raw` is the object as written. */
  warnings(obj: Obj, raw: Obj): ApiWarning[];
}

type Meta = { metadata: ObjectMeta };

function templateSpec(obj: Obj): PodSpec | undefined {
  const spec = obj.spec as { template?: { spec?: PodSpec } } | undefined;
  return spec?.template?.spec;
}

function rawTemplateGrace(raw: Obj): unknown {
  return (raw.spec as { template?: { spec?: Obj } } | undefined)?.template?.spec
    ?.terminationGracePeriodSeconds;
}

function handler(
  apiVersion: string,
  kind: string,
  resource: string,
  applyDefaults: (obj: Obj) => void,
  validate: (obj: Obj) => FieldError[],
  warnings: (obj: Obj, raw: Obj) => ApiWarning[] = () => [],
): KindHandler {
  const typeName = rootType(apiVersion, kind);
  if (!typeName) throw new Error(`no schema for ${apiVersion}/${kind}`);
  return { apiVersion, kind, resource, typeName, applyDefaults, validate, warnings };
}

/** The supported kinds, keyed `apiVersion/kind`. */
export const KINDS: ReadonlyMap<string, KindHandler> = new Map(
  [
    handler(
      "v1",
      "Pod",
      "pods",
      defaultPod,
      (o) => validatePod(o as unknown as Pod),
      (o, raw) =>
        podSpecWarnings(
          (o as unknown as Pod).spec,
          ["spec"],
          (raw.spec as Obj | undefined)?.terminationGracePeriodSeconds,
        ),
    ),
    handler(
      "apps/v1",
      "Deployment",
      "deployments",
      defaultDeployment,
      (o) => validateDeployment(o as unknown as Meta & { spec?: DeploymentSpec }),
      (o, raw) => {
        const spec = templateSpec(o);
        return spec ? podSpecWarnings(spec, ["spec", "template", "spec"], rawTemplateGrace(raw)) : [];
      },
    ),
    handler(
      "apps/v1",
      "ReplicaSet",
      "replicasets",
      defaultReplicaSet,
      (o) => validateReplicaSet(o as unknown as Meta & { spec?: ReplicaSetSpec }),
      (o, raw) => {
        const spec = templateSpec(o);
        return spec ? podSpecWarnings(spec, ["spec", "template", "spec"], rawTemplateGrace(raw)) : [];
      },
    ),
    handler("v1", "Service", "services", defaultService, (o) =>
      validateService(o as unknown as Meta & { spec?: ServiceSpec }),
    ),
  ].map((h) => [`${h.apiVersion}/${h.kind}`, h]),
);

/** The handler for an apiVersion and kind, if Podlife reads that kind. */
export function kindHandler(apiVersion: string, kind: string): KindHandler | undefined {
  return KINDS.get(`${apiVersion}/${kind}`);
}

/** The apiVersion a supported kind lives in (for "did you mean apps/v1?" hints). */
export function apiVersionOfKind(kind: string): string | undefined {
  for (const h of KINDS.values()) if (h.kind === kind) return h.apiVersion;
  return undefined;
}

/** The supported kinds' names. */
export function supportedKinds(): string[] {
  return [...KINDS.values()].map((h) => h.kind);
}
