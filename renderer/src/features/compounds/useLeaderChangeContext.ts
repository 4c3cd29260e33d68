// Who makes a building leader change, and when: the log entry names the account (readable on every
// device, unlike an id) and the device.
import type { LeaderChangeContext } from '@domain/leaders';
import { newId } from '../../db/write';
import { useSessionStore } from '../../session/store';
import { useCurrentUser } from '../../session/useSession';

export function useLeaderChangeContext(): () => LeaderChangeContext {
  const user = useCurrentUser();
  const deviceId = useSessionStore((state) => state.session?.deviceId);
  return () => ({ entryId: newId(), at: new Date().toISOString(), by: user.username, ...(deviceId ? { deviceId } : {}) });
}
