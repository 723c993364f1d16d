/**
 * The media library of the core API (test/fixtures/nevent-api/core.media.*.json): `GET /media/resources`
 * (a bare list), `POST /media/upload/resource` (multipart, one `file` part) → `{destinationUrl}`.
 */
import { ApiShapeError, listOf } from './common';

/** An image of the library as the API listed it. */
export interface MediaResource {
  src: string;
  name: string | null;
  mimeType: string | null;
  size: number | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Reads the library (bare list, or `{resources}` / `{content}`); entries without `src` (or `url`) are skipped. */
export function normalizeMediaResources(body: unknown): MediaResource[] {
  const list = listOf(body, ['resources', 'content', 'data']);
  if (list === null) throw new ApiShapeError('src', 'the media library is not a list');
  return list.filter(isRecord).flatMap((entry) => {
    const src = entry.src ?? entry.url;
    if (typeof src !== 'string' || src === '') return [];
    return [{ src, name: typeof entry.name === 'string' ? entry.name : null, mimeType: typeof entry.mimeType === 'string' ? entry.mimeType : null, size: typeof entry.size === 'number' ? entry.size : null }];
  });
}

/** Reads an upload answer: the URL the image is served at (`destinationUrl`, also `url` / `src`). */
export function normalizeUploadAnswer(body: unknown): { destinationUrl: string } {
  const url = isRecord(body) ? (body.destinationUrl ?? body.url ?? body.src) : null;
  if (typeof url !== 'string' || url === '') throw new ApiShapeError('destinationUrl', 'the upload answer has no destinationUrl');
  return { destinationUrl: url };
}
