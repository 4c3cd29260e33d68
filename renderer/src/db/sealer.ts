// AES-GCM sealing of small device-local values with a key derived from the database's data key
// (HKDF-SHA-256, its own label, so the data key itself is used for one purpose only). See sealed.ts.
import { fromBase64Url, fromHex, toBase64Url } from './bytes';

export interface Sealer {
  seal(plain: string): Promise<string>;
  /** Throws when the text was not sealed with this key or was altered. */
  open(sealed: string): Promise<string>;
}

const VERSION = 'v1';
const INFO = new TextEncoder().encode('cg/sealed/v1');

export function createSealer(dataKey: string): Sealer {
  let key: Promise<CryptoKey> | undefined;
  const keyOf = () =>
    (key ??= crypto.subtle
      .importKey('raw', fromHex(dataKey), 'HKDF', false, ['deriveKey'])
      .then((base) =>
        crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: INFO }, base, { name: 'AES-GCM', length: 256 }, false, [
          'encrypt',
          'decrypt',
        ]),
      ));
  return {
    async seal(plain) {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const cipher = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await keyOf(), new TextEncoder().encode(plain));
      return `${VERSION}.${toBase64Url(iv)}.${toBase64Url(new Uint8Array(cipher))}`;
    },
    async open(sealed) {
      const [version, iv, cipher] = sealed.split('.');
      if (version !== VERSION || iv === undefined || cipher === undefined) throw new Error('not a sealed value');
      const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64Url(iv) }, await keyOf(), fromBase64Url(cipher));
      return new TextDecoder().decode(plain);
    },
  };
}
