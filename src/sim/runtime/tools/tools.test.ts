import { describe, expect, it } from "vitest";
import type { ProcessBody, Program } from "../kernel.ts";
import { runScript, startShellBox } from "../shell/testing.ts";
import { formatDate } from "./clock-format.ts";
import { toolPrograms } from "./index.ts";
import { parseSleepDuration } from "./sleep.ts";

describe("file tools", () => {
  it("words errors like busybox or GNU", () => {
    expect(runScript("cat /data/missing").err).toBe(
      "cat: can't open '/data/missing': No such file or directory\n",
    );
    expect(runScript("cat /data/missing").code).toBe(1);
    expect(runScript("cat /data/missing", { image: "debian" }).err).toBe(
      "cat: /data/missing: No such file or directory\n",
    );
    expect(runScript("rm /nope").err).toBe("rm: can't remove '/nope': No such file or directory\n");
    expect(runScript("rm /nope", { image: "debian" }).err).toBe(
      "rm: cannot remove '/nope': No such file or directory\n",
    );
    expect(runScript("mkdir /tmp").err).toBe("mkdir: can't create directory '/tmp': File exists\n");
    expect(runScript("ls /nope", { image: "debian" }).err).toBe(
      "ls: cannot access '/nope': No such file or directory\n",
    );
    expect(runScript("ls /nope", { image: "debian" }).code).toBe(2);
    expect(runScript("rm /tmp").err).toBe("rm: '/tmp' is a directory\n");
  });

  it("creates, lists, copies, moves and removes", () => {
    const r = runScript(
      "mkdir -p /w/a/b; touch /w/x; echo data > /w/a/f; ls /w; cp /w/a/f /w/g; mv /w/x /w/y; ls /w; rm -rf /w/a; ls /w; cat /w/g; rm -f /w/none; echo $?",
    );
    expect(r.out).toBe("a\nx\na\ng\ny\ng\ny\ndata\n0\n");
  });

  it("lists hidden entries and long format", () => {
    const r = runScript("mkdir /d; touch /d/.h /d/v; ls -a /d; ls -l /d/v");
    expect(r.out).toBe(".\n..\n.h\nv\n-rw-r--r--    1 root     root             0 Jan  1 00:00 /d/v\n");
  });

  it("links and reads through symlinks", () => {
    expect(
      runScript("echo t > /tmp/t; ln -s /tmp/t /tmp/l; cat /tmp/l; [ -L /tmp/l ] && echo link").out,
    ).toBe("t\nlink\n");
  });

  it("basename, dirname, pwd", () => {
    expect(
      runScript("basename /a/b/c.txt .txt; dirname /a/b/c.txt; dirname c; cd /tmp; pwd; /bin/pwd").out,
    ).toBe("c\n/a/b\n.\n/tmp\n/tmp\n");
  });
});

describe("text tools", () => {
  it.each([
    ["seq 3", "1\n2\n3\n"],
    ["seq 2 2 6 | tr '\\n' ,", "2,4,6,"],
    ["printf 'a\\nb\\nc\\n' | tail -n 2", "b\nc\n"],
    ["printf 'a\\nb\\nc\\n' | head -2", "a\nb\n"],
    ["printf 'x1\\ny2\\nx3\\n' | grep -c x", "2\n"],
    ["printf 'x1\\ny2\\n' | grep -v x", "y2\n"],
    ["printf 'ab\\nAB\\n' | grep -i ab | wc -l", "2\n"],
    ["echo 'a:b:c' | cut -d: -f2,3", "b:c\n"],
    ["echo hello | tr a-z A-Z", "HELLO\n"],
    ["printf '3\\n10\\n2\\n' | sort -n", "2\n3\n10\n"],
    ["printf 'b\\na\\n' | sort -r", "b\na\n"],
    ["echo one two | wc -w", "2\n"],
    ["echo abc | tee /tmp/t > /dev/null; cat /tmp/t", "abc\n"],
    ["printf '%05.1f|%-4s|%x\\n' 3.14159 ab 255", "003.1|ab  |ff\n"],
    ["echo 'GET /x' | grep -E '^(GET|POST) /'", "GET /x\n"],
    ["echo 'a.b' | grep 'a\\.b'", "a.b\n"],
  ])("%s", (script, expected) => {
    expect(runScript(script).out).toBe(expected);
  });

  it("grep exits 1 without a match and 2 on a missing file", () => {
    expect(runScript("echo a | grep b").code).toBe(1);
    const r = runScript("grep a /nope");
    expect(r.code).toBe(2);
    expect(r.err).toBe("grep: /nope: No such file or directory\n");
  });
});

describe("sleep", () => {
  it("parses busybox durations", () => {
    expect(parseSleepDuration("1")).toBe(1000);
    expect(parseSleepDuration("0.5")).toBe(500);
    expect(parseSleepDuration("1m")).toBe(60_000);
    expect(parseSleepDuration("2h")).toBe(7_200_000);
    expect(parseSleepDuration("infinity")).toBe(Number.POSITIVE_INFINITY);
    expect(parseSleepDuration("x")).toBeUndefined();
  });

  it("sums operands and sleeps in virtual time", () => {
    expect(runScript("sleep 1 0.5; echo done").atMs).toBe(1501);
  });

  it("rejects bad numbers", () => {
    expect(runScript("sleep abc").err).toBe("sleep: invalid number 'abc'\n");
    expect(runScript("sleep abc", { image: "debian" }).err).toBe(
      "sleep: invalid time interval 'abc'\nTry 'sleep --help' for more information.\n",
    );
  });

  it("sleep infinity never ends on its own", () => {
    const box = startShellBox(["sleep", "infinity"]);
    box.runUntil(86_400_000);
    expect(box.exit()).toBeUndefined();
  });
});

/** A program that listens on a port with a fixed answer. */
function server(port: number, status: number, body: string, delayMs = 0): Program {
  return function* (ctx): ProcessBody {
    ctx.ns.net.listen(ctx.ns, ctx.pid, {
      port,
      accepting: true,
      owner: "srv",
      http: () => ({ status, body, delayMs }),
    });
    for (;;) yield { op: "pause" };
  };
}

describe("network tools", () => {
  const programs = {
    "test/ok": server(8080, 200, "ok\n"),
    "test/bad": server(8081, 500, "boom"),
    "test/slow": server(8082, 200, "late", 5000),
  };

  function withServers(script: string) {
    const box = startShellBox(["sh", "-c", script], { programs });
    box.fs.writeFile("/bin/srv-ok", "");
    for (const [path, id] of [
      ["/bin/srv-ok", "test/ok"],
      ["/bin/srv-bad", "test/bad"],
      ["/bin/srv-slow", "test/slow"],
    ] as const) {
      box.fs.writeFile(path, "");
      const f = box.fs.stat(path);
      if (f?.kind === "file") {
        f.program = id;
        f.mode = 0o755;
      }
    }
    box.runUntil(60_000);
    return box;
  }

  it("wget fetches a body, reports HTTP errors and refused connections", () => {
    const box = withServers(
      "srv-ok & srv-bad & srv-slow & sleep 1; wget -q -O - http://localhost:8080/; echo $?; wget -q -O - http://127.0.0.1:8081/x; echo $?; wget -q -O - http://localhost:9/; echo $?; wget -q -T 1 -O - http://localhost:8082/; echo $?; kill %1 2>/dev/null; exit 0",
    );
    expect(box.out()).toBe("ok\n0\n1\n1\n1\n");
    expect(box.err()).toBe(
      "wget: server returned error: HTTP/1.1 500 Internal Server Error\nwget: can't connect to remote host (127.0.0.1): Connection refused\nwget: download timed out\n",
    );
  });

  it("wget saves to a file and spiders", () => {
    const box = withServers(
      "srv-ok & sleep 1; cd /tmp; wget -q http://localhost:8080/index.html && cat index.html; wget --spider -q http://localhost:8080/; echo $?; exit 0",
    );
    expect(box.out()).toBe("ok\n0\n");
  });

  it("nc -z checks a port", () => {
    const box = withServers(
      "srv-ok & sleep 1; nc -z localhost 8080; echo $?; nc -z localhost 8099; echo $?; exit 0",
    );
    expect(box.out()).toBe("0\n1\n");
  });

  it("busybox httpd serves files and 404s", () => {
    const box = startShellBox([
      "sh",
      "-c",
      "mkdir /www; echo hi > /www/index.html; httpd -f -p 8000 -h /www",
    ]);
    box.runUntil(100);
    const probe = box.exec([
      "sh",
      "-c",
      "wget -q -O - http://localhost:8000/; wget -q -O - http://localhost:8000/missing",
    ]);
    box.runUntil(200);
    expect(probe.out()).toBe("hi\n");
    expect(probe.err()).toBe("wget: server returned error: HTTP/1.1 404 Not Found\n");
  });
});

describe("process tools", () => {
  it("killall -0 checks for a process by name; pidof lists pids", () => {
    const r = runScript(
      "sleep 100 & sleep 100 & pidof sleep; killall -0 sleep && echo alive; killall sleep; wait; killall -0 sleep; echo $?",
    );
    expect(r.out).toBe("3 2\nalive\n1\n");
    expect(r.err).toBe("killall: sleep: no process killed\n");
  });

  it("ps lists the container's processes", () => {
    const box = startShellBox(["sh", "-c", "sleep 100"]);
    box.runUntil(10);
    const p = box.exec(["ps"]);
    box.runUntil(20);
    expect(p.out()).toBe(
      "PID   USER     TIME  COMMAND\n    1 root      0:00 sh -c sleep 100\n    2 root      0:00 sleep 100\n    3 root      0:00 ps\n",
    );
  });

  it("Debian slim has no killall, ps or wget", () => {
    expect(toolPrograms["debian/killall"]).toBeUndefined();
    expect(runScript("ps", { image: "debian", shell: "bash" }).err).toBe(
      "bash: line 1: ps: command not found\n",
    );
  });
});

describe("system tools", () => {
  it("date prints the virtual time", () => {
    expect(formatDate(Date.UTC(2025, 0, 1, 0, 0, 5))).toBe("Wed Jan  1 00:00:05 UTC 2025");
    const r = runScript("sleep 5; date; date +%s", {
      env: { PODLIFE_EPOCH_MS: String(Date.UTC(2025, 0, 1)) },
    });
    expect(r.out).toBe(`Wed Jan  1 00:00:05 UTC 2025\n${Date.UTC(2025, 0, 1) / 1000 + 5}\n`);
  });

  it("hostname, id, uname, env", () => {
    expect(runScript("hostname; id -u; uname; env | grep ^HOME=; env A=1 sh -c 'echo $A'").out).toBe(
      "box-0\n0\nLinux\nHOME=/root\n1\n",
    );
  });

  it("test and [ as programs", () => {
    expect(runScript("/bin/[ 1 -lt 2 ] && echo yes; /bin/test -d /tmp && echo dir; [ 1 -eq").out).toBe(
      "yes\ndir\n",
    );
    expect(runScript("[ 1 -eq").err).toBe("sh: [: missing ]\n");
  });

  it("busybox multi-call runs applets", () => {
    expect(runScript("busybox echo hi; busybox nosuch").out).toBe("hi\n");
  });
});
