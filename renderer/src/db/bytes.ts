// Bytes as text for values kept in localStorage and local documents: base64url (RFC 4648 §5, no
// padding), and hex for data keys.

// Both directions sit on the encrypted fields' read and write path (every document of a sync), so
// they avoid per-byte iterators and callbacks.
const CHUNK = 0x8000;

// Native base64 (Chromium 140+, so Electron 38 too) where there is one, the long way elsewhere.
interface NativeBase64 {
  toBase64?: (options: { alphabet: 'base64url'; omitPadding: boolean }) => string;
}
const nativeFromBase64 = (Uint8Array as unknown as { fromBase64?: (text: string, options: { alphabet: 'base64url'; lastChunkHandling: 'loose' }) => Uint8Array<ArrayBuffer> })
  .fromBase64;

export function toBase64Url(bytes: Uint8Array): string {
  const native = bytes as NativeBase64;
  if (typeof native.toBase64 === 'function') return native.toBase64({ alphabet: 'base64url', omitPadding: true });
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Throws on text that is not base64url (the native decoder skips ASCII whitespace). */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  // The native decoder refuses other characters itself: a pattern test first cost as much again
  // (a list snapshot is megabytes of it).
  if (nativeFromBase64) return nativeFromBase64(text, { alphabet: 'base64url', lastChunkHandling: 'loose' });
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function fromHex(hex: string): Uint8Array<ArrayBuffer> {
  if (!/^(?:[0-9a-f]{2})*$/.test(hex)) throw new Error('not hex');
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}
