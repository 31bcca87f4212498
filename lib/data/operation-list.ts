// The list of operations, newest first, for the operations index and the not-found page.
import 'server-only';
import { getPrisma } from '../db';
import type { OperationDto } from './dto';
import { toOperationDto } from './mappers';

export async function listOperations(): Promise<OperationDto[]> {
  const rows = await getPrisma().operation.findMany({ orderBy: [{ startsAt: 'desc' }, { id: 'asc' }] });
  return rows.map(toOperationDto);
}
