import { useTranslations } from 'next-intl';
import type { EndpointDoc } from '@/lib/api/endpoint-docs';
import { ApiEndpoint } from './api-endpoint';
import './api-docs.css';

export interface ApiTag {
  name: string;
  description: string;
}

/** The whole reference: the conventions, a table of contents, then the endpoints tag by tag. */
export function ApiReference({ endpoints, tags }: { endpoints: EndpointDoc[]; tags: ApiTag[] }) {
  const t = useTranslations('ApiDocs');
  return (
    <article className="api-docs">
      <h1>{t('title')}</h1>
      <p>{t('lede')}</p>
      <p>
        <a href="/api/openapi.json">{t('documentLink')}</a> {t('documentNote')}
      </p>
      <p>{t('conventions')}</p>
      <p>{t('writeNote')}</p>
      <nav aria-labelledby="api-contents">
        <h2 id="api-contents">{t('contents')}</h2>
        <ul className="api-contents">
          {endpoints.map((endpoint) => (
            <li key={endpoint.id}>
              <a href={`#${endpoint.id}`}>
                <span className="api-method">{endpoint.method}</span> <code>{endpoint.path}</code>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {tags.map((tag) => (
        <section key={tag.name} aria-labelledby={`tag-${tag.name}`}>
          <h2 id={`tag-${tag.name}`}>{tag.name}</h2>
          <p className="muted">{tag.description}</p>
          {endpoints
            .filter((endpoint) => endpoint.tag === tag.name)
            .map((endpoint) => (
              <ApiEndpoint key={endpoint.id} endpoint={endpoint} />
            ))}
        </section>
      ))}
    </article>
  );
}
