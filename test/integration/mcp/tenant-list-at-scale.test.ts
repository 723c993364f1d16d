/**
 * `nevent_list_tenants` for a SUPERADMIN over 100,000 tenants, through a real MCP
 * client over stdio: every page fits a model's context (≤ 24 KiB of JSON text), says the total and how
 * to go on, searches, and the connection stays up for the next call.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoApi } from '../../../src-main/demo-api';
import type { DemoApi } from '../../../src-main/demo-api';
import { ensureCliBuilt, spawnCliClient, type CliClient } from './cli-helpers';
import { ok } from './envelope-assert';

const generated = 100_000;
const pageBudgetBytes = 24 * 1024;

let demo: DemoApi;
let client: CliClient;
beforeAll(async () => {
  await ensureCliBuilt();
  demo = await startDemoApi({ port: 0, tenants: generated });
  const response = await fetch(`${demo.url}/auth/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'superadmin@demo.nevent.local', password: 'demo' }) });
  const tokens = (await response.json()) as { access_token: string };
  client = await spawnCliClient(['mcp', '--data-api-url', demo.dataUrl], { NEVENT_JWT_TOKEN: tokens.access_token, NEVENT_API_URL: demo.url });
}, 180_000);
afterAll(async () => {
  await client?.close();
  await demo?.close();
});

/** The JSON text the model receives, its size in bytes, and the page. */
async function page(args: Record<string, unknown>): Promise<{ bytes: number; value: { tenants: { id: string; name: string }[]; count: number; total: number; next_cursor?: string } }> {
  const result = await client.call('nevent_list_tenants', args);
  const value = ok(result) as Awaited<ReturnType<typeof page>>['value'];
  const first = result.content[0];
  const text = first?.type === 'text' ? first.text : '';
  return { bytes: Buffer.byteLength(text, 'utf8'), value };
}

describe('nevent_list_tenants at 100,000 tenants', () => {
  it('answers the default page within the budget, with the total and a cursor that walks on without repeats', async () => {
    const first = await page({});
    expect(first.bytes).toBeLessThanOrEqual(pageBudgetBytes);
    expect(first.value.total).toBeGreaterThanOrEqual(generated);
    expect(first.value.count).toBe(first.value.tenants.length);
    expect(first.value.next_cursor).toEqual(expect.any(String));
    const second = await page({ cursor: first.value.next_cursor });
    expect(second.bytes).toBeLessThanOrEqual(pageBudgetBytes);
    expect(second.value.total).toBe(first.value.total);
    const seen = new Set(first.value.tenants.map((t) => t.id));
    expect(second.value.tenants.length).toBeGreaterThan(0);
    expect(second.value.tenants.some((t) => seen.has(t.id))).toBe(false);
  }, 120_000);

  it('keeps the largest page a caller may ask for within the budget too, and still offers the rest', async () => {
    const largest = await page({ limit: 500 });
    expect(largest.bytes).toBeLessThanOrEqual(pageBudgetBytes);
    expect(largest.value.count).toBeGreaterThan(0);
    expect(largest.value.next_cursor).toEqual(expect.any(String));
    const next = await page({ limit: 500, cursor: largest.value.next_cursor });
    const seen = new Set(largest.value.tenants.map((t) => t.id));
    expect(next.value.tenants.some((t) => seen.has(t.id))).toBe(false);
  }, 120_000);

  it('searches the whole list, and the connection answers the next call', async () => {
    const found = await page({ search: 'tn-gen-099000' });
    expect(found.value.total).toBe(1);
    expect(found.value.tenants.map((t) => t.id)).toEqual(['tn-gen-099000']);
    const wide = await page({ search: 'northwind' });
    expect(wide.bytes).toBeLessThanOrEqual(pageBudgetBytes);
    expect(wide.value.total).toBeGreaterThan(wide.value.count);
    expect(wide.value.tenants.every((t) => t.name.toLowerCase().includes('northwind') || t.id.includes('northwind'))).toBe(true);
    expect(ok(await client.call('nevent_get_active_tenant'))).toMatchObject({ role: 'SUPERADMIN' });
  }, 120_000);
});
