/**
 * The simulator's Web Worker: a thin adapter that answers each posted message with a message
 * handler (see `protocol.ts` for the messages), its timelines packed (`timeline-transfer.ts`). The handler keeps the kubectl console's simulation.
 * Messages are answered one at a time, in the order they came: a request that waits for the kubectl
 * emulator to load holds the ones behind it, as a long simulation does.
 */
import { createMessageHandler } from "./handle-message.ts";
import { encodeReply } from "./timeline-transfer.ts";

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = createMessageHandler();
let queue: Promise<void> = Promise.resolve();

scope.onmessage = (e: MessageEvent<unknown>) => {
  queue = queue.then(async () => {
    const { message, transfer } = encodeReply(await handle(e.data));
    scope.postMessage(message, transfer);
  });
};
