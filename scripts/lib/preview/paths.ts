import path from 'node:path'
import { projectRoot } from '../env'

/** Where scripts/lib/preview-build.ts builds the preview server (git-ignored, never inside dist/). */
export const PREVIEW_SERVER_DIR = process.env.PREVIEW_SERVER_DIR || path.join(projectRoot, '.data', 'preview-server')
