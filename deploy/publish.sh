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
#   PUBLIC_WEB_ROOT  if set, the public edition (整改情况公开) is also checked, built into
#             PUBLIC_OUTPUT (default: public-edition) and copied there: a second web root,
#             open to everyone, while WEB_ROOT stays behind access control
#             (deploy/nginx-editions.conf)
set -euo pipefail
RECTIFY=${RECTIFY:-.build/release/rectify}
CONTENT=${CONTENT:-content}
THEME=${THEME:-theme}
OUTPUT=${OUTPUT:-public}
AS_OF=${AS_OF:-$(date +%F)}

# --strict: a warning (a done item without its completion update, an unknown key) stops
# the publication until it is fixed.
"$RECTIFY" check --strict --content "$CONTENT" --theme "$THEME" --as-of "$AS_OF"
"$RECTIFY" build --content "$CONTENT" --theme "$THEME" --output "$OUTPUT" --as-of "$AS_OF"

if [[ -n "${PUBLIC_WEB_ROOT:-}" ]]; then
  PUBLIC_OUTPUT=${PUBLIC_OUTPUT:-public-edition}
  # Lists what the public edition leaves out, item by item, in the CI log; --strict: any
  # warning stops it, and a near miss of a marking is an error in any case.
  "$RECTIFY" check --strict --edition public --content "$CONTENT" --theme "$THEME" --as-of "$AS_OF"
  "$RECTIFY" build --edition public --content "$CONTENT" --theme "$THEME" --output "$PUBLIC_OUTPUT" --as-of "$AS_OF"
  mkdir -p "$PUBLIC_WEB_ROOT"
  rsync -a --delete --delay-updates "$PUBLIC_OUTPUT"/ "$PUBLIC_WEB_ROOT"/
  echo "Published the public edition $PUBLIC_OUTPUT/ to $PUBLIC_WEB_ROOT/"
fi

if [[ -n "${WEB_ROOT:-}" ]]; then
  mkdir -p "$WEB_ROOT"
  # --delay-updates puts the new files in place together at the end; --delete removes
  # pages that no longer exist.
  rsync -a --delete --delay-updates "$OUTPUT"/ "$WEB_ROOT"/
  echo "Published $OUTPUT/ to $WEB_ROOT/"
fi
