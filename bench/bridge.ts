/** Starts the socket-bridge fixture (real core + MCP socket server) against the benchmark's demo API. */
import { join } from 'node:path';
import type { BenchContext } from './context';
import { startProcess, type StartedProcess } from './process';

/** A running bridge and its socket path. */
export interface RunningBridge extends StartedProcess {
  socketPath: string;
}

/** Spawns bench/fixtures/socket-bridge with the context's owner tokens. */
export async function startBridge(ctx: BenchContext): Promise<RunningBridge> {
  const socketPath = join(ctx.tempDir('nevent-bench-sock-'), 'sock', 'mcp.sock');
  const started = await startProcess(process.execPath, [ctx.fixture('socket-bridge')], /^ready$/m, { ...ctx.mcpEnv, NEVENT_BENCH_SOCKET: socketPath });
  return { ...started, socketPath };
}
