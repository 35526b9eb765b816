import { describe, expect, it } from "vitest";
import { ImageCatalog } from "../../images/catalog.ts";
import { parseImageRef } from "../../images/reference.ts";
import type { ImageInfo } from "../../images/types.ts";
import type { HttpRequest } from "../../network.ts";
import { connect } from "../../network.ts";
import { startContainer } from "../testing.ts";

function image(raw: string): ImageInfo {
  const ref = parseImageRef(raw);
  if (!ref.ok) throw new Error(ref.error);
  const r = new ImageCatalog().lookup(ref.ref);
  if (!r.ok) throw new Error(r.error);
  return r.image;
}

function startNginx(raw = "nginx:1.27") {
  const img = image(raw);
  return startContainer(img.buildRootfs(), [...img.entrypoint, ...img.cmd], { env: { ...img.env } });
}

describe("nginx image as PID 1", () => {
  it("prints the entrypoint's lines, then serves the welcome page within ~150 ms", () => {
    const c = startNginx();
    expect(c.tcp(80)).toBe(false);
    c.advance(150);
    expect(c.stdout()).toContain(
      "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration\n",
    );
    expect(c.stdout()).toContain(
      "10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf\n",
    );
    expect(c.stdout()).toContain("/docker-entrypoint.sh: Configuration complete; ready for start up\n");
    expect(c.stderr()).toMatch(/^2025\/01\/01 00:00:00 \[notice\] 1#1: using the "epoll" event method$/m);
    expect(c.stderr()).toContain("[notice] 1#1: nginx/1.27.5\n");
    expect(c.stderr()).toContain("[notice] 1#1: start worker processes\n");
    const res = c.get(80, "/");
    expect(res?.status).toBe(200);
    expect(res?.body).toContain("<title>Welcome to nginx!</title>");
    expect(res?.body.length).toBe(615);
    expect(c.stdout()).toMatch(
      /10\.244\.0\.1 - - \[01\/Jan\/2025:00:00:00 \+0000\] "GET \/ HTTP\/1\.1" 200 615 "-" "kube-probe\/1\.34" "-"\n$/,
    );
    expect(c.fs.readFile("/var/run/nginx.pid")).toEqual({ ok: true, value: "1\n" });
    expect(c.ns.list().filter((p) => p.argv[0] === "nginx: worker process")).toHaveLength(2);
  });

  it("answers 404 with nginx's page and logs the open() error", () => {
    const c = startNginx();
    c.advance(200);
    const res = c.get(80, "/nope");
    expect(res?.status).toBe(404);
    expect(res?.body).toBe(
      "<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.27.5</center>\r\n</body>\r\n</html>\r\n",
    );
    expect(c.stderr()).toContain(
      '[error] 2#2: *1 open() "/usr/share/nginx/html/nope" failed (2: No such file or directory), client: 10.244.0.1, server: localhost, request: "GET /nope HTTP/1.1", host: "10.244.0.5:80"',
    );
  });

  it("answers 403 for a directory without an index", () => {
    const c = startNginx();
    c.fs.remove("/usr/share/nginx/html/index.html");
    c.advance(200);
    expect(c.get(80, "/")?.status).toBe(403);
    expect(c.stderr()).toContain('directory index of "/usr/share/nginx/html/" is forbidden');
  });

  it("shuts down gracefully on SIGQUIT: stops accepting, drains, exits 0", () => {
    const c = startNginx();
    c.advance(200);
    c.ns.signal(1, "SIGQUIT");
    c.advance(1);
    expect(c.tcp(80)).toBe(false);
    expect(c.exit()).toBeUndefined();
    c.advance(200);
    expect(c.exit()).toEqual({ code: 0 });
    expect(c.stderr()).toContain("[notice] 1#1: signal 3 (SIGQUIT) received, shutting down\n");
    expect(c.stderr()).toContain("[notice] 2#2: gracefully shutting down\n");
    expect(c.stderr()).toContain("[notice] 1#1: worker process 2 exited with code 0\n");
    expect(c.stderr()).toMatch(/\[notice\] 1#1: exit\n$/);
  });

  it("`nginx -s quit` from another process signals the master through the pid file", () => {
    const c = startNginx();
    c.advance(200);
    const q = c.exec(["/usr/sbin/nginx", "-s", "quit"]);
    c.advance(1);
    expect(q.status()).toEqual({ code: 0 });
    expect(q.err()).toMatch(/\[notice\] 4#4: signal process started\n$/);
    c.advance(200);
    expect(c.exit()).toEqual({ code: 0 });
    expect(c.tcp(80)).toBe(false);
  });

  it("`nginx -s quit` without a running master fails like nginx", () => {
    const c = startNginx();
    c.advance(200);
    c.fs.remove("/var/run/nginx.pid");
    const q = c.exec(["nginx", "-s", "quit"]);
    c.advance(1);
    expect(q.status()).toEqual({ code: 1 });
    expect(q.err()).toBe(
      'nginx: [error] open() "/var/run/nginx.pid" failed (2: No such file or directory)\n',
    );
  });

  it("exits 0 quickly on SIGTERM (fast shutdown)", () => {
    const c = startNginx();
    c.advance(200);
    c.ns.signal(1, "SIGTERM");
    c.advance(5);
    expect(c.exit()).toEqual({ code: 0 });
    expect(c.stderr()).toContain("signal 15 (SIGTERM) received, exiting\n");
  });

  it("daemonizes without `daemon off;`: the foreground process exits 0", () => {
    const img = image("nginx");
    const c = startContainer(img.buildRootfs(), ["nginx"], { env: { ...img.env } });
    c.advance(10);
    expect(c.exit()).toEqual({ code: 0 });
  });

  it("listens where a mounted config says", () => {
    const img = image("nginx:alpine");
    const root = img.buildRootfs();
    const c = startContainer(root, ["nginx", "-g", "daemon off;"], { env: { ...img.env } });
    c.fs.writeFile(
      "/etc/nginx/conf.d/default.conf",
      "server {\n  listen 8080;\n  location /healthz { return 200 'ok'; }\n  location / { root /usr/share/nginx/html; }\n}\n",
    );
    c.advance(200);
    expect(c.tcp(80)).toBe(false);
    expect(c.get(8080, "/healthz")).toMatchObject({ status: 200, body: "ok" });
    expect(c.get(8080, "/index.html")?.status).toBe(200);
  });

  it("runs a shell given as the entrypoint's arguments, through the shell's own `exec`", () => {
    // The entrypoint execs `sh`, which execs `cat`: the second exec once lost the process's
    // filesystem ("internal error … reading 'readFile'").
    const img = image("nginx:1.27");
    const c = startContainer(
      img.buildRootfs(),
      [...img.entrypoint, "sh", "-c", "echo hi > /tmp/x; exec cat /tmp/x"],
      { env: { ...img.env } },
    );
    c.advance(50);
    expect(c.stderr()).toBe("");
    expect(c.stdout()).toBe("hi\n");
    expect(c.exit()).toEqual({ code: 0 });
    expect(c.ns.argvOf(1)).toBeUndefined();
  });

  it("shows the exec'd program's command line as PID 1's", () => {
    const c = startNginx();
    c.advance(200);
    expect(c.ns.argvOf(1)).toEqual(["nginx", "-g", "daemon off;"]);
  });

  it("fails to start on a broken config with nginx's [emerg] line", () => {
    const img = image("nginx");
    const c = startContainer(img.buildRootfs(), ["nginx", "-g", "daemon off;"], { env: { ...img.env } });
    c.fs.writeFile("/etc/nginx/conf.d/default.conf", "server {\n  listen 80;\n");
    c.advance(200);
    expect(c.exit()).toEqual({ code: 1 });
    expect(c.stderr()).toBe(
      'nginx: [emerg] unexpected end of file, expecting "}" in /etc/nginx/conf.d/default.conf:3\n',
    );
  });

  it("answers the same frozen request again as it would anew, until a file changes", () => {
    const c = startNginx();
    c.advance(200);
    const headers = Object.freeze({ host: "web", "user-agent": "podlife-traffic/1.0", accept: "*/*" });
    const req: HttpRequest = Object.freeze({ method: "GET", path: "/", host: "web", port: 80, headers });
    const send = () => {
      const conn = connect(c.net, c.net.ip, 80);
      if (!conn.ok || !conn.listener.http) throw new Error("not listening");
      return conn.listener.http(req, 0);
    };
    expect(send().status).toBe(200);
    c.advance(1000);
    expect(send().status).toBe(200);
    const line =
      '10.244.0.1 - - [01/Jan/2025:00:00:01 +0000] "GET / HTTP/1.1" 200 615 "-" "podlife-traffic/1.0" "-"\n';
    expect(c.stdout().endsWith(line)).toBe(true);
    c.fs.remove("/usr/share/nginx/html/index.html");
    const gone = send();
    expect(gone.status).toBe(403);
    expect(c.stdout().endsWith(line.replace("200 615", `403 ${gone.body.length}`))).toBe(true);
  });
});
