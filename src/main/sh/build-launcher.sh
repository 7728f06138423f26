#!/bin/sh
# Run by Maven at the end of `package`: writes target/separata, a launcher that starts the JVM
# with an application class-data archive (AppCDS) and start-up flags, and trains that archive
# (target/separata.jsa) on the bundled example. `java -jar target/separata.jar` works without
# them; the launcher only starts faster. If training fails, the launcher still works without CDS.
set -eu
target="$(cd "$(dirname "$0")/../../../target" && pwd)"
root="$(cd "$target/.." && pwd)"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

cat > "$target/separata" <<'LAUNCHER'
#!/bin/sh
# Separata launcher: the same as `java -jar separata.jar`, with a class-data archive for a fast
# start. One-shot commands also use the quick-starting compiler; batch runs keep the full one.
here="$(cd "$(dirname "$0")" && pwd)"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
flags="-XX:+UseSerialGC -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off"
[ -f "$here/separata.jsa" ] && flags="$flags -XX:SharedArchiveFile=$here/separata.jsa"
case "${1:-}" in
  issue) ;;
  *) flags="$flags -XX:TieredStopAtLevel=1" ;;
esac
exec "$java" $flags -jar "$here/separata.jar" "$@"
LAUNCHER
chmod +x "$target/separata"

rm -f "$target/separata.jsa"
if "$java" -XX:ArchiveClassesAtExit="$target/separata.jsa" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
     -Xlog:cds=off -Xlog:cds+dynamic=off \
     -jar "$target/separata.jar" render "$root/examples/adins-2021/article.yaml" \
     -o "$target/cds-training.pdf" >/dev/null 2>&1; then
  rm -f "$target/cds-training.pdf"
else
  rm -f "$target/separata.jsa" "$target/cds-training.pdf"
  echo "note: the class-data archive could not be trained; target/separata runs without it" >&2
fi
