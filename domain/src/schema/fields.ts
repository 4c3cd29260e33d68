// Building blocks shared by the collection schemas. Each schema is both the RxDB schema on the
// device and, with `_deleted` added (see `wireSchemaOf`), the schema the server validates.

export const idField = { type: 'string', maxLength: 64 } as const;
export const idList = { type: 'array', items: idField, uniqueItems: true } as const;
export const text = <const N extends number>(maxLength: N) => ({ type: 'string', maxLength }) as const;
export const textList = { type: 'array', items: { type: 'string', maxLength: 100 } } as const;
/** A calendar date as staff write it: YYYY-MM-DD. */
export const dateField = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', maxLength: 10 } as const;
/** An instant in ISO 8601 UTC, as entries of append-only logs carry it. */
export const instantField = { type: 'string', maxLength: 30 } as const;
export const count = { type: 'integer', minimum: 0, maximum: 1_000_000 } as const;

/** Fields every synced document has: `id`, `streetId` (and `_deleted`, added by RxDB and the wire). */
export const baseProperties = { id: idField, streetId: idField } as const;
/** Community-scoped documents also carry the community they belong to. */
export const communityProperties = { ...baseProperties, communityId: idField } as const;

/** One entry of an append-only log: who did what, when, on which device. */
export const logEntryProperties = {
  id: idField,
  at: instantField,
  by: idField,
  deviceId: idField,
} as const;
