#!/usr/bin/env node
// Launches the committed CLI bundle, so the command works from a plain checkout without a build.
import '../dist/cli/index.js';
