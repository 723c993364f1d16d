/**
 * The error every core operation rejects with. It sits at the ground of the core: every layer (HTTP,
 * keychain, tokens, sessions, domains) raises it and imports nothing else to do so.
 */
import type { AppErrorData, ErrorCode } from '../../../src-shared/errors';

/** The error every core operation rejects with: a code from the shared union, a token-free message. */
export class CoreError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly param?: string,
  ) {
    super(message);
    this.name = 'CoreError';
  }

  /** Plain data for IPC, MCP and the CLI. */
  toData(): AppErrorData {
    return this.param === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, param: this.param };
  }
}
