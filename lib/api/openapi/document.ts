// The OpenAPI 3.1 document of the whole API, generated from the zod schemas the routes parse
// their input with and type their answers by (zod-openapi over zod 4's JSON Schema), so the
// document cannot drift from the code. Pure: served at /api/openapi.json and read by the /api page.
import { createDocument, type oas31, type ZodOpenApiPathsObject } from 'zod-openapi';
import { otherPaths } from './other-paths';
import { readPaths } from './read-paths';
import { writePaths } from './write-paths';

export type OpenApiDocument = oas31.OpenAPIObject;

/** Paths whose read and write live in one route file get their GET and POST side by side. */
function mergePaths(...groups: ZodOpenApiPathsObject[]): ZodOpenApiPathsObject {
  const merged: ZodOpenApiPathsObject = {};
  for (const group of groups) for (const [path, item] of Object.entries(group)) merged[path] = { ...merged[path], ...item };
  return merged;
}

let cached: OpenApiDocument | undefined;

export function openApiDocument(): OpenApiDocument {
  cached ??= createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Evacuation figures API',
      version: '1.0.0',
      description:
        'Operations, their groups, goals, figures, events and statements, each with its source, and the feasibility ' +
        'arithmetic for any day. Reads are public and cacheable (ETag, 304). Writes need an API token.',
    },
    tags: [
      { name: 'Read', description: 'Public reads: no account needed' },
      { name: 'Write', description: 'For editors’ tools: a bearer token or a staff session' },
      { name: 'Health', description: 'For load balancers' },
      { name: 'Staff', description: 'The admin area’s own routes' },
    ],
    paths: mergePaths(readPaths, otherPaths, writePaths),
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'A personal API token of an editor or admin (evac_…), made at /admin/tokens',
        },
        staffSession: {
          type: 'apiKey',
          in: 'cookie',
          name: '__Host-evac.session_token',
          description: 'A staff session, on requests whose Origin is this site',
        },
      },
    },
  });
  return cached;
}
