#!/usr/bin/env bash
# Checks the content, builds the site and publishes it: the steps every CI recipe in this
# folder runs. Run it from the repository root, in a full clone (git dates need history).
#
#   RECTIFY   the rectify executable            (default: .build/release/rectify)
#   CONTENT   the content folder                (default: content)
#   THEME     the theme folder                  (default: theme)
#   OUTPUT    where the site is built           (default: public)
#   AS_OF     the "data as of" date, YYYY-MM-DD (default: today)
#   WEB_ROOT  if set, the folder the web server serves; public/ is copied there with rsync
set -euo pipefail
RECTIFY=${RECTIFY:-.build/release/rectify}
CONTENT=${CONTENT:-content}
THEME=${THEME:-theme}
OUTPUT=${OUTPUT:-public}
AS_OF=${AS_OF:-$(date +%F)}

"$RECTIFY" check --content "$CONTENT" --theme "$THEME" --as-of "$AS_OF"
"$RECTIFY" build --content "$CONTENT" --theme "$THEME" --output "$OUTPUT" --as-of "$AS_OF"

if [[ -n "${WEB_ROOT:-}" ]]; then
  mkdir -p "$WEB_ROOT"
  # --delay-updates puts the new files in place together at the end; --delete removes
  # pages that no longer exist.
  rsync -a --delete --delay-updates "$OUTPUT"/ "$WEB_ROOT"/
  echo "Published $OUTPUT/ to $WEB_ROOT/"
fi
