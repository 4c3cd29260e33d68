// The messages between a test and a device worker (device.ts ↔ device-worker.ts).
import type { CollectionName } from '@domain/collections';
import type { DeviceConfig } from './device-core';

export interface DeviceWorkerData {
  /** Milliseconds this device's clock runs ahead (positive) or behind (negative). */
  clockOffsetMs?: number;
}

type Requests =
  | { op: 'start'; config: DeviceConfig }
  | { op: 'edit'; collection: CollectionName; id: string; fields: Record<string, unknown> }
  | { op: 'create'; collection: CollectionName; doc: Record<string, unknown> }
  | { op: 'remove'; collection: CollectionName; id: string }
  | { op: 'online'; online: boolean }
  | { op: 'syncNow' }
  | { op: 'status' }
  | { op: 'dump'; collections: CollectionName[] }
  | { op: 'conflicts' }
  | { op: 'clock'; offsetMs: number }
  | { op: 'now' }
  /** Turns capturing of push request bodies on or off; answers (and forgets) what was captured. */
  | { op: 'capture'; on: boolean }
  /** The next `count` pushes are each delivered twice, at once; answers how many were so far. */
  | { op: 'duplicatePushes'; count: number }
  | { op: 'close' };

export type DeviceRequest = Requests & { seq: number };

export type DeviceReply = { seq: number; ok: true; value: unknown } | { seq: number; ok: false; error: string } | { ready: true };
