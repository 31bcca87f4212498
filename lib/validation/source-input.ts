// Where a number comes from. Every figure, target, event and statement carries one: a figure
// without a source is refused.
import { z } from 'zod';
import { optionalText, requiredText, webUrl } from './fields';
import { optionalZonedInstant } from './zoned-instant';

export const sourceInputSchema = z.object(
  {
    publisher: requiredText(200),
    title: requiredText(500),
    url: webUrl,
    via: optionalText(200),
    quote: optionalText(2000),
    publishedAt: optionalZonedInstant,
  },
  { error: 'is required: who published this, and where' },
);

export type SourceInput = z.infer<typeof sourceInputSchema>;
