#!/usr/bin/env bash
# `make dist`: the offline bundle for an intranet machine with no Swift, no network and no
# root: dist/rectify-<version>-linux-x86_64.tar.gz, holding
#   rectify             built with the Swift standard library and Foundation linked in;
#   lib/                the C libraries it needs that a plain Debian-based system lacks
#                       and Debian ships only shared (libxlsxwriter, minizip, libxml2, ICU…),
#                       found through the program's run path, $ORIGIN/lib; cmark-gfm and
#                       libyaml are linked into the program;
#   pagefind_extended   the search indexer (PyPI pagefind-bin-extended, which segments Chinese);
#   theme/ deploy/ docs/ 安装说明.txt rectify.version
# The archive is the same bytes for the same commit: files sorted, owner root, times the
# commit's.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=$(sed -n 's/.*static let number = "\(.*\)".*/\1/p' Sources/rectify/RectifyVersion.swift)
COMMIT=$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
DIRTY=$(git status --porcelain --untracked-files=no 2>/dev/null | grep -q . && echo "+changes" || true)
EPOCH=$(git log -1 --format=%ct 2>/dev/null || echo 0)
NAME=rectify-$VERSION-linux-x86_64
SCRATCH=.build-dist
STAGE=$SCRATCH/$NAME
PYTHON=${PYTHON:-python3}

# Linux's loader takes a program's DT_RPATH (not the newer DT_RUNPATH) for the libraries' own
# dependencies too: libxml2 in lib/ finds ICU in lib/.
# cmark-gfm and libyaml, which Debian ships as .a too, are linked in: their archives whole
# (SwiftPM names the shared libraries first, with their folder first among the -L, so an -L of
# our own cannot win), and the shared libraries' DT_NEEDED entries then removed, their symbols
# being the program's own.
LIBDIR=$(pkg-config --variable=libdir libcmark-gfm)
STATIC=("$LIBDIR/libcmark-gfm-extensions.a" "$LIBDIR/libcmark-gfm.a" "$(pkg-config --variable=libdir yaml-0.1)/libyaml.a")
LINK_STATIC=(-Xlinker --whole-archive)
for archive in "${STATIC[@]}"; do LINK_STATIC+=(-Xlinker "$archive"); done
LINK_STATIC+=(-Xlinker --no-whole-archive)
swift build -c release --product rectify --static-swift-stdlib --scratch-path "$SCRATCH/build" \
  -Xlinker --disable-new-dtags -Xlinker -rpath -Xlinker '$ORIGIN/lib' "${LINK_STATIC[@]}"
BINARY=$SCRATCH/build/release/rectify

rm -rf "$STAGE"
mkdir -p "$STAGE/lib" dist
cp "$BINARY" "$STAGE/rectify"
strip --strip-debug "$STAGE/rectify"
for needed in $(patchelf --print-needed "$STAGE/rectify" | grep -E '^lib(cmark-gfm|cmark-gfm-extensions|yaml-0)\.so'); do
  patchelf --remove-needed "$needed" "$STAGE/rectify"
done
if nm -D --undefined-only "$STAGE/rectify" | grep -qE ' (cmark_|yaml_)'; then
  echo "cmark-gfm or libyaml is still linked as a shared library" >&2
  exit 1
fi
# Every shared library the program loads, except the C library's own and those every
# Debian-based system has (libstdc++, libgcc_s, zlib, liblzma).
ldd "$STAGE/rectify" | awk '/=> \// { print $3 }' | while read -r library; do
  case "$(basename "$library")" in
    libc.so*|libm.so*|libpthread.so*|libdl.so*|librt.so*|ld-linux*|libstdc++.so*|libgcc_s.so*|libz.so*|liblzma.so*) ;;
    *) cp -L "$library" "$STAGE/lib/" ;;
  esac
done

PAGEFIND=$(cd / && "$PYTHON" -I -c 'import os, pagefind_bin_extended as p; print(os.path.join(os.path.dirname(os.path.realpath(p.__file__)), "pagefind_extended"))')
cp "$PAGEFIND" "$STAGE/pagefind_extended"
cp -R theme deploy docs "$STAGE/"
cp scripts/安装说明.txt "$STAGE/安装说明.txt"
echo "rectify $VERSION (commit $COMMIT$DIRTY)" > "$STAGE/rectify.version"

ARCHIVE=dist/$NAME.tar.gz
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$EPOCH" --mode='u+rwX,go+rX,go-w' \
  -C "$SCRATCH" -cf - "$NAME" | gzip -n -9 > "$ARCHIVE"
echo "$ARCHIVE: $(du -h "$ARCHIVE" | cut -f1), $(cat "$STAGE/rectify.version")"
