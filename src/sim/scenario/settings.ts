/**
 * The Scenario document (`apiVersion: podlife.dev/v1alpha1`, `kind: Scenario`): checked against
 * `scenario.schema.json`, then turned into `ScenarioSettings` with defaults and units resolved
 * (durations to milliseconds or seconds, sizes to bytes, dates to epoch milliseconds).
 */
import { duplicate, type FieldError, invalid } from "../api/validation/errors.ts";
import { isDNS1123Subdomain } from "../api/validation/names.ts";
import { parseDuration } from "./duration.ts";
import type { PathSegment } from "./paths.ts";
import { parseByteSize } from "./quantity.ts";
import scenarioSchema from "./scenario.schema.json";
import { checkSchema, type Schema } from "./schema-check.ts";
import {
  type AppHttpRoute,
  type AppImageSpec,
  DEFAULT_START_TIME_MS,
  type NodeSpec,
  type ScenarioSettings,
  type TimelineEntry,
  type TrafficSpec,
} from "./types.ts";

/** The apiVersion and kind of Podlife's own document. */
export const SCENARIO_API_VERSION = "podlife.dev/v1alpha1";
export const SCENARIO_KIND = "Scenario";

/** Defaults when the text has no Scenario document. */
export const DEFAULT_SEED = 1;
export const DEFAULT_KUBERNETES_VERSION = "1.34";
export const DEFAULT_NODE_NAME = "node-1";
export const DEFAULT_ENDPOINT_PROPAGATION_MS = 1000;

/** The settings of a scenario without a Scenario document. */
export function defaultSettings(seed: number = DEFAULT_SEED): ScenarioSettings {
  return {
    name: "scenario",
    seed,
    startTimeMs: DEFAULT_START_TIME_MS,
    kubernetesVersion: DEFAULT_KUBERNETES_VERSION,
    nodes: [{ name: DEFAULT_NODE_NAME }],
    images: [],
    endpointPropagationMs: DEFAULT_ENDPOINT_PROPAGATION_MS,
    traffic: [],
    timeline: [],
  };
}

/** What reading a Scenario document gave: settings, and what is wrong with it. */
export interface SettingsResult {
  settings: ScenarioSettings;
  errors: FieldError[];
  unknown: { path: PathSegment[]; suggestion?: string }[];
  warnings: { path: PathSegment[]; message: string }[];
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const DURATION_HELP = "must be a duration such as 90s, 1m30s, 1500ms or 2h";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** Reads a Scenario document. `seedOverride` (the CLI's `--seed`) wins over `spec.seed`. */
export function readScenarioDocument(doc: unknown, seedOverride?: number): SettingsResult {
  const { errors, unknown } = checkSchema(doc, scenarioSchema as Schema);
  const warnings: SettingsResult["warnings"] = [];
  const settings = defaultSettings(seedOverride ?? DEFAULT_SEED);
  if (!isObj(doc)) return { settings, errors, unknown, warnings };
  const fail = (path: PathSegment[], value: unknown, detail: string) =>
    errors.push(invalid(path, value, detail));

  const durationMs = (value: unknown, path: PathSegment[]): number | undefined => {
    if (value === undefined || value === null) return undefined;
    if (typeof value === "number") {
      if (value >= 0) return Math.round(value * 1000);
    } else if (typeof value === "string") {
      const ms = parseDuration(value);
      if (ms !== undefined) return ms;
    } else {
      return undefined; // a type error, already reported by the schema check
    }
    fail(path, value, DURATION_HELP);
    return undefined;
  };
  const seconds = (value: unknown, path: PathSegment[]): number | undefined => {
    const ms = durationMs(value, path);
    return ms === undefined ? undefined : ms / 1000;
  };

  const meta = isObj(doc.metadata) ? doc.metadata : {};
  if (typeof meta.name === "string" && meta.name) settings.name = meta.name;
  const spec = isObj(doc.spec) ? doc.spec : {};
  const sp: PathSegment[] = ["spec"];

  if (
    seedOverride === undefined &&
    typeof spec.seed === "number" &&
    Number.isInteger(spec.seed) &&
    spec.seed >= 0
  ) {
    settings.seed = spec.seed;
  }
  if (typeof spec.startTime === "string") {
    const ms = RFC3339.test(spec.startTime) ? Date.parse(spec.startTime) : Number.NaN;
    if (Number.isFinite(ms)) settings.startTimeMs = ms;
    else
      fail(
        [...sp, "startTime"],
        spec.startTime,
        "must be an RFC 3339 date-time such as 2025-01-01T00:00:00Z",
      );
  }
  if (typeof spec.kubernetesVersion === "string") {
    const m = /^v?(\d+)\.(\d+)(?:\.\d+)?$/.exec(spec.kubernetesVersion.trim());
    if (!m) fail([...sp, "kubernetesVersion"], spec.kubernetesVersion, "must be a version such as 1.34");
    else {
      settings.kubernetesVersion = `${m[1]}.${m[2]}`;
      if (settings.kubernetesVersion !== DEFAULT_KUBERNETES_VERSION) {
        warnings.push({
          path: [...sp, "kubernetesVersion"],
          message: `Podlife emulates Kubernetes ${DEFAULT_KUBERNETES_VERSION}; behaviour and messages of ${settings.kubernetesVersion} may differ`,
        });
      }
    }
  }
  if (Array.isArray(spec.nodes)) settings.nodes = readNodes(spec.nodes, [...sp, "nodes"], errors);
  if (Array.isArray(spec.images))
    settings.images = readImages(spec.images, [...sp, "images"], errors, seconds);
  const duration = durationMs(spec.duration, [...sp, "duration"]);
  if (duration !== undefined) settings.durationMs = duration;
  const prop = durationMs(spec.endpointPropagationDelay, [...sp, "endpointPropagationDelay"]);
  if (prop !== undefined) settings.endpointPropagationMs = prop;
  if (Array.isArray(spec.traffic)) settings.traffic = readTraffic(spec.traffic, [...sp, "traffic"], seconds);
  if (Array.isArray(spec.timeline))
    settings.timeline = readTimeline(spec.timeline, [...sp, "timeline"], durationMs);
  return { settings, errors, unknown, warnings };
}

function readNodes(list: unknown[], path: PathSegment[], errors: FieldError[]): NodeSpec[] {
  const nodes: NodeSpec[] = [];
  const seen = new Set<string>();
  list.forEach((item, i) => {
    const name =
      typeof item === "string" ? item : isObj(item) && typeof item.name === "string" ? item.name : undefined;
    if (name === undefined) return;
    const p = typeof item === "string" ? [...path, i] : [...path, i, "name"];
    for (const msg of isDNS1123Subdomain(name)) errors.push(invalid(p, name, msg));
    if (seen.has(name)) errors.push(duplicate(p, name));
    seen.add(name);
    const node: NodeSpec = { name };
    if (isObj(item) && Array.isArray(item.images))
      node.images = item.images.filter((x) => typeof x === "string");
    nodes.push(node);
  });
  return nodes.length ? nodes : [{ name: DEFAULT_NODE_NAME }];
}

type Seconds = (value: unknown, path: PathSegment[]) => number | undefined;

function strings(v: unknown): string[] | undefined {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : undefined;
}

function stringMap(v: unknown): Record<string, string> | undefined {
  if (!isObj(v)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) if (typeof x === "string") out[k] = x;
  return out;
}

function readImages(
  list: unknown[],
  path: PathSegment[],
  errors: FieldError[],
  seconds: Seconds,
): AppImageSpec[] {
  const images: AppImageSpec[] = [];
  const seen = new Set<string>();
  list.forEach((item, i) => {
    if (!isObj(item) || typeof item.name !== "string") return;
    const p = [...path, i];
    if (seen.has(item.name)) errors.push(duplicate([...p, "name"], item.name));
    seen.add(item.name);
    const image: AppImageSpec = { name: item.name };
    const set = <K extends keyof AppImageSpec>(key: K, value: AppImageSpec[K] | undefined) => {
      if (value !== undefined) image[key] = value;
    };
    set("tags", strings(item.tags));
    const sizeField = item.sizeBytes !== undefined ? "sizeBytes" : "size";
    const rawSize = item[sizeField];
    if (rawSize !== undefined && rawSize !== null) {
      const bytes = parseByteSize(rawSize);
      if (bytes === undefined) {
        if (typeof rawSize === "string" || typeof rawSize === "number") {
          errors.push(
            invalid([...p, sizeField], rawSize, "must be a size such as 45MB, 45Mi or a number of bytes"),
          );
        }
      } else image.sizeBytes = bytes;
    }
    set("pullSeconds", seconds(item.pullSeconds, [...p, "pullSeconds"]));
    set("entrypoint", strings(item.entrypoint));
    set("cmd", strings(item.cmd));
    set("env", stringMap(item.env));
    if (typeof item.workingDir === "string") image.workingDir = item.workingDir;
    if (typeof item.stopSignal === "string") image.stopSignal = item.stopSignal;
    set("startupSeconds", seconds(item.startupSeconds, [...p, "startupSeconds"]));
    if (Array.isArray(item.ports)) image.ports = item.ports.filter((x): x is number => Number.isInteger(x));
    if (Array.isArray(item.http)) image.http = readRoutes(item.http, [...p, "http"], seconds);
    if (typeof item.grpc === "boolean") image.grpc = item.grpc;
    if (isObj(item.onSigterm) && (item.onSigterm.action === "exit" || item.onSigterm.action === "ignore")) {
      const s = item.onSigterm;
      const onSigterm: NonNullable<AppImageSpec["onSigterm"]> = { action: s.action as "exit" | "ignore" };
      const drain = seconds(s.drainSeconds, [...p, "onSigterm", "drainSeconds"]);
      if (drain !== undefined) onSigterm.drainSeconds = drain;
      if (Number.isInteger(s.exitCode)) onSigterm.exitCode = s.exitCode as number;
      image.onSigterm = onSigterm;
    }
    set("exitAfterSeconds", seconds(item.exitAfterSeconds, [...p, "exitAfterSeconds"]));
    if (Number.isInteger(item.exitCode)) image.exitCode = item.exitCode as number;
    set("logs", strings(item.logs));
    set("files", stringMap(item.files));
    images.push(image);
  });
  return images;
}

function readRoutes(list: unknown[], path: PathSegment[], seconds: Seconds): AppHttpRoute[] {
  const routes: AppHttpRoute[] = [];
  list.forEach((item, i) => {
    if (!isObj(item) || typeof item.path !== "string" || !Array.isArray(item.responses)) return;
    const responses: AppHttpRoute["responses"] = [];
    item.responses.forEach((r, j) => {
      if (!isObj(r) || !Number.isInteger(r.status)) return;
      const rp = [...path, i, "responses", j];
      const response: AppHttpRoute["responses"][number] = {
        afterSeconds: seconds(r.afterSeconds, [...rp, "afterSeconds"]) ?? 0,
        status: r.status as number,
      };
      if (typeof r.body === "string") response.body = r.body;
      const delay = seconds(r.delaySeconds, [...rp, "delaySeconds"]);
      if (delay !== undefined) response.delaySeconds = delay;
      responses.push(response);
    });
    routes.push({ path: item.path, responses });
  });
  return routes;
}

function readTraffic(list: unknown[], path: PathSegment[], seconds: Seconds): TrafficSpec[] {
  const traffic: TrafficSpec[] = [];
  list.forEach((item, i) => {
    if (!isObj(item) || typeof item.service !== "string" || typeof item.rps !== "number" || item.rps <= 0)
      return;
    const t: TrafficSpec = { service: item.service, rps: item.rps };
    if (Number.isInteger(item.port)) t.port = item.port as number;
    if (typeof item.path === "string") t.path = item.path;
    const req = seconds(item.requestSeconds, [...path, i, "requestSeconds"]);
    if (req !== undefined) t.requestSeconds = req;
    const start = seconds(item.start, [...path, i, "start"]);
    if (start !== undefined) t.startMs = Math.round(start * 1000);
    const stop = seconds(item.stop, [...path, i, "stop"]);
    if (stop !== undefined) t.stopMs = Math.round(stop * 1000);
    traffic.push(t);
  });
  return traffic;
}

function readTimeline(
  list: unknown[],
  path: PathSegment[],
  durationMs: (value: unknown, path: PathSegment[]) => number | undefined,
): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  list.forEach((item, i) => {
    if (!isObj(item) || typeof item.run !== "string") return;
    const atMs = durationMs(item.at, [...path, i, "at"]);
    if (atMs === undefined) return;
    const at = typeof item.at === "number" ? `${item.at}s` : String(item.at);
    entries.push({ atMs, at, run: item.run });
  });
  // Commands at the same time keep the order they are written in (a stable sort).
  return entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.atMs - b.e.atMs || a.i - b.i)
    .map(({ e }) => e);
}
