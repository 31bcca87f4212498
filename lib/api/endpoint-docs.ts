// The /api page's view of the OpenAPI document: each endpoint with its parameters, its body's
// fields, its answers and an example request. Read from the document object itself, so the page
// and /api/openapi.json say the same thing.
import type { OpenApiDocument } from './openapi/document';

type Json = Record<string, unknown>;

export interface FieldDoc {
  name: string;
  /** path, query, header, or body */
  location: string;
  type: string;
  required: boolean;
  description: string;
}

export interface EndpointDoc {
  id: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  tag: string;
  needsToken: boolean;
  fields: FieldDoc[];
  responses: { status: string; description: string }[];
  curl: string;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** A schema's type in a few words: "string", "integer, 1 to 1000, default 100", "current | all". */
function describeType(schema: Json | undefined): string {
  if (!schema) return '';
  if (Array.isArray(schema.enum)) return schema.enum.join(' | ');
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as Json[]).map(describeType).join(' or ');
  if (typeof schema.$ref === 'string') return String(schema.$ref).split('/').pop() ?? '';
  const parts = [String(schema.type ?? 'any')];
  if (schema.type === 'object' && schema.properties) parts[0] = `object (${Object.keys(schema.properties as Json).join(', ')})`;
  if (typeof schema.minimum === 'number' && typeof schema.maximum === 'number' && schema.maximum < 1e15) {
    parts.push(`${schema.minimum} to ${schema.maximum}`);
  }
  if (typeof schema.maxLength === 'number') parts.push(`up to ${schema.maxLength} characters`);
  if (schema.default !== undefined) parts.push(`default ${String(schema.default)}`);
  return parts.join(', ');
}

function bodyFields(operation: Json): FieldDoc[] {
  const content = (operation.requestBody as Json | undefined)?.content as Json | undefined;
  const schema = (content?.['application/json'] as Json | undefined)?.schema as Json | undefined;
  const properties = (schema?.properties ?? {}) as Record<string, Json>;
  const required = new Set((schema?.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    location: 'body',
    type: describeType(property),
    required: required.has(name),
    description: String(property.description ?? ''),
  }));
}

function exampleRequest(origin: string, method: string, path: string, operation: Json, needsToken: boolean): string {
  const parameters = (operation.parameters ?? []) as Json[];
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const parameter = parameters.find((candidate) => candidate.name === name);
    return String((parameter?.schema as Json | undefined)?.example ?? name);
  });
  const query = typeof operation['x-example-query'] === 'string' ? `?${operation['x-example-query']}` : '';
  const url = `'${origin}${filled}${query}'`;
  if (method === 'get') return `curl -i ${url}`;
  const content = (operation.requestBody as Json | undefined)?.content as Json | undefined;
  const example = (content?.['application/json'] as Json | undefined)?.example;
  return [
    `curl -X ${method.toUpperCase()} ${url}`,
    ...(needsToken ? [`  -H 'Authorization: Bearer evac_…'`, `  -H 'Idempotency-Key: 3f0c1a52-9b7e-4c1d-8f3a-2d6e5b4a7c90'`] : []),
    `  -H 'Content-Type: application/json'`,
    `  -d '${JSON.stringify(example ?? {})}'`,
  ].join(' \\\n');
}

export function endpointDocs(document: OpenApiDocument, origin: string): EndpointDoc[] {
  const endpoints: EndpointDoc[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = (item as Json)[method] as Json | undefined;
      if (!operation) continue;
      const needsToken = Array.isArray(operation.security) && operation.security.length > 0;
      const parameters = ((operation.parameters ?? []) as Json[]).map((parameter) => ({
        name: String(parameter.name),
        location: String(parameter.in),
        type: describeType(parameter.schema as Json | undefined),
        required: parameter.required === true,
        description: String(parameter.description ?? (parameter.schema as Json | undefined)?.description ?? ''),
      }));
      endpoints.push({
        id: String(operation.operationId ?? `${method}-${path}`),
        method: method.toUpperCase(),
        path,
        summary: String(operation.summary ?? ''),
        description: String(operation.description ?? ''),
        tag: String((operation.tags as string[] | undefined)?.[0] ?? ''),
        needsToken,
        fields: [...parameters, ...bodyFields(operation)],
        responses: Object.entries((operation.responses ?? {}) as Record<string, Json>).map(([status, response]) => ({
          status,
          description: String(response.description ?? ''),
        })),
        curl: exampleRequest(origin, method, path, operation, needsToken),
      });
    }
  }
  return endpoints;
}
