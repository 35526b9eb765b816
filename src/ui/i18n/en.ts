/**
 * The interface's English strings: the message catalog every other language follows (its keys and
 * parameter types are the `Messages` type). Kubernetes words that kubectl prints (Pod, Running,
 * SIGTERM, event reasons) are not UI strings and stay as they are in every language.
 */
export const en = {
  tagline: "what Kubernetes does with your Pod, second by second",
  example: "Example",
  yourScenario: "(your scenario)",
  embedView: "Embed view",
  theme: "Theme",
  themeSystem: "System",
  themeLight: "Light",
  themeDark: "Dark",
  scenarioPane: "Scenario",
  simulationPane: "Simulation",
  linkErrorShowing: (local: boolean) =>
    local ? "Showing your saved work." : "Showing the default scenario.",
  embedLinkErrorShowing: "Showing the default scenario.",
  sharePromptText:
    "This link holds a different scenario from the work saved in this browser, which is shown for now. Your work stays saved either way.",
  sharePromptOpen: "Open the shared scenario",
  keepMyWork: "Keep my work",
  examplePromptText: (title: string) =>
    `Open the example “${title}”? It replaces your edited scenario in the editor; your work stays saved in this browser and comes back with “Undo”.`,
  examplePromptOpen: "Open the example",
  exampleUndo: "Undo: back to my work",
  openInPlayground: "Open in playground ↗",
  simulating: "Simulating…",
  errorsLastGood: "The scenario has errors: showing the last good run.",
  errors: "The scenario has errors.",
  runSummary: (pods: number, end: string, ms: string) =>
    `${pods} pod${pods === 1 ? "" : "s"}, 0s → ${end} of virtual time, simulated${ms ? ` in ${ms} ms` : ""}.`,
  playback: "Playback",
  play: "Play",
  pause: "Pause",
  playTitle: "Play or pause (Space)",
  previousEvent: "Previous event",
  nextEvent: "Next event",
  speed: "Playback speed",
  playheadTime: "Playhead time",
  jumpPlaceholder: "jump to 1m30s",
  jumpLabel: "Jump to time",
  selection: "Selection",
  /** Where a selected workload item is: its pod. */
  inPod: (name: string) => `pod ${name}`,
  selectHint:
    "Select a bar, a mark or a probe tick (click, or focus the swimlanes and use the arrow keys) to see why it happened.",
  gallery: "Gallery",
  closeGallery: "Close the gallery",
  fromTutorial: "From the tutorial",
  oneConcept: "One concept each",
  underLoad: "Deployments under load",
  share: "Share",
  copyLink: "Copy link",
  copyEmbed: "Copy embed code",
  copyMarkdown: "Copy Markdown",
  copied: "Copied",
  copyFailed: "Select the text and copy it",
  linkLabel: "Link to this scenario and view",
  embedLabel: "Embed code (an iframe for a blog post)",
  markdownLabel: "Markdown (the exported SVG, linked to the scenario)",
  exportSvg: "Export SVG",
  exportPng: "Export PNG",
  close: "Close",
  problems: "Problems",
  consoleHint: "Commands run against the cluster at the playhead, e.g.",
  consoleOutput: "kubectl output",
  problemsNone: "none",
  problemsCount: (errors: number, others: number) =>
    `${errors} error${errors === 1 ? "" : "s"}, ${others} other`,
  problemSeverity: (severity: string) => `${severity}`,
  problemDocument: (n: number) => `document ${n}`,
  tabEvents: "Events",
  tabPodStatus: "Pod status",
  panels: "Panels",
  eventsScopeAll: "Events of all objects by the playhead (select an item to narrow this down).",
  eventsScopePod: (pod: string, container: string) =>
    container
      ? `Events of pod ${pod}, container ${container} by the playhead.`
      : `Events of pod ${pod} by the playhead.`,
  noEvents: "No events.",
  noPods: "No pods in this scenario.",
  recordActions: "record actions",
  recordActionsTitle: "Add actions (delete, exec, …) to the scenario's timeline",
  swimlanesKeys:
    "Swimlanes. W and S zoom, A and D pan, F fits, arrow keys, Home and End move the selection, Enter moves the playhead to it, Escape clears it.",
  compare: "Compare",
  compareTitle: "Copy this scenario into variant B and show both on one time axis",
  variants: "Variants",
  /** The tabs' titles when the Compare button copies the scenario (they travel in its links). */
  variantOriginal: "original",
  variantCopy: "changed copy",
  variantErrors: "errors",
  variantFailed: (n: number) => `${n} failed`,
  stopComparing: "Stop comparing",
  stopComparingTitle: "Keep only the variant in the editor",
  swimlanesImage: "Swimlanes: what each container of each pod does over virtual time",
} as const;

/** The catalog's shape: every language gives each key a value of the same type. */
export type Messages = {
  [K in keyof typeof en]: (typeof en)[K] extends (...args: infer A) => string
    ? (...args: A) => string
    : string;
};
