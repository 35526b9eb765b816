/**
 * The image catalog: which image references exist, what they contain and what pulling them costs.
 *
 * Existence rule (also in docs/images.md):
 * 1. The reference is normalised first (`parseImageRef`); `k8s.gcr.io/x` is served as
 *    `registry.k8s.io/x`, as the frozen registry redirects there.
 * 2. A built-in repository exists; a tag exists when it matches that image's tag pattern
 *    (`latest` always does, e.g. nginx accepts `1`, `1.27`, `1.27.3`, `stable`, `mainline`,
 *    `alpine`, `1.27-alpine`, …; see each family in `builtin/`). A digest always exists.
 * 3. A Scenario application image (`spec.images[]`) exists with the tags it lists, or any tag when
 *    it lists none; a digest always exists. Scenario images take precedence over built-in ones.
 * 4. Anything else does not exist; the error is the containerd text for that registry
 *    (`pull-errors.ts`): Docker Hub's "pull access denied" for an unknown repository, "<ref>: not
 *    found" for an unknown tag, a DNS failure for a registry host that does not exist.
 *
 * IDs and digests are SHA-256 of the canonical name, so they are stable everywhere. Pull time is
 * `400 ms + size / 30 MB/s` unless a Scenario image sets `pullSeconds`.
 */

import type { AppImageSpec } from "../../scenario/types.ts";
import type { Program } from "../kernel.ts";
import { appProgramId, appServer } from "../programs/app-server.ts";
import { type FsDir, newDir, overlayTree, shareTree } from "../vfs.ts";
import { appImageFamily, appRepository } from "./app-image.ts";
import { BUILTIN_FAMILIES } from "./builtin/index.ts";
import { pullErrorText } from "./pull-errors.ts";
import type { ImageReference } from "./reference.ts";
import { sha256Hex } from "./sha256.ts";
import type { ImageFamily, ImageInfo, ImageVariant } from "./types.ts";

/** Outcome of a catalog lookup: the image, or the CRI pull error text. */
export type ImageLookupResult = { ok: true; image: ImageInfo } | { ok: false; error: string };

/** Fixed cost of a pull (registry round trips, unpacking) in ms. */
export const PULL_BASE_MS = 400;
/** Simulated registry throughput, bytes per second. */
export const PULL_BYTES_PER_SECOND = 30_000_000;

/** Pull duration for a compressed size. */
export function pullMsForSize(sizeBytes: number): number {
  return Math.round(PULL_BASE_MS + (sizeBytes * 1000) / PULL_BYTES_PER_SECOND);
}

/** Repositories served under another name (the old Kubernetes registry redirects to the new). */
function aliasOf(repository: string): string {
  return repository.startsWith("k8s.gcr.io/")
    ? `registry.k8s.io/${repository.slice("k8s.gcr.io/".length)}`
    : repository;
}

/** Built-in images plus the Scenario's application images. */
export class ImageCatalog {
  private readonly families = new Map<string, { family: ImageFamily; app?: AppImageSpec }>();
  private readonly liveDomains = new Set<string>();
  /** Root trees as first laid out, per family and tag: every container gets a copy of one. */
  private readonly rootfsTemplates = new Map<ImageFamily, Map<string, FsDir>>();

  constructor(appImages: readonly AppImageSpec[] = [], builtins: readonly ImageFamily[] = BUILTIN_FAMILIES) {
    for (const f of builtins) for (const r of f.repositories) this.families.set(r, { family: f });
    for (const spec of appImages) {
      const family = appImageFamily(spec);
      const repo = appRepository(spec);
      if (!family || !repo) continue;
      this.families.set(repo, { family, app: spec });
      this.liveDomains.add(repo.slice(0, repo.indexOf("/")));
    }
  }

  /** Resolves a parsed reference to an image, or the error a pull of it fails with. */
  lookup(ref: ImageReference): ImageLookupResult {
    const entry = this.families.get(ref.repository) ?? this.families.get(aliasOf(ref.repository));
    if (!entry) return { ok: false, error: pullErrorText(ref, "no-repository", this.liveDomains) };
    const tag = ref.tag ?? "latest";
    if (!ref.digest && !entry.family.tags.test(tag)) {
      return { ok: false, error: pullErrorText(ref, "no-tag", this.liveDomains) };
    }
    const variant = entry.family.variant(tag);
    const manifest = ref.digest ?? `sha256:${sha256Hex(`podlife manifest\n${ref.canonical}`)}`;
    const image: ImageInfo = {
      ...variant.config,
      ref,
      id: `sha256:${sha256Hex(`podlife config\n${ref.canonical}`)}`,
      repoDigest: `${ref.repository}@${manifest}`,
      sizeBytes: variant.sizeBytes,
      pullMs:
        entry.app?.pullSeconds !== undefined
          ? Math.round(entry.app.pullSeconds * 1000)
          : pullMsForSize(variant.sizeBytes),
      // Why a copy of a template: laying out an image's files path by path cost a rollout far more
      // than copying the finished tree does; the template itself is never handed out, only
      // copied lazily (overlayTree), node by node as a container's filesystem needs its own.
      buildRootfs: () => overlayTree(this.rootfsTemplate(entry.family, tag, variant)),
    };
    return { ok: true, image };
  }

  /** The tree `variant` lays out, built once per family and tag (a variant is a function of its tag). */
  private rootfsTemplate(family: ImageFamily, tag: string, variant: ImageVariant): FsDir {
    let byTag = this.rootfsTemplates.get(family);
    if (!byTag) {
      byTag = new Map();
      this.rootfsTemplates.set(family, byTag);
    }
    let root = byTag.get(tag);
    if (!root) {
      root = newDir();
      variant.populate(root);
      shareTree(root);
      byTag.set(tag, root);
    }
    return root;
  }

  /** The programs application images run, by id, for `kernel.register`. */
  programs(): Record<string, Program> {
    const out: Record<string, Program> = {};
    for (const [repo, e] of this.families) if (e.app) out[appProgramId(repo)] = appServer(e.app);
    return out;
  }
}
