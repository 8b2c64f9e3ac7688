/** Saves text as a file through the browser's download, as a person saves an attachment. */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  // The download has started from the link; the object URL is not needed after this turn.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

/** A file name from a project name: letters, digits and dashes, never empty. */
export function fileNameFor(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return `${slug || 'project'}.troupe.json`
}
