/**
 * Credentials for standalone `nevent-companion mcp` (no app running), in this order:
 *
 *   --demo            start the demo API in-process on a free loopback port, sign in as --demo-user
 *   NEVENT_JWT_TOKEN  (+ NEVENT_REFRESH_TOKEN) against --api-url / NEVENT_API_URL (data API: --data-api-url / NEVENT_DATA_API_URL)
 *   keychain          the account saved by the app or `nevent-companion login`
 *
 * Tokens from the environment are kept in memory only: nothing is written to the keychain or disk.
 */
import { errorCodes, mcpErrorTypeOf, type AppErrorData, type ErrorCode } from '../../src-shared/errors';
import { createCore } from '../core/create-core';
import type { Core } from '../core/create-core';
import { demoUserNames, signInToDemo } from '../core/demo-sign-in';
import type { DemoUserName } from '../core/demo-sign-in';
import { MemorySecretStore } from '../core/secret-store';
import { signInStandalone } from '../core/standalone-sign-in';
import type { TenantSession } from '../core/tenant-session';
import { CoreError } from '../core/tenant-session';

/** What the user asked for on the command line and in the environment. */
export interface StandaloneOptions {
  demo: boolean;
  demoUser?: string;
  apiUrl?: string;
  dataApiUrl?: string;
  env: NodeJS.ProcessEnv;
}

/** A signed-in core with one MCP session, and how to tear it all down. */
export interface StandaloneSession {
  session: TenantSession;
  /** Where the credentials came from, for the startup line on stderr. */
  source: 'demo' | 'environment' | 'keychain';
  close(): Promise<void>;
}

/** Thrown when no credentials are available; the message tells the user what to do. */
export class NoCredentialsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NoCredentialsError';
  }
}

/**
 * What a failed sign-in says: the line on stderr (after `nevent-companion mcp: `) and, since `mcp` answers
 * `initialize` before the sign-in ends, the error every tool call then answers with. Its type is always
 * `authentication_error`: the bridge has no usable sign-in, whatever the cause (no credentials, a locked
 * keychain, a refused token, an unreachable API).
 */
export function signInFailure(error: unknown): AppErrorData {
  if (error instanceof NoCredentialsError) return { code: 'authentication_failed', message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  const code: unknown = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  // A locked keychain is not a failed sign-in: the saved one is there, just unreadable for now.
  const text = code === 'keychain_locked' ? `the saved sign-in cannot be used: ${message}. (Or use \`nevent-companion mcp --attach\` with the app running.)` : `could not sign in: ${message}`;
  const known = typeof code === 'string' && (errorCodes as readonly string[]).includes(code) ? (code as ErrorCode) : null;
  return { code: known !== null && mcpErrorTypeOf(known) === 'authentication_error' ? known : 'authentication_failed', message: text };
}

function isDemoUser(name: string): name is DemoUserName {
  return (demoUserNames as readonly string[]).includes(name);
}

/** Signs in from the first available source and opens the session. */
export async function openStandaloneSession(options: StandaloneOptions): Promise<StandaloneSession> {
  const { env } = options;
  const apiUrl = options.apiUrl ?? nonEmpty(env.NEVENT_API_URL);
  const dataApiUrl = options.dataApiUrl ?? nonEmpty(env.NEVENT_DATA_API_URL);

  if (options.demo) {
    const user = options.demoUser ?? 'owner';
    if (!isDemoUser(user)) throw new CoreError('invalid_request', `--demo-user must be one of ${demoUserNames.join(', ')}`, 'demo-user');
    const { startDemoApi } = await import('../demo-api');
    const demo = await startDemoApi({ port: 0 });
    let core: Core | null = null;
    try {
      core = await createCore({ apiUrl: demo.url, dataApiUrl: demo.dataUrl, desktop: false, secretStore: new MemorySecretStore(), ...(demo.jwksUrl === null ? {} : { jwks: demo.jwksUrl }), issuer: demo.issuer });
      await signInToDemo(core, demo, user);
      return withSession(core, 'demo', () => demo.close());
    } catch (error) {
      core?.dispose();
      await demo.close();
      throw error;
    }
  }

  // Environment tokens are for this run only: keep them in memory and never open the keychain.
  // Without NEVENT_API_URL a token is for Nevent itself (https://api.nevent.es).
  const fromEnvironment = nonEmpty(env.NEVENT_JWT_TOKEN) !== undefined;
  const core = await createCore({ desktop: false, ...(fromEnvironment ? { secretStore: new MemorySecretStore() } : {}), ...(apiUrl === undefined ? {} : { apiUrl, dataApiUrl }) });
  let source: Awaited<ReturnType<typeof signInStandalone>>;
  try {
    source = await signInStandalone(core, env, { ...(apiUrl === undefined ? {} : { apiUrl }), ...(dataApiUrl === undefined ? {} : { dataApiUrl }) });
  } catch (error) {
    core.dispose();
    throw error;
  }
  if (source === null) {
    core.dispose();
    const keychainNote = core.secretStoreWarning === null ? '' : ' (no OS keychain is available here, so no saved sign-in can be used)';
    throw new NoCredentialsError(
      `No Nevent credentials found${keychainNote}. Use one of:\n` +
        '  nevent-companion mcp --demo                      try it with the embedded demo API\n' +
        '  NEVENT_JWT_TOKEN=… NEVENT_API_URL=… nevent-companion mcp\n' +
        '  nevent-companion login                           save a sign-in in the OS keychain\n' +
        "  nevent-companion mcp --attach                    use the running app's sign-in",
    );
  }
  return withSession(core, source, async () => undefined);
}

function withSession(core: Core, source: StandaloneSession['source'], after: () => Promise<void>): StandaloneSession {
  const session = core.registry.openMcpSession();
  return {
    session,
    source,
    close: async () => {
      session.close();
      core.dispose();
      await after();
    },
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
