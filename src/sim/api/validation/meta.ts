/** ObjectMeta, label and label-selector validation (apimachinery's api/validation and meta/v1/validation). */
import type { PathSegment } from "../../scenario/paths.ts";
import type { LabelSelector, ObjectMeta } from "../types.ts";
import { type FieldError, forbidden, invalid, required } from "./errors.ts";
import { isDNS1123Label, isQualifiedName, isValidLabelValue } from "./names.ts";

/** A name validator returning apimachinery's messages. */
export type NameValidator = (name: string) => string[];

/** `ValidateLabels`: keys are qualified names, values label values (errors at the map's path). */
export function validateLabels(
  labels: Record<string, string> | undefined,
  path: PathSegment[],
): FieldError[] {
  const errs: FieldError[] = [];
  for (const key of Object.keys(labels ?? {}).sort()) {
    for (const msg of isQualifiedName(key)) errs.push(invalid(path, key, msg));
    const value = String(labels?.[key] ?? "");
    for (const msg of isValidLabelValue(value)) errs.push(invalid(path, value, msg));
  }
  return errs;
}

/** `ValidateObjectMeta` for create: name (or generateName), namespace, labels, annotation keys. */
export function validateObjectMeta(
  meta: ObjectMeta,
  validateName: NameValidator,
  path: PathSegment[],
): FieldError[] {
  const errs: FieldError[] = [];
  if (!meta.name) {
    errs.push(required([...path, "name"], "name or generateName is required"));
  } else {
    for (const msg of validateName(meta.name)) errs.push(invalid([...path, "name"], meta.name, msg));
  }
  if (meta.namespace) {
    for (const msg of isDNS1123Label(meta.namespace))
      errs.push(invalid([...path, "namespace"], meta.namespace, msg));
  }
  errs.push(...validateLabels(meta.labels, [...path, "labels"]));
  for (const key of Object.keys(meta.annotations ?? {}).sort()) {
    for (const msg of isQualifiedName(key.toLowerCase()))
      errs.push(invalid([...path, "annotations"], key, msg));
  }
  return errs;
}

/** `ValidateLabelSelector`. */
export function validateLabelSelector(
  selector: LabelSelector | undefined,
  path: PathSegment[],
): FieldError[] {
  if (!selector) return [];
  const errs = validateLabels(selector.matchLabels, [...path, "matchLabels"]);
  (selector.matchExpressions ?? []).forEach((req, i) => {
    const p = [...path, "matchExpressions", i];
    switch (req.operator) {
      case "In":
      case "NotIn":
        if (!req.values?.length) {
          errs.push(required([...p, "values"], "must be specified when `operator` is 'In' or 'NotIn'"));
        }
        break;
      case "Exists":
      case "DoesNotExist":
        if (req.values?.length) {
          errs.push(
            forbidden([...p, "values"], "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"),
          );
        }
        break;
      default:
        errs.push(invalid([...p, "operator"], req.operator, "not a valid selector operator"));
    }
    for (const msg of isQualifiedName(req.key ?? "")) errs.push(invalid([...p, "key"], req.key ?? "", msg));
  });
  return errs;
}

/** Whether a label selector matches a set of labels (an empty selector matches everything). */
export function selectorMatches(
  selector: LabelSelector,
  labels: Record<string, string> | undefined,
): boolean {
  const have = labels ?? {};
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (have[k] !== v) return false;
  for (const req of selector.matchExpressions ?? []) {
    const present = Object.hasOwn(have, req.key);
    const value = have[req.key];
    const values = req.values ?? [];
    switch (req.operator) {
      case "In":
        if (!present || !values.includes(value as string)) return false;
        break;
      case "NotIn":
        if (present && values.includes(value as string)) return false;
        break;
      case "Exists":
        if (!present) return false;
        break;
      case "DoesNotExist":
        if (present) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}
