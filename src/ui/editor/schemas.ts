/**
 * The JSON schemas the YAML editor validates against, with completion and hover documentation:
 * the Kubernetes objects Podlife reads (generated from upstream's OpenAPI by
 * scripts/gen-k8s-schemas.mjs, with the field descriptions) and Podlife's own Scenario document.
 * Each YAML document is matched to its schema by `kind`, as a cluster would.
 */
import type { JSONSchema, SchemasSettings } from "monaco-yaml";
import kubernetes from "../../sim/api/schemas/kubernetes.json";
import scenario from "../../sim/scenario/scenario.schema.json";

const KUBERNETES_URI = "https://podlife.dev/schemas/kubernetes.json";
const SCENARIO_URI = "https://podlife.dev/schemas/scenario.json";
const ROOT_URI = "https://podlife.dev/schemas/document.json";

/** Kind → the definition in the Kubernetes schema. */
const KINDS: Record<string, string> = {
  Pod: "io.k8s.api.core.v1.Pod",
  Service: "io.k8s.api.core.v1.Service",
  Deployment: "io.k8s.api.apps.v1.Deployment",
  ReplicaSet: "io.k8s.api.apps.v1.ReplicaSet",
};

/** The root schema: a document's `kind` picks its schema; other kinds are left alone. */
function documentSchema(): JSONSchema {
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    $id: ROOT_URI,
    title: "A Podlife scenario document",
    type: "object",
    properties: {
      kind: {
        description: "The object's kind: Pod, Deployment, ReplicaSet, Service, or Podlife's Scenario.",
        type: "string",
        enum: [...Object.keys(KINDS), "Scenario"],
      },
    },
    allOf: [
      ...Object.entries(KINDS).map(([kind, def]) => ({
        if: { properties: { kind: { const: kind } }, required: ["kind"] },
        // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword
        then: { $ref: `${KUBERNETES_URI}#/definitions/${def}` },
      })),
      {
        if: { properties: { kind: { const: "Scenario" } }, required: ["kind"] },
        // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword
        then: { $ref: SCENARIO_URI },
      },
    ],
  };
}

/** The schemas to register, the root one matched to every model. */
export function editorSchemas(modelUri: string): SchemasSettings[] {
  return [
    { uri: KUBERNETES_URI, fileMatch: [], schema: kubernetes as JSONSchema },
    { uri: SCENARIO_URI, fileMatch: [], schema: scenario as JSONSchema },
    { uri: ROOT_URI, fileMatch: [modelUri], schema: documentSchema() },
  ];
}
