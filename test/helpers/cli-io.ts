/** In-process CLI runs: captured stdout/stderr, a given stdin and env. */
import { PassThrough, Readable } from 'node:stream';
import { main } from '../../src-main/cli/main';

/** The outcome of one CLI run. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `nevent-companion <argv>` in this process. */
export async function runCli(argv: string[], options: { stdin?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const stdin = Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]);
  const code = await main(argv, { stdout, stderr, stdin, env: options.env ?? {} });
  return { code, stdout: out, stderr: err };
}
