/** The export port's name (`runtime.connect({ name })`). Zod-free: the export page imports it. */
export const EXPORT_PORT_NAME = 'ctc-export';
