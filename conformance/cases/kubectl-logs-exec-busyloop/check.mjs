// kubectl logs (current and --previous instance, container validation), kubectl exec exit codes
// (`command terminated with exit code N`, stdout/stderr passed through), and a busy shell loop
// that never sleeps: it burns CPU but the pod stays Running and exec still works.
// Sources: staging/src/k8s.io/kubectl/pkg/cmd/exec/exec.go (CodeExitError → `command terminated
// with exit code %d`, kubectl exits with that code), pkg/kubelet/kuberuntime/kuberuntime_logs
// + pkg/kubelet/kubelet_pods.go validateContainerLogStatus (`previous terminated container %q in
// pod %q not found`, BadRequest), staging/src/k8s.io/kubectl/pkg/polymorphichelpers/logsforobject.go
// (`container %s is not valid for pod %s`), busybox cat (`cat: can't open '%s': No such file or
// directory`).
export default (records, { rec, table, assert }) => {
  const r = (cmd, n = 0) => rec(records, cmd, n);
  const noPrev = r("logs crashy --previous", 0);
  assert(noPrev.exitCode === 1, `--previous before any restart exits 1, got ${noPrev.exitCode}`);
  assert(noPrev.stderr.trim() === 'Error from server (BadRequest): previous terminated container "app" in pod "crashy" not found', noPrev.stderr);
  const cur = rec(records, "kubectl logs crashy", 1);
  assert(cur.command === "kubectl logs crashy" && cur.stdout === "starting\nboom\n", `current logs ${JSON.stringify(cur.stdout)}`);
  const prev = r("logs crashy --previous", 1);
  assert(prev.exitCode === 0 && prev.stdout === "starting\nboom\n", `previous logs ${JSON.stringify(prev.stdout)}`);
  const p2 = r("logs crashy -c app -p");
  assert(p2.exitCode === 0 && p2.stdout === "starting\nboom\n", "-c app -p");
  const bad = r("logs crashy -c nope");
  assert(bad.exitCode === 1 && bad.stderr.trim() === "error: container nope is not valid for pod crashy", bad.stderr);

  const e3 = r('exec shell -- sh -c "exit 3"');
  assert(e3.exitCode === 3, `exec exit code ${e3.exitCode}`);
  assert(e3.stdout === "" && e3.stderr.trim() === "command terminated with exit code 3", `stderr ${JSON.stringify(e3.stderr)}`);
  const eo = r('exec shell -- sh -c "echo hi; echo err >&2"');
  assert(eo.exitCode === 0 && eo.stdout === "hi\n" && eo.stderr === "err\n", `exec output ${JSON.stringify([eo.stdout, eo.stderr])}`);
  const ec = r("exec shell -- cat /nope");
  assert(ec.exitCode === 1, `cat exit ${ec.exitCode}`);
  assert(ec.stderr === "cat: can't open '/nope': No such file or directory\ncommand terminated with exit code 1\n", JSON.stringify(ec.stderr));

  const row = table(r("get pods")).find((x) => x.NAME === "shell");
  assert(row.STATUS === "Running" && row.READY === "1/1" && row.RESTARTS === "0", `busy loop pod ${JSON.stringify(row)}`);
  const still = r("exec shell -- echo still-responsive");
  assert(still.exitCode === 0 && still.stdout === "still-responsive\n", "exec into the busy-looping container still works");
  const dur = (still.endMs - still.atMs) / 1000;
  assert(dur < 2, `exec into the busy container took ${dur} s`);
};
