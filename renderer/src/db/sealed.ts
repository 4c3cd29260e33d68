// Device-local values that hold personal data outside the encrypted collections (the conflict log's
// set-aside values) are sealed with the open database's data key before they are stored: AES-GCM
// under a key derived from it (sealer.ts), so they are as unreadable on disk as encrypted fields,
// and an altered value fails to open rather than reading as something else.
import { requireDatabase } from './current';

export async function sealJson(value: unknown): Promise<string> {
  return requireDatabase().sealer.seal(JSON.stringify(value));
}

/** Throws when the value was sealed under another data key, altered, or no database is open. */
export async function openSealedJson(sealed: string): Promise<unknown> {
  return JSON.parse(await requireDatabase().sealer.open(sealed)) as unknown;
}
