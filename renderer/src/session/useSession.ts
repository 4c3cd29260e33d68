// INTERFACE (agreed between the data layer and the feature pages): who is signed in.
import type { SessionUser } from '@domain/contract';
import { useSessionStore } from './store';

/** The signed-in user. Pages render only inside the signed-in layout, so there always is one. */
export function useCurrentUser(): SessionUser {
  const user = useSessionStore((state) => state.session?.user);
  if (!user) throw new Error('useCurrentUser: no one is signed in (used outside the signed-in layout)');
  return user;
}
