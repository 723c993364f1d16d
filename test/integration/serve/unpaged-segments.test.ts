/**
 * The window's segment list on an API that does not page: `serve --api-url` (the built CLI) against a
 * demo API whose `GET /segments` answers every segment as a plain array, whatever page or size it is
 * sent (as the real API does), with more segments than one of the window's pages. Over the app's HTTP
 * contract — what the renderer reads — main holds every segment exactly once (`segments.current`) and a
 * cursor walk (`segments.list`) ends; the renderer's store mirrors `segments.current`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoApi, type DemoApi } from '../../../src-main/demo-api';
import { callApi } from '../../unit/shell/http-client';
import { request, signIn, switchedPair } from '../demo-api/demo-http';
import { startServe, type ServeProcess } from './serve-process';

const tenantId = 'tn-acme-es';
/** More than one page of the window's (200). */
const bulk = 230;

describe('the window on GET /segments answering a plain array of every segment', () => {
  let demo: DemoApi;
  let serve: ServeProcess;
  let truth: string[];

  async function call<T = Record<string, unknown>>(channel: string, payload?: unknown): Promise<T> {
    const answer = (await callApi(serve.port, serve.token, channel, payload)).json;
    if (!answer.ok) throw new Error(`${channel} failed: ${JSON.stringify(answer.error)}`);
    return answer.value as T;
  }

  beforeAll(async () => {
    demo = await startDemoApi({ segmentListShape: 'array', listPaging: 'real' });
    const owner = await signIn(demo, 'owner');
    const { accessToken } = await switchedPair(demo, owner.accessToken, tenantId);
    for (let i = 0; i < bulk; i += 1) {
      const created = await request(`${demo.url}/segments`, { token: accessToken, body: { name: `Window ${i}`, definition: { stanzas: [] }, status: 'ACTIVE' } });
      expect(created.status).toBe(201);
    }
    const all = await request(`${demo.url}/segments?page=3&size=10`, { token: accessToken });
    expect(Array.isArray(all.body)).toBe(true);
    truth = (all.body as Array<{ id?: string; _id?: string }>).map((s) => s.id ?? s._id ?? '');
    serve = await startServe(['--api-url', demo.url]);
    await call('account.signIn', { method: 'password', apiUrl: demo.url, email: 'owner@demo.nevent.local', password: 'demo' });
    await call('tenants.switch', { tenantId });
  }, 120_000);
  afterAll(async () => {
    if (serve !== undefined && serve.child.exitCode === null) await serve.stop();
    serve?.cleanup();
    await demo?.close();
  });

  it('main holds every segment of the tenant once, and says there are no more', async () => {
    expect(truth.length).toBeGreaterThan(bulk);
    let current = await call<{ tenantId: string; status: string; segments: Array<{ id: string }>; more: boolean }>('segments.current');
    // The load after the switch may still be running.
    for (let i = 0; i < 100 && current.status !== 'ready'; i += 1) current = await call('segments.current');
    expect(current).toMatchObject({ tenantId, status: 'ready', more: false });
    const ids = current.segments.map((s) => s.id);
    expect(ids).toHaveLength(truth.length);
    expect(new Set(ids)).toEqual(new Set(truth));
  });

  it('a cursor walk over segments.list ends after every segment, once each', async () => {
    const ids: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 20 && (page === 0 || cursor !== null); page += 1) {
      const list: { segments: Array<{ id: string }>; nextCursor: string | null } = await call('segments.list', { limit: 100, ...(cursor === null ? {} : { cursor }) });
      ids.push(...list.segments.map((s) => s.id));
      cursor = list.nextCursor;
    }
    expect(cursor).toBeNull();
    expect(ids).toHaveLength(truth.length);
    expect(new Set(ids)).toEqual(new Set(truth));
  });
});
