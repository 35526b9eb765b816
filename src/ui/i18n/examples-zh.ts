/** 示例库中各示例的中文标题与简介（按示例 id）。YAML、命令与 Kubernetes 术语保持原样。 */
import type { ExampleText } from "./example-text.ts";

export const EXAMPLES_ZH: Readonly<Record<string, ExampleText>> = {
  "init-pod": {
    title: "Init 容器与共享卷",
    summary: [
      "Init 容器向 emptyDir 卷写入一个文件，随后由 nginx 提供该文件。",
      "只有在 Init 容器以 exit 0 完成后，才会拉取 nginx 的镜像。",
    ],
  },
  "liveness-exec": {
    title: "存活探针（exec）",
    summary: [
      "busybox 在 30 秒后删除 /tmp/healthy，于是 `cat /tmp/healthy` 开始失败。",
      "连续三次失败：kubelet 杀掉容器、重启它，然后进入退避。",
    ],
  },
  gracestop: {
    title: "preStop 钩子与优雅停止",
    summary: [
      "两个带 preStop 钩子的 Pod：`nginx -s quit`，以及写入节点 /tmp 的一条消息。",
      "在控制台删除其中一个（`kubectl delete pod hook-demo3`），看钩子先运行。",
    ],
  },
  "sidecar-order": {
    title: "边车容器的启动与停止顺序",
    summary: [
      "边车（restartPolicy: Always 的 Init 容器）先于应用容器启动……",
      "……删除时，要等应用退出后才停止它。",
    ],
  },
  "startup-probe": {
    title: "启动探针把关存活探针",
    summary: [
      "应用需要 45 秒启动；在此之前启动探针失败，这没有问题。",
      "存活探针（failureThreshold 1）在启动探针通过后才开始。",
    ],
  },
  crashloop: {
    title: "CrashLoopBackOff 曲线",
    summary: [
      "一个启动两秒后以 exit 1 退出的容器，由 kubelet 重启。",
      "每次等待翻倍——10 秒、20 秒、40 秒、80 秒、160 秒——最多五分钟。",
    ],
  },
  "prestop-grace": {
    title: "preStop 与宽限期",
    summary: [
      "preStop 钩子需要 40 秒，但 terminationGracePeriodSeconds 是 30。",
      "钩子被截断：停止信号在还剩 2 秒时发出，随后是 SIGKILL。",
    ],
  },
  "pid1-sigterm": {
    title: "忽略 SIGTERM 的 PID 1",
    summary: [
      "两个作为 PID 1 的 shell，在 20 秒时删除：一个没有 trap，一个有 `trap 'exit 0' TERM`。",
      "没有处理程序时 SIGTERM 不起作用；30 秒后 SIGKILL 以 exit 137 结束它。",
    ],
  },
  imagepullbackoff: {
    title: "ImagePullBackOff",
    summary: [
      "一个不存在的镜像标签：每次拉取都以 ErrImagePull 失败。",
      "kubelet 以翻倍的退避重试，容器在 ImagePullBackOff 中等待。",
    ],
  },
};
