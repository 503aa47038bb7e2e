import { requestJson, withQuery } from '../../lib/api.ts';

/** What POST /api/files answers (src/server/modules/files/files.routes.ts). */
export interface UploadedFile {
  id: string;
  contentType: string;
  size: number;
  purpose: string | null;
  lat: number | null;
  lng: number | null;
  createdAt: string;
  /** Where the uploader reads it back; once attached, the case's own link serves it. */
  url: string;
}

export type PhotoPurpose = 'call' | 'arrival' | 'progress' | 'finish';

/** The server's limit per case step. */
export const MAX_PHOTOS = 9;

/** Phone photos are several megabytes; above this they are scaled down before upload. */
const SHRINK_ABOVE_BYTES = 1_500_000;
const MAX_EDGE = 1920;

/**
 * A large JPEG, PNG or WebP photo scaled so its longer edge is at most 1920 px and sent
 * as JPEG: a tenth of the bytes on a phone's network. Anything the browser cannot draw
 * (HEIC on most browsers) or any failure sends the original: the server checks the bytes.
 */
export async function shrinkPhoto(file: File): Promise<Blob> {
  if (file.size <= SHRINK_ABOVE_BYTES || !/^image\/(jpeg|png|webp)$/.test(file.type)) return file;
  if (typeof createImageBitmap !== 'function') return file;
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, MAX_EDGE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
    return blob && blob.size < file.size ? blob : file;
  } catch {
    return file;
  }
}

/** Uploads one photo's bytes; the position, when known, is stored with it (C9). */
export async function uploadPhoto(
  file: File,
  purpose: PhotoPurpose,
  position: { lat: number; lng: number } | null,
): Promise<UploadedFile> {
  const blob = await shrinkPhoto(file);
  // The server decides the type from the bytes; an unknown type goes as octet-stream.
  const typed = blob.type ? blob : new Blob([blob], { type: 'application/octet-stream' });
  return requestJson<UploadedFile>(
    'POST',
    withQuery('/api/files', { purpose, lat: position?.lat, lng: position?.lng }),
    { blob: typed },
  );
}
