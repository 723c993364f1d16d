/**
 * The app's own small persisted state: settings (API URLs, the saved operation mode and toolsets, the theme, the language, upload folders) and, per signed-in
 * user, recent and pinned tenants. Never a credential. Stored as JSON through a `JsonStore` (a file in
 * the app's config folder; memory in tests).
 *
 * The file is read liberally (STYLE.md 12): each field is taken when it is usable and skipped (with a log
 * line) when it is not, so one bad value never costs the rest. A file store is watched: an edit by hand
 * is picked up while the app runs (`onDidEditSavedMode`, `onDidEditSavedToolsets`). A file that is not one
 * the app reads (a named pipe, something over 1 MB: `JsonStoreRefusal`), or a read that does not finish
 * within `readTimeoutMs`, is said in the log and skipped: the app keeps the settings it has, and never
 * waits on the file to start or to take the next edit.
 */
import { isAbsolute } from 'node:path';
import { z } from 'zod';
import { maxUploadFolders, TenantRefSchema, ThemeSchema, type SettingsUpdate, type TenantRef, type TenantShortcuts, type Theme } from '../../src-shared/ipc';
import { LanguageSettingSchema, type LanguageSetting } from '../../src-shared/i18n/languages';
import { parseOperationMode, type OperationMode } from '../../src-shared/session';
import { orderedDomains, parseToolsets, toolDomainNamed, type ToolDomain } from '../../src-shared/tool-domains';
import { Emitter } from '../core/common/emitter';

/** A stored file the store will not read (not a regular file, too large), in words a person can act on. */
export class JsonStoreRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonStoreRefusal';
  }
}

/** Where preferences are kept. */
export interface JsonStore {
  load(): Promise<unknown>;
  save(value: unknown): Promise<void>;
  /** Calls `onChange` when the stored value may have been changed by someone else; returns the stop. */
  watch?(onChange: () => void): () => void;
}

/** How long one read of the stored file may take before it is skipped (a file on a hung disk). */
export const preferencesReadTimeoutMs = 5_000;

const maxRecent = 8;
const maxPinned = 20;

/** The URL settings (the mode is kept apart: `savedMode`). */
export interface UrlSettings {
  apiUrl: string | null;
  dataApiUrl: string | null;
}

interface StoredSettings {
  apiUrl?: string | null;
  dataApiUrl?: string | null;
  operationMode?: OperationMode;
  /** The toolsets AI conversations see at first ("Tools the AI sees"). */
  toolsets?: ToolDomain[];
  mcpHttp?: McpHttpSetting;
  theme?: Theme;
  language?: LanguageSetting;
  uploadFolders?: string[];
}

/** The loopback MCP HTTP endpoint as last left: on or off, and its port (so client entries keep working). */
export interface McpHttpSetting {
  enabled: boolean;
  port: number | null;
}

interface PreferencesData {
  settings: StoredSettings;
  users: Record<string, TenantShortcuts>;
}

const TenantRefListSchema = z.array(z.unknown());

/** Reads one user's shortcuts, keeping every entry that is a tenant reference. */
function readShortcuts(value: unknown): TenantShortcuts {
  const entry = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const refs = (list: unknown, max: number): TenantRef[] => {
    const parsed = TenantRefListSchema.safeParse(list);
    if (!parsed.success) return [];
    return parsed.data.flatMap((item) => {
      const ref = TenantRefSchema.safeParse(item);
      return ref.success ? [ref.data] : [];
    }).slice(0, max);
  };
  return { recent: refs(entry.recent, maxRecent), pinned: refs(entry.pinned, maxPinned) };
}

/** Settings, recent and pinned tenants, saved after every change. */
export class Preferences {
  private data: PreferencesData = { settings: {}, users: {} };
  private saving: Promise<void> = Promise.resolve();
  /** Counts our own writes: a reload that overlapped one may have read the file before it landed. */
  private writes = 0;
  private reloading: Promise<void> = Promise.resolve();
  private stopWatching: () => void = () => undefined;
  /** The last refusal said in the log (said once, not on every change of the folder). */
  private lastWarning: string | null = null;
  private readonly changed = new Emitter<void>();
  private readonly modeEdited = new Emitter<OperationMode>();
  private readonly toolsetsEdited = new Emitter<ToolDomain[]>();

  /** Fires after every change (ours, or an edit of the file). */
  readonly onDidChange = this.changed.event;
  /** Fires when an edit of the file changed the saved operation mode. */
  readonly onDidEditSavedMode = this.modeEdited.event;
  /** Fires when an edit of the file changed the saved toolsets. */
  readonly onDidEditSavedToolsets = this.toolsetsEdited.event;

  constructor(
    private readonly store: JsonStore,
    private readonly defaults: UrlSettings,
    private readonly logInternal: (what: string, error: unknown) => void = () => undefined,
    private readonly warn: (line: string) => void = () => undefined,
    private readonly options: { readTimeoutMs?: number } = {},
  ) {}

  /** Reads the stored file once at start (bounded in time: the app never waits on it to start). */
  async load(): Promise<void> {
    const raw = await this.readStore('preferences.load');
    if (raw !== undefined) this.data = this.read(raw);
  }

  /** Follows edits of the stored file until `dispose`. */
  watch(): void {
    this.stopWatching();
    this.stopWatching = this.store.watch?.(() => void this.reload()) ?? (() => undefined);
  }

  /** Re-reads the file after an outside edit; a file that does not parse (an edit in progress) is ignored. */
  reload(): Promise<void> {
    this.reloading = this.reloading.then(async () => {
      const writes = this.writes;
      await this.saving;
      const raw = await this.readStore('preferences.reload');
      // Our own write since then: its watch event brings another reload, of the file as it is now.
      if (raw === undefined || raw === null || this.writes !== writes) return;
      const next = this.read(raw);
      if (JSON.stringify(next) === JSON.stringify(this.data)) return;
      const modeBefore = this.data.settings.operationMode;
      const toolsetsBefore = JSON.stringify(this.data.settings.toolsets);
      this.data = next;
      this.changed.fire();
      const mode = next.settings.operationMode;
      if (mode !== undefined && mode !== modeBefore) this.modeEdited.fire(mode);
      const toolsets = next.settings.toolsets;
      if (toolsets !== undefined && JSON.stringify(toolsets) !== toolsetsBefore) this.toolsetsEdited.fire([...toolsets]);
    });
    return this.reloading;
  }

  /** URL settings with defaults filled in. */
  settings(): UrlSettings {
    const stored = this.data.settings;
    return {
      apiUrl: stored.apiUrl !== undefined ? stored.apiUrl : this.defaults.apiUrl,
      dataApiUrl: stored.dataApiUrl !== undefined ? stored.dataApiUrl : this.defaults.dataApiUrl,
    };
  }

  /** The window's colour theme (`system` unless one was chosen). */
  theme(): Theme {
    return this.data.settings.theme ?? 'system';
  }

  /** The language of the window, tray and menus (`system` unless one was chosen). */
  language(): LanguageSetting {
    return this.data.settings.language ?? 'system';
  }

  /** The folders named in the app for AI uploads of local files. */
  uploadFolders(): string[] {
    return [...(this.data.settings.uploadFolders ?? [])];
  }

  /** The operation mode last saved, or null when none was. */
  savedMode(): OperationMode | null {
    return this.data.settings.operationMode ?? null;
  }

  /** Saves the operation mode (the one setting `mcp.setMode` changes). */
  saveMode(mode: OperationMode): void {
    if (this.data.settings.operationMode === mode) return;
    this.update({ ...this.data, settings: { ...this.data.settings, operationMode: mode } });
  }

  /** The toolsets last saved, or null when none were (the default set applies). */
  savedToolsets(): ToolDomain[] | null {
    const saved = this.data.settings.toolsets;
    return saved === undefined ? null : [...saved];
  }

  /** Saves the toolsets (the setting `mcp.setToolsets` changes). */
  saveToolsets(domains: readonly ToolDomain[]): void {
    const next = orderedDomains(domains);
    if (JSON.stringify(this.data.settings.toolsets) === JSON.stringify(next)) return;
    this.update({ ...this.data, settings: { ...this.data.settings, toolsets: next } });
  }

  /** The HTTP endpoint's last state, or null when it was never turned on here. */
  savedMcpHttp(): McpHttpSetting | null {
    return this.data.settings.mcpHttp ?? null;
  }

  /** Remembers the HTTP endpoint's state for the next start. */
  saveMcpHttp(setting: McpHttpSetting): void {
    const current = this.data.settings.mcpHttp;
    if (current?.enabled === setting.enabled && current.port === setting.port) return;
    this.update({ ...this.data, settings: { ...this.data.settings, mcpHttp: { ...setting } } });
  }

  /** Applies a partial change of the URL settings. */
  updateSettings(update: SettingsUpdate): UrlSettings {
    const next = { ...this.data.settings };
    if (update.apiUrl !== undefined) next.apiUrl = update.apiUrl;
    if (update.dataApiUrl !== undefined) next.dataApiUrl = update.dataApiUrl;
    if (update.theme !== undefined) next.theme = update.theme;
    if (update.language !== undefined) next.language = update.language;
    if (update.uploadFolders !== undefined) next.uploadFolders = [...new Set(update.uploadFolders)];
    this.update({ ...this.data, settings: next });
    return this.settings();
  }

  /** Recent and pinned tenants of a user (empty when signed out). */
  shortcuts(userId: string | null): TenantShortcuts {
    const entry = userId === null ? undefined : this.data.users[userId];
    return { recent: [...(entry?.recent ?? [])], pinned: [...(entry?.pinned ?? [])] };
  }

  /** Moves a tenant to the front of the user's recent list. */
  touchRecent(userId: string, tenant: TenantRef): TenantShortcuts {
    const current = this.shortcuts(userId);
    if (current.recent[0]?.id === tenant.id && current.recent[0].name === tenant.name) return current;
    return this.change(userId, { ...current, recent: [tenant, ...current.recent.filter((t) => t.id !== tenant.id)].slice(0, maxRecent) });
  }

  /** Pins or unpins a tenant. */
  setPinned(userId: string, tenant: TenantRef, pinned: boolean): TenantShortcuts {
    const current = this.shortcuts(userId);
    const others = current.pinned.filter((t) => t.id !== tenant.id);
    return this.change(userId, { ...current, pinned: pinned ? [...others, tenant].slice(0, maxPinned) : others });
  }

  /** Waits for pending writes and reloads (shutdown, tests). */
  async flush(): Promise<void> {
    await this.reloading;
    await this.saving;
  }

  /** Stops watching and drops listeners. */
  dispose(): void {
    this.stopWatching();
    this.changed.dispose();
    this.modeEdited.dispose();
    this.toolsetsEdited.dispose();
  }

  /**
   * One bounded read of the store: its value, or undefined when it could not be read now (said in the
   * log; a refused file once per reason, not on every change of the folder).
   */
  private async readStore(what: string): Promise<unknown> {
    const timeoutMs = this.options.readTimeoutMs ?? preferencesReadTimeoutMs;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
      timer.unref();
    });
    const loading = this.store.load();
    try {
      const raw = await Promise.race([loading, deadline]);
      if (raw === 'timeout') {
        // The read goes on in the background; whatever it ends with is dropped.
        loading.catch(() => undefined);
        this.warnOnce(`preferences: reading the settings file took longer than ${timeoutMs / 1000} s; it is skipped this time and read again at its next change`);
        return undefined;
      }
      this.lastWarning = null;
      return raw;
    } catch (error) {
      if (error instanceof JsonStoreRefusal) this.warnOnce(`preferences: ${error.message}; the app keeps the settings it has and writes a new file at the next change of a setting`);
      else this.logInternal(what, error);
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  private warnOnce(line: string): void {
    if (line === this.lastWarning) return;
    this.lastWarning = line;
    this.warn(line);
  }

  private read(raw: unknown): PreferencesData {
    const file = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
    const rawSettings = typeof file.settings === 'object' && file.settings !== null ? (file.settings as Record<string, unknown>) : {};
    const settings: StoredSettings = {};
    for (const key of ['apiUrl', 'dataApiUrl'] as const) {
      const value = rawSettings[key];
      if (value === null || typeof value === 'string') settings[key] = value;
    }
    if (rawSettings.operationMode !== undefined) {
      const mode = typeof rawSettings.operationMode === 'string' && rawSettings.operationMode.trim() !== '' ? parseOperationMode(rawSettings.operationMode) : null;
      if (mode === null) this.warn(`preferences: operationMode ${JSON.stringify(rawSettings.operationMode).slice(0, 40)} is not an operation mode (READ_ONLY, STANDARD or FULL); it is ignored.`);
      else settings.operationMode = mode;
    }
    if (rawSettings.toolsets !== undefined) {
      const toolsets = this.readToolsets(rawSettings.toolsets);
      if (toolsets !== null) settings.toolsets = toolsets;
    }
    const http = rawSettings.mcpHttp;
    if (typeof http === 'object' && http !== null && typeof (http as Record<string, unknown>).enabled === 'boolean') {
      const { enabled, port } = http as Record<string, unknown>;
      settings.mcpHttp = { enabled: enabled as boolean, port: typeof port === 'number' && Number.isInteger(port) && port > 0 && port <= 65535 ? port : null };
    }
    if (rawSettings.theme !== undefined) {
      const theme = ThemeSchema.safeParse(rawSettings.theme);
      if (theme.success) settings.theme = theme.data;
      else this.warn(`preferences: theme ${JSON.stringify(rawSettings.theme).slice(0, 40)} is not a theme (system, light or dark); it is ignored.`);
    }
    if (rawSettings.language !== undefined) {
      const language = LanguageSettingSchema.safeParse(rawSettings.language);
      if (language.success) settings.language = language.data;
      else this.warn(`preferences: language ${JSON.stringify(rawSettings.language).slice(0, 40)} is not a language setting (system, es or en); it is ignored.`);
    }
    if (rawSettings.uploadFolders !== undefined) {
      const listed = Array.isArray(rawSettings.uploadFolders) ? rawSettings.uploadFolders : [];
      const folders = listed.filter((folder): folder is string => typeof folder === 'string' && isAbsolute(folder)).slice(0, maxUploadFolders);
      if (folders.length !== listed.length || !Array.isArray(rawSettings.uploadFolders)) this.warn('preferences: uploadFolders holds entries that are not absolute folder paths; they are ignored.');
      settings.uploadFolders = folders;
    }
    const users: Record<string, TenantShortcuts> = {};
    if (typeof file.users === 'object' && file.users !== null) {
      for (const [userId, entry] of Object.entries(file.users)) users[userId] = readShortcuts(entry);
    }
    return { settings, users };
  }

  /**
   * The saved toolsets as a hand edit may write them: a list of names (one that is not a toolset is dropped,
   * with a line in the log; the others are kept) or a string as `--toolsets` takes it (`"all"`,
   * `"default,analytics"`). Null, with a line in the log, when nothing usable is there.
   */
  private readToolsets(raw: unknown): ToolDomain[] | null {
    const shown = JSON.stringify(raw).slice(0, 80);
    if (typeof raw === 'string') {
      const parsed = parseToolsets(raw);
      if (parsed.ok) return parsed.domains;
      this.warn(`preferences: toolsets ${shown}: ${parsed.message}; it is ignored.`);
      return null;
    }
    if (!Array.isArray(raw)) {
      this.warn(`preferences: toolsets ${shown} is not a list of toolsets; it is ignored.`);
      return null;
    }
    const domains = (raw as unknown[]).flatMap((name) => {
      const domain = typeof name === 'string' ? toolDomainNamed(name) : null;
      return domain === null ? [] : [domain];
    });
    if (domains.length !== raw.length) this.warn(`preferences: toolsets ${shown} holds entries that are not toolsets; they are ignored.`);
    return orderedDomains(domains);
  }

  private change(userId: string, next: TenantShortcuts): TenantShortcuts {
    this.update({ ...this.data, users: { ...this.data.users, [userId]: next } });
    return this.shortcuts(userId);
  }

  private update(next: PreferencesData): void {
    this.data = next;
    this.writes += 1;
    const snapshot = structuredClone(this.data);
    // Writes are chained so the file always ends with the latest state.
    this.saving = this.saving.then(() => this.store.save(snapshot)).catch((error: unknown) => this.logInternal('preferences.save', error));
    this.changed.fire();
  }
}
