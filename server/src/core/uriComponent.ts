/**
 * A URI component decoded, or as it is when it does not decode: a client that does not escape `%` in a
 * file name (`bad-100%.article`) sent URIs on which `decodeURIComponent` threw, and the article got no
 * hovers and never reached the workspace index.
 */
export function decodeUriComponentLeniently(component: string): string {
  try {
    return decodeURIComponent(component);
  } catch {
    return component;
  }
}
