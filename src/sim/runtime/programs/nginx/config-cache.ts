/**
 * Parsed nginx configurations, remembered by what the parse read. Every nginx container of a
 * Deployment parses the same text (nginx.conf, mime.types, conf.d/*.conf) at start-up; a rollout
 * of a thousand pods parsed it a thousand times. A remembered result is reused when every file
 * and directory the parse read reads the same again — in any filesystem, since the result depends
 * on nothing else — so an edited config (a ConfigMap, `kubectl exec … sed`) is parsed afresh.
 * Results are shared between callers, so they are frozen: a caller cannot change another's.
 */
import type { Filesystem } from "../../vfs.ts";

/** The reads a config parse makes (the `Filesystem` methods it uses). */
export interface ConfigReader {
  readFile: Filesystem["readFile"];
  readdir: Filesystem["readdir"];
}

type Read =
  | { op: "readFile"; path: string; result: ReturnType<Filesystem["readFile"]> }
  | { op: "readdir"; path: string; result: ReturnType<Filesystem["readdir"]> };

interface Entry<T> {
  reads: Read[];
  result: T;
}

/** Results kept per key: a few configurations may alternate (two Deployments, a reload). */
const PER_KEY = 4;
/** Keys kept at most (a key is the main file plus the `-g` directives). */
const MAX_KEYS = 64;

/** A cache of parse results validated by the parse's reads. */
export class ConfigCache<T> {
  private readonly entries = new Map<string, Entry<T>[]>();

  /**
   * `parse(fs)`'s result, or the result of an earlier parse under the same `key` whose reads all
   * read the same from `fs` now. The result is deeply frozen.
   */
  get(fs: ConfigReader, key: string, parse: (reader: ConfigReader) => T): T {
    const list = this.entries.get(key);
    if (list) {
      for (let i = 0; i < list.length; i++) {
        const e = list[i]!;
        if (!e.reads.every((r) => readsSame(fs, r))) continue;
        if (i > 0) list.unshift(...list.splice(i, 1));
        return e.result;
      }
    }
    const reads: Read[] = [];
    const recorder: ConfigReader = {
      readFile: (path) => {
        const result = fs.readFile(path);
        reads.push({ op: "readFile", path, result });
        return result;
      },
      readdir: (path) => {
        const result = fs.readdir(path);
        reads.push({ op: "readdir", path, result });
        return result;
      },
    };
    const result = deepFreeze(parse(recorder));
    if (!list && this.entries.size >= MAX_KEYS) this.entries.clear();
    const kept = list ?? [];
    kept.unshift({ reads, result });
    if (kept.length > PER_KEY) kept.length = PER_KEY;
    this.entries.set(key, kept);
    return result;
  }
}

/** Whether `fs` answers a read as it did when it was recorded. */
function readsSame(fs: ConfigReader, r: Read): boolean {
  const now = r.op === "readFile" ? fs.readFile(r.path) : fs.readdir(r.path);
  if (!now.ok || !r.result.ok) return !now.ok && !r.result.ok && now.errno === r.result.errno;
  if (r.op === "readFile") return now.value === r.result.value;
  const a = now.value as string[];
  const b = r.result.value;
  return a.length === b.length && a.every((name, i) => name === b[i]);
}

/**
 * Freezes an object graph. Regular expressions are left unfrozen: matching with a non-global
 * pattern keeps no state, but `lastIndex` stays writable as the engine expects.
 */
function deepFreeze<T>(value: T): T {
  if (typeof value !== "object" || value === null || value instanceof RegExp || Object.isFrozen(value))
    return value;
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
  return value;
}
