import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli-io';
import { productVersion } from '../../../src-shared/product';

const packageVersion = (JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { version: string }).version;

describe('the product version comes from package.json', () => {
  it('is the package version, and `--version` prints it', async () => {
    expect(productVersion).toBe(packageVersion);
    const run = await runCli(['--version']);
    expect(run).toEqual({ code: 0, stdout: `nevent-companion ${packageVersion}\n`, stderr: '' });
  });
});
