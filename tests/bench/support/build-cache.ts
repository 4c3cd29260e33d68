// Builds the benchmarks need (the bench page, the web app), made once and kept by the content of
// their inputs: a second benchmark file, or a second run with the same sources, reuses the build
// instead of paying for Vite again. Each build lands in a folder of its own named by that hash
// (node_modules/.cache/cg-bench-builds/<name>-<hash>), written under a temporary name and renamed
// when complete, so benchmarks running at the same time never serve a half-written or emptied
// folder. Old builds are pruned: the newest few per name are kept, and none used in the last hours.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CACHE = join(REPO_ROOT, 'node_modules/.cache/cg-bench-builds');
/** Builds kept per name beyond those used recently. */
const KEEP = 3;
const RECENT_MS = 3 * 60 * 60_000;
const DAY_MS = 24 * 60 * 60_000;

/**
 * A hash of the files under `inputs` (paths relative to the repository, files or folders walked
 * recursively, skipping node_modules and dot folders): their paths and contents.
 */
export function contentHash(inputs: readonly string[]): string {
  const hash = createHash('sha256');
  const visit = (path: string) => {
    const full = join(REPO_ROOT, path);
    if (!existsSync(full)) return;
    if (statSync(full).isDirectory()) {
      for (const entry of readdirSync(full).sort()) {
        if (entry === 'node_modules' || entry.startsWith('.')) continue;
        visit(join(path, entry));
      }
      return;
    }
    hash.update(`${path}\0`);
    hash.update(readFileSync(full));
    hash.update('\0');
  };
  for (const input of inputs) visit(input);
  return hash.digest('hex').slice(0, 16);
}

export interface CachedBuild {
  /** The folder holding the build. */
  dir: string;
  /** Whether it was built now (false: reused). */
  built: boolean;
  /** Time taken to hash, and to build when it was built. */
  ms: number;
}

/**
 * The build of `name` for the current content of `inputs`: reused when one exists, else made by
 * `build(outDir)` into a fresh folder. `BENCH_REBUILD=1` always builds.
 */
export async function cachedBuild(name: string, inputs: readonly string[], build: (outDir: string) => Promise<void>): Promise<CachedBuild> {
  const started = performance.now();
  const dir = join(CACHE, `${name}-${contentHash(inputs)}`);
  if (process.env.BENCH_REBUILD !== '1' && existsSync(join(dir, '.complete'))) {
    const now = new Date();
    await utimes(dir, now, now).catch(() => undefined);
    return { dir, built: false, ms: performance.now() - started };
  }
  await mkdir(CACHE, { recursive: true });
  const temporary = `${dir}.tmp-${process.pid}-${Date.now()}`;
  try {
    await build(temporary);
    await mkdir(temporary, { recursive: true });
    await writeFile(join(temporary, '.complete'), new Date().toISOString());
    if (existsSync(dir)) await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    // Another benchmark may have finished the same build meanwhile: then its folder is used.
    await rename(temporary, dir).catch((error: unknown) => {
      if (!existsSync(join(dir, '.complete'))) throw error;
    });
  } finally {
    await rm(temporary, { recursive: true, force: true });
  }
  await prune(name).catch(() => undefined);
  return { dir, built: true, ms: performance.now() - started };
}

/** Keeps the newest KEEP builds of `name` and any used within RECENT_MS; leftovers of crashed builds go after a day. */
async function prune(name: string): Promise<void> {
  const entries = (await readdir(CACHE)).filter((entry) => entry.startsWith(`${name}-`));
  const dated = await Promise.all(entries.map(async (entry) => ({ entry, mtime: (await stat(join(CACHE, entry))).mtimeMs })));
  dated.sort((a, b) => b.mtime - a.mtime);
  const now = Date.now();
  for (const [i, { entry, mtime }] of dated.entries()) {
    const leftover = entry.includes('.tmp-');
    if (leftover ? now - mtime > DAY_MS : i >= KEEP && now - mtime > RECENT_MS) await rm(join(CACHE, entry), { recursive: true, force: true });
  }
}

/** Runs `command` with `args` in the repository's root, its output to this process's; rejects on failure. */
export function run(command: string, args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} ended with ${code}`))));
  });
}

/** `path` relative to the repository (for messages). */
export function fromRoot(path: string): string {
  return relative(REPO_ROOT, path);
}
