/**
 * The app's own small persisted state: settings (API URLs, operation mode) and, per signed-in user,
 * recent and pinned tenants. Never a credential. Stored as JSON through a `JsonStore` (a file in the
 * app's config folder; memory in tests); a damaged file is treated as empty, not as an error.
 */
import { z } from 'zod';
import { SettingsSchema, TenantRefSchema, type Settings, type SettingsUpdate, type TenantRef, type TenantShortcuts } from '../../src-shared/ipc';
import { OperationModeSchema, type OperationMode } from '../../src-shared/session';

/** Where preferences are kept. */
export interface JsonStore {
  load(): Promise<unknown>;
  save(value: unknown): Promise<void>;
}

const maxRecent = 8;
const maxPinned = 20;

const UserTenantsSchema = z.object({ recent: z.array(TenantRefSchema).max(maxRecent), pinned: z.array(TenantRefSchema).max(maxPinned) });

const PreferencesFileSchema = z.object({
  settings: SettingsSchema.partial().default({}),
  users: z.record(z.string(), UserTenantsSchema).default({}),
});
type PreferencesFile = z.infer<typeof PreferencesFileSchema>;

/** Settings, recent and pinned tenants, saved after every change. */
export class Preferences {
  private data: PreferencesFile = { settings: {}, users: {} };
  private saving: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: JsonStore,
    private readonly defaults: { operationMode: OperationMode; apiUrl: string | null; dataApiUrl: string | null },
    private readonly logInternal: (what: string, error: unknown) => void = () => undefined,
  ) {}

  /** Reads the stored file once at start. */
  async load(): Promise<void> {
    try {
      const parsed = PreferencesFileSchema.safeParse(await this.store.load());
      if (parsed.success) this.data = parsed.data;
    } catch (error) {
      this.logInternal('preferences.load', error);
    }
  }

  /** Current settings with defaults filled in. */
  settings(): Settings {
    const stored = this.data.settings;
    const mode = OperationModeSchema.safeParse(stored.operationMode);
    return {
      apiUrl: stored.apiUrl !== undefined ? stored.apiUrl : this.defaults.apiUrl,
      dataApiUrl: stored.dataApiUrl !== undefined ? stored.dataApiUrl : this.defaults.dataApiUrl,
      operationMode: mode.success ? mode.data : this.defaults.operationMode,
    };
  }

  /** Applies a partial change. */
  updateSettings(update: SettingsUpdate): Settings {
    const next = { ...this.data.settings };
    if (update.apiUrl !== undefined) next.apiUrl = update.apiUrl;
    if (update.dataApiUrl !== undefined) next.dataApiUrl = update.dataApiUrl;
    if (update.operationMode !== undefined) next.operationMode = update.operationMode;
    this.data = { ...this.data, settings: next };
    this.persist();
    return this.settings();
  }

  /** Recent and pinned tenants of a user (empty when signed out). */
  shortcuts(userId: string | null): TenantShortcuts {
    const entry = userId === null ? undefined : this.data.users[userId];
    return { recent: [...(entry?.recent ?? [])], pinned: [...(entry?.pinned ?? [])] };
  }

  /** Moves a tenant to the front of the user's recent list. */
  touchRecent(userId: string, tenant: TenantRef): TenantShortcuts {
    return this.change(userId, (current) => ({ ...current, recent: [tenant, ...current.recent.filter((t) => t.id !== tenant.id)].slice(0, maxRecent) }));
  }

  /** Pins or unpins a tenant. */
  setPinned(userId: string, tenant: TenantRef, pinned: boolean): TenantShortcuts {
    return this.change(userId, (current) => {
      const others = current.pinned.filter((t) => t.id !== tenant.id);
      return { ...current, pinned: pinned ? [...others, tenant].slice(0, maxPinned) : others };
    });
  }

  /** Waits for pending writes (shutdown, tests). */
  async flush(): Promise<void> {
    await this.saving;
  }

  private change(userId: string, update: (current: TenantShortcuts) => TenantShortcuts): TenantShortcuts {
    const next = update(this.shortcuts(userId));
    this.data = { ...this.data, users: { ...this.data.users, [userId]: next } };
    this.persist();
    return this.shortcuts(userId);
  }

  private persist(): void {
    const snapshot = structuredClone(this.data);
    // Writes are chained so the file always ends with the latest state.
    this.saving = this.saving.then(() => this.store.save(snapshot)).catch((error: unknown) => this.logInternal('preferences.save', error));
  }
}
