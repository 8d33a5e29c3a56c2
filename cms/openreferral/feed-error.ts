/** A feed that cannot be read or imported, with a message for the person running the import. */
export class FeedError extends Error {
  override name = 'FeedError'
}
