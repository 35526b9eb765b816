/**
 * Application images described in the Scenario document (`spec.images`). Each becomes an image
 * family whose tags are the listed ones (any tag when none are listed), laid out on a Debian base
 * with the spec's files, and whose program is the generic app server configured by the spec.
 */
import type { AppImageSpec } from "../../scenario/types.ts";
import { appProgramId } from "../programs/app-server.ts";
import { parseSignal } from "../signals.ts";
import { populateDebian } from "./builtin/base.ts";
import { parseImageRef } from "./reference.ts";
import { putFile, putProgram } from "./rootfs.ts";
import { BASE_CONFIG, type ImageFamily } from "./types.ts";

/** Size assumed for an application image that does not give one. */
export const DEFAULT_APP_IMAGE_BYTES = 50_000_000;
/** The executable an application image runs when it names none. */
export const DEFAULT_APP_COMMAND = "/usr/local/bin/app";
const SHELLS = new Set(["sh", "bash", "dash", "ash", "env"]);

/** The normalised repository an app image spec names, or undefined when the name is invalid. */
export function appRepository(spec: AppImageSpec): string | undefined {
  const r = parseImageRef(spec.name);
  return r.ok ? r.ref.repository : undefined;
}

/** Where the app's program is installed: its first non-shell ENTRYPOINT/CMD word (bare names in /usr/local/bin). */
export function appExecutablePath(spec: AppImageSpec): string | undefined {
  const words = [spec.entrypoint?.[0], spec.cmd?.[0]].filter((w): w is string => !!w);
  if (words.length === 0) return DEFAULT_APP_COMMAND;
  const w = words.find((x) => !SHELLS.has(x.slice(x.lastIndexOf("/") + 1)));
  if (!w) return undefined;
  return w.includes("/") ? w : `/usr/local/bin/${w}`;
}

/** The image family for one application image spec (undefined when its name is invalid). */
export function appImageFamily(spec: AppImageSpec): ImageFamily | undefined {
  const repository = appRepository(spec);
  if (!repository) return undefined;
  const tags = spec.tags && spec.tags.length > 0 ? spec.tags : undefined;
  const hasCommand = (spec.entrypoint?.length ?? 0) > 0 || (spec.cmd?.length ?? 0) > 0;
  return {
    repositories: [repository],
    tags: tags ? new RegExp(`^(?:${tags.map(escapeRegExp).join("|")})$`) : /^.+$/,
    variant: () => ({
      sizeBytes: spec.sizeBytes ?? DEFAULT_APP_IMAGE_BYTES,
      config: {
        ...BASE_CONFIG,
        entrypoint: [...(spec.entrypoint ?? [])],
        cmd: hasCommand ? [...(spec.cmd ?? [])] : [DEFAULT_APP_COMMAND],
        env: { PATH: BASE_CONFIG.env.PATH!, ...(spec.env ?? {}) },
        workingDir: spec.workingDir ?? "/",
        stopSignal: parseSignal(spec.stopSignal ?? "SIGTERM") ?? "SIGTERM",
        exposedPorts: [...(spec.ports ?? [])],
      },
      populate: (root) => {
        populateDebian(root);
        for (const [path, content] of Object.entries(spec.files ?? {})) putFile(root, path, content);
        const exe = appExecutablePath(spec);
        if (exe) putProgram(root, exe, appProgramId(repository));
      },
    }),
  };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
