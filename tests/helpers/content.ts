import { expect } from 'vitest'
import { ContentError, loadContent } from '../../cms/seed/load'
import { writeTree } from './files'

/** A content folder built from `files`, for the seeder's loader. */
export const contentDir = (files: Record<string, unknown>) => writeTree(files, 'content-')

/** The problems the loader reports for `files`; fails the test if it accepts them. */
export async function problemsOf(files: Record<string, unknown>): Promise<string[]> {
  try {
    await loadContent(contentDir(files))
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError)
    return (error as ContentError).problems
  }
  throw new Error('expected a ContentError')
}
