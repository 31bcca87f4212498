// The address of an operation's embed and the <iframe> code a reader copies to put it on another
// site. Pure, so the page and the tests build the same text.
import type { OperationView } from './queries/operation-summary';

/**
 * The frame the Embed code asks for: an article column's width, and the height the embed's key
 * figures, chart, key and sources take at that width (about 1,400 px with the Kabul seed, a dated
 * view's notice included), so nothing scrolls inside the frame. A narrower frame still works; its
 * content then scrolls.
 */
export const EMBED_FRAME_SIZE = { width: 640, height: 1450 } as const;

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
