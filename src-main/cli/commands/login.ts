/**
 * `nevent-companion login [--api-url URL] [--data-api-url URL] [--email E] [--password-stdin]`:
 * signs in with email and password and keeps the account in the OS keychain. The password
 * is prompted for without echo on a terminal, or read from stdin with `--password-stdin`; it is never
 * printed, logged or written anywhere.
 */
import { parseArgs } from 'node:util';
import type { ReadStream } from 'node:tty';
import { resolveApiUrls, type ApiUrls } from '../../core/api-urls';
import { defaultConfigDir } from '../../core/account-record';
import { createCore } from '../../core/create-core';
import { CoreError } from '../../core/tenant-session';
import type { CliCommand, CliIo } from '../command';

const usage = `Usage: nevent-companion login [--api-url URL] [--data-api-url URL] [--email EMAIL] [--password-stdin]

Signs in to Nevent and keeps the account in the OS keychain, for the app and \`nevent-companion mcp\`.

  --api-url URL        Nevent's core API (default: $NEVENT_API_URL, else https://api.nevent.es)
  --data-api-url URL   Nevent's data API (default: $NEVENT_DATA_API_URL, else https://data.nevent.es
                       for Nevent itself; another --api-url needs its data API named too)
  --email EMAIL        account email (prompted for when omitted on a terminal)
  --password-stdin     read the password from stdin instead of prompting

Exit status: 0 signed in and saved in the OS keychain; 1 not signed in, or signed in but not saved
(nothing will find that sign-in later); 2 a usage error.`;

function isTty(stream: NodeJS.ReadableStream): stream is ReadStream {
  return (stream as Partial<ReadStream>).isTTY === true && typeof (stream as Partial<ReadStream>).setRawMode === 'function';
}

/** Reads all of stdin; drops one trailing newline (so `echo pw |` works). */
async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > 64 * 1024) throw new Error('stdin is too large for a password');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** Reads one line from a terminal; with `hidden`, nothing typed is echoed. */
function promptLine(io: CliIo, stdin: ReadStream, question: string, hidden: boolean): Promise<string> {
  io.stderr.write(question);
  return new Promise((resolve, reject) => {
    let value = '';
    const wasRaw = stdin.isRaw;
    if (hidden) stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stdin.resume();
    const done = (error: Error | null) => {
      stdin.off('data', onData);
      if (hidden) stdin.setRawMode(wasRaw);
      stdin.pause();
      io.stderr.write('\n');
      if (error === null) resolve(value);
      else reject(error);
    };
    const onData = (data: string) => {
      for (const char of data) {
        if (char === '\r' || char === '\n') return done(null);
        if (char === '\u0003' || char === '\u0004') return done(new Error('cancelled'));
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
        else value += char;
      }
    };
    stdin.on('data', onData);
  });
}

/** `login` command. */
export const loginCommand: CliCommand = {
  summary: 'Sign in and keep the account in the OS keychain',
  usage,
  async run(argv, io) {
    let values: { 'api-url'?: string; 'data-api-url'?: string; email?: string; 'password-stdin'?: boolean };
    try {
      ({ values } = parseArgs({ args: argv, options: { 'api-url': { type: 'string' }, 'data-api-url': { type: 'string' }, email: { type: 'string' }, 'password-stdin': { type: 'boolean' } }, strict: true, allowPositionals: false }));
    } catch (error) {
      io.stderr.write(`nevent-companion login: ${(error as Error).message}\n${usage}\n`);
      return 2;
    }
    // A data URL from the environment belongs to the environment's API URL, not to a --api-url given here.
    const givenApiUrl = values['api-url'] ?? io.env.NEVENT_API_URL;
    const givenDataUrl = values['data-api-url'] ?? (values['api-url'] === undefined ? io.env.NEVENT_DATA_API_URL : undefined);
    let urls: ApiUrls;
    try {
      for (const url of [givenApiUrl, givenDataUrl]) if (url !== undefined && url !== '') new URL(url);
      // Checked before asking for a password: a missing data API URL is said at once.
      urls = resolveApiUrls(givenApiUrl, givenDataUrl);
    } catch (error) {
      io.stderr.write(`nevent-companion login: ${error instanceof CoreError ? error.message : `"${givenApiUrl ?? givenDataUrl ?? ''}" is not a URL`}.\n`);
      return 2;
    }
    const terminal = isTty(io.stdin) ? io.stdin : null;

    let email = values.email;
    let password: string;
    try {
      if (email === undefined) {
        if (terminal === null || values['password-stdin'] === true) {
          io.stderr.write('nevent-companion login: pass --email EMAIL (no terminal to ask on).\n');
          return 2;
        }
        email = (await promptLine(io, terminal, 'Email: ', false)).trim();
      }
      if (values['password-stdin'] === true) password = await readAll(io.stdin);
      else if (terminal !== null) password = await promptLine(io, terminal, `Password for ${email}: `, true);
      else {
        io.stderr.write('nevent-companion login: no terminal to ask for the password; pipe it in with --password-stdin.\n');
        return 2;
      }
    } catch (error) {
      io.stderr.write(`nevent-companion login: ${(error as Error).message}\n`);
      return 1;
    }
    if (password === '') {
      io.stderr.write('nevent-companion login: the password is empty.\n');
      return 2;
    }

    const core = await createCore({ apiUrl: urls.apiUrl, dataApiUrl: urls.dataApiUrl, configDir: defaultConfigDir(io.env), desktop: false });
    try {
      const status = await core.account.signIn({ type: 'password', email, password });
      const tenant = core.account.context?.credential.claims.tenantId;
      const who = `${status.apiUrl} as ${status.email}${tenant === undefined ? '' : ` (tenant ${tenant})`}`;
      if (status.storage !== 'keychain') {
        // login exists to keep the sign-in: one that could not be kept is a failure, said as exactly that.
        io.stderr.write(
          [
            `Signed in to ${who}, but the sign-in was NOT saved: ${status.warning ?? 'no OS keychain: sign-in will not be remembered'}.`,
            'Nothing was written anywhere, so the app and `nevent-companion mcp` will not find this sign-in.',
            'Fix the keychain and run `nevent-companion login` again (or give `mcp` a token with NEVENT_JWT_TOKEN).',
            '',
          ].join('\n'),
        );
        return 1;
      }
      io.stdout.write(`Signed in to ${who}.\nSaved in the OS keychain; the app and \`nevent-companion mcp\` will use it.\n`);
      return 0;
    } catch (error) {
      const message = error instanceof CoreError ? error.message : 'sign-in failed unexpectedly';
      io.stderr.write(`nevent-companion login: ${message}\n`);
      return 1;
    } finally {
      core.dispose();
    }
  },
};
