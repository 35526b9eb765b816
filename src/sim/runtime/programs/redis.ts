/**
 * Redis from the `redis` image: `docker-entrypoint.sh` (prepends `redis-server` to flags or a
 * .conf argument, then execs), `redis-server` (TCP on 6379 — no HTTP —, its start-up banner lines,
 * SIGTERM/SIGINT save the RDB snapshot to /data and exit 0) and `redis-cli ping`.
 */
import type { ProcessBody, ProcessContext } from "../kernel.ts";
import { connect, type Listener } from "../network.ts";
import { execProgram, findProgram } from "./exec.ts";
import { catchSignals, nextSignal, sleepThrough } from "./syscalls.ts";
import { redisTime, wallTimeMs } from "./wallclock.ts";

/** Program ids. */
export const REDIS_ENTRYPOINT_PROGRAM = "redis/docker-entrypoint";
export const REDIS_SERVER_PROGRAM = "redis/redis-server";
export const REDIS_CLI_PROGRAM = "redis/redis-cli";

/** `docker-entrypoint.sh "$@"` of the redis image. */
export function* redisEntrypoint(ctx: ProcessContext): ProcessBody {
  let args = ctx.argv.slice(1);
  if (args.length > 0 && (args[0]!.startsWith("-") || args[0]!.endsWith(".conf")))
    args = ["redis-server", ...args];
  if (args.length === 0) return 0;
  const found = findProgram(ctx, args[0]!);
  if (!found.ok) {
    ctx.stderr(`/usr/local/bin/docker-entrypoint.sh: exec: line 24: ${args[0]}: not found\n`);
    return 127;
  }
  return yield* execProgram(ctx, found.program, args);
}

/** `redis-server [config] [--port N] [--save …]`. */
export function* redisServer(ctx: ProcessContext): ProcessBody {
  const version = ctx.env.get("REDIS_VERSION") ?? "8.2.1";
  const args = ctx.argv.slice(1);
  if (args.includes("--version") || args.includes("-v")) {
    ctx.stdout(`Redis server v=${version} sha=00000000:1 malloc=jemalloc-5.3.0 bits=64 build=0\n`);
    return 0;
  }
  const opt = (name: string): string | undefined => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const port = Number(opt("port") ?? 6379);
  const saves = opt("save") !== "";
  const pid = ctx.pid;
  const line = (role: "C" | "M", mark: "*" | "#", msg: string) =>
    ctx.stdout(`${pid}:${role} ${redisTime(wallTimeMs(ctx))} ${mark} ${msg}\n`);
  catchSignals(ctx, ["SIGTERM", "SIGINT"]);
  line(
    "C",
    "#",
    "WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.",
  );
  line("C", "*", "oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo");
  line("C", "*", `Redis version=${version}, bits=64, commit=00000000, modified=1, pid=${pid}, just started`);
  if (!args.some((a) => a.endsWith(".conf"))) {
    line(
      "C",
      "#",
      "Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf",
    );
  }
  yield* sleepThrough(ctx, 3);
  line("M", "*", "monotonic clock: POSIX clock_gettime");
  const l: Listener = { port, accepting: true, owner: "redis-server" };
  if (!ctx.ns.net.listen(ctx.ns, ctx.pid, l)) {
    line(
      "M",
      "#",
      `Warning: Could not create server TCP listening socket *:${port}: bind: Address already in use`,
    );
    line("M", "#", `Failed listening on port ${port} (tcp), aborting.`);
    return 1;
  }
  line("M", "*", `Running mode=standalone, port=${port}.`);
  line("M", "*", "Server initialized");
  line("M", "*", "Ready to accept connections tcp");
  for (;;) {
    const sig = yield* nextSignal();
    if (sig !== "SIGTERM" && sig !== "SIGINT") continue;
    ctx.stdout(
      `${pid}:signal-handler (${Math.floor(wallTimeMs(ctx) / 1000)}) Received ${sig} scheduling shutdown...\n`,
    );
    yield* sleepThrough(ctx, 100);
    line("M", "*", "User requested shutdown...");
    if (saves) {
      line("M", "*", "Saving the final RDB snapshot before exiting.");
      ctx.fs.writeFile(`${ctx.cwd === "/" ? "" : ctx.cwd}/dump.rdb`, "REDIS0012");
      line("M", "*", "DB saved on disk");
    }
    l.accepting = false;
    line("M", "#", "Redis is now ready to exit, bye bye...");
    return 0;
  }
}

/** `redis-cli [-h host] [-p port] [ping]`: only PING is simulated. */
export function* redisCli(ctx: ProcessContext): ProcessBody {
  const args = ctx.argv.slice(1);
  let host = "127.0.0.1";
  let port = 6379;
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "-h") host = args[++i] ?? host;
    else if (args[i] === "-p") port = Number(args[++i] ?? port);
    else if (args[i] === "-a" || args[i] === "-n" || args[i] === "--user" || args[i] === "--pass") i++;
    else words.push(args[i]!);
  }
  yield { op: "cpu", ms: 2 }; // a connection round trip
  const c = connect(ctx.ns.net, host, port);
  if (!c.ok) {
    const why = c.error === "refused" ? "Connection refused" : "Name or service not known";
    ctx.stderr(`Could not connect to Redis at ${host}:${port}: ${why}\n`);
    return 1;
  }
  const cmd = (words[0] ?? "").toLowerCase();
  if (cmd === "ping") {
    ctx.stdout(words[1] !== undefined ? `"${words[1]}"\n` : "PONG\n");
    return 0;
  }
  if (cmd === "") {
    ctx.stderr("podlife: interactive redis-cli is not simulated\n");
    return 1;
  }
  ctx.stderr(`podlife: redis-cli ${cmd} is not simulated (only PING)\n`);
  return 1;
}
