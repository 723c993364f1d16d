/**
 * The electron-builder configuration is valid and says what an installed app needs. The app is packed
 * for real (`electron-builder --dir`) in test/integration/shell/packaging.test.ts.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as { validateConfiguration(config: unknown, logger: unknown): Promise<void> };
const FpmTarget = (require('app-builder-lib/out/targets/FpmTarget') as { default: { prototype: { getDefaultDepends(target: string): string[] } } }).default;

interface BuilderConfig {
  appId: string;
  files: string[];
  asarUnpack: string[];
  linux: { target: string[]; syncDesktopName?: boolean };
  deb?: { depends?: string[] };
  electronFuses?: { runAsNode?: boolean };
  [key: string]: unknown;
}
const config = yaml.load(readFileSync(join(root, 'build', 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string; desktopName?: string; engines: { node: string }; scripts: Record<string, string>; dependencies: Record<string, string> };

describe('packaging configuration', () => {
  it('passes electron-builder’s own schema validation', { timeout: 30_000 }, async () => {
    await expect(validateConfiguration(config, { add: () => undefined, isEnabled: false })).resolves.toBeUndefined();
  });

  it('targets AppImage + deb, dmg and nsis, and packs the bundles and the installed app’s CLI, unpacked with keytar', () => {
    expect(config).toMatchObject({ linux: { target: ['AppImage', 'deb'] }, mac: { target: ['dmg'] }, win: { target: ['nsis'] } });
    expect(config.files).toEqual(expect.arrayContaining(['out/main/**', 'out/preload/**', 'out/renderer/**', 'out/app-cli/**', 'package.json']));
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['out/app-cli/**', 'node_modules/keytar/**', '**/*.node']));
    expect(pkg.main).toBe('out/main/index.js');
  });

  it('the .deb keeps electron-builder’s default dependencies (GTK, NSS, libsecret, …)', () => {
    const defaults = FpmTarget.prototype.getDefaultDepends('deb');
    expect(defaults).toEqual(expect.arrayContaining(['libgtk-3-0', 'libnss3', 'libsecret-1-0']));
    const effective = config.deb?.depends ?? defaults;
    expect(effective).toEqual(expect.arrayContaining(defaults));
  });

  it('names the desktop file after a reverse-DNS desktopName (Wayland app id, GNOME portals)', () => {
    expect(pkg.desktopName).toBe(`${config.appId}.desktop`);
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z][a-z0-9-]*){2,}$/);
    expect(config.linux.syncDesktopName).toBe(true);
  });

  it('keeps Electron’s RunAsNode fuse on: AI clients start the app in Node mode', () => {
    expect(config.electronFuses?.runAsNode).not.toBe(false);
  });

  it('`npm run dist` builds both CLIs and the app before packing', () => {
    expect(pkg.scripts.dist).toMatch(/npm run build && electron-builder --config build\/electron-builder\.yml$/);
    expect(pkg.scripts.build).toContain('node scripts/build-cli.mjs');
    expect(pkg.scripts.build).toContain('node build/app-cli.mjs');
    expect(pkg.scripts.build).toContain('electron-vite build');
  });

  it('the CLI keeps Node 20.19; the packaging toolchain’s Node 22.12 is said where it applies', () => {
    expect(pkg.engines.node).toBe('>=20.19');
    const toolchain = (JSON.parse(readFileSync(join(root, 'node_modules', '@electron', 'rebuild', 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
    expect(toolchain).toBe('>=22.12.0');
    expect(pkg.scripts.dist).toMatch(/^node build\/check-toolchain-node\.mjs && /);
    expect(readFileSync(join(root, 'build', 'check-toolchain-node.mjs'), 'utf8')).toMatch(/minor < 12/);
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toMatch(/Node 22\.12/);
  });

  it('has a 512×512 PNG icon', () => {
    const png = readFileSync(join(root, 'build', 'icon.png'));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });
});
