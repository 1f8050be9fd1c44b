import { greet } from './hello.ts'
import * as core from '@actions/core'
core.info(greet('x'))
