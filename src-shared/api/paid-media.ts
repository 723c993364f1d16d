/**
 * Paid media beyond the connection status (core API `/api/ads/{provider}/…`, NEVENT-API.md "Paid
 * media"). Ids are the providers' own (`act_123`, `camp_1`, `ag_1`), never ObjectIds. Lists come as bare
 * arrays (wrapped ones are read too); campaigns, ad groups and ads need an id, attribution and insights
 * rows are kept as sent; the single-object answers (health, comparative stats, targeting, creative) are
 * objects with every field as sent (nullable blocks stay null). Statuses and enums are open.
 */
import { z } from 'zod';
import { listAt, objectAt, recordWithId, unwrapObject, type ApiObject, type ApiRecord } from './records';

/** A provider's id (campaign, ad group, ad) as a path segment or query value. */
export const PaidMediaIdSchema = z.string().min(1).max(128).regex(/^[A-Za-z0-9_.:-]+$/, 'a paid-media id may contain only letters, digits, "-", "_", "." and ":"');

/** A day as the insights endpoints take it (`yyyy-MM-dd`). */
export const IsoDaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day is written yyyy-MM-dd');

/** Campaigns, ad groups or ads of a provider: records with an id. */
export function normalizePaidEntities(body: unknown, key: 'campaigns' | 'adGroups' | 'ads'): ApiRecord[] {
  return listAt(body, [key, 'items', 'data', 'content'], `the paid ${key} list`).map((raw, i) => recordWithId(raw, `[${i}]`, `a paid ${key} record`));
}

/** Attribution or insights rows: objects kept as sent. */
export function normalizePaidRows(body: unknown, key: 'attribution' | 'rows'): ApiObject[] {
  return listAt(body, [key, 'items', 'data', 'content'], `the paid ${key} list`).map((raw, i) => objectAt(raw, `[${i}]`, `a paid ${key} row`));
}

/** A single-object answer (health, comparative stats, targeting, creative), every field as sent. */
export function normalizePaidObject(body: unknown, what: string): ApiObject {
  return objectAt(unwrapObject(body, ['data']), '(root)', what);
}
