/** The media domain's core API requests: the tenant's image library (list, upload one, delete some). */
import { normalizeMediaResources, normalizeUploadAnswer } from '../../../src-shared/api';
import type { MediaResource } from '../../../src-shared/api';
import type { Scoped, ApiCaller } from '../http/api-call';
import { readApi } from './api-read';

/** `GET /media/resources`. */
export function listImages(tenant: ApiCaller): Promise<Scoped<MediaResource[]>> {
  return readApi(tenant, { api: 'core', method: 'GET', path: '/media/resources' }, normalizeMediaResources);
}

/** `POST /media/upload/resource`, multipart with one `file` part; answers where the image is served. */
export function uploadImage(tenant: ApiCaller, image: { fileName: string; mimeType: string; bytes: Uint8Array }): Promise<Scoped<{ destinationUrl: string }>> {
  return readApi(tenant, { api: 'core', method: 'POST', path: '/media/upload/resource', file: { field: 'file', ...image } }, normalizeUploadAnswer);
}

/** `DELETE /media/resource` with the URLs as a JSON array (204; unknown URLs are no error). */
export async function deleteImages(tenant: ApiCaller, urls: readonly string[]): Promise<Scoped<{ deleted: number }>> {
  const answer = await tenant.callApi({ api: 'core', method: 'DELETE', path: '/media/resource', body: [...urls] });
  return { tenantId: answer.tenantId, value: { deleted: urls.length } };
}
