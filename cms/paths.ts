import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root, whatever the working directory (Next runs from cms/, scripts from the root). */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
