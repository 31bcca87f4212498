import { useTranslations } from 'next-intl';
import type { EndpointDoc } from '@/lib/api/endpoint-docs';

/** One endpoint: what it does, its parameters as a table, an example request and its answers. */
export function ApiEndpoint({ endpoint }: { endpoint: EndpointDoc }) {
  const t = useTranslations('ApiDocs');
  return (
    <section className="api-endpoint panel" aria-labelledby={endpoint.id}>
      <h3 id={endpoint.id} className="api-endpoint-title">
        <span className="api-method">{endpoint.method}</span> <code>{endpoint.path}</code>
      </h3>
      <p>
        <strong>{endpoint.summary}</strong>
        {endpoint.description ? ` ${endpoint.description}` : null}
      </p>
      {endpoint.needsToken ? <p className="muted">{t('needsToken')}</p> : null}
      {endpoint.fields.length === 0 ? (
        <p className="muted">{t('noParameters')}</p>
      ) : (
        <div className="api-table-scroll" tabIndex={0}>
          <table className="api-table">
            <caption>{t('parametersCaption', { method: endpoint.method, path: endpoint.path })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('name')}</th>
                <th scope="col">{t('location')}</th>
                <th scope="col">{t('type')}</th>
                <th scope="col">{t('required')}</th>
                <th scope="col">{t('description')}</th>
              </tr>
            </thead>
            <tbody>
              {endpoint.fields.map((field) => (
                <tr key={`${field.location}-${field.name}`}>
                  <th scope="row">
                    <code>{field.name}</code>
                  </th>
                  <td>{field.location}</td>
                  <td>{field.type}</td>
                  <td>{field.required ? t('yes') : t('no')}</td>
                  <td>{field.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h4>{t('example')}</h4>
      <pre className="api-example" tabIndex={0}>
        <code>{endpoint.curl}</code>
      </pre>
      <h4>{t('responses')}</h4>
      <ul className="api-responses">
        {endpoint.responses.map((response) => (
          <li key={response.status}>
            <code>{response.status}</code> {response.description}
          </li>
        ))}
      </ul>
    </section>
  );
}
