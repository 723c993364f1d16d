/** A debounced live preview count for a definition; stale answers (an older definition) are dropped. */
import { useEffect, useState } from 'react';
import type { SegmentDefinition } from '../../../src-shared/api';
import type { AppErrorData } from '../../../src-shared/errors';
import type { Commands } from '../../app/commands';

/** What the preview line shows. */
export type PreviewState = { state: 'idle' } | { state: 'loading' } | { state: 'ready'; count: number } | { state: 'error'; error: AppErrorData };

/** Previews `definition` `delayMs` after it last changed; `null` means "not previewable now". */
export function usePreview(commands: Commands, definition: SegmentDefinition | null, delayMs = 450): PreviewState {
  const [preview, setPreview] = useState<PreviewState>({ state: 'idle' });
  const key = definition === null ? null : JSON.stringify(definition);
  useEffect(() => {
    if (key === null) {
      setPreview({ state: 'idle' });
      return;
    }
    let live = true;
    setPreview((p) => (p.state === 'ready' ? p : { state: 'loading' }));
    const timer = setTimeout(() => {
      setPreview({ state: 'loading' });
      void commands.previewSegment(JSON.parse(key) as SegmentDefinition).then((r) => {
        if (!live) return;
        setPreview(r.ok ? { state: 'ready', count: r.value.estimated_fan_count } : { state: 'error', error: r.error });
      });
    }, delayMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [commands, key, delayMs]);
  return preview;
}
