// The caller's scope, from the account and (for a department liaison) its unit's pairing, which is
// read on every request so a changed pairing takes effect at once.
import type { AnyDoc } from '@domain/collections';
import { missingCase, type Scope } from '@domain/scope';
import type { Queryable } from '../db/adapter';
import type { UserRow } from '../auth/users';

export async function scopeOf(db: Queryable, user: UserRow): Promise<Scope> {
  const base = { role: user.role, streetId: user.street_id };
  switch (user.role) {
    case 'street_admin':
      return { ...base, communityIds: [], compoundIds: [] };
    case 'community_staff':
      return { ...base, communityIds: user.community_ids, compoundIds: [] };
    case 'department_liaison':
      return { ...base, communityIds: [], compoundIds: await pairedCompounds(db, user), ...(user.unit_id === null ? {} : { unitId: user.unit_id }) };
    default:
      return missingCase(user.role);
  }
}

async function pairedCompounds(db: Queryable, user: UserRow): Promise<string[]> {
  if (user.unit_id === null) return [];
  const rows = await db.query<{ data: AnyDoc }>(
    `SELECT data FROM docs WHERE collection = 'units' AND id = $1 AND street_id = $2 AND NOT deleted`,
    [user.unit_id, user.street_id],
  );
  const paired = rows[0]?.data.pairedCompoundIds;
  return Array.isArray(paired) ? paired.filter((id): id is string => typeof id === 'string') : [];
}
