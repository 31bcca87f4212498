// Path parameters, as the routes read them.
import { z } from 'zod';
import { slugSchema } from '../schemas/common';

export const operationPath = z.object({
  slug: slugSchema.meta({ description: 'The operation', example: 'kabul-2021' }),
});

export const figurePath = operationPath.extend({
  id: z
    .string()
    .regex(/^[1-9]\d{0,9}$/)
    .meta({ description: 'A figure revision id', example: '1' }),
});

