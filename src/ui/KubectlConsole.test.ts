import { describe, expect, it } from "vitest";
import { isAction, normalizeCommand } from "./KubectlConsole.tsx";

describe("kubectl console", () => {
  it("adds the kubectl a user leaves out", () => {
    expect(normalizeCommand("get pods")).toBe("kubectl get pods");
    expect(normalizeCommand(" kubectl get pods ")).toBe("kubectl get pods");
    expect(normalizeCommand("kubectl")).toBe("kubectl");
  });

  it.each([
    ["kubectl delete pod web", true],
    ["kubectl -n default delete pod web", true],
    ["kubectl exec web -- ls /", true],
    ["kubectl set image deployment/web nginx=nginx:1.28", true],
    ["kubectl rollout restart deployment/web", true],
    ["kubectl rollout status deployment/web", false],
    ["kubectl get pods", false],
    ["kubectl describe pod web", false],
    ["kubectl logs web", false],
  ])("%s is an action: %s", (line, action) => {
    expect(isAction(line)).toBe(action);
  });
});
