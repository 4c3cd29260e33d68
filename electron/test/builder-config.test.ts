// The packaging configuration (build/electron-builder.yml) cannot be exercised here (electron-builder
// needs downloads these machines cannot make), so its security-relevant settings are pinned: a
// careless edit that re-enables ELECTRON_RUN_AS_NODE, drops ASAR, ships node_modules or changes the
// installers fails this test.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Configuration } from 'electron-builder';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);

async function loadConfig(): Promise<Configuration> {
  return parse(await readFile(path.join(root, 'build', 'electron-builder.yml'), 'utf8')) as Configuration;
}

interface TargetEntry {
  target: string;
  arch: string[];
}

describe('build/electron-builder.yml', () => {
  it('is a valid electron-builder configuration', { timeout: 90_000 }, async () => {
    const config = await loadConfig();
    // The schema check electron-builder runs before packaging (app-builder-lib, a dependency of electron-builder).
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration: (config: Configuration, logger: unknown) => Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    // The check itself catches a misspelt option.
    await expect(validateConfiguration({ ...config, electronFuses: { runAsNod: false } } as Configuration, new DebugLogger(false))).rejects.toThrow(/electronFuses/);
  });

  it('sets every fuse that closes a way into the packaged app', async () => {
    const config = await loadConfig();
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
    });
    expect(config.asar).toBe(true);
  });

  it('packages only the built app, without node_modules', async () => {
    const config = await loadConfig();
    expect(config.files).toEqual(['dist/renderer/**', 'dist-electron/**', 'package.json', '!node_modules']);
    // The hook that keeps electron-builder from copying the production dependencies runs only
    // when npmRebuild is not switched off, and must answer false.
    expect(config.npmRebuild).not.toBe(false);
    expect(config.beforeBuild).toBe('./scripts/electron-before-build.mjs');
    const hook = (await import(pathToFileURL(path.join(root, 'scripts', 'electron-before-build.mjs')).href)) as { beforeBuild: () => Promise<boolean> };
    await expect(hook.beforeBuild()).resolves.toBe(false);
  });

  it('builds a per-user Chinese NSIS installer with shortcuts for Windows x64', async () => {
    const config = await loadConfig();
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({
      oneClick: true,
      perMachine: false,
      installerLanguages: ['zh_CN'],
      language: '2052',
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
      deleteAppDataOnUninstall: false,
    });
  });

  it('builds .deb and AppImage for x64 and arm64 (UOS, Kylin)', async () => {
    const config = await loadConfig();
    const targets = config.linux?.target as TargetEntry[];
    expect(targets.map((entry) => [entry.target, [...entry.arch].sort()])).toEqual([
      ['deb', ['arm64', 'x64']],
      ['AppImage', ['arm64', 'x64']],
    ]);
  });

  it('writes the generic update feed, asking one range at a time, and never publishes from npm run dist', async () => {
    const config = await loadConfig();
    expect(config.publish).toMatchObject({ provider: 'generic', useMultipleRangeRequest: false });
    const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.dist).toContain('electron-builder --config build/electron-builder.yml');
    expect(pkg.scripts.dist).toContain('--publish never');
  });
});
