/**
 * The demo's short URLs per tenant: manual links and campaign parent links with one personal link per
 * fan, each with a click series per day (deterministic per link and day, so any window has data) from
 * which every answer is computed — counts, metrics, click events, campaign metrics, destinations —
 * so the numbers agree with each other. Links made through the API start with no clicks.
 */
import type { DemoTenant } from './demo-records';
import { generateFans } from './fans';
import { hashString, SeededRandom } from './prng';

/** A stored link (`clickCount`, `lastClickedAt`, `isExpired` are computed when answering). */
export interface DemoShortUrl {
  id: string;
  shortCode: string;
  longUrl: string;
  tenantId: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string | null;
  isActive: boolean;
  title: string | null;
  tags: string[];
  metadata: Record<string, unknown> | null;
  isParent: boolean;
  parentShortCode: string | null;
  userId: string | null;
  /** Average clicks per day of a generated link; 0 for links made through the API. */
  popularity: number;
}

/** One click event as the API sends it. */
export type DemoClick = Record<string, unknown> & { clickedAt: string };

/** One tenant's links. */
export interface TenantShortUrls {
  tenant: DemoTenant;
  links: DemoShortUrl[];
  ids: SeededRandom;
}

const dayMs = 24 * 3600 * 1000;
const destinations = ['events/summer-festival', 'events/autumn-season', 'tickets/presale', 'members/early-access', 'merch/new-drop', 'survey/fans-2026', 'events/new-year-party', 'venues/map'];
const countries = [['ES', 'Spain'], ['ES', 'Spain'], ['ES', 'Spain'], ['FR', 'France'], ['PT', 'Portugal'], ['US', 'United States'], ['DE', 'Germany']] as const;
const devices = ['mobile', 'mobile', 'mobile', 'desktop', 'desktop', 'tablet'] as const;
const browsers = ['Chrome', 'Chrome', 'Safari', 'Safari', 'Firefox', 'Edge'] as const;
const systems = { mobile: ['Android', 'iOS'], desktop: ['Windows', 'macOS', 'Linux'], tablet: ['iOS', 'Android'] } as const;
const referers = ['direct', 'direct', 'https://instagram.com', 'https://facebook.com', 'https://t.co', 'email'] as const;

/** A short code: 6 letters and digits. */
function shortCode(rng: SeededRandom): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  let code = '';
  for (let i = 0; i < 6; i += 1) code += alphabet[rng.int(0, alphabet.length - 1)];
  return code;
}

/** Generates a tenant's links, created in the 120 days before `now` (deterministic for a given day). */
export function generateShortUrls(tenant: DemoTenant, now: Date): TenantShortUrls {
  const rng = new SeededRandom(`short-urls:${tenant.id}`);
  const today = Math.floor(now.getTime() / dayMs) * dayMs;
  const slug = tenant.slug ?? tenant.key;
  const links: DemoShortUrl[] = [];
  const link = (fields: Partial<DemoShortUrl> & Pick<DemoShortUrl, 'longUrl' | 'createdAt'>): DemoShortUrl => {
    const made: DemoShortUrl = { id: rng.hex(24), shortCode: shortCode(rng), tenantId: tenant.id, createdBy: 'owner@demo.nevent.local', expiresAt: null, isActive: true, title: null, tags: [], metadata: null, isParent: false, parentShortCode: null, userId: null, popularity: 0, ...fields };
    links.push(made);
    return made;
  };
  const manual = rng.int(4, 8);
  for (let i = 0; i < manual; i += 1) {
    const path = rng.pick(destinations);
    const createdAt = new Date(today - rng.int(5, 120) * dayMs + rng.int(8, 20) * 3600_000).toISOString();
    const expired = rng.chance(0.2);
    link({
      longUrl: `https://nevent.es/${slug}/${path}`,
      createdAt,
      title: `${tenant.name} · ${path.split('/').pop()?.replace(/-/g, ' ') ?? path}`,
      tags: rng.chance(0.5) ? ['social'] : [],
      expiresAt: expired ? new Date(today - rng.int(1, 4) * dayMs).toISOString() : rng.chance(0.3) ? new Date(today + rng.int(10, 90) * dayMs).toISOString() : null,
      isActive: !rng.chance(0.1),
      popularity: rng.int(1, 30),
    });
  }
  const fans = generateFans(tenant);
  const parents = rng.int(1, 2);
  for (let p = 0; p < parents; p += 1) {
    const path = rng.pick(destinations);
    const created = rng.int(10, 60);
    const parent = link({ longUrl: `https://nevent.es/${slug}/${path}?utm_source=nevent&utm_medium=email`, createdAt: new Date(today - created * dayMs).toISOString(), title: `Campaign link · ${path}`, tags: ['campaign'], metadata: { campaignId: rng.hex(24) }, isParent: true, popularity: rng.int(2, 10) });
    const count = rng.int(20, 60);
    const start = rng.int(0, Math.max(0, fans.length - count));
    for (const fan of fans.slice(start, start + count)) {
      link({ longUrl: parent.longUrl, createdAt: new Date(today - (created - 1) * dayMs).toISOString(), parentShortCode: parent.shortCode, userId: fan.id, popularity: rng.chance(0.4) ? rng.next() : 0 });
    }
  }
  return { tenant, links, ids: new SeededRandom(`short-url-ids:${tenant.id}`) };
}

/**
 * Clicks of a link on the UTC day starting at `day` (ms): none before it was made, and none on a day
 * that has not ended (so every answer about a day stays the same all day long).
 */
export function clicksOn(link: DemoShortUrl, day: number, now: Date): number {
  if (link.popularity === 0 || day + dayMs > now.getTime() || day + dayMs <= Date.parse(link.createdAt)) return 0;
  const rng = new SeededRandom(hashString(`${link.id}:${day}`));
  return Math.floor(rng.next() * 2 * link.popularity + (rng.chance(0.5) ? 0.5 : 0));
}

/** The UTC days (ms) of the last `days` days up to `now`, newest first. */
export function lastDays(now: Date, days: number): number[] {
  const today = Math.floor(now.getTime() / dayMs) * dayMs;
  return Array.from({ length: days }, (_, i) => today - i * dayMs);
}

/** Days since the link was made (at most 400), for lifetime counts. */
export function lifetimeDays(link: DemoShortUrl, now: Date): number {
  return Math.min(400, Math.max(1, Math.ceil((now.getTime() - Date.parse(link.createdAt)) / dayMs) + 1));
}

/** The click events of a link on one day, newest first, generated from that day's count. */
export function clickEventsOn(link: DemoShortUrl, day: number, now: Date): DemoClick[] {
  const count = clicksOn(link, day, now);
  const rng = new SeededRandom(hashString(`${link.id}:${day}:events`));
  const events: DemoClick[] = [];
  for (let i = 0; i < count; i += 1) {
    const [country, countryName] = rng.pick(countries);
    const device = rng.pick(devices);
    const referer = rng.pick(referers);
    const paid = referer === 'https://facebook.com' && rng.chance(0.5);
    const at = day + rng.int(0, dayMs - 1);
    events.push({
      id: `click-${link.id.slice(-6)}-${day / dayMs}-${i}`,
      shortUrlId: link.id,
      shortCode: link.shortCode,
      clickedAt: new Date(at).toISOString(),
      ipAddress: `203.0.113.${rng.int(1, 254)}`,
      userAgent: 'Mozilla/5.0',
      referer: referer === 'direct' ? null : referer,
      country,
      countryName,
      device,
      browser: rng.pick(browsers),
      os: rng.pick(systems[device]),
      utmSource: paid ? 'facebook' : null,
      utmMedium: paid ? 'cpc' : null,
      utmCampaign: paid ? 'spring' : null,
      fbclid: paid ? `IwAR${rng.hex(8)}` : null,
      isPaidTraffic: paid,
    });
  }
  return events.sort((a, b) => b.clickedAt.localeCompare(a.clickedAt));
}

/** Sum of a link's clicks over the given days. */
export function clicksOver(link: DemoShortUrl, days: readonly number[], now: Date): number {
  return days.reduce((sum, day) => sum + clicksOn(link, day, now), 0);
}

/** A fresh id for a new link. */
export function newShortUrlId(data: TenantShortUrls): string {
  let id = data.ids.hex(24);
  while (data.links.some((l) => l.id === id)) id = data.ids.hex(24);
  return id;
}

/** A fresh 6-character short code, unique in the tenant. */
export function newShortCode(data: TenantShortUrls): string {
  let code = shortCode(data.ids);
  while (data.links.some((l) => l.shortCode === code)) code = shortCode(data.ids);
  return code;
}
