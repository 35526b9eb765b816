/**
 * The command-line tools containers run: image rootfs layouts (busybox, Debian slim) and the
 * simulated programs their executables name.
 */
import type { Program } from "../kernel.ts";
import type { FsDir } from "../vfs.ts";

/** Populates a rootfs tree as the busybox image lays it out (everything in /bin). */
export function installBusybox(root: FsDir): void {
  void root;
}

/** Populates a rootfs tree as a Debian bookworm-slim base lays it out (/bin → /usr/bin). */
export function installDebianBase(root: FsDir): void {
  void root;
}

/** Every program id the layouts above refer to, for `kernel.register(...)`. */
export const toolPrograms: Record<string, Program> = {};
