/**
 * The image manager's pull queue: pulls run one after another node-wide, and a pull whose turn
 * comes after an earlier one fetched the same image only checks the manifest.
 */
import { describe, expect, it } from "vitest";
import { VirtualClock } from "../clock.ts";
import { startTask } from "../task.ts";
import { type ImageLookup, ImageManager } from "./image-manager.ts";

const IMAGES: Record<string, { sizeBytes: number; pullMs: number }> = {
  "nginx:1.27": { sizeBytes: 72_191_813, pullMs: 2806 },
  "busybox:1.36": { sizeBytes: 2_156_741, pullMs: 1234 },
};

function lookup(image: string): ImageLookup<string> {
  const i = IMAGES[image];
  return i
    ? { ok: true, image, canonical: `docker.io/library/${image}`, ...i }
    : { ok: false, error: "not found" };
}

/** Each container's `Pulled` message, by pod, with the time it came. */
function pulls(requests: [pod: string, image: string, atMs: number][]): string[] {
  const clock = new VirtualClock();
  const images = new ImageManager(clock, lookup);
  const out: string[] = [];
  for (const [pod, image, atMs] of requests)
    clock.at(atMs, () => {
      startTask(
        clock,
        images.ensureImageExists(pod, image, "IfNotPresent", (_type, reason, message) => {
          if (reason === "Pulled") out.push(`${clock.now()} ${pod}: ${message}`);
        }),
      );
    });
  clock.advanceTo(60_000);
  return out;
}

describe("image manager", () => {
  it("pulls once in full when pods ask for an image together; the queued pulls check the manifest", () => {
    expect(
      pulls([
        ["a", "nginx:1.27", 0],
        ["b", "nginx:1.27", 0],
        ["c", "busybox:1.36", 0],
        ["d", "nginx:1.27", 100],
      ]),
    ).toEqual([
      '2806 a: Successfully pulled image "nginx:1.27" in 2.806s (2.806s including waiting). Image size: 72191813 bytes.',
      '3119 b: Successfully pulled image "nginx:1.27" in 313ms (3.119s including waiting). Image size: 72191813 bytes.',
      '4353 c: Successfully pulled image "busybox:1.36" in 1.234s (4.353s including waiting). Image size: 2156741 bytes.',
      '4666 d: Successfully pulled image "nginx:1.27" in 313ms (4.566s including waiting). Image size: 72191813 bytes.',
    ]);
  });

  it("finds the image present once a pull ended", () => {
    expect(
      pulls([
        ["a", "nginx:1.27", 0],
        ["b", "nginx:1.27", 3000],
      ]),
    ).toEqual([
      '2806 a: Successfully pulled image "nginx:1.27" in 2.806s (2.806s including waiting). Image size: 72191813 bytes.',
      '3000 b: Container image "nginx:1.27" already present on machine',
    ]);
  });
});
