import { convertMarkdownToLexical, editorConfigFactory } from '@payloadcms/richtext-lexical'
import type { SanitizedServerEditorConfig } from '@payloadcms/richtext-lexical'
import type { Payload } from 'payload'

/** Markdown from content/ → the Lexical JSON Payload's rich-text fields store. */
export async function markdownConverter(payload: Payload) {
  const editorConfig: SanitizedServerEditorConfig = await editorConfigFactory.default({ config: payload.config })
  return (markdown: string | undefined) => (markdown ? convertMarkdownToLexical({ editorConfig, markdown }) : undefined)
}
