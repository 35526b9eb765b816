import { describe, expect, it } from "vitest";
import { runScript, startShellBox } from "./testing.ts";

describe("expansion and quoting", () => {
  it.each([
    [`echo 'a  b' "c  d" e\\ f`, "a  b c  d e f\n"],
    [`x=hello; echo "\${x}!" \${x%lo} \${x#h} \${x##*l} \${x%%l*}`, "hello! hel ello o he\n"],
    [`echo \${unset:-a} \${unset-b} \${empty:=c} $empty \${x:+yes}`, "a b c c\n"],
    [
      `set -- one "two three"; echo $# "$1" "$2"; for a in "$@"; do echo "[$a]"; done`,
      "2 one two three\n[one]\n[two three]\n",
    ],
    [`echo $(echo inner) \`echo back\` "$(printf 'a\\nb\\n\\n')"`, "inner back a\nb\n"],
    [`echo $((1 + 2 * 3)) $((10 / 3)) $((7 % 4)) $(( (1+2) << 2 ))`, "7 3 3 12\n"],
    [`i=0; i=$((i+1)); : $((i+=5)); echo $i`, "6\n"],
    [`v="a b  c"; set -- $v; echo $#`, "3\n"],
    [`echo "$0"`, "sh\n"],
    [`echo ~`, "/root\n"],
    [`a=x; b="$a"y; echo $b`, "xy\n"],
    [`echo "\\$HOME" '\\n'`, "$HOME \\n\n"],
    [`f() { echo "args:$#:$*"; }; f "" b`, "args:2: b\n"],
  ])("%s", (script, expected) => {
    expect(runScript(script).out).toBe(expected);
  });

  it("expands $? $$ and $!", () => {
    const r = runScript("false; echo $?; echo $$; sleep 1 & echo $!; wait");
    expect(r.out).toBe("1\n1\n2\n");
  });

  it("globs against the filesystem", () => {
    const r = runScript(
      "mkdir -p /g; touch /g/a.txt /g/b.txt /g/c.log; echo /g/*.txt; echo '/g/*.txt'; echo /g/*.none",
    );
    expect(r.out).toBe("/g/a.txt /g/b.txt\n/g/*.txt\n/g/*.none\n");
  });
});

describe("control flow", () => {
  it.each([
    ["if true; then echo y; else echo n; fi", "y\n"],
    ["if false; then echo 1; elif [ 1 -eq 1 ]; then echo 2; else echo 3; fi", "2\n"],
    ["i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done", "0\n1\n2\n"],
    ["i=0; until [ $i -ge 2 ]; do i=$((i+1)); done; echo $i", "2\n"],
    ["for x in a b c; do echo $x; done", "a\nb\nc\n"],
    ["for x in 1 2 3 4; do [ $x = 2 ] && continue; [ $x = 4 ] && break; echo $x; done", "1\n3\n"],
    ["for i in 1 2; do for j in a b; do [ $j = b ] && continue 2; echo $i$j; done; done", "1a\n2a\n"],
    ["case foo.txt in *.log) echo log;; *.txt|*.md) echo text;; *) echo other;; esac", "text\n"],
    ["x=B; case $x in [a-z]) echo lower;; [A-Z]) echo upper;; esac", "upper\n"],
    ["true && echo a || echo b; false && echo c || echo d", "a\nd\n"],
    ["! false && echo negated", "negated\n"],
    ["{ echo a; echo b; } | wc -l", "2\n"],
    ["x=1; (x=2; echo $x); echo $x", "2\n1\n"],
    ["f() { local v=inner; echo $v; return 4; }; v=outer; f; echo $? $v", "inner\n4 outer\n"],
    ['g() { echo "$1-$2"; }; g a b', "a-b\n"],
    ["echo one\necho two", "one\ntwo\n"],
    ["cat <<EOF\nline $((1+1))\nEOF", "line 2\n"],
    ["cat <<'EOF'\nraw $x\nEOF", "raw $x\n"],
    ["eval 'echo evaluated'", "evaluated\n"],
    ["printf '%s=%d\\n' a 1 b 2", "a=1\nb=2\n"],
    ['echo a b c | { read x y; echo "$y"; }', "b c\n"],
    ["printf 'l1\\nl2\\n' > /tmp/f; while read l; do echo \"<$l>\"; done < /tmp/f", "<l1>\n<l2>\n"],
  ])("%s", (script, expected) => {
    expect(runScript(script).out).toBe(expected);
  });

  it("exits on errors with set -e, except in conditions", () => {
    const r = runScript("set -e; if false; then :; fi; false || true; echo alive; false; echo unreachable");
    expect(r.out).toBe("alive\n");
    expect(r.code).toBe(1);
  });

  it("runs the EXIT trap", () => {
    const r = runScript("trap 'echo cleanup' EXIT; echo work; exit 5");
    expect(r.out).toBe("work\ncleanup\n");
    expect(r.code).toBe(5);
  });

  it("exit in a subshell only ends the subshell", () => {
    const r = runScript("(exit 7); echo $?; x=$(echo out; exit 2); echo $? $x");
    expect(r.out).toBe("7\n2 out\n");
  });
});

describe("redirections and pipelines", () => {
  it("writes, appends and reads files", () => {
    const r = runScript(
      "echo ready > /tmp/flag; echo v2 >> /tmp/flag; cat /tmp/flag; cat < /tmp/flag | wc -l",
    );
    expect(r.out).toBe("ready\nv2\n2\n");
    expect(r.box.fs.readFile("/tmp/flag")).toEqual({ ok: true, value: "ready\nv2\n" });
  });

  it("routes stderr", () => {
    const r = runScript("cat /nope 2>/dev/null; echo $?; cat /nope 2>&1 | tr a-z A-Z; echo err >&2");
    expect(r.out).toBe("1\nCAT: CAN'T OPEN '/NOPE': NO SUCH FILE OR DIRECTORY\n");
    expect(r.err).toBe("err\n");
  });

  it("reports a redirection into a missing directory", () => {
    expect(runScript("echo x > /no/such/f").err).toBe("sh: can't create /no/such/f: nonexistent directory\n");
    expect(runScript("echo x > /no/such/f", { image: "debian" }).err).toBe(
      "sh: 1: cannot create /no/such/f: Directory nonexistent\n",
    );
  });

  it("pipes through several stages", () => {
    expect(runScript("printf 'b\\na\\nc\\na\\n' | sort | uniq | head -n 2").out).toBe("a\nb\n");
    expect(runScript("yes | head -n 3").out).toBe("y\ny\ny\n");
    expect(runScript("echo hello | grep -q ell && echo found").out).toBe("found\n");
  });

  it("applies exec redirections to the rest of the script", () => {
    const r = runScript("exec > /tmp/log 2>&1; echo one; cat /missing; exec >&2; echo shown", {
      untilMs: 1000,
    });
    expect(r.box.fs.readFile("/tmp/log")).toEqual({
      ok: true,
      value: "one\ncat: can't open '/missing': No such file or directory\nshown\n",
    });
  });
});

describe("flavour messages", () => {
  it("words command-not-found per shell", () => {
    expect(runScript("nope").err).toBe("sh: nope: not found\n");
    expect(runScript("nope").code).toBe(127);
    expect(runScript("echo a\nnope", { image: "debian", shell: "/bin/sh" }).err).toBe(
      "/bin/sh: 2: nope: not found\n",
    );
    expect(runScript("nope", { image: "debian", shell: "bash" }).err).toBe(
      "bash: line 1: nope: command not found\n",
    );
    expect(runScript("/x/y").err).toBe("sh: /x/y: not found\n");
    expect(runScript("/x/y", { image: "debian", shell: "bash" }).err).toBe(
      "bash: line 1: /x/y: No such file or directory\n",
    );
  });

  it("reports a non-executable file with 126", () => {
    const r = runScript("echo hi > /tmp/s; /tmp/s");
    expect(r.err).toBe("sh: /tmp/s: Permission denied\n");
    expect(r.code).toBe(126);
  });

  it("runs executable scripts through their interpreter", () => {
    const r = runScript(
      "printf '#!/bin/sh\\necho from script $1\\n' > /tmp/s.sh; chmod +x /tmp/s.sh; /tmp/s.sh arg",
    );
    expect(r.out).toBe("from script arg\n");
  });

  it("words syntax errors per shell", () => {
    expect(runScript("if true; then echo x").err).toBe(
      'sh: syntax error: unexpected end of file (expecting "fi")\n',
    );
    expect(runScript("echo a; fi", { image: "debian" }).err).toBe('sh: 1: Syntax error: "fi" unexpected\n');
    expect(runScript("echo 'open", { image: "debian", shell: "bash" }).err).toBe(
      "bash: -c: line 1: unexpected EOF while looking for matching `''\n",
    );
    expect(runScript("if true; then echo x").code).toBe(2);
  });

  it("interprets escapes in dash's echo only", () => {
    expect(runScript("echo 'a\\tb'").out).toBe("a\\tb\n");
    expect(runScript("echo 'a\\tb'", { image: "debian" }).out).toBe("a\tb\n");
    expect(runScript("echo -e 'a\\tb'").out).toBe("a\tb\n");
    expect(runScript("echo -n x; echo y").out).toBe("xy\n");
  });

  it("runs the preStop hook of the nginx lifecycle example on Debian", () => {
    const r = runScript("nginx -s quit; while killall -0 nginx; do sleep 1; done", {
      image: "debian",
      shell: "/bin/sh",
    });
    expect(r.err).toBe("/bin/sh: 1: nginx: not found\n/bin/sh: 1: killall: not found\n");
    expect(r.code).toBe(0);
  });
});

describe("signals, jobs and time", () => {
  it("a PID 1 sleep ignores SIGTERM and dies on SIGKILL with 137", () => {
    const box = startShellBox(["sleep", "3600"]);
    box.runUntil(1000);
    box.signal("SIGTERM");
    box.runUntil(5000);
    expect(box.exit()).toBeUndefined();
    box.signal("SIGKILL");
    box.runUntil(5001);
    expect(box.exit()?.code).toBe(137);
  });

  it("a shell PID 1 without a trap ignores SIGTERM", () => {
    const box = startShellBox(["sh", "-c", "sleep 3600"]);
    box.runUntil(1000);
    box.signal("SIGTERM");
    box.runUntil(10_000);
    expect(box.exit()).toBeUndefined();
  });

  it("exits with the script's status when it ends", () => {
    const r = runScript("echo working; sleep 2; exit 3");
    expect(r.out).toBe("working\n");
    expect(r.code).toBe(3);
    expect(r.atMs).toBeGreaterThanOrEqual(2000);
    expect(r.atMs).toBeLessThan(2010);
  });

  it("wait is interrupted by a trapped signal", () => {
    const box = startShellBox([
      "sh",
      "-c",
      "trap 'echo got TERM; kill $pid; exit 143' TERM; sleep 100 & pid=$!; wait $pid; echo not reached",
    ]);
    box.runUntil(5000);
    box.signal("SIGTERM");
    box.runUntil(5100);
    expect(box.out()).toBe("got TERM\n");
    expect(box.exit()?.code).toBe(143);
    expect(box.exit()?.atMs).toBeLessThan(5100);
    expect(box.ns.list()).toEqual([]);
  });

  it("waits for background jobs and reports their status", () => {
    const r = runScript("(sleep 1; exit 4) & p=$!; sleep 2; wait $p; echo $?");
    expect(r.out).toBe("4\n");
  });

  // A busy loop is ~1.4 M interpreter steps over 10 virtual minutes: seconds of CPU on a loaded machine.
  it("burns virtual CPU in an endless loop and can be killed", { timeout: 30_000 }, () => {
    const box = startShellBox(["sh", "-c", "while true; do :; done"]);
    box.runUntil(600_000);
    expect(box.exit()).toBeUndefined();
    // 3 s at 1 ms ticks, then 10, 100 and 1000 ms ticks: about 7 000 ticks for 10 minutes.
    expect(box.clock.fired).toBeLessThan(8000);
    box.signal("SIGKILL");
    box.runUntil(600_001);
    expect(box.exit()?.code).toBe(137);
  });

  it("runs a long finite loop in realistic virtual time", () => {
    const r = runScript("i=0; while [ $i -lt 50000 ]; do i=$((i+1)); done; echo $i");
    expect(r.out).toBe("50000\n");
    expect(r.atMs).toBeLessThan(2000);
  });

  it("runs a short CPU-bound loop in a few virtual milliseconds", () => {
    const r = runScript("i=0; while [ $i -lt 300 ]; do i=$((i+1)); done; echo $i");
    expect(r.out).toBe("300\n");
    expect(r.atMs).toBeGreaterThan(1);
    expect(r.atMs).toBeLessThan(20);
  });

  it("a trap interrupts a busy loop promptly", { timeout: 30_000 }, () => {
    const box = startShellBox(["sh", "-c", "trap 'echo stop; exit 0' TERM; while :; do :; done"]);
    box.runUntil(60_000);
    box.signal("SIGTERM");
    box.runUntil(60_001);
    expect(box.out()).toBe("stop\n");
    expect(box.exit()?.code).toBe(0);
  });

  it("charges virtual time for spawning external commands", () => {
    const r = runScript("true; /bin/true; /bin/true; /bin/true");
    expect(r.atMs).toBe(3);
  });

  it("traps by number and name, and ignores with an empty action", () => {
    const box = startShellBox(["sh", "-c", "trap '' 15; trap 'echo usr1' USR1; while :; do sleep 1; done"]);
    box.runUntil(1500);
    box.signal("SIGTERM");
    box.signal("SIGUSR1");
    box.runUntil(2500);
    expect(box.out()).toBe("usr1\n");
    expect(box.exit()).toBeUndefined();
  });

  it("resets a trap with -", () => {
    const box = startShellBox(["sh", "-c", "trap 'echo t' TERM; trap - TERM; sleep 100"]);
    box.runUntil(10);
    box.signal("SIGTERM");
    box.runUntil(200_000);
    expect(box.exit()?.code).toBe(0);
    expect(box.out()).toBe("");
  });

  it("kill builtin signals another process", () => {
    const r = runScript("sleep 50 & kill -TERM $!; wait $!; echo $?; kill -0 99999 2>/dev/null || echo gone");
    expect(r.out).toBe("143\ngone\n");
  });
});
