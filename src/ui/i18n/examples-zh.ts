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
  "rollout-prestop": {
    title: "零停机滚动更新（及其有缺陷的孪生版本）",
    summary: [
      "A：5 秒的 preStop sleep 长于 kube-proxy 的 2 秒延迟——滚动更新期间 0 个失败请求。",
      "B：同样的配置但没有 preStop——nginx 立即停止，而 kube-proxy 仍把请求发给它。",
    ],
  },
  "rollout-no-prestop": {
    title: "没有 preStop 的滚动更新：被拒绝的请求",
    summary: [
      "单独的缺陷版本：每个旧 Pod 的 nginx 在 kube-proxy 跟上之前就因 SIGTERM 退出。",
      "选择流量条下方的红色标记，查看被拒绝的请求、它的 Pod 以及原因。",
    ],
  },
  "maxsurge-zero": {
    title: "maxSurge 0 与 maxUnavailable 0",
    summary: [
      "既不能增加 Pod 也不能减少 Pod 的滚动更新永远无法推进。",
      "API server 拒绝该 Deployment：在编辑器下方对应字段处查看消息。",
    ],
  },
  "progress-deadline": {
    title: "卡在失败就绪探针上的滚动更新",
    summary: [
      "版本 2 始终无法通过就绪检查：一个新 Pod 处于未就绪，旧的三个继续提供服务。",
      "50 秒时 progressDeadlineSeconds（30）耗尽：`kubectl rollout status deployment/shop` 失败。",
    ],
  },
  recreate: {
    title: "Recreate 与 RollingUpdate 对比",
    summary: [
      "A：Recreate 先停止所有旧 Pod——期间每个请求都因没有端点而失败。",
      "B：RollingUpdate 在 Service 后面一次替换几个——没有任何失败。",
    ],
  },
};
