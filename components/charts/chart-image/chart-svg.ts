// One chart as a standalone SVG document: its title above, the chart as drawn on the page, its
// key, then the sources and the as-of date, all written into the image so that a copy passed
// around still says what it shows, where the numbers come from and when they stood.

import { standaloneCopy } from './inline-styles';
import { textWidth, wrapText, type TextStyle } from './svg-text';

const SVG_NS = 'http://www.w3.org/2000/svg';
const PADDING = 16;
const MIN_WIDTH = 360;
const SWATCH = { width: 28, height: 14, gap: 6, spacing: 20 } as const;

export interface ChartImageText {
  title: string;
  sourceLine: string;
  asOfLine: string;
}

export interface ChartSvg {
  /** The serialised document, with its XML declaration. */
  svg: string;
  width: number;
  height: number;
}

/** `figure` is the chart's <figure>: the drawn SVG and its key are read from it. */
export function buildChartSvg(figure: HTMLElement, text: ChartImageText): ChartSvg {
  const surface = figure.querySelector<SVGSVGElement>('.chart-frame svg.recharts-surface');
  if (!surface) throw new Error('The chart has not been drawn');
  const box = surface.getBoundingClientRect();
  const chartWidth = Math.round(box.width);
  const chartHeight = Math.round(box.height);
  const width = Math.max(chartWidth + 2 * PADDING, MIN_WIDTH);
  const look = pageLook(figure);
  const root = document.createElementNS(SVG_NS, 'svg');
  const layout = new Layout(root, width, look);

  const background = element('rect', { x: 0, y: 0, width, height: '100%', fill: look.background });
  root.append(background, element('title', {}, text.title));
  layout.paragraph(text.title, { size: 18, weight: 700, family: look.fontFamily }, 24, look.text);
  layout.space(8);
  const chart = standaloneCopy(surface);
  setAttributes(chart, { x: (width - chartWidth) / 2, y: layout.y, width: chartWidth, height: chartHeight });
  root.append(chart);
  layout.space(chartHeight + 8);
  layout.legend(figure);
  layout.eventKey(figure);
  layout.space(6);
  const small: TextStyle = { size: 12, weight: 400, family: look.fontFamily };
  if (text.sourceLine) layout.paragraph(text.sourceLine, small, 16, look.muted);
  layout.paragraph(text.asOfLine, small, 16, look.muted);
  layout.space(PADDING);

  const height = Math.ceil(layout.y);
  setAttributes(root, {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    'font-family': look.fontFamily,
    direction: look.rtl ? 'rtl' : 'ltr',
  });
  background.setAttribute('height', String(height));
  return {
    svg: `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}`,
    width,
    height,
  };
}

interface PageLook {
  background: string;
  text: string;
  muted: string;
  fontFamily: string;
  rtl: boolean;
}

/** The colours and font the reader sees (light or dark), resolved from the page's CSS. */
function pageLook(figure: HTMLElement): PageLook {
  const style = getComputedStyle(figure);
  const root = getComputedStyle(document.documentElement);
  const bodyBackground = getComputedStyle(document.body).backgroundColor;
  const transparent = (color: string) => color === 'transparent' || color === 'rgba(0, 0, 0, 0)';
  return {
    background: transparent(style.backgroundColor) ? bodyBackground : style.backgroundColor,
    text: style.color,
    muted: root.getPropertyValue('--muted').trim() || style.color,
    fontFamily: style.fontFamily,
    rtl: style.direction === 'rtl',
  };
}

/** Places blocks one under the other, from the top, mirrored in right-to-left text. */
class Layout {
  y = PADDING;
  private readonly contentWidth: number;

  constructor(
    private readonly root: SVGSVGElement,
    private readonly width: number,
    private readonly look: PageLook,
  ) {
    this.contentWidth = width - 2 * PADDING;
  }

  space(height: number) {
    this.y += height;
  }

  /** x of a point `offset` from the start edge (the left, or the right in right-to-left text). */
  private x(offset: number, itemWidth = 0): number {
    return this.look.rtl ? this.width - PADDING - offset - itemWidth : PADDING + offset;
  }

  private line(content: string, offset: number, baseline: number, style: TextStyle, color: string) {
    this.root.append(
      element(
        'text',
        {
          x: this.look.rtl ? this.width - PADDING - offset : PADDING + offset,
          y: baseline,
          fill: color,
          'font-size': style.size,
          'font-weight': style.weight,
        },
        content,
      ),
    );
  }

  paragraph(content: string, style: TextStyle, lineHeight: number, color: string, offset = 0) {
    for (const text of wrapText(content, this.contentWidth - offset, style)) {
      this.line(text, offset, this.y + lineHeight * 0.75, style, color);
      this.y += lineHeight;
    }
  }

  /** The chart's key: each swatch (copied from the page) with its label, flowing in rows. */
  legend(figure: HTMLElement) {
    const style: TextStyle = { size: 13, weight: 400, family: this.look.fontFamily };
    const lineHeight = 18;
    let offset = 0;
    let rowHeight = 0;
    for (const item of figure.querySelectorAll<HTMLElement>('.chart-legend li')) {
      const swatch = item.querySelector<SVGSVGElement>('svg');
      const label = item.textContent?.trim() ?? '';
      const labelWidth = this.contentWidth - SWATCH.width - SWATCH.gap;
      const lines = wrapText(label, labelWidth, style);
      const itemWidth =
        SWATCH.width + SWATCH.gap + Math.max(0, ...lines.map((line) => textWidth(line, style)));
      if (offset > 0 && (lines.length > 1 || offset + itemWidth > this.contentWidth)) {
        this.y += rowHeight;
        offset = 0;
        rowHeight = 0;
      }
      if (swatch) {
        const copy = standaloneCopy(swatch);
        setAttributes(copy, {
          x: this.x(offset, SWATCH.width),
          y: this.y + (lineHeight - SWATCH.height) / 2,
          width: SWATCH.width,
          height: SWATCH.height,
        });
        this.root.append(copy);
      }
      lines.forEach((line, index) => {
        const baseline = this.y + index * lineHeight + lineHeight * 0.72;
        this.line(line, offset + SWATCH.width + SWATCH.gap, baseline, style, this.look.text);
      });
      rowHeight = Math.max(rowHeight, lines.length * lineHeight + 4);
      offset += itemWidth + SWATCH.spacing;
    }
    this.y += rowHeight;
  }

  /** The numbered events of the chart, one per line, under their heading. */
  eventKey(figure: HTMLElement) {
    const key = figure.querySelector<HTMLElement>('.chart-event-key');
    if (!key) return;
    const family = this.look.fontFamily;
    this.space(4);
    const heading = key.querySelector('.chart-event-key-heading')?.textContent?.trim();
    if (heading) this.paragraph(heading, { size: 13, weight: 600, family }, 18, this.look.text);
    for (const item of key.querySelectorAll<HTMLElement>('li')) {
      const content = item.textContent?.replace(/\s+/g, ' ').trim();
      if (content) this.paragraph(content, { size: 13, weight: 400, family }, 18, this.look.text);
    }
  }
}

function element(name: string, attributes: Record<string, string | number>, content?: string): SVGElement {
  const node = document.createElementNS(SVG_NS, name);
  setAttributes(node, attributes);
  if (content !== undefined) node.textContent = content;
  return node;
}

function setAttributes(node: Element, attributes: Record<string, string | number>) {
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
}
