/**
 * The simulator's Web Worker: a thin adapter that answers each posted message with a message
 * handler (see `protocol.ts` for the messages). The handler keeps the kubectl console's simulation.
 */
import { createMessageHandler } from "./handle-message.ts";

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = createMessageHandler();

scope.onmessage = (e: MessageEvent<unknown>) => {
  scope.postMessage(handle(e.data));
};
