/** What other modules use from the file store. */
export { type AttachFileInput, attachFile, detachFiles } from './attach-file.ts';
export { ALLOWED_CONTENT_TYPES } from './content-types.ts';
export { type FileReadRule, registerFileAccess } from './file-access.ts';
export { type FileMeta, fileUrl, getFileMeta, getFilesMeta } from './file-meta.ts';
export { filesModule } from './module.ts';
export { UNATTACHED_FILE_TTL_MS } from './remove-unattached-files.ts';
