/*
 * The keyboard shortcuts as the browser has them now (the person may have changed them), and
 * where to change them. data-testids: shortcuts-section, shortcut (data-command), shortcuts-where.
 */

export interface ShortcutView {
  name: string;
  description: string;
  /** Empty: no key set (the browser leaves a clashing suggestion unset). */
  shortcut: string;
}

export interface ShortcutsSectionProps {
  shortcuts: ShortcutView[] | null;
  /** Where the browser lets people change them, in words. */
  where: string;
}

export function ShortcutsSection({ shortcuts, where }: ShortcutsSectionProps) {
  return (
    <section aria-labelledby="shortcuts-heading" data-testid="shortcuts-section">
      <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
      {shortcuts === null ? (
        <p class="note">Reading the shortcuts…</p>
      ) : (
        <table class="shortcuts">
          <tbody>
            {shortcuts.map((s) => (
              <tr key={s.name} data-testid="shortcut" data-command={s.name}>
                <td>{s.description}</td>
                <td>{s.shortcut ? <kbd>{s.shortcut}</kbd> : <span class="note">not set</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p class="note" data-testid="shortcuts-where">
        {where}
      </p>
    </section>
  );
}
