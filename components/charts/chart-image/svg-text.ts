// Text for a standalone SVG: SVG does not wrap lines, so they are measured (with a canvas, in the
// font the image names) and broken here.

export interface TextStyle {
  size: number;
  weight: number;
  family: string;
}

let measuringContext: CanvasRenderingContext2D | null = null;

export function textWidth(text: string, style: TextStyle): number {
  measuringContext ??= document.createElement('canvas').getContext('2d');
  // No canvas (very unusual): a generous estimate, so lines break early rather than overflow.
  if (!measuringContext) return text.length * style.size * 0.6;
  measuringContext.font = `${style.weight} ${style.size}px ${style.family}`;
  return measuringContext.measureText(text).width;
}

/** Breaks `text` at spaces into lines no wider than `maxWidth` (a longer word keeps its line). */
export function wrapText(text: string, maxWidth: number, style: TextStyle): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, style) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}
