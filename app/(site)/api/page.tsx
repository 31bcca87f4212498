// /api: the API reference, read from the OpenAPI document that /api/openapi.json serves. The page
// sits in the (site) group beside the route handlers of app/api: a page at /api and handlers at
// /api/… are different segments, so they never collide.
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import { ApiReference } from '@/components/api-docs/api-reference';
import { endpointDocs } from '@/lib/api/endpoint-docs';
import { openApiDocument } from '@/lib/api/openapi/document';
import { env } from '@/lib/env';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('ApiDocs');
  return { title: t('metaTitle') };
}

export default async function ApiPage() {
  // The examples name this site's own address: the configured one, else the one the reader used.
  const origin = env.APP_URL?.replace(/\/$/, '') ?? `http://${(await headers()).get('host') ?? 'localhost:3000'}`;
  const document = openApiDocument();
  const tags = (document.tags ?? []).map((tag) => ({ name: tag.name, description: tag.description ?? '' }));
  return <ApiReference endpoints={endpointDocs(document, origin)} tags={tags} />;
}
