// Loaded on the first click of a chart's download button (see chart-downloads.tsx).
import { buildChartSvg, type ChartImageText } from './chart-svg';
import { svgToPng } from './svg-to-png';

export type ImageFormat = 'png' | 'svg';

export async function downloadChartImage(
  figure: HTMLElement,
  image: ChartImageText & { fileStem: string },
  format: ImageFormat,
): Promise<void> {
  const chart = buildChartSvg(figure, image);
  const blob =
    format === 'svg'
      ? new Blob([chart.svg], { type: 'image/svg+xml;charset=utf-8' })
      : await svgToPng(chart.svg, chart.width, chart.height);
  saveFile(blob, `${image.fileStem}.${format}`);
}

function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by then; the object URL only holds memory.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
