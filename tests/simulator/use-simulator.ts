import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startSimulator, type Simulator, type SimulatorOptions } from './index';

/**
 * One simulator for a vitest file: started before its tests, reset (behaviour and log) before
 * each, closed after. The returned object forwards to the running simulator, so tests write
 * `sim.fetch(...)` and `sim.log` as they would with the instance itself.
 */
export function useSimulator(options?: SimulatorOptions): Simulator {
  let current: Simulator | undefined;
  beforeAll(async () => {
    current = await startSimulator(options);
  });
  afterAll(async () => {
    await current?.close();
  });
  beforeEach(() => {
    current?.control.reset();
    current?.clearLog();
  });
  return new Proxy({} as Simulator, {
    get(_target, key) {
      if (!current) throw new Error('The simulator starts in beforeAll: use it inside a test or hook.');
      const value: unknown = Reflect.get(current, key);
      return typeof value === 'function' ? value.bind(current) : value;
    },
  });
}
