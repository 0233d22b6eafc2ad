#!/usr/bin/env bash
# `make dist-check`: the offline bundle works where a bureau's site is built.
#  1. Unpacked into a temporary folder and run with the Swift toolchain, the package's build
#     folders and Python's Pagefind hidden (a tmpfs over each, in a mount namespace) and no
#     network (an empty network namespace): it builds the sample, with search, and its pages
#     equal a normal build's, byte for byte outside pagefind/.
#  2. In a minimal Debian 12 root made by `debootstrap --variant=minbase` (no Swift, no
#     Python, no -dev packages), under chroot, with no network: it builds the sample again.
#  `--no-chroot` stops after step 1 (`make test` runs that much after the Swift tests).
set -euo pipefail
cd "$(dirname "$0")/.."
ONLY_FIRST=${1:-}
ROOT=$PWD
ARCHIVE=$(ls -t dist/rectify-*-linux-x86_64.tar.gz | head -1)
WORK=$(mktemp -d /tmp/rectify-dist-check.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
AS_OF=2026-11-26

tar -xzf "$ARCHIVE" -C "$WORK"
BUNDLE=$(ls -d "$WORK"/rectify-*-linux-x86_64)
cp -R content "$WORK/content"

# The reference: the normal build of the same content, with search (its index is left out
# of the comparison: Pagefind’s filter files are not reproducible).
.build/release/rectify build --content "$WORK/content" --theme theme --output "$WORK/reference" --as-of "$AS_OF" >/dev/null

# 1. Hidden toolchain, no network.
PAGEFIND_PACKAGE=$(cd / && python3 -I -c 'import os, pagefind_bin_extended as p; print(os.path.dirname(os.path.realpath(p.__file__)))' 2>/dev/null || true)
HIDE="/opt/swift $ROOT/.build $ROOT/.build-dist ${PAGEFIND_PACKAGE}"
# The loopback interface is brought up: Foundation's child-process monitor uses a local
# socket pair, and an intranet machine has loopback even without a network.
# Not root: a user namespace of one's own gives the rights to mount and to bring lo up.
USERNS=$([ "$(id -u)" = 0 ] || echo "--user --map-root-user")
unshare $USERNS --mount --net -- bash -euo pipefail -c '
  ip link set lo up
  for folder in '"$HIDE"'; do [ -d "$folder" ] && mount -t tmpfs none "$folder"; done
  if command -v swift >/dev/null 2>&1 && swift --version >/dev/null 2>&1; then echo "swift is still reachable" >&2; exit 1; fi
  cd "'"$WORK"'"
  "'"$BUNDLE"'/rectify" --version
  "'"$BUNDLE"'/rectify" build --content content --output bundle-site --as-of '"$AS_OF"'
'
test -f "$WORK/bundle-site/pagefind/pagefind-entry.json" || { echo "the bundle built no search index" >&2; exit 1; }
# Same pages; the list of files differs only by the search index's line.
same_site() {
  diff -r -q -x pagefind -x .rectify-files "$1" "$2" && diff <(grep -v '^pagefind/$' "$1/.rectify-files") <(grep -v '^pagefind/$' "$2/.rectify-files")
}
if ! same_site "$WORK/reference" "$WORK/bundle-site"; then
  echo "the bundle's site differs from the normal build" >&2
  exit 1
fi
echo "dist-check 1/2: the bundle, with Swift hidden and no network, builds the sample with search; pages equal the normal build"
[ "$ONLY_FIRST" = "--no-chroot" ] && exit 0

# 2. A minimal Debian 12 root.
CHROOT=$WORK/debian
debootstrap --variant=minbase bookworm "$CHROOT" "${DEBIAN_MIRROR:-http://deb.debian.org/debian}" >"$WORK/debootstrap.log" 2>&1 \
  || { tail -20 "$WORK/debootstrap.log" >&2; exit 1; }
cp -R "$BUNDLE" "$CHROOT/opt/rectify"
cp -R content "$CHROOT/root/content"
# /proc is mounted as on any real system: the loader finds lib/ through $ORIGIN, which it
# reads from /proc/self/exe.
unshare --mount --net -- bash -euo pipefail -c 'ip link set lo up; mount -t proc proc "$0/proc"; exec chroot "$0" /bin/bash -euo pipefail -c "$1"' "$CHROOT" "
  if command -v swift || command -v python3; then echo \"the Debian root is not minimal\" >&2; exit 1; fi
  cd /root
  /opt/rectify/rectify --version
  /opt/rectify/rectify build --content content --output site --as-of $AS_OF
  test -f site/pagefind/pagefind-entry.json
"
if ! same_site "$WORK/reference" "$CHROOT/root/site"; then
  echo "the site built in the Debian root differs from the normal build" >&2
  exit 1
fi
echo "dist-check 2/2: in a debootstrap minbase Debian 12 root, under chroot, with no network, the bundle builds the sample with search"
