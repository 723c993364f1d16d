/**
 * The segmentation criteria catalogue (`GET /data/segmentation/criteria`): twelve criteria in upstream's
 * categories (`profile_property`, `behavior`, `communication_interaction`, `app_interaction`…) and value
 * types, CURRENCY and STRING included. One criterion lists no operators (the client then offers the
 * defaults of its value type). `venue`'s choices are the tenant's own venues, so catalogues differ
 * between tenants — which lets tests see that a client cleared its criteria cache after a switch.
 */
import { defaultOperatorsByValueType } from '../../src-shared/segment-definition-check';
import type { DemoTenant } from './demo-records';

/** A criterion as the demo stores and sends it. */
export interface DemoCriterion {
  id: string;
  type: string;
  label: string;
  operators: string[];
  valueType: string;
  options?: { value: string; label: string }[];
}

/** City choices (also used by the fan generator). */
export const cityOptions = ['madrid', 'barcelona', 'valencia', 'paris', 'lyon', 'lisbon', 'porto', 'berlin', 'london', 'milan'] as const;
/** Genre choices. */
export const genreOptions = ['rock', 'pop', 'jazz', 'techno', 'classical', 'reggaeton'] as const;
/** Gender choices. */
export const genderOptions = ['female', 'male', 'non_binary'] as const;

const titleCase = (value: string): string => value.replace(/_/g, ' ').replace(/\b\w/g, (ch) => ch.toUpperCase());

/** Venue choice values of a tenant. */
export function venueOptions(tenant: DemoTenant): string[] {
  return ['arena', 'club', 'open-air'].map((kind) => `${tenant.key}-${kind}`);
}

function criterion(id: string, type: string, label: string, valueType: string, options?: readonly string[], optionLabel: (v: string) => string = titleCase): DemoCriterion {
  const base: DemoCriterion = { id, type, label, valueType, operators: [...(defaultOperatorsByValueType[valueType] ?? [])] };
  return options === undefined ? base : { ...base, options: options.map((value) => ({ value, label: optionLabel(value) })) };
}

/** The catalogue for one tenant. */
export function criteriaCatalogue(tenant: DemoTenant): DemoCriterion[] {
  const venueLabel = (value: string): string => `${tenant.name} ${titleCase(value.slice(tenant.key.length + 1).replace(/-/g, ' '))}`;
  return [
    criterion('city', 'profile_property', 'City', 'ENTITY', cityOptions),
    criterion('gender', 'profile_property', 'Gender', 'ENTITY', genderOptions),
    criterion('favourite_genre', 'profile_property', 'Favourite genre', 'ENTITY', genreOptions),
    criterion('venue', 'behavior', 'Attended venue', 'ENTITY', venueOptions(tenant), venueLabel),
    // Listed without operators, as some real criteria are: clients fall back to the value type's.
    { ...criterion('first_name', 'profile_property', 'First name', 'STRING'), operators: [] },
    criterion('email', 'profile_property', 'Email', 'TEXT'),
    criterion('age', 'profile_property', 'Age', 'NUMBER'),
    criterion('total_spent', 'behavior', 'Total spent (EUR)', 'CURRENCY'),
    criterion('events_attended', 'behavior', 'Events attended', 'NUMBER'),
    criterion('newsletter_opt_in', 'communication_interaction', 'Newsletter opt-in', 'BOOLEAN'),
    criterion('has_app', 'app_interaction', 'Has the mobile app', 'BOOLEAN'),
    criterion('last_purchase_at', 'behavior', 'Last purchase', 'DATE'),
  ];
}
