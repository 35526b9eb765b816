/**
 * The simulator's "why" sentences: one function per rule, keyed by a stable code. `whyOf(code, args)`
 * returns the English sentence together with the code and the values it names, so a view can say
 * the same thing in another language from the code and values (the UI's catalogs, e.g.
 * `src/ui/i18n/why-zh.ts`) while the English — which the CLI, goldens and conformance read — is
 * made by the same function and cannot drift from them.
 */
import type { ProbeType, Why } from "./types.ts";

const capital = (s: string) => `${s[0]!.toUpperCase()}${s.slice(1)}`;

const ordinal = (n: number) =>
  `${n}${n % 10 === 1 && n % 100 !== 11 ? "st" : n % 10 === 2 && n % 100 !== 12 ? "nd" : n % 10 === 3 && n % 100 !== 13 ? "rd" : "th"}`;

/** What a probe attempt's result is counted as. */
export type ProbeCount = "success" | "failure";

const thresholdField = (r: ProbeCount) => (r === "failure" ? "failureThreshold" : "successThreshold");

/** `3rd failure in a row (failureThreshold 3)` */
const inARow = (r: ProbeCount, run: number, threshold: number) =>
  `${ordinal(run)} ${r} in a row (${thresholdField(r)} ${threshold})`;

/** How PID 1 treats the stop signal: it has a handler, ignores it, or has neither. */
export type SignalDisposition = "handled" | "ignored" | "default";

/** How kube-proxy routed a request to an endpoint that refused it. */
export type RoutedAs = "ready" | "terminating";

const routed = (r: RoutedAs) =>
  r === "ready"
    ? "kube-proxy still routed to it as ready: the endpoint change had not propagated yet"
    : "kube-proxy routed to it as a terminating endpoint (no ready one was left)";

const pid1 = (program: string) => `\`${program}\` as PID 1`;

/** The English sentence of each code, from the values it names. */
const EN = {
  // The pod worker: starting containers.
  "backoff.crashLoop": (a: { delay: string }) =>
    `CrashLoopBackOff: the kubelet waits ${a.delay} after this container's last exit before restarting it (back-off doubles from 10s up to 5m).`,
  "image.pulling": (a: { policy: string }) => `imagePullPolicy ${a.policy}`,
  /** The image manager's own message (`Back-off pulling image …`), as `kubectl describe` shows it. */
  "image.failed": (a: { reason: string; message: string }) => a.message,
  /** The runtime's error, as the `Failed` event says it. */
  "start.failed": (a: { message: string }) => a.message,
  "start.init": (a: { container: string }) => `Init container ${a.container} started.`,
  "start.restart": (a: { container: string; attempt: number }) => `Restart #${a.attempt} of ${a.container}.`,
  "start.specOrder": () => "Started in spec order.",
  "hook.postStart": () =>
    "postStart runs right after the container starts: the container is not reported Running, and the next container is not started, until it returns.",
  "hook.preStop": () =>
    "The kubelet runs preStop before it sends the stop signal; the hook's time counts against the grace period.",

  // The pod worker: stopping containers (the grace bar and the Killing mark).
  "kill.podDeleted": () => "The pod was deleted: the kubelet stops every container within the grace period.",
  "kill.podFailed": (a: { reason: string; message: string }) => `${a.message}.`,
  "kill.podFinished": () => "The pod finished: remaining containers are stopped.",
  "kill.imageChanged": (a: { from: string; to: string }) =>
    `the container's image changed from ${a.from} to ${a.to}`,
  "kill.probeFailed": (a: { probe: ProbeType; failureThreshold: number }) =>
    `the ${a.probe} probe failed ${a.failureThreshold} times in a row`,
  "kill.postStartFailed": () => "the postStart hook failed",
  "signal.stop": (a: {
    signal: string;
    stopSignal: string;
    program: string;
    disposition: SignalDisposition;
    graceSeconds: number;
  }) => {
    const which = a.stopSignal === "SIGTERM" ? "the default stop signal" : "the image's STOPSIGNAL";
    const who = pid1(a.program);
    const effect =
      a.disposition === "handled"
        ? `${who} has a handler for it`
        : a.disposition === "ignored"
          ? `${who} ignores it`
          : `${who} has no handler, so the kernel drops it (PID 1 is only killed by signals it handles)`;
    return `${a.signal} (${which}) to PID 1: ${effect}; SIGKILL follows after ${a.graceSeconds}s if the container is still running.`;
  },
  "signal.kill": (a: {
    stopSignal: string;
    program: string;
    disposition: SignalDisposition;
    graceSeconds: number;
  }) => {
    const who = pid1(a.program);
    const because =
      a.disposition === "handled"
        ? `${who} handles ${a.stopSignal} but had not exited`
        : a.disposition === "ignored"
          ? `${who} ignores ${a.stopSignal}`
          : `${who} has no ${a.stopSignal} handler, so the kernel dropped the signal`;
    return `SIGKILL at the end of the ${a.graceSeconds}s grace period: ${because}.`;
  },

  // The kubelet: exits and readiness.
  "exit.sigkill": () => "Killed by SIGKILL: exit code 137 = 128 + 9.",
  "exit.signal": (a: { signal: string; exitCode: number }) =>
    `Killed by ${a.signal}: exit code ${a.exitCode} = 128 + signal number.`,
  "exit.completed": (a: { command: string }) => `${a.command} exited 0: reason Completed.`,
  "exit.error": (a: { program?: string; exitCode: number }) =>
    `${a.program ?? "the process"} exited with code ${a.exitCode}: reason Error.`,
  "ready.readinessProbe": () => "The readiness probe succeeded.",
  "ready.afterStartup": () =>
    "The startup probe succeeded; with no readiness probe the container is ready from then on.",
  "ready.noProbe": () => "No readiness probe: ready once running.",
  "notReady.startup": () => "Not ready: waiting for the startup probe (then the readiness probe) to succeed.",
  "notReady.readiness": () => "Not ready: the readiness probe has not succeeded yet.",

  // The prober: what one attempt counts for.
  "probe.error": () => "The prober itself failed: the attempt is discarded.",
  "probe.belowThreshold": (a: { probe: ProbeType; result: ProbeCount; run: number; threshold: number }) =>
    `${capital(a.probe)} probe: ${inARow(a.result, a.run, a.threshold)}; nothing changes until ${a.threshold}.`,
  "probe.pastThreshold": (a: { probe: ProbeType; result: ProbeCount; threshold: number }) =>
    `${capital(a.probe)} probe: another ${a.result} (${thresholdField(a.result)} ${a.threshold} reached); the result stays ${a.result}.`,
  "probe.started": (a: { probe: ProbeType; run: number; threshold: number }) =>
    `${capital(a.probe)} probe: ${inARow("success", a.run, a.threshold)}: the container counts as started, and liveness and readiness probing begins.`,
  "probe.ready": (a: { probe: ProbeType; run: number; threshold: number }) =>
    `${capital(a.probe)} probe: ${inARow("success", a.run, a.threshold)}: the container becomes ready.`,
  "probe.live": (a: { probe: ProbeType; run: number; threshold: number }) =>
    `${capital(a.probe)} probe: ${inARow("success", a.run, a.threshold)}: the container counts as live.`,
  "probe.notReady": (a: { probe: ProbeType; run: number; threshold: number }) =>
    `${capital(a.probe)} probe: ${inARow("failure", a.run, a.threshold)}: the container becomes not ready (it is not restarted).`,
  "probe.restart": (a: { probe: ProbeType; run: number; threshold: number }) =>
    `${capital(a.probe)} probe: ${inARow("failure", a.run, a.threshold)}: the kubelet kills the container and restarts it per the restart policy.`,

  // Pod lanes: conditions and endpoints.
  "condition.reason": (a: { condition: string; status: string; reason: string }) =>
    `${a.condition} is ${a.status}: ${a.reason}.`,
  "endpoint.ready": () =>
    "In the Service's EndpointSlice as ready: the pod is Ready and not terminating, so new connections may be sent to it.",
  "endpoint.notReady": () =>
    "In the EndpointSlice but not ready: the pod's Ready condition is False, so kube-proxy sends it no traffic.",
  "endpoint.servingTerminating": () =>
    "The pod is being deleted: its endpoint's ready flipped to false at once while serving still follows the readiness probe; kube-proxy uses it only if no ready endpoint is left.",
  "endpoint.terminating": () =>
    "The pod is being deleted and no longer passes its readiness probe: the endpoint is neither ready nor serving.",
  "proxy.programmed": (a: { state: string; delaySeconds: number }) =>
    `kube-proxy programmed this endpoint as ${a.state} ${a.delaySeconds} s after the EndpointSlice said so (the endpoint propagation delay).`,

  // Traffic: why a request failed.
  "traffic.noPort": (a: { service: string; port?: string }) =>
    `service "${a.service}" has ${a.port !== undefined ? `no port ${a.port}` : "no ports"}: nothing to connect to.`,
  "traffic.noService": (a: { service: string }) =>
    `kube-proxy has no rules for Service "${a.service}" (it does not exist, or its creation has not propagated yet).`,
  "traffic.noEndpoints": (a: { service: string; port: number }) =>
    `kube-proxy had no ready or serving endpoint for ${a.service}:${a.port} (its rules lag the EndpointSlices by the propagation delay), so it rejected the connection.`,
  "traffic.podGone": (a: { pod: string }) =>
    `The pod ${a.pod} and its network were already gone, but kube-proxy still routed to it: the removal had not propagated yet.`,
  "traffic.stoppedAccepting": (a: { owner: string; pod?: string; routedAs: RoutedAs }) =>
    `${a.owner} in ${a.pod ?? "the pod"} had stopped accepting new connections (shutting down on its stop signal), but ${routed(a.routedAs)}.`,
  "traffic.notListening": (a: { port: number; pod?: string; routedAs: RoutedAs }) =>
    `Nothing listened on port ${a.port} in ${a.pod ?? "the pod"}, yet ${routed(a.routedAs)}.`,
  "traffic.notHttp": (a: { owner: string; endpoint: string }) =>
    `${a.owner} on ${a.endpoint} accepts TCP but does not speak HTTP.`,
  "traffic.reset": (a: { owner: string; pod?: string }) =>
    `${a.owner} in ${a.pod ?? "the pod"} exited with the request still in flight (killed, or it did not drain open connections on its stop signal).`,
  "traffic.serverError": (a: { owner: string; pod?: string; status: number }) =>
    `${a.owner} in ${a.pod ?? "the pod"} answered ${a.status}.`,
} satisfies Record<string, (a: never) => string>;

/** The stable id of a why sentence's rule. */
export type WhyCode = keyof typeof EN;

/** The values the sentence of `C` names (undefined for a sentence that names none). */
export type WhyArgsOf<C extends WhyCode> = Parameters<(typeof EN)[C]>[0];

/** Every code, for catalogs and their tests. */
export const WHY_CODES = Object.keys(EN) as WhyCode[];

/** The sentence of `code` with its values: the English `why`, and `whyCode`/`whyArgs` to render it elsewhere. */
export function whyOf<C extends WhyCode>(code: C, ...args: Parameters<(typeof EN)[C]>): Why {
  const a = args[0] as Record<string, string | number> | undefined;
  const text = (EN[code] as (a: unknown) => string)(a);
  return a ? { why: text, whyCode: code, whyArgs: a } : { why: text, whyCode: code };
}
