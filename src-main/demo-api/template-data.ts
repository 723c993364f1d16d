/**
 * The demo's email templates per tenant: 4-7 templates with real HTML or MJML bodies and merge tags,
 * and the writes the core API offers (create, update, clone, rename), a preview that fills the merge
 * tags for a sample fan, and a test send with the real API's quirk: addresses the sender has not
 * verified answer 200 with `success: false` and an `errorMessage`.
 */
import type { DemoTenant } from './demo-records';
import { generateFans, type DemoFan } from './fans';
import { badRequest, notFound } from './http-error';
import { SeededRandom } from './prng';

/** A stored template, as the API's records look. */
export interface DemoTemplate {
  id: string;
  name: string;
  format: 'html' | 'mjml';
  tags: string[];
  tenantId: string;
  htmlBody?: string;
  mjmlBody?: string;
  createdAt: string;
  createdBy: string;
  modifiedAt: string;
}

/** One tenant's templates and the id sequence for new ones. */
export interface TenantTemplates {
  tenant: DemoTenant;
  templates: Map<string, DemoTemplate>;
  ids: SeededRandom;
  fans?: DemoFan[];
}

const dataEpoch = Date.UTC(2026, 0, 1);
const dayMs = 24 * 3600 * 1000;

const designs: { name: string; tags: string[]; format: 'html' | 'mjml'; body: (tenant: string) => string }[] = [
  { name: 'Monthly newsletter', tags: ['newsletter'], format: 'html', body: (t) => `<html><body><h1>${t} this month</h1><p>Hello {{first_name}},</p><p>Here is what is on at our venues.</p><a href="https://nevent.es/e/{{tenant_slug}}">See the agenda</a></body></html>` },
  { name: 'Presale announcement', tags: ['promo', 'presale'], format: 'mjml', body: (t) => `<mjml><mj-body><mj-section><mj-column><mj-text>Hi {{first_name}}, the ${t} presale opens tomorrow.</mj-text><mj-button href="https://nevent.es/presale">Get tickets</mj-button></mj-column></mj-section></mj-body></mjml>` },
  { name: 'Event reminder', tags: ['event', 'reminder'], format: 'html', body: (t) => `<html><body><p>{{first_name}}, your ${t} event is in {{days_left}} days.</p><p>Doors open at {{doors_time}}.</p></body></html>` },
  { name: 'Thank you for coming', tags: ['post-event'], format: 'mjml', body: (t) => `<mjml><mj-body><mj-section><mj-column><mj-text>Thanks for coming to ${t}, {{first_name}}!</mj-text><mj-text>Tell us how it went.</mj-text></mj-column></mj-section></mj-body></mjml>` },
  { name: 'Abandoned cart', tags: ['promo', 'cart'], format: 'html', body: () => '<html><body><p>{{first_name}}, your tickets are still waiting.</p><p>{{cart_items}}</p></body></html>' },
  { name: 'Members early access', tags: ['members'], format: 'html', body: (t) => `<html><body><h2>${t} members first</h2><p>Dear {{first_name}} {{last_name}}, early access starts now.</p></body></html>` },
  { name: 'Season pass renewal', tags: ['renewal'], format: 'mjml', body: () => '<mjml><mj-body><mj-section><mj-column><mj-text>{{first_name}}, renew your season pass before {{deadline}}.</mj-text></mj-column></mj-section></mj-body></mjml>' },
];

/** Generates a tenant's templates (deterministic). */
export function generateTemplates(tenant: DemoTenant): TenantTemplates {
  const rng = new SeededRandom(`templates:${tenant.id}`);
  const pool = [...designs];
  const templates = new Map<string, DemoTemplate>();
  const count = rng.int(4, 7);
  for (let i = 0; i < count && pool.length > 0; i += 1) {
    const design = pool.splice(rng.int(0, pool.length - 1), 1)[0];
    if (design === undefined) break;
    const created = rng.int(30, 300);
    const id = rng.hex(24);
    templates.set(id, {
      id,
      name: design.name,
      format: design.format,
      tags: [...design.tags],
      tenantId: tenant.id,
      ...(design.format === 'html' ? { htmlBody: design.body(tenant.name) } : { mjmlBody: design.body(tenant.name) }),
      createdAt: new Date(dataEpoch - created * dayMs).toISOString(),
      createdBy: 'owner@demo.nevent.local',
      modifiedAt: new Date(dataEpoch - rng.int(0, created) * dayMs).toISOString(),
    });
  }
  return { tenant, templates, ids: new SeededRandom(`template-ids:${tenant.id}`) };
}

/** A template or 404 (the real API's bare `{message}`). */
export function requireTemplate(data: TenantTemplates, id: string): DemoTemplate {
  const template = data.templates.get(id);
  if (template === undefined) throw notFound('HTTP 404');
  return template;
}

/** A fresh id for a new template in this tenant. */
export function newTemplateId(data: TenantTemplates): string {
  let id = data.ids.hex(24);
  while (data.templates.has(id)) id = data.ids.hex(24);
  return id;
}

/** Markup the demo refuses, as the real API refuses invalid MJML. */
export function checkMarkup(format: 'html' | 'mjml', body: string | undefined): void {
  if (body === undefined) return;
  if (format === 'mjml' && !/^\s*<mjml[\s>]/.test(body)) throw badRequest('Invalid MJML', 'mjmlBody');
}

/** The merge tags (`{{tag}}`) of a text, once each, in order. */
export function mergeTags(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*([A-Za-z0-9_.]+)\s*\}\}/g)].map((m) => m[1] as string))];
}

/** The sample fan a preview or test send renders for: by id, else by email; null when none matches. */
export function sampleFan(data: TenantTemplates, sample: { sampleUserId?: string | undefined; sampleUserEmail?: string | undefined }): DemoFan | null {
  if (sample.sampleUserId === undefined && sample.sampleUserEmail === undefined) return null;
  data.fans ??= generateFans(data.tenant);
  return data.fans.find((fan) => fan.id === sample.sampleUserId || (sample.sampleUserEmail !== undefined && fan.email === sample.sampleUserEmail)) ?? null;
}

/** Fills the merge tags a fan answers (name fields, email); the others stay as written. */
export function personalize(text: string, fan: DemoFan): string {
  const values: Record<string, string> = { first_name: fan.first_name, last_name: fan.last_name, name: fan.name, email: fan.email };
  return text.replace(/\{\{\s*([A-Za-z0-9_.]+)\s*\}\}/g, (whole, tag: string) => values[tag] ?? whole);
}
