// Units (单位): paired departments with their compounds, property companies, stationed units,
// units in the jurisdiction, non-public enterprises and owners' committees.
import type { WireDoc } from '@domain/collections';
import { DEPARTMENTS, ENTERPRISES, JURISDICTION_UNITS, PROPERTY_COMPANIES, STATIONED_UNITS } from './names';
import { STREET_ID, communityId, compoundId, compoundSlots, departmentId, pairedDepartment, propertyUnitId } from './places';
import { pad, type Random } from './random';

type Unit = WireDoc<'units'>;

const unit = (id: string, kind: Unit['kind'], name: string, extra: Partial<Unit> = {}): Unit => ({
  id,
  streetId: STREET_ID,
  kind,
  name,
  ...extra,
  _deleted: false,
});

const phone = (random: Random) => `0951-${random.int(40, 49)}${random.digits(5)}`;

export function unitDocs(random: Random, compounds: WireDoc<'compounds'>[]): Unit[] {
  const departments = DEPARTMENTS.map((name, d) =>
    unit(departmentId(d), 'department', name, {
      contactPhone: phone(random),
      address: `灵武市灵州大道${random.int(1, 200)}号`,
      pairedCompoundIds: compoundSlots.filter((slot) => pairedDepartment(slot) === d).map((slot) => compoundId(slot.index)),
    }),
  );
  const properties = PROPERTY_COMPANIES.map((name, p) => unit(propertyUnitId(p), 'propertyCompany', name, { contactPhone: phone(random) }));
  // Stationed units, jurisdiction units and enterprises sit in a community of the street.
  const local = (prefix: string, kind: Unit['kind'], names: readonly string[], stride: number) =>
    names.map((name, i) => unit(`${prefix}-${pad(i + 1, 2)}`, kind, name, { communityId: communityId((i * stride) % 14), contactPhone: phone(random) }));
  const owners = compounds
    .filter((compound) => compound.ownersCommittee === true)
    .map((compound) =>
      unit(`owners-${compound.id.slice('compound-'.length)}`, 'ownersCommittee', `${compound.name}业主委员会`, { communityId: compound.communityId }),
    );
  return [
    ...departments,
    ...properties,
    ...local('stationed', 'stationed', STATIONED_UNITS, 3),
    ...local('jurisdiction', 'jurisdiction', JURISDICTION_UNITS, 5),
    ...local('enterprise', 'enterprise', ENTERPRISES, 4),
    ...owners,
  ];
}
