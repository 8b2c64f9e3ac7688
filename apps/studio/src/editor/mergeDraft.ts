import type { Json } from '@troupe/core'
import { plain, rebase } from '@troupe/documents'

/**
 * What a committed draft writes: the document's current value with the draft's own edits
 * (base → draft) applied. A part someone else changed since the draft began, and the draft
 * left alone, keeps their change; a part both changed takes the draft (just typed). Without
 * this, committing a draft started before a collaborator's edit arrived would write the old
 * text back over it.
 */
export function mergeDraft(current: unknown, base: Json | undefined, draft: Json): Json {
  if (base === undefined || current === undefined) return draft
  return rebase(plain(current), base, draft, { kept: 0 }, 'to') as Json
}
