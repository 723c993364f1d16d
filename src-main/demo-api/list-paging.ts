/**
 * Which of the demo's list endpoints page their answer. The real `GET /segments` answers a plain array
 * of every segment and ignores `page`, `size` and `search` (upstream sends none of them and its tests pin
 * that array), so the demo does the same by default; the other lists page as upstream's clients expect.
 *
 * | mode      | `GET /segments`                         | short URLs, destinations, recipients          |
 * | --------- | --------------------------------------- | --------------------------------------------- |
 * | `real`    | every segment, page/size/search ignored | paged (`page`, `pageSize` / `size`)            |
 * | `ignored` | every segment, page/size/search ignored | every record (filters kept) as a plain array  |
 * | `honored` | paged and searched                      | paged                                          |
 *
 * `ignored` is the API a client must survive (tests); `honored` is the kind API the demo used to be.
 */

/** How the demo's lists treat paging. */
export type ListPaging = 'real' | 'ignored' | 'honored';

/** Every list-paging mode (the CLI flag). */
export const listPagingModes: readonly ListPaging[] = ['real', 'ignored', 'honored'];

/** True when `GET /segments` answers every segment whatever it was asked. */
export function segmentsIgnorePaging(mode: ListPaging): boolean {
  return mode !== 'honored';
}

/** True when the paged lists (short URLs, destinations, recipients) answer every record as a plain array. */
export function pagedListsIgnorePaging(mode: ListPaging): boolean {
  return mode === 'ignored';
}
