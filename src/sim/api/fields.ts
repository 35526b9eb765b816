/**
 * The Kubernetes field table: for each API type Podlife reads, its fields and their value types.
 * Generated from the upstream OpenAPI definitions by `scripts/gen-k8s-schemas.mjs`
 * (`schemas/fields.json`); the full schema with descriptions is `schemas/kubernetes.json`.
 */
import table from "./schemas/fields.json";

/**
 * A field's value type: `string`, `integer`, `boolean`, `any`, `int-or-string`, `quantity`, `time`,
 * `enum:A|B`, `[]T` (list), `map[T]` (string-keyed map) or the name of another type
 * (`io.k8s.api.core.v1.Container`).
 */
export type FieldType = string;

interface FieldTable {
  source: string;
  roots: Record<string, string>;
  types: Record<string, Record<string, FieldType>>;
}

const fields = table as FieldTable;

/** Where the field table comes from (package and version). */
export const FIELD_TABLE_SOURCE = fields.source;

/** The type name of a kind's top-level object (`v1`, `Pod` → `io.k8s.api.core.v1.Pod`). */
export function rootType(apiVersion: string, kind: string): string | undefined {
  return fields.roots[`${apiVersion}/${kind}`];
}

/** The fields of an API type, or undefined for an unknown type name. */
export function typeFields(typeName: string): Readonly<Record<string, FieldType>> | undefined {
  return fields.types[typeName];
}

/** The short name of an API type (`io.k8s.api.core.v1.Container` → `Container`). */
export function shortTypeName(typeName: string): string {
  return typeName.slice(typeName.lastIndexOf(".") + 1);
}
