/** UI-only state: which screen and panel are open, what is selected, transient notices. Never main's truth. */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppErrorData } from '../../src-shared/errors';
import type { AppNotification, Settings, Theme } from '../../src-shared/ipc';
import { isNewer } from '../lib/versioned';

/** What the UI store keeps of main's settings: the whole answer, and the theme it names. */
export function settingsState(settings: Settings): Pick<UiState, 'theme' | 'settings'> {
  return { theme: settings.theme ?? 'system', settings };
}

/** Applies main's settings (an answer or a push) unless they are not newer than those held. */
export function applySettings(store: UiStore, settings: Settings): void {
  const held = store.getState().settings?.version;
  if (held !== undefined && settings.version !== undefined && !isNewer(held, settings.version)) return;
  store.setState(settingsState(settings));
}

/** The main views behind the header. */
export type MainView = 'segments' | 'mcp' | 'settings';

/** What the segments view shows on the right. */
export type SegmentPane = { mode: 'none' } | { mode: 'detail'; segmentId: string } | { mode: 'create' } | { mode: 'edit'; segmentId: string };

/** UI state. */
export interface UiState {
  view: MainView;
  /** The org-picker as a dialog over the app (switch action, quick-switch shortcut). */
  pickerOpen: boolean;
  segmentPane: SegmentPane;
  segmentSearch: string;
  notices: AppNotification[];
  /** The switch failure the person dismissed (main keeps it until the next switch succeeds). */
  dismissedSwitchError: AppErrorData | null;
  /** The theme main keeps in preferences, as its last answer or push said. */
  theme: Theme;
  /** The settings as main last said (settings.get / settings.update answers, settings.onDidChange pushes). */
  settings: Settings | null;
}

/** The UI store. */
export type UiStore = StoreApi<UiState>;

/** Creates the UI store. */
export function createUiStore(): UiStore {
  return createStore<UiState>(() => ({
    view: 'segments',
    pickerOpen: false,
    segmentPane: { mode: 'none' },
    segmentSearch: '',
    notices: [],
    dismissedSwitchError: null,
    theme: 'system',
    settings: null,
  }));
}
