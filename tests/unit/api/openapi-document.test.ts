// The OpenAPI document: valid OpenAPI 3.1 (checked by a maintained validator, offline), and
// complete: every route file under app/api has its path, with every method the file exports.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '@/lib/api/openapi/document';

const apiDir = join(process.cwd(), 'app', 'api');

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(path);
    return entry.name === 'route.ts' ? [path] : [];
  });
}

/** app/api/operations/[slug]/figures/[id]/route.ts → /api/operations/{slug}/figures/{id} */
function documentPath(file: string): string {
  const folders = relative(join(process.cwd(), 'app'), file).split(sep).slice(0, -1);
  return `/${folders.map((folder) => folder.replace(/^\[(\w+)\]$/, '{$1}')).join('/')}`;
}

describe('the OpenAPI document', () => {
  const document = openApiDocument();

  it('is valid OpenAPI 3.1', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document) as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('has every route under app/api, with each method its file exports', () => {
    const files = routeFiles(apiDir);
    expect(files.length).toBeGreaterThanOrEqual(17);
    for (const file of files) {
      const path = documentPath(file);
      const item = document.paths?.[path];
      expect(item, `${path} is missing from the document`).toBeDefined();
      const methods = [...readFileSync(file, 'utf8').matchAll(/export (?:async )?function (GET|POST|PUT|PATCH|DELETE)\b/g)].map(
        (match) => match[1]!.toLowerCase(),
      );
      expect(methods.length, file).toBeGreaterThan(0);
      for (const method of methods) expect(item, `${method.toUpperCase()} ${path}`).toHaveProperty(method);
    }
  });

  it('documents the figure list’s paging and the write bodies from the validation schemas', () => {
    const list = document.paths?.['/api/operations/{slug}/figures']?.get;
    const names = list?.parameters?.map((parameter) => ('name' in parameter ? parameter.name : ''));
    expect(names).toEqual(expect.arrayContaining(['slug', 'group', 'from', 'to', 'asOf', 'revisions', 'limit', 'cursor']));
    const post = document.paths?.['/api/operations/{slug}/figures']?.post;
    expect(post?.security).toEqual([{ bearer: [] }, { staffSession: [] }]);
    const body = JSON.stringify(post?.requestBody);
    for (const field of ['group', 'value', 'kind', 'basisStart', 'asOf', 'source']) expect(body).toContain(`"${field}"`);
    expect(document.components?.securitySchemes?.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });
});
