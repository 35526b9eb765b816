/**
 * `kubectl delete TYPE NAME… | TYPE/NAME… | TYPE -l SEL | TYPE --all`, with `--grace-period`,
 * `--force`, `--now`, `--wait` and `--timeout`. Prints `pod "x" deleted from default namespace`
 * (kubectl v1.34 names the namespace) and, unless `--wait=false`, waits in virtual time until each
 * object is gone.
 */
import type { ApiObject, Wait } from "../api.ts";
import type { FlagSpec } from "../args.ts";
import type { Invocation } from "../context.ts";
import { DRY_RUN_FLAG, dryRunStrategy, dryRunSuffix } from "../dry-run.ts";
import { parseGoDuration } from "../duration.ts";
import { clientError, fromCluster, KubectlError } from "../errors.ts";
import { kindString, type ResourceType } from "../resources.ts";
import { parseFieldSelector, parseLabelSelector } from "../selectors.ts";
import { manifestRefs, mapManifestRef, readManifestFiles } from "./files.ts";
import { getObject, listObjects, parseTargets } from "./targets.ts";

/** Flags of `kubectl delete`. */
export const DELETE_FLAGS: FlagSpec[] = [
  { name: "grace-period", kind: "int" },
  { name: "force", kind: "bool" },
  { name: "now", kind: "bool" },
  { name: "wait", kind: "bool" },
  { name: "timeout", kind: "string" },
  { name: "all", kind: "bool" },
  { name: "all-namespaces", short: "A", kind: "bool" },
  { name: "selector", short: "l", kind: "string" },
  { name: "field-selector", kind: "string" },
  { name: "ignore-not-found", kind: "bool" },
  { name: "output", short: "o", kind: "string" },
  { name: "filename", short: "f", kind: "strings" },
  { name: "recursive", short: "R", kind: "bool" },
  { name: "cascade", kind: "string" },
  DRY_RUN_FLAG,
  { name: "interactive", short: "i", kind: "bool" },
];

const NO_RESOURCES =
  "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

interface Victim {
  type: ResourceType;
  namespace: string;
  name: string;
  /** The `-f` file it came from. */
  source?: string;
}

/** `cmdutil.AddSourceToErr("deleting", source, err)`. */
function withSource(text: string, source: string | undefined): string {
  if (source === undefined) return text;
  const m = /^(Error from server \([^)]*\): )(.*)$/s.exec(text);
  if (m) return `${m[1]}error when deleting "${source}": ${m[2]}`;
  return text.replace(/^error: /, `error: error when deleting "${source}": `);
}

/** Runs `kubectl delete`. */
export function* deleteCommand(inv: Invocation): Generator<Wait, number, void> {
  const { flags, api, out } = inv;
  const labelText = flags.string("selector");
  const fieldText = flags.string("field-selector");
  const deleteAll = flags.bool("all");
  let gracePeriod = flags.int("grace-period") ?? -1;
  const force = flags.bool("force");
  // Why (delete.go Complete): --all, -l and --field-selector ignore NotFound unless told otherwise.
  const ignoreNotFound = flags.has("ignore-not-found")
    ? flags.bool("ignore-not-found")
    : deleteAll || labelText !== undefined || fieldText !== undefined;
  if (flags.bool("now")) {
    if (gracePeriod !== -1) throw clientError("--now and --grace-period cannot be specified together");
    gracePeriod = 1;
  }
  // Why (delete.go Complete): --grace-period=0 without --force means 1 second, to avoid data loss.
  if (gracePeriod === 0 && !force) gracePeriod = 1;
  if (force && gracePeriod < 0) gracePeriod = 0;

  const fileNames = flags.strings("filename");
  if (fileNames.length > 0 && inv.positionals.length > 0) {
    throw clientError(
      "when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well",
    );
  }
  if (inv.positionals.length === 0 && fileNames.length === 0) throw clientError(NO_RESOURCES);
  const files = readManifestFiles(inv, fileNames);
  const { targets } = parseTargets(inv.positionals);
  const selecting = deleteAll || labelText !== undefined || fieldText !== undefined;
  if (!selecting && targets.some((t) => t.names.length === 0)) {
    throw clientError("resource(s) were provided, but no name was specified");
  }
  const labelSel = labelText !== undefined ? parseLabelSelector(labelText) : undefined;
  if (labelSel && "error" in labelSel) throw clientError(labelSel.error);
  const fieldSel = fieldText !== undefined ? parseFieldSelector(fieldText) : undefined;
  if (fieldSel && "error" in fieldSel) throw clientError(fieldSel.error);

  // Validate.
  const output = flags.string("output") ?? "";
  if (output !== "" && output !== "name") {
    throw clientError(`unexpected -o output mode: ${output}. We only support '-o name'`);
  }
  if (deleteAll && labelText !== undefined)
    throw clientError("cannot set --all and --selector at the same time");
  if (deleteAll && fieldText !== undefined)
    throw clientError("cannot set --all and --field-selector at the same time");
  if (gracePeriod === 0 && force) {
    out.err(
      "Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n",
    );
  } else if (gracePeriod > 0 && force) {
    throw clientError("--force and --grace-period greater than 0 cannot be specified together");
  }
  const dryRun = dryRunStrategy(inv);

  const allNamespaces = flags.bool("all-namespaces");
  // Why (delete.go: RequireObject(false)): kubectl does not fetch named objects first; the
  // DELETE itself answers NotFound, and objects are visited in argument (or file) order.
  const entries: Victim[] = [];
  for (const f of files) {
    for (const ref of manifestRefs(f)) {
      const mapped = mapManifestRef(inv, f.source, ref);
      if (!mapped) continue;
      entries.push({
        type: mapped.type,
        namespace: mapped.namespace,
        name: ref.name,
        source: f.source,
      });
    }
  }
  for (const t of targets) {
    if (t.names.length === 0) {
      let objs: ApiObject[] = listObjects(api, t.type, allNamespaces ? undefined : inv.namespace);
      if (labelSel) objs = objs.filter((o) => labelSel.matches(o));
      if (fieldSel) objs = objs.filter((o) => fieldSel.matches(o));
      for (const o of objs)
        entries.push({ type: t.type, namespace: o.metadata.namespace ?? "", name: o.metadata.name });
      continue;
    }
    for (const name of t.names)
      entries.push({ type: t.type, namespace: t.type.namespaced ? inv.namespace : "", name });
  }

  const errors: string[] = [];
  const deleted: { victim: Victim; uid: string | undefined }[] = [];
  for (const v of entries) {
    const opts: { gracePeriodSeconds?: number; force?: boolean; dryRun?: boolean } = {};
    if (gracePeriod >= 0) opts.gracePeriodSeconds = gracePeriod;
    if (force) opts.force = true;
    if (dryRun === "server") opts.dryRun = true;
    const uid = getObject(api, v.type, v.namespace, v.name)?.metadata.uid;
    // Why (delete.go DeleteResult): a client dry run prints what it would delete and sends
    // nothing; named objects are not fetched first (RequireObject(false)), so even a missing one
    // is "deleted (dry run)".
    const err = dryRun === "client" ? undefined : api.delete(v.type.kind, v.namespace, v.name, opts);
    if (err !== undefined) {
      if (ignoreNotFound && /\(NotFound\)/.test(err)) continue;
      errors.push(withSource(fromCluster(err).text, v.source));
      continue;
    }
    deleted.push({ victim: v, uid });
    const kind = kindString(v.type);
    if (output === "name") out.out(`${kind}/${v.name}\n`);
    else {
      const operation = gracePeriod === 0 ? "force deleted" : "deleted";
      const where = v.type.namespaced ? ` from ${v.namespace} namespace` : "";
      out.out(`${kind} "${v.name}" ${operation}${where}${dryRunSuffix(dryRun)}\n`);
    }
  }
  if (errors.length > 0) throw new KubectlError(errors.join("\n"));
  if (deleted.length === 0) {
    out.out("No resources found\n");
    return 0;
  }
  const waitFlag = flags.has("wait") ? flags.bool("wait") : true;
  // Why (delete.go): nothing is waited for in a dry run.
  if (!waitFlag || dryRun !== "none") return 0;

  const timeoutText = flags.string("timeout") ?? "0s";
  const timeoutMs = parseGoDuration(timeoutText);
  if (timeoutMs === undefined)
    throw clientError(
      `invalid argument "${timeoutText}" for "--timeout" flag: time: invalid duration "${timeoutText}"`,
    );
  const gone = (d: { victim: Victim; uid: string | undefined }) => {
    const o = getObject(api, d.victim.type, d.victim.namespace, d.victim.name);
    return !o || (d.uid !== undefined && o.metadata.uid !== d.uid);
  };
  const allGone = () => deleted.every(gone);
  if (!allGone()) {
    if (timeoutMs === 0) {
      // Why (delete.go): a zero --timeout means "wait a week"; the driver gives up sooner (its own limit).
      yield { kind: "until", done: allGone };
    } else {
      // The deadline is part of the condition so that the driver hands control back to us at the
      // deadline and kubectl's own timeout message follows what was already printed.
      const deadline = api.nowMs() + timeoutMs;
      yield { kind: "until", done: () => allGone() || api.nowMs() >= deadline, timeoutMs };
    }
  }
  const left = deleted.find((v) => !gone(v));
  if (left) {
    throw clientError(
      `timed out waiting for the condition on ${left.victim.type.plural}/${left.victim.name}`,
    );
  }
  return 0;
}
