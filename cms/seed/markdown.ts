import { convertLexicalToMarkdown, convertMarkdownToLexical, editorConfigFactory } from '@payloadcms/richtext-lexical'
import type { SanitizedServerEditorConfig } from '@payloadcms/richtext-lexical'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import type { Payload } from 'payload'

/** Markdown from content/ → the Lexical JSON Payload's rich-text fields store. */
export async function markdownConverter(payload: Payload) {
  const editorConfig: SanitizedServerEditorConfig = await editorConfigFactory.default({ config: payload.config })
  return (markdown: string | undefined) => (markdown ? convertMarkdownToLexical({ editorConfig, markdown }) : undefined)
}

/** Lexical JSON from the CMS → Markdown for content/ and backups (the inverse of markdownConverter). */
export async function lexicalConverter(payload: Payload) {
  const editorConfig: SanitizedServerEditorConfig = await editorConfigFactory.default({ config: payload.config })
  return (data: unknown): string | undefined => {
    if (!data || typeof data !== 'object' || !('root' in data)) return undefined
    const markdown = convertLexicalToMarkdown({ data: data as SerializedEditorState, editorConfig }).trim()
    return markdown || undefined
  }
}
