/**
 * Packs the built app for real with electron-builder (`--dir`, offline): a stand-in Electron
 * distribution (`electronDist`: a folder whose `electron` executable is a copy of this Node, which is
 * what Electron is in Node mode), no native rebuild (`npmRebuild=false`). Then checks the archive and runs
 * the packed CLI exactly as the entry the app writes for AI clients, directly and through
 * electron-builder's own AppImage launcher (AppRun).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appImageBootstrap, appRunSandboxMarker, installedCliPath, runAsNodeEnv } from '../../../src-main/electron/cli-launcher';
import { ensureAppBuilt, repoRoot } from './built-app';

const require = createRequire(import.meta.url);
const asar = require('@electron/asar') as { listPackage(archive: string, options: { isPack: boolean }): string[]; statFile(archive: string, file: string, followLinks?: boolean): { unpacked?: boolean }; extractFile(archive: string, file: string): Buffer };
const { generateAppRunScript } = require('app-builder-lib/out/targets/appimage/appImageUtil') as { generateAppRunScript(config: Record<string, string>): string };
const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string>; optionalDependencies: Record<string, string> };

/** An electronDist as electron-builder accepts one: a folder with an `electron` executable. */
function standInElectronDist(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const executable = join(dir, 'electron');
  try {
    linkSync(process.execPath, executable);
  } catch {
    copyFileSync(process.execPath, executable);
  }
  chmodSync(executable, 0o755);
  return dir;
}

/** Records what electron-builder would write as the .desktop file (the --dir target writes none). */
const afterPackHook = (out: string) => `
const { writeFileSync } = require('node:fs');
module.exports = async (context) => {
  const { LinuxTargetHelper } = require(${JSON.stringify(require.resolve('app-builder-lib/out/targets/LinuxTargetHelper'))});
  const helper = new LinuxTargetHelper(context.packager);
  const entry = await helper.computeDesktopEntry(context.packager.platformSpecificBuildOptions);
  writeFileSync(${JSON.stringify(out)}, JSON.stringify({ fileName: helper.getDesktopFileName(), entry, debDepends: context.packager.config.deb?.depends ?? null }));
};
`;

describe('electron-builder --dir with a stand-in Electron', () => {
  let dir: string;
  let appDir: string;
  let archive: string;
  let unpacked: string;
  let desktop: { fileName: string; entry: string; debDepends: string[] | null };
  let files: Set<string>;

  beforeAll(async () => {
    await ensureAppBuilt();
    dir = mkdtempSync(join(tmpdir(), 'nevent-pack-'));
    const hook = join(dir, 'after-pack.cjs');
    writeFileSync(hook, afterPackHook(join(dir, 'desktop.json')));
    const result = spawnSync(
      process.execPath,
      [
        join(repoRoot, 'node_modules', 'electron-builder', 'cli.js'),
        '--linux',
        '--dir',
        '--config',
        'build/electron-builder.yml',
        `-c.electronDist=${standInElectronDist(join(dir, 'electron-dist'))}`,
        '-c.npmRebuild=false',
        `-c.directories.output=${join(dir, 'dist')}`,
        `-c.afterPack=${hook}`,
      ],
      {
        cwd: repoRoot,
        encoding: 'utf8',
        // Offline: any download would go to a closed port and fail the run.
        env: { ...process.env, HTTPS_PROXY: 'http://127.0.0.1:9', HTTP_PROXY: 'http://127.0.0.1:9', ELECTRON_GET_USE_PROXY: '1', ELECTRON_BUILDER_CACHE: join(dir, 'cache'), ELECTRON_CACHE: join(dir, 'cache') },
        timeout: 180_000,
      },
    );
    if (result.status !== 0) throw new Error(`electron-builder failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
    appDir = join(dir, 'dist', 'linux-unpacked');
    archive = join(appDir, 'resources', 'app.asar');
    unpacked = `${archive}.unpacked`;
    files = new Set(asar.listPackage(archive, { isPack: false }).map((file) => file.replace(/\\/g, '/')));
    desktop = JSON.parse(readFileSync(join(dir, 'desktop.json'), 'utf8')) as typeof desktop;
  }, 240_000);

  afterAll(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it('packs main, preload, renderer, the MCP App views, the installed app’s CLI and the production dependencies, and no sources or maps', () => {
    for (const file of ['/package.json', '/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html', '/out/apps/view.html', `/${installedCliPath.join('/')}`]) expect(files, file).toContain(file);
    expect([...files].some((file) => /^\/out\/renderer\/assets\/index-[\w-]+\.js$/.test(file))).toBe(true);
    for (const dependency of [...Object.keys(pkg.dependencies), ...Object.keys(pkg.optionalDependencies)]) expect(files, dependency).toContain(`/node_modules/${dependency}/package.json`);
    const unwanted = [...files].filter((file) => file.endsWith('.map') || /^\/(src-main|src-shared|src-renderer|src-apps|test|build|scripts)\//.test(file) || file.startsWith('/node_modules/electron/'));
    expect(unwanted).toEqual([]);
  });

  it('carries the Claude Desktop bundle in its resources, where "Install the extension" takes it from', () => {
    expect(existsSync(join(appDir, 'resources', 'nevent-companion.mcpb'))).toBe(true);
    expect(files.has('/out/mcpb/nevent-companion.mcpb')).toBe(false);
  });

  it('keeps keytar (its JavaScript and keytar.node) and the CLI outside the archive, where plain Node can read them', () => {
    expect(asar.statFile(archive, 'node_modules/keytar/build/Release/keytar.node').unpacked).toBe(true);
    expect(existsSync(join(unpacked, 'node_modules', 'keytar', 'build', 'Release', 'keytar.node'))).toBe(true);
    expect(existsSync(join(unpacked, 'node_modules', 'keytar', 'package.json'))).toBe(true);
    expect(asar.statFile(archive, installedCliPath.join('/')).unpacked).toBe(true);
    expect(existsSync(join(unpacked, ...installedCliPath))).toBe(true);
    // Main stays in the archive and needs nothing from node_modules but keytar.
    expect(asar.statFile(archive, 'out/main/index.js').unpacked).toBeFalsy();
    const main = asar.extractFile(archive, 'out/main/index.js').toString('utf8');
    const imported = [...main.matchAll(/^import\s[^'"]*?from\s+"([^"]+)"/gm)].map((match) => match[1]);
    expect(imported.filter((name) => !name?.startsWith('node:') && name !== 'electron')).toEqual([]);
    // keytar runs in a child process (a hanging keychain can be killed there): main only resolves its path.
    expect(main).toContain('createRequire(import.meta.url).resolve("keytar")');
  });

  it('the packed package.json carries what Electron reads at start: ES module main and the desktop name', () => {
    const packed = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8')) as Record<string, unknown>;
    expect(packed).toMatchObject({ main: 'out/main/index.js', type: 'module', desktopName: 'es.nevent.companion.desktop' });
  });

  it('names the .desktop file after the desktop name, with a matching StartupWMClass, and keeps the .deb’s default dependencies', () => {
    expect(desktop.fileName).toBe('es.nevent.companion');
    expect(desktop.entry).toMatch(/^StartupWMClass=es\.nevent\.companion$/m);
    expect(desktop.debDepends).toBeNull();
  });

  it('the entry AI clients get runs: the app’s executable in Node mode on the unpacked CLI, with keytar loading', () => {
    const executable = join(appDir, 'nevent-companion');
    const cli = join(unpacked, ...installedCliPath);
    const env = { ...runAsNodeEnv, PATH: '/nonexistent', HOME: dir, DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(dir, 'no-bus')}` };
    const version = spawnSync(executable, [cli, '--version'], { cwd: dir, env, encoding: 'utf8' });
    expect(version.stdout.trim()).toBe(`nevent-companion ${pkg.version}`);
    // keytar resolved and loaded from beside the CLI: the keychain is reached (and absent here), not the module.
    const status = spawnSync(executable, [cli, 'status'], { cwd: dir, env, encoding: 'utf8', timeout: 30_000 });
    expect(status.stdout + status.stderr).toMatch(/no OS keychain is running in this session/);
    expect(status.stdout + status.stderr).not.toMatch(/keytar\) is not available/);
  });

  it('through electron-builder’s AppImage launcher (AppRun), even when it adds --no-sandbox for want of user namespaces', () => {
    // The AppImage's mount holds exactly this folder plus AppRun.
    writeFileSync(join(appDir, 'AppRun'), generateAppRunScript({ DesktopFileName: 'es.nevent.companion.desktop', ExecutableName: 'nevent-companion', ProductName: 'Nevent Companion', ProductFilename: 'Nevent Companion', ResourceName: 'appimagekit-nevent-companion' }), { mode: 0o755 });
    const noUserNamespaces = join(dir, 'no-userns');
    mkdirSync(noUserNamespaces, { recursive: true });
    writeFileSync(join(noUserNamespaces, 'unshare'), '#!/bin/sh\nexit 1\n', { mode: 0o755 });
    const env = { ...runAsNodeEnv, PATH: `${noUserNamespaces}:/usr/bin:/bin`, HOME: dir, APPIMAGE: join(dir, 'Nevent-Companion.AppImage') };
    const entryArgs = ['-e', appImageBootstrap, '--', appRunSandboxMarker, '--version'];
    const run = spawnSync(join(appDir, 'AppRun'), entryArgs, { cwd: dir, env, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe(`nevent-companion ${pkg.version}`);
    // Without the marker, AppRun puts --no-sandbox first, and Node refuses it.
    const unmarked = spawnSync(join(appDir, 'AppRun'), ['-e', appImageBootstrap, '--', '--version'], { cwd: dir, env, encoding: 'utf8' });
    expect(unmarked.status).not.toBe(0);
    expect(unmarked.stderr).toMatch(/bad option: --no-sandbox/);
  });
});
