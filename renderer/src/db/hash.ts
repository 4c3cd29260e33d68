// A fast, synchronous, non-cryptographic string hash. RxDB's default hash needs `crypto.subtle`,
// which browsers withhold from plain-HTTP origins (a street office server on the LAN), so the
// database uses this one everywhere: the same input always gives the same name, on every origin.

/** cyrb53 (public domain): 53 well-mixed bits from a string and a seed. */
function cyrb53(input: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < input.length; i++) {
    const ch = input.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** 106 bits as 28 lower-case hex digits: two cyrb53 runs with different seeds. */
export function hashString(input: string): string {
  return cyrb53(input, 1).toString(16).padStart(14, '0') + cyrb53(input, 2).toString(16).padStart(14, '0');
}

/** The shape RxDB's `hashFunction` option expects (it hashes names and JSON, never attachments here). */
export async function rxHash(input: string | ArrayBuffer | Blob): Promise<string> {
  if (typeof input === 'string') return hashString(input);
  const bytes = new Uint8Array(input instanceof Blob ? await input.arrayBuffer() : input);
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return hashString(text);
}
