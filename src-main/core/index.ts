/** The tenant core's public surface: what the MCP bridge, `serve`, the CLI and the Electron shell import. */
export { createCore, type Core, type CoreOptions } from './create-core';
export { signInStandalone, type StandaloneSource } from './standalone-sign-in';
export { signInToDemo, demoUserNames, type DemoUserName, type DemoApiEndpoint } from './demo-sign-in';
export { Account, type AccountStatus, type SavedAccount, type SignInSource, type SignInOptions, type CredentialStorage } from './account/account';
export { SessionRegistry, type SessionRegistryEvent, type McpClientInfo } from './account/session-registry';
export { CoreSession } from './session/core-session';
export { asCoreError, toErrorData } from './common/error-data';
export { CoreError } from './common/core-error';
export type { TenantSession, SwitchOutcome, TenantsView } from './session/tenant-session';
export type { Scoped } from './http/api-call';
export { SegmentConflictError, type SegmentQuery, type SegmentUpdateOptions } from './domains/segments';
export { resolveApiUrls, neventApiUrls, isLoopbackUrl, type ApiUrls } from './http/api-urls';
export { MemorySecretStore, withTimeouts, keychainServiceFor, NOT_REMEMBERED_WARNING, type SecretStore, type SecretStoreKind } from './keychain/secret-store';
export { openSecretStore, KeytarSecretStore, type KeytarModule } from './keychain/keytar-secret-store';
export { defaultConfigDir, AccountRecordFile } from './account/account-record';
export { systemClock, type Clock } from './common/clock';
export type { FetchLike } from './http/http-client';
