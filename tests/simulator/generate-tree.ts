// `control.generateTree`: a big page tree for benchmarks and load tests, added to one simulator's
// content store (gone at reset). Pages are filled breadth-first (`fanOut` children per page),
// bodies cycle through the shared storage samples, ids follow a counter: the same calls after a
// reset give the same ids.
import { storageSampleNames } from './bodies';
import { spaceOfContent } from './content-store';
import { fixturePage, type SimAttachment, type SimContent } from './fixtures';
import type { SimState } from './state';
import type { GenerateTreeSpec } from './types';

/** Generated page ids are GENERATED_PAGE_ID_BASE + n, attachment ids `att` + (GENERATED_ATTACHMENT_ID_BASE + n). */
export const GENERATED_PAGE_ID_BASE = 8_000_000;
export const GENERATED_ATTACHMENT_ID_BASE = 9_000_000;
const DEFAULT_FAN_OUT = 10;
const DEFAULT_ATTACHMENT_BYTES = 4096;
/** Dated before the fixtures, so "Recently updated" lists stay as they were. */
const GENERATED_AT = '2024-01-20T08:00:00.000Z';

function positiveInt(value: number, what: string, min: number): number {
  if (!Number.isInteger(value) || value < min) throw new Error(`generateTree: ${what} must be an integer ≥ ${min}, got ${value}`);
  return value;
}

/** A media file id (UUID-shaped, lower-case hex) for generated attachment number n. */
function fileIdFor(n: number): string {
  return `9e0e7a7e-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

function findParent(state: SimState, spec: GenerateTreeSpec): SimContent {
  const matches = state.content.all().filter((c) => c.id === spec.parentId && (!spec.host || c.site === spec.host.toLowerCase()));
  if (matches.length === 0) throw new Error(`generateTree: no content ${spec.parentId}${spec.host ? ` on ${spec.host}` : ''}`);
  if (matches.length > 1) throw new Error(`generateTree: content ${spec.parentId} exists on several sites; give the host`);
  const parent = matches[0]!;
  if (parent.type !== 'page' && parent.type !== 'folder') throw new Error(`generateTree: ${spec.parentId} is a ${parent.type}; pages go under a page or a folder`);
  return parent;
}

/** Adds `count` pages under `parentId`; returns their ids in creation (breadth-first) order. */
export function generateTree(state: SimState, spec: GenerateTreeSpec): string[] {
  const count = positiveInt(spec.count, 'count', 0);
  const fanOut = positiveInt(spec.fanOut ?? DEFAULT_FAN_OUT, 'fanOut', 1);
  const perPage = positiveInt(spec.attachmentsPerPage ?? 0, 'attachmentsPerPage', 0);
  const bytes = positiveInt(spec.attachmentBytes ?? DEFAULT_ATTACHMENT_BYTES, 'attachmentBytes', 0);
  const root = findParent(state, spec);
  const space = spaceOfContent(root);
  const samples = storageSampleNames();
  // Parents in breadth-first order; each takes `fanOut` children before the next one does.
  const parents: SimContent[] = [root];
  let parentIndex = 0;
  let childrenOfCurrent = state.content.childrenOf(root).length;
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    if (childrenOfCurrent >= fanOut && parents.length > parentIndex + 1) {
      parentIndex += 1;
      childrenOfCurrent = 0;
    }
    const parent = parents[parentIndex]!;
    const n = ++state.generated.pages;
    const id = String(GENERATED_PAGE_ID_BASE + n);
    const attachments: SimAttachment[] = [];
    for (let k = 0; k < perPage; k++) {
      const a = ++state.generated.attachments;
      const attId = `att${GENERATED_ATTACHMENT_ID_BASE + a}`;
      attachments.push({ id: attId, title: `data-${a}.bin`, mediaType: 'application/octet-stream', fileId: fileIdFor(a), comment: '', createdAt: GENERATED_AT, version: 1, generated: { size: bytes, seed: a } });
    }
    const page = fixturePage(id, root.site, space.key, `Generated page ${n}`, {
      parentId: parent.id,
      position: childrenOfCurrent,
      createdAt: GENERATED_AT,
      version: { number: 1, when: GENERATED_AT, byKey: 'alice', message: '', minorEdit: false },
      storageSample: samples.length ? samples[(n - 1) % samples.length] : undefined,
      attachments,
    });
    state.content.add(page);
    parents.push(page);
    ids.push(id);
    childrenOfCurrent += 1;
  }
  return ids;
}
