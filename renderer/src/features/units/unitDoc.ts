// From the unit form to a document and back, and the checks made as the person types.
import type { Unit } from '@domain/collections';
import { isValidMobile } from '@domain/identity';
import { withoutBlanks } from '../../lib/form';

export type UnitKind = Unit['kind'];

export interface UnitFormValues {
  kind: UnitKind;
  name: string;
  communityId?: string;
  contactName?: string;
  contactPhone?: string;
  address?: string;
  pairedCompoundIds?: string[];
}

/** A fixed line with its area code, as offices write it: 0951-1234567, 09511234567, 010-12345678-801. */
const LANDLINE_PATTERN = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/;

/** A mainland mobile (11 digits) or a landline with its area code; spaces are ignored. */
export function isValidUnitPhone(value: string): boolean {
  const phone = value.replace(/\s+/g, '');
  return isValidMobile(phone) || LANDLINE_PATTERN.test(phone);
}

/** Two units of one kind with the same name are probably one unit entered twice. */
export function nameTakenWithinKind(units: readonly Unit[], candidate: { id?: string | undefined; kind: UnitKind; name: string }): boolean {
  const name = candidate.name.trim();
  if (name === '') return false;
  return units.some((unit) => unit.id !== candidate.id && unit.kind === candidate.kind && unit.name.trim() === name);
}

export function unitFormValues(unit: Unit | undefined, preset: { kind?: UnitKind | undefined; communityId?: string | undefined } = {}): Partial<UnitFormValues> {
  if (!unit) return { kind: preset.kind ?? 'department', communityId: preset.communityId, pairedCompoundIds: [] };
  const { kind, name, communityId, contactName, contactPhone, address } = unit;
  return { kind, name, communityId, contactName, contactPhone, address, pairedCompoundIds: [...(unit.pairedCompoundIds ?? [])] };
}

/**
 * The department's pairings after the form: what the person chose, plus the stored pairings with
 * compounds this device cannot show (outside the person's scope, or not pulled yet), which the
 * form could not offer and so must not drop.
 */
export function pairingsFromForm(chosen: readonly string[], stored: readonly string[], known: ReadonlySet<string>): string[] {
  const kept = stored.filter((id) => !known.has(id) && !chosen.includes(id));
  return [...new Set([...chosen, ...kept])];
}

type NewUnit = Pick<Unit, 'id' | 'streetId'>;

/**
 * The document to save: the form's fields replace the stored ones; blank optional ones are dropped.
 * Only a department has paired compounds: another kind drops them.
 */
export function unitFromForm(values: UnitFormValues, base: Unit | NewUnit, knownCompoundIds: ReadonlySet<string>): Unit {
  const { name, communityId, contactName, contactPhone, address } = withoutBlanks(values);
  const stored: Partial<Unit> = base;
  const paired =
    values.kind === 'department' ? pairingsFromForm(values.pairedCompoundIds ?? [], stored.pairedCompoundIds ?? [], knownCompoundIds) : [];
  return {
    id: base.id,
    streetId: base.streetId,
    kind: values.kind,
    name: name ?? '',
    ...(communityId !== undefined && { communityId }),
    ...(contactName !== undefined && { contactName }),
    ...(contactPhone !== undefined && { contactPhone: contactPhone.replace(/\s+/g, '') }),
    ...(address !== undefined && { address }),
    ...(paired.length > 0 && { pairedCompoundIds: paired }),
  };
}
