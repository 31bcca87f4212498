// Valid inputs for every schema of lib/validation/, each with the normalised value the schema
// must give back: what a form posts or a client sends, and what the write services then store.
import fc from 'fast-check';
import { REVISION_STATUSES } from '@/lib/validation/figure-revision-cells';
import { EVENT_KINDS, STANCES } from '@/lib/validation/timeline-input';
import { optionalZonedInstant, zonedInstant } from './dates';
import { choice, count, flag, optionalCount, optionalText, optionalWebUrl, requiredText, rowId, slug, type Field } from './fields';
import { anyText } from './text';

export interface Valid {
  raw: Record<string, unknown>;
  value: Record<string, unknown>;
}

type Fields = Record<string, fc.Arbitrary<Field> | fc.Arbitrary<Valid>>;

/** A record of fields (or of nested records) as the raw input and the value the schema returns. */
export function validRecord(fields: Fields): fc.Arbitrary<Valid> {
  return fc.record(fields as Record<string, fc.Arbitrary<Field | Valid>>).map((generated) => {
    const raw: Record<string, unknown> = {};
    const value: Record<string, unknown> = {};
    for (const [name, field] of Object.entries(generated)) {
      if (field.raw !== undefined) raw[name] = field.raw;
      value[name] = field.value;
    }
    return { raw, value };
  });
}

export const validSource = validRecord({
  publisher: requiredText(200),
  title: requiredText(500),
  url: optionalWebUrl,
  via: optionalText(200),
  quote: optionalText(2000),
  publishedAt: optionalZonedInstant,
});

const figureBase = { group: slug, value: count, asOf: zonedInstant, provisional: flag, source: validSource };

export const validFigure = fc.oneof(
  validRecord({ ...figureBase, kind: choice(['cumulative'] as const), basisStart: zonedInstant }),
  validRecord({ ...figureBase, kind: choice(['window'] as const), windowStart: zonedInstant, windowEnd: zonedInstant }),
);

const correctionBase = { replaces: rowId, asOf: optionalZonedInstant, reason: requiredText(1000), provisional: flag, source: validSource };

export const validCorrection = fc.oneof(
  validRecord({ ...correctionBase, action: choice(['correct'] as const), value: count }),
  validRecord({ ...correctionBase, action: choice(['retract'] as const), value: optionalCount }),
);

const blankId = fc.constantFrom<Field>({ raw: undefined, value: undefined }, { raw: '', value: undefined });
export const validRevisionCells = fc.oneof(
  validRecord({ revisionId: fc.oneof(rowId, blankId), status: fc.oneof(choice(['current', 'superseded'] as const), blankId) }),
  validRecord({ revisionId: fc.oneof(rowId, blankId), replaces: rowId, reason: requiredText(1000), status: fc.oneof(choice(REVISION_STATUSES), blankId) })
    // A revision cannot replace itself.
    .filter(({ value }) => value.revisionId !== value.replaces),
);

export const validTarget = validRecord({ group: slug, low: count, high: count, deadline: zonedInstant, source: validSource })
  .map(({ raw, value }) => ((value.high as number) >= (value.low as number) ? { raw, value } : { raw: { ...raw, low: raw.high, high: raw.low }, value: { ...value, low: value.high, high: value.low } }));

export const validEvent = validRecord({
  kind: choice(EVENT_KINDS),
  title: requiredText(300),
  description: optionalText(2000),
  occurredAt: optionalZonedInstant,
  reportedAt: zonedInstant,
  count: optionalCount,
  source: validSource,
});

export const validStatement = validRecord({
  speaker: requiredText(200),
  speakerRole: optionalText(300),
  group: fc.oneof(slug, fc.constantFrom<Field>({ raw: undefined, value: undefined }, { raw: '', value: undefined })),
  saidAt: zonedInstant,
  quote: requiredText(2000),
  claimedGoal: optionalCount,
  claimedBy: optionalZonedInstant,
  stance: choice(STANCES),
  source: validSource,
});

export const validApiToken = validRecord({ name: requiredText(100) });
export const validTokenRevoke = validRecord({ id: rowId });
export const validUserDisabled = validRecord({
  userId: fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/).map((id) => ({ raw: id, value: id })),
  disabled: fc.constantFrom<Field>({ raw: 'true', value: true }, { raw: 'false', value: false }),
});

const email = fc
  .stringMatching(/^[a-z0-9]{1,12}(\.[a-z0-9]{1,8})?@[a-z0-9]{1,10}\.[a-z]{2,6}$/)
  .chain((address) => fc.mixedCase(fc.constant(address)).map((typed) => ({ address, typed })));

export const validSignIn = validRecord({
  email: email.map(({ typed }) => ({ raw: ` ${typed} `, value: typed })),
  password: anyText(256, 1).map((password) => ({ raw: password, value: password })),
});
export const validStaffUser = validRecord({
  email: email.map(({ address, typed }) => ({ raw: typed, value: address })),
  name: requiredText(200),
  role: choice(['admin', 'editor'] as const),
  password: anyText(256, 12).map((password) => ({ raw: password, value: password })),
});

