/**
 * The views' HTML as the build leaves it (`npm run build` → out/apps/view.html: one self-contained page
 * for the four views, scripts and styles inline). Each `ui://` resource is that page with the view's id
 * written into its `nevent-view` meta tag, so one bundle serves four resources.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppViewId } from '../../../src-shared/app-views';
import { findPackageRoot } from '../../core/common/package-root';

/** Where a view's page comes from. */
export interface AppViewSource {
  /** False when there is nothing to serve (views not built): the tools then link no view, as without the extension. */
  available(): boolean;
  /** The page of `view`; throws when it cannot be read. */
  html(view: AppViewId): string;
}

/** The placeholder the build leaves for the view's id (src-apps/view.html). */
export const viewIdPlaceholder = '%NEVENT_VIEW%';

/** The built page `file` (out/apps/view.html of this package by default), read once when first asked for. */
export function builtAppViews(file: string | null = defaultViewFile()): AppViewSource {
  let page: string | null = null;
  return {
    available: () => file !== null && existsSync(file),
    html: (view) => {
      if (file === null) throw new Error('the MCP App views are not built (run npm run build)');
      page ??= readFileSync(file, 'utf8');
      if (!page.includes(viewIdPlaceholder)) throw new Error(`${file} has no ${viewIdPlaceholder} placeholder for the view's id`);
      return page.replace(viewIdPlaceholder, view);
    },
  };
}

let packageViews: AppViewSource | null = null;

/**
 * This package's built views, one source for every server of the process: the page (about 640 KiB) is
 * read once, not once per connection whose host opens a view.
 */
export function packageAppViews(): AppViewSource {
  packageViews ??= builtAppViews();
  return packageViews;
}

function defaultViewFile(): string | null {
  const root = findPackageRoot(import.meta.url);
  return root === null ? null : join(root, 'out', 'apps', 'view.html');
}
