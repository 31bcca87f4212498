// The rest of app/api in the OpenAPI document: the CSV export, the live stream, health checks,
// staff sign-in, and this document itself.
import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { exportParamsSchema } from '../../csv/export-params';
import { signInInputSchema } from '../../validation/staff-input';
import { errorSchema, invalidParametersSchema } from '../schemas/common';
import { operationPath } from './params';
import { retryAfterHeader } from './responses';

const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });
const unavailable = { description: 'The database is away: try again after Retry-After seconds', headers: retryAfterHeader, ...json(errorSchema) };

export const otherPaths: ZodOpenApiPathsObject = {
  '/api/operations/{slug}/figures.csv': {
    get: {
      operationId: 'exportFigures',
      'x-example-query': 'revisions=all&hxl=1',
      summary: 'Export figures as CSV',
      description:
        'One row per figure with its source, streamed; instants in ISO 8601 with the operation’s offset; ' +
        '`hxl=1` adds the HXL hashtag row under the header, `excel=1` a byte-order mark.',
      tags: ['Read'],
      requestParams: { path: operationPath, query: exportParamsSchema },
      responses: {
        '200': {
          description: 'The CSV file, as an attachment named after the operation and the as-of day',
          content: { 'text/csv': { schema: z.string() } },
        },
        '400': { description: 'A query parameter was refused; each is named', ...json(invalidParametersSchema) },
        '404': { description: 'No such operation', ...json(errorSchema) },
        '503': unavailable,
      },
    },
  },
  '/api/operations/{slug}/live': {
    get: {
      operationId: 'streamChanges',
      summary: 'Stream changes (server-sent events)',
      description: 'A `change` event whenever the operation’s data changes: refetch what you show.',
      tags: ['Read'],
      requestParams: { path: operationPath },
      responses: {
        '200': { description: 'An event stream', content: { 'text/event-stream': { schema: z.string() } } },
        '404': { description: 'No such operation', ...json(errorSchema) },
        '503': unavailable,
      },
    },
  },
  '/api/health/live': {
    get: {
      operationId: 'healthLive',
      summary: 'Liveness',
      tags: ['Health'],
      responses: { '200': { description: 'The process is up', ...json(z.object({ status: z.literal('live') })) } },
    },
  },
  '/api/health/ready': {
    get: {
      operationId: 'healthReady',
      summary: 'Readiness',
      tags: ['Health'],
      responses: {
        '200': { description: 'The database answers and every migration is applied', ...json(z.object({ status: z.literal('ready') })) },
        '503': {
          description: 'Not ready, with the reason',
          headers: retryAfterHeader,
          ...json(z.object({ status: z.literal('not_ready'), reason: z.string() })),
        },
      },
    },
  },
  '/api/auth/sign-in': {
    post: {
      operationId: 'signIn',
      summary: 'Staff sign-in',
      description: 'From this site’s own sign-in page only (Origin is checked); sets the session cookie.',
      tags: ['Staff'],
      requestBody: { required: true, content: { 'application/json': { schema: signInInputSchema } } },
      responses: {
        '200': { description: 'Signed in', ...json(z.object({ ok: z.literal(true) })) },
        '400': { description: 'A field is missing or too long', ...json(invalidParametersSchema) },
        '401': { description: 'Wrong email address or password', ...json(errorSchema) },
        '403': { description: 'Not from this site’s own page', ...json(errorSchema) },
        '429': { description: 'Too many failed sign-ins', headers: retryAfterHeader, ...json(errorSchema) },
      },
    },
  },
  '/api/auth/session': {
    get: {
      operationId: 'getSession',
      summary: 'Who is signed in',
      tags: ['Staff'],
      responses: {
        '200': {
          description: 'The signed-in staff member, or null',
          ...json(z.object({ user: z.object({ email: z.string(), name: z.string(), role: z.enum(['admin', 'editor']) }).nullable() })),
        },
      },
    },
  },
  '/api/openapi.json': {
    get: {
      operationId: 'getOpenApiDocument',
      summary: 'This document',
      tags: ['Read'],
      responses: { '200': { description: 'The OpenAPI 3.1 document', ...json(z.object({ openapi: z.string() }).loose()) } },
    },
  },
};
