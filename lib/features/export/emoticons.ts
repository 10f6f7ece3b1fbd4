// Confluence emoticons → Unicode. Newer pages carry the emoji itself (`ac:emoji-fallback`);
// older ones only a name from this fixed set. An unknown name stays visible as `:name:`.
const EMOTICONS: Record<string, string> = {
  smile: '🙂',
  sad: '🙁',
  cheeky: '😛',
  laugh: '😀',
  wink: '😉',
  'thumbs-up': '👍',
  'thumbs-down': '👎',
  information: 'ℹ️',
  tick: '✅',
  cross: '❌',
  warning: '⚠️',
  plus: '➕',
  minus: '➖',
  question: '❓',
  'light-on': '💡',
  'light-off': '💡',
  'yellow-star': '⭐',
  'red-star': '⭐',
  'green-star': '⭐',
  'blue-star': '⭐',
  heart: '❤️',
  'broken-heart': '💔',
};

export function emoticonText(name: string, fallback = ''): string {
  // The fallback is the emoji itself, or for some custom emoji a `:shortname:`.
  if (fallback && !/^:[^:\s]+:$/.test(fallback)) return fallback;
  return EMOTICONS[name] ?? (fallback || (name ? `:${name}:` : ''));
}
