/**
 * Every Monaco editor feature, without its languages: editor.main.js (what `monaco-editor`'s
 * main entry loads) minus the ~80 languages it registers and the TypeScript, CSS and HTML
 * workers (TypeScript's alone is 6.9 MB). The features cannot be cut further: Monaco's JSON
 * support imports all of them (monaco-editor/internal/common/workers.js) when its first model
 * opens, and features registered after an editor exists fail to find their services. So
 * they are registered here, before the studio creates an editor.
 */
import 'monaco-editor/features/register.all'
// What editor.main.js imports after its features.
import 'monaco-editor/editor/browser/coreCommands'
import 'monaco-editor/editor/contrib/caretOperations/browser/caretOperations'
import 'monaco-editor/editor/contrib/dropOrPasteInto/browser/copyPasteContribution'
import 'monaco-editor/editor/contrib/find/browser/findController'
import 'monaco-editor/editor/contrib/gotoSymbol/browser/goToCommands'
import 'monaco-editor/editor/contrib/gotoError/browser/markerSelectionStatus'
import 'monaco-editor/editor/contrib/semanticTokens/browser/documentSemanticTokens'
import 'monaco-editor/editor/contrib/suggest/browser/suggestController'
import 'monaco-editor/editor/common/standaloneStrings'
