/**
 * Validation errors shaped like apimachinery's `field.Error`, rendered exactly as the API server
 * renders them (`field.Error.Error()` in k8s.io/apimachinery/pkg/util/validation/field/errors.go):
 * `spec.containers[1].name: Duplicate value: "app"`.
 */
import { formatPath, type PathSegment } from "../../scenario/paths.ts";

/** The kinds of `field.Error`, as their `String()` prints them. */
export type ErrorType =
  | "Not found"
  | "Required value"
  | "Duplicate value"
  | "Invalid value"
  | "Unsupported value"
  | "Forbidden"
  | "Too long"
  | "Too many";

/** A value printed verbatim, for Go values whose `%#v` form we reproduce (structs, maps). */
export interface GoLiteral {
  go: string;
}

/** One validation error: where, what kind, the bad value and the detail. */
export interface FieldError {
  type: ErrorType;
  path: PathSegment[];
  value?: unknown;
  detail?: string;
}

/** `field.Required`. */
export const required = (path: PathSegment[], detail = ""): FieldError => ({
  type: "Required value",
  path,
  detail,
});
/** `field.Invalid`. */
export const invalid = (path: PathSegment[], value: unknown, detail: string): FieldError => ({
  type: "Invalid value",
  path,
  value,
  detail,
});
/** `field.Duplicate`. */
export const duplicate = (path: PathSegment[], value: unknown): FieldError => ({
  type: "Duplicate value",
  path,
  value,
});
/** `field.NotFound`. */
export const notFound = (path: PathSegment[], value: unknown): FieldError => ({
  type: "Not found",
  path,
  value,
});
/** `field.Forbidden`. */
export const forbidden = (path: PathSegment[], detail: string): FieldError => ({
  type: "Forbidden",
  path,
  detail,
});
/** `field.NotSupported`: the detail lists the supported values, each quoted. */
export const notSupported = (
  path: PathSegment[],
  value: unknown,
  supported: readonly string[],
): FieldError => ({
  type: "Unsupported value",
  path,
  value,
  detail: supported.length ? `supported values: ${supported.map((s) => JSON.stringify(s)).join(", ")}` : "",
});

/** Go's `%q` for a string (close enough to JSON escaping for the values found in manifests). */
export function goQuote(s: string): string {
  return JSON.stringify(s);
}

/** Renders a bad value as `field.Error.ErrorBody` does: strings quoted, numbers and bools plain, nil as null. */
export function goValue(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return goQuote(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "object" && "go" in value && typeof (value as GoLiteral).go === "string") {
    return (value as GoLiteral).go;
  }
  return JSON.stringify(value);
}

/** `%#v` of a `map[string]string` (keys sorted, as fmt prints maps). */
export function goStringMap(map: Record<string, string> | undefined): GoLiteral {
  if (!map) return { go: "map[string]string(nil)" };
  const body = Object.keys(map)
    .sort()
    .map((k) => `${goQuote(k)}:${goQuote(String(map[k]))}`)
    .join(", ");
  return { go: `map[string]string{${body}}` };
}

/** `%#v` of an `intstr.IntOrString`. */
export function goIntOrString(value: number | string): GoLiteral {
  return typeof value === "number"
    ? { go: `intstr.IntOrString{Type:0, IntVal:${value}, StrVal:""}` }
    : { go: `intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQuote(value)}}` };
}

const BODY_ONLY: ReadonlySet<ErrorType> = new Set(["Required value", "Forbidden", "Too long"]);

/** The error as the API server prints it: `path: Type: value: detail`. */
export function formatFieldError(err: FieldError): string {
  let body: string = err.type;
  if (!BODY_ONLY.has(err.type)) body += `: ${goValue(err.value)}`;
  if (err.detail) body += `: ${err.detail}`;
  return `${formatPath(err.path)}: ${body}`;
}

/** A machine-readable code for a field error (`required`, `invalid`, `duplicate`, …). */
export function errorCode(err: FieldError): string {
  switch (err.type) {
    case "Not found":
      return "not-found";
    case "Required value":
      return "required";
    case "Duplicate value":
      return "duplicate";
    case "Unsupported value":
      return "unsupported-value";
    case "Forbidden":
      return "forbidden";
    case "Too long":
    case "Too many":
      return "too-long";
    default:
      return "invalid";
  }
}
