/** No content store here: a preview gets its data from the CMS server in Astro.locals. */
export const collections = {}
