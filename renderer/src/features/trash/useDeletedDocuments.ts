// The street's deleted documents from the server (street admins, online only), and restoring one.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CollectionName } from '@domain/collections';
import type { DeletedDocument, RestoreResponse } from '@domain/contract';
import { APP_VERSION } from '../../desktop/version';
import { useSessionStore } from '../../session/store';
import { ApiError, createApiClient, type ApiClient } from '../../sync/api';
import { isOnline, useSyncStatus } from '../../sync/status';

export type DeletedListState =
  | { status: 'offline' }
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; items: DeletedDocument[] };

function useApi(): ApiClient | null {
  const session = useSessionStore((store) => store.session);
  const online = useSyncStatus(isOnline);
  return useMemo(
    () => (session && online ? createApiClient({ serverUrl: session.serverUrl, token: session.token, clientVersion: APP_VERSION }) : null),
    [session, online],
  );
}

export function useDeletedDocuments(collection: CollectionName | undefined) {
  const api = useApi();
  const [state, setState] = useState<DeletedListState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    if (!api) {
      setState({ status: 'offline' });
      return;
    }
    const controller = new AbortController();
    setState({ status: 'loading' });
    const query = collection ? `?collection=${encodeURIComponent(collection)}` : '';
    api
      .get<DeletedDocument[]>(`/api/admin/deleted${query}`, { signal: controller.signal })
      .then((items) => setState({ status: 'ready', items }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.unreachable) setState({ status: 'offline' });
        else setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
      });
    return () => controller.abort();
  }, [api, collection, attempt]);

  const restore = useCallback(
    async (doc: DeletedDocument): Promise<void> => {
      if (!api) throw new ApiError('network', '');
      await api.post<RestoreResponse>(`/api/admin/restore/${doc.collection}/${encodeURIComponent(doc.id)}`, undefined);
    },
    [api],
  );

  return { state, reload, restore };
}
