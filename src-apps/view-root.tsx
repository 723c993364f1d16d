/**
 * The view's root: the host's language (its locale, else the browser's; our catalogs) and look (its theme
 * and style variables), then the view the server wrote into the page.
 */
import { useEffect, useLayoutEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { RawIntlProvider } from 'react-intl';
import type { AppViewId } from '../src-shared/app-views';
import { missingCaseError } from '../src-shared/missing-case';
import { resolveLocale } from '../src-shared/i18n/languages';
import { createWindowIntl } from '../src-renderer/i18n/window-intl';
import { applyHostLook } from './host/host-look';
import { ViewContext } from './host/view-context';
import type { ViewHost } from './host/view-host';
import { CampaignView } from './views/campaign-view';
import { ReportView } from './views/report-view';
import { SegmentView } from './views/segment-view';
import { TenantsView } from './views/tenants-view';

function TheView(props: { view: AppViewId }): ReactNode {
  switch (props.view) {
    case 'tenants':
      return <TenantsView />;
    case 'segment':
      return <SegmentView />;
    case 'campaign':
      return <CampaignView />;
    case 'report':
      return <ReportView />;
    default:
      return missingCaseError(props.view);
  }
}

/** Renders view `view` for the host it is connected to. */
export function ViewRoot(props: { host: ViewHost; view: AppViewId }): ReactNode {
  const snapshot = useSyncExternalStore(props.host.subscribe, props.host.getSnapshot);
  const { context } = snapshot;
  const hostLocale = context.locale;
  const resolved = useMemo(() => resolveLocale('system', hostLocale === undefined ? navigator.languages : [hostLocale]), [hostLocale]);
  const intl = useMemo(() => createWindowIntl(resolved), [resolved]);
  useLayoutEffect(() => applyHostLook(context), [context]);
  useEffect(() => {
    document.documentElement.lang = resolved.locale;
  }, [resolved.locale]);
  const value = useMemo(() => ({ host: props.host, snapshot }), [props.host, snapshot]);
  return (
    <RawIntlProvider value={intl}>
      <ViewContext value={value}>
        <TheView view={props.view} />
      </ViewContext>
    </RawIntlProvider>
  );
}
