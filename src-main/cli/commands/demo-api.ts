/**
 * `nevent-companion demo-api [--port N] [--tenants N] [--latency-ms N] [--token-ttl S]`: runs the
 * embedded demo Nevent API until SIGINT/SIGTERM. The first stdout line is exactly
 * `listening on http://127.0.0.1:PORT` (scripts and tests wait for it).
 */
import { parseArgs } from 'node:util';
import type { CliCommand, CliIo } from '../command';

const usage = `Usage: nevent-companion demo-api [--port N] [--tenants N] [--latency-ms N] [--token-ttl S]

Runs the embedded demo Nevent API on 127.0.0.1 (fake data, for trying the app, tests and benchmarks).

Options:
  --port N         port to listen on (default 0: any free port)
  --tenants N      total tenants in the tree, generated for scale tests (default: the demo tree)
  --latency-ms N   added latency per request in milliseconds (default 0)
  --token-ttl S    access-token lifetime in seconds (default 900)`;

/** Parses a non-negative integer flag; undefined when absent, throws a readable error when bad. */
function integerFlag(name: string, raw: string | undefined, max: number): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) > max) throw new Error(`--${name} must be a whole number from 0 to ${max} (got "${raw}")`);
  return Number(raw);
}

/** Waits for SIGINT or SIGTERM. */
function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

async function run(argv: string[], io: CliIo): Promise<number> {
  let options: { port?: number; tenants?: number; latencyMs?: number; accessTokenTtlSeconds?: number };
  try {
    const { values } = parseArgs({
      args: argv,
      options: { port: { type: 'string' }, tenants: { type: 'string' }, 'latency-ms': { type: 'string' }, 'token-ttl': { type: 'string' } },
      strict: true,
      allowPositionals: false,
    });
    options = {
      port: integerFlag('port', values.port, 65535),
      tenants: integerFlag('tenants', values.tenants, 1_000_000),
      latencyMs: integerFlag('latency-ms', values['latency-ms'], 60_000),
      accessTokenTtlSeconds: integerFlag('token-ttl', values['token-ttl'], 365 * 24 * 3600),
    };
  } catch (error) {
    io.stderr.write(`nevent-companion demo-api: ${error instanceof Error ? error.message : String(error)}\n\n${usage}\n`);
    return 2;
  }

  // Loaded here so `--help` and flag errors stay instant.
  const { demoUsers, startDemoApi } = await import('../../demo-api');
  let api: Awaited<ReturnType<typeof startDemoApi>>;
  try {
    api = await startDemoApi(options);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`nevent-companion demo-api: could not start: ${message}\n`);
    return 1;
  }
  const stopped = untilSignal();
  io.stdout.write(
    [
      `listening on ${api.url}`,
      `data API: ${api.dataUrl}`,
      `JWKS: ${api.jwksUrl}`,
      `demo users (password "demo"): ${demoUsers.map((u) => `${u.email} (${u.role})`).join(', ')}`,
      'fault controls: POST /__demo/faults, GET /__demo/stats. Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  const signal = await stopped;
  io.stderr.write(`demo-api: ${signal} received, shutting down\n`);
  await api.close();
  return 0;
}

/** `demo-api` command. */
export const demoApiCommand: CliCommand = {
  summary: 'Run the embedded demo Nevent API on loopback',
  usage,
  run,
};
