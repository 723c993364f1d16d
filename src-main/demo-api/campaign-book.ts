/**
 * The demo's campaign audiences, consistent with the tenant's segments: a campaign goes to the fans
 * its segments match (every fan when it names none), each recipient gets a delivery status drawn from a
 * seed of the campaign, and every figure (metrics, the analytics `campaigns` table, quotes) is counted
 * from those recipients — so what a model reads in one tool agrees with what it reads in another.
 *
 *   segments ─ matcher ─> audience ─ seeded statuses ─> recipients ─┬─> GET /campaigns/{id}/metrics
 *                              │                                    ├─> GET /campaigns/{id}/recipients
 *                              └─> POST /campaigns/quote            └─> analytics table rows
 */
import type { SegmentDefinition } from '../../src-shared/api';
import type { DemoCriterion } from './criteria-catalogue';
import type { DemoFan } from './fans';
import { matchesDefinition } from './preview';
import { SeededRandom } from './prng';
import type { DemoCampaign } from './demo-records';

/** A recipient of a campaign and what it did. */
export interface DemoRecipient {
  fan: DemoFan;
  /** SCHEDULED, DELIVERED, OPENED, CLICKED, BOUNCES or UNSUBSCRIBES (upstream's recipient statuses). */
  status: string;
  purchased: boolean;
}

/** The fans a set of segment definitions reaches together (union); every fan for no definition. */
export function audienceOf(fans: readonly DemoFan[], definitions: readonly SegmentDefinition[], catalogue: readonly DemoCriterion[]): DemoFan[] {
  if (definitions.length === 0) return [...fans];
  const valueTypes = new Map(catalogue.map((criterion) => [criterion.id, criterion.valueType]));
  return fans.filter((fan) => definitions.some((definition) => matchesDefinition(fan, definition, valueTypes)));
}

/** Who can be reached on which channel (the demo's reading: email opt-in, a known age stands for a known phone). */
export function eligible(fan: DemoFan): { email: boolean; sms: boolean; push: boolean } {
  return { email: fan.newsletter_opt_in, sms: fan.age !== null, push: fan.has_app };
}

/** The channels a CommunicationChannel value (or a legacy EMAIL / SMS / WHATSAPP) sends on. */
export function channelsOf(channel: string): { email: boolean; sms: boolean; whatsapp: boolean; push: boolean } {
  const c = channel.toUpperCase();
  const all = c === 'ALL_CHANNELS' || c === 'OMNICHANNEL';
  return { email: all || c.includes('EMAIL'), sms: all || c.includes('SMS'), whatsapp: all || c.includes('WHATSAPP'), push: all || c.includes('PUSH') };
}

/** Credits one message costs, per channel. */
export const creditPrice = { email: 1, sms: 5, whatsapp: 4, push: 1 } as const;

/** Recipients of a campaign: DRAFTs have none yet; sent (EXECUTED) ones a delivery history; the others are all still SCHEDULED. */
export function recipientsOf(campaign: DemoCampaign, audience: readonly DemoFan[]): DemoRecipient[] {
  if (campaign.status === 'DRAFT') return [];
  const rng = new SeededRandom(`recipients:${campaign.id}`);
  const reached = channelsOf(campaign.channel);
  const people = audience.filter((fan) => (reached.email && eligible(fan).email) || (reached.sms && eligible(fan).sms) || reached.whatsapp || (reached.push && eligible(fan).push));
  // Only sent (EXECUTED) campaigns have delivery figures (executed_at is null for the others); the rest wait.
  const sentShare = campaign.status === 'EXECUTED' ? 1 : 0;
  const openRate = 0.2 + rng.next() * 0.3;
  const clickRate = 0.05 + rng.next() * 0.2;
  return people.map((fan, index) => {
    if (index >= people.length * sentShare) return { fan, status: 'SCHEDULED', purchased: false };
    const roll = rng.next();
    if (roll < 0.02) return { fan, status: 'BOUNCES', purchased: false };
    if (roll < 0.025) return { fan, status: 'UNSUBSCRIBES', purchased: false };
    const opened = rng.next() < openRate;
    const clicked = opened && rng.next() < clickRate / openRate;
    return { fan, status: clicked ? 'CLICKED' : opened ? 'OPENED' : 'DELIVERED', purchased: clicked && rng.chance(0.12) };
  });
}

const rate = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 100);

/** `GET /campaigns/{id}/metrics` counted from the recipients (upstream's field names). */
export function metricsOf(campaign: DemoCampaign, recipients: readonly DemoRecipient[]): Record<string, unknown> {
  const count = (...statuses: string[]): number => recipients.filter((r) => statuses.includes(r.status)).length;
  const sent = recipients.length - count('SCHEDULED');
  const bounces = count('BOUNCES');
  const delivered = sent - bounces;
  const uniqueOpens = count('OPENED', 'CLICKED');
  const uniqueClicks = count('CLICKED');
  const unsubscribes = count('UNSUBSCRIBES');
  const purchases = recipients.filter((r) => r.purchased).length;
  const rng = new SeededRandom(`revenue:${campaign.id}`);
  const revenue = Math.round(purchases * (25 + rng.next() * 60) * 100) / 100;
  return {
    campaignId: campaign.id,
    campaignName: campaign.name,
    tenantId: campaign.tenantId,
    ...(campaign.executedAt === null ? {} : { sentAt: campaign.executedAt }),
    totalRecipients: recipients.length,
    totalSent: sent,
    totalDelivered: delivered,
    totalBounces: bounces,
    totalComplaints: Math.floor(unsubscribes / 4),
    totalOpens: Math.round(uniqueOpens * 1.4),
    uniqueOpens,
    totalClicks: Math.round(uniqueClicks * 1.3),
    uniqueClicks,
    unsubscribes,
    openRate: rate(uniqueOpens, delivered),
    clickRate: rate(uniqueClicks, delivered),
    clickToOpenRate: rate(uniqueClicks, uniqueOpens),
    bounceRate: rate(bounces, sent),
    unsubscribeRate: rate(unsubscribes, delivered),
    carts: Math.round(purchases * 2.2),
    purchases,
    revenue,
  };
}

/** `POST /campaigns/quote` over an audience: eligible people per channel, cost in credits, affordability. */
export function quoteOf(channel: string, audience: readonly DemoFan[], credits: { available: number; unlimited: boolean }, computedAt: string): Record<string, unknown> {
  const on = channelsOf(channel);
  const email = audience.filter((fan) => eligible(fan).email).length;
  const sms = audience.filter((fan) => eligible(fan).sms).length;
  const push = audience.filter((fan) => eligible(fan).push).length;
  const whatsapp = audience.length;
  const recipientCount = (on.email ? email : 0) + (on.sms ? sms : 0) + (on.push ? push : 0) + (on.whatsapp ? whatsapp : 0);
  const cost = (on.email ? email * creditPrice.email : 0) + (on.sms ? sms * creditPrice.sms : 0) + (on.push ? push * creditPrice.push : 0) + (on.whatsapp ? whatsapp * creditPrice.whatsapp : 0);
  const affordable = credits.unlimited || cost <= credits.available;
  const anyChannel = audience.filter((fan) => (on.email && eligible(fan).email) || (on.sms && eligible(fan).sms) || (on.push && eligible(fan).push) || on.whatsapp).length;
  return {
    cost,
    available: credits.unlimited ? 0 : credits.available,
    missing: affordable ? 0 : cost - credits.available,
    recipientCount,
    affordable,
    blocked: false,
    unlimited: credits.unlimited,
    // Upstream has no audience estimate when WhatsApp is in the mix.
    audience: on.whatsapp
      ? null
      : {
          uniqueAudience: audience.length,
          estimatedEligible: { email, sms, push },
          eligibleAnyChannel: anyChannel,
          emailExclusions: { no_email: 0, invalid_email: 0, opt_out: audience.length - email, unknown: 0 },
          computedAt,
          dataAsOf: computedAt,
        },
  };
}
