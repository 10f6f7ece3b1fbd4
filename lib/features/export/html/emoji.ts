// Emoticon images → the emoji they stand for, so an offline page needs no icon file.
// Shapes seen in the samples (dlx-decision-list-emoticons.html, dlx-ux-design-documentation.html):
//   <img class="emoticon emoticon-blue-star" data-emoji-id="1f3ae" data-emoji-fallback="🎮"
//        data-emoticon-name="blue-star" alt="(blue star)" src="…/emoticons/72/1f3ae.png">
//   data-emoji-fallback="\uD83D\uDCD8" (a JavaScript escape written literally into the attribute)
//   <img class="emoticon emoticon-tick" data-emoji-id="atlassian-check_mark"
//        data-emoji-fallback=":check_mark:" data-emoticon-name="tick" alt="(tick)">
// `blue-star` is only Confluence's legacy stand-in name for any custom emoji: the fallback or
// the id is the real one and goes first.
import { emoticonText } from '../emoticons';

/** Whether an image is an emoticon rather than content. */
export function isEmoticon(img: Element): boolean {
  return (
    img.classList.contains('emoticon') ||
    img.hasAttribute('data-emoticon-name') ||
    /\/images\/icons\/emoticons\//.test(img.getAttribute('src') ?? '')
  );
}

function decodeEscapes(text: string): string {
  return text.replace(/\\u([0-9a-f]{4})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** `1f468-200d-1f4bb` → 👨‍💻; undefined for Atlassian's own ids (`atlassian-check_mark`). */
function fromEmojiId(id: string): string | undefined {
  if (!/^[0-9a-f]{2,6}(?:-[0-9a-f]{2,6})*$/i.test(id)) return undefined;
  const points = id.split('-').map((hex) => parseInt(hex, 16));
  return points.every((p) => p <= 0x10ffff && (p < 0xd800 || p > 0xdfff)) ? String.fromCodePoint(...points) : undefined;
}

function emoticonName(img: Element): string {
  const named = img.getAttribute('data-emoticon-name');
  if (named) return named;
  const byClass = Array.from(img.classList).find((c) => c.startsWith('emoticon-'));
  if (byClass) return byClass.slice('emoticon-'.length);
  // Server: …/images/icons/emoticons/thumbs_up.png
  const file = /\/emoticons\/(?:\d+\/)?([\w-]+)\.\w+(?:[?#]|$)/.exec(img.getAttribute('src') ?? '')?.[1] ?? '';
  return file.replace(/_/g, '-');
}

/** The text an emoticon image becomes: its emoji, else its alt text (`(tick)`). */
export function emoticonImageText(img: Element): string {
  const fallback = decodeEscapes(img.getAttribute('data-emoji-fallback') ?? '').trim();
  const shortname = /^:[^:\s]+:$/.test(fallback);
  if (fallback && !shortname) return fallback;
  const fromId = fromEmojiId(img.getAttribute('data-emoji-id') ?? '');
  if (fromId) return fromId;
  const name = emoticonName(img);
  const known = name ? emoticonText(name) : '';
  // emoticonText answers `:name:` for a name it does not know: the alt text reads better.
  if (known && known !== `:${name}:`) return known;
  return img.getAttribute('alt') || fallback || known;
}
