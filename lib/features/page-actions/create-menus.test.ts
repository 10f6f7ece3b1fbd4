import { describe, expect, it } from 'vitest';
import { menuItems } from './action-menus';
import { createMenus, type MenusApi } from './create-menus';

describe('createMenus', () => {
  it('two runs at once do not interleave: each removes all, then creates every item once', async () => {
    const calls: string[] = [];
    const menus: MenusApi = {
      async removeAll() {
        calls.push('removeAll');
        await new Promise((resolve) => setTimeout(resolve, 5));
      },
      create: (item) => void calls.push(item.id),
    };
    await Promise.all([createMenus(menus), createMenus(menus)]);
    const ids = menuItems().map((i) => i.id);
    expect(calls).toEqual(['removeAll', ...ids, 'removeAll', ...ids]);
  });

  it('a failed run does not stop the next one', async () => {
    let fail = true;
    const created: string[] = [];
    const menus: MenusApi = {
      async removeAll() {
        if (fail) {
          fail = false;
          throw new Error('menus unavailable');
        }
      },
      create: (item) => void created.push(item.id),
    };
    await expect(createMenus(menus)).rejects.toThrow('menus unavailable');
    await createMenus(menus);
    expect(created).toHaveLength(menuItems().length);
  });
});
