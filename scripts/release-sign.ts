// `npm run release:sign -- <folder>` / `npm run release:sign -- --keygen <folder>`: see
// electron/release-sign.ts and the README's "Updates".
import { releaseSign } from '../electron/release-sign';

process.exitCode = await releaseSign(process.argv.slice(2), process.env, console);
