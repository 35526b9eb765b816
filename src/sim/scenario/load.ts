/**
 * The one place that decodes a scenario text: YAML documents in, defaulted and validated
 * Kubernetes objects plus the Scenario settings out, or diagnostics that say exactly what is wrong
 * and where. It never throws at the user.
 */
import { defaultObjectMeta } from "../api/defaults/meta.ts";
import { cloneWithoutNulls, isObj, type Obj, sortKeysDeep } from "../api/defaults/util.ts";
import { apiVersionOfKind, type KindHandler, kindHandler, supportedKinds } from "../api/kinds.ts";
import { checkFields, type FieldIssue } from "../api/strict.ts";
import { closestName } from "../api/suggest.ts";
import { errorCode, type FieldError, formatFieldError, goValue } from "../api/validation/errors.ts";
import { SeededRandom } from "../random.ts";
import { findCurlyQuoteDelimiters, findLookalikes, findTabIndents, hintFor } from "./hints.ts";
import { formatPath, locatePath, type PathSegment } from "./paths.ts";
import { readScenarioDocument, SCENARIO_API_VERSION, SCENARIO_KIND } from "./settings.ts";
import type { Diagnostic, KubeObject, LoadResult, ScenarioSettings } from "./types.ts";
import { type ParsedDocument, parseYamlText } from "./yaml.ts";

/** Options of `loadScenario`. */
export interface LoadOptions {
  /** Overrides the Scenario document's `spec.seed` (the CLI's `--seed`). */
  seed?: number;
}

/** Kinds that exist in Kubernetes but that Podlife does not simulate: skipped with a warning. */
const KNOWN_UNSIMULATED: Readonly<Record<string, readonly string[]>> = {
  v1: [
    "Namespace",
    "ConfigMap",
    "Secret",
    "ServiceAccount",
    "PersistentVolumeClaim",
    "PersistentVolume",
    "Endpoints",
    "LimitRange",
    "ResourceQuota",
    "ReplicationController",
    "PodTemplate",
    "Node",
    "Event",
  ],
  "apps/v1": ["StatefulSet", "DaemonSet", "ControllerRevision"],
  "batch/v1": ["Job", "CronJob"],
  "networking.k8s.io/v1": ["Ingress", "IngressClass", "NetworkPolicy"],
  "policy/v1": ["PodDisruptionBudget"],
  "autoscaling/v1": ["HorizontalPodAutoscaler"],
  "autoscaling/v2": ["HorizontalPodAutoscaler"],
  "discovery.k8s.io/v1": ["EndpointSlice"],
  "rbac.authorization.k8s.io/v1": ["Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"],
  "scheduling.k8s.io/v1": ["PriorityClass"],
  "storage.k8s.io/v1": ["StorageClass"],
  "coordination.k8s.io/v1": ["Lease"],
};

const MAX_SEED = 0xffffffff;

/** Loads a scenario text: parse, default and validate. */
export function loadScenario(text: string, opts: LoadOptions = {}): LoadResult {
  const diagnostics: Diagnostic[] = [];
  const seedOverride = opts.seed;
  if (
    seedOverride !== undefined &&
    !(Number.isInteger(seedOverride) && seedOverride >= 0 && seedOverride <= MAX_SEED)
  ) {
    diagnostics.push({
      severity: "error",
      document: 0,
      message: `invalid seed ${String(seedOverride)}: must be an integer between 0 and ${MAX_SEED}`,
      code: "invalid-seed",
    });
  }

  const parsed = parseYamlText(text);
  diagnostics.push(...parsed.diagnostics);
  const { lineCounter } = parsed;

  const at = (pd: ParsedDocument, path: readonly PathSegment[], where: "value" | "key" = "value") =>
    locatePath(pd.doc, path, lineCounter, where) ?? { line: pd.line, column: 1 };

  // Pass 1: sort documents into Kubernetes objects and the Scenario document.
  const objects: { pd: ParsedDocument; handler: KindHandler; raw: Obj }[] = [];
  let scenarioDoc: ParsedDocument | undefined;
  for (const pd of parsed.documents) {
    const value = pd.value;
    if (!isObj(value)) {
      const got = Array.isArray(value) ? "a list" : `a ${typeof value}`;
      diagnostics.push({
        severity: "error",
        document: pd.index,
        ...at(pd, []),
        message: `expected a Kubernetes object (a mapping with apiVersion and kind), got ${got}`,
        code: "not-an-object",
      });
      continue;
    }
    const kind = typeof value.kind === "string" ? value.kind : "";
    const apiVersion = typeof value.apiVersion === "string" ? value.apiVersion : "";
    if (!kind || !apiVersion) {
      const field = kind ? "apiVersion" : "Kind";
      const suggested = kind === SCENARIO_KIND ? SCENARIO_API_VERSION : apiVersionOfKind(kind);
      diagnostics.push({
        severity: "error",
        document: pd.index,
        ...at(pd, []),
        message: `Object '${field}' is missing in '${compactJson(value)}'`,
        ...(kind && suggested ? { hint: `add "apiVersion: ${suggested}" (${kind} is in ${suggested})` } : {}),
        code: kind ? "missing-api-version" : "missing-kind",
      });
      continue;
    }
    if (kind === SCENARIO_KIND && apiVersion === SCENARIO_API_VERSION) {
      if (scenarioDoc) {
        diagnostics.push({
          severity: "error",
          document: pd.index,
          ...at(pd, ["kind"]),
          message: `only one Scenario document is allowed; document ${scenarioDoc.index} is already one`,
          code: "duplicate-scenario",
        });
      } else {
        scenarioDoc = pd;
      }
      continue;
    }
    const handler = kindHandler(apiVersion, kind);
    if (handler) {
      objects.push({ pd, handler, raw: value });
      continue;
    }
    if (KNOWN_UNSIMULATED[apiVersion]?.includes(kind)) {
      diagnostics.push({
        severity: "warning",
        document: pd.index,
        ...at(pd, ["kind"]),
        message: `kind "${kind}" (${apiVersion}) is not simulated by Podlife; the object is ignored`,
        code: "unsupported-kind",
      });
      continue;
    }
    diagnostics.push({
      severity: "error",
      document: pd.index,
      ...at(pd, ["kind"]),
      message: `no matches for kind "${kind}" in version "${apiVersion}"`,
      hint: unknownKindHint(kind),
      code: "unknown-kind",
    });
  }

  // The Scenario document comes first: its seed drives everything random, even name generation.
  let settings: ScenarioSettings | undefined;
  if (scenarioDoc) {
    const pd = scenarioDoc;
    const read = readScenarioDocument(pd.value, seedOverride);
    settings = read.settings;
    for (const u of read.unknown) diagnostics.push(unknownFieldDiagnostic(pd, u.path, u.suggestion, at));
    for (const err of read.errors) diagnostics.push(fieldErrorDiagnostic(pd, err, at));
    for (const w of read.warnings) {
      diagnostics.push({
        severity: "warning",
        document: pd.index,
        ...at(pd, w.path),
        path: formatPath(w.path),
        message: `${formatPath(w.path)}: ${w.message}`,
        code: "version",
      });
    }
  }
  settings ??= readScenarioDocument(undefined, seedOverride).settings;

  // Pass 2: each Kubernetes object goes through what the API server does on create.
  const random = new SeededRandom(settings.seed).fork("generateName");
  const created: KubeObject[] = [];
  const names = new Map<string, number>();
  for (const { pd, handler, raw } of objects) {
    const issues = checkFields(raw, handler.typeName);
    const objectName =
      typeof (raw.metadata as Obj | undefined)?.name === "string" ? String((raw.metadata as Obj).name) : "";
    let typeErrors = 0;
    for (const issue of issues) {
      const d = fieldIssueDiagnostic(pd, issue, at);
      if (d.severity === "error") typeErrors += issue.kind === "type" ? 1 : 0;
      diagnostics.push(d);
    }
    if (typeErrors > 0) continue; // wrongly typed values cannot be defaulted or validated meaningfully

    const obj = cloneWithoutNulls(raw);
    for (const issue of issues)
      if (issue.kind === "ignored" && issue.path.length === 1) delete obj[issue.path[0] as string];
    defaultObjectMeta(obj, random);
    handler.applyDefaults(obj);
    const meta = obj.metadata as Obj;
    const name = typeof meta.name === "string" ? meta.name : objectName;
    const objectRef = { kind: handler.kind, name };
    const errors = handler.validate(obj);
    for (const err of errors) diagnostics.push({ ...fieldErrorDiagnostic(pd, err, at), object: objectRef });
    for (const w of handler.warnings(obj, raw)) {
      diagnostics.push({
        severity: "warning",
        document: pd.index,
        ...at(pd, w.path),
        path: formatPath(w.path),
        message: `${formatPath(w.path)}: ${w.message}`,
        code: "api-warning",
        object: objectRef,
      });
    }
    if (errors.length > 0) continue;
    const key = `${handler.resource}/${String(meta.namespace)}/${name}`;
    const first = names.get(key);
    if (first !== undefined) {
      diagnostics.push({
        severity: "error",
        document: pd.index,
        ...at(pd, ["metadata", "name"]),
        path: "metadata.name",
        message: `${handler.resource} "${name}" already exists`,
        hint: `document ${first} creates ${handler.kind} "${name}" in namespace "${String(meta.namespace)}" already`,
        code: "already-exists",
        object: objectRef,
      });
      continue;
    }
    names.set(key, pd.index);
    created.push(sortKeysDeep(obj) as KubeObject);
  }

  addLookalikeHints(diagnostics, text, parsed.documents);
  const ordered = diagnostics
    .map((d, i) => ({ d, i }))
    .sort((a, b) => a.d.document - b.d.document || a.i - b.i);
  const sorted = ordered.map(({ d }) => d);
  if (sorted.some((d) => d.severity === "error")) return { ok: false, diagnostics: sorted };
  return { ok: true, scenario: { objects: created, settings, diagnostics: sorted } };
}

type Locate = (
  pd: ParsedDocument,
  path: readonly PathSegment[],
  where?: "value" | "key",
) => { line: number; column: number };

function fieldErrorDiagnostic(pd: ParsedDocument, err: FieldError, at: Locate): Diagnostic {
  return {
    severity: "error",
    document: pd.index,
    ...at(pd, err.path),
    path: formatPath(err.path),
    message: formatFieldError(err),
    code: errorCode(err),
  };
}

function unknownFieldDiagnostic(
  pd: ParsedDocument,
  path: PathSegment[],
  suggestion: string | undefined,
  at: Locate,
): Diagnostic {
  const p = formatPath(path);
  return {
    severity: "error",
    document: pd.index,
    ...at(pd, path, "key"),
    path: p,
    message: `strict decoding error: unknown field "${p}"`,
    ...(suggestion ? { hint: `did you mean ${suggestion}?` } : {}),
    code: "unknown-field",
  };
}

function fieldIssueDiagnostic(pd: ParsedDocument, issue: FieldIssue, at: Locate): Diagnostic {
  const p = formatPath(issue.path);
  switch (issue.kind) {
    case "unknown":
      return unknownFieldDiagnostic(pd, issue.path, issue.suggestion, at);
    case "type":
      return {
        severity: "error",
        document: pd.index,
        ...at(pd, issue.path),
        path: p,
        message: `${p}: Invalid value: ${truncate(goValue(issue.value))}: must be of type ${issue.expected}`,
        code: "invalid-type",
      };
    case "ignored":
      return {
        severity: "info",
        document: pd.index,
        ...at(pd, issue.path, "key"),
        path: p,
        message: `ignored: ${p} is set by the cluster, not by the manifest`,
        code: "ignored-field",
      };
    default:
      return {
        severity: "info",
        document: pd.index,
        ...at(pd, issue.path, "key"),
        path: p,
        message: `not simulated: ${p}`,
        hint: "kept as written; Podlife does not model what this field does",
        code: "unsupported-field",
      };
  }
}

function unknownKindHint(kind: string): string {
  const version = kind === SCENARIO_KIND ? SCENARIO_API_VERSION : apiVersionOfKind(kind);
  if (version) return `${kind} is in apiVersion ${version}`;
  const close = closestName(
    kind,
    [...supportedKinds(), SCENARIO_KIND],
    Math.max(1, Math.floor(kind.length / 4)),
  );
  if (close) return `did you mean ${close}?`;
  return `Podlife reads ${supportedKinds().join(", ")} and its own ${SCENARIO_KIND} (${SCENARIO_API_VERSION})`;
}

/**
 * Errors on a line with look-alike punctuation or a tab in its indentation get a hint naming it;
 * curly quotes used as quotes where nothing failed get a warning of their own.
 */
function addLookalikeHints(
  diagnostics: Diagnostic[],
  text: string,
  documents: readonly ParsedDocument[],
): void {
  const lookalikes = findLookalikes(text);
  if (lookalikes.length === 0 && !text.includes("\t")) return;
  const errorLines = new Set(diagnostics.filter((d) => d.severity === "error").map((d) => d.line));
  for (const q of findCurlyQuoteDelimiters(text, lookalikes)) {
    if (errorLines.has(q.line)) continue;
    diagnostics.push({
      severity: "warning",
      document: documentAtLine(documents, q.line),
      line: q.line,
      column: q.column,
      message: `curly quote '${q.char}' at line ${q.line}, column ${q.column} is part of the value, not a YAML quote`,
      hint: q.hint,
      code: "lookalike",
    });
  }
  const tabs = findTabIndents(text);
  for (const d of diagnostics) {
    if (d.severity !== "error" || d.hint || d.line === undefined) continue;
    const hint = hintFor(lookalikes, tabs, d.line);
    if (hint) d.hint = hint;
  }
}

/** The index of the document that contains `line` (the last one starting at or before it). */
function documentAtLine(documents: readonly ParsedDocument[], line: number): number {
  let index = documents[0]?.index ?? 1;
  for (const d of documents) if (d.line <= line) index = d.index;
  return index;
}

function compactJson(value: unknown): string {
  return truncate(JSON.stringify(value), 120);
}

function truncate(s: string, max = 80): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
