// Who writes an org's history entries: the signed-in person on this device, at the moment of saving.
import { useCallback } from 'react';
import { newId } from '../../db/write';
import { useCurrentUser } from '../../session/useSession';
import { useSessionStore } from '../../session/store';
import type { Author } from './orgDoc';

export function useAuthor(): () => Author {
  const user = useCurrentUser();
  const deviceId = useSessionStore((state) => state.session?.deviceId);
  return useCallback(() => ({ by: user.id, deviceId, at: new Date().toISOString(), newId }), [user.id, deviceId]);
}
