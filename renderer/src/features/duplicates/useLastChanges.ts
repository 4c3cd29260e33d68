// Who last changed each record and when, from the server's audit trail. Documents carry no change
// time of their own, so this is known only while the server answers; offline it stays unknown and
// the merge defaults to the kept record's values.
import { useEffect, useState } from 'react';
import type { HistoryEntry } from '@domain/contract';
import { APP_VERSION } from '../../desktop/version';
import { useSessionStore } from '../../session/store';
import { createApiClient } from '../../sync/api';
import { isOnline, useSyncStatus } from '../../sync/status';

export interface LastChange {
  at: string;
  username: string;
}

export type LastChanges = Readonly<Record<string, LastChange | undefined>>;

/** The newest entry of an audit trail (the server lists them oldest first). */
export function lastChangeOf(history: readonly HistoryEntry[]): LastChange | undefined {
  const newest = history.reduce<HistoryEntry | undefined>((found, entry) => (found === undefined || entry.seq > found.seq ? entry : found), undefined);
  return newest ? { at: newest.at, username: newest.username } : undefined;
}

export function useLastChanges(memberIds: readonly string[]): LastChanges {
  const session = useSessionStore((state) => state.session);
  const online = useSyncStatus(isOnline);
  const key = [...memberIds].sort().join(',');
  const [changes, setChanges] = useState<LastChanges>({});

  useEffect(() => {
    if (!session || !online || key === '') return;
    const controller = new AbortController();
    const api = createApiClient({ serverUrl: session.serverUrl, token: session.token, clientVersion: APP_VERSION });
    void Promise.all(
      key.split(',').map(async (id) => {
        try {
          const history = await api.get<HistoryEntry[]>(`/api/history/members/${encodeURIComponent(id)}`, { signal: controller.signal });
          return [id, lastChangeOf(history)] as const;
        } catch {
          // Not yet on the server (still waiting to sync) or unreachable: unknown.
          return [id, undefined] as const;
        }
      }),
    ).then((entries) => {
      if (!controller.signal.aborted) setChanges(Object.fromEntries(entries));
    });
    return () => controller.abort();
  }, [session, online, key]);

  return changes;
}
