/** What every view reads: its host (to call tools through) and what the host has said so far. */
import { createContext, useContext, useMemo } from 'react';
import { useIntl } from 'react-intl';
import { formatsFor, type Formats } from '../../src-shared/i18n/format';
import type { HostSnapshot, ViewHost } from './view-host';

/** The host and its latest snapshot. */
export interface ViewContextValue {
  host: ViewHost;
  snapshot: HostSnapshot;
}

/** Provided by ViewRoot. */
export const ViewContext = createContext<ViewContextValue | null>(null);

/** The view's host and what it said. */
export function useView(): ViewContextValue {
  const value = useContext(ViewContext);
  if (value === null) throw new Error('useView outside ViewRoot');
  return value;
}

/** The one formatting layer in the view's locale. */
export function useFormats(): Formats {
  const { locale } = useIntl();
  return useMemo(() => formatsFor(locale), [locale]);
}
