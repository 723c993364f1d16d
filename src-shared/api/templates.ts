/**
 * Email templates (core API `/templates…`, NEVENT-API.md "Other HTTP domains"). A template record needs
 * its id (`id` or `_id`); `name`, `format` (html | mjml), `tags`, bodies and dates are kept as sent. The
 * write endpoints answer the record bare or wrapped in `{template}`. A test send may answer 200 with
 * `success: false` and an `errorMessage`: that is a failure (the domain module raises it).
 */
import { z } from 'zod';
import { isApiObject, objectAt, recordWithId, unwrapObject, type ApiObject, type ApiRecord } from './records';

/** A template as the API sent it. */
export type Template = ApiRecord;

/** Template formats upstream sends and accepts. */
export const TemplateFormatSchema = z.enum(['html', 'mjml']);

/** A template id as a path segment (24-hex upstream; any URL-safe id is passed on for the API to judge). */
export const TemplateIdSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'a template id may contain only letters, digits, "-" and "_"');

/** One template (bare, or wrapped in `{template}` / `{data}`). */
export function normalizeTemplateAnswer(body: unknown): Template {
  return recordWithId(unwrapObject(body, ['template', 'data']), '(root)', 'the template');
}

/** The merge tags a preview detected, as a list whatever shape they came in (list, comma string, map). */
export function mergeTagsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((tag): tag is string => typeof tag === 'string');
  if (typeof value === 'string') return value.split(',').map((tag) => tag.trim()).filter((tag) => tag !== '');
  if (isApiObject(value)) return Object.keys(value);
  return [];
}

/** `POST /templates/{id}/preview`: the rendering as sent, `detectedMergeTags` always a list. */
export function normalizeTemplatePreview(body: unknown): ApiObject & { detectedMergeTags: string[] } {
  const preview = objectAt(unwrapObject(body, ['preview', 'data']), '(root)', 'the template preview');
  return { ...preview, detectedMergeTags: mergeTagsOf(preview.detectedMergeTags) };
}

/** `POST /templates/{id}/test`: `{success, sentTo, subject, errorMessage}` as sent; `sentTo` a list. */
export function normalizeTestSendResult(body: unknown): ApiObject & { success: boolean; sentTo: string[]; errorMessage: string | null } {
  const result = objectAt(unwrapObject(body, ['result']), '(root)', 'the test send result');
  const sentTo = Array.isArray(result.sentTo) ? result.sentTo.filter((to): to is string => typeof to === 'string') : [];
  return { ...result, success: result.success !== false, sentTo, errorMessage: typeof result.errorMessage === 'string' ? result.errorMessage : null };
}
