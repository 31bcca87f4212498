// The figure row as a write answers it and the editor's history lists it.
import type { SourceDto } from '../dto';
import { iso, isoOrNull, toSourceDto } from '../mappers';

export interface FigureRevisionDto {
  id: number;
  operation: string;
  group: string;
  value: number;
  kind: 'cumulative' | 'window';
  basisStart: string | null;
  windowStart: string | null;
  windowEnd: string | null;
  asOf: string;
  provisional: boolean;
  replacesId: number | null;
  correctionReason: string | null;
  retracted: boolean;
  recordedAt: string;
  source: SourceDto;
}

export const figureRevisionSelect = {
  id: true,
  value: true,
  kind: true,
  basisStart: true,
  windowStart: true,
  windowEnd: true,
  asOf: true,
  provisional: true,
  replacesId: true,
  correctionReason: true,
  retracted: true,
  createdAt: true,
  operation: { select: { slug: true } },
  group: { select: { slug: true } },
  source: { select: { publisher: true, title: true, url: true, via: true, publishedAt: true, quote: true } },
} as const;

interface FigureRevisionRow {
  id: number;
  value: number;
  kind: 'CUMULATIVE' | 'WINDOW';
  basisStart: Date | null;
  windowStart: Date | null;
  windowEnd: Date | null;
  asOf: Date;
  provisional: boolean;
  replacesId: number | null;
  correctionReason: string | null;
  retracted: boolean;
  createdAt: Date;
  operation: { slug: string };
  group: { slug: string };
  source: Parameters<typeof toSourceDto>[0];
}

export function toFigureRevisionDto(row: FigureRevisionRow): FigureRevisionDto {
  return {
    id: row.id,
    operation: row.operation.slug,
    group: row.group.slug,
    value: row.value,
    kind: row.kind === 'CUMULATIVE' ? 'cumulative' : 'window',
    basisStart: isoOrNull(row.basisStart),
    windowStart: isoOrNull(row.windowStart),
    windowEnd: isoOrNull(row.windowEnd),
    asOf: iso(row.asOf),
    provisional: row.provisional,
    replacesId: row.replacesId,
    correctionReason: row.correctionReason,
    retracted: row.retracted,
    recordedAt: iso(row.createdAt),
    source: toSourceDto(row.source),
  };
}
