/**
 * PostgreSQL from the `postgres` image. `docker-entrypoint.sh` refuses to initialise without
 * `POSTGRES_PASSWORD` (or `POSTGRES_HOST_AUTH_METHOD=trust`), otherwise runs `initdb`, a temporary
 * server on the Unix socket only, and execs `postgres`, which listens on 5432 about 2–3 s after the
 * container started. SIGTERM is a smart shutdown, SIGINT (the image's STOPSIGNAL) a fast one,
 * SIGQUIT an immediate one; all exit 0 here. `pg_isready` checks the socket (or `-h` host over TCP).
 */
import type { ProcessBody, ProcessContext } from "../kernel.ts";
import { connect, type Listener } from "../network.ts";
import { execProgram, findProgram } from "./exec.ts";
import { catchSignals, nextSignal, sleepThrough } from "./syscalls.ts";
import { postgresTime, wallTimeMs } from "./wallclock.ts";

/** Program ids. */
export const POSTGRES_ENTRYPOINT_PROGRAM = "postgres/docker-entrypoint";
export const POSTGRES_PROGRAM = "postgres/postgres";
export const PG_ISREADY_PROGRAM = "postgres/pg_isready";

const SOCKET_DIR = "/var/run/postgresql";
const SOCKET = `${SOCKET_DIR}/.s.PGSQL.5432`;

const pgdata = (ctx: ProcessContext): string => ctx.env.get("PGDATA") ?? "/var/lib/postgresql/data";
const pgVersion = (ctx: ProcessContext): { full: string; short: string } => {
  const full = ctx.env.get("PG_VERSION") ?? "17.6-1.pgdg120+1";
  return { full, short: full.split("-")[0]! };
};

const NO_PASSWORD = `Error: Database is uninitialized and superuser password is not specified.
       You must specify POSTGRES_PASSWORD to a non-empty value for the
       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".

       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all
       connections without a password. This is *not* recommended.

       See PostgreSQL documentation about "trust":
       https://www.postgresql.org/docs/current/auth-trust.html
`;

function logLine(ctx: ProcessContext, pid: number, msg: string): void {
  ctx.stderr(`${postgresTime(wallTimeMs(ctx))} [${pid}] LOG:  ${msg}\n`);
}

/** `docker-entrypoint.sh "$@"` of the postgres image. */
export function* postgresEntrypoint(ctx: ProcessContext): ProcessBody {
  let args = ctx.argv.slice(1);
  if (args.length > 0 && args[0]!.startsWith("-")) args = ["postgres", ...args];
  if (args[0] === "postgres") {
    const data = pgdata(ctx);
    if (ctx.fs.exists(`${data}/PG_VERSION`)) {
      ctx.stdout(
        "\nPostgreSQL Database directory appears to contain a database; Skipping initialization\n\n",
      );
    } else {
      const trust = ctx.env.get("POSTGRES_HOST_AUTH_METHOD") === "trust";
      if (!ctx.env.get("POSTGRES_PASSWORD") && !trust) {
        ctx.stderr(NO_PASSWORD);
        return 1;
      }
      yield* initialise(ctx, data);
    }
  }
  if (args.length === 0) return 0;
  const found = findProgram(ctx, args[0]!);
  if (!found.ok) {
    ctx.stderr(`/usr/local/bin/docker-entrypoint.sh: line 351: exec: ${args[0]}: not found\n`);
    return 127;
  }
  return yield* execProgram(ctx, found.program, args);
}

/** initdb, then a temporary socket-only server that is stopped again (the entrypoint's dance). */
function* initialise(ctx: ProcessContext, data: string): ProcessBody {
  const { full, short } = pgVersion(ctx);
  const out = (s: string) => ctx.stdout(s);
  out(`The files belonging to this database system will be owned by user "postgres".
This user must also own the server process.

The database cluster will be initialized with locale "en_US.utf8".
The default database encoding has accordingly been set to "UTF8".
The default text search configuration will be set to "english".

Data page checksums are disabled.

fixing permissions on existing directory ${data} ... ok
creating subdirectories ... ok
selecting dynamic shared memory implementation ... posix
selecting default "max_connections" ... 100
selecting default "shared_buffers" ... 128MB
selecting default time zone ... Etc/UTC
creating configuration files ... ok
`);
  yield* sleepThrough(ctx, 300);
  out("running bootstrap script ... ok\n");
  yield* sleepThrough(ctx, 700);
  out("performing post-bootstrap initialization ... ok\n");
  yield* sleepThrough(ctx, 150);
  out(`syncing data to disk ... ok


Success. You can now start the database server using:

    pg_ctl -D ${data} -l logfile start

`);
  ctx.stderr(
    'initdb: warning: enabling "trust" authentication for local connections\ninitdb: hint: You can change this by editing pg_hba.conf or using the option -A, or --auth-local and --auth-host, the next time you run initdb.\n',
  );
  ctx.fs.mkdir(`${data}/base`, true);
  ctx.fs.writeFile(`${data}/PG_VERSION`, `${short.split(".")[0]}\n`);
  ctx.fs.writeFile(`${data}/postgresql.conf`, "listen_addresses = '*'\n");
  const temp = ctx.pid + 47;
  out("waiting for server to start....");
  yield* sleepThrough(ctx, 200);
  logLine(
    ctx,
    temp,
    `starting PostgreSQL ${short} (Debian ${full}) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`,
  );
  logLine(ctx, temp, `listening on Unix socket "${SOCKET}"`);
  ctx.fs.mkdir(SOCKET_DIR, true);
  ctx.fs.writeFile(SOCKET, "");
  logLine(ctx, temp, "database system is ready to accept connections");
  out(" done\nserver started\n");
  out("\n/usr/local/bin/docker-entrypoint.sh: ignoring /docker-entrypoint-initdb.d/*\n\n");
  yield* sleepThrough(ctx, 150);
  out("waiting for server to shut down....");
  logLine(ctx, temp, "received fast shutdown request");
  logLine(ctx, temp, "aborting any active transactions");
  logLine(ctx, temp, "database system is shut down");
  ctx.fs.remove(SOCKET);
  yield* sleepThrough(ctx, 100);
  out(" done\nserver stopped\n\nPostgreSQL init process complete; ready for start up.\n\n");
  return 0;
}

/** `postgres [-c …]`: the postmaster. */
export function* postgres(ctx: ProcessContext): ProcessBody {
  const { full, short } = pgVersion(ctx);
  if (ctx.argv.includes("--version") || ctx.argv.includes("-V")) {
    ctx.stdout(`postgres (PostgreSQL) ${short} (Debian ${full})\n`);
    return 0;
  }
  const data = pgdata(ctx);
  if (!ctx.fs.exists(`${data}/PG_VERSION`)) {
    ctx.stderr(
      `postgres: could not access directory "${data}": No such file or directory\nRun initdb or pg_basebackup to initialize a PostgreSQL data directory.\n`,
    );
    return 2;
  }
  catchSignals(ctx, ["SIGTERM", "SIGINT", "SIGQUIT", "SIGHUP"]);
  const me = ctx.pid;
  yield* sleepThrough(ctx, 60);
  logLine(
    ctx,
    me,
    `starting PostgreSQL ${short} (Debian ${full}) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`,
  );
  const l: Listener = { port: 5432, accepting: true, owner: "postgres" };
  if (!ctx.ns.net.listen(ctx.ns, ctx.pid, l)) {
    ctx.stderr(
      `${postgresTime(wallTimeMs(ctx))} [${me}] LOG:  could not bind IPv4 address "0.0.0.0": Address already in use\n`,
    );
    ctx.stderr(`${postgresTime(wallTimeMs(ctx))} [${me}] FATAL:  could not create any TCP/IP sockets\n`);
    return 1;
  }
  logLine(ctx, me, 'listening on IPv4 address "0.0.0.0", port 5432');
  logLine(ctx, me, 'listening on IPv6 address "::", port 5432');
  logLine(ctx, me, `listening on Unix socket "${SOCKET}"`);
  ctx.fs.mkdir(SOCKET_DIR, true);
  ctx.fs.writeFile(SOCKET, "");
  ctx.fs.writeFile(`${data}/postmaster.pid`, `${me}\n${data}\n`);
  yield* sleepThrough(ctx, 20);
  logLine(
    ctx,
    me + 62,
    `database system was shut down at ${postgresTime(wallTimeMs(ctx)).replace(/\.\d+ UTC$/, " UTC")}`,
  );
  logLine(ctx, me, "database system is ready to accept connections");
  for (;;) {
    const sig = yield* nextSignal();
    if (sig === "SIGHUP") {
      logLine(ctx, me, "received SIGHUP, reloading configuration files");
      continue;
    }
    const kind = sig === "SIGTERM" ? "smart" : sig === "SIGINT" ? "fast" : "immediate";
    logLine(ctx, me, `received ${kind} shutdown request`);
    l.accepting = false;
    if (kind !== "immediate") {
      logLine(ctx, me, "aborting any active transactions");
      logLine(
        ctx,
        me,
        `background worker "logical replication launcher" (PID ${me + 65}) exited with exit code 1`,
      );
      logLine(ctx, me + 60, "shutting down");
      logLine(ctx, me + 60, "checkpoint starting: shutdown immediate");
      yield* sleepThrough(ctx, 30);
      logLine(
        ctx,
        me + 60,
        "checkpoint complete: wrote 3 buffers (0.0%); 0 WAL file(s) added, 0 removed, 0 recycled; write=0.002 s, sync=0.001 s, total=0.004 s; sync files=2, longest=0.001 s, average=0.001 s; distance=0 kB, estimate=0 kB; lsn=0/1A2B3C8, redo lsn=0/1A2B3C8",
      );
    }
    ctx.fs.remove(SOCKET);
    ctx.fs.remove(`${data}/postmaster.pid`);
    logLine(ctx, me, "database system is shut down");
    return 0;
  }
}

/** `pg_isready [-h host] [-p port] [-q]`. */
export function* pgIsready(ctx: ProcessContext): ProcessBody {
  const args = ctx.argv.slice(1);
  let host: string | undefined;
  let port = 5432;
  let quiet = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "-h" || a === "--host") host = args[++i];
    else if (a.startsWith("--host=")) host = a.slice(7);
    else if (a === "-p" || a === "--port") port = Number(args[++i] ?? 5432);
    else if (a === "-q" || a === "--quiet") quiet = true;
    else if (
      a === "-U" ||
      a === "-d" ||
      a === "-t" ||
      a === "--username" ||
      a === "--dbname" ||
      a === "--timeout"
    )
      i++;
  }
  yield { op: "cpu", ms: 2 }; // a connection round trip
  const where = host && !host.startsWith("/") ? host : SOCKET_DIR;
  const ok = host && !host.startsWith("/") ? connect(ctx.ns.net, host, port).ok : ctx.fs.exists(SOCKET);
  if (!quiet) ctx.stdout(`${where}:${port} - ${ok ? "accepting connections" : "no response"}\n`);
  return ok ? 0 : 2;
}
