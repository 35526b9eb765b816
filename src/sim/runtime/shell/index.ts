/**
 * The POSIX-shell subset containers run (`sh -c "…"`, exec probes, hooks), in the flavours of
 * busybox `ash`, Debian `dash` and `bash`.
 */
export { type FlavourName, flavourFor } from "./flavour.ts";
export { cpuTickMs, Interpreter, SPAWN_COST_MS, STEPS_PER_TICK } from "./interpreter.ts";
export { Parser } from "./parser.ts";
export { shellProgram } from "./program.ts";
