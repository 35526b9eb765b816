/**
 * The kubelet's image manager (IMG): applies the pull policy, keeps a per-pod-and-image pull
 * back-off (10 s doubling to 300 s), serialises pulls node-wide (`serializeImagePulls: true`), and
 * records `Pulling`, `Pulled`, `Failed` and `BackOff` events with the kubelet's messages.
 */
import type { VirtualClock } from "../clock.ts";
import { Latch, type Task } from "../task.ts";
import { Backoff } from "./backoff.ts";
import { goDuration } from "./go-duration.ts";

/** What a pull of one image yields (resolved through the image catalog). */
export type ImageLookup<I> =
  | { ok: true; image: I; canonical: string; sizeBytes: number; pullMs: number }
  | { ok: false; invalid?: boolean; error: string };

/** How `EnsureImageExists` ended. */
export type EnsureResult<I> =
  | { ok: true; image: I }
  | {
      ok: false;
      reason: "ErrImagePull" | "ImagePullBackOff" | "ErrImageNeverPull" | "InvalidImageName";
      message: string;
    };

/** Records an event on the container. */
export type ContainerEventSink = (type: "Normal" | "Warning", reason: string, message: string) => void;

export class ImageManager<I> {
  /** Canonical names of images present on the node. */
  readonly present = new Set<string>();
  private readonly backoff = new Backoff(10_000, 300_000);
  private readonly lastFailure = new Map<string, { atMs: number; error: string }>();
  /** The end of the node's pull queue: pulls run one after another. */
  private queueFreeAtMs = 0;
  /** When the first pull of each image queued ends (its layers are on the node from then on). */
  private readonly pulledAtMs = new Map<string, number>();

  constructor(
    private readonly clock: VirtualClock,
    private readonly lookup: (image: string) => ImageLookup<I>,
  ) {}

  /** EnsureImageExists for one container start. */
  *ensureImageExists(
    podUid: string,
    image: string,
    pullPolicy: string,
    record: ContainerEventSink,
    onPullStart?: () => void,
  ): Task<EnsureResult<I>> {
    const found = this.lookup(image);
    if (!found.ok && found.invalid) {
      record("Warning", "InspectFailed", found.error);
      // Why (KRC startContainer): every EnsureImageExists error is also recorded as `Error: <reason>`.
      record("Warning", "Failed", "Error: InvalidImageName");
      return { ok: false, reason: "InvalidImageName", message: found.error };
    }
    const canonical = found.ok ? found.canonical : image;
    const present = found.ok && this.present.has(canonical);
    if (pullPolicy === "Never" && !present) {
      const msg = `Container image "${image}" is not present with pull policy of Never`;
      record("Warning", "ErrImageNeverPull", msg);
      record("Warning", "Failed", "Error: ErrImageNeverPull");
      return { ok: false, reason: "ErrImageNeverPull", message: msg };
    }
    if (found.ok && present && pullPolicy !== "Always") {
      record("Normal", "Pulled", `Container image "${image}" already present on machine`);
      return { ok: true, image: found.image };
    }
    const key = `${podUid}_${image}`;
    const last = this.lastFailure.get(key);
    if (last && this.backoff.isInBackOffSince(key, last.atMs, this.clock.now())) {
      record("Normal", "BackOff", `Back-off pulling image "${image}"`);
      record("Warning", "Failed", "Error: ImagePullBackOff");
      return {
        ok: false,
        reason: "ImagePullBackOff",
        message: `Back-off pulling image "${image}": ErrImagePull: ${last.error}`,
      };
    }
    record("Normal", "Pulling", `Pulling image "${image}"`);
    onPullStart?.();
    const requestedAt = this.clock.now();
    const startAt = Math.max(requestedAt, this.queueFreeAtMs);
    // A pull of an image already present only checks the manifest: present now (policy Always),
    // or by the time this pull's turn comes, pulled by one queued before it (pods starting
    // together each ask for the image; the runtime has its layers after the first pull).
    const presentAtStart = present || (found.ok && (this.pulledAtMs.get(canonical) ?? Infinity) <= startAt);
    const pullMs = found.ok
      ? presentAtStart
        ? Math.min(found.pullMs, 300 + (found.sizeBytes % 200))
        : found.pullMs
      : 400;
    this.queueFreeAtMs = startAt + pullMs;
    if (found.ok && !this.pulledAtMs.has(canonical)) this.pulledAtMs.set(canonical, startAt + pullMs);
    const done = new Latch<void>();
    this.clock.at(startAt + pullMs, () => done.fire());
    yield { latch: done as Latch<unknown> };
    if (!found.ok) {
      this.backoff.next(key, this.clock.now(), this.clock.now());
      this.lastFailure.set(key, { atMs: this.clock.now(), error: found.error });
      record("Warning", "Failed", `Failed to pull image "${image}": ${found.error}`);
      record("Warning", "Failed", "Error: ErrImagePull");
      return { ok: false, reason: "ErrImagePull", message: found.error };
    }
    this.lastFailure.delete(key);
    this.present.add(canonical);
    const total = this.clock.now() - requestedAt;
    record(
      "Normal",
      "Pulled",
      `Successfully pulled image "${image}" in ${goDuration(pullMs)} (${goDuration(total)} including waiting). Image size: ${found.sizeBytes} bytes.`,
    );
    return { ok: true, image: found.image };
  }
}
