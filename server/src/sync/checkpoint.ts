// The pull checkpoint: opaque to clients, it records how far in the change order a client has
// read and the scope it read with, so that a scope change makes the next pull start again.
import { roles, type Role } from '@domain/contract';
import type { Scope } from '@domain/scope';

export interface CheckpointScope {
  role: Role;
  communityIds: string[];
  compoundIds: string[];
  /** A liaison's department (absent in checkpoints of other roles, and of older servers). */
  unitId?: string;
}

/** A type alias, not an interface, so that it is a `Checkpoint` (a plain JSON record) on the wire. */
export type SyncCheckpoint = {
  v: 1;
  seq: number;
  scope: CheckpointScope;
};

export function checkpointScope(scope: Scope): CheckpointScope {
  return {
    role: scope.role,
    communityIds: [...scope.communityIds].sort(),
    compoundIds: [...scope.compoundIds].sort(),
    ...(scope.unitId === undefined ? {} : { unitId: scope.unitId }),
  };
}

export function makeCheckpoint(seq: number, scope: Scope): SyncCheckpoint {
  return { v: 1, seq, scope: checkpointScope(scope) };
}

export function sameScope(a: CheckpointScope, b: CheckpointScope): boolean {
  const same = (x: string[], y: string[]) => x.length === y.length && x.every((item, i) => item === y[i]);
  return a.role === b.role && same(a.communityIds, b.communityIds) && same(a.compoundIds, b.compoundIds) && a.unitId === b.unitId;
}

/** The checkpoint in a query parameter: null for none (absent or JSON null), 'invalid' when it is not one of ours. */
export function parseCheckpoint(raw: string | undefined): SyncCheckpoint | null | 'invalid' {
  if (raw === undefined || raw === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return 'invalid';
  }
  if (value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) return 'invalid';
  const { v, seq, scope } = value as Record<string, unknown>;
  if (v !== 1 || typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) return 'invalid';
  if (typeof scope !== 'object' || scope === null) return 'invalid';
  const { role, communityIds, compoundIds, unitId } = scope as Record<string, unknown>;
  if (!roles.some((r) => r === role) || !isStringArray(communityIds) || !isStringArray(compoundIds)) return 'invalid';
  if (unitId !== undefined && typeof unitId !== 'string') return 'invalid';
  const sorted = { role: role as Role, communityIds: [...communityIds].sort(), compoundIds: [...compoundIds].sort() };
  return { v: 1, seq, scope: unitId === undefined ? sorted : { ...sorted, unitId } };
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
