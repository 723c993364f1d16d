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

/** Why the window is about to drop the editor's unsaved edits (the question says it). */
export type LeaveReason = 'openSegment' | 'newSegment' | 'switchTenant' | 'resetTenant' | 'signOut';

/** An action held until the person keeps or discards the editor's unsaved edits. */
export interface PendingLeave {
  reason: LeaveReason;
  /** Runs once the edits are discarded. */
  proceed: () => void;
}

/** Where the keyboard focus goes next, as soon as that place is on screen. */
export type FocusRequest = 'tenantName' | 'switchError';

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
  /** The segment editor holds edits nobody saved (the name it edits, or null for a new segment); null when it does not. */
  unsavedEdits: { segmentName: string | null } | null;
  /** An action waiting for the person to keep or discard those edits (the question is on screen). */
  pendingLeave: PendingLeave | null;
  /** Where the focus goes after the action the person took (a switch: the header's tenant name). */
  focusRequest: FocusRequest | null;
  /** The "Keyboard shortcuts" dialog (`?`, the application menu, the account menu). */
  shortcutsOpen: boolean;
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
    unsavedEdits: null,
    pendingLeave: null,
    focusRequest: null,
    shortcutsOpen: false,
  }));
}
