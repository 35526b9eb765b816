/**
 * Strict decoding, as the API server does with `fieldValidation=Strict` (kubectl's default):
 * every field must exist in the API and have a value of the right type. On top of that, fields
 * that exist but that Podlife does not simulate are reported (and kept).
 */
import type { PathSegment } from "../scenario/paths.ts";
import { type FieldType, typeFields } from "./fields.ts";
import { isSimulated, SERVER_SET_FIELDS } from "./simulated.ts";
import { closestName } from "./suggest.ts";

/** What strict decoding found at one field. */
export interface FieldIssue {
  /** `unknown`: not in the API; `type`: wrong value type; `unsupported`: not simulated; `ignored`: set by the server. */
  kind: "unknown" | "type" | "unsupported" | "ignored";
  path: PathSegment[];
  /** For `unknown`: the closest known field name, when there is a plausible one. */
  suggestion?: string;
  /** For `type`: the expected type in words (`string`, `integer`, `object`, …) and the value found. */
  expected?: string;
  value?: unknown;
}

/** Checks `value` against the API type `typeName`; returns the issues in document order. */
export function checkFields(value: unknown, typeName: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  walk(value, typeName, [], false, issues);
  return issues;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function expectedWords(type: FieldType): string {
  if (type.startsWith("[]")) return "array";
  if (type.startsWith("map[") || type.includes(".")) return "object";
  if (type.startsWith("enum:")) return "string";
  if (type === "int-or-string") return "integer or string";
  if (type === "quantity") return "quantity (number or string)";
  if (type === "time") return "string";
  return type;
}

function walk(
  value: unknown,
  type: FieldType,
  path: PathSegment[],
  unsupported: boolean,
  out: FieldIssue[],
): void {
  if (value === null || value === undefined || type === "any") return;
  const typeError = (): void => {
    out.push({ kind: "type", path, expected: expectedWords(type), value });
  };
  switch (type) {
    case "string":
    case "time":
      if (typeof value !== "string") typeError();
      return;
    case "integer":
      if (typeof value !== "number" || !Number.isInteger(value)) typeError();
      return;
    case "boolean":
      if (typeof value !== "boolean") typeError();
      return;
    case "int-or-string":
      if (!(typeof value === "string" || (typeof value === "number" && Number.isInteger(value)))) typeError();
      return;
    case "quantity":
      if (typeof value !== "string" && typeof value !== "number") typeError();
      return;
  }
  if (type.startsWith("enum:")) {
    // Enum values are checked by validation ("Unsupported value"), as the API server does.
    if (typeof value !== "string") typeError();
    return;
  }
  if (type.startsWith("[]")) {
    if (!Array.isArray(value)) {
      typeError();
      return;
    }
    const inner = type.slice(2);
    value.forEach((item, i) => {
      walk(item, inner, [...path, i], unsupported, out);
    });
    return;
  }
  if (type.startsWith("map[")) {
    if (!isPlainObject(value)) {
      typeError();
      return;
    }
    const inner = type.slice(4, -1);
    for (const [k, v] of Object.entries(value)) walk(v, inner, [...path, { key: k }], unsupported, out);
    return;
  }
  const fields = typeFields(type);
  if (!fields) return;
  if (!isPlainObject(value)) {
    typeError();
    return;
  }
  const serverSet = SERVER_SET_FIELDS[type] ?? [];
  for (const [key, child] of Object.entries(value)) {
    const childPath = [...path, key];
    const childType = fields[key];
    if (childType === undefined) {
      const suggestion = closestName(key, Object.keys(fields));
      out.push({ kind: "unknown", path: childPath, ...(suggestion ? { suggestion } : {}) });
      continue;
    }
    if (serverSet.includes(key)) {
      out.push({ kind: "ignored", path: childPath });
      continue;
    }
    let childUnsupported = unsupported;
    if (!unsupported && !isSimulated(type, key) && child !== null && child !== undefined) {
      out.push({ kind: "unsupported", path: childPath });
      childUnsupported = true;
    }
    walk(child, childType, childPath, childUnsupported, out);
  }
}
