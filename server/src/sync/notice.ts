// What one committed write tells the live streams, sent through PostgreSQL NOTIFY so that every
// server process on the database hears it. Small: the keys touched, never document content.
import { isCollectionName, type CollectionName } from '@domain/collections';

export const CHANGES_CHANNEL = 'sync_changes';

/** NOTIFY payloads must stay under 8000 bytes; above this a notice says only "something changed". */
const MAX_PAYLOAD = 7000;

export type ChangeNotice =
  | {
      type: 'docs';
      streetId: string;
      collection: CollectionName;
      seq: number;
      /** Communities and compounds of the written documents, before and after the write. */
      communityIds: string[];
      compoundIds: string[];
      /** A written document had no community (street-level), before or after. */
      streetLevel: boolean;
      /** Too many keys to list: every reader of the collection in the street should look. */
      everything?: boolean;
    }
  | { type: 'account'; userId: string };

export function encodeNotice(notice: ChangeNotice): string {
  const payload = JSON.stringify(notice);
  if (payload.length <= MAX_PAYLOAD || notice.type !== 'docs') return payload;
  return JSON.stringify({ ...notice, communityIds: [], compoundIds: [], everything: true } satisfies ChangeNotice);
}

/** The notice in a payload, or null when it cannot be understood (the listener then resyncs). */
export function decodeNotice(payload: string): ChangeNotice | null {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (v.type === 'account' && typeof v.userId === 'string') return { type: 'account', userId: v.userId };
  if (v.type !== 'docs' || typeof v.streetId !== 'string' || typeof v.seq !== 'number') return null;
  if (typeof v.collection !== 'string' || !isCollectionName(v.collection)) return null;
  if (!isStringArray(v.communityIds) || !isStringArray(v.compoundIds)) return null;
  return {
    type: 'docs',
    streetId: v.streetId,
    collection: v.collection,
    seq: v.seq,
    communityIds: v.communityIds,
    compoundIds: v.compoundIds,
    streetLevel: v.streetLevel === true,
    everything: v.everything === true,
  };
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
