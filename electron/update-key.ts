// The public halves of the keys that may sign the update feed (update-signature.ts). The private
// half is never in the repository: the release manager keeps it and points `UPDATE_SIGNING_KEY` at
// it when running `npm run release:sign` (README "Updates").
//
// This is a DEVELOPMENT key: before the first real release, a maintainer runs
// `npm run release:sign -- --keygen <safe folder>` and replaces the PEM below with the public key
// it prints. To rotate a key, add the new public key to this list, ship a release (signed with the
// old key) to every office, then sign with the new key and remove the old public key.
export const UPDATE_PUBLIC_KEYS: readonly string[] = [
  `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEA2PSUk1VDxWxugzTjBIBigc45zHgvVUAAJI2xVcBkJxw=
-----END PUBLIC KEY-----
`,
];
