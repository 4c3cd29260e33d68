// One LISTEN per server process, fanned out to the open event streams. Notices come through
// PostgreSQL even from this process, so every server on a database hears every write.
import type { Db } from '../db/adapter';
import { CHANGES_CHANNEL, decodeNotice, type ChangeNotice } from './notice';

export type HubEvent = { kind: 'notice'; notice: ChangeNotice } | { kind: 'reset' };

export interface HubSubscriber {
  onEvent(event: HubEvent): void;
  /** The server is stopping: end the stream. */
  onShutdown(): void;
}

export class ChangeHub {
  private readonly subscribers = new Set<HubSubscriber>();
  private stopListening: (() => Promise<void>) | undefined;

  async start(db: Db): Promise<void> {
    this.stopListening = await db.listen(
      CHANGES_CHANNEL,
      (payload) => {
        const notice = decodeNotice(payload);
        // A notice we cannot read still means something changed: everyone pulls again.
        this.emit(notice ? { kind: 'notice', notice } : { kind: 'reset' });
      },
      () => this.emit({ kind: 'reset' }),
    );
  }

  subscribe(subscriber: HubSubscriber): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  async close(): Promise<void> {
    for (const subscriber of [...this.subscribers]) subscriber.onShutdown();
    this.subscribers.clear();
    await this.stopListening?.();
  }

  private emit(event: HubEvent): void {
    for (const subscriber of [...this.subscribers]) subscriber.onEvent(event);
  }
}
