/**
 * The segmentation criteria catalogue (`GET /data/segmentation/criteria`): twelve criteria across every
 * value type. `venue` lists the tenant's own venues, so catalogues differ between tenants — which lets
 * tests see that a client cleared its criteria cache after a switch.
 */
import type { Criterion, Tenant, ValueType } from '../../src-shared/api';
import { operatorsByValueType } from '../../src-shared/api';

/** City choices (also used by the fan generator). */
export const cityOptions = ['madrid', 'barcelona', 'valencia', 'paris', 'lyon', 'lisbon', 'porto', 'berlin', 'london', 'milan'] as const;
/** Genre choices. */
export const genreOptions = ['rock', 'pop', 'jazz', 'techno', 'classical', 'reggaeton'] as const;
/** Gender choices. */
export const genderOptions = ['female', 'male', 'non_binary'] as const;

const titleCase = (value: string): string => value.replace(/_/g, ' ').replace(/\b\w/g, (ch) => ch.toUpperCase());

/** Venue choice values of a tenant. */
export function venueOptions(tenant: Tenant): string[] {
  return ['arena', 'club', 'open-air'].map((kind) => `${tenant.slug}-${kind}`);
}

function criterion(id: string, type: string, label: string, valueType: ValueType, options?: readonly string[], optionLabel: (v: string) => string = titleCase): Criterion {
  const base: Criterion = { id, type, label, valueType, operators: [...operatorsByValueType[valueType]] };
  return options === undefined ? base : { ...base, options: options.map((value) => ({ value, label: optionLabel(value) })) };
}

/** The catalogue for one tenant. */
export function criteriaCatalogue(tenant: Tenant): Criterion[] {
  const venueLabel = (value: string): string => `${tenant.name} ${titleCase(value.slice(tenant.slug.length + 1).replace(/-/g, ' '))}`;
  return [
    criterion('city', 'demographic', 'City', 'ENTITY', cityOptions),
    criterion('gender', 'demographic', 'Gender', 'ENTITY', genderOptions),
    criterion('favourite_genre', 'interest', 'Favourite genre', 'ENTITY', genreOptions),
    criterion('venue', 'behaviour', 'Attended venue', 'ENTITY', venueOptions(tenant), venueLabel),
    criterion('first_name', 'profile', 'First name', 'TEXT'),
    criterion('email', 'profile', 'Email', 'TEXT'),
    criterion('age', 'demographic', 'Age', 'NUMBER'),
    criterion('total_spent', 'transactional', 'Total spent (EUR)', 'NUMBER'),
    criterion('events_attended', 'behaviour', 'Events attended', 'NUMBER'),
    criterion('newsletter_opt_in', 'consent', 'Newsletter opt-in', 'BOOLEAN'),
    criterion('has_app', 'behaviour', 'Has the mobile app', 'BOOLEAN'),
    criterion('last_purchase_at', 'transactional', 'Last purchase', 'DATE'),
  ];
}
