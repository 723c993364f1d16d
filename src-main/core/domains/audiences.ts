/**
 * The audience domain's data API requests beyond the session's segment operations: the contacts a
 * definition selects (a page at a time) and the values of one segmentation dimension.
 */
import { randomUUID } from 'node:crypto';
import { normalizeDimensionValues, normalizeSegmentExecution, withDefinitionIds } from '../../../src-shared/api';
import type { DimensionValue, SegmentDefinition, SegmentExecution } from '../../../src-shared/api';
import type { Scoped, ApiCaller } from '../http/api-call';
import { readApi } from './api-read';

/** `POST /segments/execute {definition, page, page_size}`; the data API needs an id on every stanza and criterion. */
export function executeSegment(tenant: ApiCaller, definition: SegmentDefinition, page: number, pageSize: number): Promise<Scoped<SegmentExecution>> {
  const body = { definition: withDefinitionIds(definition, randomUUID), page, page_size: pageSize };
  return readApi(tenant, { api: 'data', method: 'POST', path: '/segments/execute', body }, (answer) => normalizeSegmentExecution(answer, { page, pageSize }));
}

/** `POST /dimensions/values {criterion_id, search?}`. */
export function dimensionValues(tenant: ApiCaller, criterionId: string, search: string | undefined): Promise<Scoped<DimensionValue[]>> {
  return readApi(tenant, { api: 'data', method: 'POST', path: '/dimensions/values', body: { criterion_id: criterionId, ...(search === undefined ? {} : { search }) } }, normalizeDimensionValues);
}
