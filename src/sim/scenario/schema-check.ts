/**
 * A small JSON Schema (draft-07) checker for the subset `scenario.schema.json` uses: type, enum,
 * required, properties, additionalProperties, items, anyOf, $ref to local definitions, minimum,
 * maximum, exclusiveMinimum, minItems. Messages follow the API server's field-error style.
 */
import { closestName } from "../api/suggest.ts";
import { type FieldError, invalid, notSupported, required } from "../api/validation/errors.ts";
import type { PathSegment } from "./paths.ts";

/** The JSON Schema keywords understood here. */
export interface Schema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  required?: string[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
  anyOf?: Schema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  definitions?: Record<string, Schema>;
  description?: string;
  format?: string;
}

/** What the checker found: field errors, and unknown fields with a suggestion. */
export interface SchemaIssues {
  errors: FieldError[];
  unknown: { path: PathSegment[]; suggestion?: string }[];
}

function typeOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}

function matchesType(v: unknown, type: string): boolean {
  const t = typeOf(v);
  return t === type || (type === "number" && t === "integer");
}

/** Checks `value` against `schema` (whose `definitions` resolve `$ref`s). */
export function checkSchema(value: unknown, schema: Schema): SchemaIssues {
  const issues: SchemaIssues = { errors: [], unknown: [] };
  walk(value, schema, schema, [], issues);
  return issues;
}

function resolve(schema: Schema, root: Schema): Schema {
  let s = schema;
  while (s.$ref) {
    const name = s.$ref.replace(/^#\/definitions\//, "");
    const target = root.definitions?.[name];
    if (!target) break;
    const { $ref: _ignored, ...rest } = s;
    s = { ...target, ...rest };
  }
  return s;
}

function accepts(value: unknown, schema: Schema, root: Schema): boolean {
  const probe: SchemaIssues = { errors: [], unknown: [] };
  walk(value, schema, root, [], probe);
  return probe.errors.length === 0 && probe.unknown.length === 0;
}

function walk(value: unknown, schemaIn: Schema, root: Schema, path: PathSegment[], out: SchemaIssues): void {
  if (value === null || value === undefined) return;
  const schema = resolve(schemaIn, root);
  if (schema.anyOf) {
    const match = schema.anyOf.find((alt) => accepts(value, alt, root));
    if (match) {
      walk(value, match, root, path, out);
      return;
    }
    // Report against the alternative of the value's own kind, so the message is about what is wrong.
    const sameKind = schema.anyOf.find((alt) => {
      const t = resolve(alt, root).type;
      return t !== undefined && (Array.isArray(t) ? t : [t]).some((x) => matchesType(value, x));
    });
    if (sameKind) {
      walk(value, sameKind, root, path, out);
      return;
    }
    const types = schema.anyOf.flatMap((alt) => resolve(alt, root).type).join(" or ");
    out.errors.push(invalid(path, value, `must be of type ${types}`));
    return;
  }
  if (schema.type) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((t) => matchesType(value, t))) {
      out.errors.push(invalid(path, value, `must be of type ${types.join(" or ")}`));
      return;
    }
  }
  if (schema.enum && !schema.enum.includes(value)) {
    out.errors.push(notSupported(path, value, schema.enum.map(String)));
    return;
  }
  if (typeof value === "number") {
    if (schema.minimum !== undefined && value < schema.minimum) {
      out.errors.push(invalid(path, value, `must be greater than or equal to ${schema.minimum}`));
    }
    if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum) {
      out.errors.push(invalid(path, value, `must be greater than ${schema.exclusiveMinimum}`));
    }
    if (schema.maximum !== undefined && value > schema.maximum) {
      out.errors.push(invalid(path, value, `must be less than or equal to ${schema.maximum}`));
    }
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) out.errors.push(required(path));
    if (schema.items) {
      const items = schema.items;
      value.forEach((item, i) => {
        walk(item, items, root, [...path, i], out);
      });
    }
    return;
  }
  if (typeof value === "object") {
    const obj = value as Record<string, unknown>;
    for (const name of schema.required ?? []) {
      if (obj[name] === undefined || obj[name] === null) out.errors.push(required([...path, name]));
    }
    const props = schema.properties ?? {};
    for (const [key, child] of Object.entries(obj)) {
      const propSchema = props[key];
      if (propSchema) walk(child, propSchema, root, [...path, key], out);
      else if (schema.additionalProperties === false) {
        const suggestion = closestName(key, Object.keys(props));
        out.unknown.push({ path: [...path, key], ...(suggestion ? { suggestion } : {}) });
      } else if (typeof schema.additionalProperties === "object") {
        walk(child, schema.additionalProperties, root, [...path, { key }], out);
      }
    }
  }
}
