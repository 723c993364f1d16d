// Builds the Electron main process, the preload script and the React renderer into out/.
// src-shared is bundled into each; the CLIs are bundled separately (scripts/build-cli.mjs for npm
// installs, build/app-cli.mjs for the installed app).
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { metaContentSecurityPolicy } from './src-shared/content-security-policy';

/**
 * keytar is an optional native addon: it stays a file in node_modules, where electron-builder rebuilds
 * it for Electron's ABI (and unpacks it from app.asar). Main loads it with require(), not an ES import:
 * Electron's CommonJS loader has read node_modules inside app.asar for a decade, its ES module resolver
 * has regressed there more than once.
 */
function keytarThroughRequire(): Plugin {
  const id = '\0keytar-through-require';
  return {
    name: 'nevent:keytar-through-require',
    enforce: 'pre',
    resolveId: (source) => (source === 'keytar' ? id : null),
    load: (loaded) => (loaded === id ? "import { createRequire } from 'node:module';\nexport default createRequire(import.meta.url)('keytar');\n" : null),
  };
}

/** Writes the one CSP (src-shared/content-security-policy.ts) into index.html's meta tag. */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'nevent:content-security-policy-meta',
    transformIndexHtml(html) {
      if (!html.includes('%NEVENT_CSP%')) throw new Error('index.html has no %NEVENT_CSP% placeholder for the Content-Security-Policy meta tag');
      return html.replace('%NEVENT_CSP%', metaContentSecurityPolicy);
    },
  };
}

export default defineConfig({
  main: {
    plugins: [keytarThroughRequire()],
    build: {
      outDir: 'out/main',
      // Every pure-JS dependency is bundled, so the installed app loads no ES module from
      // node_modules inside app.asar; only electron, Node built-ins and keytar (above) stay outside.
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'src-main/electron/main.ts') }, output: { codeSplitting: false } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require node_modules: bundle everything it uses.
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'src-main/electron/preload.ts') }, output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    plugins: [contentSecurityPolicyMeta()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: {
        input: { index: resolve(__dirname, 'src-renderer/index.html') },
        // react-intl marks its modules "use client" for React Server Components; a client bundle has no
        // use for the mark, and the warning about dropping it would bury the warnings that matter.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('use client')) return;
          warn(warning);
        },
      },
    },
  },
});
