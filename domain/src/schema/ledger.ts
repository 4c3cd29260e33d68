import { communityProperties, dateField, idField, text } from './fields';

export const ledgerKinds = ['disbursement', 'allowance'] as const;

/** Money: a branch's fund disbursements and monthly post allowances, in integer fen. */
export const ledgerSchema = {
  title: 'ledger',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...communityProperties,
    kind: { type: 'string', enum: ledgerKinds },
    orgId: idField,
    compoundId: idField,
    memberId: idField,
    /** YYYY-MM for allowances. */
    month: { type: 'string', pattern: '^\\d{4}-\\d{2}$', maxLength: 7 },
    date: dateField,
    amountFen: { type: 'integer', minimum: -100_000_000, maximum: 100_000_000 },
    purpose: text(500),
    paid: { type: 'boolean' },
  },
  required: ['id', 'streetId', 'communityId', 'kind', 'amountFen'],
  indexes: ['communityId'],
  additionalProperties: false,
} as const;
