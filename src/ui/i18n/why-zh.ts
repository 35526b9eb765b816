/**
 * 详情面板的简体中文（Kubernetes 与内核自己的消息原样放在“”中）：模拟器的 why 句子（按 `src/sim/timeline/reasons.ts` 的代码）与视图自己的标题、
 * 事实和 why 句子（按 `src/viz/details-text.ts` 的代码）。Kubernetes 术语、字段名、信号、事件原因与
 * kubectl/内核输出保持原样。缺少的代码回退到英文。
 */
import type { ProbeType } from "../../sim/timeline/types.ts";
import {
  type DetailsLanguage,
  detailsLanguage,
  type RsArgs,
  type ViewCatalog,
  type WhyCatalog,
} from "../../viz/details-text.ts";

const PROBE: Record<string, string> = { startup: "启动探针", liveness: "存活探针", readiness: "就绪探针" };
const probe = (p: ProbeType | string) => PROBE[p] ?? `${p} 探针`;

const RESULT: Record<string, string> = {
  success: "成功",
  failure: "失败",
  timeout: "超时",
  warning: "警告",
  error: "出错",
};
const result = (r: string) => RESULT[r] ?? r;

const field = (r: "success" | "failure") => (r === "failure" ? "failureThreshold" : "successThreshold");
const inARow = (r: "success" | "failure", run: number, threshold: number) =>
  `连续第 ${run} 次${result(r)}（${field(r)} ${threshold}）`;

const inPod = (pod: string | undefined) => (pod ? `Pod ${pod}` : "该 Pod");

const routed = (r: "ready" | "terminating") =>
  r === "ready"
    ? "kube-proxy 仍把它当作 ready 端点路由：端点的变化尚未传播"
    : "kube-proxy 把它当作正在终止的端点路由（已没有 ready 端点）";

const asPid1 = (program: string) => `作为 PID 1 的 \`${program}\` `;

/** 模拟器的 why 句子。 */
export const WHY_ZH: WhyCatalog = {
  "backoff.crashLoop": (a) =>
    `CrashLoopBackOff：kubelet 在该容器上次退出后等待 ${a.delay} 再重启它（退避时间从 10s 起翻倍，最长 5m）。`,
  "image.pulling": (a) =>
    a.policy === "Always"
      ? "imagePullPolicy 为 Always：每次启动容器前都拉取镜像。"
      : a.policy === "IfNotPresent"
        ? "imagePullPolicy 为 IfNotPresent：节点上还没有该镜像，因此拉取。"
        : `imagePullPolicy 为 ${a.policy}。`,
  "image.failed": (a) => `kubelet 未能获得镜像（${a.reason}）：“${a.message}”`,
  "start.failed": (a) => `容器未能启动：“${a.message}”`,
  "start.init": (a) => `Init 容器 ${a.container} 已启动。`,
  "start.restart": (a) => `${a.container} 的第 ${a.attempt} 次重启。`,
  "start.specOrder": () => "按 spec 中的顺序启动。",
  "hook.postStart": () =>
    "postStart 在容器启动后立即运行：在它返回之前，容器不会被报告为 Running，下一个容器也不会启动。",
  "hook.preStop": () => "kubelet 在发送停止信号之前运行 preStop；钩子所用的时间计入宽限期。",
  "kill.podDeleted": () => "Pod 已被删除：kubelet 在宽限期内停止每个容器。",
  "kill.podFailed": (a) =>
    a.reason === "DeadlineExceeded"
      ? "Pod 在节点上的运行时间超过了 activeDeadlineSeconds（DeadlineExceeded）：kubelet 停止它的容器。"
      : `Pod 失败（${a.reason}）：“${a.message}”。`,
  "kill.podFinished": () => "Pod 已结束：停止其余的容器。",
  "kill.imageChanged": (a) => `容器的镜像从 ${a.from} 改成了 ${a.to}，因此重启容器。`,
  "kill.probeFailed": (a) => `${probe(a.probe)}连续失败了 ${a.failureThreshold} 次。`,
  "kill.postStartFailed": () => "postStart 钩子失败。",
  "signal.stop": (a) => {
    const which = a.stopSignal === "SIGTERM" ? "默认的停止信号" : "镜像的 STOPSIGNAL";
    const effect =
      a.disposition === "handled"
        ? "为它设置了处理程序"
        : a.disposition === "ignored"
          ? "忽略它"
          : "没有处理程序，因此内核丢弃它（PID 1 只接收它设置了处理程序的信号）";
    return `向 PID 1 发送 ${a.signal}（${which}）：${asPid1(a.program)}${effect}；若 ${a.graceSeconds}s 后容器仍在运行，随后发送 SIGKILL。`;
  },
  "signal.kill": (a) => {
    const because =
      a.disposition === "handled"
        ? `处理了 ${a.stopSignal}，但没有退出`
        : a.disposition === "ignored"
          ? `忽略 ${a.stopSignal}`
          : `没有 ${a.stopSignal} 的处理程序，因此内核丢弃了该信号`;
    return `${a.graceSeconds}s 的宽限期结束时发送 SIGKILL：${asPid1(a.program)}${because}。`;
  },
  "exit.sigkill": () => "被 SIGKILL 杀死：退出码 137 = 128 + 9。",
  "exit.signal": (a) => `被 ${a.signal} 杀死：退出码 ${a.exitCode} = 128 + 信号编号。`,
  "exit.completed": (a) => `\`${a.command}\` 以 0 退出：原因为 Completed。`,
  "exit.error": (a) =>
    `${a.program ? `\`${a.program}\`` : "进程"} 以退出码 ${a.exitCode} 退出：原因为 Error。`,
  "ready.readinessProbe": () => "就绪探针成功。",
  "ready.afterStartup": () => "启动探针成功；由于没有就绪探针，容器从此刻起即为就绪。",
  "ready.noProbe": () => "没有就绪探针：容器运行后即为就绪。",
  "notReady.startup": () => "未就绪：等待启动探针（然后是就绪探针）成功。",
  "notReady.readiness": () => "未就绪：就绪探针尚未成功。",
  "probe.error": () => "探测程序本身出错：本次尝试不计入结果。",
  "probe.belowThreshold": (a) =>
    `${probe(a.probe)}：${inARow(a.result, a.run, a.threshold)}；达到 ${a.threshold} 次之前不会有变化。`,
  "probe.pastThreshold": (a) =>
    `${probe(a.probe)}：又一次${result(a.result)}（已达到 ${field(a.result)} ${a.threshold}）；结果仍为${result(a.result)}。`,
  "probe.started": (a) =>
    `${probe(a.probe)}：${inARow("success", a.run, a.threshold)}：容器被视为已启动，存活探针和就绪探针开始探测。`,
  "probe.ready": (a) => `${probe(a.probe)}：${inARow("success", a.run, a.threshold)}：容器变为就绪。`,
  "probe.live": (a) => `${probe(a.probe)}：${inARow("success", a.run, a.threshold)}：容器被视为存活。`,
  "probe.notReady": (a) =>
    `${probe(a.probe)}：${inARow("failure", a.run, a.threshold)}：容器变为未就绪（不会被重启）。`,
  "probe.restart": (a) =>
    `${probe(a.probe)}：${inARow("failure", a.run, a.threshold)}：kubelet 杀掉容器，并按重启策略重启它。`,
  "condition.reason": (a) => `${a.condition} 为 ${a.status}：${a.reason}。`,
  "endpoint.ready": () =>
    "在 Service 的 EndpointSlice 中为 ready：Pod 已就绪且不在终止中，新的连接可以发往它。",
  "endpoint.notReady": () =>
    "在 EndpointSlice 中但未就绪：Pod 的 Ready 状况为 False，kube-proxy 不向它发送流量。",
  "endpoint.servingTerminating": () =>
    "Pod 正在被删除：其端点的 ready 立即变为 false，而 serving 仍随就绪探针变化；只有在没有 ready 端点时 kube-proxy 才会使用它。",
  "endpoint.terminating": () => "Pod 正在被删除，且不再通过就绪探针：该端点既不是 ready 也不是 serving。",
  "proxy.programmed": (a) =>
    `kube-proxy 在 EndpointSlice 变化 ${a.delaySeconds} 秒后才按 ${a.state} 写入该端点的规则（端点传播延迟）。`,
  "traffic.noPort": (a) =>
    `Service "${a.service}" ${a.port !== undefined ? `没有端口 ${a.port}` : "没有任何端口"}：无处可连。`,
  "traffic.noService": (a) =>
    `kube-proxy 没有 Service "${a.service}" 的规则（它不存在，或它的创建尚未传播到 kube-proxy）。`,
  "traffic.noEndpoints": (a) =>
    `kube-proxy 没有 ${a.service}:${a.port} 的 ready 或 serving 端点（它的规则比 EndpointSlice 滞后一个传播延迟），因此拒绝了连接。`,
  "traffic.podGone": (a) => `Pod ${a.pod} 及其网络已经不存在，但 kube-proxy 仍把请求路由到它：移除尚未传播。`,
  "traffic.stoppedAccepting": (a) =>
    `${inPod(a.pod)} 中的 ${a.owner} 已停止接受新连接（收到停止信号后正在关闭），但 ${routed(a.routedAs)}。`,
  "traffic.notListening": (a) => `${inPod(a.pod)} 中没有进程监听端口 ${a.port}，但 ${routed(a.routedAs)}。`,
  "traffic.notHttp": (a) => `${a.endpoint} 上的 ${a.owner} 接受 TCP 连接，但不是 HTTP 服务。`,
  "traffic.reset": (a) =>
    `${inPod(a.pod)} 中的 ${a.owner} 在请求仍在进行时退出了（被杀死，或收到停止信号时没有等已打开的连接处理完）。`,
  "traffic.serverError": (a) => `${inPod(a.pod)} 中的 ${a.owner} 返回了 ${a.status}。`,
};

const CONTAINER_KIND: Record<string, string> = { init: "Init 容器", sidecar: "边车", regular: "应用容器" };

const SPAN_STATE: Record<string, string> = {
  pulling: "拉取镜像",
  waiting: "等待",
  created: "已创建",
  running: "运行",
  postStart: "postStart",
  preStop: "preStop",
  grace: "宽限期",
  backoff: "退避",
  terminated: "已终止",
};

const MARK: Record<string, string> = { Started: "已启动", Killing: "停止容器（Killing）" };
const mark = (label: string) => MARK[label] ?? label;

/** `版本 2，nginx:1.28`, or the ReplicaSet's name. */
const rsParts = (a: RsArgs) =>
  [a.revision !== undefined ? `版本 ${a.revision}` : a.name, a.image].filter(Boolean).join("，");
/** `版本 2（nginx:1.28）`, or the ReplicaSet's name. */
const rsLabel = (a: RsArgs) => {
  const rev = a.revision !== undefined ? `版本 ${a.revision}` : a.name;
  return a.image ? `${rev}（${a.image}）` : rev;
};
const whichRs = (a: RsArgs) =>
  a.age ? `${a.age === "new" ? "新" : "旧"} ReplicaSet（${rsParts(a)}）` : `ReplicaSet ${a.name}`;

const PROBE_CONSEQUENCE: Record<string, string> = {
  startup: "在它成功一次之前，存活探针和就绪探针都等待；连续 failureThreshold 次失败会重启容器",
  liveness: "连续 failureThreshold 次失败会使 kubelet 杀掉并重启容器",
  readiness: "失败会把 Pod 从其 Service 的端点中移出，直到探针再次通过",
};

/** 视图自己的标题、事实与 why 句子。 */
export const VIEW_ZH: ViewCatalog = {
  "heading.span": (a) => {
    if (a.kind === "pulling") return "拉取镜像";
    if (a.kind === "created") return "已创建";
    if (a.kind === "running") return a.ready === "true" ? "运行中（就绪）" : "运行中（未就绪）";
    if (a.kind === "grace") return a.label.replace(/^grace /, "宽限期 ");
    if ((a.kind === "preStop" || a.kind === "postStart") && a.label.endsWith(" failed"))
      return `${a.kind} 失败`;
    if (a.kind === "terminated" && a.reason && a.exitCode !== undefined)
      return `${a.reason}（exit ${a.exitCode}）`;
    return a.label;
  },
  "heading.mark": (a) => mark(a.label),
  "heading.probe": (a) => `${probe(a.probe)}${result(a.result)}`,
  "heading.podLane": (a) => `${a.lane}：${a.value}`,
  "heading.replicas": (a) => `${rsLabel(a)}：${a.current} 个中 ${a.ready} 个就绪`,
  "heading.traffic": (a) => `${a.ok} 个成功，${a.failed} 个失败`,
  "heading.failure": (a) => `请求失败：${a.detail}`,
  "heading.condition": (a) => `${a.type} ${a.status}：${a.reason}`,

  "fact.reason": (a) => `原因：${a.reason}`,
  "fact.exitCode": (a) => `退出码：${a.exitCode}`,
  "fact.ready": (a) => `就绪：${a.ready === "true" ? "是" : "否"}`,
  "fact.took": (a) => `耗时 ${a.duration}`,
  "fact.output": (a) => `输出：${a.output}`,
  "fact.scalingEvent": () => "Deployment 控制器发出的 ScalingReplicaSet 事件",
  "fact.desired": (a) => `期望 ${a.n}`,
  "fact.current": (a) => `当前 ${a.n}`,
  "fact.readyCount": (a) => `就绪 ${a.n}`,
  "fact.available": (a) => `可用 ${a.n}`,
  "fact.outcome": (a) => `结果：${a.outcome}`,
  "fact.endpoint": (a) => `端点 ${a.endpoint}`,
  "fact.message": (a) => `消息：“${a.message}”`,

  "why.span": (a) =>
    `容器 ${a.container}（${CONTAINER_KIND[a.containerKind] ?? a.containerKind}）处于${SPAN_STATE[a.kind] ?? a.kind}状态。`,
  "why.mark": (a) => `容器 ${a.container}：${mark(a.label)}。`,
  "why.podLane": (a) => `Pod ${a.pod} 从 ${a.from} 起 ${a.lane} 为 ${a.value}。`,
  "why.probe": (a) => {
    const verb =
      a.result === "success" ? "通过" : a.result === "timeout" ? "超时（按失败计）" : result(a.result);
    return `${probe(a.probe)}${verb}：${PROBE_CONSEQUENCE[a.probe] ?? ""}。`;
  },
  "why.traffic.failed": (a) =>
    `这一秒发往 Service ${a.service} 的 ${a.sent} 个请求中有 ${a.failed} 个失败：选择流量条下方的红色标记查看原因。`,
  "why.traffic.ok": (a) => `这一秒发往 Service ${a.service} 的请求全部成功。`,
  "why.replicas.creating": (a) =>
    `ReplicaSet ${a.rs} 有 ${a.current} 个 Pod，期望 ${a.desired} 个：ReplicaSet 控制器正在创建缺少的 ${a.desired - a.current} 个。`,
  "why.replicas.deleting": (a) =>
    `ReplicaSet ${a.rs} 有 ${a.current} 个 Pod，期望 ${a.desired} 个：多出的 ${a.current - a.desired} 个正在被删除（正在终止的 Pod 不再计入）。`,
  "why.replicas.notReady": (a) =>
    `ReplicaSet ${a.rs} 有 ${a.current} 个 Pod，期望 ${a.desired} 个；其中 ${a.notReady} 个尚未就绪（正在启动，或未通过就绪探针），因此不计为可用。`,
  "why.replicas.allReady": (a) =>
    `ReplicaSet ${a.rs} 有 ${a.current} 个 Pod，期望 ${a.desired} 个，全部就绪。`,
  "why.step.other": (a) => `Deployment 控制器更改了某个 ReplicaSet 的副本数（${a.message}）。`,
  "why.step.created": (a) => `Deployment 已创建：它的第一个 ReplicaSet 扩容到 ${a.to} 个副本。`,
  "why.step.recreateUp": (a) =>
    `把${whichRs(a)}扩容到 ${a.to}：使用 Recreate 时，新 Pod 要等所有旧 Pod 都消失后才会创建。`,
  "why.step.rollingUp": (a) => {
    const surge =
      a.maxSurge !== undefined
        ? `${a.desired + a.maxSurge} 个 Pod（${a.desired} + maxSurge ${a.maxSurge}）`
        : `${a.desired} + maxSurge 个 Pod`;
    return `把${whichRs(a)}从 ${a.from} 扩容到 ${a.to}：滚动更新最多可同时运行 ${surge}，新 Pod 必须通过就绪检查，旧 Pod 才会被移除。`;
  },
  "why.step.recreateDown": (a) =>
    `立即把${whichRs(a)}缩容到 0：Recreate 策略先停止所有旧 Pod 再创建新 Pod，因此中间没有任何 Pod 提供服务。`,
  "why.step.rollingDown": (a) => {
    const floor =
      a.maxUnavailable !== undefined
        ? `${Math.max(0, a.desired - a.maxUnavailable)} 个（${a.desired} − maxUnavailable ${a.maxUnavailable}）`
        : `${a.desired} − maxUnavailable 个`;
    return `把${whichRs(a)}从 ${a.from} 缩容到 ${a.to}：当时有 ${a.available} 个 Pod 可用，滚动更新在移除旧 Pod 时至少保持 ${floor}可用。`;
  },
  "why.condition.progressDeadline": () =>
    "滚动更新在 progressDeadlineSeconds 内没有任何进展（没有更多已更新、就绪或可用的 Pod，旧 Pod 也没有减少）：Deployment 控制器将其标记为失败，但保持 Pod 原样；`kubectl rollout status` 以 1 退出。",
  "why.condition": (a) => `${a.type} 变为 ${a.status}（${a.reason}）：“${a.message}”`,
};

/** 详情面板的中文。 */
export const DETAILS_ZH: DetailsLanguage = detailsLanguage(WHY_ZH, VIEW_ZH);
