#!/bin/sh
# Installs the Debian packages vcsc needs, where they are missing.
#   scripts/deps.sh build   libraries and fonts to build and run vcsc
#   scripts/deps.sh test    build + what the test suite uses (clang-format
#                           for the format check, too)
# Needs root (or sudo) only when something is missing.
set -eu

build_pkgs="gcc make pkg-config libyaml-dev libcmark-gfm-dev
 libcmark-gfm-extensions-dev libxml2-dev libxslt1-dev libhpdf-dev
 libunibreak-dev libsodium-dev libqrencode-dev libzip-dev libxlsxwriter-dev
 fonts-dejavu-core fonts-noto-core"
test_pkgs="poppler-utils qpdf valgrind libxml2-utils jq chromium
 chromium-driver clang-format strace procps util-linux zbar-tools zip unzip"

want=$build_pkgs
[ "${1:-build}" = test ] && want="$build_pkgs $test_pkgs"

missing=
for p in $want; do
	s=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	case $s in
	*"ok installed") ;;
	*) missing="$missing $p" ;;
	esac
done
if [ "${1:-build}" = test ] && ! command -v node >/dev/null 2>&1; then
	missing="$missing nodejs npm"
fi
[ -z "$missing" ] && exit 0

echo "deps: installing:$missing"
sudo=
if [ "$(id -u)" != 0 ]; then
	command -v sudo >/dev/null 2>&1 || {
		echo "deps: need root to install:$missing" >&2
		exit 2
	}
	sudo=sudo
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing
