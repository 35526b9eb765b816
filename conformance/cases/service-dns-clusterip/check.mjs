// Service names resolve to the cluster IP; the connection lands on a pod's target port (80) and
// nginx logs the client pod's address; no endpoints → refused; unknown name → bad address.
export default (records, { rec, assert }) => {
  const ok = rec(records, "wget -qO- http://web:8080/");
  assert(ok.exitCode === 0 && ok.stdout.includes("<title>Welcome to nginx!</title>"), JSON.stringify(ok));
  const ip = rec(records, "jsonpath={.spec.clusterIP}").stdout;
  assert(/^10\.96\.\d+\.\d+$/.test(ip), `cluster IP ${ip}`);
  const fqdn = rec(records, "web.default.svc.cluster.local");
  assert(fqdn.exitCode === 0, JSON.stringify(fqdn));
  assert(fqdn.stderr.includes(`Connecting to web.default.svc.cluster.local:8080 (${ip}:8080)`), fqdn.stderr);
  const empty = rec(records, "http://empty/");
  assert(empty.exitCode === 1 && /wget: can't connect to remote host \(10\.96\.\d+\.\d+\): Connection refused/.test(empty.stderr), empty.stderr);
  const nope = rec(records, "http://nope/");
  assert(nope.exitCode === 1 && nope.stderr.includes("wget: bad address 'nope'"), nope.stderr);
  const client = rec(records, "jsonpath={.status.podIP}").stdout;
  const logs = rec(records, "logs deploy/web").stdout;
  assert(logs.includes(`${client} - - [`) && logs.includes('"GET / HTTP/1.1" 200 615 "-" "Wget"'), logs);
};
