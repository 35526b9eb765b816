// `kubectl exec` of a binary that is not in the image, on containerd (the CRI runtime Podlife
// models: container IDs are containerd://): the exec never starts, the API server returns an
// internal error and kubectl exits 1 — it is NOT `command terminated with exit code 126` (that was
// dockershim). Real output (containerd 1.6/1.7, kubectl 1.2x–1.3x), e.g. github.com/nigelpoulton/TheK8sBook#30:
//   error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "<64-hex exec id>": OCI runtime exec failed: exec failed: unable to start container process: exec: "ps": executable file not found in $PATH: unknown
export default (records, { rec, assert }) => {
  const r = rec(records, "exec shell -- nope");
  assert(r.exitCode === 1, `exit code ${r.exitCode}, want 1`);
  assert(
    /^error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "nope": executable file not found in \$PATH: unknown\n$/.test(r.stderr),
    `stderr ${JSON.stringify(r.stderr)}`,
  );
};
