'use client'
/**
 * A partner's one action on an entry or their organisation's profile. Payload's own form submit
 * (validated, as publishing would be, so an editor receives a complete entry), asking for the
 * draft the server would make of it anyway, and saying afterwards what really happened instead of
 * Payload's "Updated successfully". Payload's SaveButton takes a label but not the message.
 */
import { FormSubmit, toast, useDocumentInfo, useEditDepth, useForm, useFormModified, useHotkey, useOperation } from '@payloadcms/ui'
import { useRef } from 'react'
import { SUBMIT_FOR_REVIEW, SUBMITTED_FOR_REVIEW } from './review-wording'

export function SubmitForReviewButton() {
  const { submit } = useForm()
  const modified = useFormModified()
  const operation = useOperation()
  const { setUnpublishedVersionCount, uploadStatus } = useDocumentInfo()
  const editDepth = useEditDepth()
  const ref = useRef<HTMLButtonElement>(null)
  // As Payload's buttons: nothing to submit until something changed.
  const disabled = (operation === 'update' && !modified) || uploadStatus === 'uploading'

  // Ctrl/Cmd+S, which Payload's Save draft button answers for everyone else.
  useHotkey({ cmdCtrlKey: true, editDepth, keyCodes: ['s'] }, (e) => {
    e.preventDefault()
    e.stopPropagation()
    ref.current?.click()
  })

  const submitForReview = async () => {
    if (disabled) return
    const result = await submit({ overrides: { _status: 'draft' }, disableSuccessStatus: true })
    if (!result?.res.ok) return
    // The live entry is unchanged and a newer version waits: Payload's status line reads "Changed".
    setUnpublishedVersionCount((count) => count + 1)
    toast.success(SUBMITTED_FOR_REVIEW)
  }

  return (
    <FormSubmit buttonId="action-save" disabled={disabled} onClick={() => void submitForReview()} ref={ref} size="medium" type="button">
      {SUBMIT_FOR_REVIEW}
    </FormSubmit>
  )
}
