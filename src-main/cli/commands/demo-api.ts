/**
 * `nevent-companion demo-api [--port N] [--tenants N] [--latency-ms N] [--jwks] [--token-ttl S]`: runs the
 * embedded demo Nevent API until SIGINT/SIGTERM. The first stdout line is exactly
 * `listening on http://127.0.0.1:PORT` (scripts and tests wait for it).
 */
import { parseArgs } from 'node:util';
import type { DemoApiOptions } from '../../demo-api';
import { listPagingModes } from '../../demo-api/list-paging';
import type { CliCommand, CliIo } from '../command';

const usage = `Usage: nevent-companion demo-api [--port N] [--tenants N] [--latency-ms N] [--jwks] [--token-ttl S] [--issuer ISS] [--segment-list-shape array|segments|content]
       [--list-paging real|ignored|honored]

Runs the embedded demo Nevent API on 127.0.0.1 (fake data, for trying the app, tests and benchmarks).
It answers in the real Nevent API's shapes; its data API is under /data.

Options:
  --port N         port to listen on (default 0: any free port)
  --tenants N      total tenants in the tree, generated for scale tests (default: the demo tree)
  --latency-ms N   added latency per request in milliseconds (default 0)
  --jwks           sign tokens ES256 and publish the key at /.well-known/jwks.json
                   (default: HS256 with a server secret and no keys, as the real API)
  --token-ttl S    access-token lifetime in seconds (default 900)
  --issuer ISS     "iss" claim of issued tokens (default nevent-demo)
  --segment-list-shape array|segments|content
                   shape of GET /segments (default array, as the real API answers it)
  --list-paging real|ignored|honored
                   which lists page their answer: real (default) answers every segment whatever
                   page, size or search GET /segments is sent, as the real API does, and pages the
                   other lists; ignored answers every list whole; honored pages every list

Faults can be injected while it runs: POST /__demo/faults, e.g.
  {"failNextSwitches":{"n":1,"kind":"http_500"}}  {"latencyMs":200}  {"expireAccessTokens":true}
  {"refreshInOtherTenant":1}  {"refuseRefreshIn":"tn-acme-es"}  {"reset":true}
(switch failure kinds: http_500 http_503 timeout malformed_token wrong_tenant bad_signature alg_none expired_token);
GET /__demo/stats shows the counters.`;

const listShapes = ['array', 'segments', 'content'] as const;

/** Parses a non-negative integer flag; undefined when absent, throws a readable error when bad. */
function integerFlag(name: string, raw: string | undefined, max: number): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) > max) throw new Error(`--${name} must be a whole number from 0 to ${max} (got "${raw}")`);
  return Number(raw);
}

/** Parses `--segment-list-shape`. */
function listShapeFlag(raw: string | undefined): DemoApiOptions['segmentListShape'] {
  if (raw === undefined) return undefined;
  const shape = listShapes.find((s) => s === raw);
  if (shape === undefined) throw new Error(`--segment-list-shape must be one of ${listShapes.join(', ')} (got "${raw}")`);
  return shape;
}

/** Parses `--list-paging`. */
function listPagingFlag(raw: string | undefined): DemoApiOptions['listPaging'] {
  if (raw === undefined) return undefined;
  const mode = listPagingModes.find((m) => m === raw);
  if (mode === undefined) throw new Error(`--list-paging must be one of ${listPagingModes.join(', ')} (got "${raw}")`);
  return mode;
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
  let options: DemoApiOptions;
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        tenants: { type: 'string' },
        'latency-ms': { type: 'string' },
        'token-ttl': { type: 'string' },
        issuer: { type: 'string' },
        'segment-list-shape': { type: 'string' },
        'list-paging': { type: 'string' },
        jwks: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    });
    options = {
      port: integerFlag('port', values.port, 65535),
      tenants: integerFlag('tenants', values.tenants, 1_000_000),
      latencyMs: integerFlag('latency-ms', values['latency-ms'], 60_000),
      accessTokenTtlSeconds: integerFlag('token-ttl', values['token-ttl'], 365 * 24 * 3600),
      segmentListShape: listShapeFlag(values['segment-list-shape']),
      listPaging: listPagingFlag(values['list-paging']),
      jwks: values.jwks === true,
    };
    if (values.issuer !== undefined) {
      if (values.issuer.trim() === '' || values.issuer.length > 512) throw new Error('--issuer must be a non-empty string');
      options.issuer = values.issuer;
    }
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
      api.jwksUrl === null ? 'tokens: HS256 (no signing keys published; --jwks publishes some)' : `JWKS: ${api.jwksUrl}`,
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
