// Records a disclosure of personal data on the server before the file is made: no record, no file.
import type { DisclosureRecord, DisclosureRequest } from '@domain/contract';
import { APP_VERSION } from '../../desktop/version';
import { useSessionStore } from '../../session/store';
import { createApiClient } from '../../sync/api';
import { useSyncStatus } from '../../sync/status';

export async function recordDisclosure(request: DisclosureRequest): Promise<DisclosureRecord> {
  const session = useSessionStore.getState().session;
  if (!session) throw new Error('recordDisclosure: no one is signed in');
  const api = createApiClient({
    serverUrl: session.serverUrl,
    token: session.token,
    clientVersion: APP_VERSION,
    onReachability: (reachable) => {
      if (useSyncStatus.getState().serverReachable !== reachable) useSyncStatus.setState({ serverReachable: reachable });
    },
  });
  return api.post<DisclosureRecord>('/api/disclosures', request);
}
