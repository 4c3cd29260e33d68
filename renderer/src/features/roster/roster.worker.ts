// Reads and checks a roster off the main thread, so a 5,000-row file never freezes the window.
import { handleRosterRequest, type RosterRequest, type RosterResponse, type RosterWorkerState } from '../../lib/roster/protocol';

// The renderer compiles with DOM types: describe the little of a worker's global scope used here.
interface WorkerScope {
  onmessage: ((event: MessageEvent<RosterRequest>) => void) | null;
  postMessage(message: RosterResponse): void;
}

const scope = self as unknown as WorkerScope;
const state: RosterWorkerState = {};

scope.onmessage = (event) => {
  void handleRosterRequest(state, event.data, (response) => scope.postMessage(response));
};
