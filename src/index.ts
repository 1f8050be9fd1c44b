// The entry point the runner starts (action.yml `main: dist/index.js`).
import { run } from './main.ts'

await run()
