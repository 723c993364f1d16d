/** Deterministic fans per tenant: the population the preview endpoint counts over. */
import type { DemoTenant } from './demo-records';
import { cityOptions, genderOptions, genreOptions, venueOptions } from './criteria-catalogue';
import { SeededRandom } from './prng';

/** A fan: attribute names equal criterion ids, so the matcher can read them directly. */
// A type alias (not an interface) so a fan is assignable to the matcher's record type.
export type DemoFan = {
  id: string;
  name: string;
  email: string;
  first_name: string;
  last_name: string;
  city: string | null;
  gender: string | null;
  favourite_genre: string | null;
  venue: string | null;
  age: number | null;
  total_spent: number;
  events_attended: number;
  newsletter_opt_in: boolean;
  has_app: boolean;
  last_purchase_at: string | null;
};

const firstNames = ['Lucía', 'Hugo', 'Martina', 'Mateo', 'Chloé', 'Louis', 'Inês', 'João', 'Emma', 'Noah', 'Sofia', 'Leon', 'Giulia', 'Marco', 'Olivia', 'Liam', 'Valeria', 'Diego'];
const lastNames = ['García', 'Martín', 'Dubois', 'Moreau', 'Silva', 'Santos', 'Müller', 'Schmidt', 'Smith', 'Jones', 'Rossi', 'Bianchi', 'López', 'Hernández'];
/** Purchase dates fall in the two years before this instant (fixed, so counts never drift). */
const dataEpoch = Date.UTC(2026, 0, 1);
const dayMs = 24 * 3600 * 1000;

/** Generates the tenant's fans (1 500–4 000), always the same for the same tenant. */
export function generateFans(tenant: DemoTenant): DemoFan[] {
  const rng = new SeededRandom(`fans:${tenant.id}`);
  const count = rng.int(1500, 4000);
  const venues = venueOptions(tenant);
  const fans: DemoFan[] = [];
  for (let i = 0; i < count; i += 1) {
    const first = rng.pick(firstNames);
    const last = rng.pick(lastNames);
    const number = String(i + 1).padStart(5, '0');
    const asciiFirst = first.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    const asciiLast = last.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    fans.push({
      id: `fan-${tenant.key}-${number}`,
      name: `${first} ${last}`,
      email: `${asciiFirst}.${asciiLast}.${number}@fans.example`,
      first_name: first,
      last_name: last,
      city: rng.chance(0.9) ? rng.pick(cityOptions) : null,
      gender: rng.chance(0.85) ? rng.pick(genderOptions) : null,
      favourite_genre: rng.chance(0.8) ? rng.pick(genreOptions) : null,
      venue: rng.chance(0.7) ? rng.pick(venues) : null,
      age: rng.chance(0.92) ? rng.int(16, 75) : null,
      total_spent: Math.round(rng.next() * rng.next() * 2000 * 100) / 100,
      events_attended: rng.int(0, 40),
      newsletter_opt_in: rng.chance(0.55),
      has_app: rng.chance(0.35),
      last_purchase_at: rng.chance(0.8) ? new Date(dataEpoch - rng.int(0, 730) * dayMs).toISOString().slice(0, 10) : null,
    });
  }
  return fans;
}
