// Every input schema of lib/validation/, with valid inputs and the ways each field can be wrong:
// one table, so the properties run over all of them and a new schema is one more entry.
import fc from 'fast-check';
import type { z } from 'zod';
import { apiTokenInputSchema, apiTokenRevokeSchema, userDisabledInputSchema } from '@/lib/validation/admin-input';
import { CORRECTION_ACTIONS, FIGURE_KINDS, figureCorrectionSchema, figureInputSchema } from '@/lib/validation/figure-input';
import { figureRevisionCellsSchema, REVISION_STATUSES } from '@/lib/validation/figure-revision-cells';
import { sourceInputSchema } from '@/lib/validation/source-input';
import { signInInputSchema, staffUserInputSchema } from '@/lib/validation/staff-input';
import { EVENT_KINDS, eventInputSchema, STANCES, statementInputSchema, targetInputSchema } from '@/lib/validation/timeline-input';
import { invalidZonedInstant } from './dates';
import * as field from './fields';
import * as inputs from './inputs';

export interface SchemaCase {
  name: string;
  schema: z.ZodType;
  valid: fc.Arbitrary<inputs.Valid>;
  /** Field path → values that field must refuse, whatever the other fields hold. */
  invalid: Record<string, fc.Arbitrary<unknown>>;
  /** Whether the schema's output is a valid input that parses to itself (false for transforms
   *  into another type, such as "true" into true). */
  stable: boolean;
}

const required = (arbitrary: fc.Arbitrary<unknown>) => fc.oneof(arbitrary, fc.constant(undefined));
const notAnObject = fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 2 }));

const sourceFields = {
  publisher: field.invalidRequiredText(200),
  title: field.invalidRequiredText(500),
  url: field.invalidWebUrl,
  via: field.invalidText(200),
  quote: field.invalidText(2000),
  publishedAt: invalidZonedInstant,
};
const nestedSource = Object.fromEntries(Object.entries(sourceFields).map(([name, arbitrary]) => [`source.${name}`, arbitrary]));
const withSource = { source: required(notAnObject), ...nestedSource };

export const SCHEMAS: SchemaCase[] = [
  { name: 'sourceInputSchema', schema: sourceInputSchema, valid: inputs.validSource, invalid: sourceFields, stable: true },
  {
    name: 'figureInputSchema',
    schema: figureInputSchema,
    valid: inputs.validFigure,
    invalid: {
      group: required(field.invalidSlug),
      value: required(field.invalidCount),
      kind: required(field.invalidChoice(FIGURE_KINDS)),
      basisStart: invalidZonedInstant,
      windowStart: invalidZonedInstant,
      windowEnd: invalidZonedInstant,
      asOf: required(invalidZonedInstant),
      provisional: field.invalidFlag,
      ...withSource,
    },
    stable: true,
  },
  {
    name: 'figureCorrectionSchema',
    schema: figureCorrectionSchema,
    valid: inputs.validCorrection,
    invalid: {
      replaces: required(field.invalidRowId),
      action: required(field.invalidChoice(CORRECTION_ACTIONS)),
      value: field.invalidCount,
      asOf: invalidZonedInstant,
      reason: field.invalidRequiredText(1000),
      provisional: field.invalidFlag,
      ...withSource,
    },
    stable: true,
  },
  {
    name: 'figureRevisionCellsSchema',
    schema: figureRevisionCellsSchema,
    valid: inputs.validRevisionCells,
    invalid: { revisionId: field.invalidRowId, replaces: field.invalidRowId, status: field.invalidChoice(REVISION_STATUSES), reason: field.invalidText(1000) },
    stable: true,
  },
  {
    name: 'targetInputSchema',
    schema: targetInputSchema,
    valid: inputs.validTarget,
    invalid: { group: required(field.invalidSlug), low: required(field.invalidCount), high: required(field.invalidCount), deadline: required(invalidZonedInstant), ...withSource },
    stable: true,
  },
  {
    name: 'eventInputSchema',
    schema: eventInputSchema,
    valid: inputs.validEvent,
    invalid: {
      kind: required(field.invalidChoice(EVENT_KINDS)),
      title: field.invalidRequiredText(300),
      description: field.invalidText(2000),
      occurredAt: invalidZonedInstant,
      reportedAt: required(invalidZonedInstant),
      count: field.invalidCount,
      ...withSource,
    },
    stable: true,
  },
  {
    name: 'statementInputSchema',
    schema: statementInputSchema,
    valid: inputs.validStatement,
    invalid: {
      speaker: field.invalidRequiredText(200),
      speakerRole: field.invalidText(300),
      group: field.invalidSlug,
      saidAt: required(invalidZonedInstant),
      quote: field.invalidRequiredText(2000),
      claimedGoal: field.invalidCount,
      claimedBy: invalidZonedInstant,
      stance: required(field.invalidChoice(STANCES)),
      ...withSource,
    },
    stable: true,
  },
  { name: 'apiTokenInputSchema', schema: apiTokenInputSchema, valid: inputs.validApiToken, invalid: { name: field.invalidRequiredText(100) }, stable: true },
  { name: 'apiTokenRevokeSchema', schema: apiTokenRevokeSchema, valid: inputs.validTokenRevoke, invalid: { id: required(field.invalidRowId) }, stable: true },
  {
    name: 'userDisabledInputSchema',
    schema: userDisabledInputSchema,
    valid: inputs.validUserDisabled,
    invalid: {
      userId: required(fc.oneof(fc.constant(''), fc.constant('u'.repeat(65)), field.unstorableText, field.wrongType)),
      disabled: required(fc.oneof(fc.constantFrom('yes', 'TRUE', 'on', true, 1), field.wrongType)),
    },
    stable: false,
  },
  {
    name: 'signInInputSchema',
    schema: signInInputSchema,
    valid: inputs.validSignIn,
    invalid: {
      email: required(fc.oneof(fc.constantFrom('', '   ', `${'a'.repeat(320)}@x.org`), field.unstorableText, fc.integer(), field.wrongType)),
      password: required(fc.oneof(fc.constant(''), fc.constant('p'.repeat(257)), fc.integer(), field.wrongType)),
    },
    stable: true,
  },
  {
    name: 'staffUserInputSchema',
    schema: staffUserInputSchema,
    valid: inputs.validStaffUser,
    invalid: {
      email: required(fc.oneof(fc.constantFrom('', 'not an address', 'a@b', 'a@@b.org', 'a\u0000@b.org'), fc.integer(), field.wrongType)),
      name: field.invalidRequiredText(200),
      role: required(field.invalidChoice(['admin', 'editor'])),
      password: required(fc.oneof(fc.constantFrom('', 'short', 'eleven char', 'p'.repeat(257)), fc.integer(), field.wrongType)),
    },
    stable: true,
  },
];
