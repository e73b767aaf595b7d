import type { VerifyCheck, Violation } from '../../server/module.ts';
import { blobSize, hashBlob } from './blob-store.ts';
import { storedFiles } from './tables.ts';

// Re-hashing reads every byte; a sample catches silent corruption without reading the whole store.
const REHASH_SAMPLE = 20;

export const blobsOnDiskCheck: VerifyCheck = {
  name: 'files.blobs-on-disk',
  description: 'Every stored file has its blob on disk with the recorded size; a sample re-hashes to its SHA-256',
  async run(tx, services) {
    const { dataDir } = services.config;
    const blobs = await tx
      .selectDistinct({ sha256: storedFiles.sha256, sizeBytes: storedFiles.sizeBytes })
      .from(storedFiles);
    const violations: Violation[] = [];
    const present: string[] = [];
    for (const blob of blobs) {
      const size = await blobSize(dataDir, blob.sha256);
      if (size === null) violations.push({ subject: `blob ${blob.sha256}`, message: 'missing from disk' });
      else if (size !== blob.sizeBytes) {
        violations.push({
          subject: `blob ${blob.sha256}`,
          message: `is ${size} bytes on disk, ${blob.sizeBytes} recorded`,
        });
      } else present.push(blob.sha256);
    }
    const sample = present.sort(() => Math.random() - 0.5).slice(0, REHASH_SAMPLE);
    for (const sha256 of sample) {
      const actual = await hashBlob(dataDir, sha256);
      if (actual !== sha256) violations.push({ subject: `blob ${sha256}`, message: `content hashes to ${actual}` });
    }
    return violations;
  },
};
