/**
 * The command-line tools containers run: image rootfs layouts (busybox, Debian slim) and the
 * simulated programs their executables name. Program ids are `busybox/<applet>` and
 * `debian/<tool>`; the same implementation backs both, speaking busybox's or GNU's wording.
 */
import type { ProcessBody, ProcessContext, Program } from "../kernel.ts";
import { shellProgram } from "../shell/program.ts";
import type { FsDir } from "../vfs.ts";
import { fileTools } from "./fileutils.ts";
import { BUSYBOX_APPLETS, DEBIAN_SHELLS, DEBIAN_TOOLS, layoutBusybox, layoutDebian } from "./layout.ts";
import { netTools } from "./net.ts";
import { procTools } from "./procps.ts";
import { sleepTool } from "./sleep.ts";
import { sysTools } from "./sysinfo.ts";
import { textTools } from "./textutils.ts";
import type { ToolStyle } from "./tool.ts";

/** Populates a rootfs tree as the busybox image lays it out (everything in /bin). */
export function installBusybox(root: FsDir): void {
  layoutBusybox(root);
}

/** Populates a rootfs tree as a Debian bookworm-slim base lays it out (/bin → /usr/bin). */
export function installDebianBase(root: FsDir): void {
  layoutDebian(root);
}

const TOOLS: Record<string, (style: ToolStyle) => Program> = {
  ...fileTools,
  ...textTools,
  ...procTools,
  ...netTools,
  ...sysTools,
  sleep: sleepTool,
};

/** `busybox APPLET ARGS…`: the multi-call binary runs the applet in place. */
function* busyboxMulticall(ctx: ProcessContext): ProcessBody {
  const applet = ctx.argv[1];
  const impl = applet ? toolPrograms[`busybox/${applet}`] : undefined;
  if (!impl) {
    ctx.stderr(
      applet
        ? `${applet}: applet not found\n`
        : "BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n",
    );
    return applet ? 127 : 0;
  }
  const view = Object.create(ctx) as ProcessContext;
  Object.defineProperty(view, "argv", { value: ctx.argv.slice(1) });
  return yield* impl(view);
}

function buildPrograms(): Record<string, Program> {
  const programs: Record<string, Program> = { "busybox/busybox": busyboxMulticall };
  for (const a of BUSYBOX_APPLETS) {
    if (a === "sh" || a === "ash") programs[`busybox/${a}`] = shellProgram(`busybox/${a}`);
    else programs[`busybox/${a}`] = TOOLS[a]!("busybox");
  }
  for (const s of DEBIAN_SHELLS) programs[`debian/${s}`] = shellProgram(`debian/${s}`);
  for (const t of DEBIAN_TOOLS) programs[`debian/${t}`] = TOOLS[t]!("gnu");
  return programs;
}

/** Every program id the layouts above refer to, for `kernel.register(...)`. */
export const toolPrograms: Record<string, Program> = buildPrograms();
