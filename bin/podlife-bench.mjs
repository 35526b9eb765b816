#!/usr/bin/env node
// `npm run bench`: runs scripts/bench.ts through tsx's loader.
import { register } from "tsx/esm/api";

register();
await import("../scripts/bench.ts");
