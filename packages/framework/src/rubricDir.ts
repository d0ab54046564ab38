import { resolve } from 'node:path'

/** The repository's `rubric/` folder, found from this file's place in packages/framework/src. */
export const defaultRubricDir: string = resolve(import.meta.dirname, '../../../rubric')
