// The roster worker's messages, and what it does with them, as a plain function so tests run it
// without a worker. The worker keeps the sheet it read; the page sends the mapping and the context.
import { suggestMapping, type RosterKind, type RosterMapping } from './fields';
import type { RosterContext } from './places';
import { readRoster, RosterReadError, type RosterSheet } from './sheet';
import { validateRoster, type RosterResult } from './validate';

export type RosterRequest =
  | { type: 'read'; kind: RosterKind; bytes: ArrayBuffer }
  | { type: 'validate'; mapping: RosterMapping; context: RosterContext };

export type RosterErrorCode = 'unreadable' | 'noSheet' | 'noHeader' | 'noRows' | 'notRead' | 'failed';

export type RosterResponse =
  | { type: 'read'; headers: string[]; sample: string[]; rowCount: number; sheetName: string; suggested: RosterMapping }
  | { type: 'progress'; done: number; total: number }
  | { type: 'validated'; result: RosterResult }
  | { type: 'error'; code: RosterErrorCode };

export interface RosterWorkerState {
  kind?: RosterKind;
  sheet?: RosterSheet;
}

export async function handleRosterRequest(state: RosterWorkerState, request: RosterRequest, post: (response: RosterResponse) => void): Promise<void> {
  try {
    switch (request.type) {
      case 'read': {
        state.kind = request.kind;
        state.sheet = undefined;
        const sheet = await readRoster(request.bytes, request.kind);
        if (sheet.rows.length === 0) {
          post({ type: 'error', code: 'noRows' });
          return;
        }
        state.sheet = sheet;
        post({
          type: 'read',
          headers: sheet.headers,
          sample: sheet.rows[0]?.cells.map((cell) => cell.text) ?? [],
          rowCount: sheet.rows.length, sheetName: sheet.sheetName, suggested: suggestMapping(request.kind, sheet.headers) });
        return;
      }
      case 'validate': {
        if (!state.sheet || !state.kind) {
          post({ type: 'error', code: 'notRead' });
          return;
        }
        const result = validateRoster(state.kind, state.sheet, request.mapping, request.context, (done, total) => post({ type: 'progress', done, total }));
        post({ type: 'validated', result });
        return;
      }
      default: {
        const unknown: never = request;
        throw new Error(`unknown request ${JSON.stringify(unknown)}`);
      }
    }
  } catch (error) {
    post({ type: 'error', code: error instanceof RosterReadError ? error.code : 'failed' });
  }
}
