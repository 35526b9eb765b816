/**
 * Non-local control flow in the interpreter: `exit`, `return`, `break` and `continue` unwind the
 * evaluation as exceptions, caught where the shell (or subshell), function or loop ends.
 */

/** `exit N`: ends the shell or the current subshell. */
export class ExitRequest extends Error {
  constructor(readonly status: number) {
    super(`exit ${status}`);
  }
}

/** `return N`: ends the current function or sourced file. */
export class ReturnRequest extends Error {
  constructor(readonly status: number) {
    super(`return ${status}`);
  }
}

/** `break N` / `continue N`: leaves or restarts the Nth enclosing loop. */
export class LoopControl extends Error {
  constructor(
    readonly kind: "break" | "continue",
    readonly levels: number,
  ) {
    super(`${kind} ${levels}`);
  }
}
