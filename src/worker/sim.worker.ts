/**
 * The simulator's Web Worker: a thin adapter that answers each posted message with
 * `handleMessage` (see `protocol.ts` for the messages).
 */
import { handleMessage } from "./handle-message.ts";

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (e: MessageEvent<unknown>) => {
  scope.postMessage(handleMessage(e.data));
};
