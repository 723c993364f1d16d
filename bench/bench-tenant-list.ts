/**
 * tenant list at scale: a SUPERADMIN's `nevent_list_tenants` over 100,000 tenants
 * through `nevent-companion mcp` over stdio. The whole list used to be one answer and the connection
 * closed; now every page must fit a model's context. Measured: the largest page (bytes of the JSON
 * text the model receives) over the default page, a search, the largest `limit` and a cursor walk,
 * against the 24 KiB goal; and that the connection still answers afterwards.
 */
import { startDemoApi } from '../src-main/demo-api';
import type { BenchContext } from './context';
import { binPath, stdioClient } from './mcp-clients';
import { signIn } from './raw-api';
import type { BenchResult } from './result';
import { now } from './stats';

const tenants = 100_000;
/** The goal: a page a model can take in one answer. */
const pageBudgetBytes = 24 * 1024;

/** Measures the pages one SUPERADMIN session gets. */
export async function benchTenantList(_ctx: BenchContext): Promise<BenchResult> {
  const demo = await startDemoApi({ port: 0, tenants });
  try {
    const tokens = await signIn(demo.url, 'superadmin');
    const mcp = await stdioClient(process.execPath, [binPath, 'mcp'], { NEVENT_JWT_TOKEN: tokens.accessToken, NEVENT_REFRESH_TOKEN: tokens.refreshToken, NEVENT_API_URL: demo.url, NEVENT_DATA_API_URL: demo.dataUrl });
    try {
      const sizes: Record<string, number> = {};
      const times: Record<string, number> = {};
      const page = async (label: string, args: Record<string, unknown>): Promise<{ total: number; count: number; next_cursor?: string }> => {
        const started = now();
        const result = await mcp.client.callTool({ name: 'nevent_list_tenants', arguments: args });
        times[`ms.${label}`] = Math.round(now() - started);
        if (result.isError === true) throw new Error(`nevent_list_tenants ${JSON.stringify(args)} failed`);
        const text = (result.content as { type: string; text?: string }[])[0]?.text ?? '';
        sizes[`bytes.${label}`] = Buffer.byteLength(text, 'utf8');
        return result.structuredContent as { total: number; count: number; next_cursor?: string };
      };
      const first = await page('default', {});
      await page('search', { search: 'gen-4' });
      const largest = await page('limitMax', { limit: 500 });
      let cursor = largest.next_cursor;
      for (let i = 0; i < 3 && cursor !== undefined; i++) cursor = (await page(`walk${i + 1}`, { limit: 500, cursor })).next_cursor;
      // The connection survives every page: the next call still answers.
      const active = await mcp.call('nevent_get_active_tenant');
      const maxBytes = Math.max(...Object.values(sizes));
      return {
        id: 'tenant-list',
        title: `nevent_list_tenants, SUPERADMIN (${tenants.toLocaleString('en')} tenants)`,
        subject: 'the largest page of nevent_list_tenants over stdio (default, search, limit 500, a cursor walk): bytes of the JSON text',
        baseline: `the goal of ${pageBudgetBytes} bytes (24 KiB) per page`,
        unit: 'bytes (largest page)',
        subjectValue: maxBytes,
        baselineValue: pageBudgetBytes,
        ratio: maxBytes / pageBudgetBytes,
        target: 1,
        details: { tenants, total: first.total, defaultPageCount: first.count, limitMaxPageCount: largest.count, connectionAnswersAfter: active.active_tenant_id !== undefined ? 1 : 0, ...sizes, ...times },
        note: null,
      };
    } finally {
      await mcp.close();
    }
  } finally {
    await demo.close();
  }
}
