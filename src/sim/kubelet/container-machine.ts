/**
 * One XState machine per container (per name in the pod spec, across restarts). It tracks the
 * container's lifecycle — waiting → pulling → created → running → terminating → terminated, with
 * hooks and back-off — from the events the pod worker and the runtime send, and records the spans
 * and marks the swimlanes draw. It runs on the simulator's virtual clock.
 */
import { type Actor, createActor, setup } from "xstate";
import type { VirtualClock } from "../clock.ts";
import { whyOf } from "../timeline/reasons.ts";
import type { ContainerKind, Mark, Span, SpanKind, Why } from "../timeline/types.ts";

/** Events the pod worker and runtime send to a container machine. */
export type ContainerEvent =
  | { type: "container.waiting"; reason: string; why?: Why }
  | { type: "image.pulling"; why?: Why }
  | { type: "image.pulled" }
  | { type: "container.created" }
  | { type: "container.started"; why?: Why }
  | { type: "container.ready"; ready: boolean; why?: Why }
  | { type: "hook.started"; hook: "postStart" | "preStop" }
  | { type: "hook.finished"; hook: "postStart" | "preStop"; failed?: boolean }
  | { type: "container.killing"; graceSeconds: number; why: Why }
  | { type: "signal.sent"; signal: string; why?: Why }
  | { type: "container.exited"; exitCode: number; reason: string; why?: Why }
  | { type: "container.backoff"; reason: string; delayMs: number; why?: Why };

interface OpenSpan {
  kind: SpanKind;
  startMs: number;
  label: string;
  ready?: boolean;
  reason?: string;
  exitCode?: number;
  why?: Why;
}

interface Context {
  now: () => number;
  spans: Span[];
  marks: Mark[];
  /** The lane's main span (one at a time). */
  open?: OpenSpan;
  /** Hook and grace spans overlap the main span. */
  hooks: Partial<Record<"postStart" | "preStop" | "grace", OpenSpan>>;
  ready: boolean;
}

function close(ctx: Context, o: OpenSpan | undefined): void {
  if (!o) return;
  const end = ctx.now();
  const span: Span = { kind: o.kind, startMs: o.startMs, endMs: end, label: o.label };
  if (o.ready !== undefined) span.ready = o.ready;
  if (o.reason !== undefined) span.reason = o.reason;
  if (o.exitCode !== undefined) span.exitCode = o.exitCode;
  if (o.why !== undefined) Object.assign(span, o.why);
  // Zero-length spans carry no information on a lane.
  if (end > o.startMs || o.kind === "terminated") ctx.spans.push(span);
}

function openMain(ctx: Context, o: Omit<OpenSpan, "startMs">): void {
  close(ctx, ctx.open);
  ctx.open = { ...o, startMs: ctx.now() };
}

const runningLabel = (ready: boolean) => (ready ? "Running (ready)" : "Running (not ready)");

/**
 * The container lifecycle machine.
 *
 * Why plain actions and not `assign`: each action records into the context in place (the open
 * spans, the span and mark lists) and has nothing to merge; an `assign` made a copy of the context
 * and of the snapshot per action, the machine's largest cost in a long run. Nothing keeps an older
 * snapshot's context: `ContainerLifecycle` reads the current one.
 */
export const containerMachine = setup({
  types: {
    context: {} as Context,
    events: {} as ContainerEvent,
    input: {} as { now: () => number },
  },
  actions: {
    openWaiting: ({ context, event }) => {
      if (event.type === "container.waiting")
        openMain(context, {
          kind: "waiting",
          label: event.reason,
          reason: event.reason,
          ...(event.why ? { why: event.why } : {}),
        });
    },
    openPulling: ({ context, event }) => {
      openMain(context, {
        kind: "pulling",
        label: "Pulling image",
        ...(event.type === "image.pulling" && event.why ? { why: event.why } : {}),
      });
    },
    openCreated: ({ context }) => {
      openMain(context, { kind: "created", label: "Created" });
    },
    openRunning: ({ context, event }) => {
      context.ready = false;
      openMain(context, {
        kind: "running",
        label: runningLabel(false),
        ready: false,
        ...(event.type === "container.started" && event.why ? { why: event.why } : {}),
      });
      context.marks.push({ kind: "start", atMs: context.now(), label: "Started" });
    },
    setReady: ({ context, event }) => {
      if (event.type !== "container.ready" || event.ready === context.ready) return;
      context.ready = event.ready;
      if (context.open?.kind === "running")
        openMain(context, {
          kind: "running",
          label: runningLabel(event.ready),
          ready: event.ready,
          ...(event.why ? { why: event.why } : {}),
        });
    },
    openHook: ({ context, event }) => {
      if (event.type !== "hook.started") return;
      context.hooks[event.hook] = {
        kind: event.hook,
        startMs: context.now(),
        label: event.hook,
        why: whyOf(event.hook === "preStop" ? "hook.preStop" : "hook.postStart"),
      };
    },
    closeHook: ({ context, event }) => {
      if (event.type !== "hook.finished") return;
      const h = context.hooks[event.hook];
      if (h && event.failed) h.label = `${event.hook} failed`;
      close(context, h);
      delete context.hooks[event.hook];
    },
    openGrace: ({ context, event }) => {
      if (event.type !== "container.killing") return;
      close(context, context.hooks.grace);
      context.hooks.grace = {
        kind: "grace",
        startMs: context.now(),
        label: `grace ${event.graceSeconds}s`,
        why: event.why,
      };
      context.marks.push({ kind: "killing", atMs: context.now(), label: "Killing", ...event.why });
    },
    markSignal: ({ context, event }) => {
      if (event.type !== "signal.sent") return;
      const kind = event.signal === "SIGKILL" ? "SIGKILL" : event.signal === "SIGTERM" ? "SIGTERM" : "signal";
      context.marks.push({
        kind,
        atMs: context.now(),
        label: event.signal,
        ...event.why,
      });
    },
    openTerminated: ({ context, event }) => {
      if (event.type !== "container.exited") return;
      for (const k of ["postStart", "preStop", "grace"] as const) {
        close(context, context.hooks[k]);
        delete context.hooks[k];
      }
      context.marks.push({
        kind: "exit",
        atMs: context.now(),
        label: `exit ${event.exitCode}`,
        ...event.why,
      });
      openMain(context, {
        kind: "terminated",
        label: `${event.reason} (exit ${event.exitCode})`,
        reason: event.reason,
        exitCode: event.exitCode,
        ...(event.why ? { why: event.why } : {}),
      });
    },
    openBackoff: ({ context, event }) => {
      if (event.type !== "container.backoff") return;
      openMain(context, {
        kind: "backoff",
        label: `${event.reason} ${Math.round(event.delayMs / 1000)}s`,
        reason: event.reason,
        ...(event.why ? { why: event.why } : {}),
      });
    },
  },
}).createMachine({
  id: "container",
  context: ({ input }) => ({ now: input.now, spans: [], marks: [], hooks: {}, ready: false }),
  initial: "waiting",
  on: {
    "container.waiting": { target: ".waiting", actions: "openWaiting" },
    // Why here too: a container created without a pull (the image is present) goes straight to
    // `created`; the pulling span it passed through was zero-length, which a lane does not show.
    "container.created": { target: ".created", actions: "openCreated" },
    "container.backoff": { target: ".waiting", actions: "openBackoff" },
    "image.pulling": { target: ".pulling", actions: "openPulling" },
    "container.exited": { target: ".terminated", actions: "openTerminated" },
    "signal.sent": { actions: "markSignal" },
  },
  states: {
    waiting: {},
    pulling: {
      on: {
        "image.pulled": { target: "waiting" },
        "container.created": { target: "created", actions: "openCreated" },
      },
    },
    created: {
      on: { "container.started": { target: "running", actions: "openRunning" } },
    },
    running: {
      on: {
        "container.ready": { actions: "setReady" },
        "hook.started": { actions: "openHook" },
        "hook.finished": { actions: "closeHook" },
        "container.killing": { target: "terminating", actions: "openGrace" },
      },
    },
    terminating: {
      on: {
        "container.ready": { actions: "setReady" },
        "hook.started": { actions: "openHook" },
        "hook.finished": { actions: "closeHook" },
      },
    },
    terminated: {},
  },
});

/** A running container machine plus what it recorded. */
export class ContainerLifecycle {
  private readonly actor: Actor<typeof containerMachine>;

  constructor(
    readonly name: string,
    readonly kind: ContainerKind,
    readonly image: string,
    clock: VirtualClock,
  ) {
    // Why a method: an arrow property is a named closure under the TypeScript loader (a
    // defineProperty per lane); a method is not.
    this.actor = createActor(containerMachine, {
      clock,
      input: {
        now() {
          return clock.now();
        },
      },
    });
    this.actor.start();
  }

  /** Sends an event; `container.started` from pulling goes through the created state implicitly. */
  send(e: ContainerEvent): void {
    const s = this.actor.getSnapshot();
    // Why: the kubelet reports readiness with every status update; an unchanged value is one
    // `setReady` ignores, so it need not go through the machine (a long run has many thousands).
    if (e.type === "container.ready" && e.ready === s.context.ready) return;
    // Why only from pulling: in any other state but `created` the machine ignores `started`.
    if (e.type === "container.started" && s.matches("pulling"))
      this.actor.send({ type: "container.created" });
    this.actor.send(e);
  }

  /** Whether the lane shows the container ready (the last `container.ready` that counted). */
  get ready(): boolean {
    return this.actor.getSnapshot().context.ready;
  }

  /** The current state name. */
  get state(): string {
    return String(this.actor.getSnapshot().value);
  }

  /** Spans recorded so far, with still-open ones closed at `endMs`. */
  spans(endMs: number): Span[] {
    const ctx = this.actor.getSnapshot().context;
    const out = [...ctx.spans];
    const opened = [ctx.open, ctx.hooks.postStart, ctx.hooks.preStop, ctx.hooks.grace];
    for (const o of opened) {
      if (!o) continue;
      const s: Span = { kind: o.kind, startMs: o.startMs, endMs: Math.max(endMs, o.startMs), label: o.label };
      if (o.ready !== undefined) s.ready = o.ready;
      if (o.reason !== undefined) s.reason = o.reason;
      if (o.exitCode !== undefined) s.exitCode = o.exitCode;
      if (o.why !== undefined) Object.assign(s, o.why);
      out.push(s);
    }
    return out.sort((a, b) => a.startMs - b.startMs);
  }

  /** Marks recorded so far. */
  marks(): Mark[] {
    return [...this.actor.getSnapshot().context.marks];
  }
}
