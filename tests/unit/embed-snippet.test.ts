import { describe, expect, it } from 'vitest';
import { dashboardPath, embedPath, iframeSnippet } from '@/lib/embed-snippet';

describe('embed addresses', () => {
  it('carry the same view parameters as the page', () => {
    expect(embedPath({ slug: 'kabul-2021' })).toBe('/embed/kabul-2021');
    expect(embedPath({ slug: 'kabul-2021', asOf: '2021-08-22', group: 'us-nationals' })).toBe(
      '/embed/kabul-2021?asOf=2021-08-22&group=us-nationals',
    );
    expect(dashboardPath({ slug: 'kabul-2021', asOf: '2021-08-22' })).toBe('/operations/kabul-2021?asOf=2021-08-22');
  });
});

describe('iframeSnippet', () => {
  it('writes the iframe with its title and size', () => {
    expect(
      iframeSnippet({ src: 'https://figures.example/embed/kabul-2021', title: 'Kabul airlift', width: 640, height: 900 }),
    ).toBe('<iframe src="https://figures.example/embed/kabul-2021" title="Kabul airlift" width="640" height="900"></iframe>');
  });

  it('escapes what would end an attribute or open a tag', () => {
    expect(iframeSnippet({ src: '/embed/x?a=1&b=2', title: 'A "quoted" <name>', width: 1, height: 1 })).toBe(
      '<iframe src="/embed/x?a=1&amp;b=2" title="A &quot;quoted&quot; &lt;name&gt;" width="1" height="1"></iframe>',
    );
  });
});
