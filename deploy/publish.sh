#!/usr/bin/env bash
# Checks the content, builds the site and publishes it: the steps every CI recipe in this
# folder runs. Run it from the repository root, in a full clone (git dates need history).
#
#   RECTIFY   the rectify executable            (default: .build/release/rectify)
#   CONTENT   the content folder                (default: content)
#   THEME     the theme folder                  (default: theme, else the bundle's, beside RECTIFY)
#   OUTPUT    where the site is built           (default: public)
#   AS_OF     the "data as of" date, YYYY-MM-DD (default: today)
#   PDF       "no" to make no PDFs; by default they are made when Chromium or WeasyPrint is
#             installed (a warning says when neither is)
#   Search needs Pagefind (pip install pagefind-bin-extended); without it a warning says so
#   and the site is built without its index.
#   WEB_ROOT  if set, the folder the web server serves; public/ is copied there with rsync
#   PUBLIC_WEB_ROOT  if set, the public edition (整改情况公开) is also checked, built into
#             PUBLIC_OUTPUT (default: public-edition) and copied there: a second web root,
#             open to everyone, while WEB_ROOT stays behind access control
#             (deploy/nginx-editions.conf)
set -euo pipefail
RECTIFY=${RECTIFY:-.build/release/rectify}
CONTENT=${CONTENT:-content}
# The repository's theme/, else the one the offline bundle carries beside rectify.
if [[ -z "${THEME:-}" ]]; then
  if [[ -d theme ]]; then THEME=theme; else THEME=$(dirname "$RECTIFY")/theme; fi
fi
OUTPUT=${OUTPUT:-public}
AS_OF=${AS_OF:-$(date +%F)}

# Search and PDFs come from other programs: say plainly when one is missing.
BUILD_FLAGS=()
if [[ -n "${RECTIFY_PAGEFIND:-}" ]] || [[ -x "$(dirname "$RECTIFY")/pagefind_extended" ]] || command -v pagefind_extended >/dev/null || command -v pagefind >/dev/null \
   || (cd / && python3 -I -c "import pagefind_bin_extended" 2>/dev/null); then
  :
else
  echo "警告：没有安装 Pagefind（pip install pagefind-bin-extended），本次发布的网站没有搜索索引。" >&2
  echo "warning: Pagefind is not installed (pip install pagefind-bin-extended): this site is published without a search index." >&2
  BUILD_FLAGS+=(--no-search)
fi
if [[ "${PDF:-auto}" == "no" ]]; then
  :
elif [[ -n "${RECTIFY_CHROMIUM:-}" ]] || command -v chromium >/dev/null || command -v chromium-browser >/dev/null \
   || command -v google-chrome >/dev/null || command -v weasyprint >/dev/null; then
  BUILD_FLAGS+=(--pdf)
else
  echo "警告：没有安装 Chromium 或 WeasyPrint，本次发布不生成 PDF（台账和打印版仍可在网页上打印）。" >&2
  echo "warning: neither Chromium nor WeasyPrint is installed: no PDFs are made this time." >&2
fi

# --strict: a warning (a done item without its completion update, an unknown key) stops
# the publication until it is fixed.
"$RECTIFY" check --strict --content "$CONTENT" --theme "$THEME" --as-of "$AS_OF"
"$RECTIFY" build --content "$CONTENT" --theme "$THEME" --output "$OUTPUT" --as-of "$AS_OF" ${BUILD_FLAGS[@]+"${BUILD_FLAGS[@]}"}

if [[ -n "${PUBLIC_WEB_ROOT:-}" ]]; then
  PUBLIC_OUTPUT=${PUBLIC_OUTPUT:-public-edition}
  # Lists what the public edition leaves out, item by item, in the CI log; --strict: any
  # warning stops it, and a near miss of a marking is an error in any case.
  "$RECTIFY" check --strict --edition public --content "$CONTENT" --theme "$THEME" --as-of "$AS_OF"
  "$RECTIFY" build --edition public --content "$CONTENT" --theme "$THEME" --output "$PUBLIC_OUTPUT" --as-of "$AS_OF" ${BUILD_FLAGS[@]+"${BUILD_FLAGS[@]}"}
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
