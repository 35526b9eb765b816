/**
 * `kubectl patch TYPE NAME -p PATCH [--type strategic|merge|json] [--subresource status]`: the patch
 * is applied to the object as the API server would and the result stored (`pod/x patched`, or
 * `patched (no change)`).
 */
import { parse } from "yaml";
import type { FlagSpec } from "../args.ts";
import type { Invocation } from "../context.ts";
import { DRY_RUN_FLAG, dryRunStrategy, dryRunSuffix } from "../dry-run.ts";
import { clientError, fromCluster } from "../errors.ts";
import { jsonPatch, mergePatch, PatchError, strategicMergePatch } from "../patch.ts";
import { kindString } from "../resources.ts";
import { workloads } from "./workload-target.ts";

/** Flags of `kubectl patch`. */
export const PATCH_FLAGS: FlagSpec[] = [
  { name: "patch", short: "p", kind: "string" },
  { name: "type", kind: "string" },
  { name: "subresource", kind: "string" },
  { name: "output", short: "o", kind: "string" },
  DRY_RUN_FLAG,
  { name: "local", kind: "bool" },
];

/** Runs `kubectl patch`. */
export function patch(inv: Invocation): number {
  const text = inv.flags.string("patch");
  if (text === undefined)
    throw clientError("must specify --patch or --patch-file containing the contents of the patch");
  const type = inv.flags.string("type") ?? "strategic";
  if (!["json", "merge", "strategic"].includes(type))
    throw clientError(`--type must be one of [json merge strategic], not "${type}"`);
  const subresource = inv.flags.string("subresource");
  if (subresource !== undefined && subresource !== "status" && subresource !== "scale")
    throw clientError(`invalid subresource value: "${subresource}". Must be one of [status scale]`);
  const dryRun = dryRunStrategy(inv);
  const suffix = dryRunSuffix(dryRun);
  let body: unknown;
  try {
    body = parse(text);
  } catch (e) {
    throw clientError(`unable to parse "${text}": ${(e as Error).message.split("\n")[0]}`);
  }
  for (const { type: rtype, obj } of workloads(inv, "resource(s) were provided, but no name was specified")) {
    let patched: unknown;
    try {
      patched =
        type === "json"
          ? jsonPatch(obj, body)
          : type === "merge"
            ? mergePatch(obj, body)
            : strategicMergePatch(obj, body);
    } catch (e) {
      if (e instanceof PatchError) throw clientError(e.message);
      throw e;
    }
    const ref = `${kindString(rtype)}/${obj.metadata.name}`;
    const next = patched as typeof obj;
    if (JSON.stringify(next) === JSON.stringify(obj)) {
      inv.out.out(`${ref} patched (no change)${suffix}\n`);
      continue;
    }
    // Why (patch.go): a client dry run patches locally and sends nothing.
    if (dryRun === "client") {
      inv.out.out(`${ref} patched${suffix}\n`);
      continue;
    }
    if (dryRun === "server" && subresource === "status")
      throw clientError("--dry-run=server with --subresource=status is not supported in Podlife");
    const write = subresource === "status" ? inv.api.updateStatus : inv.api.update;
    if (!write) throw clientError("the simulated cluster cannot update objects this way yet");
    const err = dryRun === "server" ? inv.api.update?.(next, { dryRun: true }) : write.call(inv.api, next);
    if (err !== undefined) throw fromCluster(err);
    inv.out.out(`${ref} patched${suffix}\n`);
  }
  return 0;
}
