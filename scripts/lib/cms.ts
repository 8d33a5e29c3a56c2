import { getPayload, type Payload } from 'payload'
import config from '../../cms/payload.config'

/** The Local API, with committed migrations applied (see payload.config.ts onInit). */
export const openCms = (): Promise<Payload> => getPayload({ config })
