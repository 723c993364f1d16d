/** What every CLI command module exports. */
export interface CliIo {
  /** Standard output: for `mcp` it carries JSON-RPC only. */
  stdout: NodeJS.WritableStream;
  /** Human messages and logs. */
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
}

/** A CLI command: parses its own arguments, returns the exit code. */
export interface CliCommand {
  /** One line for `--help`. */
  summary: string;
  /** Usage lines shown by `nevent-companion <command> --help`. */
  usage: string;
  run(argv: string[], io: CliIo): Promise<number>;
}
