#!/bin/sh
# Run by Maven at the end of `package`: copies the launcher src/main/sh/separata to target/separata
# (it starts the JVM with a class-data archive and start-up flags) and trains the archives on every
# command (render and validate of a manifest and of a JATS file, validate and build of an issue,
# layouts, fonts, --help, --version) in one JVM (org.separata.cli.Training):
#   target/separata.jsa  an AppCDS archive, made by the JDK that builds (Java 17 or later);
#   target/separata.aot  a JDK 25 AOT cache (classes loaded and linked ahead of time), made when a
#                        JDK 25 or later is found: $SEPARATA_AOT_JDK, $JAVA_HOME, or /usr/lib/jvm/*.
# `java -jar target/separata.jar` works without them; the launcher only starts faster. If training
# fails, the launcher still works without the archive.
set -eu
target="$(cd -P "$(dirname "$0")/../../../target" && pwd -P)"
root="$(cd -P "$target/.." && pwd -P)"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

cp "$root/src/main/sh/separata" "$target/separata"
chmod +x "$target/separata"

# The training: every command, as the launcher runs it, in one JVM.
work="$target/training"
rm -rf "$work"
mkdir -p "$work"
set -- org.separata.cli.Training \
  --version --next --help --next layouts --next fonts \
  --next validate "$root/examples/adins-2021/article.yaml" \
  --next validate "$root/examples/adins-2021/article.xml" \
  --next validate "$root/examples/issue-2021-4/issue.yaml" --root "$root/examples" -q \
  --next render "$root/examples/adins-2021/article.yaml" -o "$work/yaml.pdf" \
  --next render "$root/examples/adins-2021/article.xml" -o "$work/xml.pdf" \
  --next issue "$root/examples/issue-2021-4/issue.yaml" --root "$root/examples" -o "$work/issue" --progress none
flags="-XX:+UseSerialGC -XX:-UsePerfData -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=4" # as the launcher

rm -f "$target/separata.jsa"
if "$java" -XX:ArchiveClassesAtExit="$target/separata.jsa" $flags -Xlog:cds=off -Xlog:cds+dynamic=off \
     -cp "$target/separata.jar" "$@" >"$work/jsa.log" 2>&1; then
  :
else
  rm -f "$target/separata.jsa"
  echo "note: the class-data archive could not be trained; target/separata runs without it:" >&2
  cat "$work/jsa.log" >&2
fi

# A JDK 25 or later for the AOT cache, if there is one.
major() { # the major version of the JDK at $1, from its release file; 0 if unknown
  v=0
  if [ -r "$1/release" ]; then
    while IFS= read -r line; do
      case "$line" in JAVA_VERSION=*) v="${line#JAVA_VERSION=\"}"; v="${v%%[!0-9]*}"; break ;; esac
    done < "$1/release"
  fi
  echo "${v:-0}"
}
jdk25=""
for h in "${SEPARATA_AOT_JDK:-}" "${JAVA_HOME:-}" /usr/lib/jvm/*; do
  if [ -n "$h" ] && [ -x "$h/bin/java" ] && [ "$(major "$h")" -ge 25 ]; then
    jdk25="$h"
    break
  fi
done
rm -f "$target/separata.aot"
if [ -n "$jdk25" ]; then
  if "$jdk25/bin/java" -XX:AOTCacheOutput="$target/separata.aot" $flags -Xlog:aot=off -Xlog:cds=off \
       -cp "$target/separata.jar" "$@" >"$work/aot.log" 2>&1 && [ -f "$target/separata.aot" ]; then
    :
  else
    rm -f "$target/separata.aot"
    echo "note: the JDK 25 AOT cache could not be made with $jdk25; target/separata runs without it:" >&2
    cat "$work/aot.log" >&2
  fi
fi
rm -rf "$work"
