#!/bin/sh
# Puts `separata` on the PATH: a command in PREFIX/bin (default ~/.local/bin) that runs the launcher
# the build made (target/separata), the manual page in PREFIX/share/man/man1 and the bash completion
# in PREFIX/share/bash-completion/completions. Build first; run again after moving the repository.
#
#   mvn -q -DskipTests package && sh src/main/sh/install.sh [PREFIX]
#
# SEPARATA_BUILD names another build folder than the repository's target/.
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
build="${SEPARATA_BUILD:-$here/../../../target}"
prefix="${1:-$HOME/.local}"

if [ ! -x "$build/separata" ]; then
  echo "install.sh: $build/separata is not there; build first: mvn -q -DskipTests package" >&2
  exit 2
fi
build="$(cd "$build" && pwd)"

mkdir -p "$prefix/bin" "$prefix/share/man/man1" "$prefix/share/bash-completion/completions"
prefix="$(cd "$prefix" && pwd)"

# The command runs the launcher where the build put it, so the launcher finds its jar and
# class-data archive beside itself.
quoted="'$(printf '%s' "$build/separata" | sed "s/'/'\\\\''/g")'"
tmp="$prefix/bin/.separata.$$"
printf '#!/bin/sh\n# Installed by src/main/sh/install.sh: runs the launcher the build made.\nexec %s "$@"\n' "$quoted" > "$tmp"
chmod 755 "$tmp"
mv -f "$tmp" "$prefix/bin/separata"

[ -f "$build/separata.1" ] && cp "$build/separata.1" "$prefix/share/man/man1/separata.1"
[ -f "$build/separata.bash" ] && cp "$build/separata.bash" "$prefix/share/bash-completion/completions/separata"

echo "installed $prefix/bin/separata (runs $build/separata)"
[ -f "$build/separata.1" ] && echo "installed $prefix/share/man/man1/separata.1 (man separata)"
[ -f "$build/separata.bash" ] && echo "installed $prefix/share/bash-completion/completions/separata"
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "note: $prefix/bin is not on your PATH; add it, e.g. export PATH=\"$prefix/bin:\$PATH\" in ~/.profile" ;;
esac
