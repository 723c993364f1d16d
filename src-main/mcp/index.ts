/** The MCP bridge's public surface: what `serve`, the Electron shell and the CLI import. */
export { createMcpServer, type BoundMcpServer, type McpServerOptions, type McpLogger } from './server';
export { startMcpSocketServer, type McpSocketServer, type McpSocketServerOptions } from './socket-server';
export { defaultSocketPath, isNamedPipe, SocketPathError } from './socket-path';
export { runStdioServer, type StdioRunOptions } from './stdio-runner';
export { runAttach, notRunningMessage } from './attach-client';
export { statusToolName, type AttachProblem } from './attach-offline';
export { McpAuditLog, type AuditLogOptions, type AuditRecord } from './audit-log';
export { isToolAllowed, fixedMode, type ToolAccess, type OperationModeSource } from './operation-mode';
export type { McpSessionSource } from './session-source';
export { allTools } from './tools';
export { clientKinds, clientLabel, buildServerEntry, buildConfigSnippet, serverKey, type ClientKind, type Launcher, type EntryOptions } from './client-config/entry';
export { mergeServerEntry, type MergeResult } from './client-config/merge';
export { lineDiff } from './client-config/diff';
export { clientConfigPath, isClientInstalled } from './client-config/paths';
export { planClientConfigWrite, applyClientConfigWrite, type WritePlan } from './client-config/write';
