/**
 * The same suite as incremental-build.int.test.ts with each publish's pages from the warm renderer
 * (scripts/lib/warm/): every changed-pages build must have come from it, and every file of the live
 * site must equal a full build of the same content, byte for byte.
 */
import { incrementalBuildSuite } from '../helpers/incremental-build'

incrementalBuildSuite('warm')
