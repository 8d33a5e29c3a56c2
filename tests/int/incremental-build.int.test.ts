/**
 * A publish renders only the pages whose content changed and the result equals a full build, byte
 * for byte (tests/helpers/incremental-build.ts), with each publish's pages from a cold `astro build`.
 */
import { incrementalBuildSuite } from '../helpers/incremental-build'

incrementalBuildSuite('astro')
