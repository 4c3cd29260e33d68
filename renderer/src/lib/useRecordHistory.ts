// A record's audit trail from the server (online only), newest first, with what each write changed.
import { useCallback, useEffect, useState } from 'react';
import type { AnyDoc, CollectionName } from '@domain/collections';
import type { HistoryAction, HistoryEntry } from '@domain/contract';
import { deepEqual } from '@domain/merge';
import { APP_VERSION } from '../desktop/version';
import { useSessionStore } from '../session/store';
import { ApiError, createApiClient } from '../sync/api';
import { isOnline, useSyncStatus } from '../sync/status';

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

/** The fields one write changed (the tombstone flag aside: the action says that). */
export function changedFields(before: AnyDoc | null, after: AnyDoc): FieldChange[] {
  if (!before) return [];
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((field) => field !== '_deleted' && field !== 'id');
  return fields.filter((field) => !deepEqual(before[field], after[field])).map((field) => ({ field, from: before[field], to: after[field] }));
}

/** For servers that answer without `action`. */
export function actionOf(entry: HistoryEntry): HistoryAction {
  if (entry.action) return entry.action;
  if (entry.after._deleted) return 'deleted';
  if (!entry.before) return 'created';
  return entry.before._deleted ? 'restored' : 'updated';
}

export type RecordHistoryState =
  | { status: 'offline' }
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; entries: HistoryEntry[] };

export function useRecordHistory(collection: CollectionName, id: string, active: boolean): { state: RecordHistoryState; reload: () => void } {
  const session = useSessionStore((store) => store.session);
  const online = useSyncStatus(isOnline);
  const [state, setState] = useState<RecordHistoryState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    if (!active || !session) return;
    if (!online) {
      setState({ status: 'offline' });
      return;
    }
    const controller = new AbortController();
    setState({ status: 'loading' });
    const api = createApiClient({ serverUrl: session.serverUrl, token: session.token, clientVersion: APP_VERSION });
    api
      .get<HistoryEntry[]>(`/api/history/${collection}/${encodeURIComponent(id)}`, { signal: controller.signal })
      .then((entries) => setState({ status: 'ready', entries: [...entries].sort((a, b) => b.seq - a.seq) }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.unreachable) setState({ status: 'offline' });
        // Not on the server yet (waiting to sync): no history so far.
        else if (error instanceof ApiError && error.kind === 'not_found') setState({ status: 'ready', entries: [] });
        else setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
      });
    return () => controller.abort();
  }, [active, session, online, collection, id, attempt]);

  return { state, reload };
}
