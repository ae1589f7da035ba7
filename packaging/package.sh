#!/usr/bin/env bash
# Builds a self-contained Setwise app (its own Java runtime inside) with the JDK's jpackage.
#
#   packaging/package.sh [app-image|deb|rpm]     (default: app-image, into target/dist/)
#
# The app image carries an AppCDS archive (lib/app/setwise.jsa, docs/decisions/0045): the classes
# a start loads, parsed and laid out once here, so each start maps them instead. It is made from
# the classes that training runs of the image itself load: commands on a scratch data folder, and
# the window for a few seconds when a display (or xvfb-run) is there. SETWISE_NO_CDS=1 leaves it
# out. Java 17 ties the archive to the absolute paths of the jars it was made from: a moved folder
# makes the JVM refuse it, and then it maps no archive at all, not even the JDK's own. So the
# archive is made for the app image only, where it is built; a deb or rpm (installed elsewhere)
# is made without it.
#
# JavaFX goes on the module path of the bundled runtime (jlink links its modules, natives
# included); everything else stays on the class path beside setwise.jar.
set -euo pipefail
cd "$(dirname "$0")/.."
type=${1:-app-image}
command -v jpackage >/dev/null || { echo "jpackage not found: use a full JDK 17+" >&2; exit 1; }

mvn -B -q package -DskipTests
version=$(sed -n 's/^version=//p' target/classes/dev/setwise/version.properties)
app_version=${version%%-*}

rm -rf target/jpackage target/dist
mkdir -p target/jpackage/input target/jpackage/javafx target/dist
cp target/setwise.jar target/jpackage/input/
for jar in target/lib/*.jar; do
  case $(basename "$jar") in
    javafx-*-linux.jar|javafx-*-win.jar|javafx-*-mac*.jar) cp "$jar" target/jpackage/javafx/ ;;
    javafx-*) ;;  # the empty platform-neutral POM jars
    *) mkdir -p target/jpackage/input/lib && cp "$jar" target/jpackage/input/lib/ ;;
  esac
done

# Always an app image first: the archive is made inside it, then a package is made from it.
jpackage --type app-image \
  --name Setwise \
  --app-version "$app_version" \
  --vendor "Setwise" \
  --description "Offline-first strength-training log" \
  --icon icons/setwise-256.png \
  --input target/jpackage/input \
  --main-jar setwise.jar \
  --main-class dev.setwise.Main \
  --module-path target/jpackage/javafx \
  --add-modules javafx.controls,javafx.media,java.sql,java.naming,java.net.http,java.management,jdk.unsupported,jdk.crypto.ec,java.desktop,java.logging,java.xml,jdk.zipfs \
  --java-options "-Xmx1g" \
  --java-options "--add-exports=javafx.base/com.sun.javafx.event=ALL-UNNAMED" \
  --dest target/dist

image=target/dist/Setwise
cfg=$image/lib/app/Setwise.cfg
if [[ ${SETWISE_NO_CDS:-0} != 1 && $type == app-image ]]; then
  train=$(mktemp -d)
  trap 'rm -rf "$train"' EXIT
  cp "$cfg" "$train/Setwise.cfg"
  with_options() {  # the image's launcher, with extra JVM options for one run
    cp "$train/Setwise.cfg" "$cfg"
    for option in "$@"; do sed -i "/^\[JavaOptions\]/a java-options=$option" "$cfg"; done
  }
  list() { with_options "-XX:DumpLoadedClassList=$train/$1.classes"; }
  data=$train/data
  list add;     "$image/bin/Setwise" --data-dir "$data" profile add Trainer >/dev/null
  list list;    "$image/bin/Setwise" --data-dir "$data" profile list >/dev/null
  list export;  "$image/bin/Setwise" --data-dir "$data" export --out "$train/export.json" >/dev/null
  list help;    "$image/bin/Setwise" --help >/dev/null
  window=()
  if [[ -n ${DISPLAY:-} ]]; then window=(timeout -s TERM 20); elif command -v xvfb-run >/dev/null; then
    window=(timeout -s TERM 25 xvfb-run -a); fi
  if ((${#window[@]})); then
    list window; "${window[@]}" "$image/bin/Setwise" --data-dir "$data" >/dev/null 2>&1 || true
  else
    echo "package.sh: no display: the archive holds the commands' classes, not the window's" >&2
  fi
  cat "$train"/*.classes | awk '!seen[$0]++' >"$train/all.classes"
  with_options -Xshare:dump "-XX:SharedClassListFile=$train/all.classes" '-XX:SharedArchiveFile=$APPDIR/setwise.jsa' \
    -Xlog:cds=off -Xlog:cds+dynamic=off
  "$image/bin/Setwise" >/dev/null 2>&1 || true
  with_options '-XX:SharedArchiveFile=$APPDIR/setwise.jsa' -Xlog:cds=off -Xlog:cds+dynamic=off
  [[ -s $image/lib/app/setwise.jsa ]] || { echo "package.sh: the AppCDS archive was not made" >&2; exit 1; }
fi

if [[ $type != app-image ]]; then
  jpackage --type "$type" --app-image "$image" --name Setwise --app-version "$app_version" \
    --vendor "Setwise" --description "Offline-first strength-training log" --dest target/dist
fi
echo "built target/dist ($type)"
