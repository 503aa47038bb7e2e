/** The files module: photos of calls, arrivals and results, checked by their bytes. */
export { attachFiles, filesOf } from './attach-files.ts';
export { DirectoryFileStore, type FileStore, fileStoreFor, MemoryFileStore } from './file-store.ts';
export { findFile } from './files.repository.ts';
export { fileView, presentFile, sendFile } from './files.routes.ts';
export { files } from './files.tables.ts';
export { sniffImageType } from './image-type.ts';
export { FILE_PURPOSES, type FilePurpose, type FileRow, storeFile } from './store-file.ts';
