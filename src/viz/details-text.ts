/**
 * The words of the details panel that the view makes itself — headings, facts, and the why
 * sentences for items the simulator wrote none for (probe results, replica counts, Deployment
 * steps) — one English function per stable code, like the simulator's `reasons.ts`. A
 * `DetailsLanguage` renders both kinds in one language: the English is the default; another
 * language gives catalogs keyed by the same codes (`src/ui/i18n/why-zh.ts`) and falls back to the
 * English for any code it lacks.
 */
import type { WhyArgsOf, WhyCode } from "../sim/timeline/reasons.ts";
import type { ContainerKind, SpanKind, WhyArgs } from "../sim/timeline/types.ts";

/** Which ReplicaSet a sentence names: `new ReplicaSet, revision 2 (nginx:1.28)`, or just its name. */
export interface RsArgs {
  name: string;
  /** Set when the ReplicaSet is known: the Deployment's newest, or an older one. */
  age?: "new" | "old";
  revision?: string;
  image?: string;
}

/** `revision 2 (nginx:1.28)`, or the ReplicaSet's name when it has no revision. */
export function rsLabelEn(a: RsArgs): string {
  const rev = a.revision !== undefined ? `revision ${a.revision}` : a.name;
  return a.image ? `${rev} (${a.image})` : rev;
}

const whichRs = (a: RsArgs) => (a.age ? `${a.age} ReplicaSet, ${rsLabelEn(a)}` : `ReplicaSet ${a.name}`);

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

const PROBE_CONSEQUENCE: Record<string, string> = {
  startup:
    "until it succeeds once, liveness and readiness probes wait; failureThreshold failures restart the container",
  liveness: "failureThreshold failures in a row make the kubelet kill and restart the container",
  readiness: "a failure takes the pod out of its Services' endpoints until the probe passes again",
};

/** The English of each code. */
const EN = {
  // Headings.
  "heading.span": (a: {
    kind: SpanKind;
    label: string;
    ready?: "true" | "false";
    reason?: string;
    exitCode?: number;
  }) => a.label,
  "heading.mark": (a: { label: string }) => a.label,
  "heading.probe": (a: { probe: string; result: string }) => `${a.probe} probe ${a.result}`,
  "heading.podLane": (a: { lane: string; value: string }) => `${a.lane}: ${a.value}`,
  "heading.replicas": (a: RsArgs & { ready: number; current: number }) =>
    `${rsLabelEn(a)}: ${a.ready} of ${a.current} ready`,
  "heading.traffic": (a: { ok: number; failed: number }) => `${a.ok} ok, ${a.failed} failed`,
  "heading.failure": (a: { detail: string }) => `Request failed: ${a.detail}`,
  "heading.condition": (a: { type: string; status: string; reason: string }) =>
    `${a.type} ${a.status}: ${a.reason}`,

  // Facts.
  "fact.reason": (a: { reason: string }) => `reason: ${a.reason}`,
  "fact.exitCode": (a: { exitCode: number }) => `exit code: ${a.exitCode}`,
  "fact.ready": (a: { ready: "true" | "false" }) => `ready: ${a.ready}`,
  "fact.took": (a: { duration: string }) => `took ${a.duration}`,
  "fact.output": (a: { output: string }) => `output: ${a.output}`,
  "fact.scalingEvent": () => "ScalingReplicaSet event from the deployment-controller",
  "fact.desired": (a: { n: number }) => `desired ${a.n}`,
  "fact.current": (a: { n: number }) => `current ${a.n}`,
  "fact.readyCount": (a: { n: number }) => `ready ${a.n}`,
  "fact.available": (a: { n: number }) => `available ${a.n}`,
  "fact.outcome": (a: { outcome: string }) => `outcome: ${a.outcome}`,
  "fact.endpoint": (a: { endpoint: string }) => `endpoint ${a.endpoint}`,
  /** A condition's message, as the controller wrote it. */
  "fact.message": (a: { message: string }) => a.message,

  // Why sentences the view makes.
  "why.span": (a: { container: string; containerKind: ContainerKind; kind: SpanKind }) =>
    `Container ${a.container} (${a.containerKind}) was ${a.kind}.`,
  "why.mark": (a: { label: string; container: string }) => `${a.label} on container ${a.container}.`,
  "why.podLane": (a: { pod: string; lane: string; value: string; from: string }) =>
    `Pod ${a.pod} had ${a.lane} ${a.value} from ${a.from}.`,
  "why.probe": (a: { probe: string; result: string }) => {
    const verb =
      a.result === "success"
        ? "passed"
        : a.result === "timeout"
          ? "timed out (counts as a failure)"
          : a.result;
    return `The ${a.probe} probe ${verb}: ${PROBE_CONSEQUENCE[a.probe] ?? ""}.`;
  },
  "why.traffic.failed": (a: { service: string; failed: number; sent: number }) =>
    `${a.failed} of the ${a.sent} requests sent to Service ${a.service} in this second failed: select a red mark under the bars to see why.`,
  "why.traffic.ok": (a: { service: string }) =>
    `Every request sent to Service ${a.service} in this second succeeded.`,
  "why.replicas.creating": (a: { rs: string; current: number; desired: number }) =>
    `ReplicaSet ${a.rs} had ${a.current} pod${plural(a.current, "", "s")} for ${a.desired} desired: the replicaset controller was creating the missing ${a.desired - a.current}.`,
  "why.replicas.deleting": (a: { rs: string; current: number; desired: number }) =>
    `ReplicaSet ${a.rs} had ${a.current} pod${plural(a.current, "", "s")} for ${a.desired} desired: the extra ${a.current - a.desired} were being deleted (terminating pods no longer count).`,
  "why.replicas.notReady": (a: { rs: string; current: number; desired: number; notReady: number }) =>
    `ReplicaSet ${a.rs} had ${a.current} pod${plural(a.current, "", "s")} for ${a.desired} desired; ${a.notReady} not ready yet (starting, or failing their readiness probe), so not counted as available.`,
  "why.replicas.allReady": (a: { rs: string; current: number; desired: number }) =>
    `ReplicaSet ${a.rs} had ${a.current} pod${plural(a.current, "", "s")} for ${a.desired} desired, all ready.`,
  "why.step.other": (a: { message: string }) =>
    `The deployment controller changed a ReplicaSet's replicas (${a.message}).`,
  "why.step.created": (a: { to: string }) =>
    `The Deployment was created: its first ReplicaSet is scaled up to ${a.to} replicas.`,
  "why.step.recreateUp": (a: RsArgs & { to: string }) =>
    `Scaled up the ${whichRs(a)} to ${a.to}: with Recreate, the new pods come only once every old pod is gone.`,
  "why.step.rollingUp": (a: RsArgs & { from: string; to: string; desired: number; maxSurge?: number }) => {
    const surge =
      a.maxSurge !== undefined
        ? `${a.desired + a.maxSurge} pods in all (${a.desired} + maxSurge ${a.maxSurge})`
        : `${a.desired} + maxSurge pods in all`;
    return `Scaled up the ${whichRs(a)} from ${a.from} to ${a.to}: the rolling update may run up to ${surge}, and new pods must pass readiness before old ones go.`;
  },
  "why.step.recreateDown": (a: RsArgs) =>
    `Scaled down the ${whichRs(a)} to 0 at once: the Recreate strategy stops every old pod before it creates a new one, so nothing serves in between.`,
  "why.step.rollingDown": (
    a: RsArgs & { from: string; to: string; available: number; desired: number; maxUnavailable?: number },
  ) => {
    const floor =
      a.maxUnavailable !== undefined
        ? `${Math.max(0, a.desired - a.maxUnavailable)} (${a.desired} − maxUnavailable ${a.maxUnavailable})`
        : `${a.desired} − maxUnavailable`;
    return `Scaled down the ${whichRs(a)} from ${a.from} to ${a.to}: ${a.available} pod${plural(a.available, " was", "s were")} available, and the rolling update keeps at least ${floor} available while it removes old pods.`;
  },
  "why.condition.progressDeadline": () =>
    "The rollout made no progress (no more updated, ready or available pods, no fewer old ones) for progressDeadlineSeconds: the deployment controller marks it failed but keeps the pods as they are; `kubectl rollout status` exits 1.",
  "why.condition": (a: { type: string; status: string; reason: string; message: string }) =>
    `${a.type} became ${a.status} (${a.reason}): ${a.message}`,
} satisfies Record<string, (a: never) => string>;

/** The stable id of one of the view's phrases. */
export type ViewCode = keyof typeof EN;

/** The values the phrase of `C` names (undefined for one that names none). */
export type ViewArgsOf<C extends ViewCode> = Parameters<(typeof EN)[C]>[0];

/** Every view code, for catalogs and their tests. */
export const VIEW_CODES = Object.keys(EN) as ViewCode[];

/** A catalog of the simulator's why sentences in one language, by code. */
export type WhyCatalog = { [C in WhyCode]: (a: WhyArgsOf<C>) => string };

/** A catalog of the view's phrases in one language, by code. */
export type ViewCatalog = { [C in ViewCode]: (a: ViewArgsOf<C>) => string };

/** Anything with a why sentence from the simulator. */
export interface WhyItem {
  why: string;
  whyCode?: WhyCode;
  whyArgs?: WhyArgs;
}

/** Renders the details panel's words in one language. */
export interface DetailsLanguage {
  /** A simulator why: its code's sentence, else the English. */
  why(item: WhyItem): string;
  /** One of the view's phrases. */
  text<C extends ViewCode>(code: C, ...args: Parameters<(typeof EN)[C]>): string;
}

/** English: the simulator's own sentences and the view's English phrases. */
export const ENGLISH: DetailsLanguage = {
  why: (item) => item.why,
  text: (code, ...args) => (EN[code] as (a: unknown) => string)(args[0]),
};

type Render = (a: unknown) => string;

/** A catalog entry's text, or "" when there is none or it cannot render these values. */
function attempt(render: Render | undefined, args: unknown): string {
  try {
    return render ? render(args) : "";
  } catch {
    return "";
  }
}

/**
 * A language from catalogs keyed by code: a code missing from them (or rendered empty) falls back
 * to the English, so a sentence is never blank.
 */
export function detailsLanguage(why: Partial<WhyCatalog>, view: Partial<ViewCatalog>): DetailsLanguage {
  return {
    why: (item) =>
      attempt(item.whyCode ? (why[item.whyCode] as Render | undefined) : undefined, item.whyArgs) || item.why,
    text: (code, ...args) =>
      attempt(view[code] as Render | undefined, args[0]) || ENGLISH.text(code, ...args),
  };
}
