/**
 * The codes with which the registry refuses one operation (docs/registry-api.md), each with
 * its sentence (`sync.reason.<code>`) and its advice (`sync.advice.<code>`) in every
 * language; a code the desk does not know reads as `other`, its own words in the details.
 */
const KNOWN = new Set([
  'cin_taken',
  'nia_taken',
  'nia_required',
  'already_registered',
  'not_found',
  'already_exists',
  'nia_mismatch',
  'invalid_notice',
  'invalid_request',
  'stale',
  'op_id_reused',
  'local_invalid',
])

const known = (code: string) => (KNOWN.has(code) ? code : 'other')
export const reasonKey = (code: string) => `sync.reason.${known(code)}`
export const adviceKey = (code: string) => `sync.advice.${known(code)}`
