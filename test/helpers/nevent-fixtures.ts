/**
 * Loads the corpus of real-shaped Nevent API payloads (`test/fixtures/nevent-api/*.json`, format in its
 * README) and replaces every `<jwt key=value …>` placeholder with a real HS256 token whose payload has
 * exactly those claims. The key is a throwaway made per load: the client never checks HS256 signatures
 * (the real API publishes no key), so only the claims matter.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT } from 'jose';

/** Where the corpus lives. */
export const neventFixtureDir = join(import.meta.dirname, '..', 'fixtures', 'nevent-api');

/** One answer of an endpoint: its HTTP status and body (JSON, the text of a non-JSON body, or null). */
export interface FixtureCase {
  name: string;
  status: number;
  body: unknown;
}

/** One fixture file: an endpoint (`METHOD /path/{param}`) on one host, with its cases. */
export interface FixtureFile {
  file: string;
  endpoint: string;
  host: 'core' | 'data';
  auth: 'bearer' | 'none';
  request?: { query?: Record<string, unknown>; body?: unknown };
  cases: FixtureCase[];
}

/** The loaded corpus, placeholders replaced, and the claims each generated token carries. */
export interface NeventCorpus {
  files: FixtureFile[];
  /** Claims of every token the loader made, by token. */
  claimsOf: ReadonlyMap<string, Record<string, unknown>>;
}

const placeholderPattern = /^<jwt((?:\s+[A-Za-z_][A-Za-z0-9_]*=[^\s<>]+)*)\s*>$/;
const relativeTimeClaims = new Set(['exp', 'iat', 'nbf']);

/**
 * The claims a placeholder names: digits-only values are numbers, `exp=+3600` / `iat=-1` are seconds
 * relative to `nowSeconds`, everything else a string. Throws on anything else, so a typo in a fixture
 * cannot turn into a token that silently lacks a claim.
 */
export function placeholderClaims(placeholder: string, nowSeconds: number): Record<string, unknown> {
  const match = placeholderPattern.exec(placeholder);
  if (match === null) throw new Error(`malformed token placeholder: ${placeholder}`);
  const claims: Record<string, unknown> = {};
  for (const pair of (match[1] ?? '').trim().split(/\s+/).filter((part) => part !== '')) {
    const eq = pair.indexOf('=');
    const key = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    if (key in claims) throw new Error(`token placeholder repeats the claim "${key}": ${placeholder}`);
    if (/^[+-]\d+$/.test(value)) {
      if (!relativeTimeClaims.has(key)) throw new Error(`only exp, iat and nbf may be relative (${key}=${value})`);
      claims[key] = nowSeconds + Number(value);
    } else {
      claims[key] = /^\d+$/.test(value) ? Number(value) : value;
    }
  }
  return claims;
}

function readFixtureFile(file: string): FixtureFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(join(neventFixtureDir, file), 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  const record = parsed as Partial<FixtureFile> | null;
  const problem =
    record === null || typeof record !== 'object' || Array.isArray(record)
      ? 'not an object'
      : typeof record.endpoint !== 'string' || !/^(GET|POST|PUT|PATCH|DELETE|ANY) \S/.test(record.endpoint)
        ? 'no endpoint ("METHOD /path")'
        : record.host !== 'core' && record.host !== 'data'
          ? 'no host (core or data)'
          : !Array.isArray(record.cases) || record.cases.length === 0
            ? 'no cases'
            : record.cases.find((c) => c === null || typeof c !== 'object' || typeof c.name !== 'string' || c.name === '' || !Number.isInteger(c.status) || !('body' in c))
              ? 'a case without name, status or body'
              : null;
  if (problem !== null) throw new Error(`${file}: ${problem}`);
  return { ...(record as FixtureFile), file };
}

/** Replaces placeholders anywhere in `value` (strings that are one whole placeholder). */
async function substitute(value: unknown, sign: (placeholder: string) => Promise<string>): Promise<unknown> {
  if (typeof value === 'string') {
    if (value.startsWith('<jwt')) return sign(value);
    return value;
  }
  if (Array.isArray(value)) return Promise.all(value.map((item) => substitute(item, sign)));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = await substitute(inner, sign);
    return out;
  }
  return value;
}

/** The names of the corpus files (every `*.json` in the folder), sorted. */
export function neventFixtureFileNames(): string[] {
  return readdirSync(neventFixtureDir)
    .filter((name) => name.endsWith('.json'))
    .sort();
}

/** Loads every fixture file; throws naming the file when one is malformed. Tokens are made now. */
export async function loadNeventCorpus(nowMs: number = Date.now()): Promise<NeventCorpus> {
  const nowSeconds = Math.floor(nowMs / 1000);
  const key = crypto.getRandomValues(new Uint8Array(32));
  const claimsOf = new Map<string, Record<string, unknown>>();
  const sign = async (placeholder: string): Promise<string> => {
    const claims = placeholderClaims(placeholder, nowSeconds);
    const token = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(key);
    claimsOf.set(token, claims);
    return token;
  };
  const files: FixtureFile[] = [];
  for (const name of neventFixtureFileNames()) {
    const file = readFixtureFile(name);
    const cases: FixtureCase[] = [];
    for (const c of file.cases) cases.push({ ...c, body: await substitute(c.body, sign) });
    const request = file.request === undefined ? undefined : ((await substitute(file.request, sign)) as FixtureFile['request']);
    files.push({ ...file, cases, ...(request === undefined ? {} : { request }) });
  }
  return { files, claimsOf };
}
