// INTERFACE (agreed between the data layer and the feature pages): who is signed in.
// The body below is a placeholder that the data layer replaces; the signature stays.
import type { SessionUser } from '@domain/contract';

/** The signed-in user. Pages render only inside the signed-in layout, so there always is one. */
export function useCurrentUser(): SessionUser {
  throw new Error('session: not implemented yet');
}
