/**
 * The host's look on the view (docs/mcp-apps.md): its theme (`data-theme` and `color-scheme`, which our
 * styles' light-dark() colours follow) and its standard style variables, which override our own values
 * of the same names. A host's font CSS is not applied: it may load fonts from the host's origin, which
 * the view's CSP refuses; `--font-sans` still names the host's font, used where the system has it.
 */
import { applyDocumentTheme, applyHostStyleVariables, type McpUiHostContext } from '@modelcontextprotocol/ext-apps';

/** Applies the host's theme (else the system's) and style variables to the page. */
export function applyHostLook(context: McpUiHostContext): void {
  const theme = context.theme ?? (window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
  applyDocumentTheme(theme);
  const variables = context.styles?.variables;
  if (variables !== undefined) applyHostStyleVariables(variables);
}
