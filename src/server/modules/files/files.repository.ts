import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { files } from './files.tables.ts';
import type { FileRow } from './store-file.ts';

export async function findFile(db: Db, id: string): Promise<FileRow | null> {
  const [row] = await db.select().from(files).where(eq(files.id, id));
  return row ?? null;
}
