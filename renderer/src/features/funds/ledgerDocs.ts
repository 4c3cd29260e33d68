// From the funds forms to `ledger` documents: a branch's disbursement and a person's monthly
// allowance. Amounts are typed in yuan and stored in integer fen; every problem is named by field
// and code (the page says it in the person's language) and nothing is written while one remains.
import type { LedgerEntry, Member, Org } from '@domain/collections';
import { parseYuan } from '@domain/money';
import { FieldProblemsError, fieldErrorsOf } from '../../lib/form';

export type AmountProblem = 'amountEmpty' | 'amountFormat' | 'amountTooManyDecimals' | 'amountTooLarge' | 'amountNotPositive';

export interface LedgerProblem {
  field: 'orgId' | 'date' | 'amount' | 'purpose' | 'memberId';
  code:
    | AmountProblem
    | 'orgRequired'
    | 'orgUnknown'
    | 'dateRequired'
    | 'dateOutsideYear'
    | 'dateFuture'
    | 'purposeRequired'
    | 'purposeTooLong'
    | 'memberRequired'
    | 'memberUnknown'
    | 'duplicate';
}

/** The problems on the form's fields (their names are the problems' fields), said by `say`. */
export function ledgerProblemsError(problems: readonly LedgerProblem[], say: (problem: LedgerProblem) => string): FieldProblemsError {
  return new FieldProblemsError(fieldErrorsOf(problems.map((problem) => ({ field: problem.field, message: say(problem) }))));
}

export type LedgerResult = { doc: LedgerEntry; problems?: undefined } | { doc?: undefined; problems: LedgerProblem[] };

const MAX_PURPOSE = 500;

/** A positive amount in fen from what was typed, or why not. */
export function amountOf(text: string | undefined): { fen: number } | { problem: AmountProblem } {
  const parsed = parseYuan(text ?? '');
  if (!parsed.ok) {
    const problems = { empty: 'amountEmpty', format: 'amountFormat', tooManyDecimals: 'amountTooManyDecimals', tooLarge: 'amountTooLarge' } as const;
    return { problem: problems[parsed.reason] };
  }
  return parsed.fen > 0 ? { fen: parsed.fen } : { problem: 'amountNotPositive' };
}

function purposeProblems(purpose: string): LedgerProblem[] {
  if (purpose === '') return [{ field: 'purpose', code: 'purposeRequired' }];
  return purpose.length > MAX_PURPOSE ? [{ field: 'purpose', code: 'purposeTooLong' }] : [];
}

export interface DisbursementValues {
  orgId?: string;
  date?: string;
  amount?: string;
  purpose?: string;
}

export interface DisbursementContext {
  /** The entry being edited; undefined for a new one. */
  base: LedgerEntry | undefined;
  id: string;
  streetId: string;
  /** The branches the person may book on (compound branches of their communities). */
  branches: readonly Org[];
  year: number;
  /** YYYY-MM-DD. */
  today: string;
}

export function disbursementFromForm(values: DisbursementValues, context: DisbursementContext): LedgerResult {
  const problems: LedgerProblem[] = [];
  const branch = context.branches.find((org) => org.id === values.orgId);
  if (!values.orgId) problems.push({ field: 'orgId', code: 'orgRequired' });
  else if (!branch || branch.level !== 'compoundBranch' || branch.communityId === undefined) problems.push({ field: 'orgId', code: 'orgUnknown' });
  const date = values.date ?? '';
  if (date === '') problems.push({ field: 'date', code: 'dateRequired' });
  else if (!date.startsWith(`${context.year}-`)) problems.push({ field: 'date', code: 'dateOutsideYear' });
  else if (date > context.today) problems.push({ field: 'date', code: 'dateFuture' });
  const amount = amountOf(values.amount);
  if ('problem' in amount) problems.push({ field: 'amount', code: amount.problem });
  const purpose = (values.purpose ?? '').trim();
  problems.push(...purposeProblems(purpose));
  if (problems.length > 0 || !branch?.communityId || 'problem' in amount) return { problems };
  const { compoundId: _oldCompound, ...kept } = context.base ?? {};
  return {
    doc: {
      ...kept,
      id: context.base?.id ?? context.id,
      streetId: context.base?.streetId ?? context.streetId,
      communityId: branch.communityId,
      kind: 'disbursement',
      orgId: branch.id,
      ...(branch.compoundId !== undefined && { compoundId: branch.compoundId }),
      date,
      amountFen: amount.fen,
      purpose,
    },
  };
}

export interface AllowanceValues {
  memberId?: string;
  purpose?: string;
  amount?: string;
  paid?: boolean;
}

export interface AllowanceContext {
  base: LedgerEntry | undefined;
  id: string;
  streetId: string;
  communityId: string;
  /** YYYY-MM. */
  month: string;
  /** The community's members. */
  members: readonly Pick<Member, 'id' | 'communityId'>[];
  /** The month's other allowances of the community: the same person for the same post twice is refused. */
  monthEntries: readonly LedgerEntry[];
  /** The compound branch the person is secretary of, if any: recorded on the entry. */
  branchOf: (memberId: string) => Org | undefined;
}

export function allowanceFromForm(values: AllowanceValues, context: AllowanceContext): LedgerResult {
  const problems: LedgerProblem[] = [];
  const memberId = values.memberId ?? '';
  if (memberId === '') problems.push({ field: 'memberId', code: 'memberRequired' });
  else if (!context.members.some((member) => member.id === memberId && member.communityId === context.communityId)) {
    problems.push({ field: 'memberId', code: 'memberUnknown' });
  }
  const purpose = (values.purpose ?? '').trim();
  problems.push(...purposeProblems(purpose));
  const amount = amountOf(values.amount);
  if ('problem' in amount) problems.push({ field: 'amount', code: amount.problem });
  const twice = context.monthEntries.some(
    (entry) => entry.id !== context.base?.id && entry.memberId === memberId && (entry.purpose ?? '').trim() === purpose,
  );
  if (problems.length === 0 && twice) problems.push({ field: 'purpose', code: 'duplicate' });
  if (problems.length > 0 || 'problem' in amount) return { problems };
  const branch = context.branchOf(memberId);
  const { orgId: _oldOrg, compoundId: _oldCompound, ...kept } = context.base ?? {};
  return {
    doc: {
      ...kept,
      id: context.base?.id ?? context.id,
      streetId: context.base?.streetId ?? context.streetId,
      communityId: context.communityId,
      kind: 'allowance',
      memberId,
      ...(branch && { orgId: branch.id, ...(branch.compoundId !== undefined && { compoundId: branch.compoundId }) }),
      month: context.month,
      amountFen: amount.fen,
      purpose,
      paid: values.paid === true,
    },
  };
}
