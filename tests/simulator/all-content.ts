// Every fixture content of the simulator: the general fixtures and the export tree, in that order.
import { SIM_EXPORT_PAGES } from './export-fixtures';
import { SIM_PAGES, type SimContent } from './fixtures';

export const SIM_CONTENT: readonly SimContent[] = [...Object.values(SIM_PAGES), ...Object.values(SIM_EXPORT_PAGES)];
