/**
 * What the catalog knows about an image: its OCI config (entrypoint, cmd, env, …), its size and
 * pull time, and how to lay out its root filesystem.
 */
import type { Signal } from "../signals.ts";
import type { FsDir } from "../vfs.ts";
import type { ImageReference } from "./reference.ts";

/** The parts of an OCI image config that decide how a container runs. */
export interface ImageConfig {
  /** ENTRYPOINT (exec form); empty when the image has none. */
  entrypoint: string[];
  /** CMD (exec form); empty when the image has none. */
  cmd: string[];
  /** ENV in image order (`PATH` first, as images set it). */
  env: Readonly<Record<string, string>>;
  /** WORKDIR; `/` when unset. */
  workingDir: string;
  /** STOPSIGNAL; SIGTERM when unset. */
  stopSignal: Signal;
  /** EXPOSE'd TCP ports. */
  exposedPorts: number[];
}

/** A resolved, pullable image. */
export interface ImageInfo extends ImageConfig {
  ref: ImageReference;
  /** Image (config) ID, `sha256:<64 hex>`, stable for the canonical name. */
  id: string;
  /** `repository@sha256:<64 hex>`, what `containerStatuses[].imageID` shows. */
  repoDigest: string;
  /** Compressed size, as the kubelet's `Pulled` event reports it. */
  sizeBytes: number;
  /** How long a pull takes on an idle node, in virtual ms. */
  pullMs: number;
  /** A fresh root tree for a new container (each call builds a new, private copy). */
  buildRootfs(): FsDir;
}

/** What a built-in image family says about one of its tags. */
export interface ImageVariant {
  sizeBytes: number;
  config: ImageConfig;
  /** Lays the image's files into an empty tree. */
  populate(root: FsDir): void;
}

/** A built-in image family: one or more repositories sharing tag rules and behaviour. */
export interface ImageFamily {
  /** Normalised repositories (`docker.io/library/nginx`) this family answers for. */
  repositories: string[];
  /** Tags that exist (digests always exist for a known repository). */
  tags: RegExp;
  /** The image for a tag; `latest` is passed for a digest-only reference. */
  variant(tag: string): ImageVariant;
}

/** Default values for a config, to spread and override. */
export const BASE_CONFIG: ImageConfig = {
  entrypoint: [],
  cmd: [],
  env: { PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" },
  workingDir: "/",
  stopSignal: "SIGTERM",
  exposedPorts: [],
};
