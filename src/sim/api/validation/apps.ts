/**
 * Deployment and ReplicaSet validation on create (pkg/apis/apps/validation/validation.go:
 * ValidateDeploymentSpec, ValidateReplicaSetSpec, ValidatePodTemplateSpecForReplicaSet,
 * ValidateDeploymentStrategy, ValidateRollingUpdateDeployment).
 */
import type { PathSegment } from "../../scenario/paths.ts";
import type {
  DeploymentSpec,
  IntOrString,
  LabelSelector,
  ObjectMeta,
  PodTemplateSpec,
  ReplicaSetSpec,
} from "../types.ts";
import {
  type FieldError,
  forbidden,
  type GoLiteral,
  goIntOrString,
  goQuote,
  goStringMap,
  invalid,
  notSupported,
  required,
} from "./errors.ts";
import { selectorMatches, validateLabelSelector, validateObjectMeta } from "./meta.ts";
import { isDNS1123Subdomain } from "./names.ts";
import { validatePodTemplateSpec } from "./pod.ts";

const IS_NEGATIVE = "must be greater than or equal to 0";

function nonNegative(value: number | undefined, path: PathSegment[]): FieldError[] {
  return value !== undefined && value < 0 ? [invalid(path, value, IS_NEGATIVE)] : [];
}

/** `%#v` of a `*metav1.LabelSelector`, for the rare errors that print the whole selector. */
function goSelector(selector: LabelSelector): GoLiteral {
  const labels = selector.matchLabels ? goStringMap(selector.matchLabels).go : "map[string]string(nil)";
  const exprs = selector.matchExpressions?.length
    ? `[]v1.LabelSelectorRequirement{${selector.matchExpressions
        .map(
          (e) =>
            `v1.LabelSelectorRequirement{Key:${goQuote(e.key)}, Operator:${goQuote(e.operator)}, Values:${
              e.values ? `[]string{${e.values.map(goQuote).join(", ")}}` : "[]string(nil)"
            }}`,
        )
        .join(", ")}}`
    : "[]v1.LabelSelectorRequirement(nil)";
  return { go: `&v1.LabelSelector{MatchLabels:${labels}, MatchExpressions:${exprs}}` };
}

/** The selector and template rules shared by Deployments and ReplicaSets. */
function validateSelectorAndTemplate(
  selector: LabelSelector | undefined,
  template: PodTemplateSpec | undefined,
  path: PathSegment[],
): FieldError[] {
  const errs: FieldError[] = [];
  if (!selector) {
    errs.push(required([...path, "selector"]));
  } else {
    errs.push(...validateLabelSelector(selector, [...path, "selector"]));
    if (Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions?.length ?? 0) === 0) {
      errs.push(
        invalid([...path, "selector"], goSelector(selector), "empty selector is invalid for deployment"),
      );
    }
  }
  const tp = [...path, "template"];
  if (!template) {
    errs.push(required(tp));
    return errs;
  }
  const empty =
    !selector ||
    Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions?.length ?? 0) === 0;
  if (selector && !empty && !selectorMatches(selector, template.metadata?.labels)) {
    errs.push(
      invalid(
        [...tp, "metadata", "labels"],
        goStringMap(template.metadata?.labels),
        "`selector` does not match template `labels`",
      ),
    );
  }
  errs.push(...validatePodTemplateSpec(template, tp));
  const restartPolicy = template.spec?.restartPolicy;
  if (restartPolicy !== undefined && restartPolicy !== "Always") {
    errs.push(notSupported([...tp, "spec", "restartPolicy"], restartPolicy, ["Always"]));
  }
  if (template.spec?.activeDeadlineSeconds !== undefined) {
    errs.push(
      invalid(
        [...tp, "spec", "activeDeadlineSeconds"],
        template.spec.activeDeadlineSeconds,
        "activeDeadlineSeconds in ReplicaSet is not Supported",
      ),
    );
  }
  return errs;
}

function intOrPercentValue(v: IntOrString | undefined): number {
  if (typeof v === "number") return v;
  if (typeof v === "string" && /^[0-9]+%$/.test(v)) return Number(v.slice(0, -1));
  return 0;
}

function validatePositiveIntOrPercent(v: IntOrString | undefined, path: PathSegment[]): FieldError[] {
  if (v === undefined) return [];
  if (typeof v === "string") {
    return /^[0-9]+%$/.test(v)
      ? []
      : [
          invalid(
            path,
            goIntOrString(v),
            "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
          ),
        ];
  }
  return nonNegative(v, path);
}

/** `ValidateDeploymentStrategy` and `ValidateRollingUpdateDeployment`. */
function validateStrategy(spec: DeploymentSpec, path: PathSegment[]): FieldError[] {
  const strategy = spec.strategy ?? {};
  const errs: FieldError[] = [];
  if (strategy.type === "Recreate") {
    if (strategy.rollingUpdate) {
      errs.push(
        forbidden([...path, "rollingUpdate"], "may not be specified when strategy `type` is 'Recreate'"),
      );
    }
  } else if (strategy.type === "RollingUpdate") {
    const ru = strategy.rollingUpdate;
    const rp = [...path, "rollingUpdate"];
    if (!ru) {
      errs.push(required(rp, "this should be defaulted and never be nil"));
    } else {
      errs.push(...validatePositiveIntOrPercent(ru.maxUnavailable, [...rp, "maxUnavailable"]));
      errs.push(...validatePositiveIntOrPercent(ru.maxSurge, [...rp, "maxSurge"]));
      if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
        errs.push(
          invalid(
            [...rp, "maxUnavailable"],
            goIntOrString(ru.maxUnavailable ?? 0),
            "may not be 0 when `maxSurge` is 0",
          ),
        );
      }
      if (typeof ru.maxUnavailable === "string" && intOrPercentValue(ru.maxUnavailable) > 100) {
        errs.push(
          invalid(
            [...rp, "maxUnavailable"],
            goIntOrString(ru.maxUnavailable),
            "must not be greater than 100%",
          ),
        );
      }
    }
  } else {
    const ru = strategy.rollingUpdate
      ? "&apps.RollingUpdateDeployment{…}"
      : "(*apps.RollingUpdateDeployment)(nil)";
    errs.push(
      notSupported(
        path,
        { go: `apps.DeploymentStrategy{Type:${goQuote(strategy.type ?? "")}, RollingUpdate:${ru}}` },
        ["Recreate", "RollingUpdate"],
      ),
    );
  }
  return errs;
}

/** Validation of a Deployment on create. */
export function validateDeployment(obj: { metadata: ObjectMeta; spec?: DeploymentSpec }): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, isDNS1123Subdomain, ["metadata"]);
  const spec = obj.spec ?? {};
  const path = ["spec"];
  errs.push(...nonNegative(spec.replicas, [...path, "replicas"]));
  errs.push(...validateSelectorAndTemplate(spec.selector, spec.template, path));
  errs.push(...validateStrategy(spec, [...path, "strategy"]));
  errs.push(...nonNegative(spec.minReadySeconds, [...path, "minReadySeconds"]));
  errs.push(...nonNegative(spec.revisionHistoryLimit, [...path, "revisionHistoryLimit"]));
  if (spec.progressDeadlineSeconds !== undefined) {
    errs.push(...nonNegative(spec.progressDeadlineSeconds, [...path, "progressDeadlineSeconds"]));
    if (spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0)) {
      errs.push(
        invalid(
          [...path, "progressDeadlineSeconds"],
          spec.progressDeadlineSeconds,
          "must be greater than minReadySeconds",
        ),
      );
    }
  }
  return errs;
}

/** Validation of a ReplicaSet on create. */
export function validateReplicaSet(obj: { metadata: ObjectMeta; spec?: ReplicaSetSpec }): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, isDNS1123Subdomain, ["metadata"]);
  const spec = obj.spec ?? {};
  errs.push(...nonNegative(spec.replicas, ["spec", "replicas"]));
  errs.push(...nonNegative(spec.minReadySeconds, ["spec", "minReadySeconds"]));
  errs.push(...validateSelectorAndTemplate(spec.selector, spec.template, ["spec"]));
  return errs;
}
