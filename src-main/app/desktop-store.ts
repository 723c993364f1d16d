/**
 * The one store of the desktop's state in main (STYLE.md 3, 11): a model updated only by the pure
 * `reduceDesktop`, four parts pushed as they are, each with its own version.
 *
 *   dispatch(event) ──> reduceDesktop ──> model' ──> onDidUpdate (effects, synchronously)
 *                                             └──> publish at the end of this turn: each part whose
 *                                                  object changed gets version+1 and is emitted once
 *
 * Publishing waits for the end of the current turn so that one change and what follows from it at
 * once (a switch, the recent list it updates, the tenant name it shows) goes out as one snapshot.
 * Readers (`appState()`, …) flush first, so they never see an older version than the model.
 */
import { reduceDesktop, sameData, type DesktopEvent, type DesktopModel } from '../../src-shared/desktop-state';
import type { AppState, DesktopSegments, SessionList, Settings } from '../../src-shared/ipc';
import { Emitter } from '../core/emitter';
import type { EventHub } from './event-hub';

/** A model change, for the effects that follow from it. */
export interface DesktopUpdate {
  previous: DesktopModel;
  model: DesktopModel;
  event: DesktopEvent;
}

interface Published {
  state: DesktopModel['state'];
  sessions: DesktopModel['sessions'];
  segments: DesktopModel['segments'];
  settings: DesktopModel['settings'];
}

/** The desktop store. */
export class DesktopStore {
  private modelValue: DesktopModel;
  private published: Published;
  private readonly versions = { state: 0, sessions: 0, segments: 0, settings: 0 };
  private scheduled = false;
  private readonly updated = new Emitter<DesktopUpdate>();

  /** Fires synchronously after every model change (before it is published). */
  readonly onDidUpdate = this.updated.event;

  constructor(
    initial: DesktopModel,
    private readonly events: EventHub,
  ) {
    this.modelValue = initial;
    // Version 1 of each part is the initial model; nothing is emitted for it (readers pull it first).
    this.published = { state: initial.state, sessions: initial.sessions, segments: initial.segments, settings: initial.settings };
    this.versions = { state: 1, sessions: 1, segments: 1, settings: 1 };
  }

  /** The model now (may be ahead of what was published this turn). */
  get model(): DesktopModel {
    return this.modelValue;
  }

  /** Reduces one event; a change is published at the end of the turn. */
  dispatch(event: DesktopEvent): void {
    const previous = this.modelValue;
    const model = reduceDesktop(previous, event);
    if (model === previous) return;
    this.modelValue = model;
    if (!this.scheduled) {
      this.scheduled = true;
      queueMicrotask(() => this.flush());
    }
    this.updated.fire({ previous, model, event });
  }

  /** The app state as last published (after publishing anything pending). */
  appState(): AppState {
    this.flush();
    return { version: this.versions.state, ...this.published.state };
  }

  /** Every session, versioned. */
  sessionList(): SessionList {
    this.flush();
    return { version: this.versions.sessions, sessions: [...this.published.sessions] };
  }

  /** The desktop tenant's segments, versioned. */
  segments(): DesktopSegments {
    this.flush();
    return { version: this.versions.segments, ...this.published.segments };
  }

  /** The settings, versioned. */
  settings(): Settings {
    this.flush();
    return { version: this.versions.settings, ...this.published.settings };
  }

  /** Publishes every part that changed since the last publish, once each. */
  flush(): void {
    this.scheduled = false;
    const model = this.modelValue;
    if (this.advance('state', model.state)) this.events.emit('session.onDidChange', { version: this.versions.state, ...model.state });
    if (this.advance('sessions', model.sessions)) this.events.emit('mcp.onDidChangeSessions', { version: this.versions.sessions, sessions: [...model.sessions] });
    if (this.advance('segments', model.segments)) this.events.emit('segments.onDidChange', { version: this.versions.segments, ...model.segments });
    if (this.advance('settings', model.settings)) this.events.emit('settings.onDidChange', { version: this.versions.settings, ...model.settings });
  }

  /** Records `next` as published; true (with the version bumped) when its data differs from the last one. */
  private advance<K extends keyof Published>(part: K, next: Published[K]): boolean {
    const last = this.published[part];
    if (next === last) return false;
    this.published[part] = next;
    // A part changed and changed back within one turn is a new object with the same data: not news.
    if (sameData(next, last)) return false;
    this.versions[part] += 1;
    return true;
  }

  dispose(): void {
    this.updated.dispose();
  }
}
