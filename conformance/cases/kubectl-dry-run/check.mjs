// --dry-run=client prints what kubectl would send (the generator's object with its empty structs,
// no creationTimestamp since v1.34) or the usual line with " (dry run)"; --dry-run=server goes to
// the API server and prints " (server dry run)". Nothing is created, deleted, scaled or rolled.
export default (records, { rec, assert, table }) => {
  const yaml = rec(records, "--dry-run=client -o yaml");
  const want = [
    "apiVersion: apps/v1",
    "kind: Deployment",
    "metadata:",
    "  labels:",
    "    app: api",
    "  name: api",
    "spec:",
    "  replicas: 3",
    "  selector:",
    "    matchLabels:",
    "      app: api",
    "  strategy: {}",
    "  template:",
    "    metadata:",
    "      labels:",
    "        app: api",
    "    spec:",
    "      containers:",
    "      - image: nginx",
    "        name: nginx",
    "        resources: {}",
    "status: {}",
    "",
  ].join("\n");
  assert(yaml.exitCode === 0 && yaml.stdout === want, JSON.stringify(yaml));
  const lines = [
    ["create deployment api --image=nginx --dry-run=server", "deployment.apps/api created (server dry run)\n"],
    ["run box", "pod/box created (dry run)\n"],
    ["delete deployment web --dry-run=client", 'deployment.apps "web" deleted from default namespace (dry run)\n'],
    ["delete deployment web --dry-run=server", 'deployment.apps "web" deleted from default namespace (server dry run)\n'],
    ["scale deployment/web", "deployment.apps/web scaled (server dry run)\n"],
    ["set image", "deployment.apps/web image updated (dry run)\n"],
  ];
  for (const [needle, stdout] of lines) {
    const r = rec(records, needle);
    assert(r.exitCode === 0 && r.stdout === stdout && r.stderr === "", `${needle}: ${JSON.stringify(r)}`);
  }
  const bad = rec(records, "--dry-run=sometimes");
  assert(
    bad.exitCode === 1 && bad.stderr === 'error: Invalid dry-run value (sometimes). Must be "none", "server", or "client".\n',
    JSON.stringify(bad),
  );
  const deployments = table(rec(records, "get deployments"));
  assert(
    deployments.length === 1 && deployments[0].NAME === "web" && deployments[0].READY === "2/2",
    JSON.stringify(deployments),
  );
  const pods = table(rec(records, "get pods"));
  assert(pods.length === 2 && pods.every((p) => p.NAME.startsWith("web-766486c5b6-")), JSON.stringify(pods));
};
