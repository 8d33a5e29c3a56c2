/** The field errors of a save the CMS rejected, as { path: message }; throws if it was not rejected with field errors. */
export async function fieldErrors(save: () => Promise<unknown>): Promise<Record<string, string>> {
  try {
    await save()
  } catch (error) {
    const errors = (error as { data?: { errors?: { path: string; message: string }[] } }).data?.errors
    if (!errors) throw error
    return Object.fromEntries(errors.map((e) => [e.path, e.message]))
  }
  throw new Error('expected the save to be rejected')
}
