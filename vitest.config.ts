import { defineConfig } from 'vitest/config';

// Two projects: fast unit tests (no I/O outside the process), and integration tests that use the
// real parts (demo API over HTTP, MCP over stdio/sockets, a real keychain when one is available).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
          environment: 'node',
          // Only a hang should time a unit test out: CPU-bound cases (property suites, 100,000-tenant
          // indexes) take several times longer on a loaded two-core machine, and vitest's default of
          // 5 s turned that load into failures.
          testTimeout: 60_000,
          // Vitest's default is one worker fewer than the cores: a single worker on a two-core CI machine,
          // which left one core idle for the whole step.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'integration',
          sequence: { groupOrder: 1 },
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
          // Two cores: keep spawned servers and CLIs from starving each other.
          maxWorkers: 2,
        },
      },
      {
        // Run by scripts/test.mjs inside a throwaway D-Bus session with gnome-keyring unlocked.
        test: {
          name: 'keychain',
          sequence: { groupOrder: 2 },
          include: ['test/keychain/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
