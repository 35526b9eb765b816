/**
 * How the shell forks: a background job or asynchronous subshell runs as a new process of the same
 * shell program with a copy of the parent's state. `ContainerNamespace.spawn` builds a program's
 * body synchronously, so the parent parks the child's body here, spawns its own program id, and
 * the shell program picks the body up before anything else can run.
 */
import type { ProcessBody, ProcessContext } from "../kernel.ts";

/** The body a forked shell runs. */
export type ForkBody = (ctx: ProcessContext) => ProcessBody;

let parked: ForkBody | undefined;

/** Runs `spawn` with `body` parked for the child shell to take. */
export function withForkBody<T>(body: ForkBody, spawn: () => T): T {
  parked = body;
  try {
    return spawn();
  } finally {
    parked = undefined;
  }
}

/** Takes the parked fork body, if this process is a fork. */
export function takeForkBody(): ForkBody | undefined {
  const b = parked;
  parked = undefined;
  return b;
}
