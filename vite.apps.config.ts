// The MCP App views (src-apps → out/apps/view.html): one page, scripts and styles inline, because a host
// loads a view as a single HTML document from a `ui://` resource and the view's CSP allows no other file.
// Run by scripts/build-apps.mjs (part of `npm run build` and of the first `serve`).
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { appViewContentSecurityPolicy } from './src-shared/content-security-policy';

/** Writes the views' CSP (src-shared/content-security-policy.ts) into view.html's meta tag. */
function appViewCspMeta(): Plugin {
  return {
    name: 'nevent:app-view-csp-meta',
    transformIndexHtml(html) {
      if (!html.includes('%NEVENT_APP_VIEW_CSP%')) throw new Error('view.html has no %NEVENT_APP_VIEW_CSP% placeholder for the Content-Security-Policy meta tag');
      return html.replace('%NEVENT_APP_VIEW_CSP%', appViewContentSecurityPolicy);
    },
  };
}

export default defineConfig({
  root: resolve(import.meta.dirname, 'src-apps'),
  base: './',
  logLevel: 'warn',
  plugins: [appViewCspMeta(), viteSingleFile({ removeViteModuleLoader: true })],
  build: {
    outDir: resolve(import.meta.dirname, 'out/apps'),
    emptyOutDir: true,
    // Hosts read the page once per view and cache it; the model never reads it (docs/mcp-apps.md).
    chunkSizeWarningLimit: 2048,
    // One document with one inline script: there is nothing to preload, and the polyfill would only add code.
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: { view: resolve(import.meta.dirname, 'src-apps/view.html') },
      // As in the renderer: react-intl's "use client" marks mean nothing in a client bundle.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('use client')) return;
        warn(warning);
      },
    },
  },
});
