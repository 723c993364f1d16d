/**
 * The `definition` input of the segment tools, advertised as its shape in one line rather than as four
 * levels of JSON Schema (about 450 bytes in each of four tools, paid for in every conversation's context). Every call is
 * still checked against the full definition schema; `nevent_help` segments explains operators by type.
 */
import { SegmentDefinitionInputSchema } from '../../../../src-shared/api';
import { advertisedInBrief } from '../../lean-schema';

const shape = '{stanzas:[{criteria:[{criterion_id, operator, value}]}]}: stanzas AND, criteria OR, no stanzas = every fan (nevent_help segments).';

/** A required `definition` input. */
export const definitionInput = advertisedInBrief(SegmentDefinitionInputSchema.describe(shape));

/** An optional `definition` input (an update: it replaces the old one). */
export const optionalDefinitionInput = advertisedInBrief(SegmentDefinitionInputSchema.optional().describe(`Replaces the old one. ${shape}`));
