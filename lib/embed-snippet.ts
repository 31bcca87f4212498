// The address of an operation's embed and the <iframe> code a reader copies to put it on another
// site. Pure, so the page and the tests build the same text.
import type { OperationView } from './queries/operation-summary';

/** Room the embed needs for its key figures and chart without scrolling, at its usual width. */
export const EMBED_FRAME_SIZE = { width: 640, height: 900 } as const;

/** `/embed/<slug>?asOf=&group=`: the same view parameters as the operation page. */
export function embedPath(view: OperationView): string {
  return `/embed/${encodeURIComponent(view.slug)}${viewQuery(view)}`;
}

/** `/operations/<slug>?asOf=&group=`: the full dashboard of the same view. */
export function dashboardPath(view: OperationView): string {
  return `/operations/${encodeURIComponent(view.slug)}${viewQuery(view)}`;
}

function viewQuery(view: OperationView): string {
  const params = new URLSearchParams();
  if (view.asOf) params.set('asOf', view.asOf);
  if (view.group) params.set('group', view.group);
  const query = params.toString();
  return query ? `?${query}` : '';
}

export interface IframeSnippetInput {
  src: string;
  title: string;
  width: number;
  height: number;
}

/** `<iframe src="…" title="…" width="…" height="…"></iframe>`, attribute values escaped. */
export function iframeSnippet({ src, title, width, height }: IframeSnippetInput): string {
  return `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" width="${width}" height="${height}"></iframe>`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
