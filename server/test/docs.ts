// Minimal valid documents of the collections the server tests push.
import type { AnyDoc } from '@domain/collections';
import { idCheckDigit } from '@domain/identity';

export const community = (streetId: string, id: string, name = `${id}社区`): AnyDoc => ({ id, streetId, name, _deleted: false });

export const compound = (streetId: string, communityId: string, id: string, extra: Partial<AnyDoc> = {}): AnyDoc => ({
  id,
  streetId,
  communityId,
  name: `${id}小区`,
  propertyManaged: false,
  residentCount: 300,
  pilot: false,
  _deleted: false,
  ...extra,
});

export const building = (streetId: string, communityId: string, compoundId: string, id: string): AnyDoc => ({
  id,
  streetId,
  communityId,
  compoundId,
  name: '1号楼',
  _deleted: false,
});

/** A valid ID number of a man born 1980-05-12 in 灵武市. */
export const validIdNumber = (): string => {
  const first17 = '64018119800512001';
  return first17 + idCheckDigit(first17);
};

export const member = (streetId: string, communityId: string, id: string, extra: Partial<AnyDoc> = {}): AnyDoc => ({
  id,
  streetId,
  communityId,
  name: '张三',
  isPartyMember: true,
  _deleted: false,
  ...extra,
});
