// What an account's scope must name: community staff at least one live community of the street,
// a liaison a live department of the street. Other roles carry neither.
import type { AnyDoc } from '@domain/collections';
import type { Role } from '@domain/contract';
import { missingCase } from '@domain/scope';
import type { Queryable } from '../db/adapter';
import type { BodyReader } from '../http/body';
import { fieldErrors } from '../messages';

export interface AccountScope {
  communityIds: string[];
  unitId: string | undefined;
}

/** Reads `communityIds` and `unitId` for `role`, recording problems on the reader. */
export async function readAccountScope(db: Queryable, body: BodyReader, streetId: string, role: Role | undefined): Promise<AccountScope> {
  const communityIds = [...new Set(body.stringList('communityIds', fieldErrors.communityIds))];
  const unitId = body.has('unitId') ? body.text('unitId', 1, 64) : undefined;
  switch (role) {
    case 'community_staff': {
      if (communityIds.length === 0) body.problem('communityIds', fieldErrors.staffNeedsCommunity);
      const live = await liveIds(db, 'communities', streetId, communityIds);
      for (const id of communityIds.filter((id) => !live.has(id))) body.problem('communityIds', fieldErrors.communityUnknown(id));
      return { communityIds, unitId: undefined };
    }
    case 'department_liaison': {
      const unit = unitId ? await liveDoc(db, 'units', streetId, unitId) : undefined;
      if (!unit || unit.kind !== 'department') body.problem('unitId', fieldErrors.liaisonNeedsUnit);
      return { communityIds: [], unitId };
    }
    case 'street_admin':
    case undefined: // an unknown role: the caller reports it
      // Street admins see the whole street: no communities, no unit.
      return { communityIds: [], unitId: undefined };
    default:
      return missingCase(role);
  }
}

async function liveIds(db: Queryable, collection: string, streetId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.query<{ id: string }>(
    `SELECT id FROM docs WHERE collection = $1 AND street_id = $2 AND NOT deleted AND id IN (SELECT jsonb_array_elements_text($3::jsonb))`,
    [collection, streetId, JSON.stringify(ids)],
  );
  return new Set(rows.map((row) => row.id));
}

async function liveDoc(db: Queryable, collection: string, streetId: string, id: string): Promise<AnyDoc | undefined> {
  const rows = await db.query<{ data: AnyDoc }>('SELECT data FROM docs WHERE collection = $1 AND street_id = $2 AND id = $3 AND NOT deleted', [
    collection,
    streetId,
    id,
  ]);
  return rows[0]?.data;
}
