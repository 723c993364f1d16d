/**
 * What Nevent AI's own tools (`nevent-dev/mcp-nevent`) would put in a model's context for the same demo
 * data as a typical call of ours, in UTF-8 bytes: an estimate for the context-budget row. Learned from its
 * tool code (not copied): its tools answer with the API's JSON passed through — a few project or wrap it
 * (segments keep eight fields; tenants and images are wrapped with a count) — serialized with two-space
 * indentation, and they list whole collections where ours page (segments, images). Each estimate fetches
 * the endpoint that tool reads, from the same demo API in the same tenant, and shapes it that way.
 *
 *   demo API ── same request as the tool's ──> upstream's shape ──> JSON.stringify(·, null, 2) ──> bytes
 */
import { rawSwitch } from './raw-api';

type Json = Record<string, unknown>;

/** Where the estimates read from: the demo API, the owner's home token, and the tenant the typical calls name. */
export interface UpstreamSource {
  apiUrl: string;
  dataUrl: string;
  homeToken: string;
  tenantId: string;
}

const pretty = (value: unknown): number => Buffer.byteLength(JSON.stringify(value, null, 2), 'utf8');

/** The data API may wrap a success body in `{success, data}`; upstream's data client unwraps it, as ours does. */
const unwrap = (body: unknown): unknown => (body !== null && typeof body === 'object' && (body as Json).success === true && 'data' in (body as Json) ? (body as Json).data : body);

async function getJson(url: string, bearer: string, init: { method?: string; body?: unknown } = {}): Promise<unknown> {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${bearer}`, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${new URL(url).pathname} answered ${response.status}`);
  return unwrap(await response.json());
}

/** A list the API sent bare or wrapped (`{segments}`, Spring's `{content}`…), as upstream's readers accept it. */
const listIn = (body: unknown, keys: string[]): Json[] => {
  const list = Array.isArray(body) ? body : keys.map((key) => (body as Json | null)?.[key]).find(Array.isArray);
  return (list ?? []) as Json[];
};

/** The segment fields upstream's `nevent_list_segments` keeps (it projects each record to these). */
const upstreamSegmentFields = ['id', 'name', 'estimatedCount', 'status', 'lastExecutedAt', 'createdAt', 'createdBy', 'isLegacy'];

/**
 * Estimated bytes of upstream's answer per typical-call domain of bench-context-budget.ts (`upstreamBytes.<domain>`),
 * for the domains whose upstream tool reads an endpoint the demo serves. `campaignId`: the campaign our metrics call read.
 */
export async function upstreamAnswerBytes(source: UpstreamSource, campaignId: string | undefined): Promise<Record<string, number>> {
  const { apiUrl, dataUrl, homeToken, tenantId } = source;
  const scoped = await rawSwitch(apiUrl, homeToken, tenantId);
  const out: Record<string, number> = {};

  // nevent_list_tenants: the API's tenant records as they come, with a count (an owner's list is the flatList).
  const accessible = (await getJson(`${apiUrl}/users/accessible-tenants`, homeToken)) as { flatList?: unknown[] };
  const tenants = accessible.flatList ?? [];
  out.tenants = pretty({ tenants, count: tenants.length });

  // nevent_list_segments: every segment (no paging), each projected to upstream's eight fields.
  const segments = listIn(await getJson(`${apiUrl}/segments`, scoped), ['segments', 'content']).map((record) => Object.fromEntries(upstreamSegmentFields.map((key) => [key, key === 'id' ? (record.id ?? record._id) : record[key]])));
  out.audiences = pretty({ segments, count: segments.length });

  // nevent_segment_execute: the data API's page as it comes (page 0, 20 contacts, as our typical call).
  out['audiences-contacts'] = pretty(await getJson(`${dataUrl}/segments/execute`, scoped, { method: 'POST', body: { definition: { stanzas: [] }, page: 0, page_size: 20 } }));

  // nevent_get_campaign_metrics: the API's metrics object as it comes.
  if (campaignId !== undefined) out['campaign-metrics'] = pretty(await getJson(`${apiUrl}/campaigns/${encodeURIComponent(campaignId)}/metrics`, scoped));

  // nevent_list_short_urls: the API's page as it comes (page 0 of 20, as our typical call).
  out['short-urls'] = pretty(await getJson(`${apiUrl}/admin/short-url?page=0&pageSize=20`, scoped));

  // nevent_list_images: every image (no paging), with a count.
  const resources = listIn(await getJson(`${apiUrl}/media/resources`, scoped), ['resources', 'content', 'data']);
  out.media = pretty({ resources, count: resources.length });
  return out;
}

/** One call of the seeds' conversation: the tool, and its arguments on our bridge and on upstream's. */
export interface SeedStep {
  tool: string;
  ours: Record<string, unknown>;
  upstream: Record<string, unknown>;
}

/** Upstream's campaign list projection: the fields its database tool keeps, counters filled with 0 when missing. */
const upstreamCampaignMetrics: Array<[string, string]> = [
  ['email_sent', 'totalSent'],
  ['email_delivered', 'totalDelivered'],
  ['opens', 'totalOpens'],
  ['clicks', 'totalClicks'],
  ['bounces', 'totalBounces'],
  ['unsubscribes', 'unsubscribes'],
  ['email_complaints', 'totalComplaints'],
  ['purchases', 'purchases'],
  ['revenue', 'revenue'],
];

/**
 * What upstream's tools answer in the seeds' conversation (list tenants → switch → list campaigns → list
 * segments → reset), each call's arguments plus its answer, in bytes: compact JSON as its newer `ok()`
 * sends (`pretty`: the two-space indentation of its older tools). From its code:
 * - list tenants: the accessible tenants slimmed to `{id, name}` (its root first, then the flat list, which
 *   repeats the root), with a count and the home tenant;
 * - switch and reset: `{success, switched_to_tenant_id | active_tenant_id, home_tenant_id?, message}` with its sentences;
 * - list campaigns: read from its database (no HTTP endpoint), so estimated from the campaigns our answer
 *   listed (`ourAnswers`), each as its projection (name, status, channel, subject, sender, recipients, dates,
 *   nine counters) with the counters the demo's metrics endpoint gives, and nulls where the demo has nothing
 *   (a real record would carry its subject and sender, so this errs low);
 * - list segments: every segment projected to its eight fields, as the context-budget row estimates it.
 */
export async function upstreamSeedAnswers(source: UpstreamSource, steps: readonly SeedStep[], ourAnswers: Record<string, unknown>): Promise<{ compact: Record<string, number>; pretty: Record<string, number> }> {
  const { apiUrl, homeToken, tenantId } = source;
  const scoped = await rawSwitch(apiUrl, homeToken, tenantId);
  const accessible = (await getJson(`${apiUrl}/users/accessible-tenants`, homeToken)) as { root?: Json; flatList?: Json[] };
  const home = typeof accessible.root?.id === 'string' ? accessible.root.id : null;
  const tenants = [...(accessible.root === undefined ? [] : [accessible.root]), ...(accessible.flatList ?? [])].map((t) => ({ id: t.id, name: t.name }));

  const listed = ((ourAnswers.nevent_list_campaigns as { campaigns?: Json[] } | undefined)?.campaigns ?? []).slice(0, 50);
  const campaigns = [];
  for (const campaign of listed) {
    const id = String(campaign.id);
    const metrics = (await getJson(`${apiUrl}/campaigns/${encodeURIComponent(id)}/metrics`, scoped).catch(() => ({}))) as Json;
    campaigns.push({
      id,
      name: campaign.name ?? null,
      status: campaign.status ?? null,
      channel: campaign.channel ?? null,
      emailSubject: null,
      fromName: null,
      totalRecipients: metrics.totalRecipients ?? null,
      createdAt: campaign.created_at ?? null,
      executedAt: campaign.executed_at ?? null,
      metrics: Object.fromEntries(upstreamCampaignMetrics.map(([key, from]) => [key, metrics[from] ?? 0])),
    });
  }
  const segments = listIn(await getJson(`${apiUrl}/segments`, scoped), ['segments', 'content']).map((record) => Object.fromEntries(upstreamSegmentFields.map((key) => [key, key === 'id' ? (record.id ?? record._id) : record[key]])));

  const answers: Record<string, unknown> = {
    nevent_list_tenants: { tenants, count: tenants.length, home_tenant_id: home },
    nevent_switch_tenant: { success: true, switched_to_tenant_id: tenantId, home_tenant_id: home, message: `Switched to tenant "${tenantId}". All subsequent queries will use this tenant's data. Call nevent_reset_tenant to return to your home tenant when done.` },
    nevent_list_campaigns: { campaigns, count: campaigns.length },
    nevent_list_segments: { segments, count: segments.length },
    nevent_reset_tenant: { success: true, active_tenant_id: home, message: `Successfully restored home tenant "${home}". All subsequent queries will use your original tenant's data.` },
  };
  const compact: Record<string, number> = {};
  const indented: Record<string, number> = {};
  for (const step of steps) {
    const args = Buffer.byteLength(JSON.stringify(step.upstream), 'utf8');
    compact[step.tool] = args + Buffer.byteLength(JSON.stringify(answers[step.tool]), 'utf8');
    indented[step.tool] = args + pretty(answers[step.tool]);
  }
  return { compact, pretty: indented };
}
