/** The demo's media library per tenant: a few seeded images, then what uploads add and deletes remove. */
import type { DemoTenant } from './demo-records';
import { SeededRandom } from './prng';

/** An image as `GET /media/resources` lists it. */
export interface DemoImage {
  src: string;
  name: string;
  mimeType: string;
  size: number;
}

/** The CDN prefix of a tenant's images. */
export function mediaPrefix(tenant: DemoTenant): string {
  return `https://cdn.demo.nevent.local/resources/${tenant.key}/`;
}

const seedNames = ['banner.png', 'logo.jpg', 'lineup-poster.jpg', 'venue-map.png', 'early-bird.gif', 'header.webp', 'sponsor-strip.png', 'festival-hero.jpg'];
const mimeOf = (name: string): string => (name.endsWith('.png') ? 'image/png' : name.endsWith('.gif') ? 'image/gif' : name.endsWith('.webp') ? 'image/webp' : 'image/jpeg');

/** The tenant's images at start (3-8, the same every run). */
export function seedImages(tenant: DemoTenant): DemoImage[] {
  const rng = new SeededRandom(`media:${tenant.id}`);
  return seedNames.slice(0, rng.int(3, seedNames.length)).map((name) => ({ src: `${mediaPrefix(tenant)}${name}`, name, mimeType: mimeOf(name), size: rng.int(8_000, 900_000) }));
}
