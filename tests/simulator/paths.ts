import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Reference material lives beside the project (`../shared`), never inside it.
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED_DIR = path.resolve(PROJECT_ROOT, '../shared');
// SIM_OPENAPI_DIR points elsewhere, e.g. at a missing folder to check the tests' skip/fail behaviour.
export const OPENAPI_DIR = process.env.SIM_OPENAPI_DIR ? path.resolve(process.env.SIM_OPENAPI_DIR) : path.join(SHARED_DIR, 'atlassian', 'openapi');
export const SPEC_FILES = {
  v1: path.join(OPENAPI_DIR, 'confluence-v1.json'),
  v2: path.join(OPENAPI_DIR, 'confluence-v2.json'),
} as const;
export const STORAGE_SAMPLES_DIR = path.join(SHARED_DIR, 'confluence-samples', 'storage');
export const ADF_SAMPLES_DIR = path.join(SHARED_DIR, 'confluence-samples', 'adf');
