import { useEffect, useState } from 'react'
import { errorDataOf, type AppErrorData } from '@shared/errors'
import type { Region } from '@shared/reference/regions'
import { api } from '../api/transport'

/** The 12 regions from the desk's reference data. */
export function useRegions(): { regions: Region[]; error: AppErrorData | null } {
  const [regions, setRegions] = useState<Region[]>([])
  const [error, setError] = useState<AppErrorData | null>(null)
  useEffect(() => {
    api
      .call('reference.regions', {})
      .then(setRegions)
      .catch((e: unknown) => setError(errorDataOf(e)))
  }, [])
  return { regions, error }
}
