// The page's side of the roster worker: one request at a time, answered as a promise.
import type { RosterKind, RosterMapping } from '../../lib/roster/fields';
import type { RosterContext } from '../../lib/roster/places';
import type { RosterErrorCode, RosterRequest, RosterResponse } from '../../lib/roster/protocol';
import type { RosterResult } from '../../lib/roster/validate';

export type ReadSheet = Extract<RosterResponse, { type: 'read' }>;

export class RosterWorkerError extends Error {
  constructor(readonly code: RosterErrorCode) {
    super(code);
    this.name = 'RosterWorkerError';
  }
}

interface Waiting {
  resolve: (response: RosterResponse) => void;
  reject: (error: Error) => void;
  onProgress?: (done: number, total: number) => void;
}

export class RosterWorkerClient {
  private readonly worker = new Worker(new URL('./roster.worker.ts', import.meta.url), { type: 'module' });
  private waiting: Waiting | undefined;

  constructor() {
    this.worker.onmessage = (event: MessageEvent<RosterResponse>) => {
      const response = event.data;
      const waiting = this.waiting;
      if (!waiting) return;
      if (response.type === 'progress') {
        waiting.onProgress?.(response.done, response.total);
        return;
      }
      this.waiting = undefined;
      if (response.type === 'error') waiting.reject(new RosterWorkerError(response.code));
      else waiting.resolve(response);
    };
    this.worker.onerror = () => {
      const waiting = this.waiting;
      this.waiting = undefined;
      waiting?.reject(new RosterWorkerError('failed'));
    };
  }

  private ask(request: RosterRequest, transfer: Transferable[] = [], onProgress?: Waiting['onProgress']): Promise<RosterResponse> {
    // A new request replaces one still running: its answer is no longer wanted.
    this.waiting?.reject(new RosterWorkerError('failed'));
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject, ...(onProgress && { onProgress }) };
      this.worker.postMessage(request, transfer);
    });
  }

  async read(kind: RosterKind, bytes: ArrayBuffer): Promise<ReadSheet> {
    const response = await this.ask({ type: 'read', kind, bytes }, [bytes]);
    if (response.type !== 'read') throw new RosterWorkerError('failed');
    return response;
  }

  async validate(mapping: RosterMapping, context: RosterContext, onProgress: (done: number, total: number) => void): Promise<RosterResult> {
    const response = await this.ask({ type: 'validate', mapping, context }, [], onProgress);
    if (response.type !== 'validated') throw new RosterWorkerError('failed');
    return response.result;
  }

  terminate(): void {
    this.waiting = undefined;
    this.worker.terminate();
  }
}
