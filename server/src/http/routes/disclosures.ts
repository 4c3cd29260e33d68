// Street admins may export ID numbers and mobiles in full; each such export is recorded here, by
// the client, before it makes the file, and admins can read back who disclosed what, when, why.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import {
  DISCLOSURE_LIST_NAME_MAX,
  DISCLOSURE_REASON_MAX,
  DISCLOSURE_REASON_MIN,
  type DisclosureRecord,
} from '@domain/contract';
import type { ServerContext } from '../../context';
import { toIso, toNumber } from '../../db/adapter';
import { errorMessages, fieldErrors } from '../../messages';
import { BodyReader } from '../body';
import { callerOf, type Caller } from '../caller';
import { ApiError } from '../errors';

interface DisclosureRow {
  id: string;
  at: unknown;
  user_id: string;
  username: string;
  display_name: string;
  device_id: string;
  device_name: string;
  list_name: string;
  row_count: unknown;
  reason: string;
  [column: string]: unknown;
}

/** The most a list answers: years of an office's disclosures. */
const LIST_LIMIT = 1000;
const MAX_ROW_COUNT = 10_000_000;

const SELECT_DISCLOSURES = `SELECT x.id, x.at, x.user_id, u.username, u.display_name, x.device_id, d.name AS device_name,
    x.list_name, x.row_count, x.reason
  FROM disclosures x JOIN users u ON u.id = x.user_id JOIN devices d ON d.id = x.device_id`;

function disclosureRecord(row: DisclosureRow): DisclosureRecord {
  return {
    id: row.id,
    at: toIso(row.at),
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name,
    deviceId: row.device_id,
    deviceName: row.device_name,
    listName: row.list_name,
    rowCount: toNumber(row.row_count),
    reason: row.reason,
  };
}

/** Trimmed text of `min`–`max` characters, or '' with the problem recorded. */
function trimmedText(body: BodyReader, field: string, min: number, max: number, message: string): string {
  const raw = body.raw(field);
  const value = typeof raw === 'string' ? raw.trim() : '';
  const length = [...value].length;
  if (length >= min && length <= max && !value.includes('\u0000')) return value;
  body.problem(field, raw === undefined ? fieldErrors.required(field) : message);
  return '';
}

function requireDiscloser(caller: Caller): void {
  if (caller.user.role !== 'street_admin') throw new ApiError('forbidden', errorMessages.disclosureAdminOnly);
}

export function disclosureRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post('/api/disclosures', async (request, reply) => {
    const caller = await callerOf(ctx, request);
    requireDiscloser(caller);
    const body = new BodyReader(request.body);
    const listName = trimmedText(body, 'listName', 1, DISCLOSURE_LIST_NAME_MAX, fieldErrors.listName(DISCLOSURE_LIST_NAME_MAX));
    const reason = trimmedText(body, 'reason', DISCLOSURE_REASON_MIN, DISCLOSURE_REASON_MAX, fieldErrors.reason(DISCLOSURE_REASON_MIN, DISCLOSURE_REASON_MAX));
    const rowCount = body.raw('rowCount');
    const validCount = typeof rowCount === 'number' && Number.isInteger(rowCount) && rowCount >= 0 && rowCount <= MAX_ROW_COUNT;
    if (!validCount) body.problem('rowCount', fieldErrors.rowCount);
    body.done();
    const id = randomUUID();
    await ctx.db.query(
      'INSERT INTO disclosures (id, street_id, user_id, device_id, list_name, row_count, reason) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [id, caller.user.street_id, caller.user.id, caller.deviceId, listName, rowCount, reason],
    );
    const rows = await ctx.db.query<DisclosureRow>(`${SELECT_DISCLOSURES} WHERE x.id = $1`, [id]);
    const row = rows[0];
    if (!row) throw new ApiError('internal', errorMessages.internal);
    return reply.code(201).send(disclosureRecord(row));
  });

  app.get('/api/disclosures', async (request): Promise<DisclosureRecord[]> => {
    const caller = await callerOf(ctx, request);
    requireDiscloser(caller);
    const rows = await ctx.db.query<DisclosureRow>(`${SELECT_DISCLOSURES} WHERE x.street_id = $1 ORDER BY x.at DESC, x.id LIMIT ${LIST_LIMIT}`, [
      caller.user.street_id,
    ]);
    return rows.map(disclosureRecord);
  });
}
