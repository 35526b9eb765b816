#!/usr/bin/env node
// The `podlife` command: runs src/cli/main.ts through tsx's loader (no build step needed).
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
});
