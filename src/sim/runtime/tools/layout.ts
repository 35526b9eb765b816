/**
 * Root filesystem layouts of the base images' userland: busybox puts every applet in /bin; Debian
 * bookworm has merged /usr (`/bin` → `usr/bin`) with dash as `/bin/sh`, bash and GNU coreutils.
 */
import type { FsDir, FsNode } from "../vfs.ts";

/** Busybox applets this simulator implements, all installed in /bin. */
export const BUSYBOX_APPLETS = [
  "sh",
  "ash",
  "cat",
  "echo",
  "printf",
  "sleep",
  "touch",
  "rm",
  "rmdir",
  "mkdir",
  "ls",
  "cp",
  "mv",
  "ln",
  "chmod",
  "pwd",
  "basename",
  "dirname",
  "test",
  "[",
  "true",
  "false",
  "kill",
  "killall",
  "pidof",
  "ps",
  "wget",
  "nc",
  "httpd",
  "date",
  "hostname",
  "env",
  "id",
  "whoami",
  "uname",
  "head",
  "tail",
  "grep",
  "egrep",
  "fgrep",
  "wc",
  "sort",
  "uniq",
  "cut",
  "tr",
  "tee",
  "seq",
  "yes",
  "nohup",
] as const;

/** Debian bookworm-slim programs in /usr/bin (coreutils, grep, hostname, dash, bash). */
export const DEBIAN_TOOLS = [
  "cat",
  "echo",
  "printf",
  "sleep",
  "touch",
  "rm",
  "rmdir",
  "mkdir",
  "ls",
  "cp",
  "mv",
  "ln",
  "chmod",
  "pwd",
  "basename",
  "dirname",
  "test",
  "[",
  "true",
  "false",
  "date",
  "hostname",
  "env",
  "id",
  "whoami",
  "uname",
  "head",
  "tail",
  "grep",
  "egrep",
  "fgrep",
  "wc",
  "sort",
  "uniq",
  "cut",
  "tr",
  "tee",
  "seq",
  "yes",
  "nohup",
] as const;

/** Debian's shells: `/usr/bin/sh` and `dash` are dash, `bash` is bash. */
export const DEBIAN_SHELLS = ["sh", "dash", "bash"] as const;

function dir(root: FsDir, path: string, mode = 0o755): FsDir {
  let node = root;
  for (const name of path.split("/").filter(Boolean)) {
    let child = node.entries.get(name);
    if (child?.kind !== "dir") {
      child = { kind: "dir", entries: new Map(), mode, mtimeMs: 0 };
      node.entries.set(name, child);
    }
    node = child;
  }
  return node;
}

function put(root: FsDir, path: string, node: FsNode): void {
  const i = path.lastIndexOf("/");
  dir(root, path.slice(0, i)).entries.set(path.slice(i + 1), node);
}

/** Installs an executable that runs the program `id` (a node's own tools, such as `crictl`). */
export function installProgram(root: FsDir, path: string, id: string): void {
  program(root, path, id);
}

function program(root: FsDir, path: string, id: string): void {
  put(root, path, { kind: "file", data: "", mode: 0o755, program: id, mtimeMs: 0 });
}

function text(root: FsDir, path: string, data: string): void {
  put(root, path, { kind: "file", data, mode: 0o644, mtimeMs: 0 });
}

const PASSWD_BUSYBOX =
  "root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\nbin:x:2:2:bin:/bin:/bin/false\nsys:x:3:3:sys:/dev:/bin/false\nsync:x:4:100:sync:/bin:/bin/sync\nmail:x:8:8:mail:/var/spool/mail:/bin/false\nwww-data:x:33:33:www-data:/var/www:/bin/false\noperator:x:37:37:Operator:/var:/bin/false\nnobody:x:65534:65534:nobody:/home:/bin/false\n";
const GROUP_BUSYBOX =
  "root:x:0:\ndaemon:x:1:\nbin:x:2:\nsys:x:3:\nadm:x:4:\ntty:x:5:\ndisk:x:6:\nlp:x:7:\nmail:x:8:\nkmem:x:9:\nwheel:x:10:root\ncdrom:x:11:\ndialout:x:18:\nfloppy:x:19:\nvideo:x:28:\naudio:x:29:\ntape:x:32:\nwww-data:x:33:\noperator:x:37:\nutmp:x:43:\nplugdev:x:46:\nstaff:x:50:\nlock:x:54:\nnetdev:x:82:\nusers:x:100:\nnobody:x:65534:\n";
const PASSWD_DEBIAN =
  "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nbin:x:2:2:bin:/bin:/usr/sbin/nologin\nsys:x:3:3:sys:/dev:/usr/sbin/nologin\nsync:x:4:65534:sync:/bin:/bin/sync\nwww-data:x:33:33:www-data:/var/www:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n";
const GROUP_DEBIAN =
  "root:x:0:\ndaemon:x:1:\nbin:x:2:\nsys:x:3:\nadm:x:4:\ntty:x:5:\ndisk:x:6:\nwww-data:x:33:\nstaff:x:50:\nusers:x:100:\nnogroup:x:65534:\n";

/** Lays out the busybox image's tree: every applet in /bin, the usual top-level directories. */
export function layoutBusybox(root: FsDir): void {
  for (const d of [
    "/bin",
    "/dev",
    "/etc",
    "/home",
    "/lib",
    "/proc",
    "/root",
    "/sys",
    "/usr/bin",
    "/usr/sbin",
    "/var/spool/mail",
    "/var/www",
  ]) {
    dir(root, d, d === "/root" ? 0o700 : 0o755);
  }
  dir(root, "/tmp", 0o1777);
  program(root, "/bin/busybox", "busybox/busybox");
  for (const a of BUSYBOX_APPLETS) program(root, `/bin/${a}`, `busybox/${a}`);
  text(root, "/etc/passwd", PASSWD_BUSYBOX);
  text(root, "/etc/group", GROUP_BUSYBOX);
}

/** Lays out a Debian bookworm-slim userland: merged /usr, dash as sh, bash, coreutils. */
export function layoutDebian(root: FsDir): void {
  for (const d of [
    "/usr/bin",
    "/usr/sbin",
    "/usr/lib",
    "/usr/local/bin",
    "/usr/local/sbin",
    "/usr/share",
    "/boot",
    "/dev",
    "/etc",
    "/home",
    "/media",
    "/mnt",
    "/opt",
    "/proc",
    "/run",
    "/srv",
    "/sys",
    "/var/cache",
    "/var/lib",
    "/var/log",
    "/var/tmp",
  ]) {
    dir(root, d);
  }
  dir(root, "/root", 0o700);
  dir(root, "/tmp", 0o1777);
  for (const [link, target] of [
    ["/bin", "usr/bin"],
    ["/sbin", "usr/sbin"],
    ["/lib", "usr/lib"],
  ] as const) {
    put(root, link, { kind: "symlink", target, mtimeMs: 0 });
  }
  for (const s of DEBIAN_SHELLS) program(root, `/usr/bin/${s}`, `debian/${s}`);
  for (const t of DEBIAN_TOOLS) program(root, `/usr/bin/${t}`, `debian/${t}`);
  text(root, "/etc/passwd", PASSWD_DEBIAN);
  text(root, "/etc/group", GROUP_DEBIAN);
  text(root, "/etc/debian_version", "12.11\n");
}
