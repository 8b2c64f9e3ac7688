/**
 * Tailwind turns a class's arbitrary value into CSS (`bg-[url(https://x)]`,
 * `[background:image-set("x.png")]`), so a class string could make the app load something.
 * Before any class becomes CSS (the live preview, a published app's stylesheet), tokens that
 * could load anything are dropped. Tailwind reads `_` as a space, and a CSS escape could spell
 * `url` in disguise, so a backslash refuses the token outright.
 */
const loadingFunction = /(?:url|image|image-set|cross-fade|element|src)\(|@import/i

export function isLoadFreeClass(token: string): boolean {
  if (token.includes('\\')) return false
  return !loadingFunction.test(token.replace(/[_\s]/g, ''))
}

/** The whitespace-separated tokens of a class string that cannot load anything. */
export function loadFreeClasses(text: string): string[] {
  return text.split(/\s+/).filter((token) => token !== '' && isLoadFreeClass(token))
}
