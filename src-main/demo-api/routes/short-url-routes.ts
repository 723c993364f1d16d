/**
 * Short URLs of the token's tenant (core API `/admin/short-url…`), in the real shapes: pages
 * `{items, total, page, pageSize, totalPages}`, bare arrays for clicks and user links, records with
 * their nullable fields null. Every count is computed from the links' click series (short-url-data.ts),
 * so list, metrics, clicks and campaign metrics agree.
 */
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { ShortCodeSchema, ShortUrlOriginSchema } from '../../../src-shared/api';
import { authenticateScoped, type DemoContext } from '../demo-context';
import { badRequest, DemoHttpError, notFound } from '../http-error';
import { pagedListsIgnorePaging } from '../list-paging';
import { PerTenant } from '../per-tenant';
import { parseOrThrow, readJsonBody } from '../request-body';
import { clickEventsOn, clicksOn, clicksOver, generateShortUrls, lastDays, lifetimeDays, newShortCode, newShortUrlId, type DemoClick, type DemoShortUrl, type TenantShortUrls } from '../short-url-data';

const page = z.coerce.number().int().min(0).max(100_000).default(0);
const ListQuery = z.object({ isActive: z.enum(['true', 'false']).optional(), search: z.string().max(200).optional(), page, pageSize: z.coerce.number().int().min(1).max(200).default(20) });
const DestinationQuery = z.object({ origin: ShortUrlOriginSchema.optional(), search: z.string().max(200).optional(), page, pageSize: z.coerce.number().int().min(1).max(100).default(20) });
const DaysQuery = z.object({ days: z.coerce.number().int().min(1).max(365).default(30), topN: z.coerce.number().int().min(1).max(100).default(10) });
const LimitQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) });
const httpUrl = z.string().max(2048).refine((value) => /^https?:\/\/[^\s/]+\.[^\s]+$/.test(value), 'Invalid URL format');
const CreateSchema = z.object({ longUrl: httpUrl, title: z.string().max(200).optional(), expiresAt: z.iso.datetime({ offset: true }).optional(), tags: z.array(z.string().max(100)).max(50).optional(), metadata: z.record(z.string(), z.unknown()).optional(), customShortCode: ShortCodeSchema.optional() }).loose();
const UpdateSchema = z.object({ title: z.string().max(200).optional(), expiresAt: z.iso.datetime({ offset: true }).nullable().optional(), isActive: z.boolean().optional(), tags: z.array(z.string().max(100)).max(50).optional(), metadata: z.record(z.string(), z.unknown()).optional(), longUrl: httpUrl.optional() }).loose();
const BulkSchema = z.object({ parentShortCode: z.string().min(1).max(64), userIds: z.array(z.string().min(1).max(64)).min(1).max(1000) }).loose();

function isExpired(link: DemoShortUrl, now: Date): boolean {
  return link.expiresAt !== null && Date.parse(link.expiresAt) <= now.getTime();
}

/** A link as the API answers it, its counters computed from its clicks. */
function answer(data: TenantShortUrls, link: DemoShortUrl, now: Date): Record<string, unknown> {
  const days = lastDays(now, lifetimeDays(link, now));
  const lastDay = days.find((day) => clicksOn(link, day, now) > 0);
  const { popularity: _p, ...stored } = link;
  return {
    ...stored,
    shortUrl: `https://nevt.link/${link.shortCode}`,
    clickCount: clicksOver(link, days, now),
    lastClickedAt: lastDay === undefined ? null : (clickEventsOn(link, lastDay, now)[0]?.clickedAt ?? null),
    isExpired: isExpired(link, now),
    isParent: link.isParent ? true : link.userId === null ? null : false,
    userLinksCount: link.isParent ? data.links.filter((l) => l.parentShortCode === link.shortCode).length : null,
  };
}

function pageOf<T>(all: T[], pageNo: number, size: number): { items: T[]; total: number; page: number; pageSize: number; totalPages: number } {
  return { items: all.slice(pageNo * size, pageNo * size + size), total: all.length, page: pageNo, pageSize: size, totalPages: Math.ceil(all.length / size) };
}

function tally(events: readonly DemoClick[], key: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const event of events) {
    const value = event[key];
    const name = typeof value === 'string' ? value : key === 'referer' ? 'direct' : 'unknown';
    out[name] = (out[name] ?? 0) + 1;
  }
  return out;
}

/** Registers the short-URL routes. */
export function registerShortUrlRoutes(app: Hono, deps: DemoContext): void {
  const store = new PerTenant(deps.directory, (tenant) => generateShortUrls(tenant, deps.now()));
  const tenantOf = async (c: Context): Promise<TenantShortUrls> => store.of((await authenticateScoped(c, deps)).tenantId);
  const byId = (data: TenantShortUrls, id: string): DemoShortUrl => {
    const link = data.links.find((l) => l.id === id);
    if (link === undefined) throw notFound('HTTP 404');
    return link;
  };
  const parentOf = (data: TenantShortUrls, code: string): DemoShortUrl => {
    const link = data.links.find((l) => l.shortCode === code && l.userId === null);
    if (link === undefined) throw notFound(`Short URL ${code} not found`);
    return link;
  };
  const events = (link: DemoShortUrl, days: readonly number[], now: Date): DemoClick[] => days.flatMap((day) => clickEventsOn(link, day, now));

  app.get('/admin/short-url', async (c) => {
    const data = await tenantOf(c);
    const query = parseOrThrow(ListQuery, c.req.query());
    const needle = query.search?.toLowerCase();
    const now = deps.now();
    const matching = data.links
      .filter((l) => query.isActive === undefined || l.isActive === (query.isActive === 'true'))
      .filter((l) => needle === undefined || [l.title ?? '', l.longUrl, l.shortCode].some((text) => text.toLowerCase().includes(needle)))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id));
    if (pagedListsIgnorePaging(deps.listPaging)) return c.json(matching.map((l) => answer(data, l, now)));
    const found = pageOf(matching, query.page, query.pageSize);
    return c.json({ ...found, items: found.items.map((l) => answer(data, l, now)) });
  });

  app.get('/admin/short-url/destinations', async (c) => {
    const data = await tenantOf(c);
    const query = parseOrThrow(DestinationQuery, c.req.query());
    const now = deps.now();
    const groups = new Map<string, DemoShortUrl[]>();
    for (const link of data.links) groups.set(link.longUrl, [...(groups.get(link.longUrl) ?? []), link]);
    const needle = query.search?.toLowerCase();
    const items = [...groups.entries()]
      .map(([url, members]) => {
        const canonical = members.find((m) => m.userId === null) ?? (members[0] as DemoShortUrl);
        const origin = members.some((m) => m.isParent) ? 'CAMPAIGN' : 'MANUAL';
        const clicks = members.map((m) => answer(data, m, now));
        const lastClickAt = clicks.map((m) => m.lastClickedAt).filter((at): at is string => typeof at === 'string').sort().pop() ?? null;
        return {
          destinationKey: `${origin.toLowerCase()}-dest:v1:${canonical.id.slice(-6)}`,
          displayUrl: url,
          title: canonical.title,
          origin,
          canonicalShortCode: canonical.shortCode,
          canonicalId: canonical.id,
          totalClicks: clicks.reduce((sum, m) => sum + (m.clickCount as number), 0),
          linksCount: members.length,
          campaignsCount: origin === 'CAMPAIGN' ? 1 : 0,
          lastClickAt,
          memberShortCodes: members.slice(0, 20).map((m) => m.shortCode),
          members: members.slice(0, 20).map((m) => ({ id: m.id, shortCode: m.shortCode })),
          readOnly: origin === 'CAMPAIGN',
        };
      })
      .filter((d) => query.origin === undefined || query.origin === 'ALL' || d.origin === query.origin)
      .filter((d) => needle === undefined || `${d.displayUrl} ${d.title ?? ''}`.toLowerCase().includes(needle))
      .sort((a, b) => b.totalClicks - a.totalClicks || a.destinationKey.localeCompare(b.destinationKey));
    if (pagedListsIgnorePaging(deps.listPaging)) return c.json(items);
    return c.json(pageOf(items, query.page, query.pageSize));
  });

  app.get('/admin/short-url/:id', async (c) => {
    const data = await tenantOf(c);
    return c.json(answer(data, byId(data, c.req.param('id')), deps.now()));
  });

  app.get('/admin/short-url/:id/metrics', async (c) => {
    const data = await tenantOf(c);
    const link = byId(data, c.req.param('id'));
    const { days } = parseOrThrow(DaysQuery, c.req.query());
    const now = deps.now();
    const window = lastDays(now, days);
    const all = events(link, window, now);
    const clicksByDay: Record<string, number> = {};
    for (const day of window) {
      const count = clicksOn(link, day, now);
      if (count > 0) clicksByDay[new Date(day).toISOString().slice(0, 10)] = count;
    }
    return c.json({
      shortUrlId: link.id,
      shortCode: link.shortCode,
      totalClicks: all.length,
      uniqueVisitors: new Set(all.map((e) => e.ipAddress)).size,
      firstClickAt: all.at(-1)?.clickedAt ?? null,
      lastClickAt: all[0]?.clickedAt ?? null,
      clicksByDay,
      clicksByCountry: tally(all, 'country'),
      clicksByDevice: tally(all, 'device'),
      clicksByBrowser: tally(all, 'browser'),
      clicksByOs: tally(all, 'os'),
      topReferers: tally(all, 'referer'),
    });
  });

  app.get('/admin/short-url/:id/clicks', async (c) => {
    const data = await tenantOf(c);
    const link = byId(data, c.req.param('id'));
    const { limit } = parseOrThrow(LimitQuery, c.req.query());
    const now = deps.now();
    const out: DemoClick[] = [];
    for (const day of lastDays(now, lifetimeDays(link, now))) {
      if (out.length >= limit) break;
      out.push(...clickEventsOn(link, day, now));
    }
    return c.json(out.slice(0, limit));
  });

  app.get('/admin/short-url/:code/campaign-metrics', async (c) => {
    const data = await tenantOf(c);
    const parent = parentOf(data, c.req.param('code'));
    const { days, topN } = parseOrThrow(DaysQuery, c.req.query());
    const now = deps.now();
    const window = lastDays(now, days);
    const children = data.links.filter((l) => l.parentShortCode === parent.shortCode);
    const perChild = children.map((child) => ({ child, events: events(child, window, now) }));
    const all = perChild.flatMap((p) => p.events);
    const withClicks = perChild.filter((p) => p.events.length > 0);
    const clicksByDay: Record<string, number> = {};
    for (const event of all) {
      const day = event.clickedAt.slice(0, 10);
      clicksByDay[day] = (clicksByDay[day] ?? 0) + 1;
    }
    return c.json({
      parentShortCode: parent.shortCode,
      parentLongUrl: parent.longUrl,
      totalChildUrls: children.length,
      totalClicks: all.length,
      urlsWithClicks: withClicks.length,
      avgClicksPerUrl: children.length === 0 ? 0 : Math.round((all.length / children.length) * 100) / 100,
      clickThroughRate: children.length === 0 ? 0 : Math.round((withClicks.length / children.length) * 10_000) / 100,
      topUsersByClicks: withClicks
        .sort((a, b) => b.events.length - a.events.length || a.child.id.localeCompare(b.child.id))
        .slice(0, topN)
        .map((p) => ({ userId: p.child.userId, shortCode: p.child.shortCode, clickCount: p.events.length, lastClickedAt: p.events[0]?.clickedAt ?? null })),
      clicksByDay,
      clicksByDevice: tally(all, 'device'),
      clicksByBrowser: tally(all, 'browser'),
      clicksByCountry: tally(all, 'country'),
    });
  });

  app.get('/admin/short-url/:code/user-links', async (c) => {
    const data = await tenantOf(c);
    const parent = parentOf(data, c.req.param('code'));
    const now = deps.now();
    return c.json(data.links.filter((l) => l.parentShortCode === parent.shortCode).map((l) => answer(data, l, now)));
  });

  app.post('/admin/short-url', async (c) => {
    const data = await tenantOf(c);
    const input = await readJsonBody(c, CreateSchema);
    if (input.customShortCode !== undefined && data.links.some((l) => l.shortCode === input.customShortCode)) throw new DemoHttpError(409, 'conflict', 'Short code already exists', 'customShortCode', 'plain');
    const now = deps.now();
    const link: DemoShortUrl = {
      id: newShortUrlId(data),
      shortCode: input.customShortCode ?? newShortCode(data),
      longUrl: input.longUrl,
      tenantId: data.tenant.id,
      createdBy: 'api',
      createdAt: now.toISOString(),
      expiresAt: input.expiresAt === undefined ? null : new Date(input.expiresAt).toISOString(),
      isActive: true,
      title: input.title ?? null,
      tags: input.tags ?? [],
      metadata: input.metadata ?? null,
      isParent: false,
      parentShortCode: null,
      userId: null,
      popularity: 0,
    };
    data.links.push(link);
    return c.json(answer(data, link, now), 201);
  });

  app.put('/admin/short-url/:id', async (c) => {
    const data = await tenantOf(c);
    const link = byId(data, c.req.param('id'));
    const input = await readJsonBody(c, UpdateSchema);
    if (input.title !== undefined) link.title = input.title;
    if (input.expiresAt !== undefined) link.expiresAt = input.expiresAt === null ? null : new Date(input.expiresAt).toISOString();
    if (input.isActive !== undefined) link.isActive = input.isActive;
    if (input.tags !== undefined) link.tags = input.tags;
    if (input.metadata !== undefined) link.metadata = input.metadata;
    if (input.longUrl !== undefined) link.longUrl = input.longUrl;
    return c.json(answer(data, link, deps.now()));
  });

  app.post('/admin/short-url/:code/user-links', async (c) => {
    const data = await tenantOf(c);
    const code = c.req.param('code');
    const input = await readJsonBody(c, BulkSchema);
    if (input.parentShortCode !== code) throw badRequest('parentShortCode mismatch', 'parentShortCode');
    const parent = parentOf(data, code);
    const have = new Set(data.links.filter((l) => l.parentShortCode === code).map((l) => l.userId));
    const now = deps.now();
    const created: DemoShortUrl[] = [];
    for (const userId of new Set(input.userIds)) {
      if (have.has(userId)) continue; // one personal link per user: duplicates are skipped, not errors
      const link: DemoShortUrl = { ...parent, id: newShortUrlId(data), shortCode: newShortCode(data), createdBy: 'api', createdAt: now.toISOString(), title: null, tags: [], metadata: null, isParent: false, parentShortCode: code, userId, popularity: 0 };
      data.links.push(link);
      created.push(link);
    }
    parent.isParent = true;
    return c.json({ parentShortCode: code, totalRequested: input.userIds.length, totalCreated: created.length, createdLinks: created.map((l) => answer(data, l, now)) });
  });
}
