// What every route needs from the running server.
import type { Db } from './db/adapter';
import type { ChangeOrder } from './sync/changelog';
import type { ChangeHub } from './sync/hub';

export interface ServerContext {
  db: Db;
  /** The server's version, from package.json. */
  version: string;
  minClientVersion: string;
  sessionDays: number;
  changeOrder: ChangeOrder;
  beforeCommit: (() => Promise<void>) | undefined;
  hub: ChangeHub;
  /** When each device was last recorded as seen, so requests do not write it every time. */
  deviceTouches: Map<string, { at: number; version: string }>;
}
