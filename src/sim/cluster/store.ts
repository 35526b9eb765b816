/**
 * The API server's object store: objects by kind, namespace and name, with uids, resource
 * versions and creation timestamps assigned on create.
 */
import type { ApiObject } from "../kubectl/api.ts";
import type { SeededRandom } from "../random.ts";
import { apiTime } from "./time.ts";

export class ObjectStore {
  /** By kind, then `namespace/name`, in creation order (what `list` walks). */
  private readonly objects = new Map<string, Map<string, ApiObject>>();
  /**
   * The same objects by kind, namespace and name, for `get`. Why a second index: `get` is the
   * hottest read of the control plane, and looking up the three parts as given finds their hashes
   * cached in the strings, where a `namespace/name` key is a new string to hash on every call. The
   * two agree because names and namespaces never contain "/" (DNS labels and subdomains).
   */
  private readonly byName = new Map<string, Map<string, Map<string, ApiObject>>>();
  private rv = 1000;

  constructor(
    private readonly random: SeededRandom,
    private readonly epochMs: number,
    private readonly now: () => number,
  ) {}

  private key(ns: string | undefined, name: string): string {
    return `${ns ?? ""}/${name}`;
  }

  /** A random RFC 4122 v4 uid from the seeded generator. */
  newUid(): string {
    return randomUid(this.random);
  }

  /** Bumps and returns the next resourceVersion. */
  nextResourceVersion(): string {
    return String(++this.rv);
  }

  /** Adds an object, setting uid, resourceVersion and creationTimestamp. */
  create(obj: ApiObject): ApiObject {
    const byKind = this.objects.get(obj.kind) ?? new Map<string, ApiObject>();
    this.objects.set(obj.kind, byKind);
    obj.metadata.uid ??= this.newUid();
    obj.metadata.creationTimestamp = apiTime(this.epochMs, this.now());
    obj.metadata.resourceVersion = this.nextResourceVersion();
    byKind.set(this.key(obj.metadata.namespace, obj.metadata.name), obj);
    let namespaces = this.byName.get(obj.kind);
    if (!namespaces) this.byName.set(obj.kind, (namespaces = new Map()));
    const ns = obj.metadata.namespace ?? "";
    let names = namespaces.get(ns);
    if (!names) namespaces.set(ns, (names = new Map()));
    names.set(obj.metadata.name, obj);
    return obj;
  }

  /** Marks an object as updated (new resourceVersion). */
  touch(obj: ApiObject): void {
    obj.metadata.resourceVersion = this.nextResourceVersion();
  }

  get(kind: string, ns: string | undefined, name: string): ApiObject | undefined {
    return this.byName
      .get(kind)
      ?.get(ns ?? "")
      ?.get(name);
  }

  /** Objects of a kind in creation order, optionally in one namespace. */
  list(kind: string, ns?: string): ApiObject[] {
    const byKind = this.objects.get(kind);
    if (!byKind) return [];
    if (ns === undefined) return [...byKind.values()];
    // Why one pass: the same objects in the same order as filtering a copy, without the copy.
    const out: ApiObject[] = [];
    for (const o of byKind.values()) if ((o.metadata.namespace ?? "") === ns) out.push(o);
    return out;
  }

  remove(obj: ApiObject): void {
    this.objects.get(obj.kind)?.delete(this.key(obj.metadata.namespace, obj.metadata.name));
    this.byName
      .get(obj.kind)
      ?.get(obj.metadata.namespace ?? "")
      ?.delete(obj.metadata.name);
  }
}

/** A random RFC 4122 v4 uid drawn from `random`. */
export function randomUid(random: SeededRandom): string {
  const hex = (n: number) => {
    let s = "";
    for (let i = 0; i < n; i++) s += random.int(0, 15).toString(16);
    return s;
  };
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${"89ab"[random.int(0, 3)]}${hex(3)}-${hex(12)}`;
}
