import { describe, expect, it } from 'vitest';
import { parseLaunchOptions } from '../../../src-main/electron/launch-options';

describe('desktop launch options', () => {
  it('reads --demo, --demo-user, --socket and --mode among Electron’s own arguments', () => {
    expect(parseLaunchOptions(['/usr/bin/electron', '.', '--no-sandbox-x', '--demo', '--demo-user', 'solo', '--socket=/tmp/s.sock', '--mode', 'standard'])).toEqual({
      options: { demo: { user: 'solo' }, socketPath: '/tmp/s.sock', operationMode: 'STANDARD' },
      problems: [],
    });
  });

  it('defaults the demo user to owner and runs without demo when not asked', () => {
    expect(parseLaunchOptions(['electron', '.', '--demo']).options.demo).toEqual({ user: 'owner' });
    expect(parseLaunchOptions(['electron', '.']).options).toEqual({ demo: null });
  });

  it('reads --toolsets as the CLI does', () => {
    expect(parseLaunchOptions(['electron', '.', '--toolsets', 'default,media']).options.toolsets).toEqual(['tenants', 'audiences', 'campaigns', 'media', 'help']);
    expect(parseLaunchOptions(['electron', '.', '--toolsets=all']).options.toolsets).toHaveLength(9);
  });

  it('reports bad values', () => {
    expect(parseLaunchOptions(['electron', '--demo-user', 'root', '--mode', 'god', '--toolsets', 'everything', '--socket']).problems).toHaveLength(4);
  });
});
